"""Which paragraphs are note bodies (`[1] text`, a notes section, a page foot's block), and how the text
goes on around them."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from .lines import Lines
from .notes import SIGNS, RefCand, body_label, is_notes_heading
from .vocab import ROMAN

SENT_END = re.compile(r"[.!?:;]['\"\u2019\u201d)\]]*$")
HEADING = re.compile(r"^[^a-z]{1,80}$")
_BACK_MATTER = re.compile(r"^(?:index|bibliography|appendix|glossary|sources|works cited)\b", re.I)
# a heading inside a notes section (`Chapter I`, `Notes to Part Two`): the section goes on
_SUBHEAD = re.compile(r"^(?:chapter|part|book|section|notes? (?:to|on))\b[^.]{0,40}$", re.I)
FOOTNOTE = re.compile(r"^\s*\[Footnote\b")
_FOOTNOTE_WORD = re.compile(r"^\s*Footnote\s+\S{1,4}\s*[:.]")
NOTE_OPEN = frozenset("[(*\u2020\u2021\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")
_NUMBERED = re.compile(r"(\d{1,3})[.)]?\s")
# `1 have omitted`: the OCR's 1 for the pronoun I and its verb, no note (`1 see the Cartulary` is one)
_OCR_I = re.compile(r"^\s*1 (?:have|had|am|was|do|did|shall|will|would|should|could|can|cannot|may|might|must|"
                    r"think|believe|know|hope|fear|trust|suppose|presume|remember|beg|mean|wish|found|saw)\b")


@dataclass
class Para:
    lines: list[int] = field(default_factory=list)
    breaks: set[int] = field(default_factory=set)  # line indexes before which a page break falls
    refs_after: list[RefCand] = field(default_factory=list)  # marks on their own line closing it
    body: tuple[str, int] | None = None  # (label, prefix length) when it is a note body
    after_break: bool = False  # opens a page
    label_at: int | None = None  # a body opening mid-line (a second note on its line): where its label stands
    end_at: int | None = None  # a body ending mid-line, before the next note's label
    foot: bool = False  # a page foot's note, confirmed by a mark above it on its page


def next_note(lines: Lines, cur: Para, i: int) -> bool:
    """In wrapped text, notes set one to a line with no blank line between: line i opens a new note when
    it and the paragraph both open with a note label, bracketed, superscript or a symbol (`[2]`, `²`, `*`), or numbered
    one on from the paragraph's (`2.` after `1.`). The caller has seen line i open with a label's first
    character (in `NOTE_OPEN` or a digit)."""
    s = lines.stripped[i]
    here, first = body_label(s), body_label(lines.stripped[cur.lines[0]])
    if here is not None and len(cur.lines) == 1 and is_notes_heading(lines.text[cur.lines[0]]):
        return True  # `ENDNOTES:` with the first note on the next line
    if here is not None and first is None:
        # a paragraph opening a page may be a note's end carried over from the page before: then
        # `17. In 1313 the fair` after a line ending a sentence opens the next note
        m = _NUMBERED.match(s)
        return cur.after_break and bool(m) and m.group(0).rstrip()[-1] in ".)" and s[m.end():][:1].isupper() and \
            bool(SENT_END.search(lines.stripped[cur.lines[-1]]))
    if here is None or first is None:
        return False
    opening = lines.stripped[cur.lines[0]]
    if _label_style(s[0]) != _label_style(opening[0]):
        return False  # `[76] cowards` inside a numbered section (`12. Before this council`): a mark, not a note
    if s[0] in NOTE_OPEN:
        return True
    m, n = _NUMBERED.match(s), _NUMBERED.match(opening)
    if not (m and n) or int(m.group(1)) != int(n.group(1)) + 1:
        return False
    # a bare number (`2 Town chest.`) opens a note only after a line ending a sentence: in prose,
    # `12 delegates came from the north and` / `13 from the south` goes on
    return m.group(0).rstrip()[-1] in ".)" or bool(SENT_END.search(lines.stripped[cur.lines[-1]]))


def _label_style(c: str) -> str:
    """How a note label opens: bracketed, superscript, a symbol, or a number."""
    if c in "[(":
        return "bracket" if c == "[" else "paren"
    if c.isdecimal() and c.isascii():
        return "number"
    return "symbol" if c in "*\u2020\u2021" else "superscript"


def body_labels_of(paras: list[Para], lines: Lines) -> set[str]:
    """The labels of the note bodies; a `(1)` body's as `(1)`: it carries `(1)` marks only (a `(*)` body's
    is `*`: a sign is a mark's however it is set)."""
    return {f"({p.body[0]})" if lines.stripped[p.lines[0]][:1] == "(" and p.body[0].isdecimal() else p.body[0]
            for p in paras if p.body is not None}


