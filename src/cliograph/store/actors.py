"""An actor's page (names, mentions by page, quotes, events) and the network of actors."""
from __future__ import annotations

import json
import sqlite3
from collections import Counter

from .query import _doc_names, events, quotes


def actor_detail(conn: sqlite3.Connection, actor_id: str) -> dict | None:
    row = conn.execute("SELECT * FROM actors WHERE id = ?", (actor_id,)).fetchone()
    if row is None:
        return None
    docs = _doc_names(conn)
    names, aliases, titles, affiliations = [], set(), set(), set()
    for r in conn.execute("SELECT d.* FROM doc_actors d JOIN documents x ON x.id = d.doc_id WHERE d.actor_id = ? "
                          "ORDER BY x.seq", (actor_id,)):
        names.append({"doc": r["doc_id"], "doc_name": docs.get(r["doc_id"]), "local_id": r["local_id"],
                      "name": r["name"]})
        aliases.update(json.loads(r["aliases"]))
        titles.update(json.loads(r["titles"]))
        if r["affiliation"]:
            affiliations.add(r["affiliation"])
    pages: dict[tuple[str, str | None], dict] = {}
    for m in conn.execute("SELECT m.* FROM mentions m JOIN documents x ON x.id = m.doc_id WHERE m.actor_id = ? "
                          "ORDER BY x.seq, m.start", (actor_id,)):
        key = (m["doc_id"], m["cite_page"])
        entry = pages.setdefault(key, {"doc": m["doc_id"], "doc_name": docs.get(m["doc_id"]), "page": m["cite_page"],
                                       "mentions": []})
        entry["mentions"].append({"text": m["text"], "start": m["start"], "end": m["end"],
                                  "source_start": m["source_start"], "source_end": m["source_end"],
                                  "notes": json.loads(m["cite_notes"])})
    return {"id": row["id"], "name": row["name"], "type": row["type"], "gazetteer_id": row["gazetteer_id"],
            "names": names, "aliases": sorted(aliases), "titles": sorted(titles),
            "affiliations": sorted(affiliations), "mentions_by_page": list(pages.values()),
            "mention_count": sum(len(p["mentions"]) for p in pages.values()),
            "said": quotes(conn, speaker=actor_id), "received": quotes(conn, addressee=actor_id),
            "events": events(conn, actor=actor_id)}


def network(conn: sqlite3.Connection, doc: str | None = None, max_nodes: int = 60) -> dict:
    """Actors joined by events (agent -> patient) and quotes (speaker -> addressee).

    Each edge counts its events by polarity (cooperation, conflict, neutral) and its quotes; its colour is
    the polarity with most events. Only the `max_nodes` actors with most links are kept.
    """
    names = {r[0]: (r[1], r[2]) for r in conn.execute("SELECT id, name, type FROM actors")}
    edges: dict[tuple[str, str], Counter] = {}
    for e in events(conn, doc=doc):
        if e["agent"] and e["patient"] and e["agent"] != e["patient"]:
            edges.setdefault((e["agent"], e["patient"]), Counter())[e["polarity"]] += 1
    for q in quotes(conn, doc=doc, kind="speech"):
        if q["speaker"] and q["addressee"] and q["speaker"] != q["addressee"]:
            edges.setdefault((q["speaker"], q["addressee"]), Counter())["quotes"] += 1
    degree: Counter = Counter()
    for (a, b), c in edges.items():
        n = sum(c.values())
        degree[a] += n
        degree[b] += n
    keep = {a for a, _ in degree.most_common(max_nodes)}
    nodes = [{"id": a, "name": names[a][0], "type": names[a][1], "degree": degree[a]}
             for a in sorted(keep, key=lambda x: (-degree[x], names[x][0]))]
    out_edges = []
    for (a, b), c in sorted(edges.items()):
        if a in keep and b in keep:
            ev = {k: c[k] for k in ("cooperation", "conflict", "neutral")}
            kind = max(ev, key=lambda k: ev[k]) if sum(ev.values()) else "quote"
            out_edges.append({"source": a, "target": b, "source_name": names[a][0], "target_name": names[b][0], **ev, "quotes": c["quotes"], "polarity": kind,
                              "weight": sum(c.values())})
    return {"nodes": nodes, "edges": out_edges, "polarity_of": "events: PLOVER quad class; quotes: speaker to addressee", "doc": doc}
