"""The time layer: temporal expressions, their TIMEX3 values, and the narrative time at each offset.

Recognition runs per paragraph on the parse (`scan`); values come at the end, when the whole text
is known, by narrative anchoring (`anchor`). `finish` fills `doc.timex` and sets
`ctx.data["time_at"]`, the narrative reference time in effect at a clean offset.
"""
from __future__ import annotations

from bisect import bisect_right

from ...model import TimeExpr, make_span
from .anchor import Item, resolve_items
from .scan import scan, worth_scanning
from .tokens import tagged, tokenize

HEADING_MAX = 90  # characters: a paragraph this short with no closing punctuation reads as a heading


class TimeLayer:
    name = "timex"

    def __init__(self) -> None:
        self.items: list[Item] = []

    def paragraph(self, ctx, offset: int, parsed) -> None:
        if not len(parsed):
            return
        last = parsed[-1]
        text = ctx.doc.text[offset:offset + last.idx + len(last.text_with_ws)]  # `parsed.text` rebuilds it
        if not worth_scanning(text):
            return
        toks = tokenize(text, parsed)
        for c in scan(toks, tagged(toks)):
            start, end = offset + toks[c.i].start, offset + toks[c.j - 1].end
            self.items.append(Item(start, end, c, quoted=toks[c.i].quoted))

    def finish(self, ctx) -> None:
        doc = ctx.doc
        items = sorted(self.items, key=lambda it: it.start)
        self.items = []
        par_starts = [p.start for p in doc.paragraphs]
        sections = section_numbers(doc)
        for k, it in enumerate(items, 1):
            it.id = f"t{k}"
            it.par = max(bisect_right(par_starts, it.start) - 1, 0)
            it.section = sections[it.par] if sections else 0
        hint = getattr(doc.source, "year_hint", None)
        resolve_items(items, doc.source.reference_date, int(hint) if hint else None, doc.main_end)
        doc.timex = [make_span(doc, it.start, it.end, TimeExpr, id=it.id, type=it.cand.type, value=it.value,
                               mod=it.cand.mod, anchor=it.anchor, confidence=round(it.confidence, 2))
                     for it in items]
        ctx.data["time_at"] = narrative_time(doc, items)


def section_numbers(doc) -> list[int]:
    """Section index of each paragraph: a new section starts after a heading-like paragraph."""
    out, sec, prev_heading = [], 0, False
    for p in doc.paragraphs:
        text = doc.text[p.start:p.end].strip()
        heading = bool(text) and len(text) <= HEADING_MAX and text[-1] not in '.?!:;,"”’)' and p.start < doc.main_end
        if heading and not prev_heading:
            sec += 1
        out.append(sec)
        prev_heading = heading
    return out


def narrative_time(doc, items: list[Item]):
    """f(pos) -> the TimeExpr of the last anchoring date at or before `pos` (within the same note for
    offsets in the note bodies), or None."""
    by_id = {t.id: t for t in doc.timex}
    moving = [it for it in items if it.moves]
    starts = [it.start for it in moving]
    note_starts = [p.start for p in doc.paragraphs if p.start >= doc.main_end]
    main_end = doc.main_end

    def time_at(pos: int) -> TimeExpr | None:
        k = bisect_right(starts, pos) - 1
        if k < 0:
            return None
        it = moving[k]
        if pos >= main_end:
            n = bisect_right(note_starts, pos) - 1
            if n < 0 or it.start < note_starts[n]:
                return None
        return by_id.get(it.id)

    return time_at


def make_layer() -> TimeLayer:
    return TimeLayer()