def rejoin_across_notes(paras: list[Para], lines: Lines) -> list[Para]:
    """A paragraph cut by a page foot's notes (over a page break, or with notes set inside its sentence where
    the text no longer shows the break) goes on after them when it stopped mid-sentence."""
    out: list[Para] = []
    prev: Para | None = None
    crossed = False
    for p in paras:
        if p.body is not None:
            out.append(p)
            crossed = True
            continue
        if prev is not None and crossed and not prev.refs_after:
            first = lines[p.lines[0]]
            if not SENT_END.search(lines[prev.lines[-1]].text.rstrip()) and first.text.lstrip()[:1].islower():
                prev.breaks.add(p.lines[0])
                prev.lines += p.lines
                prev.refs_after += p.refs_after
                crossed = False
                continue
        out.append(p)
        prev, crossed = p, False
    return out


def confirm_page_bottom(paras, lines, tentative, cands, breaks) -> None:
    """A numbered block at a page foot is a note body only if a mark with its label stands above it on the page."""
    if not tentative:
        return
    starts = [b.pos for b in breaks]
    marks = sorted((c.start, c.label, c.para) for c in cands)
    at = [m[0] for m in marks]
    for p in paras:
        if id(p) not in tentative:
            continue
        pos = lines[p.lines[0]].start
        k = bisect_right(starts, pos) - 1
        page_start = breaks[k].end if k >= 0 else 0
        label = p.body[0]
        above = marks[bisect_left(at, page_start):bisect_left(at, pos)]  # the marks of its page, above it
        if not any(m_label == label and m_para != id(p) for _, m_label, m_para in above):
            p.body = None
        else:
            p.foot = True


def mark_bodies(paras: list[Para], lines: Lines) -> set[int]:
    """Decide which paragraphs are note bodies: `[1] text`, a notes section, labels under a heading.

    Returns the ids of paragraphs that are bodies only if a mark above confirms them (page feet).
    """
    tentative: set[int] = set()
    in_section = False
    continued: set[int] = set()  # notes section paragraphs that go on with the note before them
    for i, p in enumerate(paras):
        text = lines.text[p.lines[0]]
        if is_notes_heading(text) and len(p.lines) == 1:
            in_section = True
            p.body = None
            continue
        if p.body is None:
            if in_section and i and _goes_on_over_page(paras[i - 1], p, lines):
                continued.add(i)
            elif in_section and i and (paras[i - 1].body is not None or i - 1 in continued) and \
                    _before_next_note(i, paras, lines) and not (HEADING.match(text.strip()) or _SUBHEAD.match(text.strip())):
                continued.add(i)  # a note of several paragraphs: more notes follow
            elif in_section and (_BACK_MATTER.match(text.strip()) or not (
                    HEADING.match(text.strip()) or _SUBHEAD.match(text.strip()))):
                in_section = False
            continue
        label = p.body[0]
        bracketed = text.lstrip().startswith("[") and not text.lstrip()[1:2].isalpha() or FOOTNOTE.match(text)
        if text.lstrip()[1:3].isalpha():  # `[AB` is editorial matter, not a note label
            bracketed = bool(FOOTNOTE.match(text))
        elif text.lstrip()[1:2].isalpha() and text.lstrip()[2:3] == "]":
            # a letter's note (`[A] text`) when its mark stands above it
            bracketed = lines.src.find(text.lstrip()[:3], 0, lines.start[p.lines[0]]) >= 0
        if _FOOTNOTE_WORD.match(text):  # `Footnote 1: text`: the word says what it is
            bracketed = True
        if label and not (bracketed or in_section) and _SIGN.match(label) and _sign_marked_above(i, paras, lines, label):
            continue  # `* A maxim is ...` after the paragraph whose `maxim *` it explains
        if not label or not (bracketed or in_section):
            if label and not _OCR_I.match(text) and (_page_bottom(i, paras, lines) or _inside_a_sentence(i, paras, lines)):
                tentative.add(id(p))
            else:
                p.body = None
    for i in sorted(continued, reverse=True):  # a note running over a page is one body
        prev, p = paras[i - 1], paras.pop(i)
        prev.breaks.add(p.lines[0])
        prev.lines += p.lines
    return tentative


