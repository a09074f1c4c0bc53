"""Reading documents back from the store: the same `Document` that was added, field for field."""
from __future__ import annotations

import json
import sqlite3

from ..model import Document, document_from_dict
from .write import BOOL_FIELDS, FIELDS, JSON_FIELDS, NESTED_SPANS, RENAME, SPAN


def _record(table: str, row: sqlite3.Row) -> dict:
    rename = RENAME.get(table, {})
    rec: dict = {}
    for key in FIELDS[table]:
        if key in NESTED_SPANS:
            rec[key] = {part: row[f"{key}_{part}"] for part in SPAN + ("text",)}
            continue
        val = row[rename.get(key, key)]
        if key in JSON_FIELDS:
            val = json.loads(val) if val is not None else None
        elif key in BOOL_FIELDS:
            val = bool(val)
        rec[key] = val
    if row["extra"]:
        rec.update(json.loads(row["extra"]))
    return rec


def _rows(conn: sqlite3.Connection, table: str, doc_id: str, order: str = "ord") -> list[sqlite3.Row]:
    return conn.execute(f"SELECT * FROM {table} WHERE doc_id = ? ORDER BY {order}", (doc_id,)).fetchall()


def document_dict(conn: sqlite3.Connection, doc_id: str) -> dict | None:
    """The `cliograph/1` dict of a stored document, or None when there is no such document."""
    row = conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        return None
    structure = json.loads(row["structure"])
    data: dict = {"schema": "cliograph/1", "source": json.loads(row["source"]), "text": row["text"],
                  "main_end": row["main_end"]}
    data.update(structure.pop("extra", {}))
    data.update(structure)
    text = row["text"]
    data["pages"] = []
    for r in _rows(conn, "pages", doc_id):
        rec = _record("pages", r)
        rec["text"] = text[rec["start"]:rec["end"]]  # page text is derived, not stored twice
        data["pages"].append(rec)
    for table in ("note_refs", "notes", "quotes", "timex", "events"):
        data[table] = [_record(table, r) for r in _rows(conn, table, doc_id)]
    mentions: dict[str, list[dict]] = {}
    for r in _rows(conn, "mentions", doc_id, "actor_local, ord"):
        mentions.setdefault(r["actor_local"], []).append(_record("mentions", r))
    data["actors"] = []
    for r in _rows(conn, "doc_actors", doc_id):
        rec = _record("doc_actors", r)
        rec["mentions"] = mentions.get(rec["id"], [])
        data["actors"].append(rec)
    return data


def read_document(conn: sqlite3.Connection, doc_id: str) -> Document | None:
    data = document_dict(conn, doc_id)
    return document_from_dict(data) if data is not None else None


def find_document(conn: sqlite3.Connection, key: str) -> str | None:
    """A document id from its full id, an id prefix (at least 6 characters) or its file name."""
    row = conn.execute("SELECT id FROM documents WHERE id = ?", (key,)).fetchone()
    if row:
        return row[0]
    if len(key) >= 6:
        rows = conn.execute("SELECT id FROM documents WHERE id LIKE ? || '%' LIMIT 2", (key.lower(),)).fetchall()
        if len(rows) == 1:
            return rows[0][0]
    rows = conn.execute("SELECT id FROM documents WHERE name = ? ORDER BY seq LIMIT 2", (key,)).fetchall()
    return rows[0][0] if len(rows) == 1 else None
