"""Writing documents into the store: one transaction per document, content-hash ids.

`add_document` is the only writer entry point. It takes a `Document` or its `cliograph/1` dict (what a
worker process hands back), so a batch runner can analyze in N processes and commit in one.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field

from ..model import Document, document_from_dict, document_to_dict
from ..model.spans import offset_map
from .cite import Citer, sentence_notes, sentences
from .dates import value_range
from .db import atomic

SPAN = ("start", "end", "source_start", "source_end")
# record fields kept in columns, per table; anything else a record carries goes to `extra` (JSON)
FIELDS = {
    "pages": SPAN + ("label", "inferred"),
    "note_refs": SPAN + ("text", "label", "note"),
    "notes": SPAN + ("text", "id", "label", "page"),
    "doc_actors": ("id", "name", "type", "aliases", "titles", "gazetteer_id", "affiliation"),
    "mentions": SPAN + ("text", "label"),
    "quotes": SPAN + ("text", "id", "kind", "speaker", "speaker_text", "addressee", "page", "notes", "part_of",
                      "speaker_span"),
    "timex": SPAN + ("text", "id", "type", "value", "mod", "anchor", "confidence"),
    "events": ("id", "trigger", "sentence", "predicate", "agent", "patient", "date", "time", "category", "page",
               "notes", "quad", "negated", "modality", "place", "agent_text", "patient_text"),
}
# dict key -> column name where they differ
RENAME = {"doc_actors": {"id": "local_id"},
          "quotes": {"id": "local_id", "speaker": "speaker_local", "addressee": "addressee_local"},
          "timex": {"id": "local_id"},
          "events": {"id": "local_id", "agent": "agent_local", "patient": "patient_local"}}
JSON_FIELDS = {"aliases", "titles", "notes", "speaker_span"}
BOOL_FIELDS = {"inferred", "negated"}
NESTED_SPANS = {"trigger", "sentence"}
STRUCTURE = ("partial_start", "partial_end", "paragraphs", "removed", "repairs", "diagnostics", "offset_map")
DOC_KEYS = {"schema", "source", "text", "main_end", "pages", "note_refs", "notes", "actors", "quotes", "timex",
            "events"} | set(STRUCTURE)


@dataclass
class AddResult:
    doc_id: str
    name: str
    added: bool  # False: the same content was already stored (a no-op)
    counts: dict[str, int] = field(default_factory=dict)


def actor_key(name: str, type_: str, gazetteer_id: str | None) -> str:
    """Identity of an actor across documents: its gazetteer id, else canonical name and type."""
    if gazetteer_id:
        return f"gz:{gazetteer_id}"
    return f"{type_}:{canonical(name)}"


def canonical(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).casefold().replace("\u2019", "'")
    return " ".join(text.split())


def slug(name: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_.lower()).strip("_") or "actor"


def _spec(table: str) -> list[tuple[str, str, str]]:
    """(record key, column name, conversion) per column of a table: v (value), json, bool, or span:<part>."""
    out = []
    rename = RENAME.get(table, {})
    for key in FIELDS[table]:
        if key in NESTED_SPANS:
            out += [(key, f"{key}_{part}", f"span:{part}") for part in SPAN + ("text",)]
        else:
            conv = "json" if key in JSON_FIELDS else "bool" if key in BOOL_FIELDS else "v"
            out.append((key, rename.get(key, key), conv))
    return out


SPECS = {table: _spec(table) for table in FIELDS}
KNOWN = {table: set(FIELDS[table]) | ({"mentions"} if table == "doc_actors" else set()) for table in FIELDS}


def columns(table: str, rec: dict) -> tuple[list[str], list, str | None]:
    """Column names and values for a record dict, plus its unknown fields as JSON."""
    values = []
    for key, _, conv in SPECS[table]:
        val = rec.get(key)
        if conv == "json":
            val = None if val is None and key == "speaker_span" else json.dumps(val if val is not None else [])
        elif conv == "bool":
            val = int(bool(val))
        elif conv != "v":
            val = val.get(conv[5:]) if val else None
        values.append(val)
    known = KNOWN[table]
    extra = {k: v for k, v in rec.items() if k not in known}
    return [c for _, c, _ in SPECS[table]], values, (json.dumps(extra, ensure_ascii=False) if extra else None)


class _Rows:
    """Rows gathered per table and written with one executemany each (columns are fixed per table)."""

    def __init__(self) -> None:
        self.tables: dict[str, tuple[list[str], list[list]]] = {}

    def add(self, table: str, fixed: dict, rec: dict, computed: dict | None = None) -> None:
        names, values, extra = columns(table, rec)
        computed = computed or {}
        if table not in self.tables:
            self.tables[table] = (list(fixed) + names + ["extra"] + list(computed), [])
        self.tables[table][1].append(list(fixed.values()) + values + [extra] + list(computed.values()))


def _resolve_actor(conn: sqlite3.Connection, name: str, type_: str, gazetteer_id: str | None) -> str:
    key = actor_key(name, type_, gazetteer_id)
    row = conn.execute("SELECT id FROM actors WHERE key = ?", (key,)).fetchone()
    if row:
        return row[0]
    base = slug(name)
    candidate, n = base, 1
    while conn.execute("SELECT 1 FROM actors WHERE id = ?", (candidate,)).fetchone():
        n += 1
        candidate = f"{base}_{type_.lower()}" if n == 2 else f"{base}_{n - 1}"
    conn.execute("INSERT INTO actors (id, key, name, type, gazetteer_id) VALUES (?, ?, ?, ?, ?)",
                 (candidate, key, name, type_, gazetteer_id))
    return candidate


def delete_document(conn: sqlite3.Connection, doc_id: str) -> None:
    """Remove a document and its records (inside the caller's transaction); drop actors no longer named."""
    for table in ("sentences", "quotes", "timex", "events", "mentions", "doc_actors", "notes", "note_refs", "pages"):
        conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
    conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
    conn.execute("DELETE FROM actors WHERE id NOT IN (SELECT actor_id FROM doc_actors)")


def _quote_dates(doc: Document, sents: list, events: list[dict]) -> list[str | None]:
    """A quote's date: the date of an event in its sentence, else of a timex in its sentence."""
    starts = [s.start for s in sents]

    def sentence_of(pos: int) -> int:
        return bisect_right(starts, pos) - 1

    by_sentence: dict[int, str] = {}
    for ev in events:
        if ev.get("date") and value_range(ev["date"]):
            by_sentence.setdefault(sentence_of(ev["trigger"]["start"]), ev["date"])
    for tx in doc.timex:
        if tx.type == "DATE" and value_range(tx.value):
            by_sentence.setdefault(sentence_of(tx.start), tx.value)
    return [by_sentence.get(sentence_of(q.start)) for q in doc.quotes]


@dataclass
class Prepared:
    """A document's rows, made without the database (in a worker), so the one writer only inserts them.

    Actor columns hold the document's local actor ids; the writer swaps in the store-wide ids.
    """
    doc_id: str
    name: str
    document: tuple  # (name, title, text, main_end, source JSON, structure JSON)
    actors: list[tuple[str, str, str, str | None]]  # (local id, name, type, gazetteer id)
    tables: dict[str, tuple[list[str], list[list]]]
    counts: dict[str, int]


ACTOR_COLUMNS = {"doc_actors": ("actor_id",), "mentions": ("actor_id",), "quotes": ("speaker_id", "addressee_id"),
                 "events": ("agent_id", "patient_id")}


def add_document(conn: sqlite3.Connection, doc: Document | dict | Prepared, replace: bool = False) -> AddResult:
    """Store `doc` with every layer in one transaction. The same content again is a no-op unless `replace`."""
    if not isinstance(doc, Prepared):
        data = doc if isinstance(doc, dict) else None
        doc_id = data["source"]["sha256"] if data else doc.source.sha256
        if not replace and _exists(conn, doc_id):
            return AddResult(doc_id, data["source"]["name"] if data else doc.source.name, False)
        doc = prepare_document(doc)
    with atomic(conn):
        exists = _exists(conn, doc.doc_id)
        if exists and not replace:
            return AddResult(doc.doc_id, doc.name, False)
        if exists:
            delete_document(conn, doc.doc_id)
        _insert(conn, doc)
    return AddResult(doc.doc_id, doc.name, True, doc.counts)


def _exists(conn: sqlite3.Connection, doc_id: str) -> bool:
    return conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None


def _insert(conn: sqlite3.Connection, prep: Prepared) -> None:
    seq = conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM documents").fetchone()[0]
    conn.execute("INSERT INTO documents (id, seq, name, title, text, main_end, source, structure, added_at) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 (prep.doc_id, seq, *prep.document, dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")))
    global_ids = {local: _resolve_actor(conn, name, type_, gz) for local, name, type_, gz in prep.actors}
    for table, (cols, rows) in prep.tables.items():
        swap = [cols.index(c) for c in ACTOR_COLUMNS.get(table, ())]
        if swap:
            rows = [list(r) for r in rows]
            for r in rows:
                for i in swap:
                    r[i] = global_ids.get(r[i])
        conn.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", rows)