_EMPHASIS = re.compile(r"(?<![\w*])\*[A-Za-z][^*\n]*?[\w.,;:!?]\*(?![\w*])")
_SIGN = re.compile(rf"^(?:{SIGNS}|\u2020\u2020)$")


def _sign_marked_above(i: int, paras: list[Para], lines: Lines, sign: str) -> bool:
    """Do the two text paragraphs above body i (past the notes between) carry the sign as a mark (`maxim *
    that`, `Lodovico(*)`, `[*]`), and does the note open with more than signs (not a row of stars)?"""
    p = paras[i]
    if re.match(r"[*+%#&$\u2020\u2021\u00a7\s]|$", lines.text[p.lines[0]][p.body[1]:]):
        return False
    j, above = i - 1, []
    while j >= 0 and j > i - 10 and len(above) < 2:  # two paragraphs of text up, the notes between passed
        if not _opens_with_sign(paras[j], lines):
            above.append(paras[j])
        j -= 1
    text = _EMPHASIS.sub(" ", " ".join(lines.stripped[k] for q in above for k in q.lines))  # not `*imperium*`
    mark = re.escape(sign)
    return bool(re.search(rf"(?<=[\w.,;:!?'\"\u2019\u201d)])(?: ?{mark}(?=\s|$)|\({mark}\)|\[{mark}\])", text))


def notes_headings(paras: list[Para], lines: Lines) -> set[int]:
    """Ids of the headings the notes stand under: a `NOTES` heading followed by notes, and the sub-headings of
    its section (`CHAPTER I`) each followed by notes, no text paragraph between. They leave the main flow."""
    out: set[int] = set()
    section = False  # under a notes heading, no text paragraph met since
    for i, p in enumerate(paras):
        if p.body is not None:
            continue
        s = lines.stripped[p.lines[0]]
        heading = len(p.lines) == 1 and is_notes_heading(s)
        sub = section and len(p.lines) == 1 and len(s) <= 60 and bool(HEADING.match(s) or _SUBHEAD.match(s))
        if not heading and not sub:
            section = False  # a chapter's heading over a note on its title (`CHAPTER II` / `[Footnote 1: ...]`) stays
            continue
        j = i + 1  # the next paragraph past at most two more headings
        while j < len(paras) and j - i <= 2 and paras[j].body is None and len(paras[j].lines) == 1 and (
                HEADING.match(lines.stripped[paras[j].lines[0]]) or _SUBHEAD.match(lines.stripped[paras[j].lines[0]])):
            j += 1
        if j < len(paras) and paras[j].body is not None:
            out.add(id(p))
            section = True
    return out


def _opens_with_sign(p: Para, lines: Lines) -> bool:
    label = body_label(lines.stripped[p.lines[0]])
    return label is not None and bool(_SIGN.match(label[0]))


def _inside_a_sentence(i: int, paras: list[Para], lines: Lines) -> bool:
    """Paragraph i (numbered) stands inside a sentence of the text: the paragraph before stops mid-sentence
    or mid-word and the one after goes on in lower case. A page-foot note whose page break the text no
    longer shows (folios and heads taken out before): a mark above must still confirm it."""
    if not 0 < i < len(paras) - 1:
        return False
    before, after = lines.stripped[paras[i - 1].lines[-1]], lines.stripped[paras[i + 1].lines[0]]
    whole = SENT_END.search(lines.stripped[paras[i].lines[-1]])  # a note ends its sentence
    return bool(whole) and paras[i - 1].body is None and (before.endswith("-") or not SENT_END.search(before)) \
        and after[:1].islower()


def _before_next_note(i: int, paras: list[Para], lines: Lines, most: int = 3) -> bool:
    """Does a note body follow paragraph i within `most` paragraphs (no notes heading between)?"""
    j = i + 1
    while j < len(paras) and j - i <= most and paras[j].body is None:
        if is_notes_heading(lines.text[paras[j].lines[0]]):
            return False
        j += 1
    return j < len(paras) and j - i <= most and paras[j].body is not None


