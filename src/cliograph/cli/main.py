"""Command-line interface: thin commands over the library."""
from __future__ import annotations

import datetime as dt

import click

from ..errors import CliographError
from .shared import fail  # noqa: F401  (commands import it from here)


def _check_date(ctx, param, value):
    if value is None:
        return None
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None
    return value


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cliograph")
def cli() -> None:
    """Read history texts and build the cited record they describe.

    Example: cliograph analyze chapter.txt -o chapter.json
    """


def main() -> None:
    try:
        cli(standalone_mode=True)
    except CliographError as e:  # pragma: no cover - commands catch their own
        fail(str(e))


def _register() -> None:
    """Import every command module present; each registers its commands on `cli`."""
    import importlib

    for name in COMMAND_MODULES:
        try:
            importlib.import_module(f"{__package__}.{name}")
        except ModuleNotFoundError as e:
            if e.name != f"{__package__}.{name}":
                raise


COMMAND_MODULES = ("analyze", "actors", "quotes", "timeline", "relations", "store", "export", "serve", "report",
                   "corpus")
_register()
