"""Citations derived from offsets (page label, citing note marks) and sentences for search.

One `Citer` per document: bisect over page starts, note-mark positions and note bodies, so citing
every fact of a book stays n log n.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Document
from ..model.cite import Citer  # noqa: F401  (re-exported for the store)

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
