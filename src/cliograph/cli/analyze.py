"""`analyze` and `read`."""
from __future__ import annotations

import json
import sys

import click

from ..errors import CliographError, InputError
from ..model import document_to_dict
from .main import _check_date, cli, fail
from .shared import load_nlp, open_out


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json", show_default=True,
              help="json: one object (an array for several files); jsonl: one line per file, in input order.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here instead of stdout.")
@click.option("--reference-date", callback=_check_date, help="The document's own date (YYYY-MM-DD), for news.")
@click.option("--year-hint", type=click.IntRange(-9999, 9999), envvar="CLIOGRAPH_YEAR_HINT",
              help="The year a text about a year it never names is about (dates `On July 16` by it).")
@click.option("--model", help="spaCy model name (default: $CLIOGRAPH_MODEL, en_core_web_sm, the PyPI re-upload).")
@click.option("--structure-only", is_flag=True, help="Only recover the document structure (no spaCy).")
@click.option("--layers", envvar="CLIOGRAPH_LAYERS", help="Comma-separated layers to run (default: all: "
              "actors,quotes,timex,events).")
@click.option("--gazetteer", type=click.Path(dir_okay=False), envvar="CLIOGRAPH_GAZETTEER",
              help="CSV of known actors (id, name, type, aliases) that pins canonical actors.")
def analyze(files, fmt, output, reference_date, year_hint, model, structure_only, layers, gazetteer):
    """Analyze FILES and write `cliograph/1` JSON.

    A bad file is reported on stderr and skipped; the others are written and the exit status is 2.

    Example: cliograph analyze book.txt --format json -o book.json
    """
    from ..ingest import ingest_file
    from ..pipeline import LAYERS, analyze_document, analyze_file

    if structure_only:
        layers = ()
    elif layers:
        layers = tuple(x.strip() for x in layers.split(",") if x.strip())
        unknown = [x for x in layers if x not in LAYERS]
        if unknown:
            fail(f"unknown layer {', '.join(unknown)}: choose from {', '.join(LAYERS)}")
    else:
        layers = LAYERS
    if gazetteer and layers:
        from .actors import use_gazetteer

        use_gazetteer(gazetteer)
    nlp = load_nlp(model) if layers else None
    failed = 0
    results = []
    with open_out(output) as out:
        for path in files:
            try:
                if year_hint is None:
                    doc = analyze_file(path, reference_date=reference_date, nlp=nlp, layers=layers)
                else:
                    doc = ingest_file(path, reference_date)
                    doc.source.year_hint = year_hint
                    doc = analyze_document(doc, nlp=nlp, layers=layers)
            except CliographError as e:
                click.echo(f"cliograph: {e}", err=True)
                failed += 1
                continue
            data = document_to_dict(doc)
            if fmt == "jsonl":
                out.write(json.dumps(data, ensure_ascii=False) + "\n")
            else:
                results.append(data)
        if fmt == "json" and results:
            obj = results[0] if len(files) == 1 else results
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")
    if failed:
        sys.exit(2)


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False))
def read(file):
    """Print the clean text of FILE with page marks [p. 26] and note marks [n. 88].

    Example: cliograph read chapter.txt
    """
    from ..export.plain import marked_text
    from ..ingest import ingest_file

    try:
        doc = ingest_file(file)
    except InputError as e:
        fail(str(e))
    click.echo(marked_text(doc))
