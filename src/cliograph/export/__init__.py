"""Exports of analyzed documents: json, jsonl, csv, tei, markdown, parquet. No spaCy here.

    export(docs, "tei", "out.xml")          # text formats: a file, or stdout when no output is given
    export(docs, "parquet", "out_folder")   # csv and parquet: a folder with one file per table
"""
from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterable

from ..model import Document

FORMATS = ("json", "jsonl", "csv", "tei", "markdown", "parquet")
FOLDER_FORMATS = ("csv", "parquet")


@contextlib.contextmanager
def _text_out(output: str | os.PathLike | None):
    if output is None or str(output) == "-":
        yield sys.stdout
        return
    with open(output, "w", encoding="utf-8", newline="") as f:
        yield f


def export(docs: Iterable[Document], fmt: str, output: str | os.PathLike | None = None, table: str | None = None,
           single: bool = False) -> str:
    """Write `docs` in `fmt`; returns what was written, for a message. `table` picks one CSV table."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: choose from {', '.join(FORMATS)}")
    if table and fmt != "csv":
        raise ValueError("--table applies to csv only (parquet always writes one file per table)")
    if fmt in FOLDER_FORMATS and not table:
        if output is None or str(output) == "-":
            raise ValueError(f"{fmt} writes a folder with one file per table: give -o FOLDER"
                             + (" (or --table NAME for one table on stdout)" if fmt == "csv" else ""))
        if os.path.exists(output) and not os.path.isdir(output):
            raise ValueError(f"{output}: exists and is not a folder ({fmt} writes one file per table)")
        from .tabular import write_csv, write_parquet

        counts = (write_parquet if fmt == "parquet" else write_csv)(docs, output)
        return f"{counts['documents']} documents as {fmt} tables (one file per table)"
    with _text_out(output) as out:
        if fmt == "csv":
            from .tabular import write_csv_table

            n = write_csv_table(docs, table, out)
            return f"{n} {table} rows"
        if fmt in ("json", "jsonl"):
            from .jsonl import write_json, write_jsonl

            n = write_jsonl(docs, out) if fmt == "jsonl" else write_json(docs, out, single=single)
            return f"{n} documents as {fmt}"
        docs = list(docs)
        if fmt == "tei":
            from .tei import to_tei

            out.write(to_tei(docs))
        else:
            from .markdown import to_markdown

            out.write(to_markdown(docs))
        return f"{len(docs)} documents as {fmt}"
