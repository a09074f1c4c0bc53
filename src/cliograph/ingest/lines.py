"""Lines of the source and what each one is: text, blank, or apparatus (markers, heads, folios).

A book has tens of thousands of lines, so they are kept as parallel lists (`Lines`), filled by
whole-text operations; `lines[i]` gives a `Line` view for code that looks at one line at a time.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache
from itertools import accumulate, compress, count, repeat
from operator import add, contains, eq, itemgetter, ne, not_, or_, sub
from statistics import median

from .notes import sup_to_digits
from .vocab import (
    ROMAN,
    char_positions,
    int_to_roman,
    label_value,
    page_line_res,
    page_separator_re,
    roman_to_int,
    vocab,
)

_BREAK = re.compile(r"\r\n|\n|\r|\f|\v|\x1c|\x1d|\x1e|\x85|\u2028|\u2029")
_RARE_BREAKS = ("\f", "\v", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")
_NUM_LINE = re.compile(r"^\s*(\d{1,4})\s*$")
_SUP_LINE = re.compile(r"^\s*([\u2070\u00b9\u00b2\u00b3\u2074-\u2079]+)\s*$")
_HEAD_NUM_FIRST = re.compile(r"^\s*(\d{1,4}|[ivxlcIVXLC]{1,7})\s{2,}(\S.{2,70}?)\s*$")
_ROMAN_CHARS = frozenset("ivxlcIVXLC")
_HEAD_ENDS = frozenset("0123456789ivxlcIVXLC")
_FOLIO_ENDS = frozenset("0123456789ivxlcI")  # a folio's first or last character, arabic or lowercase roman
_PAGE_CHARS = 600  # fewer characters than the shortest printed page holds
_RUN = re.compile(r"[ \t]{2,}|\t")  # a run of spaces and tabs that spacing collapses
_INNER_SPACES = re.compile(r"  (?<=\S  ) *(?=\S)")
# whitespace that may stand inside a line besides spaces and tabs (`str.strip` takes it off line ends)
_OTHER_SPACES = "\x1f\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_HEAD_NUM_LAST = re.compile(r"^\s*(\S.{2,70}?)\s{2,}(\d{1,4}|[ivxlcIVXLC]{1,7})\s*$")


@lru_cache(maxsize=1)
def _short_line_re() -> re.Pattern:
    """Any page-marker line or number line: one match tells which short lines need a closer look."""
    pats = [p.replace("?P<label>", "?:") for p in vocab()["page_line_patterns"]]
    return re.compile("|".join(f"(?:{p})" for p in pats + [_NUM_LINE.pattern, _SUP_LINE.pattern]), re.I)


class Lines:
    """Parallel lists, one entry per source line: `start`/`end` its content with the break excluded,
    `sep` the line break when all are alike (else None),
    `stop` after the break, `text`, `formfeed` (the break is a form feed), `ca`/`cz` the line without
    its leading and trailing whitespace, `kind` (text, blank, marker, head, folio, numline), `label`."""

    def __init__(self, src: str) -> None:
        self.src = src
        texts, starts, stops, breaks, self.sep = _split(src)
        lens = list(map(len, texts))  # built with map over C functions: one pass per list, no Python loop
        self.text = texts
        self.start = starts
        self.end = list(map(add, starts, lens))
        self.stop = stops
        self.formfeed = breaks  # indexes of lines ended by a form feed
        self.stripped = list(map(str.strip, texts))
        self.stripped_len = slens = list(map(len, self.stripped))
        # most lines have no whitespace at either end: only the others are looked at
        self.ca, self.cz = ca, cz = starts[:], self.end[:]
        for i in compress(count(), map(ne, lens, slens)):
            t = texts[i]
            ca[i] += len(t) - len(t.lstrip())
            cz[i] = ca[i] + slens[i]
        self.kind = ["text"] * len(texts)
        self.label: list[str | None] = [None] * len(texts)
        self.guessed: set[int] = set()  # folio lines whose label was read out of the run, not off the line
        self.stamps: list[int] = []  # lines a digitization left (`stamps.py`)
        self._runs: tuple[list[int], list[int]] | None = None
        # the only whitespace inside a line is the space: two whitespace characters in a row are two spaces
        self.only_spaces = "\t" not in src and not any(c in src for c in _OTHER_SPACES)

    def inner_runs(self) -> tuple[list[int], list[int]]:
        """Starts and ends of the runs of spaces and tabs that spacing collapses (two or more, or one tab)
        inside a line's text, not the spaces around a line break."""
        if self._runs is None:
            self._runs = _runs_inside_lines(self)
        return self._runs

    def __len__(self) -> int:
        return len(self.text)

    def __getitem__(self, i: int) -> Line:
        return Line(self, i if i >= 0 else len(self.text) + i)

    def __iter__(self):
        return (Line(self, i) for i in range(len(self.text)))


