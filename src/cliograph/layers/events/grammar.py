"""Dependency-parse helpers for one paragraph: argument phrases, subjects, objects, negation, modality.

Everything here reads a spaCy Doc of one paragraph and returns clean-text offsets (paragraph offset +
token.idx), so the records survive after the parse is dropped. Each helper looks only at a token's
neighbourhood in its sentence, so a paragraph costs time linear in its length (bounded climbs).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import Lexicon
from .tokens import Para, Tok

# dependency labels of clauses: a walk over a clause's own words stops at these
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "parataxis", "csubj", "csubjpass", "pcomp"})
CORE_LEFT = frozenset({"det", "amod", "compound", "nmod", "nummod", "quantmod", "predet", "punct", "nn", "case"})
NAME_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
MAX_CLIMB = 8


@dataclass(slots=True)
class Arg:
    """A phrase that may name an actor, in clean offsets; the actor is looked up after the actors layer."""

    head: tuple[int, int]
    core: tuple[int, int]  # modifiers before the head (not a possessor), through the head
    span: tuple[int, int]  # what agent_text / patient_text show
    lemma: str = ""
    word: str = ""  # the head as written, lower-case (`arms`, whose lemma is `arm`)
    ent: str = ""
    pron: str | None = None  # person, group, speaker, addressee
    people: bool = False  # the head names people or a body (`French advisers`), not a thing
    hint: Arg | None = None  # for a pronoun: the governing clause's agent, tried first
    conj: list[Arg] = field(default_factory=list)


class Grammar:
    """Helpers over one parsed paragraph (its `Para` tokens); `off` is its clean-text offset."""

    def __init__(self, lex: Lexicon, para: Para, off: int):
        self.lex = lex
        self.doc = para
        self.off = off
        self._subj: dict[int, Arg | None] = {}
        self._mod: dict[int, tuple[str | None, bool]] = {}
        self._ranges: dict[int, list[tuple[int, int]]] = {}
        self._args: dict[int, Arg] = {}  # with its coordinated phrases
        self._args1: dict[int, Arg] = {}  # alone
        self._passive: dict[int, bool] = {}
        neg = lex.negation
        # the tokens with a negating child (`not`, `never`, `no`): one look at each token
        self.negated_heads = {c.head.i for c in para.toks if (c.dep_ == "neg" or (
            c.dep_ in ("advmod", "det", "preconj") and c.lower_ in neg and c.lower_ != "without")) and c.head is not c}

    # ------------------------------------------------------------------ spans
    def tok_span(self, t) -> tuple[int, int]:
        return self.off + t.idx, self.off + t.end

    def sentence(self, t) -> tuple[int, int]:
        a, z = self.doc.sentence(t)
        off = self.off
        return off + a, off + z

    def arg(self, t: Tok, conj: bool = True) -> Arg:
        """The argument phrase headed by token t (a relative pronoun stands for the noun it modifies)."""
        memo = self._args if conj else self._args1
        key = t.i
        got = memo.get(key)
        if got is not None:
            return got
        if t.tag_ in ("WDT", "WP") and t.head.dep_ == "relcl":
            t = t.head.head
        lemma = t.lemma
        people = t.ent_type_ in NAME_ENTS or lemma in self.lex.people or t.lower_ in self.lex.people
        left = t
        for c in t.lefts:  # a possessor counts only before a body of people: `Nasser's government`
            if c.dep_ in CORE_LEFT or (c.dep_ == "poss" and people and c.pos_ == "PROPN"):
                edge = self.doc.left_edge(c) if c.children else c
                left = edge if edge.i < left.i else left
        right = t
        for c in t.rights:  # keep compound tails and `of` phrases in the shown text
            if c.dep_ in ("compound", "flat") or (c.dep_ == "prep" and c.lower_ == "of"):
                right = self.doc.right_edge(c) if c.children else c
        pron = None
        if t.pos_ == "PRON" or t.tag_ in ("PRP", "PRP$"):
            kind = self.lex.pronouns.get(t.lower_)
            if kind and kind != "relative":
                pron = kind
        off = self.off
        a = Arg((off + t.idx, off + t.end), (off + left.idx, off + t.end), (off + left.idx, off + right.end),
                lemma, t.lower_, t.ent_type_, pron, people)
        if conj and (t.rights or t.dep_ == "conj"):  # else t has no conjuncts
            a.conj = [self.arg(c, conj=False) for c in t.conjuncts if c.i > t.i]
        memo[key] = a
        return a

    # ------------------------------------------------------------- structure
    @staticmethod
    def is_verb(t) -> bool:
        return t.pos_ == "VERB" or (t.pos_ == "AUX" and t.dep_ not in ("aux", "auxpass"))

    @staticmethod
    def child(t, *deps):
        for c in t.children:
            if c.dep_ in deps:
                return c
        return None

    @staticmethod
    def pobj(t):
        """t's first `pobj` child."""
        for c in t.children:
            if c.dep_ == "pobj":
                return c
        return None

    @staticmethod
    def infinitival(t) -> bool:
        for c in t.lefts:
            if c.dep_ == "aux" and c.lower_ == "to":
                return True
        return False

    def content_noun(self, t):
        """`a series of concessions` -> concessions: look through quantity nouns."""
        for _ in range(3):
            if t is None or t.lemma not in self.lex.classes.get("quantity", ()):
                return t
            of = next((c for c in t.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
            pobj = self.pobj(of) if of is not None else None
            if pobj is None:
                return t
            t = pobj
        return t

    def passive(self, v) -> bool:
        got = self._passive.get(v.i)
        if got is None:
            got = self._passive[v.i] = self._is_passive(v)
        return got

    def _is_passive(self, v) -> bool:
        for c in v.children:
            if c.dep_ in ("nsubjpass", "csubjpass", "auxpass"):
                return True
        if v.dep_ == "conj" and v.tag_ == "VBN":
            for c in v.children:
                if c.dep_ in ("aux", "nsubj"):
                    return False
            return self.passive(v.head)
        return v.dep_ == "acl" and v.tag_ == "VBN"

    @staticmethod
    def object_of(v):
        """Direct object token of verb v (a name the parser took for an adverbial counts too)."""
        for c in v.children:
            if c.dep_ in ("dobj", "obj"):
                return c
        for c in v.rights:
            if c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
                return c
        return None

    # --------------------------------------------------------------- subject
    def subject(self, v, depth: int = 0) -> Arg | None:
        """The doer of verb v: its subject, else the one it shares with the clause it depends on."""
        memo = self._subj
        if v.i in memo:
            return memo[v.i]
        memo[v.i] = None  # guards cycles
        res = memo[v.i] = self._subject(v, depth)
        return res

    def _subject(self, v, depth: int) -> Arg | None:
        if depth > MAX_CLIMB:
            return None
        passive = self.passive(v)
        for c in v.children:
            if c.dep_ in ("nsubj", "csubj") and not passive:
                return self.arg(c)
            if c.dep_ == "agent":
                pobj = self.pobj(c)
                if pobj is not None:
                    return self.arg(pobj)
        if passive:
            return None
        h, dep = v.head, v.dep_
        if h is v:
            return None
        if dep in ("xcomp", "ccomp", "advcl") and (dep == "xcomp" or self.infinitival(v)):
            if h.pos_ == "ADJ":  # `was able to sign`, `keen not to break`
                s = self.subject(h.head, depth + 1)
                hl = h.lemma
                if s is not None and s.lemma == "it" and hl not in self.lex.implicative and \
                        hl not in self.lex.modality_verbs:
                    return None  # `it is imperative to build`: no doer named
                return s
            if h.lemma in self.lex.object_control:
                o = self.object_of(h)
                if o is not None:
                    return self.arg(o)
            preps = self.lex.prep_control.get(h.lemma, ())
            for c in h.children:  # `called on Britain to withdraw`
                if c.dep_ == "prep" and c.lower_ in preps and self.pobj(c) is not None:
                    return self.arg(self.pobj(c))
            if not self.is_verb(h):
                return None
            s = self.subject(h, depth + 1)
            if s is not None and s.lemma == "it" and h.lemma == "be" and self.doc.lemma_(h) == "be":
                return None  # `it is time to act`
            return s
        if dep in ("advcl", "conj") and self.is_verb(h):
            return self.subject(h, depth + 1)
        if dep == "acl" and v.tag_ == "VBG":
            return self.arg(h)
        if dep == "pcomp" and self.is_verb(h.head):  # `after meeting X`
            g = h.head
            if g.lemma in self.lex.object_control and self.object_of(g) is not None:
                return self.arg(self.object_of(g))  # `accused Britain of plotting`
            return self.subject(g, depth + 1)
        return None

    # -------------------------------------------------------------- negation
    def negated_here(self, t) -> bool:
        """t has a negating child."""
        return t.i in self.negated_heads

    def negated(self, v) -> bool:
        """Negated here, or the complement of `fail to`, `refuse to`, or of a negated attempt."""
        if v.i in self.negated_heads:
            return True
        t = v
        for _ in range(MAX_CLIMB):
            h = t.head
            if h is t or t.dep_ not in ("xcomp", "ccomp", "advcl", "conj", "acomp"):
                return False
            if t.dep_ == "advcl" and not self.infinitival(t):
                return False
            if t.dep_ == "ccomp" and h.lemma in self.lex.speech:
                return False
            hl = h.lemma
            if t.dep_ != "conj" and hl in self.lex.negating_verbs:
                return True
            if h.i in self.negated_heads:
                return t.dep_ != "conj" and (hl in self.lex.modality_verbs or hl in self.lex.implicative)
            t = h
        return False

    # -------------------------------------------------------------- modality
    def modality(self, v) -> str | None:
        """attempt, intent, directive, purpose, possible, future, conditional, hypothetical, reported, ..."""
        got = self._mod.get(v.i)
        if got is not None:
            return got[0]
        self._mod[v.i] = (None, False)
        m = self._modality(v)
        self._mod[v.i] = (m, True)
        return m

    def _modality(self, v) -> str | None:
        own = None
        consequent = False
        for c in v.children:
            if c.dep_ == "mark" and c.lower_ in self.lex.hypothetical_marks:
                return "hypothetical"
            if c.dep_ == "aux" and c.lower_ in self.lex.modal_aux and own is None:
                own = self.lex.modal_aux[c.lower_]
            if c.dep_ == "advcl" and not consequent:
                for m in c.children:
                    if m.dep_ == "mark" and m.lower_ in self.lex.condition_marks:
                        consequent = True
                        break
        if consequent:  # `if X attacks, Y will fight`: Y's fighting hangs on the condition
            return own if own in ("possible", "obligation") else "conditional"
        h, dep = v.head, v.dep_
        if h is v:
            return own
        if v.lemma in self.lex.speech and any(c.dep_ == "nsubj" and c.i > v.i for c in v.children):
            return own  # `"...," said Chen`: an attribution, whatever clause the parser hung it on
        hl = h.lemma
        if dep == "ccomp" and hl in self.lex.speech:
            if own == "conditional":  # `said it would withdraw`: future in the past
                own = "future"
            return own or self.lex_report()
        if dep in ("xcomp", "ccomp", "advcl", "acomp") and (dep != "advcl" or self.infinitival(v)):
            if h.pos_ == "ADJ":
                if hl in self.lex.modality_verbs:
                    return own or self.lex.modality_verbs[hl]
                return own or (self.modality(h.head) if hl in self.lex.implicative else "intent")
            if hl in self.lex.modality_verbs and not (dep == "advcl"):
                return own or self.lex.modality_verbs[hl]
            if hl in self.lex.implicative or dep == "ccomp":
                return own or self.modality(h)
            if dep == "advcl":
                return own or "purpose"
            return own or self.modality(h)
        if dep == "conj" and self.is_verb(h):
            return own or self.modality(h)
        if dep == "advcl":
            return own or None
        return own

    def lex_report(self) -> str:
        return "reported"

    # ---------------------------------------------------------------- ranges
    def clause_ranges(self, t) -> list[tuple[int, int]]:
        """Clean ranges of the words of t's own clause (or noun phrase), not entering embedded clauses."""
        got = self._ranges.get(t.i)
        if got is not None:
            return got
        found = [t.i]
        stack = [t]
        while stack:
            for c in stack.pop().children:
                d = c.dep_
                # a verb in `conj` is a clause of its own (`is_verb`, whose AUX test spares `conj`)
                if d in CLAUSE_DEPS or (d == "conj" and c.pos_ in ("VERB", "AUX")):
                    continue
                stack.append(c)
                found.append(c.i)
        found.sort()
        toks = self.doc.toks
        off = self.off
        merged: list[tuple[int, int]] = []
        a = z = -2
        for i in found:  # words one space apart make one range
            w = toks[i]
            if w.idx <= z + 1:
                z = max(z, w.end)
            else:
                if z >= 0:
                    merged.append((off + a, off + z))
                a, z = w.idx, w.end
        if z >= 0:
            merged.append((off + a, off + z))
        self._ranges[t.i] = merged
        return merged

    def time_chain(self, t) -> list[list[tuple[int, int]]]:
        """t's own clause ranges, then those of the clauses governing it (innermost first)."""
        chain = [self.clause_ranges(t)]
        x = t
        for _ in range(3):
            if x.head is x or x.dep_ not in ("ccomp", "xcomp", "advcl", "conj", "acomp", "pobj", "prep", "dobj",
                                             "nsubj", "nsubjpass", "attr", "oprd", "pcomp"):
                break
            h = x.head
            while not self.is_verb(h) and h.pos_ != "ADJ" and h.dep_ in ("prep", "pobj", "pcomp"):
                h = h.head
            if h is x:
                break
            chain.append(self.clause_ranges(h))
            x = h
        return chain

    # ----------------------------------------------------------------- place
    def place_of(self, t) -> str | None:
        """A named place in one of t's own prepositional phrases (`in Belgrade`, `to Delhi`), or in
        its object's (`met Nehru in Belgrade`, where the parser hangs the place on the object)."""
        o = self.object_of(t) if self.is_verb(t) else None
        for x, preps in ((t, self.lex.place_preps), (o, ("in", "at"))):
            if x is None:
                continue
            for c in x.children:
                if c.dep_ == "prep" and c.lower_ in preps:
                    pobj = self.pobj(c)
                    if pobj is not None and pobj.ent_type_ in PLACE_ENTS:
                        return self.ent_text(pobj)
        return None

    def ent_text(self, t: Tok) -> str:
        """The named entity holding t, walked out through its I- tokens."""
        doc, a, z = self.doc, t.i, t.i
        while doc.ent_iob_(a) == "I" and a > 0:
            a -= 1
        while z + 1 < len(doc) and doc.ent_iob_(z + 1) == "I":
            z += 1
        return doc.span_text(a, z)
