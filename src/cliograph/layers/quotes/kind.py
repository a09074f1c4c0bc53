"""Speech or phrase: what kind of quotation a pair of marks holds.

`speech` is words someone said or wrote: attributed by a reporting verb, standing as a sentence of
its own (dialogue), or a clause in somebody's voice (a finite verb, `I`, `we`, `you`). `phrase` is
a scare quote, a term or a title: a few words inside a sentence, no verb, often after `the
so-called`, `the word`, `his book`. Words reported as thought (`"...," thought Alice`) are speech too:
someone formed them; the quotation's `mode` says "thought".
"""
from __future__ import annotations

from dataclasses import dataclass

from .lexicon import Lexicon

NAMING_VERBS = frozenset(("call", "label", "brand", "dub", "term", "describe", "characterize", "characterise",
                          "dismiss", "hail", "name"))
SMALL_WORDS = frozenset(("a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from",
                         "as", "but", "nor", "de", "la", "le", "von", "van", "is", "are"))
FINITE = frozenset(("VBD", "VBP", "VBZ", "MD"))


@dataclass
class Features:
    words: int = 0
    finite: bool = False
    person12: bool = False
    terminal: bool = False  # ends with . ! ? , ; inside the marks
    standalone: bool = False  # begins a sentence (or follows a colon)
    title_cue: bool = False  # `the word`, `his book`, `so-called` before; `policy`, `campaign` after


def text_features(text: str, start: int, end: int, open_pos: int, close_pos: int | None, par_start: int,
                  lex: Lexicon) -> Features:
    f = Features()
    inner = text[start:end]
    f.terminal = bool(inner) and inner[-1] in ".!?,;…" or (close_pos is None)
    k = open_pos - 1
    while k >= par_start and text[k].isspace():
        k -= 1
    f.standalone = k < par_start or text[k] in ".!?:;\"“”‘’'—–(" or text[k:k + 1] == "-"
    before = _words_before(text, open_pos, par_start, 2)
    after = _words_after(text, (close_pos if close_pos is not None else end) + 1, 1)
    f.title_cue = any(w in lex.title_cues for w in before) or (bool(after) and after[0] in lex.title_cues)
    return f


def _words_before(text: str, pos: int, floor: int, n: int) -> list[str]:
    seg = text[max(floor, pos - 40):pos].split()
    return [w.strip(",;:()").lower() for w in seg[-n:]]


def _words_after(text: str, pos: int, n: int) -> list[str]:
    seg = text[pos:pos + 30].split()
    return [w.strip(",;:.()").lower() for w in seg[:n]]


def shape(inner: str) -> tuple[bool, bool]:
    """(all capitals, title case) of the quoted words."""
    letters = [c for c in inner if c.isalpha()]
    caps = bool(letters) and all(c.isupper() for c in letters) and len(letters) > 1
    words = [w.strip(".,;:!?()[]") for w in inner.split()]
    words = [w for w in words if w and w[0].isalpha()]
    title = len(words) >= 2 and all(w[0].isupper() or w.lower() in SMALL_WORDS for w in words)
    return caps, title


def decide(f: Features, inner: str, verb: str | None, how: str | None, nested: bool) -> str:
    caps, title = shape(inner)
    if caps and f.words <= 6 and not f.terminal:
        return "phrase"  # a sign or a label: `DRINK ME`
    if f.title_cue and (title or f.words <= 4) and not f.person12:
        return "phrase"
    clause = (f.finite and f.words >= 3) or f.person12
    if how in ("after", "before", "according", "noun", "block"):
        if verb in NAMING_VERBS and f.words <= 3 and not clause:
            return "phrase"  # `called it "the second wave"`
        return "speech"
    if title and not f.terminal and not clause:
        return "phrase"
    if f.standalone and not nested and (f.terminal or f.words >= 3 or clause):
        return "speech"
    if clause and f.words >= 4:
        return "speech"
    if f.terminal and f.words >= 5:
        return "speech"
    return "phrase"
