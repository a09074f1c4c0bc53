"""Questions asked of the store. Every fact returned carries its citation: document, page, notes, offsets."""
from __future__ import annotations

import json
import re
import sqlite3
from functools import lru_cache
from importlib import resources

from .dates import bound, value_range

_CITE = ("doc_id", "start", "end", "source_start", "source_end")


@lru_cache(maxsize=1)
def quad_of_category() -> dict[str, str]:
    data = json.loads(resources.files(__package__).joinpath("data/plover.json").read_text(encoding="utf-8"))
    return {cat: quad for quad, cats in data.items() if not quad.startswith("_") for cat in cats}


def polarity(quad: str | None, category: str | None) -> str:
    """cooperation, conflict or neutral, from an event's quad class or its PLOVER category."""
    quad = (quad or quad_of_category().get((category or "").upper()) or "").lower()
    if "cooperation" in quad:
        return "cooperation"
    if "conflict" in quad:
        return "conflict"
    return "neutral"


def _names(conn: sqlite3.Connection) -> dict[str, str]:
    return {r[0]: r[1] for r in conn.execute("SELECT id, name FROM actors")}


def _doc_names(conn: sqlite3.Connection) -> dict[str, str]:
    return {r[0]: r[1] for r in conn.execute("SELECT id, name FROM documents")}


def _dates(where: list[str], args: list, date_from: str | None, date_to: str | None, prefix: str = "") -> None:
    if date_from:
        where.append(f"{prefix}date_hi >= ?")
        args.append(bound(date_from, upper=False))
    if date_to:
        where.append(f"{prefix}date_lo <= ?")
        args.append(bound(date_to, upper=True))


def resolve_actors(conn: sqlite3.Connection, name: str) -> list[str]:
    """Actor ids named by `name`: an id, a name or alias (any case), else names containing it."""
    key = " ".join(name.casefold().split())
    if conn.execute("SELECT 1 FROM actors WHERE id = ?", (name,)).fetchone():
        return [name]
    exact = conn.execute(
        "SELECT DISTINCT a.id FROM actors a JOIN doc_actors d ON d.actor_id = a.id "
        "WHERE lower(a.name) = ? OR lower(d.name) = ? "
        "OR EXISTS (SELECT 1 FROM json_each(d.aliases) j WHERE lower(j.value) = ?) ORDER BY a.id",
        (key, key, key)).fetchall()
    if exact:
        return [r[0] for r in exact]
    return [r[0] for r in conn.execute(
        "SELECT DISTINCT a.id FROM actors a JOIN doc_actors d ON d.actor_id = a.id "
        "WHERE instr(lower(a.name), ?) OR instr(lower(d.name), ?) ORDER BY a.id", (key, key))]


def _in(ids: list[str]) -> str:
    return "(" + ", ".join("?" * len(ids)) + ")" if ids else "(NULL)"


def _cite(row: sqlite3.Row, docs: dict[str, str], page_key: str = "cite_page") -> dict:
    return {"doc": row["doc_id"], "doc_name": docs.get(row["doc_id"]), "page": row[page_key],
            "notes": json.loads(row["cite_notes"]), "start": row["start"], "end": row["end"],
            "source_start": row["source_start"], "source_end": row["source_end"]}


