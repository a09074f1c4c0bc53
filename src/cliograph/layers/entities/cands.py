"""Records of the actors layer's first pass: mention candidates and what else a paragraph leaves behind."""
from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import Lexicon

LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}
PLACE_PREPS = {"in", "at", "to", "from", "near", "into", "toward", "towards", "via", "across"}
PLACE_PREPS_OF = PLACE_PREPS | {"of"}
DETS = {"the"}
QUOTE_CHARS = "\"'“”‘’[](){}«»_*"
HYPHENS = ("¬", "-", "­")
ORDINAL_ENDS = ("first", "second", "third", "th", "1st", "2nd", "3rd")


@dataclass(slots=True)
class Cand:
    """A mention candidate: clean offsets of the whole span and of the name inside it."""

    start: int
    end: int
    label: str
    name_start: int
    name_end: int
    name: str
    # name, desc (the chairman), collective (the Soviets), demonym (Soviet), part (CCP of CCP Central
    # Committee), adjective (a NORP word used as an adjective: kept only if relabelled)
    kind: str = "name"
    title: str | None = None
    affiliation: str | None = None  # state id named before a title or description
    strong: bool = False  # local evidence for the label (a title, a place preposition)
    sent: int = 0
    clause: int = -1
    subject: bool = False  # subject of an agentive verb (a capital standing for its government)
    initial: bool = False  # first word of its sentence
    role: str | None = None  # head of a description: `chairman`
    state: str | None = None  # state id for collective and demonym mentions
    gender: str | None = None
    personal: bool = False  # subject of a verb people do (`Aristotle wrote`)


@dataclass(slots=True)
class Loose:
    """A run of capitalized words no mention covers, kept to find names the model missed elsewhere."""

    tokens: list[tuple[int, int, str]]
    initial: bool
    sent: int
    clause: int = -1


@dataclass
class Found:
    cands: list[Cand] = field(default_factory=list)
    loose: list[Loose] = field(default_factory=list)
    lower: set[str] = field(default_factory=set)  # lowercase words seen (to tell names from common words)


def is_cap(t) -> bool:
    s = t.text
    return bool(s) and s[0].isupper() and any(c.isalpha() for c in s)


def is_name_token(t, lex: Lexicon) -> bool:
    """A token that may be part of a personal name: capitalized word, initial, or particle."""
    s = t.text
    if not s or t.is_punct:
        return False
    if s.lower() in lex.particles:
        return True
    return s[0].isupper() and (s.replace(".", "").replace("-", "").replace("'", "").replace("’", "").isalpha())


def clause_of(t, offset: int, doc=None) -> int:
    """Clean offset of the verb governing a token (its clause), or -1."""
    h = t
    for _ in range(12):
        if h.pos_ in ("VERB", "AUX") and h.dep_ != "aux":
            return offset + h.idx
        k = h.head.i
        if k == h.i:
            break
        h = doc[k] if doc is not None else h.head
    return -1


class Tokens:
    """A parsed paragraph whose Token objects are made once (spaCy makes a new one at every `doc[i]`)."""

    __slots__ = ("doc", "toks", "text", "ents")

    def has_annotation(self, attr: str) -> bool:
        return self.doc.has_annotation(attr)

    @property
    def sents(self):
        return self.doc.sents

    def __init__(self, doc) -> None:
        self.doc = doc
        self.toks = list(doc)
        self.text = doc.text
        self.ents = doc.ents

    def __len__(self) -> int:
        return len(self.toks)

    def __iter__(self):
        return iter(self.toks)

    def __getitem__(self, k):
        return self.doc[k] if isinstance(k, slice) else self.toks[k]


BLOCK = Cand(start=-1, end=-1, label="OTHER", name_start=-1, name_end=-1, name="")
