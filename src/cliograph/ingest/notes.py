"""Note reference marks and note bodies.

A reference mark is told from a year, a day or a quantity by where it stands (after a sentence's
end, alone on a line, in brackets, in superscript) and by the rising sequence of note labels.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .vocab import ROMAN, char_positions, matches_at, page_line_res, vocab

_SUP = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
_SYM = r"\*{1,3}|\u2020{1,2}|\u2021"  # *, **, ***, dagger, double dagger
# in parentheses, also the stand-ins some transcribers chose for the printer's other signs: `(+)`, `(%)`
SIGNS = r"\*{1,3}|\+{1,3}|[%#&$\u2020\u2021\u00a7]"
# in brackets, also the plain-text stand-ins for daggers (`[+]`, `[++]`) and the section sign
_BR = r"\d{1,4}|[A-Z]|\*{1,3}|\+{1,3}|\u2020{1,2}|\u2021|\u00a7"
# [1] or [12] glued or spaced; superscript digits; a symbol glued to a word; a number after a sentence's end
_REF = re.compile(
    rf"\[(?P<br>{_BR})\]"
    # `Doomsday (1) and`, `(or Welsh) (2)`, `ends.(3)`, or opening a line: only with `(1)` bodies
    r"|(?:(?<=[\w.,;:!?'\"\u2019\u201d)] )|(?<=[\n\r.,;:!?'\"\u2019\u201d]))\((?P<par>\d{1,3})\)(?=[\s.,;:!?]|$)"
    rf"|(?P<sup>[{_SUP}]+)"
    rf"|(?:(?<=[\w.,;:!?'\"\u2019\u201d)])|(?<=[\w.,;:!?'\"\u2019\u201d)] ))(?P<sym>{_SYM})(?=\s|$)"
    rf"|(?<=[\w.,;:!?'\"\u2019\u201d)\]])\((?P<psym>{SIGNS})\)"  # `Lodovico(*)`, `(and not of Charles)(+)`
    r"|(?<=[A-Za-z])[,;:](?P<cnum>\d{1,3})(?=[ \t]+[a-z(])"  # glued after a comma: `brewer,1 who`
    r"|(?P<pre>[A-Za-z0-9\)\]][.!?]['\"\u2019\u201d]?|[.!?]['\"\u2019\u201d])(?P<sp> ?)(?P<num>\d{1,3})"
    r"(?=\s+[A-Z\"\u201c\u2018(\[]|\s*$)"
    # OCR's reading of a superscript inside a sentence, a number standing apart: `calamus 1 of`, `sindhu, 1 in`
    r"|(?<=[A-Za-z,;:'\"\u2019\u201d)] )(?P<spc>\d{1,2})(?= [a-z(]| ?[,;:.](?:\s|$)| ?$)"
)
# opening with the space (a literal the search skips to), the character before it checked apart: a pattern
# opening with the look-behind was tried at every position of the text
_SPACED = re.compile(r" \d{1,2}(?= [a-z(]| ?[,;:.](?:\s|$)| ?$)", re.M)
_SPACED_AFTER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz,;:'\"\u2019\u201d)")
_EMPHASIS_OPEN = re.compile(r"(?:^|(?<=[\s(\"\u201c]))\*[A-Za-z][^*\r\n]*$")  # an opening `*word` not yet closed
# after a mark standing apart, the sentence goes on with a word like these or with punctuation; after a
# quantity (`2 shillings`), with what it counts
_FUNCTION_WORDS = {"of", "in", "and", "or", "but", "nor", "the", "a", "an", "is", "was", "were", "are", "be", "been",
                   "which", "who", "whom", "whose", "that", "as", "to", "at", "by", "for", "from", "with", "on", "it",
                   "its", "has", "had", "have", "this", "these", "those", "not", "so", "he", "she", "they", "we", "his",
                   "her", "their", "while", "when", "where", "then", "there", "than", "also", "if", "though", "yet"}
_WORD_AFTER = re.compile(r"[ \t]*(?:(?:\r\n|\n|\r)[ \t]*)?([A-Za-z]*)")
# words a number counts after (`chapter 1 of`, `vol. 2,`), never a mark's
_COUNTING = {"chapter", "chap", "ch", "vol", "volume", "page", "p", "pp", "no", "nos", "number", "book", "part",
             "verse", "line", "lines", "act", "scene", "section", "sec", "art", "article", "plate", "fig", "figure",
             "note", "notes", "table", "col", "column", "psalm", "year", "years", "day", "days", "aged", "about",
             "only", "than", "and", "or", "to", "of", "at", "by", "from", "in", "on", "the", "nearly", "some", "over"}
_MONTH_AFTER = re.compile(r"\s+(?:January|February|March|April|May|June|July|August|September|October|November|"
                          r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b")
_NEXT_LINE = re.compile(r"[ \t]*(?:\r\n|\n|\r)[ \t]*([^\r\n]*)")
_ERA = re.compile(r"\b(?:A\.\s?D|B\.\s?C|B\.\s?C\.\s?E|C\.\s?E|A\.\s?H|A\.\s?U\.\s?C)\.$")  # A.D. 43: a year
_UNIT = re.compile(r"(?<![A-Za-z])(?:[kcmd]?m|in|ft|yd|mi|sq)$")  # units squared or cubed
_ABBREV = {"no", "nos", "p", "pp", "vol", "vols", "ch", "chap", "art", "sec", "fig", "figs", "op", "cit", "ibid",
           "ed", "eds", "n", "nn", "cf", "c", "ca", "v", "vs", "st", "mr", "dr", "ms", "mrs", "gen", "col",
           "fol", "fols", "f", "ff"}
_BODY_START = re.compile(
    # `[Footnote 1: `, `[Footnote 1. `, `Footnote 1: ` (older texts, no bracket), `[Footnote: ` (no label)
    rf"^\s*(?:\[?Footnote\s+(?P<fn>{_BR}|[a-z])\s*[:.]\s*|\[Footnote(?P<fnu>)\s*:\s*"
    rf"|(?:\[(?P<br>{_BR})\]|\((?P<par>\d{{1,3}})\)|\((?P<psym>{SIGNS})\)|(?P<sup>[{_SUP}]+)|(?P<num>\d{{1,3}})[.)]?)\s+"
    rf"|\[(?P<brg>{_BR})\](?=[A-Z\"\u201c])"  # `[1]The king`: the space left out
    # OCR drops the space after a symbol: `*He later wrote`
    rf"|(?P<sym>{_SYM})(?:\s+|(?=[A-Z\"\u201c])))(?=\S)"
)


@dataclass
class RefCand:
    start: int  # source span of the mark
    end: int
    label: str
    kind: str  # bracket, sup, symbol, punct, glued (to a number's digit: `1640.2`), comma, spaced, numline
    at_end: bool  # ends its line or paragraph
    cut_start: int = 0  # source range to take out of the text (the mark, with its space)
    cut_end: int = 0
    para: int = 0  # id of the paragraph holding it


def sup_to_digits(s: str) -> str:
    table = vocab()["superscripts"]
    return "".join(table.get(c, c) for c in s)


# no mark of `_REF` without one of these: `[`, a superscript or symbol, or a sentence's end and a number
_MAYBE_CHARS = f"[{_SUP}*\u2020\u2021"
_PAREN_SIGNS = frozenset("+%#&$\u00a7")
_MAYBE_AFTER_END = [re.compile(rf"{re.escape(c)}['\"\u2019\u201d]? ?\d") for c in ".!?"]
_MAYBE_AFTER_COMMA = [re.compile(rf"{re.escape(c)}\d") for c in ",;:"]


def maybe_ref_positions(src: str, commas: bool = True, parens: bool = False,
                        spaced: list[tuple[int, int]] = ()) -> list[int]:
    """Sorted starts of what a mark needs (some may repeat): a line holds a possible
    mark exactly when one of them falls in it. Searched a character at a time (each search then runs at
    the speed of a scan for one character, where the alternation would be tried at every position).
    `(1)` marks are looked for only when bodies so labelled exist (`parens`), numbers standing apart inside
    a sentence only in the source ranges `spaced` (the pages above numbered blocks that may be page-foot notes)."""
    out = [i for ch in _MAYBE_CHARS + ("(" if parens else "") for i in char_positions(src, ch)]
    if not parens:  # `(+)`, `(%)`: the parenthesized signs `*` and the daggers do not already find
        out += [i for i in char_positions(src, "(") if src[i + 1:i + 2] in _PAREN_SIGNS]
    for a, z in spaced:
        out += [m.start() + 1 for m in _SPACED.finditer(src, a, z) if src[m.start() - 1:m.start()] in _SPACED_AFTER]
    for rx in _MAYBE_AFTER_END + (_MAYBE_AFTER_COMMA if commas else []):  # a mark after a comma needs a body
        out += [m.start() for m in rx.finditer(src)]
    out.sort()
    return out


def _capitals(s: str) -> bool:
    """A short run of words in capitals (a head, a title)."""
    return len(s) <= 60 and s.upper() == s and any(c.isalpha() for c in s)


def _goes_on_below(src: str, pos: int) -> bool:
    """Does the sentence go on in lower case on the very next line (no blank line, no page marker between)?"""
    m = _NEXT_LINE.match(src, pos)
    if not m or not m.group(1)[:1].islower():
        return False
    return not any(rx.match(m.group(1).strip()) for rx in page_line_res())


def find_refs(src: str, start: int, end: int, at: list[int]) -> list[RefCand]:
    """Candidate reference marks in the source range [start, end) of one line; `at`: the line's
    `maybe_ref_positions`. A mark opens with `[`, a superscript or a symbol, or one character before a
    sentence's end (`x.` then a number), so the pattern is tried only at or just before those (tried at
    every position of a long line, it cost more than all the rest)."""
    out: list[RefCand] = []
    tries = sorted({q for p in at for q in (p - 1, p) if start <= q < end})
    for m in matches_at(_REF, src, tries, start, end):
        tail = src[m.end():end]
        at_end = not tail.strip()
        if m.group("br"):
            if m.group("br").isalpha() and src[m.end():m.end() + 1].islower():
                continue  # `[T]he`: an editor's letter, not a mark
            out.append(RefCand(m.start(), m.end(), m.group("br"), "bracket", at_end, m.start(), m.end()))
        elif m.group("par"):
            # the space before goes with it: `Doomsday (1) and`, `Chronicle" (2).`
            cut0 = m.start() - (src[m.start() - 1:m.start()] == " ")
            out.append(RefCand(m.start(), m.end(), m.group("par"), "paren", at_end, cut0, m.end()))
        elif m.group("psym"):
            out.append(RefCand(m.start(), m.end(), m.group("psym"), "symbol", at_end, m.start(), m.end()))
        elif m.group("sym"):  # `milling ; *`: the space before goes with it
            if m.group("sym") == "*" and _EMPHASIS_OPEN.search(src, start, m.start()):
                continue  # `*imperium*`: the star closing a word set in emphasis
            cut0 = m.start() - (src[m.start() - 1:m.start()] == " ")
            out.append(RefCand(m.start(), m.end(), m.group("sym"), "symbol", at_end, cut0, m.end()))
        elif m.group("cnum"):
            a, z = m.span("cnum")
            out.append(RefCand(a, z, m.group("cnum"), "comma", at_end, a, z))
        elif m.group("spc"):
            word = re.search(r"([A-Za-z]+|\d)\W*$", src[max(start, m.start() - 14):m.start()])
            if word is None or word.group(1).lower() in _COUNTING or word.group(1).isdecimal():
                continue  # `chapter 1 of`, `1, 2 and`: a number counting
            after = _WORD_AFTER.match(src, m.end())
            if after and after.group(1) and after.group(1).lower() not in _FUNCTION_WORDS:
                continue  # `paid 2 shillings`, `held 3 carucates`: a quantity of what follows
            cut0 = m.start() - 1  # the space before goes with it
            out.append(RefCand(m.start(), m.end(), m.group("spc"), "spaced", at_end, cut0, m.end()))
        elif m.group("sup"):
            if m.start() == start:  # a superscript opening a line is a note body's label
                continue
            if m.group("sup") in "\u00b2\u00b3" and _UNIT.search(src, max(start, m.start() - 4), m.start()):
                continue  # km², m³: a unit's power, not a mark
            out.append(RefCand(m.start(), m.end(), sup_to_digits(m.group("sup")), "sup", at_end, m.start(), m.end()))
        else:
            pre = m.group("pre")
            if pre[0].isdecimal() and not m.group("sp"):
                # 3.5 is a number, not a sentence end and a mark, unless a body below carries it (`1640.2`)
                out.append(RefCand(m.start("num"), m.end("num"), m.group("num"), "glued", at_end,
                                   m.start("num"), m.end("num")))
                continue
            before = src[max(start, m.start() - 12):m.start() + len(pre)]
            word = re.search(r"([A-Za-z]+)\W*$", before)
            if word and word.group(1).lower() in _ABBREV or _ERA.search(before):
                continue
            if word and word.group(1).islower() and ROMAN.match(word.group(1)) and "m" not in word.group(1):
                continue  # `Numbers xi. 7`, `vol. ii. 345`: a chapter and verse, a volume and page
            if _MONTH_AFTER.match(src, m.end("num")):
                continue  # `9 June 1815`: a day opening a sentence
            if at_end and _goes_on_below(src, m.end("num")):
                continue  # `a new plan. 60` / `cents`: a quantity going on over the line break
            if at_end and _capitals(src[start:m.start()]):
                continue  # `SALVE. 45`: a head's folio or a formula's number closing a line of capitals
            a = m.start("num")
            cut0 = a - len(m.group("sp"))
            out.append(RefCand(a, m.end("num"), m.group("num"), "punct", at_end, cut0, m.end("num")))
    return out


_TYPESET = ("bracket", "paren")  # marks set apart from a sentence's words by the printer


def accept(cands: list[RefCand], body_labels: set[str] = frozenset(), page_breaks: list[int] = (),
           bodies: list[tuple[int, str]] = ()) -> list[RefCand]:
    """Keep the marks that a note sequence supports; brackets and superscripts always stand.

    A bracketed letter (`[A]`) or a symbol (`*`, a dagger) is a mark only when a note body carries it.
    Numbering may start again on a new page (`page_breaks`: sorted source offsets) when a body below
    the mark on that page (`bodies`: source offset and label) carries the new number.
    """
    # a number standing apart gives way to a mark kept with its label on its page (`paid 2` ... `common.2`):
    # those are found first, without it (nor the as weak `3.1`)
    spaced = any(d.kind == "spaced" for d in cands)
    other = {(bisect_right(page_breaks, d.start), d.label) for d in accept(
        [d for d in cands if d.kind not in ("spaced", "glued")], body_labels, page_breaks, bodies)} if spaced else set()
    kept: list[RefCand] = []
    last = None
    only_paren = bool(body_labels) and all(x[0] == "(" for x in body_labels)
    top = max((int(x) for x in body_labels if x.isdecimal()), default=None)  # the highest note label
    # the book sets its marks in brackets or parentheses, and notes carry them: a lone bare number is none
    typeset = any(d.kind in _TYPESET and (d.label in body_labels or f"({d.label})" in body_labels) for d in cands)
    last_bare = None  # the last kept bare mark's number
    nxt_bare: list[int | None] = [None] * len(cands)  # the next bare mark's number after each
    for i in range(len(cands) - 2, -1, -1):
        d = cands[i + 1]
        bare = d.label.isdecimal() and d.kind not in _TYPESET and d.kind != "glued"
        nxt_bare[i] = int(d.label) if bare else nxt_bare[i + 1]
    for i, c in enumerate(cands):
        if last is not None and c.label.isdecimal() and int(c.label) <= last and \
                bisect_right(page_breaks, c.start) > bisect_right(page_breaks, kept[-1].start) and \
                _body_below(c, bodies, page_breaks):
            last = None  # numbered again from this page on
        if (c.label.isalpha() or c.kind == "symbol" or c.label[0] in "+\u2020\u2021\u00a7") and \
                c.label not in body_labels:
            continue
        if c.kind == "bracket" and len(c.label) == 4 and c.label not in body_labels:
            continue  # `[1642]`: a year set in brackets, unless a body carries it (a book of a thousand notes)
        if c.kind == "paren" and f"({c.label})" not in body_labels:
            continue  # `(1)` numbers a list unless a `(1)` body carries it
        if c.kind == "bracket" and c.label not in body_labels and (only_paren or (
                c.label.isdecimal() and top is not None and int(c.label) > 2 * top + 5)):
            continue  # the notes are all `(1)`: `Kent [1], and Surrey [2]` is a list; far past them: `see [337]`
        if c.kind == "spaced" and (bisect_right(page_breaks, c.start), c.label) in other:
            continue
        if c.kind in ("glued", "comma", "spaced"):
            # a mark glued to a number's last digit, or a number standing apart inside a sentence, only with
            # its body below it; one glued after a comma also when a body carries its label and it goes on
            # from the marks before
            v = int(c.label)
            if _body_below(c, bodies, page_breaks) and (last is None or v > last) or c.kind == "comma" and \
                    c.label in body_labels and (v == 1 if last is None else last < v <= last + 3):
                kept.append(c)
                last = last_bare = v
            continue
        ok = c.kind in ("bracket", "paren", "sup", "symbol") or c.label == "*"
        if not ok:
            # a bare number goes on from the bare marks (or superscripts, as OCR reads them) around it, not
            # from bracketed ones: a book marks its notes one way (`[3]` ... `Saxius. 5 Tom.` is no mark 5)
            v = int(c.label)
            nxt = nxt_bare[i]
            prev = last if not kept or kept[-1].kind not in _TYPESET else last_bare
            if prev is not None and prev < v <= prev + 5:
                ok = True
            elif nxt is not None and v < nxt <= v + 5:
                ok = True
            elif prev is None and nxt is not None and nxt < v:
                ok = False  # the marks that follow start lower: `A.D. 43 Claudius ... fled. 1 ... 2`
            elif (prev is None or prev < v <= prev + 20) and not typeset:
                ok = c.kind == "numline" or c.at_end or c.kind == "punct"
        if ok:
            kept.append(c)
            if c.label.isdecimal():
                last = int(c.label)
                if c.kind not in _TYPESET:
                    last_bare = last
    return kept


def _body_below(c: RefCand, bodies: list[tuple[int, str]], page_breaks: list[int]) -> bool:
    """Does a body with the mark's label stand below it on its page? (`bodies` in source order: only
    the page's own are looked at, a book may have thousands.)"""
    k = bisect_right(page_breaks, c.start)
    page_end = page_breaks[k] if k < len(page_breaks) else float("inf")
    i = bisect_right(bodies, (c.start, "\uffff"))
    while i < len(bodies) and bodies[i][0] < page_end:
        if bodies[i][1] == c.label and bodies[i][0] > c.start:
            return True
        i += 1
    return False


