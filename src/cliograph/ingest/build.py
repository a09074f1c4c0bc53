"""Source text to a cited document: pages, paragraphs, note marks and bodies, clean text."""
from __future__ import annotations

import gc
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import compress, count, repeat
from operator import ne

from ..model import Document, Note, NoteRef, OffsetMap, Page, Paragraph, Removed, Source
from .bodies import (
    FOOTNOTE,
    HEADING,
    NOTE_OPEN,
    SENT_END,
    Para,
    absorb_note_paragraphs,
    body_labels_of,
    close_footnotes,
    confirm_page_bottom,
    mark_bodies,
    next_note,
    notes_headings,
    rejoin_across_notes,
    split_shared_lines,
)
from .brackets import bracket_pages, inline_bracket_pages
from .gutenberg import book_bounds
from .lines import Lines, classify, lines_opening_with, wrapped
from .notes import RefCand, accept, body_label, find_refs, link, maybe_ref_positions, past_a_thousand
from .plain import CLOSING, Spacing, bare, emit_cuts, emit_plain, not_plain, only_cuts, plain_cuts
from .repair import TextBuilder, dash_at_line_end, emit_piece, hyphenated_words, join_hyphen
from .stamps import stamps
from .vocab import ROMAN, int_to_roman, label_value, page_inline_matches, page_inline_re, previous_label

_DASHED = re.compile(r"^[-\u2013\u2014]{1,3}\s*\w+\s*[-\u2013\u2014]{1,3}$")
_TRANSCRIBER = re.compile(r"\[?transcribers?['\u2019]?s?\s+note", re.I)
_TRANSCRIBERS_HEADING = re.compile(r"\[?transcribers?['\u2019]?s?\s+notes?\s*[:.]?\]?$", re.I)
# what a transcriber's note speaks of: a paragraph of the book after the heading ends the section
_ABOUT_THE_TEXT = re.compile(r"\b(?:page numbers?|footnotes|brackets?|braces|typographical|corrected|spellings?|"
                             r"hyphenation|silently|inconsisten\w*|e\.g)\b", re.I)
_LINE_BREAK = re.compile(r"\r\n|\n|\r")
_LABEL_AT_END = re.compile(r"(?<![A-Za-z])(\d+|[ivxlcdmIVXLCDM]+)\W*$")
_ENDS_SENTENCE = re.compile(r"[.!?]['\"\u2019\u201d)\]]*\s*$|[.!?]['\"\u2019\u201d]?\s*\d*$")


_APPARATUS = {"marker": "page_marker", "head": "running_head", "folio": "folio"}  # line kinds that are breaks
_BARE_NOTE = re.compile(r"\d{1,3} [A-Z\"\u201c]")  # `1 This, the most precious`: an OCR'd page foot's note


@dataclass
class Break:
    pos: int  # source offset of the marker
    end: int
    label: str | None
    kind: str
    inferred: bool = False  # the label was read out of the run of folios (the OCR misread it)
    opens: bool = False  # opens a page even without a label (a digital library's page separator)


