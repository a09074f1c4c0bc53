"""Plain Python tokens for one parsed paragraph, read from the spaCy Doc once.

Every spaCy token access (`t.head`, `t.children`, `doc[i]`) builds a new Token object, and the event
helpers look at the same neighbourhoods again and again; reading each token's attributes, children and
sentence once per paragraph makes those looks plain attribute and list reads. A `Tok` answers to the
names of the spaCy attributes it copies, in the same order (children left to right, subtrees as
spaCy walks them). One `Tok` stands for one token, so `is` compares tokens.
"""
from __future__ import annotations


class Tok:
    __slots__ = ("i", "text", "lower_", "lemma_", "lemma", "pos_", "tag_", "dep_", "ent_type_", "ent_iob_", "idx",
                 "end", "is_alpha", "head", "lefts", "rights", "children", "para")

    def __init__(self, para: Para, t):
        self.para = para
        self.i = t.i
        self.text = t.text
        self.lower_ = t.lower_
        self.lemma_ = t.lemma_
        self.lemma = self.lemma_.lower()  # the lower-case lemma the vocabulary is keyed by
        self.pos_ = t.pos_
        self.tag_ = t.tag_
        self.dep_ = t.dep_
        self.ent_type_ = t.ent_type_
        self.ent_iob_ = t.ent_iob_
        self.idx = t.idx
        self.end = t.idx + len(self.text)
        self.is_alpha = t.is_alpha
        self.head = self
        self.lefts: list[Tok] = []
        self.rights: list[Tok] = []
        self.children: list[Tok] = []

    def __len__(self) -> int:
        return self.end - self.idx

    def __repr__(self) -> str:
        return f"Tok({self.i}, {self.text!r})"

    @property
    def subtree(self):
        for c in self.lefts:
            yield from c.subtree
        yield self
        for c in self.rights:
            yield from c.subtree

    @property
    def left_edge(self) -> Tok:
        return self.para.toks[self.para.doc[self.i].left_edge.i]

    @property
    def right_edge(self) -> Tok:
        return self.para.toks[self.para.doc[self.i].right_edge.i]

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

    def __init__(self, doc):
        self.doc = doc
        toks = self.toks = []
        heads = []
        for t in doc:
            toks.append(Tok(self, t))
            heads.append(t.head.i)
        for k, h in zip(toks, heads, strict=True):
            if h != k.i:
                head = k.head = toks[h]
                (head.lefts if k.i < h else head.rights).append(k)
        for k in toks:
            if k.lefts or k.rights:
                k.children = k.lefts + k.rights
        self._sents: list[tuple[int, int]] | None = None

    def __len__(self) -> int:
        return len(self.toks)

    def __iter__(self):
        return iter(self.toks)

    def __getitem__(self, i: int) -> Tok:
        return self.toks[i]

    def sentence(self, t: Tok) -> tuple[int, int]:
        """Paragraph character range of t's sentence (spaCy's `t.sent`)."""
        if self._sents is None:
            out = []
            for s in self.doc.sents:  # raises, as `t.sent` does, on a parse without sentences
                out.extend([(s.start_char, s.end_char)] * len(s))
            self._sents = out
        return self._sents[t.i]

    def span_text(self, a: int, z: int) -> str:
        """Text of tokens a through z (spaCy's `doc[a:z + 1].text`)."""
        return self.doc[a:z + 1].text
