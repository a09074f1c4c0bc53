"""`actors`: who is in the text, with types, titles, mention counts and pages."""
from __future__ import annotations

import json
import os

import click

from ..errors import CliographError
from .main import cli, fail
from .shared import load_document

GAZETTEER_ENV = "CLIOGRAPH_GAZETTEER"


def use_gazetteer(path: str | None) -> None:
    """Check a gazetteer CSV and hand it to the actors layer (which reads $CLIOGRAPH_GAZETTEER)."""
    if not path:
        return
    from ..layers.entities import load_gazetteer

    try:
        load_gazetteer(path)
    except CliographError as e:
        fail(str(e))
    os.environ[GAZETTEER_ENV] = os.path.abspath(path)


def actor_rows(doc) -> list[dict]:
    """One row per actor: id, type, name, mention count, pages in order, titles, aliases, affiliation."""
    from ..model import page_at

    rows = []
    for a in doc.actors:
        pages: list[str] = []
        for m in a.mentions:
            p = page_at(doc, m.start) if m.start < doc.main_end else None
            label = p.label if p else None
            if label and label not in pages:
                pages.append(label)
        rows.append({"id": a.id, "type": a.type, "name": a.name, "mentions": len(a.mentions), "pages": pages,
                     "titles": a.titles, "aliases": a.aliases, "affiliation": a.affiliation,
                     "gazetteer_id": a.gazetteer_id})
    return rows


def actor_lines(rows: list[dict], min_mentions: int = 1) -> list[str]:
    rows = [r for r in rows if r["mentions"] >= min_mentions]
    if not rows:
        return []
    width = max(len(r["name"]) for r in rows)
    lines = []
    for r in sorted(rows, key=lambda r: (-r["mentions"], r["name"])):
        pages = ("pp. " if len(r["pages"]) > 1 else "p. ") + ", ".join(r["pages"]) if r["pages"] else "-"
        extra = []
        if r["titles"]:
            extra.append("titles: " + "; ".join(r["titles"]))
        if r["affiliation"]:
            extra.append("of " + r["affiliation"])
        if r["aliases"]:
            extra.append("also: " + "; ".join(r["aliases"]))
        lines.append(f"{r['id']:>4}  {r['type']:<6} {r['name']:<{width}}  {r['mentions']:>3}x  {pages}"
                     + ("  " + "  ".join(extra) if extra else ""))
    return lines


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--gazetteer", type=click.Path(dir_okay=False), envvar=GAZETTEER_ENV,
              help="CSV of known actors (id, name, type, aliases) that pins canonical actors.")
@click.option("--min-mentions", type=click.IntRange(1), default=1, show_default=True,
              help="Only actors mentioned at least this many times.")
@click.option("--json", "as_json", is_flag=True, help="Print the rows as JSON.")
@click.option("--model", help="spaCy model name (default: $CLIOGRAPH_MODEL, en_core_web_sm, the PyPI re-upload).")
def actors(file, gazetteer, min_mentions, as_json, model):
    """Print the actors of FILE: type, name, mention count, pages, titles, aliases.

    FILE is a text to analyze or an analyzed cliograph/1 .json file.

    Example: cliograph actors chapter.txt --min-mentions 2
    """
    use_gazetteer(gazetteer)
    doc, _ = load_document(file, model, layers=("actors",))
    rows = actor_rows(doc)
    if as_json:
        click.echo(json.dumps([r for r in rows if r["mentions"] >= min_mentions], ensure_ascii=False, indent=1))
        return
    for line in actor_lines(rows, min_mentions):
        click.echo(line)
