"""Markdown for readers: the text with page marks and footnotes, then actors, quotes and the timeline."""
from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Document
from ..store.cite import Citer
from ..store.dates import value_range
from .inline import blocks, tokens

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_LINE_START = re.compile(r"^(\s*)([#>+=-])", re.M)
_LIST_NUMBER = re.compile(r"^(\s*\d+)([.)])", re.M)


def escape(text: str) -> str:
    """Text that Markdown shows as written (no emphasis, links, HTML or headings)."""
    text = _SPECIAL.sub(r"\\\1", text)
    text = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    return _LIST_NUMBER.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def _cite(page: str | None, notes: list[str]) -> str:
    parts = ([f"p. {page}"] if page else []) + [f"n. {n}" for n in notes]
    return ", ".join(parts)


def document_markdown(doc: Document, prefix: str = "") -> str:
    citer = Citer(doc)
    names = {a.id: a.name for a in doc.actors}
    note_label = {n.id: n.label for n in doc.notes}
    out = [f"# {escape(doc.source.title or doc.source.name)}", "",
           f"Source: `{doc.source.name}` (sha256 {doc.source.sha256[:12]}), {len(doc.pages)} pages", ""]
    footnotes = []
    for block in blocks(doc, marks=[]):
        parts = []
        for kind, val in tokens(doc.text, block):
            if kind == "text":
                parts.append(escape(val))
            elif kind == "point" and val.kind == "page":
                if val.data.label:
                    parts.append(f"**\\[p. {escape(val.data.label)}\\]** ")
            elif kind == "point":
                ref = val.data
                parts.append(f"[^{prefix}{ref.label}]" if ref.note in note_label else f" \\[n. {escape(ref.label)}\\]")
        text = "".join(parts).strip()
        if block.kind == "note" and block.note is not None:
            footnotes.append(f"[^{prefix}{block.note.label}]: {text}")
        elif text:
            out += [text, ""]
    if doc.actors:
        out += ["## Actors", ""]
        for a in doc.actors:
            pages = sorted({p for m in a.mentions if (p := citer.page(m.start))}, key=_page_key)
            extra = "; ".join(escape(t) for t in a.titles)
            out.append(f"- **{escape(a.name)}** ({a.type}{'; ' + extra if extra else ''}): "
                       f"{len(a.mentions)} mention{'s' if len(a.mentions) != 1 else ''}{', pp. ' + ', '.join(pages) if pages else ''}")
        out.append("")
    speech = [q for q in doc.quotes if q.kind == "speech"]
    if speech:
        out += ["## Quotes", ""]
        for q in speech:
            who = escape(names.get(q.speaker) or q.speaker_text or "unknown speaker")
            to = f" to {escape(names[q.addressee])}" if q.addressee in names else ""
            cite = _cite(q.page or citer.page(q.start), q.notes)
            out.append(f"- \u201c{escape(q.text)}\u201d \u2014 {who}{to}" + (f" ({cite})" if cite else ""))
        out.append("")
    dated = sorted((e for e in doc.events if value_range(e.date)), key=lambda e: (value_range(e.date), e.trigger.start))
    if dated:
        out += ["## Timeline", ""]
        for e in dated:
            agent = escape(names.get(e.agent) or e.agent_text or "")
            patient = escape(names.get(e.patient) or e.patient_text or "")
            what = " ".join(x for x in (agent, escape(e.predicate), patient) if x)
            cat = f" [{e.category}]" if e.category else ""
            cite = _cite(e.page or citer.page(e.trigger.start), e.notes)
            out.append(f"- {e.date}: {what}{cat}" + (f" ({cite})" if cite else ""))
        out.append("")
    if footnotes:
        out += footnotes + [""]
    return "\n".join(out)


def _page_key(label: str):
    return (0, int(label), "") if label.isdecimal() else (1, 0, label)


def to_markdown(docs: Iterable[Document]) -> str:
    parts = [document_markdown(d, prefix="" if i == 0 else f"d{i + 1}-") for i, d in enumerate(docs)]
    return "\n---\n\n".join(parts)
