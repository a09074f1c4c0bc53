"""Errors the library raises. Only bad input or bad arguments raise; messages name the file."""


class CliographError(Exception):
    """Base class."""


class InputError(CliographError):
    """A file that cannot be read as a document: names the file and the problem."""

    def __init__(self, name: str, problem: str) -> None:
        super().__init__(f"{name}: {problem}")
        self.name = name
        self.problem = problem


class ModelError(CliographError):
    """The spaCy model cannot be loaded."""
