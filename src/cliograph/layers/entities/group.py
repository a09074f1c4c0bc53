"""Actors that are more than a name: collective actors (`the Soviets`, `the Soviet government`), definite
descriptions (`the chairman`), and names read together in an enumeration."""
from __future__ import annotations

from .cands import DETS, Cand, clause_of, is_cap
from .lexicon import Lexicon, norm


def enumeration(lex: Lexicon, text: str, offset: int, out: list[Cand]) -> None:
    """In an enumeration of names (`Poole, Parkstone, Bournemouth, Wareham`), a name the model
    labelled apart from the places around it is a place too."""
    names = sorted((c for c in out if c.kind == "name"), key=lambda c: c.start)
    groups, cur = [], names[:1]
    for a, b in zip(names, names[1:], strict=False):
        gap = text[a.end - offset:b.start - offset].strip()
        if a.sent == b.sent and gap in (",", ";", "and", ", and", "&", "or", ", or"):
            cur.append(b)
        else:
            groups.append(cur)
            cur = [b]
    groups.append(cur)
    for g in groups:
        if len(g) < 3:
            continue
        places = sum(c.label in ("GPE", "LOC") for c in g)
        if places * 3 < len(g) * 2:
            continue
        for c in g:
            if c.label in ("PERSON", "ORG") and not c.title and " " not in c.name and \
                    norm(c.name) not in lex.given:
                c.label = "GPE"


def collective(lex: Lexicon, doc, offset: int, i: int, j: int, c: Cand, out: list, sent_of) -> bool:
    """Demonyms: `the Soviets` and `the Soviet government` stand for the state, `Soviet` is its adjective."""
    handled = False
    whole = j - i > 1 and lex.demonym(doc[i:j].text)  # `East Germans`
    for k in ([j - 1] if whole else range(i, j)):
        t = doc[k]
        parts = [(doc[i].idx, doc[i:j].text)] if whole else [(t.idx, t.text)]
        if "-" in t.text and not whole:
            pos = t.idx
            parts = []
            for p in t.text.split("-"):
                parts.append((pos, p))
                pos += len(p) + 1
        for a, word in parts:
            st = lex.demonym(word)
            lead = k  # first token of the demonym
            if k == i and i > 0 and is_cap(doc[i - 1]) and doc[i - 1].lower_ not in DETS and \
                    lex.demonym(f"{doc[i - 1].text} {word}"):
                st = lex.demonym(f"{doc[i - 1].text} {word}")  # `East German`, `North Korean`
                word = f"{doc[i - 1].text} {word}"
                a = doc[i - 1].idx
                lead = i - 1
            if not st:
                continue
            handled = True
            if whole:
                lead = i
            det = lead > 0 and doc[lead - 1].lower_ in DETS and (k == i or whole)
            nxt = doc[j] if j < len(doc) else None
            gov = None
            if nxt is not None and nxt.lower_ in lex.government_nouns:
                gov = nxt.i + 1
            elif nxt is not None and j + 1 < len(doc) and f"{nxt.lower_} {doc[j + 1].lower_}" in lex.government_nouns:
                gov = j + 2
            nominal = (j - i == 1 or whole) and len(parts) == 1 and (nxt is None or not (nxt.pos_ in ("NOUN", "PROPN") or
                                                                                nxt.text[:1].isupper()))
            if det and gov is not None and doc[gov - 1].tag_ != "NNS" or det and nominal and t.dep_ not in (
                    "amod", "compound"):
                z = doc[gov - 1] if gov else t
                s0 = offset + doc[lead - 1].idx
                s1 = offset + z.idx + len(z.text)
                m = Cand(start=s0, end=s1, label="GPE", name_start=offset + a, name_end=offset + a + len(word),
                         name=word, kind="collective", state=st.id, sent=c.sent, clause=c.clause,
                         subject=c.subject or (z.dep_ in ("nsubj", "nsubjpass")))
                out.append(m)
            else:
                m = Cand(start=offset + a, end=offset + a + len(word), label="NORP", name_start=offset + a,
                         name_end=offset + a + len(word), name=word, kind="demonym", state=st.id, sent=c.sent,
                         clause=c.clause)
                out.append(m)
    if handled:
        return True
    if c.label == "NORP":
        head = doc[i:j].root
        if not (head.dep_ not in ("amod", "compound") and (head.tag_ in ("NNPS", "NNS") or c.name.endswith("s"))):
            c.kind = "adjective"  # `Communist parties`: a mention only if the name is another's elsewhere
        out.append(c)
        return True
    return False


def descriptions(lex: Lexicon, doc, offset: int, owner, out: list, sent_of) -> None:
    """`the chairman`, `the Soviet ambassador`: definite descriptions headed by an office or rank."""
    for t in doc:
        if owner[t.i] is not None or t.pos_ not in ("NOUN", "PROPN") or t.tag_ in ("NNS", "NNPS"):
            continue
        info = lex.title(t.text)
        if not info or info["kind"] not in ("office", "rank", "noble") or t.text.endswith("."):
            continue
        if t.i + 1 < len(doc) and is_cap(doc[t.i + 1]) and doc[t.i + 1].pos_ == "PROPN":
            continue  # a title before a name, not a description
        k = t.i
        aff = None
        while k > 0 and (doc[k - 1].lower_ in lex.modifiers or lex.demonym(doc[k - 1].text)):
            st = lex.demonym(doc[k - 1].text)
            if st:
                aff = st.id
            k -= 1
        if k == 0 or doc[k - 1].lower_ not in DETS:
            continue
        a = doc[k - 1].idx
        z = t.idx + len(t.text)
        c = Cand(start=offset + a, end=offset + z, label="PERSON", name_start=offset + t.idx,
                 name_end=offset + z, name=t.text, kind="desc", role=norm(t.text), affiliation=aff,
                 sent=sent_of[t.i], clause=clause_of(t, offset, doc), gender=info.get("gender"))
        out.append(c)
