"""One self-contained HTML file for one document: reading view, actors, quotes and timeline.

No server and no network: styles and the small script are inlined, links are anchors in the file.
The document goes through an in-memory store so the report shows what the viewer shows.
"""
from __future__ import annotations

from markupsafe import Markup

from ..model import Document
from ..store import Store, query
from ..store.actors import actor_detail
from .reading import Reader
from .render import render, static_text
from .views import actor_ids


def report_link(kind: str, ident: str, **params) -> str:
    return f"#actor-{ident}" if kind == "actor" else f"#{ident}"


def report_html(doc: Document) -> str:
    with Store(":memory:") as store:
        doc_id = store.add(doc).doc_id
        conn = store.conn
        ids = actor_ids(conn, doc_id)
        reader = Reader(doc, ids, report_link)
        blocks, _ = reader.chunk(0, budget=len(doc.text) + 1)
        actors = [actor_detail(conn, a["id"]) for a in query.actors(conn, doc=doc_id)]
        quotes = query.quotes(conn, doc=doc_id)
        speakers = sorted({(q["speaker"], q["speaker_name"]) for q in quotes if q["speaker"]}, key=lambda x: x[1])
        items = query.timeline(conn, doc=doc_id)
        counts = {"actors": len(doc.actors), "quotes": len(doc.quotes), "timex": len(doc.timex),
                  "events": len(doc.events)}
    pages = [p.label for p in doc.pages]
    return render("report.html", title=doc.source.title or doc.source.name, doc=doc, doc_id=doc_id, blocks=blocks,
                  actors=actors, quotes=quotes, speakers=speakers, items=items, counts=counts, pages=pages,
                  mode="report", inline_css=Markup(static_text("style.css")), inline_js=Markup(static_text("app.js")))
