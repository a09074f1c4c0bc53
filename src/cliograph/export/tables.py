"""Documents as flat tables, one per layer, and back: the shape of the CSV and Parquet exports.

Columns follow the record fields (`cliograph/1` names); a nested span becomes prefixed columns
(`trigger_start`, ...), lists of strings stay lists, anything else is JSON text. Every row carries its
document (`doc`, the content hash) and its position (`ord`); every fact also carries `cite_page`.
"""
from __future__ import annotations

import json
import types
import typing
from collections.abc import Iterable
from dataclasses import fields

from ..model import Document, document_from_dict, document_to_dict
from ..model import records as R
from ..store.cite import Citer

LISTS = {"pages": R.Page, "paragraphs": R.Paragraph, "note_refs": R.NoteRef, "notes": R.Note,
         "removed": R.Removed, "repairs": R.Repair, "diagnostics": R.Diagnostic, "actors": R.Actor,
         "mentions": R.Mention, "quotes": R.Quote, "timex": R.TimeExpr, "events": R.Event}
TABLES = ("documents", "offset_map") + tuple(LISTS)
FACTS = {"mentions", "quotes", "timex", "events"}  # get a derived `cite_page` column
SPAN_PARTS = ("start", "end", "source_start", "source_end", "text")
DOC_FLAGS = (("text", "str"), ("partial_start", "bool"), ("partial_end", "bool"), ("main_end", "int"))
OFFSET_COLUMNS = (("clean_start", "int"), ("source_start", "int"), ("clean_len", "int"), ("source_len", "int"),
                  ("exact", "int"))


def _kind(hint) -> str:
    """int, float, bool, str, list_str, span (a nested Span) or json."""
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    if typing.get_origin(hint) in (typing.Union, types.UnionType) and len(args) == 1:
        hint = args[0]
    if hint in (int, float, bool, str):
        return hint.__name__
    if isinstance(hint, type) and issubclass(hint, R.Span):
        return "span"
    if typing.get_origin(hint) is list and typing.get_args(hint) == (str,):
        return "list_str"
    return "json"


def _hints(cls) -> dict:
    return typing.get_type_hints(cls, vars(R))


def columns(table: str) -> list[tuple[str, str]]:
    """(column, kind) for a table, in order."""
    if table == "documents":
        src = [(f"source_{'from' if f.name == 'from_' else f.name}", _kind(_hints(R.Source)[f.name]))
               for f in fields(R.Source)]
        return [("doc", "str")] + src + list(DOC_FLAGS)
    if table == "offset_map":
        return [("doc", "str"), ("ord", "int")] + list(OFFSET_COLUMNS)
    cls = LISTS[table]
    cols = [("doc", "str")] + ([("actor", "str")] if table == "mentions" else []) + [("ord", "int")]
    hints = _hints(cls)
    for f in fields(cls):
        if table == "actors" and f.name == "mentions":
            continue
        name = "from" if f.name == "from_" else f.name
        kind = _kind(hints[f.name])
        if kind == "span":
            cols += [(f"{name}_{p}", "str" if p == "text" else "int") for p in SPAN_PARTS]
        else:
            cols.append((name, kind))
    if table in FACTS:
        cols.append(("cite_page", "str"))
    return cols


def _flat(rec: dict, cols: list[tuple[str, str]], fixed: dict) -> dict:
    row = dict(fixed)
    for name, _ in cols:
        if name in row:
            continue
        if name in rec:
            row[name] = rec[name]
            continue
        for p in SPAN_PARTS:  # prefixed span column
            if name.endswith("_" + p) and name[: -len(p) - 1] in rec:
                span = rec[name[: -len(p) - 1]]
                row[name] = span.get(p) if span else None
                break
        else:
            row[name] = None
    return row


def document_rows(doc: Document) -> dict[str, list[dict]]:
    """The rows of every table for one document."""
    data = document_to_dict(doc)
    doc_id = doc.source.sha256
    citer = Citer(doc)
    out: dict[str, list[dict]] = {t: [] for t in TABLES}
    drow = {"doc": doc_id, **{f"source_{k}": v for k, v in data["source"].items()}}
    drow.update({k: data.get(k) for k, _ in DOC_FLAGS})
    out["documents"].append(_flat({}, columns("documents"), drow))
    out["offset_map"] = [{"doc": doc_id, "ord": i, **dict(zip([c for c, _ in OFFSET_COLUMNS], seg, strict=True))}
                         for i, seg in enumerate(data.get("offset_map", []))]
    for table in LISTS:
        if table == "mentions":
            continue
        cols = columns(table)
        for i, rec in enumerate(data.get(table, [])):
            fixed = {"doc": doc_id, "ord": i}
            if table in FACTS:
                start = rec["trigger"]["start"] if table == "events" else rec["start"]
                fixed["cite_page"] = rec.get("page") or citer.page(start)
            out[table].append(_flat(rec, cols, fixed))
            if table == "actors":
                mcols = columns("mentions")
                for j, m in enumerate(rec.get("mentions", [])):
                    out["mentions"].append(_flat(m, mcols, {"doc": doc_id, "actor": rec["id"], "ord": j,
                                                            "cite_page": citer.page(m["start"])}))
    return out


def _unflat(row: dict, cls) -> dict:
    rec: dict = {}
    hints = _hints(cls)
    for f in fields(cls):
        name = "from" if f.name == "from_" else f.name
        if _kind(hints[f.name]) == "span":
            parts = {p: row.get(f"{name}_{p}") for p in SPAN_PARTS}
            rec[name] = None if all(v is None for v in parts.values()) else parts
        elif name in row:
            rec[name] = row[name]
    return rec


def documents_from_rows(tables: dict[str, Iterable[dict]]) -> list[Document]:
    """Rebuild documents from table rows (values already decoded to Python types)."""
    by_doc: dict[str, dict[str, list[dict]]] = {}
    for table, rows in tables.items():
        for row in rows:
            by_doc.setdefault(row["doc"], {}).setdefault(table, []).append(row)
    docs = []
    for parts in by_doc.values():
        (drow,) = parts["documents"]
        data: dict = {"schema": R.SCHEMA,
                      "source": {k[len("source_"):]: v for k, v in drow.items() if k.startswith("source_")}}
        data.update({k: drow[k] for k, _ in DOC_FLAGS})
        ordered = {t: sorted(rows, key=lambda r: (r.get("actor") or "", r.get("ord", 0))) for t, rows in parts.items()}
        data["offset_map"] = [[r[c] for c, _ in OFFSET_COLUMNS] for r in ordered.get("offset_map", [])]
        mentions: dict[str, list[dict]] = {}
        for r in ordered.get("mentions", []):
            mentions.setdefault(r["actor"], []).append(_unflat(r, R.Mention))
        for table, cls in LISTS.items():
            if table == "mentions":
                continue
            data[table] = [_unflat(r, cls) for r in ordered.get(table, [])]
        for a in data["actors"]:
            a["mentions"] = mentions.get(a["id"], [])
        docs.append(document_from_dict(data))
    return docs


def encode(value, kind: str, text: bool) -> object:
    """A value as stored: JSON text for `json` kinds (and lists too in CSV)."""
    if value is None:
        return None
    if kind == "json" or (text and kind == "list_str"):
        return json.dumps(value, ensure_ascii=False)
    if text and kind == "bool":
        return "true" if value else "false"
    return value


def decode(value, kind: str) -> object:
    if value is None:
        return None
    if kind == "json":
        return json.loads(value)
    return value

