"""`quotes`: who said what to whom, with page and note."""
from __future__ import annotations

import click

from .main import cli
from .shared import load_document


def quote_lines(doc, speaker: str | None = None, phrases: bool = False) -> list[str]:
    """One line per quotation: `Speaker -> Addressee  p. 26  n. 88  "words"`."""
    names = {a.id: a.name for a in doc.actors}
    want = speaker.lower() if speaker else None
    lines = []
    for q in doc.quotes:
        if q.kind == "phrase" and not phrases:
            continue
        who = names.get(q.speaker) or q.speaker_text or "?"
        if want and want not in who.lower() and want not in (q.speaker_text or "").lower():
            continue
        head = who
        if q.addressee:
            head += f" -> {names.get(q.addressee, q.addressee)}"
        if q.kind != "speech":
            head += f" ({q.kind})"
        cite = [f"p. {q.page}"] if q.page else []
        cite += [f"n. {n}" for n in q.notes]
        lines.append("  ".join([head, *cite, f'"{q.text}"']))
    return lines


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--speaker", help="Only quotations whose speaker's name contains NAME (any case).")
@click.option("--phrases", is_flag=True, help="Also list scare quotes, terms and titles.")
@click.option("--model", help="spaCy model name (default: $CLIOGRAPH_MODEL, en_core_web_sm, the PyPI re-upload).")
def quotes(file, speaker, phrases, model):
    """Print the quotations of FILE: speaker -> addressee, page, notes, words.

    FILE is a text to analyze or an analyzed cliograph/1 .json file.

    Example: cliograph quotes chapter.txt --speaker "Chen Yi"
    """
    doc, _ = load_document(file, model, layers=("actors", "quotes"))
    for line in quote_lines(doc, speaker, phrases):
        click.echo(line)
