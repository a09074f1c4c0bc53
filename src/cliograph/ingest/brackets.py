"""Page numbers printed in bare brackets (`[26]`), as some digitized books carry them. They are told from
note marks by standing alone on their lines a page of text apart, rising, with no note body carrying
their numbers; a bracketed number inside a paragraph that goes on from them is one too."""
from __future__ import annotations

import re
from bisect import bisect_right
from statistics import median

from .lines import _PAGE_CHARS, Lines, lines_opening_with
from .notes import body_label
from .vocab import char_positions, label_value

_LINE = re.compile(r"^\[(\d{1,4}|[ivxlc]{1,8})\]$")
_INLINE = re.compile(r"\[(\d{1,4}|[ivxlc]{1,8})\]")
# marks of other shapes: superscripts, brackets glued to a word, a number after a sentence's end
_OTHER_MARKS = re.compile(r"[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]|\w[.,;:!?\"\u201d\u2019]?\[\d{1,3}\]"
                          r"|[a-z][.!?][\"\u201d\u2019]? ?\d{1,3}(?=\s+[A-Z]|\s*$)", re.M)


def bracket_pages(lines: Lines) -> list[int]:
    """Mark the lines holding bracketed page numbers (kind `marker`); returns them."""
    kind, stripped, starts, ca = lines.kind, lines.stripped, lines.start, lines.ca
    cands, opening = [], []
    for pos in char_positions(lines.src, "["):
        i = bisect_right(starts, pos) - 1
        if ca[i] != pos:
            continue  # not opening its line
        opening.append(i)
        if kind[i] == "text" and _LINE.match(stripped[i]):
            cands.append(i)
    # four digits are a year (`[1642]` heading annals) unless the pages have run past 999
    past = any(len(stripped[i]) == 5 and stripped[i][1] == "9" for i in cands)
    cands = [i for i in cands if len(stripped[i]) < 6 or past]
    if len(cands) < 3:
        return []
    if median(starts[b] - starts[a] for a, b in zip(cands, cands[1:], strict=False)) < _PAGE_CHARS:
        return []  # a bracketed number every line or two: a list's numbers, not pages
    values = [label_value(stripped[i][1:-1]) for i in cands]
    steps = [a is not None and b is not None and (a[0] == b[0] and 0 < b[1] - a[1] <= 3 or a[0] != b[0] == "arabic")
             for a, b in zip(values, values[1:], strict=False)]
    if sum(steps) < 0.7 * len(steps):
        return []
    # a stray number out of the run (a mark alone on its line) goes on from neither neighbour: not a page
    run = [i for k, i in enumerate(cands) if (k and steps[k - 1]) or (k < len(steps) and steps[k])]
    # marks alone on their lines, their notes' bodies below (`[1]` ... `1. The letter`): pages only where
    # three or more of the run are numbers no body carries
    bodies = _body_labels(lines, opening)
    if sum(stripped[i][1:-1] not in bodies for i in run) < 3:
        return []
    for i in run:
        kind[i], lines.label[i] = "marker", stripped[i][1:-1]
    return run


def _body_labels(lines: Lines, opening: list[int]) -> set[str]:
    """Labels of the lines that open like a note body a bracketed mark alone on its line could have:
    `[3] text`, `[Footnote 3: text`, and `3. text` or `Footnote 3:` too unless the text has marks of
    another shape (superscripts, brackets glued to a word, numbers after a sentence) for those to belong to."""
    out = {b[0] for i in opening if (b := body_label(lines.stripped[i])) is not None}
    if not _OTHER_MARKS.search(lines.src):
        out |= {b[0] for i in lines_opening_with(lines, frozenset("F")) if (b := body_label(lines.stripped[i]))}
    return out


def inline_bracket_pages(src: str, lines: Lines, run: list[int]) -> dict[int, tuple[int, int, str]]:
    """Bracketed numbers inside lines that go on from the run of bracketed page lines (one more, or up to
    three, than the page before, of the same kind, and less than the next line's): line -> (start, end,
    label), the first of each line."""
    starts = lines.start
    own = [(starts[i], label_value(lines.label[i])) for i in run]
    out: dict[int, tuple[int, int, str]] = {}
    last_at, last = -1, None
    for pos in char_positions(src, "["):
        m = _INLINE.match(src, pos)
        if m is None:
            continue
        k = bisect_right(own, (pos,))
        if k and own[k - 1][0] > last_at:
            last_at, last = own[k - 1]
        v, nxt = label_value(m.group(1)), (own[k][1] if k < len(own) else None)
        if v is None or last is None or v[0] != last[0] or not last[1] < v[1] <= last[1] + 3:
            continue
        if nxt is not None and nxt[0] == v[0] and v[1] >= nxt[1]:
            continue
        li = bisect_right(starts, pos) - 1
        out.setdefault(li, (m.start(), m.end(), m.group(1)))
        last_at, last = pos, v
    return out
