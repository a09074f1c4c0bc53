"""Inline markup of a document, shared by TEI, Markdown and the HTML views.

The clean text is cut into blocks (paragraphs of the main flow, then note bodies); in each block the
spans to mark (actor mentions, quotes, dates, event triggers) become properly nested open/close
tokens, and page breaks and note marks become point tokens. A span crossing a block edge is cut at
the edge; a span crossing another span is left out of the markup (its record is still exported).
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from ..model import Document

RANK = {"quote": 0, "actor": 1, "timex": 2, "event": 3}


@dataclass
class Mark:
    start: int
    end: int
    kind: str  # quote, actor, timex, event
    data: Any = None


@dataclass
class Point:
    pos: int
    kind: str  # page, noteref
    data: Any = None


@dataclass
class Block:
    start: int
    end: int
    kind: str  # p or note
    note: Any = None
    marks: list[Mark] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)
    dropped: int = 0


def marks_of(doc: Document, kinds: tuple[str, ...] = ("quote", "actor", "timex", "event")) -> list[Mark]:
    marks = []
    if "quote" in kinds:
        marks += [Mark(q.start, q.end, "quote", q) for q in doc.quotes]
    if "actor" in kinds:
        marks += [Mark(m.start, m.end, "actor", a) for a in doc.actors for m in a.mentions]
    if "timex" in kinds:
        marks += [Mark(t.start, t.end, "timex", t) for t in doc.timex]
    if "event" in kinds:
        marks += [Mark(e.trigger.start, e.trigger.end, "event", e) for e in doc.events]
    return [m for m in marks if m.end > m.start]


def blocks(doc: Document, marks: list[Mark] | None = None, notes_inline: bool = False) -> list[Block]:
    """Blocks of the document in text order, each with its marks and points."""
    marks = marks_of(doc) if marks is None else marks
    note_by_start = {n.start: n for n in doc.notes}
    out = []
    for par in doc.paragraphs:
        note = note_by_start.get(par.start) if par.start >= doc.main_end else None
        out.append(Block(par.start, par.end, "note" if par.start >= doc.main_end else "p", note))
    if not out:
        out.append(Block(0, len(doc.text), "p"))
    starts = [b.start for b in out]

    def index(pos: int) -> int:
        return max(bisect_right(starts, pos) - 1, 0)

    for m in marks:
        i = index(m.start)
        while i < len(out) and out[i].start < m.end:
            b = out[i]
            a, z = max(m.start, b.start), min(m.end, b.end)
            if z > a:
                b.marks.append(Mark(a, z, m.kind, m.data))
            i += 1
    for p in doc.pages:
        i = index(p.start)
        if p.start > out[i].end and i + 1 < len(out):  # in the gap between blocks: at the next block's start
            i += 1
        out[i].points.append(Point(max(p.start, out[i].start), "page", p))
    for r in doc.note_refs:
        i = index(r.start)
        out[i].points.append(Point(min(max(r.start, out[i].start), out[i].end), "noteref", r))
    for b in out:
        b.marks.sort(key=lambda m: (m.start, -m.end, RANK.get(m.kind, 9)))
        b.points.sort(key=lambda p: (p.pos, 0 if p.kind == "page" else 1))
    return out


def tokens(text: str, block: Block) -> list[tuple[str, Any]]:
    """("text", str), ("open", Mark), ("close", Mark), ("point", Point) in document order, properly nested."""
    kept, stack = [], []
    for m in block.marks:
        while stack and stack[-1].end <= m.start:
            stack.pop()
        if stack and m.end > stack[-1].end:
            block.dropped += 1  # crosses an open span
            continue
        kept.append(m)
        stack.append(m)
    out: list[tuple[str, Any]] = []
    pos = block.start
    pts = block.points
    k = 0

    def until(p: int, inclusive: bool) -> None:
        nonlocal pos, k
        while k < len(pts) and (pts[k].pos < p or (inclusive and pts[k].pos == p)):
            if pts[k].pos > pos:
                out.append(("text", text[pos:pts[k].pos]))
                pos = pts[k].pos
            out.append(("point", pts[k]))
            k += 1
        if p > pos:
            out.append(("text", text[pos:p]))
            pos = p

    stack = []
    for m in kept:
        while stack and stack[-1].end <= m.start:
            until(stack[-1].end, False)
            out.append(("close", stack.pop()))
        until(m.start, True)
        out.append(("open", m))
        stack.append(m)
    while stack:
        until(stack[-1].end, False)
        out.append(("close", stack.pop()))
    until(block.end, True)
    return out
