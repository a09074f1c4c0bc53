"""The whole-paragraph path of the builder: a paragraph with nothing to repair but its spacing.

Most paragraphs of a book are whole lines of text whose only change is spacing (each line break with
the spaces around it, and each run of spaces or tabs, becomes one space), perhaps with note marks and
inline page markers cut out and page breaks between its lines. Those go in at once, their offset
segments made in bulk from the line bounds; the rest take the line-by-line path in `build`, which
this path must equal (tests/test_properties.py holds them to it).
"""
from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from itertools import compress, count, repeat
from operator import contains, itemgetter

from .lines import Lines
from .repair import MOJIBAKE_LEADS, cut_bounds
from .vocab import vocab

CLOSING = frozenset(",.;:!?)")  # what takes no space before it
_LINE_END_DASHES = "-\u00ac\u2014"  # a hyphen, not sign or dash ending a line: `_join` decides


def not_plain(src: str, lines: Lines) -> tuple[list[int], list[int]]:
    """Sorted (starts, ends) of what `TextBuilder.spaced` cannot take: what `emit_piece` would repair
    (a spaced apostrophe, a no-break space, a soft hyphen, a ligature, mojibake), and a line ending in a
    hyphen, a not sign or a dash (`_join` decides those): from its last character to just past the
    first character of its line break."""
    last_chars = map(itemgetter(slice(-1, None)), lines.stripped)
    dashed = compress(count(), map(contains, repeat(_LINE_END_DASHES), last_chars))
    hits = [(lines.cz[i] - 1, lines.end[i] + 1) for i in dashed if lines.stop[i] > lines.end[i] and lines.stripped[i]]
    for lit in _not_plain_literals():
        i = src.find(lit)
        while i >= 0:
            hits.append((i, i + len(lit)))
            i = src.find(lit, i + 1)
    hits.sort()
    return [a for a, _ in hits], [z for _, z in hits]


@lru_cache(maxsize=1)
def _not_plain_literals() -> tuple[str, ...]:
    return ("' ", "\u2019 ", "\u00a0", "\u00ad", *vocab()["ligatures"], *MOJIBAKE_LEADS)


def bare(p, a0, zn, hits, cut_lines, pending_breaks, refs_sorted, ri) -> bool:
    """A paragraph `plain_cuts` would take whole with nothing to cut and no page break: consecutive
    lines, nothing in `hits` starting in it, no cut line, break or note mark before its end."""
    first, last = p.lines[0], p.lines[-1]
    if last - first != len(p.lines) - 1:
        return False
    k = bisect_left(hits[0], a0)
    if k < len(hits[0]) and hits[0][k] < zn:
        return False
    k = bisect_left(cut_lines, first)
    if k < len(cut_lines) and cut_lines[k] <= last:
        return False
    if pending_breaks and pending_breaks[0].pos < zn:
        return False
    return not (ri < len(refs_sorted) and refs_sorted[ri].start < zn)


def plain_cuts(src, p, a0, zn, lines, cuts_by_line, cut_lines, pending_breaks, refs_sorted, ri, hits):
    """For a paragraph that `emit_plain` can take: its runs of consecutive lines (first, last) and its
    cuts as (line start, line end, cut start, cut end); None when it needs the line-by-line path (a
    repair, a line-end hyphen or dash, a page break or mark it cannot place). `hits` is `not_plain(src, lines)`."""
    starts, ends = hits
    k = bisect_left(starts, a0)
    while k < len(starts) and starts[k] < zn:
        if ends[k] <= zn:  # a hit inside the paragraph's text
            return None
        k += 1
    first, last = p.lines[0], p.lines[-1]
    runs = [(first, last)] if last - first == len(p.lines) - 1 else _runs(p.lines)
    mine = None if len(runs) == 1 else set(p.lines)
    out = []
    for k in range(bisect_left(cut_lines, first), len(cut_lines)):
        li = cut_lines[k]
        if li > last:
            break
        if mine is None or li in mine:
            a, z = lines.ca[li], lines.cz[li]
            out += [(a, z, c0, c1) for c0, c1 in sorted(cuts_by_line[li])]
    pos = a0
    for a, z, c0, c1 in out:
        # overlapping cuts, or a line that is nothing but cuts or opens with one before a comma: `_assemble`
        # joins the lines around them
        if c0 < pos or (c0 == a and (only_cuts(src, a, z, [c for c in out if c[0] == a]) or src[c1:c1 + 1] in CLOSING)):
            return None
        pos = c1
        while pos < z and src[pos] in " \t":
            pos += 1
    cut_starts = {c[2] for c in out}
    gaps = [(lines.cz[r[1]], lines.ca[n[0]]) for r, n in zip(runs, runs[1:], strict=False)]
    for br in pending_breaks:
        if br.pos >= zn:
            break
        if br.pos not in cut_starts and not any(ga <= br.pos < gz for ga, gz in gaps):
            return None
    while ri < len(refs_sorted) and refs_sorted[ri].start < zn:
        if refs_sorted[ri].cut_start not in cut_starts:
            return None
        ri += 1
    return runs, out


