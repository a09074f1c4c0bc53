"""Actors: who is in the text.

Each paragraph's parse gives mention candidates (`extract`): the model's entities corrected where it
is known to fail on history prose (titles, bracketed names, labels of places), names it missed after
titles or given names, definite descriptions and collective actors. After the last paragraph the
candidates of the whole document get one label per name, names found once are found again where the
model missed them, and mentions are clustered into actors (`cluster`), descriptions resolved to titled
people (`resolve`), and actors written to `doc.actors` with the look-ups later layers use (`build`).
"""
from __future__ import annotations

from .build import ActorIndex, make_actors, mention_list
from .casing import Rereader
from .cluster import Clusterer, common_word, propagate, relabel, vote_labels
from .extract import Extractor, Found
from .gazetteer import Gazetteer, gazetteer_from_env, load_gazetteer
from .lexicon import common_words, lexicon
from .resolve import resolve_descriptions, titled_descriptions

__all__ = ["ActorsLayer", "Gazetteer", "load_gazetteer", "make_layer"]


class ActorsLayer:
    name = "actors"

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.lex = lexicon()
        self.gazetteer = gazetteer
        self.extractor = Extractor(self.lex, None)
        self.found = Found()
        self.reread = Rereader()

    def paragraph(self, ctx, offset: int, parsed) -> None:
        if self.extractor.nouns is None:
            self.extractor.nouns, self.extractor.verbs = common_words(ctx.nlp)
        self.extractor.paragraph(parsed, offset, self.found)
        if ctx.nlp is not None:
            self.reread.note(parsed, offset, self.lex.acronyms)

    def finish(self, ctx) -> None:
        lex, found = self.lex, self.found
        if ctx.nlp is not None:
            self.reread.merge(ctx.nlp, self.extractor, found, ctx.doc.text)
        names = [c for c in found.cands if c.kind in ("name", "adjective")]
        votes = vote_labels(names, lex)
        relabel(names, votes)
        for c in names:
            if c.kind == "adjective" and c.label != "NORP":
                c.kind = "name"  # `[Khrushchev]` read as NORP once, a person everywhere else
        found.cands = [c for c in found.cands if c.kind != "adjective" and not common_word(c, found.lower, lex)]
        extra = [c for c in propagate(found, votes, lex) if c.name]
        cands = sorted(found.cands + extra, key=lambda c: (c.start, -c.end))
        events = [c for c in cands if c.label == "EVENT" and c.kind == "name"]
        clusters = Clusterer(lex, self.gazetteer).run([c for c in cands if c.label != "EVENT"])
        for cl in clusters:
            cl.mentions.sort(key=lambda m: (m.start, -m.end))
        descs = [c for c in cands if c.kind == "desc"]
        resolved = set()
        for d, cl in resolve_descriptions(descs, clusters, lex):
            cl.mentions.append(d)
            resolved.add(id(d))
        clusters += titled_descriptions(descs, resolved, ctx.doc.text)
        actors = make_actors(ctx.doc, clusters, lex)
        ctx.doc.actors = actors
        mentions = mention_list(actors)
        ctx.data["mentions"] = mentions
        ctx.data["actor_at"] = ActorIndex(mentions)
        ctx.data["named_events"] = [(c.start, c.end, c.name) for c in events]
        self.found = Found()


def make_layer(gazetteer: Gazetteer | str | None = None) -> ActorsLayer:
    """The actors layer; `gazetteer` a Gazetteer or a CSV path, else $CLIOGRAPH_GAZETTEER if set."""
    if isinstance(gazetteer, str):
        gazetteer = load_gazetteer(gazetteer)
    elif gazetteer is None:
        gazetteer = gazetteer_from_env()
    return ActorsLayer(gazetteer)
