"""`relations`: how relations between actors moved, month by month."""
from __future__ import annotations

import csv
import json

import click

from . import shared
from .main import _check_date, cli

COLUMNS = ("a", "a_name", "b", "b_name", "month", "cooperation", "conflict", "quotes", "score", "tone",
           "categories", "events", "quote_ids")


def load_document(path: str, model: str | None, reference_date: str | None):
    """A `cliograph/1` JSON file as it is, or any other input analyzed with every layer."""
    return shared.load_document(path, model, reference_date)[0]


def _cell(value) -> str:
    if isinstance(value, dict):
        return " ".join(f"{k}:{v}" for k, v in sorted(value.items()))
    if isinstance(value, list):
        return " ".join(value)
    return "" if value is None else str(value)


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--actor", help="Only pairs where one side's id, name or alias contains this (case-insensitive).")
@click.option("--level", type=click.Choice(["actor", "side"]), default="actor", show_default=True,
              help="side: count people under the state or party they are affiliated with.")
@click.option("--csv", "as_csv", is_flag=True, help="Write CSV (one row per pair and month).")
@click.option("--json", "as_json", is_flag=True, help="Write JSON (a list of rows).")
@click.option("--model", help="spaCy model name, when FILE must be analyzed.")
@click.option("--reference-date", callback=_check_date, help="The document's own date (YYYY-MM-DD), for news.")
def relations(file, actor, level, as_csv, as_json, model, reference_date):
    """Per pair of actors and month: cooperative and conflictual events (PLOVER quad classes) and the
    quotations one addressed to the other.

    FILE is a text to analyze, or a cliograph/1 JSON file written by `cliograph analyze`. Negated
    events and events only attempted, intended or ordered are not counted.

    Example: cliograph relations chapter.txt --actor Nasser --csv
    """
    from ..layers.events.relations import relations as compute

    doc = load_document(file, model, reference_date)
    rows = [r.as_dict() for r in compute(doc, actor=actor, level=level)]
    if actor and not rows:
        known = sorted({a.name for a in doc.actors})
        hint = f"; actors: {', '.join(known[:12])}{' ...' if len(known) > 12 else ''}" if known else ""
        click.echo(f"cliograph: no relations involve {actor!r}{hint}", err=True)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    if as_csv:
        out = click.get_text_stream("stdout")
        w = csv.writer(out, lineterminator="\n")
        w.writerow(COLUMNS)
        for r in rows:
            w.writerow([_cell(r[c]) for c in COLUMNS])
        return
    pair = None
    for r in rows:
        if (r["a"], r["b"]) != pair:
            pair = (r["a"], r["b"])
            click.echo(f"{r['a_name']} -- {r['b_name']}")
        cats = _cell(r["categories"])
        click.echo(f"  {r['month'] or 'undated':8}  {r['tone']:11}  cooperation {r['cooperation']:>2}  "
                   f"conflict {r['conflict']:>2}  quotes {r['quotes']:>2}  score {r['score']:>6}  {cats}")
