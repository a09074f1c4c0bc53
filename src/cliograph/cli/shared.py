"""Helpers shared by commands."""
from __future__ import annotations

import contextlib
import sys

import click

from ..errors import ModelError


def fail(message: str, code: int = 2) -> None:
    """One line on stderr naming the problem, then exit (2: bad input or arguments)."""
    click.echo(f"cliograph: {message}", err=True)
    sys.exit(code)


@contextlib.contextmanager
def open_out(path):
    if not path:
        yield sys.stdout
        return
    try:
        f = open(path, "w", encoding="utf-8")
    except OSError as e:
        fail(f"{path}: cannot write: {e.strerror}")
    with f:
        yield f


def load_nlp(model: str | None):
    from ..nlp import load_model

    try:
        return load_model(model)
    except ModelError as e:
        fail(str(e))


def load_document(path: str, model: str | None = None, reference_date: str | None = None,
                  year_hint: str | None = None, layers: tuple[str, ...] | None = None):
    """(document, context) for a `cliograph/1` JSON file as it is (context None), or for any other input
    analyzed with every layer (the layers' context, e.g. the narrative time `ctx.data["time_at"]`)."""
    import json

    from ..errors import CliographError
    from ..model import document_from_dict

    if path.lower().endswith(".json"):
        try:
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
        except OSError as e:
            fail(f"{path}: cannot read: {e.strerror}")
        except ValueError as e:
            fail(f"{path}: not JSON: {e}")
        if isinstance(data, dict) and data.get("schema") == "cliograph/1":
            try:
                return document_from_dict(data), None
            except (KeyError, TypeError, ValueError) as e:
                fail(f"{path}: not a readable cliograph/1 document: {e}")
        fail(f"{path}: not a cliograph/1 document (write one with `cliograph analyze FILE -o FILE.json`)")
    from ..ingest import ingest_file
    from ..layers import ORDER, run_layers

    nlp = load_nlp(model)
    try:
        doc = ingest_file(path, reference_date)
    except CliographError as e:
        fail(str(e))
    doc.source.year_hint = year_hint
    return doc, run_layers(doc, nlp=nlp, layers=layers or ORDER)
