"""Plain Python tokens for one parsed paragraph, read from the spaCy Doc once.

Every spaCy token access (`t.head`, `t.children`, `doc[i]`) builds a new Token object, and the event
helpers look at the same neighbourhoods again and again; reading each token's attributes, children and
sentence once per paragraph makes those looks plain attribute and list reads. A `Tok` answers to the
names of the spaCy attributes it copies, in the same order (children left to right, subtrees as
spaCy walks them). One `Tok` stands for one token, so `is` compares tokens.
"""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

# what Para reads of each token with Doc.to_array, in this order (HEAD last)
ATTRS = ("LENGTH", "LOWER", "LEMMA", "POS", "TAG", "DEP", "ENT_TYPE", "IDX", "IS_ALPHA", "SENT_START", "HEAD")


@lru_cache(maxsize=1)
def _attr_ids() -> list[int]:
    from spacy.attrs import IDS  # spaCy is loaded by then: a Doc is being read

    return [IDS[a] for a in ATTRS]


NAMES_MAX = 200_000  # strings remembered per string store; past this the memory starts again


class _Names(dict):
    """hash -> string of one spaCy string store, each string made once: its hash (for the vocabulary's
    sets and dicts) is then computed once, not for every token that reads it."""

    def __init__(self, strings):
        super().__init__()
        self.strings = strings
        self.lower = _Lower(self)  # hash -> the string in lower case (lemmas)

    def __missing__(self, key: int) -> str:
        if len(self) >= NAMES_MAX:
            self.clear()
            self.lower.clear()
        s = self[key] = self.strings[key]
        return s


class _Lower(dict):
    def __init__(self, names: _Names):
        super().__init__()
        self.names = names

    def __missing__(self, key: int) -> str:
        s = self[key] = self.names[key].lower()
        return s


_NAMES: list[_Names] = []


def _names(strings) -> _Names:
    if not _NAMES or _NAMES[0].strings is not strings:
        _NAMES[:] = [_Names(strings)]
    return _NAMES[0]


NONE: tuple = ()  # the children of a leaf (lists are made for tokens that have some)


class Tok:
    __slots__ = ("i", "lower_", "lemma", "pos_", "tag_", "dep_", "ent_type_", "idx", "end", "is_alpha", "head",
                 "lefts", "rights", "children")

    def __init__(self, i: int, lower: str, lemma: str, pos: str, tag: str, dep: str, ent_type: str, idx: int,
                 end: int, is_alpha: bool):
        self.i = i
        self.lower_ = lower
        self.lemma = lemma  # lower case: the vocabulary is keyed by it
        self.pos_ = pos
        self.tag_ = tag
        self.dep_ = dep
        self.ent_type_ = ent_type
        self.idx = idx
        self.end = end
        self.is_alpha = is_alpha
        self.head = self
        self.lefts = self.rights = self.children = NONE

    def __len__(self) -> int:
        return self.end - self.idx

    def __repr__(self) -> str:
        return f"Tok({self.i}, {self.lower_!r})"

    @property
    def subtree(self):
        for c in self.lefts:
            yield from c.subtree
        yield self
        for c in self.rights:
            yield from c.subtree

    def words(self) -> list[Tok]:
        """The tokens of the subtree, in no particular order (for sets: no recursion)."""
        out = [self]
        stack = [self]
        while stack:
            kids = stack.pop().children
            out += kids
            stack += kids
        return out

    @property
    def conjuncts(self) -> tuple[Tok, ...]:
        """As spaCy's: the first conjunct, then the `conj` chains to its right, without this token."""
        start = self
        while start.head is not start and start.dep_ == "conj":
            start = start.head
        queue = [start]
        output = [start]
        for word in queue:
            for c in word.rights:
                if c.dep_ == "conj":
                    output.append(c)
                    queue.append(c)
        return tuple(w for w in output if w is not self)


class Para:
    """The tokens of one parsed paragraph (`toks[i]` is token i) and their sentences."""

    def __init__(self, doc, text: str | None = None, off: int = 0):
        """`text[off:]`, when given, starts with the text the Doc was parsed from (its `doc.text`)."""
        self.doc = doc
        self.clean = text
        self.off = off
        names = _names(doc.vocab.strings)
        low = names.lower
        arr = doc.to_array(_attr_ids())  # one C pass; the names come from the string store
        heads = arr[:, -1].astype("int64").tolist()  # relative offsets, stored unsigned
        rows = arr.tolist()
        toks = self.toks = [
            Tok(i, names[lower], low[lemma], names[pos], names[tag], names[dep], names[ent], idx, idx + n, alpha == 1)
            for i, (n, lower, lemma, pos, tag, dep, ent, idx, alpha, _, _) in enumerate(rows)]
        # where sentences start: spaCy's mark 1 (not -1, nor 0 for unknown); token 0 always starts one
        self.starts = [i for i, row in enumerate(rows) if row[-2] == 1 and i > 0]
        parents = []
        for k, h in zip(toks, heads, strict=True):
            if h > 0:  # a left child
                head = k.head = toks[k.i + h]
                if head.lefts:
                    head.lefts.append(k)
                else:
                    head.lefts = [k]
                    parents.append(head)
            elif h < 0:
                head = k.head = toks[k.i + h]
                if head.rights:
                    head.rights.append(k)
                else:
                    head.rights = [k]
                    parents.append(head)
        for k in parents:
            k.children = [*k.lefts, *k.rights]
        self._sents_known: bool | None = None

    def __len__(self) -> int:
        return len(self.toks)

    def __iter__(self):
        return iter(self.toks)

    def __getitem__(self, i: int) -> Tok:
        return self.toks[i]

    def left_edge(self, t: Tok) -> Tok:
        """spaCy's `t.left_edge` (a leaf is its own edge)."""
        return self.toks[self.doc[t.i].left_edge.i] if t.children else t

    def right_edge(self, t: Tok) -> Tok:
        return self.toks[self.doc[t.i].right_edge.i] if t.children else t

    def sentence(self, t: Tok) -> tuple[int, int]:
        """Paragraph character range of t's sentence, as spaCy's `t.sent` finds it: from the last
        sentence start at or before t to the next one after it."""
        if self._sents_known is None:
            doc = self.doc
            hooks = "sents" in doc.user_hooks or "sent" in doc.user_span_hooks or "sent" in doc.user_token_hooks
            self._sents_known = not hooks and doc.has_annotation("SENT_START")
        if not self._sents_known:  # spaCy's own answer (it raises on a parse without sentences)
            s = self.doc[t.i].sent
            return s.start_char, s.end_char
        k = bisect_right(self.starts, t.i)
        a = self.starts[k - 1] if k else 0
        z = self.starts[k] if k < len(self.starts) else len(self.toks)
        return self.toks[a].idx, self.toks[z - 1].end

    def release(self) -> None:
        """Cut the links between tokens (a head and its children point at each other) so they are freed
        at once, not by the cycle collector: a book makes millions of them."""
        for k in self.toks:
            k.head = None
        self.toks = []

    def tok_text(self, t: Tok) -> str:
        return self.span_text(t.i, t.i)

    def lemma_(self, t: Tok) -> str:
        """t's lemma as the parse has it (not lower-cased)."""
        return self.doc[t.i].lemma_

    def ent_iob_(self, i: int) -> str:
        return self.doc[i].ent_iob_

    def span_text(self, a: int, z: int) -> str:
        """Text of tokens a through z (spaCy's `doc[a:z + 1].text`)."""
        if self.clean is None:
            return self.doc[a:z + 1].text
        return self.clean[self.off + self.toks[a].idx:self.off + self.toks[z].end]
