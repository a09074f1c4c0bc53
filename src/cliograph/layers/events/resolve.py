"""From candidates to Event records, once the actors, quotes and time layers have finished.

Actors come from the actor mentions (a mention over the phrase's head first, then over its modifiers),
pronouns from the governing clause's agent or the last fitting subject, `we`/`you` inside a quotation
from its speaker/addressee. Dates come from a timex in the event's own clause, else in the clauses
governing it, else the narrative time at the trigger. A speech act takes its type from all the
quotations of its utterance (`utterance`), and a negated commitment of the speaker inside one is a refusal
made now. Every lookup is a bisect over sorted lists.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace

from ...model import Event, Span, make_span
from ...model.cite import citer
from .extract import Candidate
from .grammar import Arg
from .lexicon import Lexicon
from .utterance import Utterances

POINT_TYPES = ("DATE", "TIME")
HISTORY_BACK = 40  # subjects looked at, at most, when a pronoun points back
MAX_CONJUNCTS = 4  # `A, B, C and D`: at most this many actors on one side of an event


def _mentions(ctx) -> list[tuple[int, int, str, str]]:
    got = ctx.data.get("mentions")
    if got is not None:
        return list(got)
    out = [(m.start, m.end, a.id, m.label) for a in ctx.doc.actors for m in a.mentions]
    out.sort()
    return out


class Resolver:
    def __init__(self, ctx, lex: Lexicon):
        self.ctx = ctx
        self.doc = ctx.doc
        self.lex = lex
        self.mentions = _mentions(ctx)
        self.m_starts = [m[0] for m in self.mentions]
        self.m_span = max((m[1] - m[0] for m in self.mentions), default=0)
        self.types = {a.id: a.type for a in self.doc.actors}
        quotes = sorted((q for q in self.doc.quotes if q.kind == "speech"), key=lambda q: q.start)
        self.quotes = quotes
        self.q_starts = [q.start for q in quotes]
        self.q_span = max((q.end - q.start for q in quotes), default=0)
        timex = [t for t in self.doc.timex if t.type in POINT_TYPES and t.value]
        timex.sort(key=lambda t: t.start)
        self.timex = timex
        self.t_starts = [t.start for t in timex]
        self.t_span = max((t.end - t.start for t in timex), default=0)
        self.time_at = ctx.data.get("time_at")
        self.history: list[tuple[int, str]] = []
        self.h_pos: list[int] = []
        self.cite = citer(self.doc)
        self._sentences: dict[tuple[int, int], tuple[int, int, str]] = {}  # (start, end) -> source offsets, text

    # ----------------------------------------------------------------- actors
    def overlapping(self, a: int, z: int) -> list[tuple[int, int, str, str]]:
        i = bisect_left(self.m_starts, z)
        out = []
        while i > 0:
            i -= 1
            m = self.mentions[i]
            if m[0] < a - self.m_span:
                break
            if m[1] > a:
                out.append(m)
        return out

    def named_actor(self, arg: Arg) -> str | None:
        """The actor of a named phrase: a mention over its head, else the one nearest the head."""
        found = self.overlapping(*arg.core)
        if not found:
            return self.ctx.actor_at(*arg.head) if not self.mentions else None
        h0, h1 = arg.head
        for m in found:
            if m[0] < h1 and m[1] > h0:
                return m[2]
        if not arg.people:  # `Anglo-Egyptian relations`, `British policy`: a modifier, not a doer
            return None
        return max(found, key=lambda m: m[1])[2]

    def actor_of(self, arg: Arg, depth: int = 0) -> str | None:
        if arg.pron is None:
            return self.named_actor(arg)
        return self.pronoun(arg, depth)

    def fits(self, actor: str, kind: str) -> bool:
        t = self.types.get(actor)
        if t is None or kind not in ("person", "group"):
            return True
        return (t == "PERSON") == (kind == "person")

    def pronoun(self, arg: Arg, depth: int) -> str | None:
        linked = self.named_actor(arg) if self.mentions else None
        if linked is not None:  # the actors layer linked this pronoun itself
            return linked
        pos = arg.head[0]
        if arg.pron in ("speaker", "addressee"):
            q = self.quote_at(pos)
            if q is None:
                return None
            return q.speaker if arg.pron == "speaker" else q.addressee
        if arg.hint is not None and depth < 4:
            h = self.actor_of(arg.hint, depth + 1)
            if h is not None and self.fits(h, arg.pron):
                return h
        i = bisect_left(self.h_pos, pos)
        for j in range(i - 1, max(i - 1 - HISTORY_BACK, -1), -1):
            actor = self.history[j][1]
            if self.fits(actor, arg.pron):
                return actor
        return None

    def quote_at(self, pos: int):
        i = bisect_right(self.q_starts, pos)
        while i > 0:
            i -= 1
            q = self.quotes[i]
            if q.start < pos - self.q_span:
                break
            if q.start <= pos < q.end:
                return q
        return None

    def learn_subjects(self, subjects: list[Arg]) -> None:
        """Resolve the named subjects once, in text order, for pronouns to point back to."""
        for arg in subjects:
            actor = self.named_actor(arg)
            if actor is not None:
                self.history.append((arg.head[0], actor))
        self.history.sort()
        self.h_pos = [h[0] for h in self.history]

    def actors(self, args: list[Arg], exclude: frozenset[str] = frozenset(),
               objects: bool = False) -> list[tuple[str, Arg]]:
        """The actors of the first phrase that names any, with its coordinated phrases (`A and B`)."""
        for arg in args:
            got: list[tuple[str, Arg]] = []
            seen: list[str] = []
            for x in (arg, *arg.conj) if arg.conj else (arg,):
                if objects and x.pron and x.lemma == "it" and x.hint is None:
                    continue  # an object `it` is mostly a thing or a proposal, not an actor
                a = self.actor_of(x) if x.pron else self.named_actor(x)
                if a is not None and a not in exclude and a not in seen:
                    got.append((a, x))
                    seen.append(a)
            if got:
                return got[:MAX_CONJUNCTS]
        return []

    # ------------------------------------------------------------------ dates
    def timex_in(self, ranges: list[tuple[int, int]], near: int):
        best = None
        for a, z in ranges:
            i = bisect_left(self.t_starts, z)
            while i > 0:
                i -= 1
                t = self.timex[i]
                if t.start < a - self.t_span:
                    break
                if t.end > a and (best is None or abs(t.start - near) < abs(best.start - near)):
                    best = t
        return best

    def date_of(self, c: Candidate):
        for ranges in c.times:
            t = self.timex_in(ranges, c.trigger[0])
            if t is not None:
                return t
        if self.time_at is not None:
            return self.time_at(c.trigger[0])
        return None

    # -------------------------------------------------------------- citations
    def page_label(self, pos: int) -> str | None:
        return self.cite.page(pos)

    def notes(self, start: int, end: int) -> list[str]:
        return self.cite.notes(start, end)

    def sentence_span(self, start: int, end: int) -> Span:
        """make_span(doc, start, end), its offsets and text looked up once: a sentence holds many events."""
        got = self._sentences.get((start, end))
        if got is None:
            s = make_span(self.doc, start, end)
            self._sentences[(start, end)] = (s.source_start, s.source_end, s.text)
            return s
        return Span(start, end, *got)

    # ----------------------------------------------------------------- events
    def event(self, c: Candidate, n: int, agent: tuple[str, Arg] | None, patient: tuple[str, Arg] | None,
              t) -> Event:
        doc = self.doc
        agent_arg = agent[1] if agent else (c.agents[0] if c.agents else None)
        patient_arg = patient[1] if patient else (c.patients[0] if c.patients else None)  # None: an addressee
        return Event(
            id=f"e{n}", trigger=make_span(doc, *c.trigger), sentence=self.sentence_span(*c.sentence),
            predicate=c.predicate, agent=agent[0] if agent else None, patient=patient[0] if patient else None,
            date=t.value if t is not None else None, time=t.id if t is not None else None,
            category=c.category, page=self.page_label(c.trigger[0]), notes=self.notes(*c.trigger),
            quad=self.lex.quad_of(c.category), negated=c.negated, modality=c.modality, place=c.place,
            agent_text=doc.text[slice(*agent_arg.span)] if agent_arg else None,
            patient_text=doc.text[slice(*patient_arg.span)] if patient_arg else None,
        )

    def events(self, candidates: list[Candidate], cues: list[tuple[int, str]] = ()) -> list[Event]:
        """One event per candidate, or one per pair when coordinated actors share it (`A and B invaded C`).

        `cues` are the content cues of the text (clean offset, type): those inside the quotations of an
        utterance type the speech act that utters it."""
        out: list[Event] = []
        utt = Utterances(self.doc.text, self.quotes)
        said = list(cues)
        for c in candidates:
            if c.refusal and utt.at(c.trigger[0]) is not None:
                said.append((c.trigger[0], "REJECT"))
        said.sort()
        for c in sorted(candidates, key=lambda c: c.trigger):
            agents = self.actors(c.agents) if c.agents else []
            patients = self.actors(c.patients, exclude=frozenset([a for a, _ in agents]), objects=True) if c.patients \
                else []
            if c.refusal or c.speech:
                c, patients = self.in_utterance(c, agents, patients, utt, said)
            if c.category is None and not agents and not patients:
                continue
            t = self.date_of(c)
            for agent in agents or [None]:
                for patient in patients or [None]:
                    out.append(self.event(c, len(out) + 1, agent, patient, t))
        return out

    def in_utterance(self, c: Candidate, agents, patients, utt: Utterances, said: list[tuple[int, str]]):
        """A refusal said in a quotation is made now, to the addressee; a speech act is what its whole
        utterance says, spoken to the utterance's addressee when the clause names none."""
        g = None
        if c.refusal:
            g = utt.at(c.trigger[0])
            if g is None:
                return c, patients  # narrated, not said: a future or conditional act like any other
            predicate = c.predicate if c.predicate.startswith("not ") else "not " + c.predicate
            c = replace(c, category="REJECT", predicate=predicate, negated=False, modality=None)
        else:
            g = utt.spoken_in(c.sentence, {a for a, _ in agents})
            if g is None:
                return c, patients
            found = {c.category}
            for a, z in utt.spans(g):
                i = bisect_left(said, (a, ""))
                while i < len(said) and said[i][0] < z:
                    found.add(said[i][1])
                    i += 1
            c = replace(c, category=next((x for x in self.lex.content_order if x in found), None))
        to = utt.addressee(g)
        if not patients and to is not None and all(to != a for a, _ in agents):
            patients = [(to, None)]
        return c, patients