def _group(lines: Lines, wrap: bool, openers: set[int]) -> tuple[list[Para], list[Break], list[RefCand]]:
    """Lines into paragraphs; page breaks and own-line note marks collected on the way. `openers`: lines
    opening with a page number in brackets, not a note's label."""
    paras: list[Para] = []
    breaks: list[Break] = []
    loose: list[RefCand] = []
    cur: Para | None = None
    blank = False
    broke = False
    under_head = False  # the break was a running head or folio (a printed page's top)
    kinds, labels, ff, stripped = lines.kind, lines.label, lines.formfeed, lines.stripped
    # in wrapped text, a text line after another goes on in its paragraph unless it may open a note:
    # the others (and every line that is not text) are visited one by one, runs of the rest in one step
    special = sorted({*compress(count(), map(ne, kinds, repeat("text"))), *lines_opening_with(lines, NOTE_OPEN)}) \
        if wrap else []
    if ff:
        special = sorted({*special, *ff})  # a form feed ends its line's page: visited too
    i, n = 0, len(kinds)
    while i < n:
        k = kinds[i]
        if k == "numline" and (len(labels[i]) > 3 or i == 0 or kinds[i - 1] in ("blank", "marker", "head", "folio", "stamp")
                               or stripped[i - 1].isdecimal() or (i + 1 < n and kinds[i + 1] == "numline")):
            # a number standing apart from any text (a year, a chapter number), or one of a column of
            # numbers (a contents page's), is not a mark: it is text
            k = kinds[i] = "text"
            labels[i] = None
        if k == "text":
            opens = stripped[i][:1]  # only a line opening with a note label can start a new note
            if cur is not None and wrap and not blank and (opens in NOTE_OPEN or opens.isdecimal()) and \
                    i not in openers and next_note(lines, cur, i):
                cur = Para(lines=[i])
                paras.append(cur)
            elif cur is not None and wrap and (i - 1) in ff and body_label(stripped[cur.lines[0]]):
                cur = Para(lines=[i], after_break=True)  # a page-foot note ends at its page's form feed
                paras.append(cur)
            elif cur is not None and broke and under_head and _BARE_NOTE.match(stripped[cur.lines[0]]):
                cur = Para(lines=[i], after_break=True)  # atop the next page, under its head, the main flow goes
                paras.append(cur)  # on, not the page foot's note before the break
            elif cur is not None and wrap and not blank and not cur.refs_after:
                if broke:  # the common case of `_continues`, decided here
                    cur.breaks.add(i)
                cur.lines.append(i)
            elif cur is not None and _continues(lines, cur, i, wrap, blank, broke):
                if broke or blank:
                    cur.breaks.add(i)  # its source goes on after the break or the gap
                cur.lines.append(i)
            else:
                cur = Para(lines=[i], after_break=broke)
                paras.append(cur)
            blank = broke = False
            if wrap and i not in ff:
                k1 = bisect_right(special, i)
                j = special[k1] if k1 < len(special) else n
                cur.lines += range(i + 1, min(j, n))
                i = max(i + 1, min(j, n))
                continue
        elif k == "blank":
            blank = True
        elif k in _APPARATUS:
            kind = _APPARATUS[k]
            _add_break(breaks, lines, Break(lines.start[i], lines.stop[i], labels[i] or None, kind, i in lines.guessed,
                                            labels[i] == ""), i)
            broke, under_head = True, k in ("head", "folio")
        elif k == "numline":
            label = labels[i]
            ref = RefCand(lines.ca[i], lines.cz[i], label, "numline", True, lines.start[i], lines.stop[i])
            if cur is not None:
                cur.refs_after.append(ref)
                if not wrap:
                    cur = None
            else:
                loose.append(ref)
        if i in ff:
            _add_break(breaks, lines, Break(lines.end[i], lines.stop[i], None, "page_marker", opens=True), i)
            broke, under_head = True, False
        i += 1
    return paras, breaks, loose


def _add_break(breaks: list[Break], lines: Lines, br: Break, i: int) -> None:
    """Apparatus with no text between (`page_26` then `Page 26`, a folio then a form feed) is one break."""
    if breaks and not _text_between(lines, breaks[-1].end, br.pos, i + 1):
        last = breaks[-1]
        if last.label is None or br.label is None or last.label == br.label:
            last.end = max(last.end, br.end)
            last.opens = last.opens or br.opens
            if last.label is None and br.label is not None:
                last.label, last.kind, last.inferred = br.label, br.kind, br.inferred
            return
    breaks.append(br)


def _text_between(lines: Lines, a: int, b: int, i: int) -> bool:
    """Is there a text line starting in [a, b)? Scans back from line i, the one at b."""
    starts, kinds = lines.start, lines.kind
    while i > 0:
        i -= 1
        if starts[i] < a:
            return False
        if kinds[i] == "text" and starts[i] < b:
            return True
    return False


def _over_a_gap(lines: Lines, last: int, i: int) -> bool:
    """A word or a sentence of the text (not of a note) going on over blank lines (a page break the OCR
    left as a gap, its folio lost): the line before ends in a hyphen after a letter, or, after two blank
    lines or more, in no sentence end, and line i goes on in lower case."""
    prev, nxt = lines.stripped[last], lines.stripped[i]
    if not nxt[:1].islower() or lines.kind[last] != "text":
        return False
    if len(prev) > 1 and prev[-1] == "-" and prev[-2].isalpha():
        return True
    return i - last > 2 and not SENT_END.search(prev) and prev[-1:].isalpha()


def _continues(lines: Lines, cur: Para, i: int, wrap: bool, blank: bool, broke: bool) -> bool:
    if cur.refs_after:
        return False
    if wrap and not blank:
        return True
    if wrap and not broke:
        return body_label(lines.stripped[cur.lines[0]]) is None and _over_a_gap(lines, cur.lines[-1], i)
    prev = lines.text[cur.lines[-1]].rstrip()
    nxt = lines.stripped[i]
    marker = page_inline_re().match(nxt)
    if marker:  # `{27} the next words`: the page turned, the sentence goes on
        nxt = nxt[marker.end():].lstrip()
    if not broke:
        # one line per paragraph, but a line cut mid-word or mid-sentence goes on
        return not wrap and not blank and (prev.endswith("-") or (not SENT_END.search(prev) and nxt[:1].islower()))
    if HEADING.match(nxt) and len(nxt) < 60:
        return False
    if not wrap:
        return True  # one line per paragraph: a page break falls inside the paragraph
    return not SENT_END.search(prev) and nxt[:1].islower()


