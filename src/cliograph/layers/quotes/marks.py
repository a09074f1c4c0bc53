"""Find quotations on the clean text: classify each quotation mark, then pair them.

Marks are read from their neighbours (an opening mark has a space or a bracket before it and a word
after it; a closing mark the reverse), so apostrophes (`don't`, `O'Brien`, `'tis`, `the girls' `),
inch and foot marks (`12"`, `6' 2"`) and OCR'd apostrophes are not taken for quotation marks. Straight
marks with spaces on both sides (tokenized text) are read by parity.

One family of marks is the document's primary one (double in American use, single in British
use); the other family is looked for inside primary quotations (nested quotes) and, when both
marks are unambiguous, outside them. A quotation runs over paragraphs when no closing mark comes
before the next paragraph's opening mark; a paragraph whose mark never pairs gets a diagnostic.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from .lexicon import lexicon

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‚‹"
SINGLE_CLOSE = "’›"
OPEN_PUNCT = "([{<—–-/‘“„«‚‹"
CLOSE_PUNCT = ".,;:!?)]}>—–-…’”»›'\"*_"
MAX_SPAN = 6000  # a quotation longer than this without its closing mark is taken as unbalanced


@dataclass
class Mark:
    pos: int
    size: int  # 1, or 2 for `` and ''
    family: str  # "double" or "single"
    role: str  # "open", "close", "either"
    weak: bool = False  # may be an apostrophe or a prime: pairs only when it fits, never a diagnostic


@dataclass
class RawQuote:
    start: int  # the quoted words, marks and surrounding spaces excluded
    end: int
    open_pos: int
    close_pos: int | None  # None when the part ends at its paragraph's end (multi-paragraph quotation)
    family: str
    nested: bool = False
    cont: int | None = None  # index of the previous part of the same utterance
    block: bool = False


@dataclass
class Problem:
    pos: int
    message: str


def _space(c: str) -> bool:
    return c.isspace()


def classify(text: str, i: int) -> Mark | None:
    """The quotation mark at text[i], or None when it is not one (apostrophe, prime, other)."""
    c = text[i]
    size = 1
    if c in "`'" and text.startswith(c * 2, i):
        size = 2
    if c == "`" and size == 1:
        return None
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + size] if i + size < len(text) else "\n"
    left = not _space(nxt) and (_space(prev) or prev in OPEN_PUNCT)  # can open
    right = not _space(prev) and (_space(nxt) or nxt in CLOSE_PUNCT)  # can close
    if c == "`":
        return Mark(i, 2, "double", "open")
    if c == "'" and size == 2:
        if prev.isdigit():
            return None
        return Mark(i, 2, "double", "open" if left and not right else "close")
    if c in DOUBLE_OPEN:
        role = "close" if prev.isalnum() and right and not left else "open"
        return Mark(i, 1, "double", role)
    if c in DOUBLE_CLOSE:
        role = "open" if left and not right else "close"
        return Mark(i, 1, "double", role)
    if c == '"':
        if prev.isdigit() and not left:
            return Mark(i, 1, "double", "close", weak=True)  # 12" is an inch mark unless it closes
        if left and not right:
            return Mark(i, 1, "double", "open")
        if right and not left:
            return Mark(i, 1, "double", "close")
        return Mark(i, 1, "double", "either")
    if c in SINGLE_OPEN:
        if prev.isalnum() or nxt.isdigit() or _elision(text, i + 1):
            return None
        return Mark(i, 1, "single", "open")
    if c in SINGLE_CLOSE or c == "'":
        if prev.isalnum() and nxt.isalnum():
            return None  # don't, O'Brien, Ma'am
        if prev.isdigit() or (nxt.isdigit() and not prev.isalnum()):
            return None  # 6' tall, '60s
        if left and not right:
            if c != "'" or _elision(text, i + 1):
                return None  # 'tis, 'em; a right single mark before a word is an apostrophe
            return Mark(i, 1, "single", "open")
        if right and not left:
            return Mark(i, 1, "single", "close", weak=prev in "sSnN" or c == "'")
        if _space(prev) and _space(nxt):
            if c == "'":
                return Mark(i, 1, "single", "either", weak=True)
            return Mark(i, 1, "single", "close", weak=True)
        return None
    return None


def _elision(text: str, j: int) -> bool:
    k = j
    while k < len(text) and (text[k].isalpha() or text[k] in "'’"):
        k += 1
    word = text[j:k].lower().replace("’", "'")
    return word.split("'")[0] in lexicon().elisions


QUOTE_CHARS = frozenset("\"“”„«»‘’‚‹›'`")


def scan(text: str, start: int, end: int) -> list[Mark]:
    marks = []
    i = start
    while i < end:
        if text[i] in QUOTE_CHARS:
            m = classify(text, i)
            if m is not None:
                marks.append(m)
                i += m.size
                continue
        i += 1
    return marks


def primary_family(marks: list[Mark]) -> str:
    """`single` when the text quotes with single marks (British use), else `double`."""
    dbl = sum(1 for m in marks if m.family == "double" and m.role == "open")
    sgl = sum(1 for m in marks if m.family == "single" and m.role == "open" and not m.weak)
    if dbl == 0 and sgl == 0:
        dbl = sum(1 for m in marks if m.family == "double")
    return "single" if sgl >= 2 and sgl > 2 * dbl else "double"


def _trim(text: str, a: int, z: int) -> tuple[int, int]:
    while a < z and text[a].isspace():
        a += 1
    while z > a and text[z - 1].isspace():
        z -= 1
    return a, z


def _first_char(text: str, a: int, z: int) -> int:
    while a < z and text[a].isspace():
        a += 1
    return a


class _Pairer:
    """Pairs the primary family's marks in text order, one pass, paragraph-aware."""

    def __init__(self, text: str, pars: list[tuple[int, int]], partial_start: bool, partial_end: bool):
        self.text, self.pars = text, pars
        self.starts = [a for a, _ in pars]
        self.partial_start, self.partial_end = partial_start, partial_end
        self.quotes: list[RawQuote] = []
        self.problems: list[Problem] = []
        self.open: Mark | None = None
        self.open_par = -1
        self.cont: int | None = None
        self.nested: list[RawQuote] = []  # same-family quotes inside a quotation
        self.skip = 0

    def par_of(self, pos: int) -> int:
        return max(bisect_right(self.starts, pos) - 1, 0)

    def emit(self, open_mark: Mark, close_pos: int | None, end: int, family: str) -> int | None:
        """Record the quotation opened by `open_mark`; returns its index (None when empty)."""
        a, z = _trim(self.text, open_mark.pos + open_mark.size, end)
        index = None
        if z > a:
            self.quotes.append(RawQuote(a, z, open_mark.pos, close_pos, family, cont=self.cont))
            index = len(self.quotes) - 1
        self.open, self.cont = None, None
        return index

    def unbalanced(self, mark: Mark, what: str) -> None:
        if not mark.weak:
            self.problems.append(Problem(mark.pos, what))

    def feed(self, m: Mark, ahead: list[Mark]) -> None:
        """Read mark `m`; `ahead` holds the next primary marks (for nesting)."""
        if self.skip:
            self.skip -= 1
            return
        p = self.par_of(m.pos)
        if self.open is not None and p != self.open_par:
            if not self._crossing(m, p, ahead):
                return
        if self.open is None:
            self.cont = None
            if m.role in ("open", "either") and not (m.weak and m.role == "either" and not self._capital_after(m)):
                self.open, self.open_par = m, p
            elif p == 0 and self.partial_start and not self.quotes and m.role == "close":
                # an excerpt cut inside a quotation: the words before the first closing mark
                self.open = Mark(self.pars[0][0] - 1, 1, m.family, "open")
                self.emit(self.open, m.pos, m.pos, m.family)
            elif m.role == "close":
                self.unbalanced(m, "closing quotation mark without an opening one")
            return
        if m.role == "open" and not m.weak:
            if self._nested(m, ahead, p):
                return
            self.unbalanced(self.open, "opening quotation mark never closed")
            self.open, self.open_par, self.cont = m, p, None
            return
        self.emit(self.open, m.pos, m.pos, m.family)

    def _nested(self, m: Mark, ahead: list[Mark], p: int) -> bool:
        """`“ ... “inner” ... ”`: an opening mark inside an open quotation, followed by two closing ones."""
        if len(ahead) < 2 or self.par_of(ahead[0].pos) != p or ahead[1].pos - self.open.pos > MAX_SPAN:
            return False
        if ahead[0].role == "open" or ahead[1].role != "close":
            return False
        a, z = _trim(self.text, m.pos + m.size, ahead[0].pos)
        if z > a:
            self.nested.append(RawQuote(a, z, m.pos, ahead[0].pos, m.family, nested=True))
        self.skip = 1
        return True

    def _capital_after(self, m: Mark) -> bool:
        j = _first_char(self.text, m.pos + m.size, min(len(self.text), m.pos + 4))
        return j < len(self.text) and (self.text[j].isupper() or self.text[j] in QUOTE_CHARS)

    def _crossing(self, m: Mark, p: int, ahead: list[Mark]) -> bool:
        """A quotation open since an earlier paragraph meets mark `m` in paragraph `p`.

        Returns True when `m` should then be read as usual (the open quotation was settled)."""
        text, o = self.text, self.open
        at_start = _first_char(text, *self.pars[p]) == m.pos
        if at_start and m.role in ("open", "either") and p == self.open_par + 1:
            # the convention for speech over paragraphs: no closing mark, the next paragraph reopens
            cont = self.emit(o, None, self.pars[self.open_par][1], o.family)
            self.open, self.open_par, self.cont = m, p, cont
            return False
        if m.role in ("close", "either") and not at_start and m.pos - o.pos <= MAX_SPAN:
            self.emit(o, m.pos, m.pos, m.family)  # one quotation over a line or paragraph break
            return False
        if m.role == "open" and not at_start and m.pos - o.pos <= MAX_SPAN and self._nested(m, ahead, p):
            return False
        self.unbalanced(o, "opening quotation mark never closed")
        self.open, self.cont = None, None
        return True

    def close(self) -> None:
        if self.open is None:
            return
        o = self.open
        last = len(self.pars) - 1
        if self.partial_end and self.open_par == last:
            self.emit(o, None, self.pars[last][1], o.family)
        else:
            self.unbalanced(o, "opening quotation mark never closed")
        self.open = None