def _runs(idx: list[int]) -> list[tuple[int, int]]:
    """Runs of consecutive line indexes: [3, 4, 5, 9, 10] -> [(3, 5), (9, 10)]."""
    out = []
    start = prev = idx[0]
    for li in idx[1:]:
        if li != prev + 1:
            out.append((start, prev))
            start = li
        prev = li
    out.append((start, prev))
    return out


class Spacing:
    """Where whole lines with nothing to repair change: each line break with the spaces around it, and
    each run of spaces or tabs inside a line (two or more, or one tab), becomes one space. All such
    ranges of the text are listed once, in order; a paragraph takes its slice."""

    def __init__(self, src: str, lines: Lines) -> None:
        self.a, self.z = lines.cz[:-1], lines.ca[1:]  # between one line's text and the next one's
        run_a, run_z = lines.inner_runs()
        if run_a:  # the ranges never overlap: their starts and their ends sort alike
            self.a, self.z = sorted(self.a + run_a), sorted(self.z + run_z)

    def edits(self, s0: int, s1: int) -> tuple[list[int], list[int]]:
        """Starts and ends of the ranges in [s0, s1) to become one space each (s0 and s1 lie on line text)."""
        k0 = bisect_left(self.a, s0)
        k1 = bisect_left(self.a, s1, k0)
        return self.a[k0:k1], self.z[k0:k1]


def emit_plain(b, spacing, lines, p, runs, cuts, ref_by_cut, ref_positions, flush_breaks) -> list[list[int]]:
    """`build._emit_line` and `build._join` over a whole paragraph at once (what they do when there is nothing to
    repair); returns the paragraph's source segments (a page break between two runs of lines cuts it)."""
    ca, cz = lines.ca, lines.cz

    def emit(x: int, y: int) -> None:
        if y > x:
            b.spaced(x, y, *spacing.edits(x, y))

    source = []
    seg_start = pos = prev_z = ca[runs[0][0]]
    k = 0
    for r, (f, last) in enumerate(runs):
        ra, rz = ca[f], cz[last]
        if r:
            if f in p.breaks:
                source.append([seg_start, prev_z])
                seg_start = ra
            b.put(" ", prev_z, ra)  # what `_join` makes of a line break with other lines between
            flush_breaks(ra, b.length)
            pos = ra
        j = k
        while j < len(cuts) and cuts[j][2] < rz:
            j += 1
        emit(emit_cuts(b, pos, cuts[k:j], emit, ref_by_cut, ref_positions, flush_breaks), rz)
        k, prev_z = j, rz
    source.append([seg_start, prev_z])
    return source


def emit_cuts(b, pos, cuts, emit, ref_by_cut, ref_positions, flush_breaks) -> int:
    """Emit text from `pos` up to each cut (line text [a, z), cut [c0, c1)) and what stands for the cut;
    returns where the text after the last cut starts. Cuts with only spaces between (a mark, then a
    marker) leave one space, not one each."""
    spaced = False  # the last thing emitted is the space standing for a cut
    for k, (a, z, c0, c1) in enumerate(cuts):
        if c0 < pos:
            continue
        piece_end, nxt, space = cut_bounds(b.src, pos, a, z, c0, c1)
        if space and only_cuts(b.src, nxt, z, cuts[k + 1:]):
            space = False  # nothing but more cuts up to the line's end: the line break gives the space
        gap = piece_end <= pos
        emit(pos, piece_end)
        r = ref_by_cut.get(c0)
        if r is not None:
            ref_positions[id(r)] = b.length
        if space and not (gap and spaced):
            b.put(" ", piece_end, nxt)
        spaced = space or (spaced and gap)
        flush_breaks(c1, b.length)
        pos = nxt
    return pos


def only_cuts(src: str, pos: int, z: int, cuts) -> bool:
    """Is the line text [pos, z) nothing but the following cuts (this line's first) and spaces?"""
    for _, _, c0, c1 in cuts:
        if pos >= z or c0 != pos:
            break
        pos = c1
        while pos < z and src[pos] in " \t":
            pos += 1
    return pos >= z