def _inline_by_line(src: str, lines: Lines, paras: list[Para],
                    transcribers: set[int]) -> dict[int, list[tuple[int, int, str | None]]]:
    """`_inline_cuts` of every paragraph line, from one pass over the whole text.

    A match reaching past its line's text (across a line break) is dropped and the lines it touches
    are searched one by one, as a per-line search would see them.
    """
    # a transcriber's note tells how markers look (`as {26}`): its examples are no markers
    in_para = {li for p in paras if id(p) not in transcribers for li in p.lines}
    starts, ca, cz = lines.start, lines.ca, lines.cz
    out: dict[int, list[tuple[int, int, str | None]]] = {}
    redo: set[int] = set()
    split: list[tuple[int, tuple[int, int, str | None]]] = []  # the two halves of markers wrapped over lines
    for m in page_inline_matches(src):
        a, z = m.span()
        li = bisect_right(starts, a) - 1
        if not (ca[li] <= a and z <= cz[li]):
            lj = bisect_right(starts, max(z - 1, a)) - 1
            if lj == li + 1 and ca[li] <= a < cz[li] <= ca[lj] < z <= cz[lj] and li in in_para and lj in in_para:
                # wrapped at its inner space (`[Pg` / `27]`): one cut on each line, the page opens after the second
                label = _inline_label(m.group())
                if label is not None:
                    split.append((li, (a, cz[li], None)))
                    split.append((lj, (ca[lj], z, label)))
                    continue
            redo.update(range(li, lj + 1))
            continue
        if li in in_para:
            label = _inline_label(m.group())
            if label is not None:
                out.setdefault(li, []).append((a, z, label))
    for li in redo & in_para:
        cut = _inline_cuts(src, ca[li], cz[li])
        if cut:
            out[li] = cut
        else:
            out.pop(li, None)
    for li, cut in split:
        out.setdefault(li, []).append(cut)
        out[li].sort()
    return out


def _above_feet(lines: Lines, paras: list[Para], tentative: set[int], breaks: list[Break]) -> list[tuple[int, int]]:
    """Source ranges of the pages above numbered blocks that may be page-foot notes (`tentative`): from
    the page break before each (or a long page's length up) to the block. Merged, in order."""
    starts = [br.end for br in breaks]
    out: list[tuple[int, int]] = []
    for p in paras:
        if id(p) not in tentative or not lines.stripped[p.lines[0]][:1].isdecimal():
            continue
        z = lines.start[p.lines[0]]
        k = bisect_right(starts, z) - 1
        a = max(starts[k] if k >= 0 else 0, z - 6000)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], z))
        else:
            out.append((a, z))
    return out


def _transcribers(lines: Lines, paras: list[Para]) -> set[int]:
    """Ids of the paragraphs of transcribers' notes: one opening with the words, and under a one-line heading
    of them (`Transcriber's notes:`) up to four paragraphs after it, close by, that speak of the text."""
    out: set[int] = set()
    if "ranscriber" not in lines.src and "RANSCRIBER" not in lines.src:
        return out
    under = 0  # paragraphs of the section under a heading still to come
    for k, p in enumerate(paras):
        first = lines.stripped[p.lines[0]]
        if _TRANSCRIBER.match(first):
            out.add(id(p))
            under = 4 if len(p.lines) == 1 and _TRANSCRIBERS_HEADING.match(first) else 0
        elif under and p.lines[0] - paras[k - 1].lines[-1] <= 3 and _ABOUT_THE_TEXT.search(
                " ".join(lines.stripped[i] for i in p.lines)):
            out.add(id(p))
            under -= 1
        else:
            under = 0
    return out


def _inline_label(marker: str) -> str | None:
    m = _LABEL_AT_END.search(marker)  # `[Pg 26]`, `{xiv}`, `[Page 26.]`, `{Pg 26}`
    return m.group(1) if m and (m.group(1).isdecimal() or ROMAN.match(m.group(1))) else None


def _inline_cuts(src: str, a: int, z: int) -> list[tuple[int, int, str | None]]:
    """Inline page markers in [a, z): (start, end, label)."""
    out = []
    for m in page_inline_re().finditer(src, a, z):
        label = _inline_label(m.group())
        if label is not None:
            out.append((m.start(), m.end(), label))
    return out


def build(src: str, name: str, sha256: str, encoding: str) -> Document:
    # the builder makes tens of thousands of small lists and none of them refer back to each other: the
    # cyclic collector, run again and again as they pile up, would find nothing and cost a tenth of the time
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _build(src, name, sha256, encoding)
    finally:
        if enabled:
            gc.enable()