def _goes_on_over_page(prev: Para, p: Para, lines: Lines) -> bool:
    """A notes section's note going on in the next paragraph: across a page break, or where it stopped
    mid-sentence or the next words are in lower case."""
    if prev.body is None or prev.refs_after or _BACK_MATTER.match(lines.stripped[p.lines[0]]):
        return False
    last, first = prev.lines[-1], p.lines[0]
    broke = last in lines.formfeed or any(
        k in ("marker", "head", "folio", "stamp") or j in lines.formfeed for j, k in enumerate(lines.kind[last + 1:first], last + 1))
    # over a page break, words without a label can only go on with the note; else only a sentence that
    # goes on does (a paragraph after a finished note ends the section)
    return broke or not SENT_END.search(lines.stripped[last]) or lines.stripped[first][:1].islower()


def close_footnotes(paras: list[Para], lines: Lines, most: int = 12) -> list[Para]:
    """A `[Footnote 3: ...` of several paragraphs goes on up to the paragraph whose `]` closes it (within
    `most` paragraphs, none of them opening another note): one note body, not text and a stray `]`."""
    out: list[Para] = []
    i = 0
    while i < len(paras):
        p = paras[i]
        out.append(p)
        i += 1
        if p.body is None or not FOOTNOTE.match(lines.text[p.lines[0]]):
            continue
        depth = _depth(p, lines)
        j = i
        while depth > 0 and j < len(paras) and j - i < most and paras[j].body is None:
            depth += _depth(paras[j], lines)
            j += 1
        if depth <= 0 and j > i:
            for q in paras[i:j]:
                p.lines += q.lines
            i = j
    return out


def _depth(p: Para, lines: Lines) -> int:
    """Square brackets opened and not closed in a paragraph."""
    return sum(lines.text[li].count("[") - lines.text[li].count("]") for li in p.lines)


def _page_bottom(i: int, paras: list[Para], lines: Lines) -> bool:
    """Paragraph i numbered and just before a page break (a footnote block at a page foot): the
    numbered paragraphs after it, if any, run up to the break (a numbered list followed by text or by
    a bracketed note body stands in the main flow)."""
    while True:
        last = paras[i].lines[-1]
        formfeed = last in lines.formfeed
        for j in range(last + 1, len(lines.kind)):
            k = lines.kind[j]
            if k == "blank":
                formfeed = formfeed or j in lines.formfeed  # `\n\f`: a blank line closes the page
                continue
            if k in ("marker", "head", "folio", "stamp") or formfeed:
                return True
            break
        else:  # the last page's foot, closed by a form feed or by the end of a paged text
            return formfeed or bool(lines.formfeed) or any(k in lines.kind for k in ("marker", "head", "folio"))
        nxt = paras[i + 1] if i + 1 < len(paras) else None
        if nxt is not None and nxt.body is None:
            k = _next_note_past(i, paras, lines)  # a note's quoted verse, its source, then the next note
            if k is None:
                return False
            i = k
            continue
        if nxt is None or nxt.body is None or lines.stripped[nxt.lines[0]].startswith("["):
            return False
        i += 1


def _next_note_past(i: int, paras: list[Para], lines: Lines, most: int = 2) -> int | None:
    """The index of the note numbered next after note i that follows it past at most `most` paragraphs with
    no label, on the same page (no page break between): those paragraphs are note i's own."""
    if paras[i].body is None or not paras[i].body[0].isdecimal():
        return None
    want = str(int(paras[i].body[0]) + 1)
    for k in range(i + 1, min(len(paras), i + most + 2)):
        a, z = paras[k - 1].lines[-1], paras[k].lines[0]
        if any(x in ("marker", "head", "folio", "stamp") for x in lines.kind[a + 1:z]) or \
                any(j in lines.formfeed for j in range(a, z)):
            return None
        if paras[k].body is not None:
            return k if paras[k].body[0] == want and lines.stripped[z][:1].isdecimal() else None
    return None


def absorb_note_paragraphs(paras: list[Para], lines: Lines) -> tuple[list[Para], dict[int, int]]:
    """Paragraphs with no label between two notes of a page foot (a verse the note quotes, its source) are
    the first note's: merged into it. Returns the paragraphs and, for each merged one's id, its note's id."""
    out: list[Para] = []
    moved: dict[int, int] = {}
    i = 0
    while i < len(paras):
        p = paras[i]
        out.append(p)
        k = _next_note_past(i, paras, lines) if p.foot else None
        if k is not None and k > i + 1 and paras[k].foot:
            for q in paras[i + 1:k]:
                p.lines += q.lines
                moved[id(q)] = id(p)
            i = k
            continue
        i += 1
    return out, moved



