"""Event candidates from one parsed paragraph: triggers, argument phrases, PLOVER type, negation, modality.

A candidate keeps spans, not actor ids: the actors are looked up in `resolve` once the actors layer has
finished. Verbs trigger events, and so do event nouns (`the withdrawal of British troops`); a light
verb takes its type from its event-noun object (`expressed her support` is SUPPORT) and absorbs it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .grammar import NAME_ENTS, PLACE_ENTS, Arg, Grammar
from .lexicon import Lexicon, Pattern
from .tokens import Para

NEGATED_PATTERN = "negated"
DIRECT_PREPS = ("to", "with", "against", "toward", "towards", "on", "upon", "at", "into")
LATE_PREPS = ("for", "from", "of", "over")
SETTING_PREPS = ("in", "during", "at", "through", "throughout")
MISSING = object()
CUE_MEMO_MAX = 200_000  # words whose cue is remembered; past this the memo starts again (a corpus is large)


@dataclass(slots=True)
class Candidate:
    trigger: tuple[int, int]
    sentence: tuple[int, int]
    predicate: str
    category: str | None
    agents: list[Arg] = field(default_factory=list)
    patients: list[Arg] = field(default_factory=list)
    negated: bool = False
    modality: str | None = None
    place: str | None = None
    times: list[list[tuple[int, int]]] = field(default_factory=list)
    nominal: bool = False
    token: int = -1  # index of the trigger token in its paragraph (dropped with the parse)
    speech: bool = False  # a speech act typed by what it says (`told`, `said`): its quotations may retype it
    refusal: bool = False  # `we will not accept`, `I shall never agree`: in a quotation, a refusal made now


@dataclass(slots=True)
class Frame:
    """What argument patterns look at, for a verb or an event noun."""

    key: str
    lemma: str
    obj: Arg | None = None
    obj_tok: object = None
    subj: Arg | None = None
    preps: list[tuple[str, Arg, object]] = field(default_factory=list)
    comp: object = None
    naming: set[str] = field(default_factory=set)
    advmods: set[str] = field(default_factory=set)
    negated: bool = False
    infinitive: bool = False


@dataclass(slots=True)
class Reading:
    category: str | None = None
    pattern: Pattern | None = None
    absorbed: object = None  # the event-noun object a light verb took its type from
    comp_reading: Reading | None = None
    comp: object = None
    flipped: bool = False  # a negated acceptance read as a rejection
    by_content: bool = False  # a speech verb typed by its content cues (or by none)


def stem_forms(word: str) -> tuple[str, ...]:
    out = [word]
    for suf in ("ing", "ed", "s"):
        if word.endswith(suf) and len(word) > len(suf) + 2:
            base = word[: -len(suf)]
            out += [base, base + "e"]
    return tuple(out)


class Extractor:
    def __init__(self, lex: Lexicon, parsed, off: int, text: str | None = None):
        """`parsed` is the Doc of one paragraph at clean offset `off`; `text`, when given, the clean text."""
        self.lex = lex
        self.doc = Para(parsed, text, off)
        self.g = Grammar(lex, self.doc, off)
        self.absorbed: set[int] = set()
        self._reading: dict[int, Reading] = {}
        self._frame: dict[int, Frame] = {}
        self.quantity = lex.classes.get("quantity", ())

    # ------------------------------------------------------------------ classes
    def matches(self, spec: tuple[str, ...], a: Arg | None) -> bool:
        if not spec:
            return True
        if a is None:
            return False
        for s in spec:
            if s == "*":
                return True
            if s.startswith("@"):
                name = s[1:]
                if name == "person" and a.ent == "PERSON":
                    return True
                if name == "place" and a.ent in PLACE_ENTS:
                    return True
                words = self.lex.classes.get(name, ())
                if a.lemma in words or a.word in words:
                    return True
            elif s in (a.lemma, a.word):
                return True
        return False

    # -------------------------------------------------------------------- frames
    def verb_key(self, v) -> str:
        lemma = v.lemma
        for c in v.children:
            if c.dep_ == "prt":
                key = f"{lemma} {c.lower_}"
                if key in self.lex.verb_category or key in self.lex.patterns:
                    return key
                break
        return lemma

    def verb_frame(self, v) -> Frame:
        fr = self._frame.get(v.i)
        if fr is None:
            fr = self._frame[v.i] = self._verb_frame(v)
        return fr

    def _verb_frame(self, v) -> Frame:
        g = self.g
        fr = Frame(self.verb_key(v), v.lemma, subj=g.subject(v), negated=v.i in g.negated_heads,
                   infinitive=g.infinitival(v))
        if g.passive(v):
            o = g.child(v, "nsubjpass") or (v.head if v.dep_ == "acl" else None)
        else:
            o = g.object_of(v)
        if o is not None:
            fr.obj_tok = o if o.lemma not in self.quantity else g.content_noun(o)
            fr.obj = g.arg(fr.obj_tok)
        for c in v.children:
            d = c.dep_
            if d in ("prep", "dative") and c.pos_ == "ADP":
                pobj = g.pobj(c)
                if pobj is not None:
                    fr.preps.append((c.lower_, g.arg(pobj), pobj))
            elif d in ("xcomp",) or (d in ("advcl", "ccomp") and g.infinitival(c)):
                fr.comp = fr.comp or c
            elif d in ("oprd", "attr") or (d == "ccomp" and c.pos_ in ("NOUN", "ADJ")):
                ws = c.words()
                fr.naming.update([w.lemma for w in ws])
                fr.naming.update([w.lower_ for w in ws])
            elif d in ("advmod", "npadvmod", "prt"):
                fr.advmods.add(c.lower_)
        if o is not None:
            for c in o.children:
                if c.dep_ == "appos":
                    fr.naming.update([w.lemma for w in c.words()])
        return fr

    # ----------------------------------------------------------------- patterns
    def pattern_match(self, p: Pattern, fr: Frame) -> bool:
        if p.negated is not None and p.negated != fr.negated:
            return False
        if p.infinitive and not fr.infinitive:
            return False
        if p.object and not self.matches(p.object, fr.obj):
            return False
        if p.subject and not self.matches(p.subject, fr.subj):
            return False
        if p.prep and not any(pr in p.prep and (not p.pobj or self.matches(p.pobj, a)) for pr, a, _ in fr.preps):
            return False
        if p.complement and (fr.comp is None or not ("*" in p.complement or fr.comp.lemma in p.complement)):
            return False
        if p.naming and not any(w in self.lex.classes.get(n.lstrip("@"), ()) for n in p.naming for w in fr.naming):
            return False
        return not (p.advmod and not any(w in fr.advmods for w in p.advmod))

    def read_frame(self, fr: Frame, v=None) -> Reading:
        """The PLOVER type of a frame: argument patterns, then a light verb's noun, then the default."""
        pats = self.lex.patterns.get(fr.key) or (self.lex.patterns.get(fr.lemma, []) if fr.key != fr.lemma else [])
        for p in pats:
            if not self.pattern_match(p, fr):
                continue
            if p.category == "@complement":
                sub = self.verb_reading(fr.comp)
                if sub.category is None:
                    continue
                return Reading(category=sub.category, pattern=p, comp_reading=sub, comp=fr.comp)
            if p.category == "@content":
                cat = self.content_category(v, fr) if v is not None else None
                return Reading(category=cat, pattern=p)
            absorbed = fr.obj_tok if p.object and fr.obj_tok is not None and self.noun_entry(fr.obj_tok) else None
            return Reading(category=p.category, pattern=p, flipped=p.negated is True, absorbed=absorbed)
        noun = fr.obj_tok
        if noun is not None and (fr.key in self.lex.light or fr.lemma in self.lex.light):
            entry = self.noun_entry(noun)
            if entry is not None:
                sub = self.read_frame(self.noun_frame(noun, entry[1]))
                cat = sub.category or entry[1].get("category")
                if cat:
                    return Reading(category=cat, absorbed=noun)
        cat = self.lex.verb_category.get(fr.key) or (self.lex.verb_category.get(fr.lemma) if fr.key != fr.lemma
                                                     else None)
        if cat is None and v is not None and (fr.key in self.lex.speech or fr.lemma in self.lex.speech):
            return Reading(category=self.content_category(v, fr), by_content=True)
        return Reading(category=cat)

    def verb_reading(self, v) -> Reading:
        rd = self._reading.get(v.i)
        if rd is None:
            self._reading[v.i] = Reading()  # guards cycles
            rd = self._reading[v.i] = self.read_frame(self.verb_frame(v), v)
        return rd

    def content_category(self, v, fr: Frame) -> str | None:
        """What a speech act says decides its type (`a letter complaining of ...`, `"... will damage our friendship"`)."""
        words = []
        for c in v.children:
            if c.dep_ in ("ccomp", "parataxis") and not self.g.infinitival(c):
                words += c.words()
        if fr.obj_tok is not None and fr.obj is not None and fr.obj.lemma in self.lex.classes.get("document", ()):
            words += fr.obj_tok.words()
        found = {self.cue(w) for w in words}
        return next((c for c in self.lex.content_order if c in found), None)

    def cue(self, w) -> str | None:
        """The type a word of a speech act's content points to; a negated word only in its negated sense
        (`will not accept` is a refusal, `do not support` no support)."""
        if w.i in self.g.negated_heads:
            return self.lex.content_cues.get(f"not {w.lemma}")
        memo = self.lex.cue_memo
        by_lemma = memo.get(w.lower_)
        if by_lemma is not None and w.lemma in by_lemma:
            return by_lemma[w.lemma]
        found = None
        for form in stem_forms(w.lower_) + (w.lemma,):
            cat = self.lex.content_cues.get(form)
            if cat:
                found = cat
                break
        if by_lemma is None:
            if len(memo) >= CUE_MEMO_MAX:
                memo.clear()
            by_lemma = memo[w.lower_] = {}
        by_lemma[w.lemma] = found
        return found

    def refusal(self, v, fr: Frame, rd: Reading) -> bool:
        """A negated commitment of the speaker (`we will not accept`, `I shall never agree`, `we cannot
        yield`) of a cooperative act: said in a quotation, it refuses now."""
        if not fr.negated or fr.subj is None or fr.subj.pron != "speaker":
            return False
        if not any(c.dep_ == "aux" and c.lower_ in self.lex.commitment_aux for c in v.children):
            return False
        quad = self.lex.quad_of(rd.category) or ""
        return rd.flipped or quad.endswith("cooperation")

    def conditional_doer(self, v) -> Arg | None:
        """The doer of the condition an object `it`/`this` stands for (`if you send troops, we will not
        accept it`): the subject of v's `if`/`when` clause."""
        for c in v.children:
            if c.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in self.lex.act_clause_marks
                                         for m in c.children):
                return self.g.subject(c)
        return None

    # ---------------------------------------------------------------- arguments
    def patients(self, v, fr: Frame, mode: str | None, comp=None, comp_fr: Frame | None = None) -> list[Arg]:
        g = self.g
        out: list[Arg] = []
        frames = [fr] + ([comp_fr] if comp_fr is not None else [])
        if mode == "source":
            for f in frames:
                out += [a for p, a, _ in f.preps if p in self.lex.source_preps]
            for f in frames:
                if f.obj_tok is not None:
                    out += self.locations(f.obj_tok)
        elif mode == "destination":
            for f in frames:
                out += [a for p, a, _ in f.preps if p in ("to", "into", "for")]
        dative = g.child(v, "dative")
        if dative is not None and dative.pos_ != "ADP":  # `gave Egypt arms`
            out.append(g.arg(dative))
        if mode != "source":  # what is withdrawn is the theme, not the one it is withdrawn from
            direct = g.object_of(v)
            if direct is not None:
                out.append(g.arg(direct))
            if fr.obj is not None:
                out.append(fr.obj)
        if dative is not None and dative.pos_ == "ADP" and g.pobj(dative) is not None:
            out.append(g.arg(g.pobj(dative)))  # `sent a letter to Nasser`
        out += [a for p, a, _ in fr.preps if p in DIRECT_PREPS]
        for _, _, pobj in fr.preps:  # `in a conversation with X`
            out += self.meeting_partners(pobj)
        if fr.obj_tok is not None:
            out += self.modifier_args(fr.obj_tok)
        out += [a for p, a, _ in fr.preps if p in LATE_PREPS]
        if comp is not None and comp_fr is not None:
            if comp_fr.obj is not None:
                out.append(comp_fr.obj)
            out += [a for p, a, _ in comp_fr.preps if p in DIRECT_PREPS]
        return out

    def meeting_partners(self, noun) -> list[Arg]:
        if noun.lemma not in self.lex.classes.get("meeting", ()):
            return []
        out = []
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in ("with", "between"):
                pobj = self.g.pobj(c)
                if pobj is not None:
                    out.append(self.g.arg(pobj))
        return out

    def modifier_args(self, noun) -> list[Arg]:
        """Recipients inside the object phrase: `a letter addressed to X`, `support for X`."""
        out = []
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in ("to", "with", "against", "for", "on", "toward", "towards"):
                pobj = self.g.pobj(c)
                if pobj is not None:
                    out.append(self.g.arg(pobj))
            elif c.dep_ == "acl":
                for p in c.children:
                    if p.dep_ in ("prep", "dative") and p.lower_ in ("to", "for", "against", "with"):
                        pobj = self.g.pobj(p)
                        if pobj is not None:
                            out.append(self.g.arg(pobj))
        return out

    def locations(self, noun) -> list[Arg]:
        """Named places inside a phrase: `advisers working in India`, `troops in Hungary`."""
        out = []
        for c in noun.children:
            heads = [c] if c.dep_ == "prep" else [p for p in c.children if p.dep_ == "prep"] if c.dep_ == "acl" else []
            for p in heads:
                if p.lower_ in ("in", "at", "from", "inside", "within"):
                    pobj = self.g.pobj(p)
                    if pobj is not None and pobj.ent_type_ in NAME_ENTS:
                        out.append(self.g.arg(pobj))
        return out

    # --------------------------------------------------------------- candidates
    def verb_candidate(self, v) -> Candidate | None:
        g = self.g
        if v.dep_ == "acl" and v.tag_ == "VBN" and not g.child(v, "agent"):
            return None  # `a letter addressed to X` describes the letter
        if v.dep_ in ("amod", "compound"):
            return None  # `the declining empire`, `the promised leader`
        rd = self.verb_reading(v)
        fr = self.verb_frame(v)
        if rd.category is None and (fr.key in self.lex.stative or fr.lemma in self.lex.stative):
            return None
        comp_fr = None
        predicate = fr.key
        mode = rd.pattern.patient if rd.pattern else None
        if rd.absorbed is not None:
            self.absorbed.add(rd.absorbed.i)
            predicate += " " + rd.absorbed.lemma
        if rd.comp_reading is not None and rd.pattern is not None and rd.pattern.delegate:
            self.absorbed.add(rd.comp.i)
            comp_fr = self.verb_frame(rd.comp)
            mode = rd.comp_reading.pattern.patient if rd.comp_reading.pattern else mode
            predicate += " " + comp_fr.key + "".join(f" {w}" for w in sorted(comp_fr.advmods & self.lex.home_words))
        agents = [fr.subj] if fr.subj is not None else []
        if mode == "source" and fr.obj is not None:
            agents.append(fr.obj)  # `the British advisers were withdrawn`: their state withdrew them
        patients = self.patients(v, fr, mode, rd.comp if comp_fr else fr.comp, comp_fr or self.comp_frame(fr))
        if fr.obj is not None and fr.obj.word in self.lex.act_pronouns:
            doer = self.conditional_doer(v)
            if doer is not None:
                patients.insert(0, doer)
        if rd.pattern is not None and rd.pattern.swap:
            givers = [a for p, a, _ in fr.preps if p == "from"]
            agents, patients = givers, agents
        for a in agents:
            if a.pron and a.hint is None and v.dep_ in ("ccomp", "advcl", "conj", "xcomp"):
                a.hint = g.subject(v.head) if g.is_verb(v.head) else None
        negated = g.negated(v)
        if rd.flipped:
            negated, predicate = False, "not " + predicate
        place = g.place_of(v) or (g.place_of(rd.comp) if comp_fr is not None else None)
        if mode == "destination" and place is None:
            place = next((self.doc.tok_text(a_tok) for p, _, a_tok in fr.preps if p == "to" and a_tok.ent_type_ in PLACE_ENTS),
                         None)
        return Candidate(trigger=g.tok_span(v), sentence=g.sentence(v), predicate=predicate, category=rd.category,
                         agents=agents, patients=patients, negated=negated, modality=g.modality(v), place=place,
                         times=g.time_chain(v), token=v.i, speech=rd.by_content,
                         refusal=self.refusal(v, fr, rd))

    def comp_frame(self, fr: Frame) -> Frame | None:
        return self.verb_frame(fr.comp) if fr.comp is not None else None

    def noun_entry(self, n) -> tuple[int, dict] | None:
        """(first token index, entry) when n heads an event noun (`withdrawal`, `pull-out`, `air strike`)."""
        if n.pos_ != "NOUN":
            return None
        doc = self.doc.toks
        lex = self.lex
        # a two-word name is looked up only when n's word ends one (`pull-out`, `air strike`)
        if n.i >= 2 and doc[n.i - 1].lower_ == "-" and n.lower_ in lex.noun_tails:  # `-`: its text is `-`
            entry = lex.nouns.get(f"{doc[n.i - 2].lower_}-{n.lower_}")
            if entry is not None:
                return n.i - 2, entry
        if n.i >= 1 and n.lemma in lex.noun_tails:
            entry = lex.nouns.get(f"{doc[n.i - 1].lower_} {n.lemma}")
            if entry is not None:
                return n.i - 1, entry
        entry = self.lex.nouns.get(n.lemma) or self.lex.nouns.get(n.lower_)
        return (n.i, entry) if entry is not None else None

    def noun_frame(self, n, entry: dict) -> Frame:
        g = self.g
        verb = entry["verb"]
        fr = Frame(key=verb, lemma=verb.split()[0], negated=g.negated_here(n))
        role = entry.get("of")
        for c in n.children:
            if c.dep_ == "prep" and c.pos_ == "ADP":
                pobj = g.pobj(c)
                if pobj is None:
                    continue
                if c.lower_ == "of" and role in ("patient", "theme"):
                    fr.obj_tok = g.content_noun(pobj)
                    fr.obj = g.arg(fr.obj_tok)
                    by = next((b for b in pobj.children if b.dep_ == "prep" and b.lower_ == "by"), None)
                    if by is not None and g.pobj(by) is not None:  # `of Egypt by Britain`
                        fr.subj = g.arg(g.pobj(by))
                elif c.lower_ == "by":
                    fr.subj = g.arg(pobj)
                elif c.lower_ == "of" and role == "agent":
                    fr.subj = fr.subj or g.arg(pobj)
                else:
                    fr.preps.append((c.lower_, g.arg(pobj), pobj))
            elif c.dep_ == "agent":
                pobj = g.pobj(c)
                if pobj is not None:
                    fr.subj = g.arg(pobj)
            elif c.dep_ == "poss":
                fr.subj = fr.subj or g.arg(c)
            elif c.dep_ == "acl" and g.infinitival(c):
                fr.comp = c
        return fr

    def noun_candidate(self, n) -> Candidate | None:
        found = self.noun_entry(n)
        if found is None or n.i in self.absorbed or n.dep_ == "compound":
            return None
        first, entry = found
        g = self.g
        fr = self.noun_frame(n, entry)
        rd = self.read_frame(fr)
        category = rd.category or entry.get("category")
        mode = rd.pattern.patient if rd.pattern else None
        agents: list[Arg] = []
        if fr.subj is not None:
            agents.append(fr.subj)
        for c in n.lefts:  # `the British withdrawal`, `the US invasion`
            if c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ in NAME_ENTS and c.ent_type_ != "LOC":
                agents.append(g.arg(c, conj=False))
        between = next((a for p, a, _ in fr.preps if p == "between"), None)
        if between is not None:
            agents.append(between)
        gov = self.governing_verb(n)
        s = g.subject(gov) if gov is not None else None
        if s is not None and s.head != g.tok_span(n):
            for a in agents:
                if a.pron and a.hint is None:
                    a.hint = s
            if n.dep_ == "pobj" and n.head.lower_ in SETTING_PREPS:  # `in a conversation with X`, Y took part
                agents.append(s)
        patients: list[Arg] = []
        if mode == "source" or entry.get("of") == "theme":
            patients += [a for p, a, _ in fr.preps if p in self.lex.source_preps]
            if fr.obj_tok is not None:
                patients += self.locations(fr.obj_tok)
        if between is not None:
            patients += between.conj
        if fr.obj is not None and entry.get("of") == "patient":
            patients.append(fr.obj)
        patients += [a for p, a, _ in fr.preps if p in DIRECT_PREPS + ("for",)]
        theme = mode == "source" or entry.get("of") == "theme"
        if fr.obj is not None and theme:
            agents.append(fr.obj)  # `the withdrawal of the British advisers`: their state withdrew them
        elif fr.obj is not None and entry.get("of") != "patient":
            patients.append(fr.obj)
        start = g.tok_span(self.doc.toks[first])[0]
        negated = fr.negated or (gov is not None and g.negated(gov) and n.dep_ in ("dobj", "nsubjpass"))
        modality = g.modality(gov) if gov is not None else None
        times = g.time_chain(n)
        if gov is None or (gov.lemma not in self.lex.aspectual and gov.lemma not in self.lex.light):
            times = times[:1]  # `critics in 1970 saw the pull-out as a mistake`: 1970 does not date the pull-out
        return Candidate(trigger=(start, g.tok_span(n)[1]), sentence=g.sentence(n), predicate=entry["verb"],
                         category=category, agents=agents, patients=patients, negated=negated,
                         modality=modality, place=g.place_of(n), times=times, nominal=True)

    def governing_verb(self, n):
        """The verb whose clause holds noun n as subject, object or prepositional phrase."""
        t = n
        for _ in range(4):
            h = t.head
            if h is t:
                return None
            if self.g.is_verb(h):
                return h if t.dep_ in ("pobj", "prep", "dobj", "nsubj", "nsubjpass", "attr") else None
            if t.dep_ not in ("pobj", "prep"):
                return None
            t = h
        return None

    # ---------------------------------------------------------------- paragraph
    def run(self) -> tuple[list[Candidate], list[Arg], list[tuple[int, str]]]:
        """Event candidates, named clause subjects and content cues (clean offset, type) of the paragraph,
        in one pass over its tokens; the cues type the speech acts whose quotations hold them."""
        try:
            return self._run()
        finally:
            self.doc.release()

    def _run(self) -> tuple[list[Candidate], list[Arg], list[tuple[int, str]]]:
        verbs, nouns, subjects, cues = [], [], [], []
        memo = self.lex.cue_memo
        off = self.g.off
        negated = self.g.negated_heads
        for t in self.doc.toks:
            pos = t.pos_
            if t.is_alpha:  # `cue(t)`, without the call for a word met before
                by_lemma = memo.get(t.lower_) if t.i not in negated else None
                cat = by_lemma.get(t.lemma, MISSING) if by_lemma is not None else MISSING
                if cat is MISSING:
                    cat = self.cue(t)
                if cat is not None:
                    cues.append((off + t.idx, cat))
            if pos == "VERB":
                verbs.append(t)
            elif pos == "NOUN":
                nouns.append(t)
            if pos in ("PROPN", "NOUN") and t.dep_ in ("nsubj", "nsubjpass"):
                subjects.append(t)
        found = [self.verb_candidate(t) for t in verbs]  # a VERB is a verb (`is_verb`)
        # a complement carried out by the agent's own people was absorbed into its order
        out = [c for c in found if c is not None and c.token not in self.absorbed and
               (c.category or c.agents or c.patients)]
        for t in nouns:
            c = self.noun_candidate(t)
            if c is not None:
                out.append(c)
        out.sort(key=lambda c: c.trigger)
        # what a later he, she, it or they may point back to
        return out, [self.g.arg(t, conj=False) for t in subjects], cues