def _build(src: str, name: str, sha256: str, encoding: str) -> Document:
    lines = Lines(src)
    classify(lines)
    lines.stamps = stamps(lines)
    bracketed = bracket_pages(lines)
    page_marks = inline_bracket_pages(src, lines, bracketed) if bracketed else {}
    openers = {li for li, (a, _, _) in page_marks.items() if a == lines.ca[li]}  # `[27] the next words`
    wrap = wrapped(lines)
    paras, breaks, loose = _group(lines, wrap, openers)
    book = book_bounds(src, lines)
    if book != (0, len(src)):  # a Gutenberg header and licence are no part of the book: left out
        b0, b1 = book
        paras = [p for p in paras if b0 <= lines.start[p.lines[0]] < b1]
        breaks = [br for br in breaks if b0 <= br.pos < b1]
        loose = [c for c in loose if b0 <= c.start < b1]
    for p in paras:
        first = lines[p.lines[0]]
        p.body = body_label(first.text) if p.lines[0] not in openers else None
    past_a_thousand(paras)
    tentative = mark_bodies(paras, lines)
    paras = close_footnotes(paras, lines)

    inline_breaks: list[Break] = []
    cands: list[RefCand] = []
    transcribers = _transcribers(lines, paras)  # their examples (`e.g. {99}`, `e.g. [2]`) are no markers, no marks
    inline = _inline_by_line(src, lines, paras, transcribers)
    if page_marks:
        in_text = {li for p in paras if p.body is None and id(p) not in transcribers for li in p.lines}
        for li, cut in page_marks.items():
            if li in in_text:
                inline[li] = sorted([*inline.get(li, []), cut])
    line_starts = lines.start
    body_labels = body_labels_of(paras, lines)
    maybe_at = maybe_ref_positions(src, commas=bool(body_labels), parens=any(x[0] == "(" for x in body_labels),
                                   spaced=_above_feet(lines, paras, tentative, breaks))
    maybe = {bisect_right(line_starts, i) - 1 for i in maybe_at}  # lines that may hold a mark
    special = sorted(maybe | inline.keys())
    ca, cz = lines.ca, lines.cz
    for p in paras:
        first, last = p.lines[0], p.lines[-1]
        k0, k1 = bisect_left(special, first), bisect_right(special, last)
        if k1 > k0:
            mine = special[k0:k1]
            if last - first != len(p.lines) - 1:  # other lines (a note body) fall between its own
                own = set(p.lines)
                mine = [li for li in mine if li in own]
            no_refs = (p.body is not None and id(p) not in tentative) or id(p) in transcribers
            for li in mine:
                cut = inline.get(li, ())
                if cut:
                    inline_breaks += [Break(s0, s1, label, "page_marker") for s0, s1, label in cut]
                if no_refs or li not in maybe:
                    continue
                at = maybe_at[bisect_left(maybe_at, ca[li]):bisect_left(maybe_at, cz[li])]
                for c in find_refs(src, ca[li], cz[li], at):
                    if any(s0 <= c.start < s1 for s0, s1, _ in cut):
                        continue
                    c.at_end = c.at_end and li == last
                    c.para = id(p)
                    cands.append(c)
        for c in p.refs_after:
            c.para = id(p)
            cands.append(c)
    all_breaks = sorted(breaks + inline_breaks, key=lambda b: b.pos)
    confirm_page_bottom(paras, lines, tentative, cands, all_breaks)
    paras, moved = absorb_note_paragraphs(paras, lines)
    for c in cands:
        c.para = moved.get(c.para, c.para)
    paras = split_shared_lines(paras, lines, cands)
    paras = rejoin_across_notes(paras, lines)
    bodies = {id(p) for p in paras if p.body is not None}
    cands = sorted((c for c in cands if c.para not in bodies), key=lambda c: c.start)
    body_labels = body_labels_of(paras, lines)
    refs = accept(cands, body_labels, [b.pos for b in all_breaks],
                  sorted((lines.start[p.lines[0]], p.body[0]) for p in paras if p.body is not None))
    breaks = all_breaks
    cuts_by_line: dict[int, list[tuple[int, int]]] = {}
    own_line = {id(c) for p in paras for c in p.refs_after}
    def line_of(pos: int) -> int:
        return bisect_right(line_starts, pos) - 1

    for b in inline_breaks:
        cuts_by_line.setdefault(line_of(b.pos), []).append((b.pos, b.end))
    for c in refs:
        if id(c) not in own_line:
            cuts_by_line.setdefault(line_of(c.start), []).append((c.cut_start, c.cut_end))
    return _assemble(src, name, sha256, encoding, lines, paras, breaks, refs, cuts_by_line, own_line, loose, book)