# a note's label inside a page foot's line, after the note before ends its sentence: `m. 2. 3 Ibid.`
_NEXT_ON_LINE = re.compile(r"(?<=[.!?)\]'\"\u2019\u201d])[ \t]+(\d{1,3})[ \t]+(?=\S)")


def split_shared_lines(paras: list[Para], lines: Lines, cands: list[RefCand]) -> list[Para]:
    """Short notes at a page foot set two to a line (`1 Roll 4. 2 Ibid., m. 3.`), and the note on the line
    after such a line: each its own body. A note is cut off where the label after its own follows a
    sentence's end, when a mark with that label stands in the text between the first note's mark and the
    foot."""
    if not any(p.foot for p in paras):
        return paras
    marks: dict[str, list[int]] = {}
    for c in sorted(cands, key=lambda c: c.start):
        marks.setdefault(c.label, []).append(c.start)
    src, ca, cz = lines.src, lines.ca, lines.cz
    out: list[Para] = []
    for p in paras:
        out.append(p)
        if not p.foot or not p.body[0].isdecimal():
            continue
        foot = lines.start[p.lines[0]]
        since = _last_before(marks.get(p.body[0], []), foot)  # the first note's mark
        label = p.body[0]
        cuts: list[tuple[int, str, int, int | None, int | None]] = []  # (k, label, plen, label_at, end_at)
        for k, li in enumerate(p.lines):
            nxt = str(int(label) + 1)
            opening = body_label(lines.text[li]) if k else None
            if opening and opening[0] == nxt and _opens_a_note(lines.text[li][opening[1]:]) and \
                    _ends_a_note(lines.stripped[p.lines[k - 1]]) and _marked(marks, nxt, since, foot):
                cuts.append((k, nxt, opening[1], None, None))
                label, nxt = nxt, str(int(nxt) + 1)
            for m in _NEXT_ON_LINE.finditer(src, ca[li], cz[li]):
                if m.group(1) == nxt and _opens_a_note(src[m.end():cz[li]]) and not _after_a_numeral(src, m.start()) \
                        and _marked(marks, nxt, since, foot):
                    cuts.append((k, nxt, m.end() - lines.start[li], m.start(1), m.start()))
                    label, nxt = nxt, str(int(nxt) + 1)
        if not cuts:
            continue
        own = p.lines
        prev = p
        for k, lab, plen, label_at, end_at in cuts:
            cur = Para(lines=own[k:], body=(lab, plen), label_at=label_at, foot=True)
            prev.lines = [li for li in prev.lines if li < own[k]] + ([own[k]] if label_at is not None else [])
            prev.end_at = end_at
            out.append(cur)
            prev = cur
    return out


def _opens_a_note(words: str) -> bool:
    """Does a note open here: a capital, a quotation, a number, or an abbreviation (`op. cit.`, `cf.`)? Not
    a sentence going on (`2 and Exod.`, `2 monks of his house`)."""
    return bool(re.match(r"[A-Z\"\u201c'\u2018(\[\d_*]|[a-z]{1,5}\.", words))  # `_Rot. Parl._`: italics


def _ends_a_note(line: str) -> bool:
    """Can a note end with this line: a sentence's end, or a citation's number or bracket (`fol. 12`)?"""
    return bool(SENT_END.search(line)) or line[-1:].isdecimal() or line[-1:] in ")]"


def _after_a_numeral(src: str, pos: int) -> bool:
    """Does a lowercase roman numeral and its stop end just before `pos` (`Gen. xii.` before its verse)?"""
    m = re.search(r"\b([ivxlc]+)\.$", src[max(0, pos - 10):pos])
    return bool(m) and bool(ROMAN.match(m.group(1)))


def _last_before(starts: list[int], pos: int) -> int:
    k = bisect_left(starts, pos)
    return starts[k - 1] if k else 0


def _marked(marks: dict[str, list[int]], label: str, since: int, foot: int) -> bool:
    """Is there a mark `label` in the text between `since` (the page's first note mark) and `foot`?"""
    starts = marks.get(label, [])
    k = bisect_left(starts, since)
    return k < len(starts) and starts[k] < foot
