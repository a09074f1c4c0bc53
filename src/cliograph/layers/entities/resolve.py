"""Definite descriptions (`the chairman`, `the Soviet ambassador`) resolved to people of the document."""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter

from .cluster import Cluster
from .extract import Cand
from .lexicon import Lexicon, norm


def title_roles(cl: Cluster, lex: Lexicon) -> set[str]:
    """Title words a person holds in the text (`Foreign Minister` gives `minister`)."""
    roles = set()
    for m in cl.mentions:
        if m.title:
            roles.update(norm(w) for w in m.title.split() if lex.title(w))
    return roles


def affiliation(cl: Cluster) -> str | None:
    c = Counter(m.affiliation for m in cl.mentions if m.affiliation and m.kind != "desc")
    return c.most_common(1)[0][0] if c else None


def resolve_descriptions(descs: list[Cand], clusters: list[Cluster], lex: Lexicon) -> list[tuple[Cand, Cluster]]:
    """Each description to the titled person it names, else (offices only) to the person named just before
    it in another clause, when nothing in the text says otherwise. Unresolved descriptions are left out."""
    people = [cl for cl in clusters if cl.group == "person"]
    roles = {id(cl): title_roles(cl, lex) for cl in people}
    aff = {id(cl): affiliation(cl) for cl in people}
    named = sorted((m.start, m.sent, m.clause, i) for i, cl in enumerate(people) for m in cl.mentions
                   if m.kind == "name")
    starts = [x[0] for x in named]
    starts_of: dict[int, list[int]] = {}
    out = []
    holders: dict[str, list[Cluster]] = {}
    for cl in people:
        for r in roles[id(cl)]:
            holders.setdefault(r, []).append(cl)
    for d in descs:
        fits = [cl for cl in holders.get(d.role, ()) if d.affiliation is None or aff[id(cl)] in (d.affiliation, None)]
        if len(fits) > 1 and d.affiliation:
            fits = [cl for cl in fits if aff[id(cl)] == d.affiliation] or fits
        if fits:
            out.append((d, max(fits, key=lambda cl: _nearest(starts_of, cl, d.start))))
            continue
        if (lex.title(d.role) or {}).get("kind") != "office":
            continue
        i = bisect_left(starts, d.start) - 1
        while i >= 0 and named[i][1] >= d.sent - 1:
            start, sent, clause, k = named[i]
            cl = people[k]
            if clause != d.clause and not (roles[id(cl)] - {d.role}) and \
                    (d.affiliation is None or aff[id(cl)] == d.affiliation):
                out.append((d, cl))
                break
            i -= 1
    return out


def _nearest(cache: dict[int, list[int]], cl: Cluster, pos: int) -> tuple[int, int]:
    """The person mentioned last before `pos` ranks first; else the one mentioned first after it."""
    starts = cache.get(id(cl))
    if starts is None:
        starts = cache[id(cl)] = sorted(m.start for m in cl.mentions)
    i = bisect_left(starts, pos)
    if i:
        return (1, starts[i - 1])
    return (0, -starts[0]) if starts else (0, -(10 ** 12))


def titled_descriptions(descs: list[Cand], resolved: set[int], text: str) -> list[Cluster]:
    """`the King`, `the Emperor`, `the Mayor` with a capital: one known person the text never names. Each
    such unresolved description becomes an actor of its own, one per title."""
    out: dict[str, Cluster] = {}
    for d in descs:
        if id(d) in resolved or not d.name[:1].isupper():
            continue
        key = f"title:{d.affiliation or ''}:{d.role}"
        cl = out.get(key)
        if cl is None:
            cl = out[key] = Cluster(key, "person")
            words = text[d.start:d.end].split()
            cl.fixed_name = " ".join(["the", *words[1:]])  # `the King`, as a reader would list it
        cl.add(d)
    return list(out.values())
