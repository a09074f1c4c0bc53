"""Citations derived from offsets (page label, citing note marks) and sentences for search.

One `Citer` per document: bisect over page starts, note-mark positions and note bodies, so citing
every fact of a book stays n log n.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ..model import Document

# a sentence ends at . ! ? (with closing quotes or brackets) followed by space and a capital, quote or digit
_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")
# abbreviations after which a period does not end a sentence
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Capt|Lt|Sgt|Adm|Prof|Rev|Sen|Rep|Gov|Pres|Jr|Sr|No|Vol|"
                     r"pp?|ch|cf|vs|etc|ed|eds|trans|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z])\.$")


@dataclass
class Sentence:
    start: int
    end: int
    in_notes: bool


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


def sentences(doc: Document) -> list[Sentence]:
    """Sentences of every paragraph, by punctuation (no parser: the store never loads spaCy)."""
    out = []
    text = doc.text
    for par in doc.paragraphs:
        pos = par.start
        for m in _END.finditer(text, par.start, par.end):
            cut = m.start() + 1
            while cut < m.end() and not text[cut].isspace():
                cut += 1
            if _ABBREV.search(text, max(par.start, m.start() - 6), m.start() + 1):
                continue
            _add(out, text, pos, cut, par.start >= doc.main_end)
            pos = m.end()
        _add(out, text, pos, par.end, par.start >= doc.main_end)
    return out


def _add(out: list[Sentence], text: str, start: int, end: int, in_notes: bool) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, in_notes))


def sentence_notes(doc: Document, citer: Citer, sents: list[Sentence]) -> list[list[str]]:
    """Note labels per sentence: the marks after its start up to the next sentence's start."""
    out = []
    for i, s in enumerate(sents):
        nxt = sents[i + 1].start if i + 1 < len(sents) else len(doc.text)
        out.append(citer.marks_between(s.start, max(s.end, nxt)) if not s.in_notes else [])
    return out
