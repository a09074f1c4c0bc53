"""Citations derived from offsets: the page label of an offset and the note marks citing a span.

One `Citer` per document: bisect over page starts, note-mark positions and note bodies, so citing
every fact of a book stays n log n. `citer(doc)` keeps one per document until its lists change.
"""
from __future__ import annotations

from bisect import bisect_right

from .records import Document


class Citer:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._page_starts = [p.start for p in doc.pages]
        refs = sorted(doc.note_refs, key=lambda r: r.start)
        self._ref_pos = [r.start for r in refs]
        self._ref_labels = [r.label for r in refs]
        self._notes = sorted(doc.notes, key=lambda n: n.start)
        self._note_starts = [n.start for n in self._notes]
        self._par_starts = [p.start for p in doc.paragraphs]

    def note_at(self, pos: int):
        """The note body holding clean offset `pos` (after the main flow), or None."""
        i = bisect_right(self._note_starts, pos) - 1
        if i >= 0 and self._notes[i].start <= pos <= self._notes[i].end:
            return self._notes[i]
        return None

    def page(self, pos: int) -> str | None:
        """The page label of clean offset `pos`; in a note body, the page the note belongs to."""
        if pos >= self.doc.main_end and self.doc.notes:
            note = self.note_at(pos)
            if note is not None and note.page:
                return note.page
        if not self._page_starts:
            return None
        i = bisect_right(self._page_starts, pos) - 1
        return self.doc.pages[max(i, 0)].label

    def _par_end(self, pos: int) -> int:
        i = bisect_right(self._par_starts, pos) - 1
        if i >= 0 and self.doc.paragraphs[i].end >= pos:
            return self.doc.paragraphs[i].end
        return len(self.doc.text)

    def notes(self, start: int, end: int) -> list[str]:
        """Labels of the note marks citing [start, end): marks inside it, else the first one after it
        in the same paragraph (a mark cites what precedes it)."""
        lo = bisect_right(self._ref_pos, start)
        hi = bisect_right(self._ref_pos, end)
        inside = self._ref_labels[lo:hi]
        if inside:
            return inside
        if hi < len(self._ref_pos) and self._ref_pos[hi] <= self._par_end(start):
            return [self._ref_labels[hi]]
        return []

    def marks_between(self, start: int, end: int) -> list[str]:
        """Labels of the note marks at offsets in (start, end]."""
        return self._ref_labels[bisect_right(self._ref_pos, start):bisect_right(self._ref_pos, end)]


def citer(doc: Document) -> Citer:
    key = tuple((id(x), len(x)) for x in (doc.pages, doc.note_refs, doc.notes, doc.paragraphs))
    cached = doc.__dict__.get("_citer")
    if cached is None or cached[0] != key:
        cached = (key, Citer(doc))
        doc.__dict__["_citer"] = cached
    return cached[1]
