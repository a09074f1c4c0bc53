"""`timeline`: dated facts (quotations, events) in time order, with page and note."""
from __future__ import annotations

import json

import click

from . import shared
from .main import _check_date, cli

WIDTH = 90  # characters of the quoted words shown per line


def load_document(file: str, reference_date, year_hint, model):
    """(document, time_at): a `cliograph/1` JSON file as it is, or a text analyzed with every layer."""
    doc, ctx = shared.load_document(file, model, reference_date, year_hint)
    return doc, ctx.data.get("time_at") if ctx else None


def entry_line(e) -> str:
    cite = [f"p. {e.page}"] if e.page else []
    cite += [f"n. {n}" for n in e.notes]
    words = e.text if len(e.text) <= WIDTH else e.text[:WIDTH - 3] + "..."
    if e.kind == "quote":
        words = f'"{words}"'
    return "  ".join([f"{e.date or 'undated':<12}", *cite, e.kind, words])


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, exists=True))
@click.option("--reference-date", callback=_check_date, help="The document's own date (YYYY-MM-DD), for news.")
@click.option("--year-hint", type=click.IntRange(-9999, 9999), envvar="CLIOGRAPH_YEAR_HINT",
              help="The year a text about a year it never names is about.")
@click.option("--undated", is_flag=True, help="Also list the facts no date could be given, after the others.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per fact (with source offsets).")
@click.option("--model", help="spaCy model name (default: $CLIOGRAPH_MODEL, en_core_web_sm, the PyPI re-upload).")
def timeline(file, reference_date, year_hint, undated, as_json, model):
    """List the dated facts of FILE in time order: quotations and events, with page and notes.

    FILE is a text to analyze, or a `cliograph/1` JSON file written by `analyze`. A quotation takes the
    date of the nearest time expression in its sentence, else the narrative time where it stands; an
    event its own date, else the narrative time.

    Example: cliograph timeline chapter.txt --year-hint 1960
    """
    from ..layers.time.timeline import timeline as build

    doc, time_at = load_document(file, reference_date, year_hint, model)
    for e in build(doc, time_at, undated=undated):
        click.echo(json.dumps(e.as_dict(), ensure_ascii=False) if as_json else entry_line(e))