def _pair_inside(text: str, marks: list[Mark], family: str, nested: bool) -> list[RawQuote]:
    """Pair secondary marks: nested quotes inside one quotation, or unambiguous pairs in the narrative."""
    out, open_m = [], None
    for m in marks:
        if open_m is None:
            if m.role == "open" or (m.role == "either" and nested):
                if m.role == "either":
                    j = _first_char(text, m.pos + 1, min(len(text), m.pos + 4))
                    if j >= len(text) or not text[j].isupper():
                        continue
                open_m = m
            continue
        if m.role in ("close", "either"):
            a, z = _trim(text, open_m.pos + open_m.size, m.pos)
            if z > a and (nested or (not open_m.weak and not m.weak and m.pos - open_m.pos <= 200)):
                out.append(RawQuote(a, z, open_m.pos, m.pos, family, nested=nested))
            open_m = None
        elif m.role == "open":
            open_m = m
    return out


def find_quotes(text: str, pars: list[tuple[int, int]], partial_start: bool = False,
                partial_end: bool = False) -> tuple[list[RawQuote], list[Problem]]:
    """Quotations over `text` (paragraph ranges `pars`, sorted), in text order, and the problems met."""
    if not pars:
        return [], []
    marks = scan(text, pars[0][0], pars[-1][1])
    fam = primary_family(marks)
    pairer = _Pairer(text, pars, partial_start, partial_end)
    first = [m for m in marks if m.family == fam]
    secondary = [m for m in marks if m.family != fam]
    for k, m in enumerate(first):
        pairer.feed(m, first[k + 1:k + 3])
    pairer.close()
    primary = pairer.quotes
    other = "single" if fam == "double" else "double"
    # secondary marks: nested inside a primary quotation, or standing alone in the narrative
    out: list[RawQuote] = []
    i = 0
    outside: list[Mark] = []
    inside: dict[int, list[Mark]] = {}
    for m in secondary:
        while i < len(primary) and primary[i].end < m.pos:
            i += 1
        if i < len(primary) and primary[i].start <= m.pos < primary[i].end:
            inside.setdefault(i, []).append(m)
        else:
            outside.append(m)
    out += pairer.nested
    for k, q in enumerate(primary):
        out.append(q)
        if k in inside:
            out += _pair_inside(text, inside[k], other, nested=True)
    starts = [a for a, _ in pars]
    by_par: dict[int, list[Mark]] = {}
    for m in outside:
        by_par.setdefault(max(bisect_right(starts, m.pos) - 1, 0), []).append(m)
    for ms in by_par.values():
        out += _pair_inside(text, ms, other, nested=False)
    # keep the links between parts when sorting: remap indices
    order = sorted(range(len(out)), key=lambda k: (out[k].start, out[k].end))
    new_index = {old: new for new, old in enumerate(order)}
    ordered = [out[k] for k in order]
    out_index = {id(x): k for k, x in enumerate(out)}
    targets = [None if q.cont is None or q.nested else primary[q.cont] for q in ordered]
    for q, target in zip(ordered, targets, strict=True):
        q.cont = None if target is None else new_index[out_index[id(target)]]
    return ordered, pairer.problems
