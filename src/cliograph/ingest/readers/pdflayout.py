"""Page layout of a PDF's text layer: rows, running heads and folios, the footnote zone, columns, paragraphs.

Everything is decided from positions and font sizes, the way a reader sees a page: a short row
repeated at the top of pages is a running head, a lone number at the top or foot is a folio, smaller
rows at the foot (under a rule or opening with a number) are footnotes, a white gutter down the middle
makes two columns, and a raised smaller number after a word is a note mark.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from statistics import median

from ..vocab import ROMAN

_FOLIO = re.compile(r"^[\W_]*(?:(?i:page|pg|p)\.?\s*)?(\d{1,4}|[ivxlcdm]{1,8}|[IVXLCDM]{1,8})[\W_]*$")
_LABEL = re.compile(r"^(\d{1,3}|[*\u2020\u2021\u00a7\u00b6]{1,3})[.)]?$")
_SENT_END = re.compile(r"[.!?:]['\"\u2019\u201d)\]]*$")
_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.I)


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str
    sup: bool = False  # raised and smaller than its row: a note mark or an ordinal's letters


@dataclass
class Row:
    words: list[Word] = field(default_factory=list)
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    kind: str = "body"  # body, head, folio, note
    folio: str | None = None
    col: int = -1  # -1: across the page; 0 or 1: a column

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def bold(self) -> bool:
        return all(_BOLD.search(w.font) for w in self.words if not w.sup)


def _finish_row(r: Row) -> Row:
    r.words.sort(key=lambda w: w.x0)
    chars = Counter()
    for w in r.words:
        chars[round(w.size * 2) / 2] += len(w.text)
    r.size = chars.most_common(1)[0][0]
    main = [w for w in r.words if abs(w.size - r.size) < 0.6] or r.words
    r.top, r.bottom = min(w.top for w in main), max(w.bottom for w in main)
    baseline = r.bottom
    for w in r.words:
        w.sup = w.size <= 0.82 * r.size and w.bottom < baseline - 0.15 * r.size
    return r


def rows_of(words: list[Word]) -> list[Row]:
    """Words into rows: a word joins the row whose main box it overlaps by half its own height or more."""
    rows: list[tuple[Row, list[float]]] = []  # (row, [top, bottom, size] of its largest word)
    open_rows: list[tuple[Row, list[float]]] = []
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        open_rows = [(r, box) for r, box in open_rows if box[1] > w.top]
        best, best_ov = None, 0.0
        for r, box in open_rows:
            ov = min(box[1], w.bottom) - max(box[0], w.top)
            h = min(box[1] - box[0], w.bottom - w.top) or 1.0
            if ov >= 0.5 * h and ov > best_ov:
                best, best_ov = (r, box), ov
        if best is None:
            entry = (Row(words=[w]), [w.top, w.bottom, w.size])
            rows.append(entry)
            open_rows.append(entry)
        else:
            r, box = best
            r.words.append(w)
            if w.size > box[2]:
                box[:] = [w.top, w.bottom, w.size]
    return sorted((_finish_row(r) for r, _ in rows), key=lambda r: r.top)


def body_size(pages: list[list[Row]]) -> float:
    chars = Counter()
    for rows in pages:
        for r in rows:
            chars[r.size] += sum(len(w.text) for w in r.words)
    return chars.most_common(1)[0][0] if chars else 10.0


def _norm_head(text: str) -> str:
    toks = text.split()
    while toks and _FOLIO.match(toks[0]):
        toks.pop(0)
    while toks and _FOLIO.match(toks[-1]):
        toks.pop()
    return re.sub(r"[\W\d_]+", " ", " ".join(toks)).strip().upper()


def folio_of(text: str) -> str | None:
    m = _FOLIO.match(text.strip())
    if not m:
        return None
    label = m.group(1)
    return label if label.isdecimal() or ROMAN.match(label) else None


def _end_folio(row: Row) -> str | None:
    for w in (row.words[0], row.words[-1]):
        label = folio_of(w.text)
        if label:
            return label
    return None


def mark_apparatus(pages: list[list[Row]], size: float) -> None:
    """Running heads and folios at the top and foot of each page."""
    pitch = _pitch(pages, size)
    firsts = Counter(_norm_head(rows[0].text) for rows in pages if rows and rows[0].size <= size + 0.6)
    for rows in pages:
        if not rows:
            continue
        top = rows[0]
        if top.size <= size + 0.6:
            gap = rows[1].top - top.bottom if len(rows) > 1 else 0
            norm = _norm_head(top.text)
            label = folio_of(top.text)
            if label is not None:
                top.kind, top.folio = "folio", label
            elif norm and (firsts[norm] >= 2 or (_end_folio(top) and gap > 1.3 * pitch and len(top.text) < 80)):
                top.kind, top.folio = "head", _end_folio(top)
        last = rows[-1]
        if len(rows) > 1 and last.kind == "body" and last.size <= size + 0.6:
            label = folio_of(last.text)
            if label is not None:
                last.kind, last.folio = "folio", label
    _running_feet(pages, size, pitch)
    _unique_folios(pages)


def _unique_folios(pages: list[list[Row]]) -> None:
    """A number printed on several pages (a year in a journal's footer) is no folio."""
    seen = Counter(r.folio for rows in pages for r in rows if r.folio)
    for rows in pages:
        for r in rows:
            if r.folio and seen[r.folio] > 1:
                r.folio = None


def _running_feet(pages: list[list[Row]], size: float, pitch: float) -> None:
    """A row repeated at the foot of many pages, set off by a gap (a journal's footer), is apparatus too."""
    feet = []
    for rows in pages:
        body = [i for i, r in enumerate(rows) if r.kind == "body"]
        if len(body) >= 2 and rows[body[-1]].size <= size + 0.6:
            feet.append((rows, body[-1], _norm_head(rows[body[-1]].text)))
    counts = Counter(norm for _, _, norm in feet if norm)
    for rows, j, norm in feet:
        gap = rows[j].top - rows[j - 1].bottom
        if norm and counts[norm] >= max(2, 0.3 * len(pages)) and gap > 1.3 * pitch:
            rows[j].kind, rows[j].folio = "head", _end_folio(rows[j])


def _pitch(pages: list[list[Row]], size: float) -> float:
    steps = [b.top - a.top for rows in pages for a, b in zip(rows, rows[1:], strict=False)
             if abs(a.size - size) < 0.6 and abs(b.size - size) < 0.6 and b.top > a.top]
    return median(steps) if steps else size * 1.2


def mark_footnotes(rows: list[Row], size: float, rules: list[float]) -> None:
    """The footnote zone: smaller rows at the page foot, under a short rule or opening with a label."""
    body = [i for i, r in enumerate(rows) if r.kind == "body"]
    zone: list[int] = []
    for i in reversed(body):
        if rows[i].size <= 0.86 * size:
            zone.append(i)
        else:
            break
    if not zone or len(zone) == len(body):
        return
    zone.reverse()
    first = rows[zone[0]]
    above = rows[zone[0] - 1].bottom if zone[0] > 0 else 0.0
    ruled = any(above - 2 <= y <= first.top + 1 for y in rules)
    if not (ruled or _LABEL.match(first.words[0].text) or first.words[0].sup):
        return
    for i in zone:
        rows[i].kind = "note"


def find_gutter(rows: list[Row], width: float) -> float | None:
    """The x of a white band down the middle of the body, crossed by (almost) no row: two columns.

    For each point of the middle 30% of the page (1 pt steps), count the rows split there by a wide
    gap and the rows running across it; difference arrays keep this linear in the words.
    """
    body = [r for r in rows if r.kind == "body" and len(r.words) > 1]
    if len(body) < 6:
        return None
    lo, hi = int(width * 0.35), int(width * 0.65) + 1
    n = hi - lo + 1
    split = [0] * (n + 1)
    inside = [0] * (n + 1)

    def add(arr: list[int], a: float, z: float) -> None:
        i, j = max(0, int(a) + 1 - lo), min(n, int(z) + 1 - lo)  # integer points strictly inside (a, z)
        if i < j:
            arr[i] += 1
            arr[j] -= 1

    for r in body:
        add(inside, r.x0, r.x1)
        for left, right in zip(r.words, r.words[1:], strict=False):
            if right.x0 - left.x1 >= 0.9 * r.size:
                add(split, left.x1 - 1, right.x0 + 1)  # the gap's edges count as split
    best, xs = None, []
    s_run = i_run = 0
    for k in range(n):
        s_run += split[k]
        i_run += inside[k]
        sp, cross = s_run, i_run - s_run
        if sp >= 3 and cross <= 0.15 * (sp + cross):
            score = sp - cross
            if best is None or score > best:
                best, xs = score, [lo + k]
            elif score == best:
                xs.append(lo + k)
    if best is None:
        return None
    return (xs[0] + xs[-1]) / 2


def reading_order(rows: list[Row], gutter: float | None, kind: str = "body") -> list[Row]:
    """Rows of a kind (the text, or the footnotes) as lines in reading order: each band of two columns
    left then right, rows across the page between."""
    body = [r for r in rows if r.kind == kind]
    if gutter is None:
        return body
    out: list[Row] = []
    left: list[Row] = []
    right: list[Row] = []
    for r in body:
        lw = [w for w in r.words if w.x1 <= gutter]
        rw = [w for w in r.words if w.x0 >= gutter]
        if len(lw) + len(rw) < len(r.words) or (lw and rw and rw[0].x0 - lw[-1].x1 < 0.9 * r.size):
            out += left + right
            left, right = [], []
            out.append(r)
            continue
        if lw:
            left.append(_part(r, lw, 0))
        if rw:
            right.append(_part(r, rw, 1))
    return out + left + right


def _part(r: Row, words: list[Word], col: int) -> Row:
    return _finish_row(Row(words=words, kind=r.kind, col=col))


def is_heading(r: Row, size: float) -> bool:
    return r.size >= 1.15 * size or (r.bold and len(r.text) < 90 and not _SENT_END.search(r.text.rstrip()))


def paragraph_starts(lines: list[tuple[int, Row]], size: float) -> list[bool]:
    """For each (page, line) in reading order: does a new paragraph (or heading) begin here?"""
    lefts: dict[tuple[int, int], float] = {}
    by_group: dict[tuple[int, int], list[float]] = {}
    for page, r in lines:
        by_group.setdefault((page, r.col), []).append(round(r.x0))
    for g, xs in by_group.items():
        lefts[g] = Counter(xs).most_common(1)[0][0] if xs else 0.0
    indents = sum(1 for page, r in lines if 0.6 * r.size < r.x0 - lefts[(page, r.col)] < 4 * r.size)
    out: list[bool] = []
    run = 0  # lines so far at the current indented position
    for i, (page, r) in enumerate(lines):
        if i == 0:
            out.append(True)
            run = 1
            continue
        pp, p = lines[i - 1]
        left = lefts[(page, r.col)]
        head_r, head_p = is_heading(r, size), is_heading(p, size)
        same_group = (pp, p.col) == (page, r.col)
        tol = 0.6 * r.size
        if head_r or head_p:
            new = not (head_r and head_p and abs(r.size - p.size) < 0.6 and same_group
                       and r.top - p.bottom < 0.8 * r.size)
        elif abs(r.size - p.size) > 0.6:
            new = True
        elif same_group:
            new = (r.top - p.bottom > 0.8 * r.size
                   or (r.x0 > left + tol and r.x0 > p.x0 + tol)
                   or (p.x0 > left + tol and r.x0 < p.x0 - tol and run >= 2))
        else:  # a new column or page: go on unless the line is indented or the sentence was over
            indented = r.x0 > left + tol
            first = r.words[0].text[:1]
            last = next((w.text for w in reversed(p.words) if not w.sup), "")
            ended = bool(_SENT_END.search(last))
            new = indented or (ended and first.isupper() and indents < 2)
        out.append(new)
        run = 1 if new or abs(r.x0 - p.x0) > tol else run + 1
    return out