def _runs_inside_lines(lines: Lines) -> tuple[list[int], list[int]]:
    src = lines.src
    if lines.only_spaces:
        # a run of spaces with a visible character on each side: inside a line's text, found by one
        # search that starts from two spaces in a row
        found = [m.span() for m in _INNER_SPACES.finditer(src)]
        return [a for a, _ in found], [z for _, z in found]
    starts, ca, cz = lines.start, lines.ca, lines.cz
    run_a, run_z = [], []
    for m in _RUN.finditer(src):
        a, z = m.span()
        li = bisect_right(starts, a) - 1
        if ca[li] <= a and z <= cz[li]:
            run_a.append(a)
            run_z.append(z)
    return run_a, run_z


def _split(src: str) -> tuple[list[str], list[int], list[int], set[int], str | None]:
    """(texts, starts, stops, form-feed line indexes, the line break when all are alike); one `str.split`
    when the breaks are all alike."""
    if not src:
        return [], [], [], set(), None
    sep = None
    if not any(c in src for c in _RARE_BREAKS):
        n, r = src.count("\n"), src.count("\r")
        if r == 0:
            sep = "\n"
        elif n == 0:
            sep = "\r"
        elif src.count("\r\n") == n == r:
            sep = "\r\n"
    if sep is None:
        return (*_split_mixed(src), None)
    texts = src.split(sep)
    k = len(sep)
    if texts[-1] == "":
        texts.pop()  # a final break closes the last line, it opens no new one
    stops = list(accumulate(map(add, map(len, texts), repeat(k))))
    starts = [0, *stops[:-1]]
    stops[-1] = min(stops[-1], len(src))
    return texts, starts, stops, set(), sep


def _split_mixed(src: str) -> tuple[list[str], list[int], list[int], set[int]]:
    texts, starts, stops, ff = [], [], [], set()
    pos = 0
    for m in _BREAK.finditer(src):
        a, z = m.span()
        if z - a == 1 and src[a] == "\f":
            ff.add(len(texts))
        texts.append(src[pos:a])
        starts.append(pos)
        stops.append(z)
        pos = z
    if pos < len(src):
        texts.append(src[pos:])
        starts.append(pos)
        stops.append(len(src))
    return texts, starts, stops, ff


def lines_opening_with(lines: Lines, chars: frozenset[str]) -> list[int]:
    """Indexes of the lines whose text (leading whitespace aside) opens with a decimal digit or one of
    `chars`: one search over the whole text, from each line break (a literal, found fast), when all
    line breaks are alike; else a look at every line."""
    if lines.sep is None:
        return [i for i, s in enumerate(lines.stripped) if s[:1] in chars or s[:1].isdecimal()]
    rx = _opening_re(lines.sep[-1], "".join(sorted(chars)))
    found = [m.end() for m in rx.finditer(lines.src)]
    if lines.stripped and (lines.stripped[0][:1] in chars or lines.stripped[0][:1].isdecimal()):
        found.insert(0, 0)
    return list(map(bisect_left, repeat(lines.start), found))


@lru_cache(maxsize=8)
def _opening_re(brk: str, chars: str) -> re.Pattern:
    """A line break, then (looking ahead) the next line's leading whitespace and an opening character."""
    return re.compile(f"{re.escape(brk)}(?=[^\\S{re.escape(brk)}]*[{re.escape(chars)}\\d])")


class Line:
    """One line of a `Lines`, read and written through."""

    __slots__ = ("_ls", "_i")

    def __init__(self, ls: Lines, i: int) -> None:
        self._ls, self._i = ls, i

    start = property(lambda self: self._ls.start[self._i])
    end = property(lambda self: self._ls.end[self._i])
    stop = property(lambda self: self._ls.stop[self._i])
    text = property(lambda self: self._ls.text[self._i])
    formfeed = property(lambda self: self._i in self._ls.formfeed)
    content = property(lambda self: (self._ls.ca[self._i], self._ls.cz[self._i]))

    @property
    def kind(self) -> str:
        return self._ls.kind[self._i]

    @kind.setter
    def kind(self, value: str) -> None:
        self._ls.kind[self._i] = value

    @property
    def label(self) -> str | None:
        return self._ls.label[self._i]

    @label.setter
    def label(self, value: str | None) -> None:
        self._ls.label[self._i] = value


def _page_label(s: str) -> str | None:
    for rx in page_line_res():
        m = rx.match(s)
        if m:
            label = m.group("label")
            if label.isdecimal() or ROMAN.match(label):
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
            return _shape(words).strip(), m.group(num_group)
    return None


def _shape(words: str) -> str:
    """A head's words as compared with the others: upper case, one space between, no stop or comma closing
    them (the OCR reads one for the other, or drops it)."""
    return re.sub(r"\s+", " ", words.upper()).strip().rstrip(".,;:")


def _two_spaces(s: str) -> bool:
    """Could `s` hold two whitespace characters in a row? (Any whitespace but ' ' is unprintable.)"""
    return "  " in s or not s.isprintable()


def _may_be_head(s: str) -> bool:
    """A cheap necessary condition for `_head_shape` on a stripped line of at most 80 characters:
    a number or numeral of at most 7 characters, then 2+ spaces, at one end."""
    return ((s[0].isdecimal() or s[0] in _ROMAN_CHARS) and _two_spaces(s[:10])) or (
        (s[-1].isdecimal() or s[-1] in _ROMAN_CHARS) and _two_spaces(s[-10:]))