def prepare_document(doc: Document | dict) -> Prepared:
    """Every row `doc` puts in the store, computed without a connection (safe in any process)."""
    data = doc if isinstance(doc, dict) else document_to_dict(doc)
    doc = document_from_dict(data) if isinstance(doc, dict) else doc
    doc_id = data["source"]["sha256"]
    structure = {k: data[k] for k in STRUCTURE if k in data}
    structure["extra"] = {k: v for k, v in data.items() if k not in DOC_KEYS}
    document = (doc.source.name, doc.source.title, doc.text, doc.main_end,
                json.dumps(data["source"], ensure_ascii=False), json.dumps(structure, ensure_ascii=False))
    citer = Citer(doc)
    rows = _Rows()
    for table in ("pages", "note_refs", "notes"):
        for i, rec in enumerate(data.get(table, [])):
            rows.add(table, {"doc_id": doc_id, "ord": i}, rec)
    actors = []
    for i, rec in enumerate(data.get("actors", [])):
        local = rec["id"]
        actors.append((local, rec["name"], rec["type"], rec.get("gazetteer_id")))
        rows.add("doc_actors", {"doc_id": doc_id, "ord": i, "actor_id": local}, rec)
        for j, m in enumerate(rec.get("mentions", [])):
            rows.add("mentions", {"doc_id": doc_id, "actor_local": local, "ord": j, "actor_id": local},
                     m, {"cite_page": citer.page(m["start"]), "cite_notes": json.dumps(citer.notes(m["start"], m["end"]))})
    sents = sentences(doc)
    events = data.get("events", [])
    quote_dates = _quote_dates(doc, sents, events)
    for i, rec in enumerate(data.get("quotes", [])):
        date = quote_dates[i]
        lo, hi = value_range(date) or (None, None)
        rows.add("quotes", {"doc_id": doc_id, "ord": i}, rec, {
            "speaker_id": rec.get("speaker"), "addressee_id": rec.get("addressee"),
            "cite_page": rec.get("page") or citer.page(rec["start"]),
            "cite_notes": json.dumps(rec.get("notes") or citer.notes(rec["start"], rec["end"])),
            "date": date, "date_lo": lo, "date_hi": hi})
    for i, rec in enumerate(data.get("timex", [])):
        lo, hi = value_range(rec.get("value")) or (None, None)
        rows.add("timex", {"doc_id": doc_id, "ord": i}, rec, {
            "cite_page": citer.page(rec["start"]), "cite_notes": json.dumps(citer.notes(rec["start"], rec["end"])),
            "date_lo": lo, "date_hi": hi})
    for i, rec in enumerate(events):
        lo, hi = value_range(rec.get("date")) or (None, None)
        trig = rec["trigger"]
        rows.add("events", {"doc_id": doc_id, "ord": i}, rec, {
            "agent_id": rec.get("agent"), "patient_id": rec.get("patient"),
            "cite_page": rec.get("page") or citer.page(trig["start"]),
            "cite_notes": json.dumps(rec.get("notes") or citer.notes(rec["sentence"]["start"], rec["sentence"]["end"])),
            "date_lo": lo, "date_hi": hi})
    omap = offset_map(doc)
    sentence_rows = []
    for s, notes in zip(sents, sentence_notes(doc, citer, sents), strict=True):
        src = omap.source_span(s.start, s.end)
        sentence_rows.append([doc_id, s.start, s.end, src[0], src[1], doc.text[s.start:s.end], int(s.in_notes),
                              citer.page(s.start), json.dumps(notes)])
    rows.tables["sentences"] = (["doc_id", "start", "end", "source_start", "source_end", "text", "in_notes",
                                 "cite_page", "cite_notes"], sentence_rows)
    counts = {"actors": len(doc.actors), "quotes": len(doc.quotes), "timex": len(doc.timex),
              "events": len(doc.events), "sentences": len(sents)}
    return Prepared(doc_id, doc.source.name, document, actors, rows.tables, counts)
