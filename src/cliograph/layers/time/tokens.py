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
    r"|[^\W\d_]+(?:['’](?![sS]\b)[^\W\d_]+)*"  # words, o'clock
    r"|['’][sS]\b"  # the possessive of `Friday's vote` and `last year's`
    r"|\S"
)
QUOTE_CHARS = {'"': 0, "“": 1, "”": -1, "«": 1, "»": -1}


@dataclass(slots=True)
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
    """Tokens of `text`; `parsed` (a spaCy Doc of the same text) adds tags, dependencies, sentences
    when it has them (see `tagged`)."""
    toks = []
    for m in TOKEN_RE.finditer(text):
        s = m.group()
        low = s.lower().replace("’", "'")
        if s[0].isdecimal():
            kind = "n"
        elif s[0] in "'’" and len(s) > 1 and s[1].isdecimal():
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


def tagged(toks: list[Tok]) -> bool:
    return any(t.tag for t in toks)


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
    """Copy each spaCy token's reading onto the grammar tokens that start inside it.

    Reads the parse as arrays (no spaCy Token objects) and walks both token lists once.
    """
    from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, SENT_START, TAG

    arr = parsed.to_array([IDX, TAG, DEP, ENT_TYPE])
    if not arr[:, 1].any():
        return  # a pipeline without a tagger: the text-only reading
    rel = parsed.to_array([HEAD, SENT_START]).astype("int64")
    starts = arr[:, 0].tolist()
    tags, deps, ents = arr[:, 1].tolist(), arr[:, 2].tolist(), arr[:, 3].tolist()
    heads = [k + h for k, h in enumerate(rel[:, 0].tolist())]
    sent_ids, sent = [], 0
    for k, s in enumerate(rel[:, 1].tolist()):
        sent += k > 0 and s == 1
        sent_ids.append(sent)
    strings = parsed.vocab.strings
    names: dict[int, str] = {0: ""}

    def name(h: int) -> str:
        s = names.get(h)
        if s is None:
            s = names[h] = strings[h]
        return s

    j, n = 0, len(starts)
    first_of: dict[int, int] = {}  # spaCy index -> first grammar token index
    owner = []
    for i, t in enumerate(toks):
        while j + 1 < n and starts[j + 1] <= t.start:
            j += 1
        owner.append(j)
        first_of.setdefault(j, i)
        t.tag, t.dep, t.ent, t.sent = name(tags[j]), name(deps[j]), name(ents[j]), sent_ids[j]
    for i, t in enumerate(toks):
        t.head = first_of.get(heads[owner[i]], -1)
