"""`export`: the store, or analyzed files, as json, jsonl, csv, tei, markdown or parquet."""
from __future__ import annotations

import click

from .main import _check_date, cli, fail
from .store import load_documents, open_store, parse_layers


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--db", type=click.Path(dir_okay=False), help="Export this store (instead of FILES).")
@click.option("--format", "fmt", required=True,
              type=click.Choice(["json", "jsonl", "csv", "tei", "markdown", "parquet"]),
              help="csv and parquet write a folder with one table per layer; the others one file.")
@click.option("-o", "--output", type=click.Path(), help="File (or folder for csv/parquet); default stdout.")
@click.option("--table", help="csv only: write this one table (e.g. quotes) to the output or stdout.")
@click.option("--doc", "doc_keys", multiple=True, help="With --db: only this document (id, prefix or file name).")
@click.option("--reference-date", callback=_check_date, help="For text FILES: their own date (YYYY-MM-DD).")
@click.option("--model", help="For text FILES: spaCy model name.")
@click.option("--layers", envvar="CLIOGRAPH_LAYERS", help="For text FILES: comma-separated layers to run.")
def export(files, db, fmt, output, table, doc_keys, reference_date, model, layers):
    """Export stored documents (--db) or FILES (analyzed cliograph/1 .json/.jsonl, or texts to analyze).

    TEI P5 marks pages, notes, names, quotations and dates in the text and lists actors and events in
    standOff; markdown is readable text with page marks and footnotes; parquet reads back losslessly.

    Example: cliograph export --db kb.sqlite --format tei -o corpus.xml
    """
    from ..export import export as run

    if bool(files) == bool(db):
        fail("give either FILES or --db STORE")
    if db:
        store = open_store(db, readonly=True)
        ids = store.doc_ids()
        if doc_keys:
            ids = []
            for key in doc_keys:
                found = store.find(key)
                if found is None:
                    fail(f"{db}: no document {key!r}")
                ids.append(found)
        docs = (store.document(i) for i in ids)
        single = False
    else:
        docs_list = [doc for _, doc in load_documents(files, parse_layers(layers, False), model, reference_date)
                     if doc is not None]
        if not docs_list:
            fail("no document could be read")
        docs, single = docs_list, len(files) == 1 and len(docs_list) == 1
    try:
        message = run(docs, fmt, output, table=table, single=single)
    except (ValueError, OSError) as e:
        fail(str(e))
    if output and output != "-":
        click.echo(f"wrote {message} to {output}", err=True)
