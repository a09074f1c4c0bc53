"""Shared pieces of the time grammar: token access, phrase matching, counts, units, years, tense."""
from __future__ import annotations

import re

from .tokens import Tok
from .vocab import Vocab

FUNCTION = {"and", "or", "but", "to", "of", "in", "on", "at", "by", "for", "with", "as", "when", "while", "that",
            "which", "who", "was", "were", "had", "has", "have", "is", "are", "be", "been", "the", "a", "an", "he",
            "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "this", "these", "those",
            "there", "then", "after", "before", "until", "since", "from", "into", "than", "not", "no", "so", "if",
            "did", "do", "does", "would", "could", "should", "will", "can", "may", "might", "must", "also", "only",
            "again", "all", "both", "each", "every", "some", "any", "most", "more", "alone", "itself", "later",
            "earlier", "ago", "during", "under", "over", "about", "against", "between", "through", "onward",
            "onwards", "instead", "however", "too", "yet", "still", "him", "them", "us", "me", "what", "where"}
NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS", "JJ", "VBG", "CD"}
YEAR_RE = re.compile(r"^\d{3,4}$")
DECADE_RE = re.compile(r"^(\d{3})0['’]?s$")
ORD_RE = re.compile(r"^(\d{1,2})(st|nd|rd|th|d)$")
MODALS = {"must", "should", "could", "can", "may", "might"}
PHRASE_INDEX: dict[int, dict[str, list]] = {}  # phrase tables of the (one) vocabulary, by first word
PAST_WORDS = {"said", "was", "were", "had", "did", "told", "ago", "went", "met", "made", "took", "gave", "came", "left",
              "began", "fell", "rose", "won", "lost", "sent", "held", "saw", "spoke", "wrote", "led", "fled", "fought"}


