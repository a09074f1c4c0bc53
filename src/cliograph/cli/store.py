"""`add`, `search` and `query`: the SQLite knowledge base from the command line."""
from __future__ import annotations

import csv
import json
import sys

import click

from ..errors import CliographError
from .main import _check_date, cli, fail

ANALYZED = (".json", ".jsonl")
LAYER_HELP = "Comma-separated layers to run (default: all: actors,quotes,timex,events)."


def parse_layers(layers: str | None, structure_only: bool) -> tuple[str, ...]:
    from ..pipeline import LAYERS

    if structure_only:
        return ()
    if not layers:
        return LAYERS
    names = tuple(x.strip() for x in layers.split(",") if x.strip())
    unknown = [x for x in names if x not in LAYERS]
    if unknown:
        fail(f"unknown layer {', '.join(unknown)}: choose from {', '.join(LAYERS)}")
    return names


def read_analyzed(path: str):
    """Documents from a cliograph/1 .json or .jsonl file; bad files end the command with exit 2."""
    from ..export.jsonl import read_json_documents

    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except FileNotFoundError:
        fail(f"{path}: no such file")
    except (OSError, UnicodeError) as e:
        fail(f"{path}: cannot read: {e}")
    try:
        return list(read_json_documents(text, path))
    except ValueError as e:
        fail(str(e))


def load_documents(paths, layers: tuple[str, ...], model: str | None, reference_date: str | None):
    """Yield (path, Document) for analyzed JSON files as they are and for other files after analysis.
    A file that cannot be read is reported on stderr and counted in the returned list of failures."""
    from ..pipeline import analyze_file
    from .shared import load_nlp

    nlp = None
    for path in paths:
        if path.lower().endswith(ANALYZED):
            for doc in read_analyzed(path):
                yield path, doc
            continue
        if layers and nlp is None:
            nlp = load_nlp(model)
        try:
            yield path, analyze_file(path, reference_date=reference_date, nlp=nlp, layers=layers)
        except CliographError as e:
            click.echo(f"cliograph: {e}", err=True)
            yield path, None


def open_store(db: str, readonly: bool = False):
    from ..store import Store, StoreError

    try:
        return Store(db, readonly=readonly)
    except StoreError as e:
        fail(str(e))


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="The store (created if missing).")
@click.option("--replace", is_flag=True, help="Store again documents whose content is already stored.")
@click.option("--reference-date", callback=_check_date, help="The documents' own date (YYYY-MM-DD).")
@click.option("--model", help="spaCy model name (default: $CLIOGRAPH_MODEL, en_core_web_sm, the PyPI re-upload).")
@click.option("--structure-only", is_flag=True, help="Only recover the document structure (no spaCy).")
@click.option("--layers", envvar="CLIOGRAPH_LAYERS", help=LAYER_HELP)
@click.option("-j", "--jobs", type=click.IntRange(1), default=1, show_default=True,
              help="Worker processes (the model is loaded once in each); one writer stores.")
@click.option("--dask", "dask_address", metavar="tcp://HOST:8786", help="Send the work to this Dask scheduler.")
@click.option("--dask-local", type=click.IntRange(1), metavar="N", help="Start a Dask LocalCluster of N workers "
              "on 127.0.0.1 and send the work there.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when a terminal).")
def add(inputs, db, replace, reference_date, model, structure_only, layers, jobs, dask_address, dask_local,
        progress):
    """Analyze INPUTS (files, directories, globs) and store them with every layer in the SQLite store DB.

    Each document is committed on its own as soon as it is analyzed, so a batch stopped mid-way keeps
    what it stored and a rerun skips every file whose content is already stored (use --replace to store
    it again). Analyzed cliograph/1 .json/.jsonl files are stored as they are. Bad files are reported
    with their reason and skipped; the exit status is then 2.

    Example: cliograph add books/ --db kb.sqlite --jobs 2
    """
    from ..corpus import expand_inputs, run_batch
    from .progress import batch_progress

    layers = parse_layers(layers, structure_only)
    paths = expand_inputs(inputs)
    if not paths:
        fail(f"no input files in {' '.join(inputs)}")
    analyzed = [p for p in paths if p.lower().endswith(ANALYZED)]
    raw = [p for p in paths if not p.lower().endswith(ANALYZED)]
    if raw and layers and not (dask_address or dask_local):
        from ..errors import ModelError
        from ..nlp.bridge import check_model

        try:  # a missing model is one clear message, not one per file; workers load their own
            check_model(model)
        except ModelError as e:
            fail(str(e))
    store = open_store(db)
    counts = {"added": 0, "skipped": 0}

    def write(doc) -> None:
        res = store.add(doc, replace=replace)
        name = res.name
        if not res.added:
            counts["skipped"] += 1
            return
        counts["added"] += 1
        c = res.counts
        click.echo(f"added {name}: {c['actors']} actors, {c['quotes']} quotations, {c['timex']} dates, "
                   f"{c['events']} events, {c['sentences']} sentences (id {res.doc_id[:12]})")

    with store:
        for path in analyzed:
            for doc in read_analyzed(path):
                write(doc)
        known = (lambda h: False) if replace else store.has
        with batch_progress(len(raw), progress) as on_result:
            result = run_batch(raw, write, known=known, jobs=jobs, dask=dask_address, dask_local=dask_local,
                               model=model, layers=layers, reference_date=reference_date, on_result=on_result,
                               on_skip=lambda p: click.echo(f"skipped {p}: already stored"), prepare=True)
    for _, why in result.failed:
        click.echo(f"cliograph: {why}", err=True)
    rate = f", {result.words / result.seconds:,.0f} words/s" if result.seconds and result.words else ""
    click.echo(f"{db}: {counts['added']} added, {counts['skipped'] + result.skipped} already stored, "
               f"{len(result.failed)} failed ({result.words:,} words in {result.seconds:.1f} s{rate})")
    if result.failed:
        sys.exit(2)


