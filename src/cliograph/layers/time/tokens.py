"""Tokens for the time grammar: the paragraph's words with the tagger's reading where there is one.

The grammar runs on its own tokens (`mid-1961` is `mid`, `-`, `1961`; `B.C.` and `p.m.` stay whole),
each carrying the spaCy tag, dependency and entity of the token it falls in, so that a blank pipeline
(no tags) still gives the text-only reading.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

TOKEN_RE = re.compile(
    r"(?:[^\W\d_]\.){2,}"  # B.C., a.m., U.S.
    r"|\d{1,3}(?:,\d{3})+(?!\d)"  # 1,500
    r"|\d+(?:[:./]\d+)*(?:(?:['’]?s|st|nd|rd|th|d)(?![^\W\d_]))?"  # 1960s, 4th, 2d, 10:30, 3/22/2013
    r"|['’]\d\d['’]?s\b"  # '60s
    r"|[^\W\d_]+(?:['’][^\W\d_]+)*"  # words, Khrushchev's
    r"|\S"
)
QUOTE_CHARS = {'"': 0, "“": 1, "”": -1, "«": 1, "»": -1}


@dataclass
class Tok:
    start: int
    end: int
    text: str
    low: str  # lower case, curly apostrophe straightened
    kind: str  # w word, n number, a abbreviation, p punctuation
    tag: str = ""
    dep: str = ""
    ent: str = ""
    sent: int = 0
    head: int = -1  # index (into this token list) of the head of the spaCy token, or -1
    quoted: bool = False

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str, parsed=None) -> list[Tok]:
    """Tokens of `text`; `parsed` (a spaCy Doc of the same text) adds tags, dependencies, sentences."""
    toks = []
    for m in TOKEN_RE.finditer(text):
        s = m.group()
        low = s.lower().replace("’", "'")
        if s[0].isdigit():
            kind = "n"
        elif s[0] in "'’" and len(s) > 1 and s[1].isdigit():
            kind = "n"
        elif "." in s and len(s) > 2:
            kind = "a"
        elif s[0].isalpha():
            kind = "w"
        else:
            kind = "p"
        toks.append(Tok(m.start(), m.end(), s, low, kind))
    mark_quotes(text, toks)
    if parsed is not None and len(parsed):
        align(toks, parsed)
    return toks


def mark_quotes(text: str, toks: list[Tok]) -> None:
    """Flag tokens inside double quotation marks (straight marks alternate; curly ones open and close)."""
    inside = False
    for t in toks:
        if t.kind == "p" and t.text in QUOTE_CHARS:
            kind = QUOTE_CHARS[t.text]
            inside = (not inside) if kind == 0 else kind > 0
            continue
        t.quoted = inside


def align(toks: list[Tok], parsed) -> None:
    """Copy each spaCy token's reading onto the grammar tokens that start inside it (two pointers)."""
    sp = list(parsed)
    sent_ids = [0] * len(sp)
    if parsed.has_annotation("SENT_START"):
        for k, s in enumerate(parsed.sents):
            for x in range(s.start, s.end):
                sent_ids[x] = k
    j = 0
    first_of: dict[int, int] = {}  # spaCy index -> first grammar token index
    owner = []
    for i, t in enumerate(toks):
        while j + 1 < len(sp) and sp[j + 1].idx <= t.start:
            j += 1
        s = sp[j]
        owner.append(j)
        first_of.setdefault(j, i)
        t.tag, t.dep, t.ent, t.sent = s.tag_, s.dep_, s.ent_type_, sent_ids[j]
    for i, t in enumerate(toks):
        t.head = first_of.get(sp[owner[i]].head.i, -1)


def sentence_bounds(toks: list[Tok]) -> list[tuple[int, int]]:
    """(first, last + 1) token index of each sentence, from the tagger's sentence ids."""
    out, a = [], 0
    for i in range(1, len(toks) + 1):
        if i == len(toks) or toks[i].sent != toks[a].sent:
            out.append((a, i))
            a = i
    return out
