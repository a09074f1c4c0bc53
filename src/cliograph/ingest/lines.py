"""Lines of the source and what each one is: text, blank, or apparatus (markers, heads, folios)."""
from __future__ import annotations

import re
from collections import Counter
from statistics import median

from .vocab import ROMAN, page_line_res

_BREAK = re.compile(r"\r\n|\n|\r|\f|\v|\x1c|\x1d|\x1e|\x85|\u2028|\u2029")
_NUM_LINE = re.compile(r"^\s*(\d{1,4})\s*$")
_SUP_LINE = re.compile(r"^\s*([\u2070\u00b9\u00b2\u00b3\u2074-\u2079]+)\s*$")
_HEAD_NUM_FIRST = re.compile(r"^\s*(\d{1,4}|[ivxlcIVXLC]{1,7})\s{2,}(\S.{2,70}?)\s*$")
_ROMAN_CHARS = frozenset("ivxlcIVXLC")
_HEAD_NUM_LAST = re.compile(r"^\s*(\S.{2,70}?)\s{2,}(\d{1,4}|[ivxlcIVXLC]{1,7})\s*$")


class Line:
    """One source line: `start`/`end` its content with the break excluded, `stop` after the break."""

    __slots__ = ("start", "end", "stop", "text", "formfeed", "kind", "label", "content")

    def __init__(self, start: int, end: int, stop: int, text: str, formfeed: bool = False) -> None:
        self.start, self.end, self.stop, self.text, self.formfeed = start, end, stop, text, formfeed
        self.kind = "text"  # text, blank, marker, head, folio, numline
        self.label: str | None = None
        # source range of the line without its leading and trailing whitespace
        a = len(text) - len(text.lstrip())
        self.content = (start + a, start + max(a, len(text.rstrip())))


def split_lines(src: str) -> list[Line]:
    out: list[Line] = []
    pos = 0
    for m in _BREAK.finditer(src):
        a, z = m.span()
        out.append(Line(pos, a, z, src[pos:a], z - a == 1 and src[a] == "\f"))
        pos = z
    if pos < len(src):
        out.append(Line(pos, len(src), len(src), src[pos:]))
    return out


def _page_label(s: str) -> str | None:
    for rx in page_line_res():
        m = rx.match(s)
        if m:
            label = m.group("label")
            if label.isdigit() or ROMAN.match(label):
                return label
    return None


def _head_shape(s: str) -> tuple[str, str] | None:
    """(shape, folio) for a short line with a number at one end: a running head candidate."""
    for rx, num_group, text_group in ((_HEAD_NUM_FIRST, 1, 2), (_HEAD_NUM_LAST, 2, 1)):
        m = rx.match(s)
        if m:
            words = m.group(text_group)
            if len(words) > 70 or words.rstrip().endswith((".", ",", ";")):
                continue
            return re.sub(r"\s+", " ", words.upper()).strip(), m.group(num_group)
    return None


def classify(lines: list[Line]) -> None:
    """Set `kind` and `label` of every line."""
    shapes: Counter[str] = Counter()
    head_of: dict[int, tuple[str, str]] = {}
    for i, ln in enumerate(lines):
        s = ln.text.strip()
        if not s:
            ln.kind = "blank"
            continue
        if len(s) <= 24:  # markers and number lines are short
            label = _page_label(s)
            if label is not None:
                ln.kind, ln.label = "marker", label
                continue
            m = _NUM_LINE.match(s) or _SUP_LINE.match(s)
            if m:
                ln.kind, ln.label = "numline", m.group(1)
                continue
        if len(s) <= 80 and (s[0].isdigit() or s[-1].isdigit() or s[0] in _ROMAN_CHARS or s[-1] in _ROMAN_CHARS):
            hs = _head_shape(ln.text)
            if hs:
                head_of[i] = hs
                shapes[hs[0]] += 1
    for i, (shape, folio) in head_of.items():
        if shapes[shape] >= 3:
            lines[i].kind, lines[i].label = "head", folio
    _plain_heads(lines)
    _bare_folios(lines)


def _plain_heads(lines: list[Line]) -> None:
    """A line repeated at the top of three or more form-feed pages is a running head."""
    firsts: dict[str, list[int]] = {}
    at_top = True
    for i, ln in enumerate(lines):
        if at_top and ln.kind == "text":
            key = re.sub(r"\s+", " ", ln.text.strip().upper())
            if len(key) <= 80:
                firsts.setdefault(key, []).append(i)
            at_top = False
        if ln.formfeed:
            at_top = True
    for idx in firsts.values():
        if len(idx) >= 3:
            for i in idx:
                lines[i].kind, lines[i].label = "head", None


def _bare_folios(lines: list[Line]) -> None:
    """Number-only lines standing between blank lines (or form feeds) and rising: folios."""
    cands = []
    for i, ln in enumerate(lines):
        if ln.kind != "numline" or not ln.label.isdigit():
            continue
        before = i == 0 or lines[i - 1].kind == "blank" or lines[i - 1].formfeed
        after = i + 1 >= len(lines) or lines[i + 1].kind == "blank" or ln.formfeed
        if before and after:
            cands.append(i)
    if len(cands) < 3:
        return
    values = [int(lines[i].label) for i in cands]
    rising = sum(1 for a, b in zip(values, values[1:], strict=False) if 0 < b - a <= 3)
    if rising >= 0.7 * (len(values) - 1):
        for i in cands:
            lines[i].kind = "folio"


def wrapped(lines: list[Line]) -> bool:
    """True when the text is hard-wrapped (paragraphs are blocks of lines between blank lines)."""
    lengths = [len(ln.text.strip()) for ln in lines if ln.kind == "text"]
    if not lengths:
        return False
    blanks = sum(1 for ln in lines if ln.kind == "blank")
    return median(lengths) <= 100 and (blanks > 0 or len(lengths) > 3)
