"""Read a paragraph's parse for who speaks a quotation and to whom.

For each quotation the words just after its closing mark and just before its opening mark (up to
the sentence's end, or another quotation) are searched for a reporting verb (`said`, `told`,
`declared`), a thought or expectation frame (`As Mao had expected`), `according to X` or a speech
noun (`Mao's words`); the verb's subject is the speaker and its object or `to`-phrase the
addressee. A quotation embedded in a clause with none of these takes the subject of the clause
that governs it (`calling Mao "..."`: the subject of the clause `calling` hangs from).
"""
from __future__ import annotations

from dataclasses import dataclass

from .lexicon import Lexicon

SENT_END = frozenset(".!?")
SUBJ = ("nsubj", "nsubjpass", "csubj")
NP_LEFT = frozenset(("compound", "amod", "det", "poss", "nmod", "flat", "nummod", "case", "quantmod", "nn",
                     "predet"))
NP_RIGHT = frozenset(("compound", "flat", "prep", "conj", "cc", "nummod", "case", "nn", "appos"))
WINDOW = 40
VOCATIVE_LEAD = frozenset(("oh", "o", "ah", "my", "dear", "good", "morning", "night", "well", "yes", "no", "why", ",",
                           "now", "come", "look", "see", "hello", "hullo", "say", "thank", "thanks", "you"))


@dataclass
class Who:
    """A phrase naming a speaker or an addressee, in clean offsets."""

    start: int
    end: int
    head_start: int
    head_end: int
    text: str
    pronoun: str | None = None  # lowercased, when the phrase is a personal pronoun
    head_lower: str = ""
    plural: bool = False


@dataclass
class Cue:
    """What the parse says about one quotation."""

    speaker: Who | None = None
    addressee: Who | None = None
    verb: str | None = None  # lemma of the attributing verb
    how: str | None = None  # after, before, according, noun, governing, block, vocative
    thought: bool = False
    vocative: Who | None = None  # a name addressed inside the quotation (`"Good night, Sir John,"`)


def who(tok, lo: int, hi: int, offset: int, quote_tok) -> Who:
    """The noun phrase headed by `tok`, kept inside token range [lo, hi) and outside quotations."""
    a = b = tok.i
    for c in tok.children:
        if c.i < tok.i and c.dep_ in NP_LEFT:
            a = min(a, c.left_edge.i)
        elif c.i > tok.i and c.dep_ in NP_RIGHT and not (c.dep_ == "prep" and c.lower_ not in ("of", "from")):
            if c.dep_ == "appos" and c.nbor(-1).text == ",":
                continue
            b = max(b, c.right_edge.i)
    a, b = max(a, lo), min(b, hi - 1)
    if quote_tok(tok.i):
        a = b = tok.i
    while a < tok.i and (quote_tok(a) or tok.doc[a].is_punct):
        a += 1
    for k in range(tok.i + 1, b + 1):
        if quote_tok(k) or tok.doc[k].text in ";:":
            b = k - 1
            break
    while b > tok.i and tok.doc[b].is_punct:
        b -= 1
    doc = tok.doc
    s, e = offset + doc[a].idx, offset + doc[b].idx + len(doc[b])
    pron = tok.lower_ if tok.pos_ == "PRON" and a == b else None
    plural = tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in tok.children)
    return Who(s, e, offset + tok.idx, offset + tok.idx + len(tok), doc[a:b + 1].text, pron,
               tok.lower_, plural)


