"""Helpers that derive citations from offsets (never stored twice)."""
from __future__ import annotations

from bisect import bisect_right

from .cite import citer
from .offsets import OffsetMap
from .records import Document, Page, Paragraph, Span


def offset_map(doc: Document) -> OffsetMap:
    cached = getattr(doc, "_omap", None)
    if cached is None or cached.segments is not doc.offset_map:
        cached = OffsetMap(doc.offset_map)
        object.__setattr__(doc, "_omap", cached)
    return cached


def make_span(doc: Document, start: int, end: int, cls: type = Span, **extra) -> Span:
    """A span over `doc.text[start:end]` with its source coordinates from the offset map."""
    s0, s1 = offset_map(doc).source_span(start, end)
    return cls(start=start, end=end, source_start=s0, source_end=s1, text=doc.text[start:end], **extra)


def page_at(doc: Document, pos: int) -> Page | None:
    """The page holding clean offset `pos` (main flow)."""
    if not doc.pages:
        return None
    c = citer(doc)
    i = bisect_right(c._page_starts, pos) - 1
    return doc.pages[max(i, 0)]


def paragraph_at(doc: Document, pos: int) -> Paragraph | None:
    c = citer(doc)
    i = bisect_right(c._par_starts, pos) - 1
    if i >= 0 and doc.paragraphs[i].start <= pos <= doc.paragraphs[i].end:
        return doc.paragraphs[i]
    return None


def notes_citing(doc: Document, start: int, end: int) -> list[str]:
    """Labels of the note marks citing [start, end): marks inside it, else the first mark after it in the
    same paragraph (a note mark cites what precedes it)."""
    return citer(doc).notes(start, end)