class Base:
    def __init__(self, toks: list[Tok], V: Vocab, tagged: bool):
        self.t = toks
        self.n = len(toks)
        self.V = V
        self.tagged = tagged
        self._children: dict[int, list[int]] | None = None
        self.lows = [t.low for t in toks]

    # ------------------------------------------------------------ access
    def low(self, i: int) -> str:
        return self.t[i].low if 0 <= i < self.n else ""

    def text(self, i: int) -> str:
        return self.t[i].text if 0 <= i < self.n else ""

    def adjacent(self, i: int) -> bool:
        """Token i follows token i - 1 with at most one space between (no line of text skipped)."""
        return 0 < i < self.n and self.t[i].start - self.t[i - 1].end <= 1

    def match(self, i: int, table: dict) -> tuple[int, object] | None:
        """Longest phrase of `table` (token tuples) starting at token i: (end index, value)."""
        idx = PHRASE_INDEX.get(id(table))
        if idx is None:
            idx = {}
            for key, val in table.items():
                idx.setdefault(key[0], []).append((key, val))
            for lst in idx.values():
                lst.sort(key=lambda kv: -len(kv[0]))
            PHRASE_INDEX[id(table)] = idx
        for key, val in idx.get(self.low(i), ()):
            if tuple(self.lows[i:i + len(key)]) == key:
                return i + len(key), val
        return None

    def is_noun(self, i: int) -> bool:
        """A word that continues a noun phrase (by tag, or without tags any lower-case content word)."""
        if not (0 <= i < self.n) or self.t[i].kind != "w":
            return False
        if self.tagged:
            return self.t[i].tag in NOUN_TAGS and self.t[i].low not in FUNCTION
        low = self.t[i].low
        return low not in FUNCTION and self.t[i].text.islower() and not low.endswith(("ed", "ly"))

    # ------------------------------------------------------------ numbers
    def count(self, i: int) -> tuple[int, float | None] | None:
        """A count of units at token i: `3`, `three`, `twenty-two`, `a`, `a few`, `one and a half`, `half a`.

        Returns (end, count), count None for a vague one (`several`, `a few`).
        """
        V = self.V
        m = self.match(i, V.vague_phrases)
        if m:
            j = m[0]
            while self.low(j) in ("hundred", "thousand", "hundreds", "thousands", "of"):  # `several hundred`
                j += 1
            return j, None
        lo = self.low(i)
        if lo == "half" and self.low(i + 1) in ("a", "an"):
            return i + 2, 0.5
        if lo in ("a", "an") and self.low(i + 1) == "quarter" and self.low(i + 2) == "of" and \
                self.low(i + 3) in ("a", "an"):
            return i + 4, 0.25  # `a quarter of a century`
        if lo in ("a", "an") and self.low(i + 1) in ("couple", "dozen", "hundred", "thousand"):
            j = i + 2 + (self.low(i + 2) == "of")
            return j, float(V.numbers[self.low(i + 1)])
        n = None
        j = i
        tok = self.t[i] if i < self.n else None
        if tok is None:
            return None
        if tok.kind == "n" and re.fullmatch(r"\d+(?:\.\d+)?|\d{1,3}(?:,\d{3})+", tok.text):
            n, j = float(tok.text.replace(",", "")), i + 1
        elif lo in V.tens:
            n, j = float(V.tens[lo]), i + 1
            sep = 1 if self.low(j) == "-" else 0
            nxt = self.low(j + sep)
            if nxt in V.numbers and V.numbers[nxt] < 10 and nxt not in ("a", "an"):
                n, j = n + V.numbers[nxt], j + sep + 1
        elif lo in V.numbers and lo not in ("hundred", "thousand", "dozen", "couple"):
            n, j = float(V.numbers[lo]), i + 1
        if n is None:
            return None
        while self.low(j) in ("hundred", "thousand"):  # `six hundred`
            n, j = n * V.numbers[self.low(j)], j + 1
        if self.low(j) in ("or", "to") and self.count_word(j + 1):  # `two or three`
            return self.count_word(j + 1), None
        if self.low(j) == "and" and self.low(j + 1) in ("a", "one") and self.low(j + 2) == "half":
            return j + 3, n + 0.5
        return j, n

    def count_word(self, i: int) -> int | None:
        tok = self.t[i] if 0 <= i < self.n else None
        if tok is None:
            return None
        if tok.kind == "n" and tok.text.isdecimal():
            return i + 1
        if tok.low in self.V.numbers and tok.low not in ("a", "an", "couple", "dozen"):
            return i + 1
        if tok.low in self.V.tens:
            return i + 1
        return None

    def unit(self, i: int) -> tuple[int, str, bool] | None:
        """A unit word at token i: (end, unit code, plural)."""
        lo = self.low(i)
        code = self.V.units.get(lo)
        if code is None:
            return None
        return i + 1, code, lo.endswith("s") or lo in ("centuries", "millennia")

    def ordinal(self, i: int) -> tuple[int, int] | None:
        """`4th`, `fourth`, `twenty-first`: (end, number)."""
        tok = self.t[i] if 0 <= i < self.n else None
        if tok is None:
            return None
        m = ORD_RE.match(tok.low)
        if m:
            return i + 1, int(m.group(1))
        if tok.low in self.V.ordinals:
            return i + 1, self.V.ordinals[tok.low]
        if tok.low in self.V.tens and self.low(i + 1) == "-" and self.low(i + 2) in self.V.ordinals:
            k = self.V.ordinals[self.low(i + 2)]
            if k < 10:
                return i + 3, self.V.tens[tok.low] + k
        return None

    # ------------------------------------------------------------ years
    def year(self, i: int) -> tuple[int, int] | None:
        """A plain four-digit year at token i that reads as a year, not a quantity or a reference number."""
        tok = self.t[i] if 0 <= i < self.n else None
        if tok is None or tok.kind != "n":
            return None
        digits = tok.text[:4] if tok.low[4:] in ("'s",) and tok.text[3] != "0" else tok.text  # `2012's`
        if not YEAR_RE.match(digits) or len(digits) != 4:
            return None
        y = int(digits)
        if not self.V.year_lo <= y <= self.V.year_hi:
            return None
        prev, nxt = self.low(i - 1), self.low(i + 1)
        if i + 1 < self.n and self.t[i + 1].start == tok.end and self.t[i + 1].kind == "w":
            return None  # `1110ft`: digits run into letters (OCR), no year
        if prev in self.V.number_cues_before or (prev == "." and self.low(i - 2) in self.V.number_cues_before):
            return None
        if prev in ("-", "–", "—", "/", ":", "x", "×") and i >= 2 and self.t[i - 2].kind == "n":
            return None  # the end of a range or ratio whose start was no year
        if nxt in self.V.quantity_nouns or nxt in self.V.units:
            return None
        if any(self.t[x].cap for x in range(i + 1, min(i + 2, self.n))) and any(
                self.low(x) in self.V.street_words for x in range(i + 2, min(i + 5, self.n))):
            return None  # `1600 Pennsylvania Avenue`
        if nxt in (":", "%") or (nxt == "." and i + 2 < self.n and self.t[i + 2].kind == "n" and self.adjacent(i + 2)):
            return None
        if prev in self.V.weak_number_cues and self.is_noun(i + 1) and (
                self.t[i + 1].tag == "NNS" or (not self.tagged and nxt.endswith("s"))):
            return None
        return i + 1, y

    def attributive(self, i: int, j: int) -> bool:
        """A year used as a modifier (`the 1964 leadership struggle`, `his 1956 speech`)."""
        prev = self.low(i - 1)
        return (prev in self.V.attributive_dets or prev == "'s") and self.is_noun(j)

    def aside(self, i: int) -> bool:
        """A year that does not move the narrative: in parentheses, after `since`/`until`, or inside a
        relative clause or participle about someone (`Zhou, who was born in 1898`, `founded in 1998`)."""
        prev = self.low(i - 1)
        if prev in ("(", "[") or prev in self.V.anchor_blocking_preps:
            return True
        k, steps = i, 0
        while self.tagged and 0 <= k < self.n and steps < 5:
            dep = self.t[k].dep
            if dep in ("relcl", "acl", "appos"):
                return True
            if dep in ("ROOT", "ccomp", "conj", "advcl") or self.t[k].head == k:
                return False
            k, steps = self.t[k].head, steps + 1
        return False

    # ------------------------------------------------------------ tense
    def children(self) -> dict[int, list[int]]:
        if self._children is None:
            ch: dict[int, list[int]] = {}
            for k, t in enumerate(self.t):
                if t.head >= 0 and t.head != k:
                    ch.setdefault(t.head, []).append(k)
            self._children = ch
        return self._children

    def tense(self, i: int) -> str | None:
        """past, pluperfect, future or present: the tense of the clause around token i (None when unknown)."""
        if not self.tagged:
            return self.tense_by_words(i)
        for k in range(i - 1, max(i - 4, 0), -1):  # `had expected that winter`, whatever the parse says
            t = self.t[k]
            if t.kind == "p":
                break
            if t.tag == "VBN" and (self.low(k - 1) == "had" or (self.low(k - 2) == "had" and
                                                                self.t[k - 1].tag.startswith("RB"))):
                return "pluperfect"
        k, steps = i, 0
        while 0 <= k < self.n and not self.t[k].tag.startswith(("VB", "MD")) and steps < 8:
            k, steps = self.t[k].head, steps + 1
        if not (0 <= k < self.n) or not self.t[k].tag.startswith(("VB", "MD")):
            return self.tense_by_words(i)
        auxes = [self.t[c].low for c in self.children().get(k, ()) if self.t[c].dep in ("aux", "auxpass")]
        if any(a in self.V.future_aux for a in auxes):
            return "future"
        if "have" not in auxes and any(a in MODALS for a in auxes):
            return "future"  # `growth could slow in the second quarter`
        tag = self.t[k].tag
        if tag == "VBN" and "had" in auxes:
            return "pluperfect"  # a flashback: its time is not the narrative's
        if tag == "VBD" or any(a in ("had", "did", "was", "were", "has", "have") for a in auxes):
            return "past"
        if tag == "VB" and any(self.t[c].low == "to" for c in self.children().get(k, ())):
            return "future"  # `to raise the money by Monday`: a purpose looks ahead
        if tag == "VB" and self.t[k].dep == "xcomp":
            head = self.t[k].head
            if 0 <= head < self.n and self.t[head].low in self.V.future_lemmas | {"plans", "wants", "hopes"}:
                return "future"
            if 0 <= head < self.n and self.t[head].tag == "VBD":
                return "past"
        if self.t[k].low in self.V.future_lemmas:
            return "future"
        if tag in ("VBZ", "VBP", "VBG") or any(a in ("is", "are", "am") for a in auxes):
            return "present"
        return self.tense_by_tags(i)

    def tense_by_tags(self, i: int) -> str | None:
        """The tense of the sentence's first finite verb (when the clause verb was not found)."""
        first = i
        while first > 0 and self.t[first - 1].sent == self.t[i].sent and i - first < 80:
            first -= 1
        for k in range(first, min(self.n, i + 80)):
            t = self.t[k]
            if t.sent != self.t[i].sent:
                break
            if t.tag == "MD":
                return "future" if t.low in self.V.future_aux else None
            if t.tag == "VBD":
                return "past"
            if t.tag in ("VBZ", "VBP"):
                return "present"
        return None

    def tense_by_words(self, i: int) -> str | None:
        lo, hi = max(0, i - 12), min(self.n, i + 12)
        words = {self.t[k].low for k in range(lo, hi) if self.t[k].sent == self.t[i].sent}
        for k in range(lo, hi - 1):  # `had been warned`, `had expected`
            if self.t[k].low == "had" and (self.low(k + 1) == "been" or self.low(k + 1).endswith(("ed", "en", "wn"))):
                return "pluperfect"
        if words & self.V.future_aux or words & MODALS:
            return "future"
        if words & {"is", "are", "am"} and not words & {"was", "were", "had", "said", "did"}:
            return "present"
        if words & PAST_WORDS or any(w.endswith("ed") and len(w) > 4 for w in words):
            return "past"
        return None