def subject_of(v, lex: Lexicon):
    """The subject of verb `v`, looking through conjunctions, participles and relative clauses."""
    seen = 0
    while v is not None and seen < 6:
        seen += 1
        for c in v.children:
            if c.dep_ in SUBJ and c.pos_ != "SCONJ":
                return c
        if v.dep_ == "relcl" or (v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN", "PRON")):
            return v.head
        if v.dep_ in ("conj", "xcomp", "advcl", "acl", "pcomp", "ccomp") and v.head.i != v.i:
            v = v.head
            continue
        break
    return None


def inverted_subject(v, end: int, quote_tok):
    """`said Chen`, `cried his wife`: the first noun after the verb when the parse gave no subject."""
    for k in range(v.i + 1, min(end, v.i + 5)):
        t = v.doc[k]
        if quote_tok(k):
            return None
        if t.pos_ in ("PROPN", "PRON", "NOUN"):
            if t.pos_ == "PRON" and t.lower_ in ("it", "this", "that", "what"):
                return None
            # the head of the phrase: walk right over compounds (`Mr. Bennet`)
            while t.head.i > t.i and t.dep_ in ("compound", "amod", "det", "poss", "flat") and t.head.i < end:
                t = t.head
            return t
        if t.pos_ in ("VERB", "AUX") or t.is_punct:
            return None
    return None


def addressee_of(v, lex: Lexicon):
    lemma = v.lemma_.lower()
    passive = [c for c in v.children if c.dep_ == "nsubjpass"]
    if passive and lemma in lex.object_addressee:
        return passive[0]
    for c in v.children:
        if c.dep_ in ("dobj", "dative", "iobj") and lemma in lex.object_addressee and c.pos_ in ("PROPN", "PRON",
                                                                                                    "NOUN"):
            if c.lower_ not in ("it", "this", "that", "so", "what", "something", "nothing"):
                return c
        if c.dep_ in ("prep", "dative") and c.lower_ == "to" and lemma in lex.to_addressee:
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def owner(voice):
    """`his mother's voice`, `the voice of John Reed`: who the voice belongs to, else None (`a voice`)."""
    for c in voice.children:
        if c.dep_ == "poss":
            return c
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.dep_ == "pobj" and g.pos_ in ("PROPN", "PRON", "NOUN"):
                    return g
    return None


def agent_of(v):
    for c in v.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


class Reader:
    """Attribution over one paragraph's parse."""

    def __init__(self, parsed, offset: int, lex: Lexicon, spans: list[tuple[int, int]]):
        self.doc, self.offset, self.lex = parsed, offset, lex
        # token index -> index into `spans` (the quotations with their marks) or -1
        self.qi = [-1] * len(parsed)
        k = 0
        for t in parsed:
            pos = offset + t.idx
            while k < len(spans) and spans[k][1] <= pos:
                k += 1
            if k < len(spans) and spans[k][0] <= pos < spans[k][1]:
                self.qi[t.i] = k

    def quote_tok(self, i: int) -> bool:
        return 0 <= i < len(self.qi) and self.qi[i] >= 0

    def tok_at(self, pos: int) -> int:
        """Index of the first token starting at or after clean offset `pos`."""
        rel = pos - self.offset
        lo, hi = 0, len(self.doc)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.doc[mid].idx < rel:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def after_window(self, close_end: int) -> tuple[int, int]:
        i = self.tok_at(close_end)
        j = i
        while j < len(self.doc) and j - i < WINDOW and not self.quote_tok(j):
            j += 1
            if self.doc[j - 1].text in SENT_END:
                break
        return i, j

    def before_window(self, open_pos: int) -> tuple[int, int]:
        j = self.tok_at(open_pos)
        i = j
        while i > 0 and j - i < WINDOW and not self.quote_tok(i - 1) and self.doc[i - 1].text not in SENT_END:
            i -= 1
        return i, j

    def who(self, tok, lo: int, hi: int) -> Who:
        return who(tok, lo, hi, self.offset, self.quote_tok)

    def frame(self, lo: int, hi: int, side: str):
        """The attributing verb in window [lo, hi): first verb after a quotation, nearest one before."""
        lex = self.lex
        rng = range(lo, hi) if side == "after" else range(hi - 1, lo - 1, -1)
        for k in rng:
            t = self.doc[k]
            if t.pos_ != "VERB":
                continue
            lemma = t.lemma_.lower()
            near = (k - lo) if side == "after" else (hi - 1 - k)
            for c in t.children:  # `I took upon myself to reply`, `she ventured to remark`: the inner verb
                if c.dep_ == "xcomp" and lo <= c.i < hi and c.pos_ == "VERB" and c.lemma_.lower() in lex.reporting \
                        and c.lemma_.lower() not in lex.weak:
                    return c
            if lex.frame(lemma) and (lemma not in lex.weak or near <= 4):
                return t
            if side == "before" and t.dep_ in ("relcl", "acl", "amod", "pcomp") and not lex.frame(lemma):
                continue  # a verb inside a noun phrase (`the men who were waiting`)
            return None  # another verb nearer: the words around do not report this quotation
        return None

    def reports_other(self, v, lo: int, hi: int) -> bool:
        """`replied that he had not`: the verb's own complement lies outside the quotation."""
        return any(c.dep_ in ("ccomp", "xcomp") and lo <= c.i < hi and not self.quote_tok(c.i)
                   and c.i > v.i and c.tag_ != "VBG" for c in v.children)  # `asked, pointing north` reports

    def new_sentence(self, lo: int) -> bool:
        """The words after a quotation closed by . ! or ? begin a sentence of their own (`"Yes." Tommy nodded`)."""
        d = self.doc
        if lo < 2 or lo >= len(d) or not self.quote_tok(lo - 1) or d[lo - 2].text not in SENT_END:
            return False
        w = d[lo]
        return w.text[:1].isupper() and w.text != "I"

    def cue(self, lo: int, hi: int, side: str) -> Cue | None:
        v = self.frame(lo, hi, side)
        if v is not None and side == "after" and v.lemma_.lower() in self.lex.manner and self.new_sentence(lo):
            return None
        if v is not None and self.reports_other(v, lo, hi):
            return None
        if v is not None:
            s = subject_of(v, self.lex)
            if s is not None and s.dep_ == "nsubjpass":
                a = agent_of(v)
                cue = Cue(addressee=self.who(s, lo, hi), verb=v.lemma_.lower(), how=side)
                if a is not None:
                    cue.speaker = self.who(a, lo, hi)
                return cue
            if s is not None and (self.quote_tok(s.i) or not lo <= s.i < hi):
                s = None  # a name inside the quotation (a vocative) is not its speaker
            if s is None:
                s = inverted_subject(v, hi, self.quote_tok)
            if s is not None and s.lower_ in self.lex.voice:
                s = owner(s)
            cue = Cue(verb=v.lemma_.lower(), how=side)
            if s is not None and s.pos_ in ("PROPN", "PRON", "NOUN", "NUM", "DET", "X", "ADJ"):
                if not (s.pos_ == "PRON" and s.lower_ in ("it", "this", "that", "which", "what", "who")):
                    cue.speaker = self.who(s, min(lo, s.i), max(hi, s.i + 1))
            ad = addressee_of(v, self.lex)
            if ad is not None and lo <= ad.i < hi:
                cue.addressee = self.who(ad, lo, hi)
            # `"...," thought Alice` reports a thought; `As Mao had expected, "..."` frames recorded words
            cue.thought = (v.lemma_.lower() in self.lex.thought and v.lemma_.lower() not in self.lex.reporting
                           and not any(c.dep_ == "mark" for c in v.children))
            return cue
        return self.according(lo, hi) or self.noun_frame(lo, hi)

    def according(self, lo: int, hi: int) -> Cue | None:
        for k in range(lo, hi - 1):
            if self.doc[k].lower_ == "according" and self.doc[k + 1].lower_ == "to":
                for g in self.doc[k + 1].children:
                    if g.dep_ == "pobj":
                        return Cue(speaker=self.who(g, lo, hi), how="according")
        return None

    def noun_frame(self, lo: int, hi: int) -> Cue | None:
        """`Mao's words:`, `in the words of Mao,`, `his reply was:`."""
        for k in range(hi - 1, lo - 1, -1):
            t = self.doc[k]
            if t.pos_ != "NOUN" or t.lower_ not in self.lex.speech_nouns:
                continue
            for c in t.children:
                if c.dep_ == "poss":
                    return Cue(speaker=self.who(c, lo, hi), how="noun")
                if c.dep_ == "prep" and c.lower_ in ("of", "from", "by"):
                    for g in c.children:
                        if g.dep_ == "pobj" and g.pos_ in ("PROPN", "PRON", "NOUN"):
                            return Cue(speaker=self.who(g, lo, hi), how="noun")
            return None
        return None

    def addressee_noun(self, lo: int, hi: int) -> Who | None:
        """`in a conversation with X`, `in a letter to X`."""
        for k in range(lo, hi):
            t = self.doc[k]
            if t.pos_ == "NOUN" and t.lower_ in self.lex.addressee_nouns:
                for c in t.children:
                    if c.dep_ == "prep" and c.lower_ in self.lex.addressee_preps:
                        for g in c.children:
                            if g.dep_ == "pobj" and g.pos_ in ("PROPN", "NOUN", "PRON"):
                                return self.who(g, lo, hi)
        return None

    def governing(self, first: int, last: int) -> Cue | None:
        """The subject of the clause a quotation (tokens [first, last]) hangs from."""
        root = None
        for k in range(first, last + 1):
            t = self.doc[k]
            if not (first <= t.head.i <= last) and not t.is_punct:
                root = t
                break
        if root is None:
            return None
        v, steps = root.head, 0
        while steps < 8:
            steps += 1
            if v.pos_ in ("VERB", "AUX"):
                s = subject_of(v, self.lex)
                if s is not None and not first <= s.i <= last:
                    lo = min(s.left_edge.i, s.i)
                    return Cue(speaker=self.who(s, lo, len(self.doc)), verb=v.lemma_.lower(), how="governing",
                               thought=v.lemma_.lower() in self.lex.thought)
            if v.head.i == v.i:
                break
            v = v.head
        return None

    def lead(self, open_pos: int) -> Who | None:
        """The subject of the narrative clause just before a quotation (`Tuppence sighed. "Yes."`,
        `Emma looked up to remark quietly: "..."`): the one who acts there is likely the one who speaks."""
        j = self.tok_at(open_pos) - 1
        while j >= 0 and self.doc[j].is_space:
            j -= 1
        if j < 0 or self.quote_tok(j):
            return None
        last = self.doc[j]
        if last.text not in SENT_END and last.text != ":":
            return None  # the quotation stands inside a clause: other rules read it
        k = j
        while k > 0 and not self.doc[k].is_sent_start and not self.quote_tok(k - 1) \
                and self.doc[k - 1].text not in SENT_END:
            k -= 1
        return self._clause_subject(k, j + 1)

    def tail(self, close_end: int) -> Who | None:
        """The subject of a narrative sentence right after a quotation (`"..." | Weary paid tribute.`)."""
        i = self.tok_at(close_end)
        while i < len(self.doc) and (self.doc[i].is_space or (self.doc[i].is_punct and not self.quote_tok(i))):
            i += 1
        if i >= len(self.doc) or self.quote_tok(i) or not self.doc[i].text[:1].isupper():
            return None
        j = i
        while j < len(self.doc) and not self.quote_tok(j) and self.doc[j].text not in SENT_END:
            j += 1
        if j >= len(self.doc) or self.quote_tok(j):
            return None
        return self._clause_subject(i, j + 1)

    def _clause_subject(self, lo: int, hi: int) -> Who | None:
        """The subject of the main verb of tokens [lo, hi), when none of them is quoted."""
        if any(self.quote_tok(k) for k in range(lo, hi)):
            return None
        for k in range(lo, hi):
            t = self.doc[k]
            if t.pos_ in ("VERB", "AUX") and not (lo <= t.head.i < hi and t.head.i != t.i):
                s = subject_of(t, self.lex)
                if s is None or not lo <= s.i < hi:
                    return None
                if s.pos_ == "PRON" and s.lower_ not in ("he", "she", "i", "we"):
                    return None
                if s.pos_ == "NOUN" and (s.lower_ in self.lex.body or s.lower_ in self.lex.voice):
                    s = owner(s)  # `Her eyes grew soft.`: she did
                    if s is None or not lo <= s.i < hi:
                        return None
                if s.pos_ not in ("PROPN", "PRON", "NOUN"):
                    return None
                if s.pos_ == "NOUN" and s.lower_ not in self.lex.persons and not s.text[:1].isupper():
                    return None  # `The rain kept falling.`: only a person acts before speaking
                if s.pos_ == "PRON" and s.lower_ not in ("he", "she", "i", "we", "his", "her", "my"):
                    return None
                return self.who(s, lo, hi)
        return None

    def vocative(self, first: int, last: int) -> Who | None:
        """A name set off by commas in the quoted words: at the start (`"Florence, come here."`), or after a
        clause and before a stop (`"I am not well, Florence."`, `"True, Florence, but..."`). A name after a
        noun is in apposition (`"my boy, Harvey."`), not called."""
        d = self.doc
        k = first
        while k <= last and d[k].lower_ in VOCATIVE_LEAD:
            k += 1
        j = k
        while j <= last and d[j].pos_ == "PROPN":
            j += 1
        if j > k and j <= last and d[j].text == "," and (k == first or d[k - 1].text in (",", "dear")):
            return self.who(d[j - 1], k, j)
        for k in range(first + 1, last + 1):
            if d[k].text != "," or d[k - 1].pos_ in ("NOUN", "PROPN", "DET", "ADP"):
                continue
            j = k + 1
            while j <= last and d[j].pos_ == "PROPN":
                j += 1
            if j > k + 1 and (j > last or d[j].text in (",", ".", "!", "?", ";")):
                return self.who(d[j - 1], k + 1, j)
        return None
