"""The reading view: a document's blocks as plain tokens for the templates (which escape everything).

Tokens are dicts: text, open/close of a highlighted span (actor, quote, date, event trigger) with a
tooltip giving the normalized date, the speaker and addressee, and the citation; page breaks; note marks.
"""
from __future__ import annotations

from ..export.inline import Block, blocks, tokens
from ..model import Document
from ..store.cite import Citer

BUDGET = 60_000  # characters of text per reading page


def _cite(page: str | None, notes: list[str], span) -> str:
    parts = [f"p. {page}"] if page else []
    parts += [f"n. {n}" for n in notes]
    parts.append(f"source {span.source_start}\u2013{span.source_end}")
    return " \u00b7 ".join(parts)


class Reader:
    def __init__(self, doc: Document, actor_ids: dict[str, str], link) -> None:
        """`actor_ids`: the document's actor ids -> store ids; `link(kind, id)` builds hrefs."""
        self.doc, self.actor_ids, self.link = doc, actor_ids, link
        self.citer = Citer(doc)
        self.names = {a.id: a.name for a in doc.actors}
        self.notes = {n.id: n for n in doc.notes}
        self.blocks: list[Block] = blocks(doc)

    def chunk(self, first: int = 0, budget: int = BUDGET) -> tuple[list[dict], int | None]:
        """Blocks from index `first` up to about `budget` characters; returns them and the next index."""
        out, size, i = [], 0, first
        while i < len(self.blocks) and (size < budget or not out):
            b = self.blocks[i]
            out.append({"kind": b.kind, "index": i, "id": f"note-{b.note.id}" if b.note else f"b{i}",
                        "label": b.note.label if b.note else None, "tokens": self.tokens(b)})
            size += b.end - b.start
            i += 1
        return out, (i if i < len(self.blocks) else None)

    def block_of_page(self, label: str) -> int:
        for p in self.doc.pages:
            if p.label == label:
                for i, b in enumerate(self.blocks):
                    if b.end >= p.start:
                        return i
        return 0

    def tokens(self, block: Block) -> list[dict]:
        out = []
        for kind, val in tokens(self.doc.text, block):
            if kind == "text":
                out.append({"t": "text", "s": val})
            elif kind == "point" and val.kind == "page":
                out.append({"t": "page", "label": val.data.label})
            elif kind == "point":
                ref = val.data
                note = self.notes.get(ref.note)
                out.append({"t": "note", "label": ref.label, "target": f"note-{note.id}" if note else None,
                            "tip": f"note {ref.label}: {note.text[:300]}" if note else f"note {ref.label}"})
            elif kind == "open":
                out.append(self.open(val))
            else:
                out.append({"t": "close", "tag": "a" if val.kind == "actor" else "span"})
        return out

    def open(self, mark) -> dict:
        d = mark.data
        if mark.kind == "actor":
            sid = self.actor_ids.get(d.id, d.id)
            page = self.citer.page(mark.start)
            return {"t": "open", "tag": "a", "cls": f"actor type-{d.type}", "href": self.link("actor", sid),
                    "tip": f"{d.name} ({d.type})" + (f" \u00b7 p. {page}" if page else ""), "data": {"actor": sid}}
        if mark.kind == "quote":
            who = self.names.get(d.speaker) or d.speaker_text or "speaker unknown"
            to = self.names.get(d.addressee)
            tip = f"{'Quote' if d.kind == 'speech' else 'Phrase'}: {who}" + (f" \u2192 {to}" if to else "")
            tip += " \u00b7 " + _cite(d.page or self.citer.page(d.start), d.notes, d)
            return {"t": "open", "tag": "span", "cls": f"quote kind-{d.kind}", "id": f"q-{d.id}", "tip": tip,
                    "data": {"speaker": self.actor_ids.get(d.speaker, "")}}
        if mark.kind == "timex":
            tip = f"{d.value or '?'} ({d.type}{', ' + d.mod if d.mod else ''})"
            return {"t": "open", "tag": "span", "cls": "timex", "tip": tip, "data": {"value": d.value}}
        agent, patient = self.names.get(d.agent) or d.agent_text, self.names.get(d.patient) or d.patient_text
        tip = f"{d.predicate}: {agent or '?'} \u2192 {patient or '?'}" + (f", {d.date}" if d.date else "")
        tip += (f" [{d.category}]" if d.category else "") + " \u00b7 " + _cite(
            d.page or self.citer.page(d.trigger.start), d.notes, d.trigger)
        return {"t": "open", "tag": "span", "cls": "event", "id": f"e-{d.id}", "tip": tip, "data": {}}
