"""Ingest vocabulary, kept as data (ingest/data/vocab.json)."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def vocab() -> dict:
    return json.loads(resources.files("cliograph.ingest").joinpath("data/vocab.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def page_line_res() -> list[re.Pattern]:
    return [re.compile(p, re.I) for p in vocab()["page_line_patterns"]]


@lru_cache(maxsize=1)
def page_separator_re() -> re.Pattern:
    """Lines a digital library sets between scanned pages, the printed label inside when the page has one
    (HathiTrust's `## p. 12 (#20) ###`); each opens a page."""
    return re.compile("|".join(f"(?:{p})" for p in vocab()["page_separator_patterns"]), re.M)


@lru_cache(maxsize=1)
def page_inline_re() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in vocab()["page_inline_patterns"]).replace("?P<label>", "?:"), re.I)


@lru_cache(maxsize=1)
def _inline_heads() -> str | None:
    """The first character of every inline page-marker pattern, when each opens with a literal one."""
    heads = set()
    for pat in vocab()["page_inline_patterns"]:
        m = re.match(r"\\([^\w\s])|([^\\.^$*+?()\[\]{}|\w\s])", pat)
        if not m or pat[m.end():m.end() + 1] in ("?", "*", "{"):
            return None  # not a plain literal (absent, optional or repeated): search the whole pattern
        heads.add(m.group(1) or m.group(2))
    return "".join(sorted(heads))


def page_inline_matches(src: str) -> list[re.Match]:
    """`page_inline_re().finditer(src)`, tried only where a marker's first character stands: a search
    over the alternation tests every position of a book, a search for one character does not."""
    rx, heads = page_inline_re(), _inline_heads()
    if heads is None:
        return list(rx.finditer(src))
    return matches_at(rx, src, sorted(i for h in heads for i in char_positions(src, h)))


def matches_at(rx: re.Pattern, src: str, positions: list[int], start: int = 0, end: int | None = None) -> list[re.Match]:
    """`rx.finditer(src, start, end)` for a pattern whose every match starts at one of the sorted
    `positions`: tried there only."""
    end = len(src) if end is None else end
    out, last = [], start
    for i in positions:
        if last <= i < end:
            m = rx.match(src, i, end)
            if m and m.end() > i:
                out.append(m)
                last = m.end()
    return out


def char_positions(src: str, ch: str) -> list[int]:
    """Every position of the character (or string) `ch` in `src`: `str.find` runs at the speed of memchr."""
    out, i = [], src.find(ch)
    while i >= 0:
        out.append(i)
        i = src.find(ch, i + 1)
    return out


@lru_cache(maxsize=1)
def end_of_text_res() -> list[tuple[re.Pattern, str | None]]:
    """Each end-of-text line pattern with a lower-cased literal every match must contain, if any."""
    out = []
    for pat in vocab()["end_of_text_patterns"]:
        top = pat
        while re.search(r"\([^()]*\)", top):
            top = re.sub(r"\([^()]*\)[?*]?", "\x00", top)  # groups may be optional: only top-level words count
        words = [m.group().strip() for m in re.finditer(r"[A-Za-z][A-Za-z ]{5,}(?![A-Za-z ]*[?*{])", top)]
        lit = max(words, key=len, default=None)
        out.append((re.compile(pat, re.M | re.I), lit.lower() if lit else None))
    return out


def search_line(rx: re.Pattern, lit: str | None, src: str, low: str | None = None,
                stop: int | None = None) -> re.Match | None:
    """`rx.search(src)` for a `^`-anchored line pattern, tried only near lines holding `lit` (starting
    before `stop`, if given).

    `low` is `src.lower()` (passed in when searching several patterns). A match is looked for from
    three lines above the literal (and any blank lines above those).
    """
    low = src.lower() if low is None else low
    stop = len(src) if stop is None else stop
    if lit is None or len(low) != len(src):  # lower() changed lengths: offsets would not agree
        m = rx.search(src)
        return m if m and m.start() < stop else None
    i = low.find(lit, 0, stop)
    while i >= 0:
        a, z = src.rfind("\n", 0, i) + 1, src.find("\n", i + len(lit)) % (len(src) + 1)
        above = 0
        while a > 0:
            b = src.rfind("\n", 0, a - 1) + 1
            above += bool(src[b:a].strip())
            if above > 3:
                break
            a = b
        found = rx.search(src, a, z)
        if found:
            return found
        i = low.find(lit, i + 1, stop)
    return None


ROMAN = re.compile(r"^(?=[mdclxvi])m{0,4}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$", re.I)
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def roman_to_int(s: str) -> int | None:
    s = s.lower()
    if not ROMAN.match(s):
        return None
    total = 0
    for i, ch in enumerate(s):
        v = _ROMAN_VALUES[ch]
        total += -v if i + 1 < len(s) and _ROMAN_VALUES[s[i + 1]] > v else v
    return total


def int_to_roman(n: int, upper: bool = False) -> str:
    out = []
    for v, sym in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                   (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= v:
            out.append(sym)
            n -= v
    s = "".join(out)
    return s.upper() if upper else s


def label_value(label: str) -> tuple[str, int] | None:
    """('arabic', n) or ('roman', n) for a page label."""
    if label.isdecimal():
        return "arabic", int(label)
    r = roman_to_int(label)
    return ("roman", r) if r else None


def previous_label(label: str) -> str | None:
    kind = label_value(label)
    if not kind or kind[1] <= 1:
        return None
    return str(kind[1] - 1) if kind[0] == "arabic" else int_to_roman(kind[1] - 1, label.isupper())
