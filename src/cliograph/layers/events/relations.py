"""Relations between actors over time, from a Document's events and quotes (no spaCy: exports and the
viewer use it on stored documents).

For each pair of actors and each month: the cooperative and conflictual events between them (PLOVER
quad classes), the sum of PLOVER's conflict-cooperation scores, and the quotations one addressed to
the other. Negated events and events that did not happen (attempts, intentions, purposes, orders,
hypotheses) are left out; `level="side"` counts a person under the state or party named as their
affiliation, and leaves out what happens inside one side. One utterance is one act: its speech verbs
and the refusal it voices (`"...," he told her; "we will not accept it"`) count once per type.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ...model import Document, Event
from .lexicon import lexicon
from .utterance import Utterances

MONTH = re.compile(r"^(\d{4}-\d{2})")


@dataclass
class Relation:
    a: str
    b: str
    a_name: str
    b_name: str
    month: str | None  # YYYY-MM, or None for undated
    cooperation: int = 0
    conflict: int = 0
    quotes: int = 0
    score: float = 0.0
    categories: dict[str, int] = field(default_factory=dict)
    events: list[str] = field(default_factory=list)
    quote_ids: list[str] = field(default_factory=list)

    @property
    def tone(self) -> str:
        if self.cooperation > self.conflict:
            return "cooperation"
        if self.conflict > self.cooperation:
            return "conflict"
        if self.cooperation:
            return "mixed"
        return "quotes only" if self.quotes else "none"

    def as_dict(self) -> dict:
        return {"a": self.a, "b": self.b, "a_name": self.a_name, "b_name": self.b_name, "month": self.month,
                "cooperation": self.cooperation, "conflict": self.conflict, "quotes": self.quotes,
                "score": round(self.score, 2), "tone": self.tone, "categories": dict(self.categories),
                "events": list(self.events), "quote_ids": list(self.quote_ids)}


def month_of(date: str | None) -> str | None:
    m = MONTH.match(date or "")
    return m.group(1) if m else None


def counts(e: Event) -> bool:
    """An event that happened: not negated, not merely attempted, intended, ordered or supposed."""
    return not e.negated and (e.modality is None or e.modality not in lexicon().unreal)


def _names(doc: Document) -> dict[str, str]:
    return {a.id: a.name for a in doc.actors}


def _side(doc: Document, level: str):
    ids = {a.id: a.id for a in doc.actors}
    ids.update({a.name: a.id for a in doc.actors if a.name not in ids})  # an affiliation may be an id or a name
    aff = {a.id: ids[a.affiliation] for a in doc.actors if a.affiliation in ids}
    if level == "side":
        return lambda x: aff.get(x, x)
    if level != "actor":
        raise ValueError(f"level {level!r}: choose actor or side")
    return lambda x: x


def _quote_months(doc: Document) -> dict[str, str | None]:
    """The month of each quotation: its speech event's date, else the last dated event before it."""
    events = sorted(doc.events, key=lambda e: e.trigger.start)
    starts = [e.trigger.start for e in events]
    out = {}
    for q in doc.quotes:
        month = None
        i = bisect_right(starts, q.end + 200)
        for e in reversed(events[max(i - 8, 0):i]):  # the speech verb sits next to its words
            if e.sentence.start <= q.end and e.sentence.end >= q.start and e.agent == q.speaker and month_of(e.date):
                month = month_of(e.date)
                break
        if month is None:
            j = bisect_right(starts, q.start)
            for e in reversed(events[max(j - 20, 0):j]):
                if month_of(e.date):
                    month = month_of(e.date)
                    break
        out[q.id] = month
    return out


def relations(doc: Document, actor: str | None = None, level: str = "actor") -> list[Relation]:
    """Per actor pair and month, sorted by pair then month (undated last). `actor` keeps the pairs
    where one side's id, name or alias contains it (case-insensitive)."""
    lex = lexicon()
    side = _side(doc, level)
    names = _names(doc)
    table: dict[tuple[str, str, str | None], Relation] = {}

    def row(x: str, y: str, month: str | None) -> Relation | None:
        x, y = side(x), side(y)
        if x == y:
            return None
        a, b = sorted((x, y))
        key = (a, b, month)
        if key not in table:
            table[key] = Relation(a=a, b=b, a_name=names.get(a, a), b_name=names.get(b, b), month=month)
        return table[key]

    utt = Utterances(doc.text, doc.quotes)
    voiced: set[tuple] = set()
    for e in doc.events:
        if not (e.agent and e.patient and e.category and counts(e)):
            continue
        r = row(e.agent, e.patient, month_of(e.date))
        if r is None:
            continue
        g = utt.at(e.trigger.start) if len(utt) else None
        if g is None and len(utt):
            g = utt.spoken_in((e.sentence.start, e.sentence.end), {e.agent})
        if g is not None:
            key = (g, side(e.agent), side(e.patient), e.category)
            if key in voiced:
                continue
            voiced.add(key)
        quad = lex.quad_of(e.category) or ""
        if quad.endswith("cooperation"):
            r.cooperation += 1
        elif quad.endswith("conflict"):
            r.conflict += 1
        r.score += lex.score.get(e.category, 0.0)
        r.categories[e.category] = r.categories.get(e.category, 0) + 1
        r.events.append(e.id)
    months = _quote_months(doc)
    for q in doc.quotes:
        if q.kind != "speech" or not (q.speaker and q.addressee):
            continue
        r = row(q.speaker, q.addressee, months.get(q.id))
        if r is not None:
            r.quotes += 1
            r.quote_ids.append(q.id)
    rows = list(table.values())
    if actor:
        wanted = _matching_actors(doc, actor, side)
        rows = [r for r in rows if r.a in wanted or r.b in wanted]
    rows.sort(key=lambda r: (r.a_name, r.b_name, r.month is None, r.month or ""))
    return rows


def _matching_actors(doc: Document, needle: str, side) -> set[str]:
    n = needle.lower()
    out = set()
    for a in doc.actors:
        if n == a.id.lower() or n in a.name.lower() or any(n in x.lower() for x in a.aliases):
            out.add(a.id)
            out.add(side(a.id))
    return out
