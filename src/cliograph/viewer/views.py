"""Views over the store: each returns the data its page shows (the page's JSON twin) and, for the HTML,
what the template needs besides. Views never build HTML: templates escape everything they print.
"""
from __future__ import annotations

import math
import sqlite3
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from ..model import Document, document_from_dict
from ..store import actors as store_actors
from ..store import query
from ..store.read import document_dict, find_document
from .reading import Reader


class NotFound(Exception):
    pass


class BadRequest(Exception):
    pass


@dataclass
class View:
    template: str
    title: str
    data: dict
    html: dict[str, Any] = field(default_factory=dict)  # for the template only, not in the JSON twin


def server_link(kind: str, ident: str, **params) -> str:
    from urllib.parse import quote, urlencode

    base = {"actor": "/actors/", "doc": "/documents/"}[kind] + quote(ident, safe="")
    query_ = urlencode({k: v for k, v in params.items() if v is not None and k != "anchor"})
    return base + (f"?{query_}" if query_ else "") + (f"#{params['anchor']}" if params.get("anchor") else "")


def _param(params: dict, key: str) -> str | None:
    val = (params.get(key) or "").strip()
    return val or None


def _limit(params: dict, default: int) -> int:
    val = _param(params, "limit")
    if val is None:
        return default
    if not val.isdecimal() or int(val) < 1:
        raise BadRequest(f"limit {val!r} is not a positive number")
    return int(val)


def _checked(fn, *args, **kw):
    try:
        return fn(*args, **kw)
    except ValueError as e:
        raise BadRequest(str(e)) from None


def index(conn: sqlite3.Connection, params: dict) -> View:
    docs = query.documents(conn)
    totals = {"documents": len(docs), "actors": conn.execute("SELECT count(*) FROM actors").fetchone()[0]}
    for key in ("quotes", "timex", "events"):
        totals[key] = sum(d[key] for d in docs)
    return View("index.html", "Documents", {"documents": docs, "totals": totals})


def actor_ids(conn: sqlite3.Connection, doc_id: str) -> dict[str, str]:
    return {r[0]: r[1] for r in conn.execute("SELECT local_id, actor_id FROM doc_actors WHERE doc_id = ?", (doc_id,))}