def classify(lines: Lines) -> None:
    """Set `kind` and `label` of every line."""
    label, stripped, text = lines.label, lines.stripped, lines.text
    shapes: Counter[str] = Counter()
    head_of: dict[int, tuple[str, str]] = {}
    short = _short_line_re().match
    lens = lines.stripped_len
    # lists of candidate lines made by map over C functions: a book's prose lines are never visited
    lines.kind = kind = list(map(("blank", "text").__getitem__, map(bool, lens)))
    numlines = []
    for i in compress(count(), map(range(1, 25).__contains__, lens)):
        s = stripped[i]
        if short(s):
            lab = _page_label(s)
            if lab is not None and s[0].islower() and "_" not in s and _inside_sentence(lines, i):
                continue  # `printed on` / `page 12` / `of the second volume`: the words of a sentence
            if lab is not None:
                kind[i], label[i] = "marker", lab
                continue
            m = _NUM_LINE.match(s) or _SUP_LINE.match(s)
            if m:
                kind[i], label[i] = "numline", sup_to_digits(m.group(1))
                numlines.append(i)
    if "## p" in lines.src:
        _separators(lines)
    # a head has two whitespace characters in a row
    if lines.only_spaces:  # two spaces in a row inside the line's text: the lines of the runs found
        starts = lines.start
        spaced = dict.fromkeys(map(sub, map(bisect_right, repeat(starts), lines.inner_runs()[0]), repeat(1)))
    else:  # any whitespace but ' ' is unprintable
        spaced = compress(count(), map(or_, map(contains, stripped, repeat("  ")), map(not_, map(str.isprintable, stripped))))
    for i in spaced:
        s = stripped[i]
        if kind[i] != "text" or not 0 < lens[i] <= 80:
            continue
        if (s[0] in _HEAD_ENDS or s[-1] in _HEAD_ENDS or s[0].isdecimal() or s[-1].isdecimal()) and _may_be_head(s):
            hs = _head_shape(text[i])
            if hs:
                head_of[i] = hs
                shapes[hs[0]] += 1
    if len(head_of) < 3 and "marker" not in kind:
        _one_space_heads(lines, head_of, shapes)
    alternating = _verso_recto(head_of, shapes, lines)
    close = _close_rows(head_of)
    heads = [i for i, (shape, _) in head_of.items() if (shapes[shape] >= 3 or alternating) and shape not in close]
    heads = _a_page_apart(lines, heads, head_of)
    for i in heads:
        kind[i], label[i] = "head", head_of[i][1]
    if len(heads) >= 3 and not lines.formfeed:
        lost = _heads_without_folios(lines, heads, {shape for shape, n in shapes.items() if n >= 3})
        _head_folios_misread(lines, sorted(heads + lost))
    if lines.formfeed:  # without form feeds only the first line is at a page's top: no repeated heads
        _plain_heads(lines)
    _bare_folios(lines, [i for i in numlines if kind[i] == "numline"])  # some may be folios beside separators


def _separators(lines: Lines) -> None:
    """Page separators of a digital library (`## p. 12 (#20) ###`) are markers, labelled "" when the page
    has no number, inferred when the library supplied it (`## p. [12]`); the OCR's reading of the folio, or
    of the head and folio, on the page's first line repeats the label and is apparatus too."""
    kind, label, stripped, n = lines.kind, lines.label, lines.stripped, len(lines.kind)
    rx, seps = page_separator_re(), []
    for pos in char_positions(lines.src, "## p"):
        i = bisect_right(lines.start, pos) - 1
        m = rx.match(stripped[i]) if lines.ca[i] == pos and kind[i] != "marker" else None
        if m is None:
            continue
        lab = m.group("label").strip()
        supplied = lab[:1] == "[" and lab[-1:] == "]"  # `## p. [12]`: the library's number, none printed
        if supplied:
            lab = lab[1:-1].strip()
        kind[i], label[i] = "marker", lab if lab.isdecimal() or ROMAN.match(lab) else ""
        if supplied and label[i]:
            lines.guessed.add(i)
        seps.append(i)
    heads: list[tuple[int, str]] = []  # a line of capitals alone beside a page's top folio, and its shape
    shapes: Counter[str] = Counter()
    for k, i in enumerate(seps):
        printed = label[i] and i not in lines.guessed  # a number the page prints: its folio may stand beside
        top = [j for j in range(i + 1, min(i + 8, n)) if kind[j] in ("text", "numline")][:2]  # the first two lines
        if printed and top:
            folio = [j for j in top if stripped[j] == label[i]][:1]
            words = _head_beside(stripped[top[0]], label[i]) if not folio else None
            if words is not None:  # `2 THE ABBEY ROLLS.`, `THE KING'S ANSWER. 3`
                kind[top[0]], label[top[0]] = "head", label[i]
                shapes[_shape(words)] += 1
            elif folio:  # the folio alone, a head beside it or not (`4` / `THE ABBEY ROLLS.`)
                kind[folio[0]], label[folio[0]] = "folio", label[i]
                other = [j for j in top if j != folio[0]]
                if other and _capitals(stripped[other[0]]) and not _CHAPTERISH.match(stripped[other[0]]):
                    heads.append((other[0], _shape(stripped[other[0]])))
                    shapes[heads[-1][1]] += 1
        # a folio at the page's foot: taken out with the separator after it, it opens no page of its own
        j = (seps[k + 1] if k + 1 < len(seps) else n) - 1
        while j > i and kind[j] == "blank":
            j -= 1
        if j > i and printed and kind[j] in ("text", "numline") and stripped[j] == label[i]:
            kind[j], label[j] = "marker", None
    for j, shape in heads:  # a head repeats on other pages; a section's heading does not
        if shapes[shape] >= 2:
            kind[j] = "head"