def past_a_thousand(paras: list) -> None:
    """Bodies labelled with four digits stand only where the labels run past 999 (`[1642] The king...` is a
    year opening a paragraph, not the thousand and forty-second note)."""
    four = [p for p in paras if p.body is not None and len(p.body[0]) == 4 and p.body[0].isdecimal()]
    past = any(p.body is not None and p.body[0].isdecimal() and 990 <= int(p.body[0]) <= 999 for p in paras)
    for p in four:  # and they go on from 999: `[1642]` stays text in a book of 1,005 notes
        if not past or int(p.body[0]) > 1010 + len(four):
            p.body = None


def body_label(text: str) -> tuple[str, int] | None:
    """(label, length of the label prefix) when a paragraph opens like a note body."""
    m = _BODY_START.match(text)
    if not m:
        return None
    label = (m.group("fn") or m.group("br") or m.group("brg") or m.group("par") or m.group("psym") or (
        sup_to_digits(m.group("sup")) if m.group("sup") else None) or m.group("sym") or m.group("num") or (
        "*" if m.group("fnu") is not None else None))
    return label, m.end()


def is_notes_heading(text: str) -> bool:
    return text.strip().rstrip(":").strip().lower() in vocab()["notes_headings"]


def link(refs: list[tuple[int, str]], bodies: list[tuple[int, str]], feet: set[int] = frozenset(),
         page_breaks: list[int] = ()) -> dict[int, int]:
    """Map ref index -> body index. Where the marks and the bodies both start their numbering again as
    often (two works in one book, notes collected at its end), each run of marks links to its own run
    of bodies; within a run, the first unused body with the label after the ref, else any. A page foot's
    note (its index in `feet`) takes only a mark on its own page (`page_breaks`: sorted source offsets of
    the page breaks): a mark whose note the text lost takes none rather than the next page's."""
    ref_page = [bisect_right(page_breaks, pos) for pos, _ in refs]
    foot_page = [bisect_right(page_breaks, pos) if j in feet else None for j, (pos, _) in enumerate(bodies)]
    rr, br = _numbering_runs([label for _, label in refs]), _numbering_runs([label for _, label in bodies])
    if not (rr and br and rr[-1] == br[-1] > 0):
        return _link(refs, bodies, ref_page, foot_page)
    out: dict[int, int] = {}
    for run in range(rr[-1] + 1):
        ri = [i for i, x in enumerate(rr) if x == run]
        bi = [j for j, x in enumerate(br) if x == run]
        out.update({ri[a]: bi[b] for a, b in _link([refs[i] for i in ri], [bodies[j] for j in bi],
                                                   [ref_page[i] for i in ri], [foot_page[j] for j in bi]).items()})
    return out


