"""CSV and Parquet: a folder with one file per table (documents, actors, mentions, quotes, timex, events, ...).

Rows are written document by document, so a large store is exported in bounded memory. Parquet keeps
types and reads back into equal documents (`read_parquet`).
"""
from __future__ import annotations

import csv
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from ..model import Document
from .tables import TABLES, columns, decode, document_rows, documents_from_rows, encode

_ARROW = {"int": "int64", "float": "float64", "bool": "bool_", "str": "string", "json": "string"}


def arrow_schema(table: str):
    import pyarrow as pa

    out = []
    for name, kind in columns(table):
        typ = pa.list_(pa.string()) if kind == "list_str" else getattr(pa, _ARROW[kind])()
        out.append(pa.field(name, typ, metadata={"kind": kind}))
    return pa.schema(out, metadata={"cliograph": "table " + table})


def write_parquet(docs: Iterable[Document], folder: str | os.PathLike) -> dict[str, int]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    schemas = {t: arrow_schema(t) for t in TABLES}
    writers = {t: pq.ParquetWriter(folder / f"{t}.parquet", schemas[t]) for t in TABLES}
    counts = dict.fromkeys(TABLES, 0)
    try:
        for doc in docs:
            for table, rows in document_rows(doc).items():
                if not rows:
                    continue
                cols = columns(table)
                enc = [{c: encode(r.get(c), k, text=False) for c, k in cols} for r in rows]
                writers[table].write_table(pa.Table.from_pylist(enc, schema=schemas[table]))
                counts[table] += len(rows)
    finally:
        for w in writers.values():
            w.close()
    return counts


def read_parquet(folder: str | os.PathLike) -> list[Document]:
    """Documents back from a Parquet export folder."""
    import pyarrow.parquet as pq

    folder = Path(folder)
    tables = {}
    for table in TABLES:
        path = folder / f"{table}.parquet"
        if not path.exists():
            if table == "documents":
                raise FileNotFoundError(f"{folder}: no documents.parquet: not a cliograph Parquet export")
            continue
        kinds = dict(columns(table))
        rows = pq.read_table(path).to_pylist()
        tables[table] = [{c: decode(v, kinds.get(c, "str")) for c, v in r.items()} for r in rows]
    return documents_from_rows(tables)


def write_csv(docs: Iterable[Document], folder: str | os.PathLike) -> dict[str, int]:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    files = {t: open(folder / f"{t}.csv", "w", newline="", encoding="utf-8") for t in TABLES}
    counts = dict.fromkeys(TABLES, 0)
    try:
        writers = {t: _csv_writer(f, t) for t, f in files.items()}
        for doc in docs:
            for table, rows in document_rows(doc).items():
                _csv_rows(writers[table], table, rows)
                counts[table] += len(rows)
    finally:
        for f in files.values():
            f.close()
    return counts


def write_csv_table(docs: Iterable[Document], table: str, out: TextIO = sys.stdout) -> int:
    """One table (a layer) as one CSV stream."""
    if table not in TABLES:
        raise ValueError(f"no table {table!r}: choose from {', '.join(TABLES)}")
    writer = _csv_writer(out, table)
    n = 0
    for doc in docs:
        rows = document_rows(doc)[table]
        _csv_rows(writer, table, rows)
        n += len(rows)
    return n


def _csv_writer(f: TextIO, table: str) -> csv.writer:
    w = csv.writer(f)
    w.writerow([c for c, _ in columns(table)])
    return w


def _csv_rows(writer: csv.writer, table: str, rows: list[dict]) -> None:
    cols = columns(table)
    for r in rows:
        writer.writerow(["" if (v := encode(r.get(c), k, text=True)) is None else v for c, k in cols])
