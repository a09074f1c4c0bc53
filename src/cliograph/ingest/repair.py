"""Clean text out of source pieces: repairs logged with their source span, whitespace normalized.

`TextBuilder` appends source ranges (copied one to one) and replacements, keeping the offset map.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import OffsetMap, Repair
from .vocab import vocab


class TextBuilder:
    def __init__(self, src: str) -> None:
        self.src = src
        self.parts: list[str] = []
        self.length = 0
        self.omap = OffsetMap()
        self.repairs: list[Repair] = []

    def copy(self, s0: int, s1: int) -> None:
        if s1 > s0:
            self.parts.append(self.src[s0:s1])
            self.omap.add(self.length, s0, s1 - s0, s1 - s0, True)
            self.length += s1 - s0

    def put(self, text: str, s0: int, s1: int, rule: str | None = None) -> None:
        """Emit `text` standing for source [s0, s1); log it as a repair when `rule` is given."""
        if rule:
            self.repairs.append(Repair(source_start=s0, source_end=s1, from_=self.src[s0:s1], to=text, rule=rule))
        if text:
            self.parts.append(text)
            self.omap.add(self.length, s0, len(text), s1 - s0, False)
            self.length += len(text)

    def spaced(self, s0: int, s1: int, starts: list[int], ends: list[int]) -> None:
        """Append source [s0, s1) where each of the sorted source ranges `starts`/`ends` becomes one space and
        everything else is copied (whole lines with nothing to repair but their spacing)."""
        src, c = self.src, self.length
        text = " ".join(map(src.__getitem__, map(slice, [s0, *ends], [*starts, s1])))
        self.parts.append(text)
        self.length = c + len(text)
        segs = []
        d, run = c - s0, s0  # clean = source + d since `run`, the start of the current copy
        for a, z in zip(starts, ends, strict=True):
            if z - a != 1:  # one character for one (a line feed, a tab) stays inside the copy
                if a > run:
                    segs.append([run + d, run, a - run, a - run, 1])
                segs.append([a + d, a, 1, z - a, 0])
                d += a + 1 - z
                run = z
        if s1 > run:
            segs.append([run + d, run, s1 - run, s1 - run, 1])
        self.omap.extend(segs, in_order=True)

    def text(self) -> str:
        return "".join(self.parts)

    def last_char(self) -> str:
        return self.parts[-1][-1] if self.parts else ""


MOJIBAKE_LEADS = "\u00c2\u00c3\u00c5\u00e2\u00ce\u00d0\u00d1"  # UTF-8 read as cp1252 starts with one of these


@lru_cache(maxsize=2)
def _fix_re(moji: bool = True) -> re.Pattern:
    """The repairs as one pattern; without the mojibake branch (for text holding none of its lead
    characters, where it cannot match) when `moji` is false: that branch, `\\S*` first, is tried at
    every character of every word and costs more than the others together."""
    tails = "|".join(sorted(vocab()["contraction_tails"], key=len, reverse=True))
    ligs = "".join(vocab()["ligatures"])
    return re.compile(
        rf"(?P<apos>(?<=[A-Za-z])['\u2019] (?=(?:{tails})\b)(?![A-Za-z]{{3}}))"
        r"|(?P<ws>[ \t\u00a0]{2,}|\t)"
        r"|(?P<soft>\u00ad)"
        rf"|(?P<lig>[{ligs}])"
        + (rf"|(?P<moji>\S*[{MOJIBAKE_LEADS}][\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]\S*)" if moji else "")
    )


_OPEN_SINGLE = re.compile(r"(?:^|[\s(\[\u2014])['\u2018](?=\w)")
_CLOSE_SINGLE = re.compile(r"(?<=[\w.,!?])['\u2019](?=[\s.,;:!?)\]\u2014]|$)")


def _open_single_quote(src: str, para_start: int, pos: int) -> bool:
    """True when a single quotation opened earlier in the paragraph is still open at `pos`."""
    before = src[para_start:pos]
    return len(_OPEN_SINGLE.findall(before)) > len(_CLOSE_SINGLE.findall(before))


_TRIGGERS = ("  ", "\t", "' ", "\u2019 ", "\u00a0")


def emit_piece(b: TextBuilder, s0: int, s1: int, para_start: int) -> None:
    """Append source [s0, s1) (one line's content, or part of it) with repairs applied."""
    src = b.src
    piece = src[s0:s1]
    if piece.isascii() and not any(t in piece for t in _TRIGGERS):
        b.copy(s0, s1)  # the common case: nothing to repair
        return
    pos = s0
    for m in _fix_re(any(c in piece for c in MOJIBAKE_LEADS)).finditer(src, s0, s1):
        kind = m.lastgroup
        a, z = m.start(), m.end()
        if kind == "apos":
            if _open_single_quote(src, para_start, a):
                continue  # a closing single quote before a word: leave it
            b.copy(pos, a + 1)
            b.put("", a + 1, z)
            w0 = a
            while w0 > para_start and src[w0 - 1].isalpha():
                w0 -= 1
            w1 = z
            while w1 < len(src) and src[w1].isalpha():
                w1 += 1
            b.repairs.append(Repair(source_start=w0, source_end=w1, from_=src[w0:w1],
                                    to=src[w0:a + 1] + src[z:w1], rule="spaced_apostrophe"))
        elif kind == "ws":
            b.copy(pos, a)
            b.put(" ", a, z)
        elif kind == "soft":
            b.copy(pos, a)
            b.put("", a, z, "soft_hyphen")
        elif kind == "lig":
            b.copy(pos, a)
            b.put(vocab()["ligatures"][m.group()], a, z, "ligature")
        else:
            fixed = _ftfy(m.group())
            if fixed == m.group():
                continue
            b.copy(pos, a)
            b.put(fixed, a, z, "mojibake")
        pos = z
    b.copy(pos, s1)


def cut_bounds(src: str, pos: int, a: int, z: int, c0: int, c1: int) -> tuple[int, int, bool]:
    """Around a cut [c0, c1) (a mark or marker taken out) in line text [a, z), with the text before it
    emitted up to `pos`: where the text before the cut ends (its spaces trimmed), where the text after
    it starts, and whether one space stands for what lies between (not at a line's ends, not when the
    cut was glued to both sides, unless it stood between a sentence's or clause's end and a word:
    `tone.{27}The` is `tone. The`, `inter{27}national` one word)."""
    low = max(pos, a)
    piece_end = c0
    while piece_end > low and src[piece_end - 1] in " \t":
        piece_end -= 1
    nxt = c1
    while nxt < z and src[nxt] in " \t":
        nxt += 1
    glued = piece_end == c0 and nxt == c1
    if glued and piece_end > a and nxt < z:
        return piece_end, nxt, src[c0 - 1] in ".!?;:," and (src[c1].isalpha() or src[c1] in "\"\u201c\u2018(")
    return piece_end, nxt, nxt < z and piece_end > a and not glued


def _ftfy(token: str) -> str:
    import ftfy

    return ftfy.fix_text(token, normalization=None, uncurl_quotes=False, fix_line_breaks=False)


_HYPHEN = re.compile(r"(?<=[A-Za-z])-(?=[A-Za-z])")


class HyphenatedWords:
    """Lower-cased `a-b` forms written on one line: evidence that a hyphen belongs to the word.

    Gathered on first use: most texts never break a word at a line end.
    """

    def __init__(self, src: str) -> None:
        self.src = src
        self.words: set[str] | None = None
        self._low: str | None = None
        self._dashes: bool | None = None
        self._all: set[str] | None = None

    def has_word(self, word: str) -> bool:
        """Does the lower-cased `word` stand as a whole word somewhere in the text?"""
        if self._low is None:
            self._low = self.src.lower()
        low, i = self._low, self._low.find(word)
        while i >= 0:
            if (i == 0 or not _word_char(low[i - 1])) and (i + len(word) >= len(low) or not _word_char(low[i + len(word)])):
                return True
            i = low.find(word, i + 1)
        return False

    def dash_habit(self) -> bool:
        """Does the text write a dash as a hyphen and a space (`an effect- what`) at least as often as it
        breaks words at line ends? Then a line-end hyphen after a whole word may be such a dash."""
        if self._dashes is None:
            inline = len(_SPACED_DASH.findall(self.src))
            self._dashes = inline >= 3 and inline >= len(_LINE_END_HYPHEN.findall(self.src))
        return self._dashes

    def all_words(self) -> set[str]:
        """Every lower-cased word of the text but the halves of words broken at line ends (made once, for
        texts with the dash habit only)."""
        if self._all is None:
            low = self._low if self._low is not None else self.src.lower()
            self._all = set(_WORD.findall(_BROKEN.sub(" ", low)))
        return self._all

    def __contains__(self, word: str) -> bool:
        if self.words is None:
            self.words = self._gather()
        return word in self.words

    def _gather(self) -> set[str]:
        src, out, last = self.src, set(), 0
        for m in _HYPHEN.finditer(src):
            a = m.start()
            while a > 0 and src[a - 1].isascii() and src[a - 1].isalpha():
                a -= 1
            if a < last:
                continue  # inside the form just taken (`a-b-c` gives `a-b`)
            z = m.end()
            while z < len(src) and src[z].isascii() and src[z].isalpha():
                z += 1
            if (a == 0 or not _word_char(src[a - 1])) and (z == len(src) or not _word_char(src[z])):
                out.add(src[a:z].lower())
                last = z
        return out


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def hyphenated_words(src: str) -> HyphenatedWords:
    return HyphenatedWords(src)


_TENS = frozenset(("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"))


_SPACED_DASH = re.compile(r"[a-z]- (?!(?:and|or|nor|to)\b)[a-z]")  # not a suspended hyphen (`tenth- and`)
_WORD = re.compile(r"[a-z]+")
_BROKEN = re.compile(r"[a-z]+-[ \t]*(?:\r\n|\n|\r)[ \t]*[a-z]+")  # `exam-` / `ination`
_LINE_END_HYPHEN = re.compile(r"[a-z]-[ \t]*(?:\r\n|\n|\r)")


def dash_at_line_end(before: str, after: str, seen: HyphenatedWords | set[str]) -> bool:
    """Is `before-` at a line end a dash, in a text that writes dashes as `effect- what`: both words stand
    in the text on their own, joined they stand nowhere, and it never writes them with a hyphen
    (`effects-` / `agreeableness`, but `exam-` / `ination`, `well-` / `known`)?"""
    if not (isinstance(seen, HyphenatedWords) and before and after and seen.dash_habit()):
        return False
    low, high = before.lower(), after.lower()
    words = seen.all_words()
    return low in words and high in words and low + high not in words and f"{low}-{high}" not in seen


def join_hyphen(before: str, after: str, seen: HyphenatedWords | set[str]) -> bool:
    """Should `before-` at a line end and `after` on the next line become one word?"""
    if not before or not after or not after[0].islower() or not before[-1].isalpha():
        return False
    if f"{before}-{after}".lower() in seen or dash_at_line_end(before, after, seen):
        return False
    low = before.lower()
    if low in _TENS:
        return False  # `forty-` / `second`
    if low not in vocab()["keep_hyphen_prefixes"]:
        return True
    # a prefix that also opens plain words (`ex-` / `tended`, `so-` / `ciety`): the text's own spelling of
    # the whole word decides, else the prefix's habit
    whole = isinstance(seen, HyphenatedWords) and seen.has_word(low + after.lower())
    if low == "co":  # `co-operate`, `co-ordinate` keep it before a vowel; `co-` / `lour` is one word
        return whole or after[0] not in "aeiou"
    return whole or low in vocab()["prefixes_opening_words"]