def _assemble(src, name, sha256, encoding, lines, paras, breaks, refs, cuts_by_line, own_line, loose, book) -> Document:
    b = TextBuilder(src)
    seen_hyphens = hyphenated_words(src)
    heads = notes_headings(paras, lines)  # `NOTES`, `CHAPTER I` over notes: apparatus, out of the main flow
    main = [p for p in paras if p.body is None and id(p) not in heads]
    bodies = [p for p in paras if p.body is not None]
    ref_positions: dict[int, int] = {}  # id(ref) -> clean offset
    removed = [Removed(x.pos, x.end, x.kind) for x in breaks if x.end > x.pos]
    removed += [Removed(a, z, "other") for a, z in ((0, book[0]), (book[1], len(src))) if z > a]
    removed += [Removed(c.start, c.end, "note_ref") for c in refs]
    removed += [Removed(lines.ca[p.lines[0]], lines.cz[p.lines[0]], "other") for p in paras if id(p) in heads]
    removed += [Removed(lines.ca[i], lines.cz[i], "other") for i in lines.stamps]  # a scanner's marks: no page break
    out_pars: list[Paragraph] = []
    # a page marker inside a note body that repeats one of the main flow (the note ran over a page, and
    # so did the text) is cut out of the note's text but opens no page of its own
    in_bodies = [(lines.ca[p.lines[0]], lines.cz[p.lines[-1]]) for p in paras if p.body is not None]
    pending_breaks = list(breaks)
    if in_bodies:
        inside = [_inside(in_bodies, br.pos) for br in breaks]
        main_labels = {br.label for br, x in zip(breaks, inside, strict=True) if not x}
        pending_breaks = [br for br, x in zip(breaks, inside, strict=True) if not x or br.label not in main_labels]
    page_starts: list[tuple[Break, int]] = []
    refs_sorted = sorted(refs, key=lambda c: c.start)
    ref_by_cut = {c.cut_start: c for c in refs_sorted}
    ri = 0
    last_src = 0

    def flush_refs(upto: int) -> None:
        nonlocal ri
        while ri < len(refs_sorted) and refs_sorted[ri].start < upto:
            ref_positions.setdefault(id(refs_sorted[ri]), b.length)
            ri += 1

    def flush_breaks(upto: int, at: int) -> None:
        while pending_breaks and pending_breaks[0].pos < upto:
            page_starts.append((pending_breaks.pop(0), at))

    cut_lines = sorted(cuts_by_line)
    hits = not_plain(src, lines)
    spacing = Spacing(src, lines)
    ca, cz = lines.ca, lines.cz
    for p in main:
        a0 = ca[p.lines[0]]
        if len(p.lines) == 1 and _cuts_only(src, a0, cz[p.lines[0]], cuts_by_line.get(p.lines[0])):
            # marks alone between blank lines mark the paragraph before: no empty paragraph of their own (a
            # page marker before them opens its page at the paragraph after)
            flush_refs(cz[p.lines[0]])
            for c in p.refs_after:
                ref_positions[id(c)] = b.length
            continue
        flush_refs(a0)
        if out_pars:
            b.put("\n\n", last_src, last_src)
        flush_breaks(a0, b.length)
        par = Paragraph(start=b.length, end=b.length, source=[])
        zn = cz[p.lines[-1]]
        if bare(p, a0, zn, hits, cut_lines, pending_breaks, refs_sorted, ri):  # most paragraphs of a book
            b.spaced(a0, zn, *spacing.edits(a0, zn))
            par.source = [[a0, zn]]
            plain = True
        else:
            plain = plain_cuts(src, p, a0, zn, lines, cuts_by_line, cut_lines, pending_breaks, refs_sorted, ri, hits)
            if plain is not None:  # whole lines, nothing to repair but spacing: cuts and page breaks placed
                par.source = emit_plain(b, spacing, lines, p, *plain, ref_by_cut, ref_positions, flush_breaks)
        if plain is not None:
            par.end = b.length
            for c in p.refs_after:
                ref_positions[id(c)] = b.length
            out_pars.append(par)
            last_src = zn
            continue
        seg_start = a0
        prev_end = None
        prev_cut_only = _cuts_only(src, a0, cz[p.lines[0]], cuts_by_line.get(p.lines[0]))
        for k, li in enumerate(p.lines):
            a, z = ca[li], cz[li]
            if prev_end is not None:
                if li in p.breaks:
                    par.source.append([seg_start, prev_end])
                    seg_start = a
                flush_refs(a)
                cut_only = _cuts_only(src, a, z, cuts_by_line.get(li))
                if cut_only or (prev_cut_only and b.length == par.start) or _opens_with_cut_then_closing(
                        src, a, cuts_by_line.get(li)):
                    # around a line of cuts only (`[Pg` / `27]`): one space, or none; none before `(3), and`
                    b.put("", prev_end, a)
                else:
                    _join(b, src, prev_end, a, seen_hyphens)
                prev_cut_only = cut_only
                flush_breaks(a, b.length)
            nxt = ca[p.lines[k + 1]] if k + 1 < len(p.lines) else None
            cut_hyphen = nxt is not None and _dehyphenate(src, z, nxt, seen_hyphens)
            _emit_line(b, a, z - cut_hyphen, cuts_by_line.get(li, []), p, lines, ref_by_cut, ref_positions,
                       flush_breaks)
            prev_end = z
        par.source.append([seg_start, prev_end])
        par.end = b.length
        for c in p.refs_after:
            ref_positions[id(c)] = b.length
        out_pars.append(par)
        last_src = prev_end
    flush_refs(len(src) + 1)
    main_end = b.length
    flush_breaks(len(src) + 1, main_end)
    for c in loose:
        ref_positions.setdefault(id(c), main_end)

    notes: list[Note] = []
    footnote_blocks: list[bool] = []
    for p in bodies:
        first = lines[p.lines[0]]
        label, plen = p.body
        a = first.start + plen
        removed.append(Removed(first.content[0] if p.label_at is None else p.label_at, a, "other"))
        b.put("\n\n", last_src, last_src)
        start = b.length
        prev_end = None
        closing = bool(FOOTNOTE.match(first.text))  # `[Footnote 1: ...]`: the last `]` closes it
        footnote_blocks.append(closing)
        for k, li in enumerate(p.lines):
            s0, z = ca[li], cz[li]
            if prev_end is None:
                s0 = max(s0, a)
            else:
                _join(b, src, prev_end, s0, seen_hyphens)
            if li == p.lines[-1] and p.end_at is not None:
                z = p.end_at  # the next note's label follows on this line
            if closing and li == p.lines[-1] and src[z - 1:z] == "]":
                z -= 1
                removed.append(Removed(z, z + 1, "other"))
            # as in the main flow: a hyphen joined across the line break, inline page markers cut out
            nxt = ca[p.lines[k + 1]] if k + 1 < len(p.lines) else None
            cut_hyphen = nxt is not None and _dehyphenate(src, z, nxt, seen_hyphens)
            cuts = [c for c in cuts_by_line.get(li, []) if s0 <= c[0] < z]
            _emit_line(b, s0, z - cut_hyphen, cuts, p, lines, ref_by_cut, ref_positions, _flushed)
            prev_end = z
        notes.append(Note(start=start, end=b.length, source_start=a, source_end=prev_end, text="",
                          id=f"n{len(notes) + 1}", label=label))
        out_pars.append(Paragraph(start=start, end=b.length, source=[[a, prev_end]]))
        last_src = prev_end
    text = b.text()
    for n in notes:
        n.text = text[n.start:n.end]
    doc = Document(source=Source(name=name, sha256=sha256, chars=len(src), encoding=encoding), text=text,
                   main_end=main_end, paragraphs=out_pars, notes=notes, repairs=b.repairs,
                   offset_map=b.omap.segments)
    doc.pages = _pages(doc, src, page_starts, main_end, b.omap, book[1])
    feet = {k for k, p in enumerate(bodies) if p.foot}
    links = link([(c.start, c.label) for c in refs_sorted], [(n.source_start, n.label) for n in notes], feet,
                 [br.pos for br in breaks])
    for i, c in enumerate(refs_sorted):
        pos = ref_positions.get(id(c), main_end)
        note = notes[links[i]].id if i in links else None
        doc.note_refs.append(NoteRef(start=pos, end=pos, source_start=c.start, source_end=c.end, text="",
                                     label=c.label, note=note))
    # a `[Footnote 1: ...]` block was moved by its transcriber from the foot of its mark's page
    mark_at = {notes[j].id: refs_sorted[i].start for i, j in sorted(links.items(), reverse=True)}
    label_at = _page_labels(doc.pages)
    for n, moved in zip(notes, footnote_blocks, strict=True):
        n.page = label_at(mark_at[n.id] if moved and n.id in mark_at else n.source_start)
    doc.removed = sorted(removed, key=lambda r: r.source_start)
    doc.repairs.sort(key=lambda r: r.source_start)
    _partial(doc)
    return doc