class DocumentCache:
    """The last few documents read, keyed by id and time of addition (a --replace changes the key)."""

    def __init__(self, size: int = 4) -> None:
        self.size, self.items, self.lock = size, OrderedDict(), threading.Lock()

    def get(self, conn: sqlite3.Connection, doc_id: str) -> tuple[dict, Document] | None:
        row = conn.execute("SELECT added_at FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            return None
        key = (doc_id, row[0])
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
        data = document_dict(conn, doc_id)
        value = (data, document_from_dict(data))
        with self.lock:
            self.items[key] = value
            while len(self.items) > self.size:
                self.items.popitem(last=False)
        return value


def document(conn: sqlite3.Connection, key: str, params: dict, link=server_link,
             cache: DocumentCache | None = None) -> View:
    doc_id = find_document(conn, key)
    found = (cache or DocumentCache(1)).get(conn, doc_id) if doc_id else None
    if found is None:
        raise NotFound(f"no document {key!r}")
    data, doc = found
    reader = Reader(doc, actor_ids(conn, doc_id), link)
    first = 0
    if _param(params, "page"):
        first = reader.block_of_page(params["page"])
    elif _param(params, "at"):
        first = min(max(int(params["at"]) if params["at"].isdecimal() else 0, 0), max(len(reader.blocks) - 1, 0))
    chunk, nxt = reader.chunk(first)
    prev = None
    if first > 0:
        i, size = first, 0
        while i > 0 and size < 60_000:
            i -= 1
            size += reader.blocks[i].end - reader.blocks[i].start
        prev = i
    title = doc.source.title or doc.source.name
    return View("document.html", title, data, {
        "doc_id": doc_id, "blocks": chunk, "next": nxt, "prev": prev, "pages": [p.label for p in doc.pages],
        "counts": {"actors": len(doc.actors), "quotes": len(doc.quotes), "timex": len(doc.timex),
                   "events": len(doc.events)}})


def actors(conn: sqlite3.Connection, params: dict) -> View:
    rows = _checked(query.actors, conn, doc=_param(params, "doc"), type_=_param(params, "type"),
                    name=_param(params, "name"))
    types = [r[0] for r in conn.execute("SELECT DISTINCT type FROM actors ORDER BY type")]
    return View("actors.html", "Actors", {"actors": rows, "filters": _filters(params, "doc", "type", "name")},
                {"types": types})


def actor(conn: sqlite3.Connection, slug: str, params: dict) -> View:
    data = store_actors.actor_detail(conn, slug)
    if data is None:
        raise NotFound(f"no actor {slug!r}")
    return View("actor.html", data["name"], data)


def _filters(params: dict, *keys: str) -> dict:
    return {k: _param(params, k) for k in keys}


def quotes(conn: sqlite3.Connection, params: dict) -> View:
    f = _filters(params, "speaker", "addressee", "actor", "from", "to", "kind", "doc", "q")
    limit = _limit(params, 500)
    rows = _checked(query.quotes, conn, actor=f["actor"], speaker=f["speaker"], addressee=f["addressee"],
                    date_from=f["from"], date_to=f["to"], kind=f["kind"], doc=f["doc"], text=f["q"], limit=limit + 1)
    speakers = conn.execute("SELECT DISTINCT a.id, a.name FROM actors a JOIN quotes q ON q.speaker_id = a.id "
                            "ORDER BY a.name").fetchall()
    addressees = conn.execute("SELECT DISTINCT a.id, a.name FROM actors a JOIN quotes q ON q.addressee_id = a.id "
                              "ORDER BY a.name").fetchall()
    return View("quotes.html", "Quotes", {"quotes": rows[:limit], "filters": f, "more": len(rows) > limit},
                {"speakers": [tuple(r) for r in speakers], "addressees": [tuple(r) for r in addressees]})


def search(conn: sqlite3.Connection, params: dict) -> View:
    q = _param(params, "q")
    hits = []
    if q:
        hits = _checked(query.search, conn, q, limit=200, doc=_param(params, "doc"))
    for h in hits:
        h["segments"] = _segments(h.pop("marked"))
    return View("search.html", f"Search: {q}" if q else "Search", {"q": q, "hits": hits})


def _segments(marked: str) -> list[dict]:
    """Highlighted text as (text, hit) segments, so the template escapes every part."""
    out = []
    for i, part in enumerate(marked.split(query.HL_OPEN)):
        if i == 0:
            out.append({"s": part, "hit": False})
            continue
        hit, _, rest = part.partition(query.HL_CLOSE)
        out.append({"s": hit, "hit": True})
        if rest:
            out.append({"s": rest, "hit": False})
    return [s for s in out if s["s"]]


def timeline(conn: sqlite3.Connection, params: dict) -> View:
    f = _filters(params, "actor", "from", "to", "doc")
    limit = _limit(params, 1000)
    items = _checked(query.timeline, conn, actor=f["actor"], date_from=f["from"], date_to=f["to"], doc=f["doc"])
    people = conn.execute("SELECT a.id, a.name FROM actors a WHERE a.id IN (SELECT agent_id FROM events UNION "
                          "SELECT patient_id FROM events UNION SELECT speaker_id FROM quotes UNION "
                          "SELECT addressee_id FROM quotes) ORDER BY a.name").fetchall()
    return View("timeline.html", "Timeline", {"items": items[:limit], "filters": f, "more": len(items) > limit},
                {"actors": [tuple(r) for r in people]})


def network(conn: sqlite3.Connection, params: dict) -> View:
    data = store_actors.network(conn, doc=_param(params, "doc"))
    return View("network.html", "Network", data, {"layout": layout(data)})


def layout(net: dict, size: int = 640) -> dict:
    """Nodes on a circle (most linked first), edges as straight lines shortened to the node radius."""
    n = len(net["nodes"])
    c, r = size / 2, size / 2 - 110
    pos = {}
    for i, node in enumerate(net["nodes"]):
        angle = 2 * math.pi * i / max(n, 1) - math.pi / 2
        pos[node["id"]] = (c + r * math.cos(angle), c + r * math.sin(angle))
    nodes = [{**node, "x": round(pos[node["id"]][0], 1), "y": round(pos[node["id"]][1], 1),
              "r": round(6 + min(node["degree"], 20) * 0.6, 1),
              "anchor": "start" if pos[node["id"]][0] >= c else "end"} for node in net["nodes"]]
    radius = {nd["id"]: nd["r"] for nd in nodes}
    edges = []
    for e in net["edges"]:
        (x1, y1), (x2, y2) = pos[e["source"]], pos[e["target"]]
        d = math.hypot(x2 - x1, y2 - y1) or 1
        k1, k2 = radius[e["source"]] / d, (radius[e["target"]] + 4) / d
        edges.append({**e, "x1": round(x1 + (x2 - x1) * k1, 1), "y1": round(y1 + (y2 - y1) * k1, 1),
                      "x2": round(x2 - (x2 - x1) * k2, 1), "y2": round(y2 - (y2 - y1) * k2, 1),
                      "width": round(1 + min(e["weight"], 8) * 0.6, 1)})
    return {"size": size, "nodes": nodes, "edges": edges}