_CHAPTERISH = re.compile(r"(?:chapter|book|part|section|act|scene|canto|volume|vol|lecture|letter|sermon|essay)\b", re.I)


def _head_beside(s: str, folio: str) -> str | None:
    """The words of a head of capitals with the folio at one end of the line (`2 THE ABBEY ROLLS.`)."""
    first, _, rest = s.partition(" ")
    before, _, last = s.rpartition(" ")
    # a roman folio as printed, lower case: `I DEDICATE` opening page i is a sentence
    words = rest if first == folio else before if last == folio else None
    if words is None or not _capitals(words.strip()) or _CHAPTERISH.match(words.strip()):
        return None  # `CHAPTER 1` opening page 1 is the chapter's number
    return words.strip()


def _one_space_heads(lines: Lines, head_of: dict[int, tuple[str, str]], shapes: Counter[str]) -> None:
    """OCR sets the wide gap between a head and its folio as one space (`24 THE DECLINE OF TRADE.`): lines
    of capitals standing alone with a number at one end are head candidates too, in books with no page
    markers (the head tests that follow decide)."""
    stripped, kind, n = lines.stripped, lines.kind, len(lines.kind)
    ends = map(or_, map(contains, repeat(_FOLIO_ENDS), map(itemgetter(slice(0, 1)), stripped)),
               map(contains, repeat(_FOLIO_ENDS), map(itemgetter(slice(-1, None)), stripped)))
    for i in compress(count(), ends):
        if i in head_of or kind[i] != "text" or lines.stripped_len[i] > 70:
            continue
        if (i and kind[i - 1] == "text") or (i + 1 < n and kind[i + 1] == "text"):
            continue  # a line of a paragraph
        hf = _head_and_folio(stripped[i])
        if hf:
            head_of[i] = (_shape(hf[0]), hf[1])
            shapes[head_of[i][0]] += 1
    if head_of:
        ordered = dict(sorted(head_of.items()))
        head_of.clear()
        head_of.update(ordered)


def _inside_sentence(lines: Lines, i: int) -> bool:
    """Line i stands between a text line that does not end a sentence and one going on in lower case."""
    if i == 0 or i + 1 >= len(lines.kind) or lines.kind[i - 1] != "text":
        return False
    before, after = lines.stripped[i - 1], lines.stripped[i + 1]
    return bool(before) and before[-1] not in ".!?:;\"'\u201d\u2019)]" and after[:1].islower()


def _close_rows(head_of: dict[int, tuple[str, str]]) -> set[str]:
    """Shapes seen on lines close together (`Ditto    3` rows of a table): one head a page never is."""
    last: dict[str, int] = {}
    out = set()
    for i, (shape, _) in head_of.items():
        if shape in last and i - last[shape] < 4:
            out.add(shape)
        last[shape] = i
    return out