def _opens_with_cut_then_closing(src: str, a: int, cuts: list[tuple[int, int]] | None) -> bool:
    """Does the line open with a cut (a mark) followed by a comma or a full stop (`(3), and`)?"""
    return bool(cuts) and any(c0 == a and src[c1:c1 + 1] in CLOSING for c0, c1 in cuts)


def _cuts_only(src: str, a: int, z: int, cuts: list[tuple[int, int]] | None) -> bool:
    """Is the line text [a, z) nothing but its cuts (and spaces)?"""
    return bool(cuts) and only_cuts(src, a, z, [(a, z, *c) for c in sorted(cuts)])


def _inside(ranges: list[tuple[int, int]], pos: int) -> bool:
    """Is `pos` inside one of the sorted, disjoint `ranges`?"""
    k = bisect_right(ranges, (pos, float("inf"))) - 1
    return k >= 0 and ranges[k][0] <= pos < ranges[k][1]


def _flushed(upto: int, at: int) -> None:
    """Page breaks in note bodies have already opened their pages in the main flow."""


def _past_marker(src: str, nxt: int) -> int:
    """Where the next line's words start: after an inline page marker opening it (`re-` then `[Pg 27]pair`)."""
    m = page_inline_re().match(src, nxt) if src[nxt:nxt + 1] in "{[" else None
    if not m or _inline_label(m.group()) is None:
        return nxt
    end = m.end()
    while src[end:end + 1] in (" ", "\t"):  # `re-` then `{27} pair`
        end += 1
    return end


def _dehyphenate(src: str, prev_end: int, nxt: int, seen: set[str]) -> bool:
    nxt = _past_marker(src, nxt)
    tail = src[max(0, prev_end - 40):prev_end]
    if tail.endswith("\u00ac") and src[nxt:nxt + 1].isalpha():
        return True  # the not sign some OCR engines print for a line-end hyphen
    if not tail.endswith("-") or tail.endswith("--"):
        return False
    before = re.search(r"([A-Za-z]*)-$", tail).group(1)
    after = re.match(r"[A-Za-z]*", src[nxt:nxt + 40]).group()
    return join_hyphen(before, after, seen)


