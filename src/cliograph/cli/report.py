"""`report`: one self-contained HTML file for one document."""
from __future__ import annotations

import click

from .main import _check_date, cli, fail
from .store import load_documents, parse_layers


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The HTML file to write.")
@click.option("--reference-date", callback=_check_date, help="The document's own date (YYYY-MM-DD).")
@click.option("--model", help="spaCy model name.")
@click.option("--layers", envvar="CLIOGRAPH_LAYERS", help="Comma-separated layers to run.")
def report(file, output, reference_date, model, layers):
    """Write one HTML file (no server, no network) with the reading view, actors, quotes and timeline of FILE.

    FILE is a text to analyze or an analyzed cliograph/1 .json file.

    Example: cliograph report chapter.txt -o report.html
    """
    from ..viewer.report import report_html

    docs = [doc for _, doc in load_documents([file], parse_layers(layers, False), model, reference_date)]
    if not docs or docs[0] is None:
        fail(f"{file}: nothing to report")
    if len(docs) > 1:
        fail(f"{file}: holds {len(docs)} documents; a report shows one (use cliograph serve for several)")
    html = report_html(docs[0])
    try:
        with open(output, "w", encoding="utf-8") as f:
            f.write(html)
    except OSError as e:
        fail(f"{output}: cannot write: {e.strerror}")
    click.echo(f"wrote {output}", err=True)
