"""An extract (stream plus the structure its markup gave) to a cited document.

The same pieces as the plain-text builder: `TextBuilder` keeps the offset map, `emit_piece` makes the
repairs, `_join` joins typeset lines (dehyphenation), `link` pairs marks with bodies. What the plain
builder has to guess from lines (paragraphs, page breaks, note marks and bodies) arrives here known.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from ...model import Document, Note, NoteRef, Page, Paragraph, Removed, Source
from ..build import _dehyphenate, _join, _partial
from ..gutenberg import stream_bounds
from ..notes import body_label, is_notes_heading, link
from ..repair import TextBuilder, cut_bounds, emit_piece, hyphenated_words
from ..vocab import previous_label
from .extract import Block, Extract, Mark, PageMark


class _Placer:
    """Walks the stream in order, giving each mark and page break its clean offset as text is emitted."""

    def __init__(self, ex: Extract) -> None:
        self.ex = ex
        self.b = TextBuilder(ex.stream)
        self.seen = hyphenated_words(ex.stream) if any(bl.wrapped for bl in ex.blocks) else set()
        self.marks = sorted(ex.marks, key=lambda m: m.start)
        self.pages = sorted(ex.pages, key=lambda p: p.start)
        self.mark_at: dict[int, int] = {}  # id(mark) -> clean offset
        self.page_at: dict[int, int] = {}  # id(page mark) -> clean offset
        self.mi = 0
        self.pi = 0
        self.splits: list[int] = []  # page marks inside the current paragraph: (stream start, end) pairs

    def flush_marks(self, upto: int) -> None:
        while self.mi < len(self.marks) and self.marks[self.mi].start < upto:
            self.mark_at.setdefault(id(self.marks[self.mi]), self.b.length)
            self.mi += 1

    def flush_pages(self, upto: int, in_para: bool) -> None:
        while self.pi < len(self.pages) and self.pages[self.pi].start < upto:
            pm = self.pages[self.pi]
            self.page_at.setdefault(id(pm), self.b.length)
            if in_para:
                self.splits.append(pm)
            self.pi += 1

    def emit_line(self, a: int, z: int, para_start: int, cuts: list) -> None:
        """Source [a, z) with the marks, page markers and apparatus inside it cut out."""
        b, src = self.b, self.ex.stream
        pos = a
        for c0, c1, what in cuts:
            if c0 < pos:
                if isinstance(what, Mark):
                    self.flush_marks(c0 + 1)
                continue
            if c1 == c0:  # a page anchor between two words: the page begins with the next word
                j = c0
                while j < z and src[j] in " \t":
                    j += 1
                emit_piece(b, pos, j, para_start)
                self.flush_pages(c0 + 1, True)
                pos = j
                continue
            piece_end, nxt, space = cut_bounds(src, pos, a, z, c0, c1)
            emit_piece(b, pos, piece_end, para_start)
            self.flush_marks(c1)
            if space:
                b.put(" ", piece_end, nxt)
            self.flush_pages(c1, True)
            pos = nxt
        emit_piece(b, pos, z, para_start)


    def emit_lines(self, lines: list[list[int]], wrapped: bool, para_start: int, cuts: list, starts: list[int],
                   main: bool) -> int:
        """The lines of one paragraph: typeset lines are joined as the plain builder joins them (a hyphen
        cutting a word in two goes, a compound's hyphen stays), other line breaks become a space."""
        b, src = self.b, self.ex.stream
        prev_end = None
        opening = b.length
        for k, (a, z) in enumerate(lines):
            if prev_end is not None:
                if main:
                    self.flush_marks(a)
                if b.length == opening:
                    b.put("", prev_end, a)  # the lines before held only what was cut (a label, a back link)
                elif wrapped:
                    _join(b, src, prev_end, a, self.seen)
                else:
                    b.put(" ", prev_end, a)
                if main:
                    self.flush_pages(a + 1, True)
            nxt = lines[k + 1][0] if k + 1 < len(lines) else None
            cut = wrapped and nxt is not None and _dehyphenate(src, z, nxt, self.seen)
            self.emit_line(a, z - cut, para_start, _cuts_in(cuts, starts, a, z))
            prev_end = z
        return prev_end


def _cuts(ex: Extract) -> list[tuple[int, int, object]]:
    out: list[tuple[int, int, object]] = [(m.start, m.end, m) for m in ex.marks]
    out += [(p.start, p.end, p) for p in ex.pages]
    out += [(r.source_start, r.source_end, r) for r in ex.removed if r.source_end > r.source_start]
    return sorted(out, key=lambda c: (c[0], c[1]))


def _cuts_in(cuts: list, starts: list[int], a: int, z: int) -> list:
    i = bisect_left(starts, a)
    out = []
    while i < len(cuts) and cuts[i][0] < z:
        out.append(cuts[i])
        i += 1
    return out


def _visible(src: str, bl: Block, cuts: list, starts: list[int]) -> str:
    """The block's text with marks, page markers and apparatus left out."""
    out = []
    for a, z in bl.lines:
        pos = a
        for c0, c1, _ in _cuts_in(cuts, starts, a, z):
            if c0 > pos:
                out.append(src[pos:c0])
            pos = max(pos, c1)
        out.append(src[pos:z])
    return " ".join(out).strip()


def _main_blocks(ex: Extract, cuts: list, starts: list[int], removed: list[Removed]) -> list[Block]:
    """Blocks of the main flow; a block holding only apparatus (a page marker standing alone) is none,
    and a `Notes` heading over note bodies goes with them out of the main flow (listed as removed)."""
    out = []
    for i, bl in enumerate(ex.blocks):
        if bl.kind == "note":
            continue
        if bl.kind == "notes_heading":  # a heading inside the notes (`FOOTNOTES:`, `Chapter I`): theirs
            removed += [Removed(a, z, "other") for a, z in bl.lines if z > a]
            continue
        text = _visible(ex.stream, bl, cuts, starts)
        if not text:
            continue
        nxt = ex.blocks[i + 1] if i + 1 < len(ex.blocks) else None
        if nxt is not None and nxt.kind == "note" and len(bl.lines) == 1 and is_notes_heading(text):
            removed.append(Removed(bl.lines[0][0], bl.lines[0][1], "other"))
            continue
        out.append(bl)
    return out


def _within(blocks: list[Block], b0: int, b1: int) -> list[Block]:
    """The blocks' lines inside the stream range [b0, b1), cut at its ends (a `<pre>` holding a Gutenberg
    header and the book's first lines); blocks left with none go."""
    out = []
    for bl in blocks:
        bl.lines = [[max(a, b0), min(z, b1)] for a, z in bl.lines if z > b0 and a < b1]
        if bl.lines:
            out.append(bl)
    return out


def _group_notes(blocks: list[Block]) -> list[list[Block]]:
    """Consecutive note blocks with the same id form one note (a footnote of two paragraphs)."""
    groups: list[list[Block]] = []
    for bl in blocks:
        if groups and bl.note_id is not None and groups[-1][0].note_id == bl.note_id:
            groups[-1].append(bl)
        else:
            groups.append([bl])
    return groups


def assemble(ex: Extract, name: str, sha256: str) -> Document:
    src = ex.stream
    b0, b1 = stream_bounds(src)  # a Gutenberg edition's header and licence are no part of the book
    if (b0, b1) != (0, len(src)):
        ex.blocks = _within(ex.blocks, b0, b1)
        ex.marks = [m for m in ex.marks if b0 <= m.start < b1]
        ex.pages = [p for p in ex.pages if b0 <= p.start < b1]
        ex.removed = [*ex.removed, *(Removed(a, z, "other") for a, z in ((0, b0), (b1, len(src))) if z > a)]
    pl = _Placer(ex)
    b = pl.b
    cuts = _cuts(ex)
    starts = [c[0] for c in cuts]
    removed = [Removed(m.start, m.end, "note_ref") for m in ex.marks]
    removed += [Removed(p.start, p.end, "page_marker") for p in ex.pages if p.end > p.start]
    removed += list(ex.removed)
    paragraphs: list[Paragraph] = []
    last_src = 0
    for bl in _main_blocks(ex, cuts, starts, removed):
        a0 = bl.lines[0][0]
        pl.flush_marks(a0)
        if paragraphs:
            b.put("\n\n", last_src, last_src)
        pl.flush_pages(a0 + 1, False)
        par = Paragraph(start=b.length, end=b.length, source=[])
        pl.splits = []
        prev_end = pl.emit_lines(bl.lines, bl.wrapped, a0, cuts, starts, main=True)
        seg = a0
        for pm in pl.splits:
            if pm.start > seg:
                par.source.append([seg, pm.start])
            seg = max(seg, pm.end)
        par.source.append([seg, prev_end])
        par.end = b.length
        paragraphs.append(par)
        last_src = prev_end
    pl.flush_marks(len(src) + 1)
    main_end = b.length
    pl.flush_pages(len(src) + 1, False)

    notes: list[Note] = []
    note_ids: dict[str, int] = {}
    for group in _group_notes([x for x in ex.blocks if x.kind == "note"]):
        first = group[0]
        a = first.lines[0][0]
        label = first.label
        found = body_label(src[a:first.lines[0][1]])
        if found and (label is None or found[0] == label):
            label = found[0]
            removed.append(Removed(a, a + found[1], "other"))
            a += found[1]
        b.put("\n\n", last_src, last_src)
        start = b.length
        lines = [ln for bl in group for ln in bl.lines]
        lines[0] = [a, lines[0][1]]
        prev_end = pl.emit_lines(lines, first.wrapped, a, cuts, starts, main=False)
        notes.append(Note(start=start, end=b.length, source_start=a, source_end=prev_end, text="",
                          id=f"n{len(notes) + 1}", label=label or ""))
        if first.note_id is not None:
            note_ids.setdefault(first.note_id, len(notes) - 1)
        paragraphs.append(Paragraph(start=start, end=b.length, source=[[a, prev_end]]))
        last_src = prev_end

    text = b.text()
    for n in notes:
        n.text = text[n.start:n.end]
    source = Source(name=name, sha256=sha256, chars=len(src), encoding=ex.encoding, format=ex.format,
                    title=ex.title, author=ex.author, date=ex.date, regions=ex.regions)
    doc = Document(source=source, text=text, main_end=main_end, paragraphs=paragraphs, notes=notes,
                   repairs=sorted(b.repairs, key=lambda r: r.source_start), offset_map=b.omap.segments)
    doc.pages = _pages(doc, pl, main_end)
    _note_refs(doc, pl, notes, note_ids)
    page_starts = [p.source_start for p in doc.pages]
    for n in notes:
        n.page = _page_label_at(doc.pages, page_starts, n.source_start)
    doc.removed = sorted(removed, key=lambda r: (r.source_start, r.source_end))
    _partial(doc)
    return doc


def _note_refs(doc: Document, pl: _Placer, notes: list[Note], note_ids: dict[str, int]) -> None:
    """Marks with a target go to that note; the others are paired by label, in order (`link`)."""
    marks = pl.marks
    to: dict[int, int] = {}
    for i, m in enumerate(marks):
        if m.target is not None and m.target in note_ids:
            to[i] = note_ids[m.target]
    rest = [i for i in range(len(marks)) if i not in to]
    free = [j for j in range(len(notes)) if j not in set(to.values())]
    links = link([(marks[i].start, marks[i].label) for i in rest],
                 [(notes[j].source_start, notes[j].label) for j in free])
    for k, j in links.items():
        to[rest[k]] = free[j]
    for i, m in enumerate(marks):
        pos = pl.mark_at.get(id(m), doc.main_end)
        note = notes[to[i]].id if i in to else None
        doc.note_refs.append(NoteRef(start=pos, end=pos, source_start=m.start, source_end=m.end, text="",
                                     label=m.label, note=note))


def _pages(doc: Document, pl: _Placer, main_end: int) -> list[Page]:
    marks: list[PageMark] = pl.pages
    if not marks:
        return []
    src_len = len(pl.ex.stream)
    at = [min(pl.page_at.get(id(pm), main_end), main_end) for pm in marks]
    pages: list[Page] = []
    if doc.text[:at[0]].strip():
        label = previous_label(marks[0].label) if marks[0].label else None
        pages.append(_page(doc, 0, at[0], 0, marks[0].start, label or "", True))
    for i, pm in enumerate(marks):
        end, s1 = (at[i + 1], marks[i + 1].start) if i + 1 < len(marks) else (main_end, src_len)
        label, inferred = pm.label, pm.inferred
        if not label:
            prev = pages[-1].label if pages else ""
            label = str(int(prev) + 1) if prev.isdecimal() else str(len(pages) + 1)
            inferred = True
        pages.append(_page(doc, at[i], end, pm.end, s1, label, inferred))
    while pages and pages[-1].inferred and not pages[-1].text.strip():
        pages.pop()
    return pages


def _page(doc: Document, start: int, end: int, s0: int, s1: int, label: str, inferred: bool) -> Page:
    return Page(start=start, end=end, source_start=s0, source_end=max(s0, s1), text=doc.text[start:end],
                label=label, inferred=inferred)


def _page_label_at(pages: list[Page], starts: list[int], source_pos: int) -> str | None:
    i = bisect_right(starts, source_pos) - 1
    while i >= 0:  # pages are in source order; an empty page may share its start with the next
        p = pages[i]
        if p.source_start <= source_pos < p.source_end:
            return p.label
        if p.source_end <= source_pos:
            return None
        i -= 1
    return None