def _join(b: TextBuilder, src: str, prev_end: int, nxt: int, seen: set[str]) -> None:
    """What a line break inside a paragraph becomes: a space, nothing (dehyphenated), or the dash kept."""
    tail = src[max(0, prev_end - 40):prev_end]
    if tail.endswith("\u00ac") and _dehyphenate(src, prev_end, nxt, seen):
        b.put("", prev_end - 1, nxt, "dehyphenate")
        return
    if tail.endswith("-") and not tail.endswith("--"):
        if _dehyphenate(src, prev_end, nxt, seen):
            b.put("", prev_end - 1, nxt, "dehyphenate")
            return
        before = re.search(r"([A-Za-z]*)-$", tail).group(1)
        word = _past_marker(src, nxt)
        if before and src[word:word + 1].isalpha():
            after = re.match(r"[A-Za-z]*", src[word:word + 40]).group()
            b.put(" " if dash_at_line_end(before, after, seen) else "", prev_end, nxt)  # `effects- agreeableness`
            return
    if tail.endswith("--") or tail.endswith("\u2014"):
        # a dash closing a line runs on into the next word, unless it stands apart (`a moment --`) or a
        # paragraph of the note ends with it
        spaced = tail.rstrip("-\u2014").endswith(" ") or len(_LINE_BREAK.findall(src, prev_end, nxt)) > 1
        b.put(" " if spaced else "", prev_end, nxt)
        return
    b.put(" ", prev_end, nxt)


def _emit_line(b, a, z, cuts, p, lines, ref_by_cut, ref_positions, flush_breaks) -> None:
    para_start = lines[p.lines[0]].start

    def emit(x: int, y: int) -> None:
        emit_piece(b, x, y, para_start)

    pos = emit_cuts(b, a, [(a, z, c0, c1) for c0, c1 in sorted(cuts)], emit, ref_by_cut, ref_positions,
                     flush_breaks)
    emit(pos, z)


def _end_of_text(src: str, omap: OffsetMap, main_end: int, end: int) -> tuple[int, int]:
    """(source, clean) offsets where the book's own text ends, `end` its source offset."""
    return (end, min(omap.clean_offset(end), main_end)) if end < len(src) else (len(src), main_end)


def _pages(doc: Document, src: str, starts: list[tuple[Break, int]], main_end: int, omap: OffsetMap,
           book_end: int) -> list[Page]:
    # a head or folio with no label (a misread folio, a head whose folio is lost) opens a page all the same
    labelled = [(br, at) for br, at in starts
                if br.label is not None or br.kind in ("running_head", "folio") or br.opens or src[br.pos:br.end] == "\f"]
    text_end, clean_end = _end_of_text(src, omap, main_end, book_end)
    if labelled and labelled[-1][0].pos < text_end:
        src, main_end = src[:text_end], clean_end
    if not labelled:
        return []
    footer = _footer_style(src, [br for br, _ in labelled])
    pages: list[Page] = []
    front_unknown = False
    if footer:
        prev_src, prev_clean = 0, 0
        for br, at in labelled:
            pages.append(_page(doc, prev_clean, at, prev_src, br.pos, br.label, br.inferred))
            prev_src, prev_clean = br.end, at
        if doc.text[prev_clean:main_end].strip():
            nxt = _next_label(pages[-1].label)
            pages.append(_page(doc, prev_clean, main_end, prev_src, len(src), nxt, True))
    else:
        first_br, first_at = labelled[0]
        if doc.text[:first_at].strip():
            label = previous_label(first_br.label) if first_br.label else None
            pages.append(_page(doc, 0, first_at, 0, first_br.pos, label or "", True))
            # front matter before a page 1 (or i) has no label to infer: it stays unlabelled, not a second "1"
            front_unknown = label is None and first_br.label is not None
        for i, (br, at) in enumerate(labelled):
            end_at, end_src = (labelled[i + 1][1], labelled[i + 1][0].pos) if i + 1 < len(labelled) else (
                main_end, len(src))
            pages.append(_page(doc, at, end_at, br.end, end_src, br.label, br.inferred))
    while pages and pages[-1].inferred and not pages[-1].text.strip():
        pages.pop()  # a form feed closing the file opens no page
    _number_unlabelled(pages[1:] if front_unknown else pages)
    return pages


def _page(doc, start, end, s0, s1, label, inferred) -> Page:
    return Page(start=start, end=end, source_start=s0, source_end=s1, text=doc.text[start:end],
                label=label or "", inferred=inferred or not label)


