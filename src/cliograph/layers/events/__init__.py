"""Events: who did what to whom, when, coded with PLOVER event types and quad classes.

`paragraph` reads each parsed paragraph and keeps event candidates as spans (triggers, argument
phrases, the clauses a date may come from); `finish`, after the actors, quotes and time layers, turns
them into `Event` records with actor ids, dates, pages and notes. Without those layers the events
still come out, with null actors and dates.
"""
from __future__ import annotations

from .extract import Candidate, Extractor
from .grammar import Arg
from .lexicon import lexicon
from .relations import Relation, relations
from .resolve import Resolver

__all__ = ["EventsLayer", "Relation", "make_layer", "relations"]


class EventsLayer:
    name = "events"

    def __init__(self):
        self.lex = lexicon()
        self.candidates: list[Candidate] = []
        self.subjects: list[Arg] = []
        self.cues: list[tuple[int, str]] = []

    def paragraph(self, ctx, offset: int, parsed) -> None:
        found, subjects, cues = Extractor(self.lex, parsed, offset, ctx.doc.text).run()
        self.candidates.extend(found)
        self.subjects.extend(subjects)
        self.cues.extend(cues)

    def finish(self, ctx) -> None:
        res = Resolver(ctx, self.lex)
        res.learn_subjects(self.subjects)
        ctx.doc.events = res.events(self.candidates, self.cues)
        self.candidates, self.subjects, self.cues = [], [], []


def make_layer() -> EventsLayer:
    return EventsLayer()