def quotes(conn: sqlite3.Connection, actor: str | None = None, speaker: str | None = None,
           addressee: str | None = None, date_from: str | None = None, date_to: str | None = None,
           kind: str | None = None, doc: str | None = None, text: str | None = None,
           limit: int | None = None) -> list[dict]:
    """Quotes in document order; `actor` matches speaker or addressee; names resolve as in `resolve_actors`."""
    where, args = ["1"], []
    if actor:
        ids = resolve_actors(conn, actor)
        where.append(f"(q.speaker_id IN {_in(ids)} OR q.addressee_id IN {_in(ids)})")
        args += ids + ids
    for col, name in (("speaker_id", speaker), ("addressee_id", addressee)):
        if name:
            ids = resolve_actors(conn, name)
            where.append(f"q.{col} IN {_in(ids)}")
            args += ids
    if kind:
        where.append("q.kind = ?")
        args.append(kind)
    if doc:
        where.append("q.doc_id = ?")
        args.append(doc)
    if text:
        where.append("q.qid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
        args.append(fts_query(text))
    _dates(where, args, date_from, date_to, "q.")
    sql = (f"SELECT q.* FROM quotes q JOIN documents d ON d.id = q.doc_id WHERE {' AND '.join(where)} "
           f"ORDER BY d.seq, q.ord")
    if limit:
        sql += f" LIMIT {int(limit)}"
    names, docs = _names(conn), _doc_names(conn)
    out = []
    for r in conn.execute(sql, args):
        out.append({"id": r["local_id"], "kind": r["kind"], "text": r["text"], "speaker": r["speaker_id"],
                    "speaker_name": names.get(r["speaker_id"]), "speaker_text": r["speaker_text"],
                    "addressee": r["addressee_id"], "addressee_name": names.get(r["addressee_id"]),
                    "date": r["date"], **_cite(r, docs)})
    return out


def events(conn: sqlite3.Connection, actor: str | None = None, date_from: str | None = None,
           date_to: str | None = None, doc: str | None = None, category: str | None = None,
           limit: int | None = None, order: str = "document") -> list[dict]:
    """Events in document order (or by date with order="date"); `actor` matches agent or patient."""
    where, args = ["1"], []
    if actor:
        ids = resolve_actors(conn, actor)
        where.append(f"(e.agent_id IN {_in(ids)} OR e.patient_id IN {_in(ids)})")
        args += ids + ids
    if doc:
        where.append("e.doc_id = ?")
        args.append(doc)
    if category:
        where.append("upper(e.category) = upper(?)")
        args.append(category)
    _dates(where, args, date_from, date_to, "e.")
    by = "e.date_lo IS NULL, e.date_lo, e.date_hi, d.seq, e.ord" if order == "date" else "d.seq, e.ord"
    sql = f"SELECT e.* FROM events e JOIN documents d ON d.id = e.doc_id WHERE {' AND '.join(where)} ORDER BY {by}"
    if limit:
        sql += f" LIMIT {int(limit)}"
    names, docs = _names(conn), _doc_names(conn)
    out = []
    for r in conn.execute(sql, args):
        row = {"id": r["local_id"], "predicate": r["predicate"], "trigger": r["trigger_text"],
               "agent": r["agent_id"], "agent_name": names.get(r["agent_id"]), "agent_text": r["agent_text"],
               "patient": r["patient_id"], "patient_name": names.get(r["patient_id"]),
               "patient_text": r["patient_text"], "date": r["date"], "category": r["category"],
               "polarity": polarity(r["quad"], r["category"]), "negated": bool(r["negated"]),
               "sentence": r["sentence_text"], "doc": r["doc_id"], "doc_name": docs.get(r["doc_id"]),
               "page": r["cite_page"], "notes": json.loads(r["cite_notes"]), "start": r["trigger_start"],
               "end": r["trigger_end"], "source_start": r["trigger_source_start"],
               "source_end": r["trigger_source_end"]}
        out.append(row)
    return out


def actors(conn: sqlite3.Connection, doc: str | None = None, type_: str | None = None,
           name: str | None = None) -> list[dict]:
    """Actors with how often they are named, quoted, addressed and involved in events, most named first."""
    where, args = ["1"], []
    if doc:
        where.append("a.id IN (SELECT actor_id FROM doc_actors WHERE doc_id = ?)")
        args.append(doc)
    if type_:
        where.append("a.type = ?")
        args.append(type_.upper())
    if name:
        ids = resolve_actors(conn, name)
        where.append(f"a.id IN {_in(ids)}")
        args += ids
    scope = " AND doc_id = ?" if doc else ""
    sargs = [doc] if doc else []
    sql = f"""SELECT a.id, a.name, a.type, a.gazetteer_id,
      (SELECT count(DISTINCT doc_id) FROM doc_actors WHERE actor_id = a.id{scope}) AS documents,
      (SELECT count(*) FROM mentions WHERE actor_id = a.id{scope}) AS mentions,
      (SELECT count(*) FROM quotes WHERE speaker_id = a.id{scope}) AS said,
      (SELECT count(*) FROM quotes WHERE addressee_id = a.id{scope}) AS received,
      (SELECT count(*) FROM events WHERE (agent_id = a.id OR patient_id = a.id){scope}) AS events
      FROM actors a WHERE {' AND '.join(where)} ORDER BY mentions DESC, a.name"""
    return [dict(r) for r in conn.execute(sql, sargs * 5 + args)]


def timeline(conn: sqlite3.Connection, actor: str | None = None, date_from: str | None = None,
             date_to: str | None = None, doc: str | None = None) -> list[dict]:
    """Dated events and quotes in calendar order (ties in document order)."""
    items = [{**e, "entry": "event"} for e in events(conn, actor=actor, date_from=date_from, date_to=date_to, doc=doc)]
    items += [{**q, "entry": "quote"} for q in quotes(conn, actor=actor, date_from=date_from, date_to=date_to, doc=doc,
                                                     kind="speech")]
    seq = {r[0]: r[1] for r in conn.execute("SELECT id, seq FROM documents")}
    dated = []
    for item in items:
        rng = value_range(item["date"])
        if rng:
            dated.append((rng, seq.get(item["doc"], 0), item["start"], item))
    dated.sort(key=lambda t: t[:3])
    return [t[3] for t in dated]


def fts_query(text: str) -> str:
    """A safe FTS5 query: "quoted phrases" kept, other words each required, a trailing * a prefix."""
    parts = []
    for phrase, word in re.findall(r'"([^"]*)"|(\w+\*?)', text):
        if phrase.strip():
            parts.append('"' + phrase.replace('"', "") + '"')
        elif word:
            star = word.endswith("*")
            parts.append('"' + word.rstrip("*") + '"' + ("*" if star else ""))
    if not parts:
        raise ValueError(f"nothing to search for in {text!r}")
    return " ".join(parts)


HL_OPEN, HL_CLOSE = "\ue000", "\ue001"  # private-use marks: replaced after escaping, never in text


def search(conn: sqlite3.Connection, text: str, limit: int = 50, doc: str | None = None) -> list[dict]:
    """Sentences matching `text`, best first, each with its citation and the quotes it holds."""
    where, args = ["sentences_fts MATCH ?"], [fts_query(text)]
    if doc:
        where.append("s.doc_id = ?")
        args.append(doc)
    rows = conn.execute(
        f"SELECT s.*, highlight(sentences_fts, 0, '{HL_OPEN}', '{HL_CLOSE}') AS marked, bm25(sentences_fts) AS rank "
        f"FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid WHERE {' AND '.join(where)} "
        f"ORDER BY rank, s.doc_id, s.start LIMIT ?", args + [int(limit)]).fetchall()
    docs, names = _doc_names(conn), _names(conn)
    out = []
    for r in rows:
        held = conn.execute("SELECT local_id, speaker_id, text FROM quotes WHERE doc_id = ? AND start >= ? AND end <= ? "
                            "ORDER BY ord", (r["doc_id"], r["start"], r["end"])).fetchall()
        out.append({"text": r["text"], "marked": r["marked"], "in_notes": bool(r["in_notes"]), **_cite(r, docs),
                    "quotes": [{"id": q[0], "speaker": q[1], "speaker_name": names.get(q[1])} for q in held]})
    return out


def documents(conn: sqlite3.Connection) -> list[dict]:
    rows = conn.execute("""SELECT d.id, d.name, d.title, length(d.text) AS chars, d.added_at,
        (SELECT count(*) FROM pages WHERE doc_id = d.id) AS pages,
        (SELECT count(*) FROM doc_actors WHERE doc_id = d.id) AS actors,
        (SELECT count(*) FROM quotes WHERE doc_id = d.id) AS quotes,
        (SELECT count(*) FROM timex WHERE doc_id = d.id) AS timex,
        (SELECT count(*) FROM events WHERE doc_id = d.id) AS events
        FROM documents d ORDER BY d.seq""").fetchall()
    return [dict(r) for r in rows]
