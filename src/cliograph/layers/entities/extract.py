"""Mention candidates of one parsed paragraph, corrected where the small model fails on history prose.

Everything here reads one spaCy Doc and returns plain records with clean-text offsets, so the Doc can
be dropped as soon as the paragraph is done. Decisions that need the whole document (one label per
name, aliases, descriptions) are taken later, in `cluster` and `resolve`.
"""
from __future__ import annotations

from .cands import (
    BLOCK,
    HYPHENS,
    LABELS,
    ORDINAL_ENDS,
    PLACE_PREPS,
    PLACE_PREPS_OF,
    QUOTE_CHARS,
    Cand,
    Found,
    Loose,
    Tokens,
    clause_of,
    is_cap,
    is_name_token,
)
from .group import collective, descriptions, enumeration
from .lexicon import Lexicon, norm

__all__ = ["Cand", "Extractor", "Found", "Loose"]


class Extractor:
    def __init__(self, lex: Lexicon, nouns: frozenset[str] | None = frozenset()) -> None:
        self.lex = lex
        self.sent = 0
        self.nouns = nouns  # common nouns and verbs of the model's lemmatizer tables
        self.verbs: frozenset[str] = frozenset()

    def paragraph(self, parsed, offset: int, found: Found) -> None:
        lex = self.lex
        n = len(parsed)
        if not n:
            return
        parsed = Tokens(parsed)
        sent_of = [0] * n
        if parsed.has_annotation("SENT_START"):
            for s in parsed.sents:
                self.sent += 1
                for i in range(s.start, s.end):
                    sent_of[i] = self.sent
        else:  # a pipeline without parser or sentencizer: the paragraph is one sentence
            self.sent += 1
            sent_of = [self.sent] * n
        owner: list[Cand | None] = [None] * n
        cands: list[tuple[int, int, Cand]] = []  # token range and candidate

        for t in parsed:
            if t.is_alpha and t.text.islower():
                found.lower.add(t.text)

        def add(i: int, j: int, c: Cand) -> None:
            for k in range(i, j):
                owner[k] = c
            cands.append((i, j, c))

        for e in parsed.ents:
            if e.label_ not in LABELS:
                continue
            i, j = self._trim(parsed, e.start, e.end, e.label_)
            if i >= j or not any(is_cap(parsed[k]) for k in range(i, j)):
                continue
            if all(lex.title(parsed[k].text) or norm(parsed[k].text) in lex.postnominals or
                   norm(parsed[k].text) in lex.not_names for k in range(i, j)):
                continue  # `Esq`, `Captain`, `B.C.` alone: not a name
            if j - i == 1 and (self._verb_form(parsed[i]) or self._plural_noun(parsed, i, e.label_)):
                continue  # `Resolved, That ...`, `Sovereigns`, `Yachts`: words, not names
            j = self._join_broken(parsed, i, j)
            label = e.label_
            if j + 1 < n and parsed[j].text == "-" and not parsed[j - 1].whitespace_ and \
                    not parsed[j].whitespace_ and norm(parsed[j + 1].text) in lex.facility_words:
                j, label = j + 2, "FAC"  # `Stamford-street`
            if any(owner[k] for k in range(i, j)):
                continue
            c = self._cand(parsed, offset, i, j, label, sent_of)
            add(i, j, c)

        for t in parsed:
            if owner[t.i] is None and t.ent_type_ and t.ent_type_ not in LABELS:
                owner[t.i] = BLOCK  # dates, numbers, works, laws: not names of actors
        self._titled(parsed, offset, owner, cands, add, sent_of)
        self._given_names(parsed, offset, owner, add, sent_of)
        self._family_first(parsed, offset, owner, add, sent_of, found.lower)
        self._places(parsed, offset, owner, add, sent_of, found.lower)
        out = []
        for i, j, c in cands:
            if c.label == "PERSON":
                self._title_before(parsed, offset, i, c, owner)
                self._postnominal(parsed, offset, j, c)
            if c.label == "NORP" or lex.demonym(c.name):
                if collective(lex, parsed, offset, i, j, c, out, sent_of):
                    continue
                if c.label == "NORP":
                    continue
            self._fix_label(parsed, i, j, c)
            self._acronym_part(parsed, offset, i, j, c, out)
            out.append(c)
        out = [c for c in out if c.kind != "drop"]
        enumeration(lex, parsed.text, offset, out)
        descriptions(lex, parsed, offset, owner, out, sent_of)
        out.sort(key=lambda c: (c.start, -c.end))
        found.cands.extend(out)
        self._loose(parsed, offset, owner, found, sent_of)

    def _verb_form(self, t) -> bool:
        """A verb's past form (`Resolved`, `Ordered`), by its tag or by the verbs the model knows. Not -ing
        forms: towns and families are called `Reading` and `Browning`."""
        if t.tag_ in ("VBD", "VBN"):
            return True
        low = t.text.lower()
        if norm(low) in self.lex.given or not low.endswith("ed") or len(low) < 6:
            return False
        stem = low[:-2]
        return any(x in self.verbs for x in (stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else ""))

    def _plural_noun(self, doc, i: int, label: str) -> bool:
        """A capitalized plural of a common noun, not after `the` (`the Alps` stays a name)."""
        w = doc[i].text
        if label == "PERSON" or not self.nouns or (i > 0 and doc[i - 1].lower_ == "the") or \
                self.lex.canonical(w) or self.lex.demonym(w):
            return False
        low = w.lower()
        if low.endswith("men"):
            return low[:-3] + "man" in self.nouns
        if not low.endswith("s") or len(low) < 4:
            return False
        return any(x in self.nouns for x in (low[:-1], low[:-2] if low.endswith("es") else "",
                                               low[:-3] + "y" if low.endswith("ies") else ""))

    # -- boundaries

    def _trim(self, doc, i: int, j: int, label: str) -> tuple[int, int]:
        # the article is not part of a name (`the Soviet Union`), unless capitalized inside a sentence
        # (`in The Hague`); nor an adverb opening the sentence (`Later Ngo Dinh Diem`)
        while i < j and (doc[i].text in QUOTE_CHARS or doc[i].is_punct or
                         (doc[i].text == "the" or doc[i].text == "The" and doc[i].is_sent_start) or
                         j - i > 1 and doc[i].is_sent_start and doc[i].pos_ in ("ADV", "SCONJ", "CCONJ", "ADP")):
            i += 1
        while j > i and (doc[j - 1].text in QUOTE_CHARS or doc[j - 1].is_punct and doc[j - 1].text != "." or
                         doc[j - 1].tag_ == "POS" or doc[j - 1].lower_ in ("'s", "’s")):
            j -= 1
        # a final period belongs to an abbreviation or initial (`Co.`, `J.`), not to the sentence
        if j > i and doc[j - 1].text == "." and (j - 1 == i or len(doc[j - 2].text) > 3):
            j -= 1
        if label == "PERSON":
            lex = self.lex
            for k in range(j - 1, i, -1):  # a sentence ends inside the name (`India. Alexander`)
                if doc[k].is_sent_start or doc[k - 1].text == "." and k - 2 >= i and len(doc[k - 2].text) > 1 and \
                        not lex.title(doc[k - 2].text) and norm(doc[k - 2].text) not in lex.given:
                    i = k
                    break
            # words before a name that are no part of it (`Thence Alexander`, `B.C. Alexander`)
            while j - i > 1 and (doc[i].is_stop and doc[i].lower_ not in lex.particles or
                                 norm(doc[i].text) in lex.not_names):
                i += 1
            while j - i > 1 and lex.demonym(doc[j - 1].text):  # `Alexander Greeks`
                j -= 1
        return i, j

    def _join_broken(self, doc, i: int, j: int) -> int:
        """Take in the rest of a word broken at a line end (`Mich¬ igan`, `Musso¬ lini`)."""
        while j < len(doc) and doc[j - 1].text.endswith(HYPHENS[:1]) and doc[j].text[:1].islower():
            j += 1
        return j

    def _cand(self, doc, offset: int, i: int, j: int, label: str, sent_of, kind: str = "name") -> Cand:
        a, z = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
        head = doc[i:j].root
        c = Cand(start=offset + a, end=offset + z, label=label, name_start=offset + a, name_end=offset + z,
                 name=doc.text[a:z], kind=kind, sent=sent_of[i], clause=clause_of(head, offset, doc),
                 initial=doc[i].is_sent_start or (i > 0 and doc[i - 1].text in QUOTE_CHARS and
                                                  doc[i - 1].is_sent_start))
        c.subject = head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_ in self.lex.agent_verbs
        c.personal = head.dep_ == "nsubj" and head.head.lemma_ in self.lex.person_verbs
        if label in ("GPE", "LOC") and i > 0 and doc[i - 1].lower_ in PLACE_PREPS:
            c.strong = True
        if j < len(doc) and doc[j].lower_ in ("himself", "herself"):
            c.label, c.strong = "PERSON", True  # `Washington himself`: a person, whatever the model said
            c.gender = "m" if doc[j].lower_ == "himself" else "f"
        return c

    # -- persons

    def _office_of(self, doc, first: int, c: Cand, owner) -> int:
        """`Secretary of State Dean Acheson`, `Ambassador to Beijing Stepan Chervonenko`: an office with its
        department or post before a name. Returns the first token of the office (or `first` if none); the
        department is part of the title, not an actor of its own here."""
        lex = self.lex
        m, caps = first - 1, 0
        while m >= 0 and caps < 3 and is_cap(doc[m]) and not lex.title(doc[m].text):
            m, caps = m - 1, caps + 1
        if caps and m >= 1 and doc[m].lower_ == "the":
            m -= 1
        if not (caps and m >= 1 and doc[m].lower_ in ("of", "to", "for") and is_cap(doc[m - 1]) and
                (lex.title(doc[m - 1].text) or {}).get("kind") in ("office", "rank", "noble")):
            return first
        for x in range(m + 1, first):
            if owner[x] is not None and owner[x] is not c and owner[x].label in ("ORG", "GPE", "LOC"):
                if owner[x].label == "ORG":
                    owner[x].kind = "drop"  # `State` of `Secretary of State`
        return m - 1

    def _title_before(self, doc, offset: int, i: int, c: Cand, owner) -> None:
        """Take the title words right before a name into the mention (`Foreign Minister Chen Yi`)."""
        lex = self.lex
        k = i
        # titles the model put inside the name
        while k < len(doc) and doc[k].idx + offset < c.name_end and lex.title(doc[k].text) and \
                doc[k].idx + offset + len(doc[k].text) < c.name_end:
            k += 1
        if k > i and not any(ch.isalpha() for ch in doc.text[doc[k].idx:c.name_end - offset]):
            k = i  # `the Elder.`: the title word is all there is
        if k > i:
            c.name_start = offset + doc[k].idx
            c.name = doc.text[doc[k].idx:c.name_end - offset]
        first = i
        # given names and initials the model left out (`Wm. W. Cowper` read as `W. Cowper`)
        while first > 0 and k == i and not doc[first].is_sent_start:
            b, t = self._word_before(doc, first)
            w = norm(t.text)
            dotted = b < first - 1 or t.text.endswith(".")
            if t.text[:1].isupper() and (not dotted and w in lex.given and not lex.title(t.text) or
                                         dotted and (len(w) == 1 or w in lex.given_abbreviations)):
                first = b
                c.start = c.name_start = offset + doc[first].idx
                c.name = doc.text[doc[first].idx:c.name_end - offset]
                i = k = first
            else:
                break
        has_title = k > i
        office = self._office_of(doc, first, c, owner) if k == i else first
        detached = office < first
        if detached:
            first, has_title = office, True
        while first > 0:
            b, t = self._word_before(doc, first)
            w = norm(t.text)
            if lex.title(t.text) and (is_cap(t) or lex.title(t.text)["kind"] in ("rank", "honorific", "noble")):
                has_title = True
            elif w in lex.modifiers and is_cap(t) and has_title:
                pass
            else:
                break
            first = b
        if first < k and has_title:
            c.title = doc.text[doc[first].idx:c.name_start - offset].strip()
            if not detached:  # an office with its post is recorded, the mention stays the name
                c.start = offset + doc[first].idx
            c.strong = True
            for x in range(first, k):
                g = (lex.title(doc[x].text) or {}).get("gender")
                c.gender = g or c.gender
            self._affiliation(doc, first, c)

    @staticmethod
    def _word_before(doc, k: int):
        """Index and token of the word before token k, an abbreviation's period taken with it (`Capt .`),
        a hyphenated title as one (`Secretary - General`)."""
        if k >= 2 and doc[k - 1].text == "." and not doc[k - 2].whitespace_ and doc[k - 2].is_alpha:
            return k - 2, doc[k - 2]
        if k >= 3 and doc[k - 2].text == "-" and not doc[k - 3].whitespace_ and not doc[k - 2].whitespace_:
            return k - 3, doc[k - 3]
        return k - 1, doc[k - 1]

    def _affiliation(self, doc, first: int, c: Cand) -> None:
        """A demonym before a title (`Soviet Ambassador`, `Chinese President`) names the affiliation."""
        if first > 0:
            st = self.lex.demonym(doc[first - 1].text)
            if st:
                c.affiliation = st.id

    def _postnominal(self, doc, offset: int, j: int, c: Cand) -> None:
        """`Rizup Rawles, Esq.`: the postnominal belongs to the mention."""
        k = j
        if k < len(doc) and doc[k].text == ",":
            k += 1
        if k < len(doc) and norm(doc[k].text) in ("esq", "esquire", "jr", "sr", "bart"):
            c.end = offset + doc[k].idx + len(doc[k].text)
            if k + 1 < len(doc) and doc[k + 1].text == "." and doc[k + 1].idx == doc[k].idx + len(doc[k].text):
                c.end += 1

    def _run(self, doc, k: int, owner) -> int:
        """End of the run of name tokens starting at k (initials and particles inside)."""
        lex = self.lex
        m = k
        while m < len(doc) and owner[m] is None and is_name_token(doc[m], lex) and not (
                m > k and (doc[m].is_sent_start and doc[m - 1].text in ".!?" or lex.title(doc[m].text) and lex.title(doc[m].text)["kind"] != "office")):
            if doc[m].lower_ in lex.particles and (m + 1 >= len(doc) or not is_cap(doc[m + 1])):
                break
            w = doc[m].text
            if w.endswith(".") and len(w) > 2 and norm(w) not in lex.given and not lex.title(w) or \
                    norm(w) in lex.not_names:
                break  # `India.` ends a sentence; `B.C.` is no name
            m += 1
        while m > k and doc[m - 1].lower_ in lex.particles:
            m -= 1
        return m

    def _titled(self, doc, offset: int, owner, cands, add, sent_of) -> None:
        """Names the model missed after a title: `Mr. Brooke`, `Ambassador to Beijing Stepan Chervonenko`."""
        lex = self.lex
        n = len(doc)
        for t in doc:
            if owner[t.i] is not None or not is_cap(t) or not lex.title(t.text):
                continue
            k = t.i + 1
            if k < n and doc[k].text == "." and not t.whitespace_:
                k += 1
            if k + 1 < n and doc[k].lower_ in ("to", "of", "in") and owner[k + 1] is not None and \
                    owner[k + 1].label in ("GPE", "LOC"):
                g = owner[k + 1]
                k = k + 1
                while k < n and owner[k] is g:
                    k += 1
            if k >= n or owner[k] is not None or not is_cap(doc[k]) or lex.title(doc[k].text):
                continue
            m = self._run(doc, k, owner)
            if m == k or norm(doc[m - 1].text) in lex.place_words:
                continue
            if lex.canonical(doc[k:m].text) or any(lex.demonym(doc[x].text) for x in range(k, m)):
                continue
            c = self._cand(doc, offset, k, m, "PERSON", sent_of)
            c.strong = True
            if k > t.i + 2:  # title phrase apart from the name: record it, keep the mention to the name
                c.title = doc.text[t.idx:doc[k - 1].idx + len(doc[k - 1].text)]
                c.gender = lex.title(t.text).get("gender")
                self._affiliation(doc, t.i, c)
            add(k, m, c)

    def _family_first(self, doc, offset: int, owner, add, sent_of, lower: set[str]) -> None:
        """`Ngo Dinh Diem`, `Zhou Enlai`: a family name written first and one or two syllables after it."""
        lex = self.lex
        n, i = len(doc), 0
        while i < n:
            t = doc[i]
            if owner[i] is not None or not is_cap(t) or t.lower_ not in lex.family_first or t.is_sent_start:
                i += 1
                continue
            m = self._run(doc, i, owner)
            if self._family_first_name([doc[x].text for x in range(i, m)], lower):
                add(i, m, self._cand(doc, offset, i, m, "PERSON", sent_of))
            i = max(m, i + 1)

    def _family_first_name(self, words: list[str], lower: set[str]) -> bool:
        lex = self.lex
        return 2 <= len(words) <= 3 and words[0].lower() in lex.family_first and \
            all(w.isalpha() or "-" in w for w in words) and not any(
                w.lower() in lower or norm(w) in lex.given or w.lower() in lex.place_words or lex.title(w) or
                lex.canonical(w) or lex.demonym(w) for w in words[1:])

    def _given_names(self, doc, offset: int, owner, add, sent_of) -> None:
        """`ROBERT HAMILTON`, `Simeon Colton`: a known given name and a capitalized surname after it."""
        lex = self.lex
        n = len(doc)
        i = 0
        while i < n:
            t = doc[i]
            if owner[i] is not None or not is_cap(t) or norm(t.text) not in lex.given or t.is_sent_start and \
                    t.text.lower() in ("will", "may", "mark", "hope", "grace"):
                i += 1
                continue
            m = self._run(doc, i, owner)
            if m - i < 2 or m - i > 4 or norm(doc[m - 1].text) in lex.place_words or \
                    len(doc[m - 1].text.rstrip(".")) < 2 or lex.canonical(doc[i:m].text):
                i = max(m, i + 1)
                continue
            c = self._cand(doc, offset, i, m, "PERSON", sent_of)
            add(i, m, c)
            i = m

    def _places(self, doc, offset: int, owner, add, sent_of, lower: set[str]) -> None:
        """`of Yeovil,`, `at Gibraltar.`: a capitalized name alone between a place preposition and a
        stop is a place, unless it is a word the text also writes in lowercase."""
        lex = self.lex
        n = len(doc)
        for t in doc:
            if t.lower_ not in PLACE_PREPS_OF or t.i + 1 >= n:
                continue
            k = t.i + 1
            if owner[k] is not None or not is_cap(doc[k]) or doc[k].is_stop or lex.title(doc[k].text) or \
                    norm(doc[k].text) in lex.given or doc[k].is_sent_start:
                continue
            m = self._run(doc, k, owner)
            if m == k or m - k > 3 or m < n and not (doc[m].is_punct and doc[m].text in ",.;:)"):
                continue
            if any(doc[x].text.lower() in lower or not doc[x].is_alpha and "-" not in doc[x].text
                   for x in range(k, m)) or m - k == 1 and (self._plural_noun(doc, k, "GPE") or
                                                             self._verb_form(doc[k])):
                continue
            c = self._cand(doc, offset, k, m, "GPE", sent_of)
            c.strong = True
            add(k, m, c)

    # -- labels

    def _fix_label(self, doc, i: int, j: int, c: Cand) -> None:
        lex = self.lex
        if c.label == "PERSON" and c.strong:
            return  # a title or a reflexive said so
        last = norm(doc[j - 1].text)
        if c.label in ("ORG", "PERSON") and not c.title and (
                j - i > 1 and last in lex.facility_words or "-" in last and last.rsplit("-", 1)[1] in lex.facility_words):
            c.label = "FAC"  # `Music Hall`, `Jermyn-street`
            return
        low = c.name.lower()
        if c.label in ("ORG", "PERSON") and j - i == 1 and not c.title and not c.strong and \
                low.endswith(lex.place_suffixes) and len(low) > 6 and norm(low) not in lex.given:
            c.label = "GPE"  # `Manchester`, `Weymouth`: the ending of a town's name
            return
        if c.label in ("ORG", "PERSON") and j - i == 1 and not c.title and norm(doc[i].text) not in lex.given and \
                i > 0 and (doc[i - 1].lower_ in ("in", "at", "near") or
                           doc[i - 1].lower_ == "of" and i > 1 and doc[i - 2].text == ","):
            c.label, c.strong = "GPE", True  # `in Manchester`, `Mr. Pickstone, of Hyde`
            return
        canon = lex.canonical(c.name)
        if canon and c.label != canon.type and not (c.label == "PERSON" and c.title):
            c.label = canon.type
            return
        if c.label == "ORG" and doc[j - 1].lower_ in lex.meeting_nouns and any(
                doc[k].ent_type_ == "ORDINAL" or doc[k].lower_.endswith(ORDINAL_ENDS)
                for k in range(max(0, i - 2), j - 1)):
            c.label = "EVENT"  # `the twenty-second Congress`: a meeting, not the body
            return
        key = c.name.casefold()
        words = c.name.split()
        if c.label in ("ORG", "GPE", "NORP") and 1 < len(words) <= 3 and (
                self._family_first_name(words, set()) or norm(words[0]) in lex.given and
                words[-1][:1].isupper() and not lex.canonical(c.name) and
                not any(w.lower() in lex.place_words or w.lower() in lex.organ_words for w in words)):
            c.label = "PERSON"  # `Ngo Dinh Diem`, `Imre Nagy` read as an organisation
            return
        if c.label in ("ORG", "PERSON", "NORP", "LOC") and key in lex.capitals and not c.title:
            c.label = "GPE"
            return
        if c.label in ("ORG", "NORP") and j - i == 1:
            # coordinated with a place: `between Leningrad and Minsk`
            t = doc[i]
            if t.dep_ == "conj" and t.head.ent_type_ in ("GPE", "LOC"):
                c.label = t.head.ent_type_
            elif any(ch.dep_ == "conj" and ch.ent_type_ in ("GPE", "LOC") for ch in t.children):
                c.label = next(ch.ent_type_ for ch in t.children if ch.dep_ == "conj" and ch.ent_type_)

    def _acronym_part(self, doc, offset: int, i: int, j: int, c: Cand, out: list) -> None:
        """`CCP Central Committee`, `CPSU Presidium`: a party's organ acts for the party (as `the Soviet
        government` for the state); in another body's name (`CCP Youth League`) the party is a mention too."""
        if c.label != "ORG" or j - i < 2:
            return
        k = i + (doc[i].lower_ == "the")
        canon = self.lex.canonical(doc[k].text)
        if k < j - 1 and canon and canon.type == "ORG" and doc[k].text.isupper():
            if all(doc[x].lower_ in self.lex.organ_words for x in range(k + 1, j)):
                c.kind, c.state = "collective", canon.id  # the party's own organ speaks for the party
                return
            p = Cand(start=offset + doc[k].idx, end=offset + doc[k].idx + len(doc[k].text), label="ORG",
                     name_start=offset + doc[k].idx, name_end=offset + doc[k].idx + len(doc[k].text),
                     name=doc[k].text, kind="part", sent=c.sent, clause=c.clause)
            out.append(p)

    # -- collective actors

    def _loose(self, doc, offset: int, owner, found: Found, sent_of) -> None:
        lex = self.lex
        i, n = 0, len(doc)
        while i < n:
            t = doc[i]
            if owner[i] is not None or not is_cap(t) or t.is_stop or lex.title(t.text):
                i += 1
                continue
            m = self._run(doc, i, owner)
            if m <= i:
                i += 1
                continue
            if m < n and doc[m].lower_ in ("himself", "herself"):
                c = self._cand(doc, offset, i, m, "PERSON", sent_of)  # `Washington himself`
                found.cands.append(c)
                i = m
                continue
            toks = [(offset + doc[k].idx, offset + doc[k].idx + len(doc[k].text), doc[k].text) for k in range(i, m)]
            initial = t.is_sent_start or (i > 0 and doc[i - 1].is_sent_start and doc[i - 1].text in QUOTE_CHARS)
            found.loose.append(Loose(toks, initial, sent_of[i], clause_of(t, offset, doc)))
            i = m