@cli.command()
@click.argument("text")
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="The store.")
@click.option("--limit", default=20, show_default=True, help="Most hits to show.")
@click.option("--json", "as_json", is_flag=True, help="Print the hits as JSON.")
def search(text, db, limit, as_json):
    """Full-text search over the stored sentences: each hit with its document, page and note.

    Words are all required; "quoted words" match as a phrase; a trailing * matches a prefix.

    Example: cliograph search "Yugoslavia" --db kb.sqlite
    """
    from ..store.query import HL_CLOSE, HL_OPEN
    from ..store.query import search as run

    store = open_store(db, readonly=True)
    try:
        hits = run(store.conn, text, limit=limit)
    except ValueError as e:
        fail(str(e))
    if as_json:
        for h in hits:
            h.pop("marked")
        click.echo(json.dumps(hits, ensure_ascii=False, indent=1))
        return
    for h in hits:
        cite = ", ".join(([f"p. {h['page']}"] if h["page"] else []) + [f"n. {n}" for n in h["notes"]])
        where = f"{h['doc_name']}" + (f", {cite}" if cite else "") + (" (note)" if h["in_notes"] else "")
        click.echo(f"{where}: {h['marked'].replace(HL_OPEN, '[').replace(HL_CLOSE, ']')}")
    if not hits:
        click.echo("no hits", err=True)


KINDS = ("quotes", "events", "actors", "timeline")


@cli.command()
@click.argument("kind", type=click.Choice(KINDS))
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="The store.")
@click.option("--actor", help="Only facts involving this actor (id, name or alias).")
@click.option("--from", "date_from", help="Dated on or after (1960, 1960-07 or 1960-07-16).")
@click.option("--to", "date_to", help="Dated on or before.")
@click.option("--doc", help="Only this document (id, id prefix or file name).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV.")
@click.option("--limit", type=int, help="Most rows to print.")
def query(kind, db, actor, date_from, date_to, doc, as_json, as_csv, limit):
    """Ask the store for quotes, events, actors or the timeline; every row cites document and page.

    Example: cliograph query quotes --db kb.sqlite --actor Khrushchev --from 1960 --to 1960 --json
    """
    from ..store import query as q

    if as_json and as_csv:
        fail("choose one of --json and --csv")
    store = open_store(db, readonly=True)
    doc_id = None
    if doc:
        doc_id = store.find(doc)
        if doc_id is None:
            fail(f"{db}: no document {doc!r}")
    try:
        if kind == "quotes":
            rows = q.quotes(store.conn, actor=actor, date_from=date_from, date_to=date_to, doc=doc_id, limit=limit)
        elif kind == "events":
            rows = q.events(store.conn, actor=actor, date_from=date_from, date_to=date_to, doc=doc_id, limit=limit)
        elif kind == "actors":
            if date_from or date_to:
                fail("--from/--to do not apply to actors")
            rows = q.actors(store.conn, doc=doc_id, name=actor)[:limit]
        else:
            rows = q.timeline(store.conn, actor=actor, date_from=date_from, date_to=date_to, doc=doc_id)[:limit]
    except ValueError as e:
        fail(str(e))
    if actor and kind != "actors" and not q.resolve_actors(store.conn, actor):
        click.echo(f"cliograph: no actor named {actor!r} in {db}", err=True)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
    elif as_csv:
        _write_csv(rows)
    else:
        for row in rows:
            click.echo(_line(kind, row))


def _write_csv(rows: list[dict]) -> None:
    if not rows:
        return
    cols = list(dict.fromkeys(k for r in rows for k in r))
    w = csv.writer(sys.stdout)
    w.writerow(cols)
    for r in rows:
        w.writerow([";".join(v) if isinstance(v, list) else ("" if v is None else v) for v in (r.get(c) for c in cols)])


def _cite(row: dict) -> str:
    parts = [row.get("doc_name") or ""] + ([f"p. {row['page']}"] if row.get("page") else [])
    parts += [f"n. {n}" for n in row.get("notes") or []]
    return ", ".join(p for p in parts if p)


def _line(kind: str, row: dict) -> str:
    if kind == "actors":
        docs = f"{row['documents']} document" + ("s" if row["documents"] != 1 else "")
        return (f"{row['name']} ({row['type']}, id {row['id']}): {row['mentions']} mentions in {docs}, "
                f"said {row['said']}, addressed {row['received']}, {row['events']} events")
    if kind == "timeline":
        kind = "events" if row["entry"] == "event" else "quotes"
        return f"{row['date']}  " + _line(kind, {**row, "date": None})
    if kind == "quotes":
        who = row["speaker_name"] or row["speaker_text"] or "?"
        to = f" to {row['addressee_name']}" if row["addressee_name"] else ""
        date = f" [{row['date']}]" if row.get("date") else ""
        return f"{who}{to}{date}: \u201c{row['text']}\u201d ({_cite(row)})"
    agent = row["agent_name"] or row["agent_text"] or "?"
    patient = row["patient_name"] or row["patient_text"] or ""
    date = f" [{row['date']}]" if row.get("date") else ""
    cat = f" {row['category']}" if row.get("category") else ""
    return f"{agent} {row['predicate']} {patient}{date}{cat} ({_cite(row)})".replace("  ", " ")
