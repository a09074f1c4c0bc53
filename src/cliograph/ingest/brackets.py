"""Page numbers printed in bare brackets (`[26]`), as some digitized books carry them. They are told from
note marks by standing alone between blank lines, a page of text apart, rising, with no note body
carrying their numbers; a bracketed number inside a paragraph that goes on from them is one too."""
from __future__ import annotations

import re
from bisect import bisect_right
from statistics import median

from .lines import _PAGE_CHARS, Lines, lines_opening_with
from .vocab import char_positions, label_value

_LINE = re.compile(r"^\[(\d{1,4}|[ivxlc]{1,8})\]$")
_BODY = re.compile(r"^\[(\d{1,4})\]\s+\S")
_INLINE = re.compile(r"\[(\d{1,4})\]")


def bracket_pages(lines: Lines) -> list[int]:
    """Mark the lines holding bracketed page numbers (kind `marker`); returns them."""
    kind, stripped, n = lines.kind, lines.stripped, len(lines.kind)
    cands, bodies = [], set()
    for i in lines_opening_with(lines, frozenset("[")):
        s = stripped[i]
        m = _LINE.match(s)
        if m and kind[i] == "text" and (i == 0 or kind[i - 1] == "blank") and (i + 1 == n or kind[i + 1] == "blank"):
            cands.append(i)
        elif _BODY.match(s):
            bodies.add(_BODY.match(s).group(1))
    if len(cands) < 3 or any(stripped[i][1:-1] in bodies for i in cands):
        return []
    if median(lines.start[b] - lines.start[a] for a, b in zip(cands, cands[1:], strict=False)) < _PAGE_CHARS:
        return []  # a bracketed number every line or two: a list's numbers, not pages
    values = [label_value(stripped[i][1:-1]) for i in cands]
    steps = [a is not None and b is not None and (a[0] == b[0] and 0 < b[1] - a[1] <= 3 or a[0] != b[0] == "arabic")
             for a, b in zip(values, values[1:], strict=False)]
    if sum(steps) < 0.7 * len(steps):
        return []
    for i in cands:
        kind[i], lines.label[i] = "marker", stripped[i][1:-1]
    return cands


def inline_bracket_pages(src: str, lines: Lines, para_lines: set[int],
                         run: list[int]) -> dict[int, list[tuple[int, int, str]]]:
    """Bracketed numbers inside paragraphs that go on from the run of bracketed page lines (each one more,
    or up to three, than the page before it and less than the next line's): cuts by line."""
    starts, label = lines.start, lines.label
    own = [(starts[i], int(label[i])) for i in run if label[i].isdecimal()]
    out: dict[int, list[tuple[int, int, str]]] = {}
    last_at, last = -1, None
    for pos in char_positions(src, "["):
        m = _INLINE.match(src, pos)
        li = bisect_right(starts, pos) - 1
        if m is None or li not in para_lines:
            continue
        k = bisect_right(own, (pos, 0))
        before = own[k - 1][1] if k else None
        if k and own[k - 1][0] > last_at:
            last = before
        nxt = own[k][1] if k < len(own) else None
        v = int(m.group(1))
        if last is not None and last < v <= last + 3 and (nxt is None or v < nxt):
            out.setdefault(li, []).append((m.start(), m.end(), m.group(1)))
            last_at, last = pos, v
    return out
