"""Mentions of the whole document into clusters, one per referent.

Linear in the number of mentions: every decision is a dictionary look-up by name, family name or
state, and ties between people who share a name go to the one mentioned nearest before.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .extract import Cand, Found, Loose
from .lexicon import Canonical, Lexicon, name_key, norm
from .names import PersonName, compatible, parse_person, same_person

GROUP = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "norp",
         "EVENT": "event"}


@dataclass
class Cluster:
    key: str
    group: str
    mentions: list[Cand] = field(default_factory=list)
    canon: Canonical | None = None
    gazetteer: object | None = None  # a gazetteer Entry
    person: PersonName | None = None  # the fullest name, for people
    starts: list[int] = field(default_factory=list)  # of the mentions so far, in order
    gender_set: set[str] = field(default_factory=set)
    fixed_name: str | None = None  # a name given outright (an unnamed office holder: `the King`)

    def add(self, c: Cand, track: bool = True) -> None:
        """Add a mention; `track` keeps its start for `before` (mentions added in text order only)."""
        self.mentions.append(c)
        if c.gender:
            self.gender_set.add(c.gender)
        if track:
            self.starts.append(c.start)

    def before(self, pos: int) -> int | None:
        """Start of this cluster's last mention before `pos` (None if none)."""
        i = bisect_left(self.starts, pos)
        return self.starts[i - 1] if i else None

    def genders(self) -> set[str]:
        return self.gender_set