def _numbering_runs(labels: list[str]) -> list[int]:
    """The run of each label: a new one where the numbering starts again (back to 3 or less from 5 or more)."""
    out, run, last = [], 0, None
    for label in labels:
        v = int(label) if label.isdecimal() else None
        if v is not None:
            if last is not None and v <= 3 and last >= 5:
                run += 1
            last = v
        out.append(run)
    return out


def _link(refs: list[tuple[int, str]], bodies: list[tuple[int, str]], ref_page: list[int],
          foot_page: list[int | None]) -> dict[int, int]:
    """Each mark takes the first unused body with its label after it (a page foot's only on the mark's page),
    else the first unused one. Bodies with one label are looked up from where the mark stands, not scanned
    from the first: a book numbering its notes again on every page has thousands labelled 1."""
    by_label: dict[str, list[int]] = {}
    for j, (_, label) in enumerate(bodies):
        by_label.setdefault(label, []).append(j)
    at = {label: [bodies[j][0] for j in js] for label, js in by_label.items()}
    ordered = {label: all(x <= y for x, y in zip(xs, xs[1:], strict=False)) for label, xs in at.items()}
    free = dict.fromkeys(by_label, 0)  # per label, the first body not yet used (in list order)
    used: set[int] = set()
    last: dict[str, int] = {}  # the body the label's last mark took
    out: dict[int, int] = {}

    def fits(j: int, i: int) -> bool:
        return j not in used and foot_page[j] in (None, ref_page[i])

    for i, (pos, label) in enumerate(refs):
        js = by_label.get(label, [])
        start = bisect_right(at[label], pos) if js and ordered[label] else 0
        # (a page foot's notes on later pages never fit: a few hundred looked at are enough)
        pick = next((j for j in js[start:start + 256] if bodies[j][0] > pos and fits(j, i)), None) \
            if ordered.get(label) else next((j for j in js if bodies[j][0] > pos and fits(j, i)), None)
        if pick is None and js:
            while free[label] < len(js) and js[free[label]] in used:
                free[label] += 1
            pick = next((j for j in js[free[label]:free[label] + 64] if fits(j, i)), None)
        if pick is None and label in last and bodies[last[label]][0] > pos and foot_page[last[label]] in (None, ref_page[i]):
            pick = last[label]  # one note marked again (`Julius [4] ... Drusus [4]`)
        if pick is not None:
            used.add(pick)
            out[i] = last[label] = pick
    return out