def _number_unlabelled(pages: list[Page]) -> None:
    """Form-feed pages with no folio: count on from the last known label (or from 1); after roman front
    matter, count back from the next arabic folio (a chapter's first page, `1` before `2`); pages opening
    the text count back from the first label after them when it is high enough (`ii` before `iii`)."""
    nxt = [len(pages)] * (len(pages) + 1)  # the first labelled page at or after each
    for i in range(len(pages) - 1, -1, -1):
        nxt[i] = i if pages[i].label else nxt[i + 1]
    lead = nxt[0]
    back: list[str | None] = [None] * lead
    if 0 < lead < len(pages):
        label: str | None = pages[lead].label
        for i in range(lead - 1, -1, -1):
            label = back[i] = previous_label(label) if label else None
    unknown = 0 < lead < len(pages) and back[0] is None  # it would run below 1: the front matter's are unknown
    for i, p in enumerate(pages):
        if not p.label:
            p.inferred = True
            if i < lead and unknown:
                continue
            prev = pages[i - 1].label if i else "0"
            first = back[i] if i < lead else None
            j = nxt[i]
            after = pages[j].label if j < len(pages) else None
            label = first or _between(pages, i, j) or _next_label(prev, after) or _before_next(pages, i, nxt[i + 1]) \
                or str(i + 1)
            # a plate between 12 and 13 is no second 13: it has no number
            if not first and after and _same_style(prev, label, after) and \
                    label_value(prev)[1] < label_value(after)[1] <= label_value(label)[1]:
                continue
            p.label = label


def _between(pages: list[Page], i: int, j: int) -> str | None:
    """Page i's number where the known numbers around a run of unnumbered pages (up to page j) step by
    two: 7 between 5 and 9 (folios printed on one side of the leaf)."""
    if not i or not pages[i - 1].label.isdecimal():
        return None
    if j == len(pages) or not pages[j].label.isdecimal():
        return None
    a, b, k = int(pages[i - 1].label), int(pages[j].label), j - i + 1
    return str(a + 2) if b - a == 2 * k else None  # two a page: only one side of each leaf is numbered


def _before_next(pages: list[Page], i: int, j: int) -> str | None:
    """Page i's number counted back from page j's, the next labelled one."""
    if j == len(pages):
        return None
    n = int(pages[j].label) - (j - i) if pages[j].label.isdecimal() else 0
    return str(n) if n >= 1 else None


def _next_label(label: str, after: str | None = None) -> str | None:
    """The label after `label`: roman only while the next known label (`after`) is roman too (a chapter's
    first page after roman front matter is 1, counted back from the next folio)."""
    if label and label.isdecimal():
        return str(int(label) + 1)
    value = label_value(label) if label else None
    if value and (after is None or (label_value(after) or ("",))[0] == "roman"):
        return int_to_roman(value[1] + 1, label.isupper())
    return None


def _same_style(*labels: str) -> bool:
    """All arabic or all roman."""
    styles = {(label_value(x) or ("",))[0] for x in labels}
    return len(styles) == 1 and "" not in styles


def _footer_style(src: str, brs: list[Break]) -> bool:
    """Markers close their page when the text after the last one is short and before the first is long."""
    # a page number set between dashes (`-- 26 --`) is a folio, printed atop its page or at its foot
    if len(brs) < 2 or any(br.kind == "page_marker" and not _DASHED.match(src[br.pos:br.end].strip()) for br in brs):
        return False
    if 2 * sum(src[br.pos] == "\f" for br in brs) > len(brs):
        return False  # most heads or folios open with a form feed: they stand atop their pages
    if 2 * sum(br.kind != "page_marker" and not src[br.pos:br.end].strip().isdecimal() for br in brs) > len(brs):
        return False  # most folios stand beside a running head, and a head is atop its page
    gaps = sorted(b.pos - a.end for a, b in zip(brs, brs[1:], strict=False))
    med = gaps[len(gaps) // 2] or 1
    return len(src[brs[-1].end:].strip()) < 0.2 * med and brs[0].pos >= 0.5 * med


def _page_labels(pages: list[Page]):
    """A lookup from a source offset to the label of the page whose source range holds it (the ranges
    never overlap), made once: a book has hundreds of notes and pages."""
    order = sorted(pages, key=lambda p: p.source_start)
    starts = [p.source_start for p in order]

    def label_at(source_pos: int) -> str | None:
        k = bisect_right(starts, source_pos) - 1
        return order[k].label if k >= 0 and source_pos < order[k].source_end else None
    return label_at


def _partial(doc: Document) -> None:
    main = doc.text[:doc.main_end].strip()
    if not main:
        return
    first = main.lstrip("\"'\u201c\u2018([ ")[:1]
    doc.partial_start = first.islower() or first in ",;:)"
    # a match ends the text: only its last characters need searching (past closers, spaces and digits)
    bare = len(main)
    while bare and (main[bare - 1].isspace() or main[bare - 1].isdecimal()):
        bare -= 1
    cut = min(len(main.rstrip("'\"\u2019\u201d)]")), bare) - 2
    tail = main[max(0, cut):]
    doc.partial_end = not _ENDS_SENTENCE.search(tail)
