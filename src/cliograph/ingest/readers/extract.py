"""What a reader hands to the assembler: an extracted text stream and the structure known from markup.

HTML, EPUB and PDF carry their paragraphs, page breaks and note marks in markup or layout, so nothing
has to be guessed from lines. A reader writes the visible text, apparatus included (page labels, note
marks, running heads, folios), into one `stream`; every range below indexes that stream, and the
document's `source_start`/`source_end` index it too. `regions` record where each stretch of the
stream came from (a file inside an EPUB and its character offset there, or a PDF page and a box).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ...model import Removed
from ...model.records import Region


@dataclass
class Block:
    """A paragraph, heading, block quote or note body: one or more lines of the stream."""

    kind: str  # text, heading, quote, note, notes_heading (a heading among the notes)
    lines: list[list[int]] = field(default_factory=list)  # [start, end) of each line's content
    wrapped: bool = False  # lines are a typesetter's: a hyphen at a line end may be a word cut in two
    note_id: str | None = None  # for note bodies: the id that references point to
    label: str | None = None  # for note bodies: the note's label, when known from markup


@dataclass
class Mark:
    """A note reference mark in the stream (its text is removed from the clean text)."""

    start: int
    end: int
    label: str
    target: str | None = None  # the note id it links to, when markup says so


@dataclass
class PageMark:
    """Where a printed page begins; [start, end) is the marker's own text (empty for an anchor)."""

    start: int
    end: int
    label: str | None
    inferred: bool = False  # the label was not printed or declared (counted on from a neighbour)


@dataclass
class Extract:
    stream: str
    format: str
    blocks: list[Block] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    pages: list[PageMark] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)  # other apparatus: running heads, folios, back links
    regions: list[Region] = field(default_factory=list)
    encoding: str = "utf-8"
    title: str | None = None
    author: str | None = None
    date: str | None = None


class StreamWriter:
    """Appends text to the stream and keeps the region map; blocks and lines are opened and closed here."""

    def __init__(self, fmt: str) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.out = Extract(stream="", format=fmt)
        self.block: Block | None = None
        self._line_start: int | None = None

    def write(self, text: str, region: Region | None = None) -> tuple[int, int]:
        a = self.length
        if text:
            self.parts.append(text)
            self.length += len(text)
            if region is not None:
                region.start, region.end = a, self.length
                self.out.regions.append(region)
        return a, self.length

    def tail(self, n: int = 2) -> str:
        s = ""
        for p in reversed(self.parts):
            s = p + s
            if len(s) >= n:
                break
        return s[-n:]

    def separate(self, sep: str = "\n\n") -> None:
        """Make the stream end with `sep` (between blocks), unless it is empty."""
        if not self.length:
            return
        t = self.tail(len(sep))
        k = len(sep)
        while k and not t.endswith(sep[:k]):
            k -= 1
        self.write(sep[k:])

    def open(self, kind: str, wrapped: bool = False, note_id: str | None = None, label: str | None = None) -> Block:
        self.close()
        self.separate()
        self.block = Block(kind, wrapped=wrapped, note_id=note_id, label=label)
        self._line_start = self.length
        return self.block

    def newline(self) -> None:
        """End the current line of the open block; the next text starts a new line."""
        if self.block is None:
            return
        self._end_line()
        self.write("\n")
        self._line_start = self.length

    def _end_line(self) -> None:
        a, z = self._line_start, self.length
        stream = None
        if a is not None and z > a:
            stream = self.text_range(a, z)
            lead = len(stream) - len(stream.lstrip())
            trail = len(stream.rstrip())
            if trail > lead:
                self.block.lines.append([a + lead, a + trail])
        self._line_start = None

    def close(self) -> None:
        if self.block is None:
            return
        self._end_line()
        if self.block.lines:
            self.out.blocks.append(self.block)
        self.block = None

    def text_range(self, a: int, z: int) -> str:
        # the parts written since `a` are few (one line's worth), so join from the end
        acc: list[str] = []
        pos = self.length
        for p in reversed(self.parts):
            if pos <= a:
                break
            acc.append(p)
            pos -= len(p)
        s = "".join(reversed(acc))
        return s[a - pos:z - pos]

    def finish(self) -> Extract:
        self.close()
        self.out.stream = "".join(self.parts)
        self.out.pages = merge_pages(self.out.stream, self.out.pages)
        return self.out


def merge_pages(stream: str, pages: list[PageMark]) -> list[PageMark]:
    """Two markers with no text between and no clash of labels (a page div holding a page-number span,
    an anchor beside its marker) are one page break."""
    out: list[PageMark] = []
    for pm in sorted(pages, key=lambda p: (p.start, p.end)):
        last = out[-1] if out else None
        if (last is not None and not stream[last.end:pm.start].strip()
                and (last.label is None or pm.label is None or last.label == pm.label)):
            if pm.end > pm.start and last.end > last.start:
                last.end = max(last.end, pm.end)
            elif pm.end > pm.start:
                last.start, last.end = pm.start, pm.end
            last.label = last.label or pm.label
            continue
        out.append(pm)
    return out