def _verso_recto(head_of: dict[int, tuple[str, str]], shapes: Counter[str], lines: Lines) -> bool:
    """A short excerpt's running heads: left and right pages may carry two different heads, each seen
    only twice, and a right page's head may change with each chapter. Three or more candidates of at
    most two shapes whose folios rise page by page are heads; of more shapes, four or more whose folios
    rise one page at a time, a page's length apart (a table of contents has a shape per entry on lines
    close together, a table's rows stand on neighbouring lines)."""
    if len(head_of) < 3 or (len(shapes) > 2 and len(head_of) < 4):
        return False
    folios = [f for _, f in head_of.values()]
    at = list(head_of)
    if any(b - a < 4 for a, b in zip(at, at[1:], strict=False)):
        return False  # one head a page: never on lines close together (rows of a table)
    if len(shapes) > 2:
        # front matter's roman folios, then arabic: a step within one numbering goes one page on, or two
        # (a chapter's first page has no head); a page's length apart
        values = [label_value(f) for f in folios]
        if None in values:
            return False
        pairs = [(a[1], b[1]) for a, b in zip(values, values[1:], strict=False) if a[0] == b[0]]
        steps = sum(1 for a, b in pairs if 0 < b - a <= 2)
        apart = sorted(lines.start[b] - lines.start[a] for a, b in zip(at, at[1:], strict=False))
        return bool(pairs) and steps >= 0.9 * len(pairs) and apart[len(apart) // 2] >= _PAGE_CHARS // 4
    if not all(f.isdecimal() for f in folios):
        return False
    values = [int(f) for f in folios]
    rising = sum(1 for a, b in zip(values, values[1:], strict=False) if 0 < b - a <= 3)
    return rising >= 0.7 * (len(values) - 1)


def _plain_heads(lines: Lines) -> None:
    """A line repeated at the top of three or more form-feed pages is a running head."""
    firsts: dict[str, list[int]] = {}
    at_top = True
    for i, k in enumerate(lines.kind):
        if at_top and k == "text":
            key = _shape(lines.stripped[i])
            if len(key) <= 80:
                firsts.setdefault(key, []).append(i)
            at_top = False
        if i in lines.formfeed:
            at_top = True
    for idx in firsts.values():
        if len(idx) >= 3:
            for i in idx:
                lines.kind[i], lines.label[i] = "head", None


def _bare_folios(lines: Lines, numlines: list[int]) -> None:
    """Number-only lines standing between blank lines (or form feeds) and rising: folios. A lowercase
    roman numeral alone on a page's first or last line (next to a form feed) is a front-matter folio
    (a chapter number is upper case and never alone at a form feed's side in such a row)."""
    kind, label, ff = lines.kind, lines.label, lines.formfeed
    cands = []
    marked = "marker" in kind  # pages marked otherwise: a number alone between blanks is a chapter's
    for i in sorted({*(i for i in numlines if label[i].isdecimal()), *_roman_at_form_feeds(lines)}):
        before = i == 0 or kind[i - 1] == "blank" or (i - 1) in ff
        after = i + 1 >= len(kind) or kind[i + 1] == "blank" or i in ff
        if (i - 1) in ff or i in ff:  # a page's first or last line needs no blank
            cands.append(i)
        elif before and after and not marked:
            cands.append(i)
    # a folio has a page of text on either side: numbers close together are a column (a contents page's)
    # (one beside a form feed is a folio whatever its neighbours)
    at_ff = [(i - 1) in ff or i in ff or (i + 1) in ff for i in cands]
    near = [lines.start[b] - lines.start[a] < _PAGE_CHARS // 4 and not (fa or fb)
            for a, b, fa, fb in zip(cands, cands[1:], at_ff, at_ff[1:], strict=False)]
    cands = [i for k, i in enumerate(cands) if not (k and near[k - 1]) and not (k < len(near) and near[k])]
    if len(cands) < 3:
        return
    apart = [lines.start[b] - lines.start[a] for a, b in zip(cands, cands[1:], strict=False)]
    if not ff and sorted(apart)[len(apart) // 2] < _PAGE_CHARS:
        return  # numbers heading a line or two each (years of annals, numbered items): not a page apiece
    values = [label_value(label[i] or lines.stripped[i])[1] for i in cands]
    while len(values) > 3 and not 0 < values[-1] - values[-2] <= 3 and 0 < values[-2] - values[-3] <= 3:
        values.pop()  # a number after the last folio, out of the run (a stray `1` closing the text), is text
        cands.pop()
    misread = _misread(values)
    # a step of up to six: folios printed on one side only (3, 5, 7), some lost to the OCR
    rising = sum(1 for a, b in zip(values, values[1:], strict=False) if 0 < b - a <= 6)
    if rising >= 0.7 * (len(values) - 1):
        for k, i in enumerate(cands):  # a misread folio takes the run's number, marked as guessed
            kind[i], label[i] = "folio", str(values[k]) if k in misread else label[i] or lines.stripped[i]
            if k in misread:
                lines.guessed.add(i)
        cands, values = _folios_read_as_letters(lines, cands, values)
        _roman_folios_before(lines, cands, values)
        _signatures(lines, cands)
        _heads_beside_folios(lines, cands, values)


# what OCR reads a folio's digits as: `$2` for 32, `lG` for 16, `Ill` for 111, `bO` for 50
_LIKE_DIGIT = {"O": "0", "o": "0", "D": "0", "l": "1", "I": "1", "i": "1", "!": "1", "|": "1", "]": "1",
               "Z": "2", "z": "2", "$": "358", "S": "58", "s": "5", "G": "6", "b": "56", "B": "8", "g": "9", "q": "9"}


def _reads_as(s: str, number: str) -> bool:
    """Could the OCR have read `number` as `s`? The same length (spaces aside), each character the digit
    or one it is taken for."""
    s = s.replace(" ", "")
    return len(s) == len(number) and s != number and all(
        c == d or d in _LIKE_DIGIT.get(c, "") for c, d in zip(s, number, strict=True))


def _folios_read_as_letters(lines: Lines, folios: list[int], values: list[int]) -> tuple[list[int], list[int]]:
    """Pages missing from the run of folios (31, then 33) whose folios the OCR read with letters (`$2`): a
    short line alone between blank lines, a page's text from the folios on either side, that reads as a
    missing number. It becomes a guessed folio; returns the folios and values with them."""
    kind, label, stripped, starts = lines.kind, lines.label, lines.stripped, lines.start
    short = list(compress(count(), map(range(1, 6).__contains__, lines.stripped_len)))
    out_f, out_v = folios[:1], values[:1]
    for b, vb in zip(folios[1:], values[1:], strict=True):
        a, va = out_f[-1], out_v[-1]
        if 2 <= vb - va <= 3:
            for j in short[bisect_right(short, a):bisect_left(short, b)]:
                if stripped[j].isupper() and ROMAN.match(stripped[j]):
                    continue  # `II`, `III`: a section's number, not 11 or 111 misread
                v = next((v for v in range(va + 1, vb) if _reads_as(stripped[j], str(v))), None)
                if v is not None and kind[j] == "text" and _alone(kind, j) and _blank_around(kind, j) and \
                        min(starts[j] - starts[a], starts[b] - starts[j]) >= _PAGE_CHARS // 2:
                    kind[j], label[j] = "folio", str(v)
                    lines.guessed.add(j)
                    out_f.append(j)
                    out_v.append(v)
                    a, va = j, v
        out_f.append(b)
        out_v.append(vb)
    return out_f, out_v


def _roman_folios_before(lines: Lines, folios: list[int], values: list[int]) -> None:
    """Front matter before a run of bare folios, numbered in roman (`IV`, `V`, `vi` alone between blank
    lines, the OCR's case as it came): folios when two or more rise a page apart each, a page as long as
    the run's. A line of capitals alone beside two or more of them (`PREFACE.`) is their running head."""
    kind, label, stripped, starts = lines.kind, lines.label, lines.stripped, lines.start
    steps = [(starts[b] - starts[a]) / (vb - va) for a, b, va, vb in zip(folios, folios[1:], values, values[1:],
                                                                          strict=False) if vb > va]
    if not steps or folios[0] == 0:
        return
    page = median(steps)
    short = compress(count(), map(range(1, 8).__contains__, lines.stripped_len[:folios[0]]))
    found = [(j, v) for j in short if kind[j] == "text" and _blank_around(kind, j) and (v := _roman_read(stripped[j]))]
    run: list[tuple[int, int]] = []
    for j, v in found:  # the longest stretch rising a page or three at a time
        if run and 0 < v - run[-1][1] <= 3 and 0.5 <= (starts[j] - starts[run[-1][0]]) / (v - run[-1][1]) / page <= 1.6:
            run.append((j, v))
        elif len(run) < 2:
            run = [(j, v)]
    if len(run) < 2 or run[0][1] < 3:
        return  # a title leaf and its back are never numbered: `I`, `II` alone are a preface's sections
    shapes: Counter[str] = Counter()
    beside = []
    for j, _ in run:
        for h in (_beside(kind, j, -1), _beside(kind, j, 1)):
            if h is not None and _capitals(stripped[h]) and not _CHAPTERISH.match(stripped[h]):
                beside.append(h)
                shapes[_shape(stripped[h])] += 1
    heads = [h for h in beside if shapes[_shape(stripped[h])] >= 2]
    if not heads and all(stripped[j].isupper() for j, _ in run):
        return  # capitals with no head beside them: section numbers (`III`, `IV`)
    for j, v in run:
        kind[j], label[j] = "folio", stripped[j].lower()
        if not ROMAN.match(stripped[j]):
            label[j] = int_to_roman(v)
            lines.guessed.add(j)
    for h in heads:
        kind[h], label[h] = "head", None


def _a_page_apart(lines: Lines, heads: list[int], head_of: dict[int, tuple[str, str]]) -> list[int]:
    """Heads whose folios, one to the next, leave fewer characters a page than any page holds (an `animal
    heads ... 26`, `... 82`, `... 88` of a list of illustrations, three lines a few hundred characters
    apart) are no running heads, nor are lines repeating one number (`THE PLAY i`, `SCENE I`): the lines of
    such a shape stay text. (Form feeds show where pages end: the length test is left to them.)"""
    by_shape: dict[str, list[int]] = {}
    for i in heads:
        by_shape.setdefault(head_of[i][0], []).append(i)
    out = set(heads)
    for mine in by_shape.values():
        if len(mine) > 1 and len({head_of[i][1] for i in mine}) == 1:
            out.difference_update(mine)
            continue
        if lines.formfeed:
            continue
        per_page = []
        for a, b in zip(mine, mine[1:], strict=False):
            va, vb = label_value(head_of[a][1]), label_value(head_of[b][1])
            if va and vb and va[0] == vb[0] and vb[1] > va[1]:
                per_page.append((lines.start[b] - lines.start[a]) / (vb[1] - va[1]))
        if per_page and median(per_page) < _PAGE_CHARS // 4:
            out.difference_update(mine)
    return [i for i in heads if i in out]


def _head_folios_misread(lines: Lines, heads: list[int]) -> None:
    """A head's folio the OCR misread (`xii INTRODUCTION.` between lx, a head with no folio, and lxiii) takes
    the run's number: the known folios on either side are as far apart as the heads between them count."""
    label = lines.label
    values = [label_value(label[i]) if label[i] else None for i in heads]
    known = [k for k, v in enumerate(values) if v]
    for a, k, b in zip(known, known[1:], known[2:], strict=False):
        (sa, va), (sk, vk), (sb, vb) = values[a], values[k], values[b]
        if sa == sk == sb and vb - va == b - a and vk != va + k - a:
            value = va + k - a
            label[heads[k]] = str(value) if sa == "arabic" else int_to_roman(value)
            values[k] = (sa, value)
            lines.guessed.add(heads[k])


def _heads_without_folios(lines: Lines, heads: list[int], shapes: set[str]) -> list[int]:
    """A running head standing alone between the first head and the last with its folio lost or misread past
    reading (`INTRODUCTION.`, `Hi INTRODUCTION.`): a head with no label; its page counts from the others.
    Only where the folios around it leave a page out (13, then 15), and a page's length from the heads on
    either side: a chapter's title repeating the head (`CHAPTER II` / `THE LOCK KEEPERS`) stays."""
    kind, label, stripped, starts = lines.kind, lines.label, lines.stripped, lines.start
    numbered = [i for i in heads if label[i] and label_value(label[i])]
    values = [label_value(label[i])[1] for i in numbered]
    numbered = [i for k, i in enumerate(numbered)  # a misread folio out of the run (`xii` after lx) aside
                if (k == 0 or values[k - 1] < values[k]) and (k + 1 == len(values) or values[k] < values[k + 1])]
    if len(numbered) < 2:
        return []
    page = median((starts[b] - starts[a]) / max(1, label_value(label[b])[1] - label_value(label[a])[1])
                  for a, b in zip(numbered, numbered[1:], strict=False))
    out = []
    after_gap = compress(count(1), map(ne, kind[heads[0]:heads[-1]], repeat("text")))  # paragraphs' first lines
    for j in (heads[0] + k for k in after_gap):
        if j >= heads[-1] or kind[j] != "text" or not _alone(kind, j) or len(stripped[j]) > 70:
            continue
        words = stripped[j].split()
        options = [words]  # the line as it is, or without a short word at one end (the misread folio)
        if len(words) > 1 and len(words[0]) <= 5:
            options.append(words[1:])
        if len(words) > 1 and len(words[-1]) <= 5:
            options.append(words[:-1])
        if not any(_shape(" ".join(w)) in shapes for w in options):
            continue
        k = bisect_left(numbered, j)
        if not 0 < k < len(numbered):
            continue
        a, b = numbered[k - 1], numbered[k]
        lost = sum(1 for x in out if a < x < j)
        va, vb = label_value(label[a]), label_value(label[b])
        if va[0] != vb[0] or vb[1] - va[1] - 1 <= lost:
            continue  # no page left out between the folios around it
        before = out[-1] if out and out[-1] > a else a  # the head before it, a lost one's too
        if min(starts[j] - starts[before], starts[b] - starts[j]) < page / 2:
            continue
        kind[j], label[j] = "head", None
        out.append(j)
    return out


def _roman_read(s: str) -> int | None:
    """A roman numeral's value, also as OCR misreads it (`Vlll` for viii, `VU` for vii, `1x` for ix)."""
    if ROMAN.match(s):
        return roman_to_int(s)
    t = s.replace("l", "i").replace("1", "i").replace("U", "ii").replace("u", "ii")
    return roman_to_int(t) if t != s and ROMAN.match(t) else None


def _blank_around(kind: list[str], j: int) -> bool:
    return 0 < j < len(kind) - 1 and kind[j - 1] == "blank" and kind[j + 1] == "blank"


_SIGNATURE = re.compile(r"^[A-Z]{1,2}\s?\d{0,2}$")


def _signatures(lines: Lines, folios: list[int]) -> None:
    """A printer's signature (`B`, `B 2`) on a line of its own at a page's foot, next to the folio with only
    blank lines between: apparatus, like the folio (left in, it would cut the sentence going over the page)."""
    for i in folios:
        for j in (_beside(lines.kind, i, -1), _beside(lines.kind, i, 1)):
            if j is not None and _SIGNATURE.match(lines.stripped[j]):
                lines.kind[j], lines.label[j] = "head", None


def _alone(kind: list[str], j: int) -> bool:
    """Line j is a text line standing alone (no text line just before or after it)."""
    return kind[j] == "text" and (j == 0 or kind[j - 1] != "text") and (j + 1 >= len(kind) or kind[j + 1] != "text")


def _beside(kind: list[str], i: int, step: int) -> int | None:
    """The next line from i (back or on) past at most a few blank lines, when it stands alone."""
    j = i + step
    while 0 <= j < len(kind) and kind[j] == "blank" and abs(j - i) <= 6:
        j += step
    return j if 0 <= j < len(kind) and _alone(kind, j) else None


def _misread(values: list[int]) -> set[int]:
    """Folios the OCR misread (`8` for 3, `00` for 22; `86`, `87` for 36, 37): one or two out of step with
    the one before, where the ones on either side are as far apart as the run needs. Their values are set
    to the run's (in place)."""
    out: set[int] = set()
    for k in range(1, len(values) - 1):
        a, v, b = values[k - 1], values[k], values[k + 1]
        if (b - a == 2 and v != a + 1) or (b - a == 4 and not a < v < b):
            values[k] = a + (b - a) // 2  # `8` or `33` between 31 and 33; `4` between 51 and 55 (one side printed)
            out.add(k)
            continue
        if 0 < v - a <= 3:
            continue
        if k + 2 < len(values) and values[k + 2] - a == 3 and not 0 < b - a <= 3:  # two in a row out of step
            values[k], values[k + 1] = a + 1, a + 2
            out.update((k, k + 1))
    return out


_NOT_A_HEAD = re.compile(r"(?:chapter|book|part|section|contents|index|preface|introduction|appendix)\b", re.I)
_HEAD_AND_FOLIO = re.compile(
    r"^(?:(\d{1,4}|[ivxlc]{1,8}|I[ivxlc]{1,7}) (\S.{2,60})|(\S.{2,60}?) (\d{1,4}|[ivxlc]{1,8}|I[ivxlc]{1,7}))$")


def _head_and_folio(s: str) -> tuple[str, str] | None:
    """(words, folio) of a line holding a head of capitals and a number at one end, one space between."""
    m = _HEAD_AND_FOLIO.match(s)
    if not m:
        return None
    words, folio = m.group(2) or m.group(3), m.group(1) or m.group(4)
    if folio.isdecimal():
        return (words, folio) if _head_like(words) else None
    # a front matter's lowercase roman folio (`INTRODUCTION. xxvii`; `Ixiv`, the OCR's I for l), never a
    # king's or a chapter's numeral in capitals (`HENRY VIII`, `CHAPTER IV`)
    if folio[0] == "I" and len(folio) > 1:
        folio = "l" + folio[1:]
    if not ROMAN.match(folio) or not _capitals(words) or _CHAPTERISH.match(words):
        return None
    return words, folio


def _head_like(s: str) -> bool:
    """A running head's shape: a short line of capitals (the OCR may misread a letter or two)."""
    return not _NOT_A_HEAD.match(s) and _capitals(s)


def _capitals(s: str) -> bool:
    if not 3 <= len(s) <= 60 or len(s.split()) > 8:
        return False
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 3 and sum(map(str.isupper, letters)) >= 0.8 * len(letters)


def _heads_beside_folios(lines: Lines, folios: list[int], values: list[int]) -> None:
    """Scanned books read by OCR (Internet Archive texts) set a page's head on a line of its own beside the
    folio, blank lines between. When most folios have a line of capitals standing alone beside them, those
    lines are heads; a line repeating one of them stands for a page whose folio the OCR lost; a head and
    its folio on one line with one space (`THE MILL. 25`) count when the number fits the folios around it.
    `folios`: the folio lines, `values` their numbers."""
    kind, label, stripped = lines.kind, lines.label, lines.stripped
    heads = []
    for i in folios:
        sides = [j for j in (_beside(kind, i, -1), _beside(kind, i, 1)) if j is not None and _head_like(stripped[j])]
        if len(sides) == 1:
            heads.append(sides[0])
    if len(heads) < max(3, len(folios) // 2):
        return
    for j in heads:
        kind[j], label[j] = "head", None
    shapes = Counter(_shape(stripped[j]) for j in heads)
    for j in range(min(heads), max(heads)):
        if not _alone(kind, j) or len(stripped[j]) > 70:
            continue
        if shapes[_shape(stripped[j])] >= 2:
            kind[j], label[j] = "head", None
            continue
        hf = _head_and_folio(stripped[j]) if stripped[j][0].isdecimal() or stripped[j][-1].isdecimal() else None
        if hf:
            v, k = int(hf[1]), bisect_right(folios, j)
            before = values[k - 1] if k else None
            after = values[k] if k < len(values) else None
            if (before is None or 0 < v - before <= 3) and (after is None or 0 < after - v <= 3) and \
                    (before, after) != (None, None):
                kind[j], label[j] = "head", hf[1]


def _roman_at_form_feeds(lines: Lines) -> list[int]:
    """Text lines that are a lowercase roman numeral and a page's last line or the next page's first."""
    out = []
    for j in lines.formfeed:
        for i in (j, j + 1):
            if i < len(lines.kind) and lines.kind[i] == "text" and len(lines.stripped[i]) <= 7 and \
                    lines.stripped[i].islower() and ROMAN.match(lines.stripped[i]):
                out.append(i)
    return out


def wrapped(lines: Lines) -> bool:
    """True when the text is hard-wrapped (paragraphs are blocks of lines between blank lines)."""
    lengths = list(compress(map(len, lines.stripped), map(eq, lines.kind, repeat("text"))))
    if not lengths:
        return False
    blanks = lines.kind.count("blank")
    return median(lengths) <= 100 and (blanks > 0 or len(lengths) > 3)