def vote_labels(names: list[Cand], lex: Lexicon) -> dict[str, Counter]:
    """One label per name by evidence: each mention votes, titles and place prepositions count double,
    and a full personal name lends its votes to its family name (`Washington` of `George Washington`)."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for c in names:
        votes[name_key(c.name)][c.label] += 2 if c.strong else 1
        if c.personal and c.label != "PERSON":
            votes[name_key(c.name)]["PERSON"] += 1
    for c in names:
        words = c.name.split()
        if len(words) > 1 and norm(words[0]) in lex.given and not lex.canonical(c.name):
            votes[name_key(c.name)]["PERSON"] += 1  # `Julius Caesar`: a given name says person
        if c.label == "PERSON" and len(words) > 1:
            p = parse_person(c.name, lex)
            if p and p.full:
                votes[p.family]["PERSON"] += 2
                if p.family_first:  # `Giap` of `Vo Nguyen Giap`, `Diem` of `Ngo Dinh Diem`
                    votes[p.words[-1]]["PERSON"] += 1
    return votes


def relabel(names: list[Cand], votes: dict[str, Counter]) -> None:
    for c in names:
        if c.strong:
            continue
        v = votes.get(name_key(c.name))
        if v:
            best, n = v.most_common(1)[0]
            if n > v[c.label]:
                c.label = best


def common_word(c: Cand, lower: set[str], lex: Lexicon) -> bool:
    """A capitalized word opening a sentence that the text also writes in lowercase (`Courier`,
    `Sickness`): a common noun the model took for a name."""
    return c.kind == "name" and c.initial and not c.title and not c.strong and " " not in c.name and \
        c.name.lower() in lower and not lex.canonical(c.name) and norm(c.name) not in lex.given


def propagate(found: Found, votes: dict[str, Counter], lex: Lexicon) -> list[Cand]:
    """Names the model found somewhere, found again where it missed them (`Curtis`, `Stepan Chervonenko`)."""
    surnames = {k for k, v in votes.items() if v and v.most_common(1)[0][0] == "PERSON"}
    out = []
    for run in found.loose:
        c = _from_run(run, votes, surnames, found.lower, lex)
        if c is not None:
            out.append(c)
    return out


def _from_run(run: Loose, votes, surnames, lower: set[str], lex: Lexicon) -> Cand | None:
    toks = run.tokens
    text = " ".join(t[2] for t in toks)
    key = name_key(text)
    if run.initial and len(toks) == 1 and toks[0][2].lower() in lower:
        return None  # a common word opening a sentence
    label = None
    v = votes.get(key)
    canon = lex.canonical(text)
    if canon is not None:
        label = canon.type  # `CPSU`, `USSR`: known names the model missed
    elif v:
        label = v.most_common(1)[0][0]
    elif len(toks) > 1 and norm(toks[-1][2]).casefold() in surnames and len(toks[-1][2]) > 2 and \
            all(norm(t[2]) in lex.given or len(norm(t[2])) == 1 or t[2].lower() in lex.particles for t in toks[:-1]):
        label = "PERSON"  # `Stepan Chervonenko` where `Chervonenko` is a person: given names before a surname
    if label is None or label in ("NORP", "EVENT"):
        return None
    a, z = toks[0][0], toks[-1][1]
    return Cand(start=a, end=z, label=label, name_start=a, name_end=z, name=text if _plain(toks) else "",
                kind="name", sent=run.sent, clause=run.clause, initial=run.initial)


def _plain(toks) -> bool:
    return all(toks[i][1] + 1 == toks[i + 1][0] for i in range(len(toks) - 1))


class Clusterer:
    def __init__(self, lex: Lexicon, gazetteer=None) -> None:
        self.lex = lex
        self.gazetteer = gazetteer
        self.clusters: dict[str, Cluster] = {}
        self.by_family: dict[str, list[str]] = defaultdict(list)  # family name -> person cluster keys
        self.by_given: dict[str, list[str]] = defaultdict(list)

    def cluster(self, key: str, group: str) -> Cluster:
        c = self.clusters.get(key)
        if c is None:
            c = self.clusters[key] = Cluster(key, group)
        return c

    def run(self, cands: list[Cand]) -> list[Cluster]:
        singles: list[tuple[Cand, PersonName]] = []
        capitals: list[Cand] = []
        for c in cands:
            if c.kind == "desc":
                continue
            if self._pinned(c):
                continue
            if c.kind in ("collective", "demonym"):
                self._canonical(c, self.lex.canonical_by_id(c.state))
                continue
            canon = self.lex.canonical(c.name)
            if canon and (c.label != "PERSON" or not c.title) and c.label != "EVENT":
                self._canonical(c, canon)
                continue
            if c.label == "GPE" and c.subject and name_key(c.name) in self.lex.capitals:
                capitals.append(c)
                continue
            if c.label == "PERSON":
                p = parse_person(c.name, self.lex)
                if p is None:
                    continue
                if p.full:
                    self._full_person(c, p)
                else:
                    singles.append((c, p))
                continue
            group = GROUP.get(c.label, "org")
            self.cluster(f"{group}:{name_key(c.name)}", group).add(c)
        for c, p in singles:
            self._single_person(c, p)
        for c in capitals:
            self._capital(c)
        self._acronyms()
        return [c for c in self.clusters.values() if c.mentions]

    def _pinned(self, c: Cand) -> bool:
        if self.gazetteer is None or c.kind not in ("name", "part"):
            return False
        e = self.gazetteer.match(c.name, c.label)
        if e is None:
            return False
        cl = self.cluster(f"gaz:{e.id}", GROUP.get(e.type, "org"))
        cl.gazetteer = e
        if cl.group == "person" and cl.person is None:
            cl.person = parse_person(e.name, self.lex)
            if cl.person and cl.person.full:
                self.by_family[cl.person.family].append(cl.key)
        cl.add(c)
        return True

    def _canonical(self, c: Cand, canon: Canonical | None) -> None:
        if canon is None:
            return
        if self.gazetteer is not None:
            e = self.gazetteer.match(canon.name, canon.type)
            if e is not None:
                cl = self.cluster(f"gaz:{e.id}", GROUP.get(e.type, "org"))
                cl.gazetteer = e
                cl.add(c)
                return
        cl = self.cluster(f"canon:{canon.id}", GROUP.get(canon.type, "org"))
        cl.canon = canon
        cl.add(c)

    def _full_person(self, c: Cand, p: PersonName) -> None:
        key = "person:" + " ".join(p.words)
        cl = self.clusters.get(key)
        if cl is None:
            for k in self.by_family.get(p.family, ()):
                other = self.clusters[k]
                if other.person and same_person(other.person, p):
                    cl = other
                    break
        if cl is None:
            cl = self.cluster(key, "person")
            cl.person = p
            self.by_family[p.family].append(key)
            if p.given and not p.family_first:
                self.by_given[p.given[0]].append(key)
            elif p.family_first and len(p.words) > 2:
                self.by_given[p.words[-1]].append(key)
        elif cl.person is None or len(p.words) > len(cl.person.words):
            cl.person = p
        cl.add(c)

    def _single_person(self, c: Cand, p: PersonName) -> None:
        w = p.words[0]
        best, best_score = None, (0, -1, 0)
        for k in (*self.by_family.get(w, ()), *self.by_given.get(w, ())):
            cl = self.clusters[k]
            score = compatible(p, cl.person) if cl.person else 2
            g = cl.genders()
            if not score or c.gender and g and c.gender not in g:
                continue
            prev = cl.before(c.start)
            near = prev if prev is not None else -cl.starts[0] if cl.starts else -10**12
            s = (score, 1 if prev is not None else 0, near)
            if s > best_score:
                best, best_score = cl, s
        if best is None:
            base = f"person1:{w}"
            keys = [k for k in (f"{base}:{c.gender}" if c.gender else None, base) if k]
            if not c.gender:
                keys += [f"{base}:m", f"{base}:f"]
            found = [self.clusters[k] for k in keys if k in self.clusters]
            if found:
                best = max(found, key=lambda cl: cl.before(c.start) or -1)
            else:
                best = self.cluster(keys[0], "person")
                best.person = p
            best.add(c)
            return
        best.add(c, track=False)

    def _capital(self, c: Cand) -> None:
        """A capital as the subject of an agentive verb stands for its government (`Moscow protested`)."""
        states = self.lex.capitals[name_key(c.name)]
        st = max(states, key=lambda s: len(self.clusters.get(f"canon:{s.id}", Cluster("", "")).mentions))
        self._canonical(c, st)

    def _acronyms(self) -> None:
        """An organisation's acronym and its full name in the same text are one actor (`UN`)."""
        full: dict[str, Cluster] = {}
        for cl in self.clusters.values():
            if cl.group == "org" and cl.mentions:
                words = [w for w in max((m.name for m in cl.mentions), key=len).split()
                         if w[:1].isupper() and w.lower() not in ("the", "of", "and", "for")]
                if len(words) > 1:
                    full.setdefault("".join(w[0] for w in words).upper(), cl)
        for cl in list(self.clusters.values()):
            if cl.group != "org" or not cl.mentions or cl.canon or cl.gazetteer:
                continue
            name = cl.mentions[0].name.replace(".", "")
            target = full.get(name) if name.isupper() and len(name) > 1 else None
            if target is not None and target is not cl:
                target.mentions.extend(cl.mentions)
                cl.mentions.clear()
                cl.starts.clear()
