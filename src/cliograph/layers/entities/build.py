"""Clusters into `Actor` records, and the look-ups later layers use (`actor_at`, `mentions`)."""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter

from ...model import Actor, Document, Mention, make_span
from .cluster import Cluster
from .lexicon import Lexicon


def _clean(name: str) -> str:
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words).strip(",;:")


def actor_name(cl: Cluster) -> str:
    """The fullest proper name: the canonical one if known, else the longest form written, in the case
    most often written (`Mao Zedong` over `Mao`, `Leonid Brezhnev` over `BREZHNEV`)."""
    if cl.gazetteer is not None:
        return cl.gazetteer.name
    if cl.canon is not None:
        return cl.canon.name
    if cl.fixed_name:
        return cl.fixed_name
    forms = Counter(_clean(m.name) for m in cl.mentions if m.kind in ("name", "part") and m.name)
    if not forms:
        return _clean(cl.mentions[0].name)
    if cl.group == "person":
        best = max(forms, key=lambda f: (len(f.split()), not f.isupper(), forms[f], -len(f)))
    else:
        best = max(forms, key=lambda f: (not (f.replace(".", "").isupper() and len(f) < 8), len(f.split()),
                                         not f.isupper(), forms[f]))
    return best


def actor_type(cl: Cluster) -> str:
    if cl.gazetteer is not None:
        return cl.gazetteer.type
    if cl.canon is not None:
        return cl.canon.type
    labels = Counter(m.label for m in cl.mentions if m.kind == "name")
    return labels.most_common(1)[0][0] if labels else cl.mentions[0].label


def make_actors(doc: Document, clusters: list[Cluster], lex: Lexicon) -> list[Actor]:
    for cl in clusters:
        cl.mentions.sort(key=lambda m: (m.start, -m.end))
    clusters = sorted((cl for cl in clusters if cl.mentions), key=lambda cl: cl.mentions[0].start)
    actors = []
    named = [(cl, actor_name(cl)) for cl in clusters]
    named = [(cl, name) for cl, name in named if any(ch.isalpha() for ch in name)]
    for n, (cl, name) in enumerate(named, start=1):
        aliases, titles, affs = [], [], Counter()
        seen = {name.casefold()}
        for m in cl.mentions:
            form = _clean(m.name) if m.kind in ("name", "part", "collective") else ""
            if form and form.casefold() not in seen:
                seen.add(form.casefold())
                aliases.append(form)
            if m.title and m.title not in titles:
                titles.append(m.title)
            if m.affiliation:
                affs[m.affiliation] += 1
        aff = None
        if affs:
            c = lex.canonical_by_id(affs.most_common(1)[0][0])
            aff = c.name if c else None
        mentions, last = [], None
        for m in cl.mentions:
            if last and m.start == last.start and m.end == last.end:
                continue
            mentions.append(make_span(doc, m.start, m.end, Mention, label=m.label))
            last = m
        actors.append(Actor(id=f"a{n}", name=name, type=actor_type(cl), aliases=aliases, titles=titles,
                            mentions=mentions, affiliation=aff,
                            gazetteer_id=cl.gazetteer.id if cl.gazetteer is not None else None))
    return actors


class ActorIndex:
    """Which actor a span of clean text names: bisect over mention starts, then a short look back."""

    def __init__(self, mentions: list[tuple[int, int, str, str]]) -> None:
        self.mentions = mentions
        self.starts = [m[0] for m in mentions]
        self.longest = max((m[1] - m[0] for m in mentions), default=0)

    def __call__(self, start: int, end: int) -> str | None:
        i = bisect_left(self.starts, end)
        best, best_key = None, None
        j = i - 1
        while j >= 0 and self.starts[j] > start - self.longest:
            a, z, actor, _ = self.mentions[j]
            ov = min(z, end) - max(a, start)
            if ov > 0:
                key = (ov, -(z - a))  # most overlap, then the narrowest mention
                if best_key is None or key > best_key:
                    best, best_key = actor, key
            j -= 1
        return best


def mention_list(actors: list[Actor]) -> list[tuple[int, int, str, str]]:
    return sorted((m.start, m.end, a.id, m.label) for a in actors for m in a.mentions)

