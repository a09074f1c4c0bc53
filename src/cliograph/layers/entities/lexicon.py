"""Vocabulary of the actors layer, loaded once from the data/ folder beside this module."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources


def _read(name: str) -> str:
    return resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")


def _words(name: str) -> frozenset[str]:
    return frozenset(w.strip() for w in _read(name).splitlines() if w.strip() and not w.startswith("#"))


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|") if x.strip()]


def norm(word: str) -> str:
    """A title or name token as looked up: lowercase, without a final period."""
    return word.lower().rstrip(".")


def name_key(text: str) -> str:
    """A name compared across mentions: casefolded, `the` dropped, spacing and periods evened out."""
    words = text.replace("’", "'").split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(w.rstrip(".").casefold() for w in words)


@dataclass(frozen=True)
class Canonical:
    """A state or organisation known in advance: its id, canonical name and type."""

    id: str
    name: str
    type: str


@dataclass
class Lexicon:
    titles: dict[str, dict] = field(default_factory=dict)
    modifiers: frozenset[str] = frozenset()
    postnominals: frozenset[str] = frozenset()
    government_nouns: frozenset[str] = frozenset()
    agent_verbs: frozenset[str] = frozenset()
    place_words: frozenset[str] = frozenset()
    facility_words: frozenset[str] = frozenset()
    particles: frozenset[str] = frozenset()
    meeting_nouns: frozenset[str] = frozenset()
    not_names: frozenset[str] = frozenset()
    given_abbreviations: frozenset[str] = frozenset()
    person_verbs: frozenset[str] = frozenset()
    organ_words: frozenset[str] = frozenset()
    place_suffixes: tuple[str, ...] = ()
    given: frozenset[str] = frozenset()
    family_first: frozenset[str] = frozenset()
    # name_key -> Canonical for state names and aliases, organisation names and acronyms
    names: dict[str, Canonical] = field(default_factory=dict)
    # demonym key (`soviet`, `soviets`, `chinese`) -> state
    demonyms: dict[str, Canonical] = field(default_factory=dict)
    # capital key -> states it is the capital of (more than one across history: Moscow)
    capitals: dict[str, list[Canonical]] = field(default_factory=dict)
    # keys of acronyms (`US`, `UN`): they match only written in capitals, never `us` or `un`
    acronyms: set[str] = field(default_factory=set)
    by_id: dict[str, Canonical] = field(default_factory=dict)

    def title(self, word: str) -> dict | None:
        return self.titles.get(norm(word))

    def canonical(self, text: str) -> Canonical | None:
        key = name_key(text)
        if key in self.acronyms and not any(c.isupper() for c in text.split()[-1]):
            return None
        return self.names.get(key)

    def canonical_by_id(self, id: str | None) -> Canonical | None:
        return self.by_id.get(id) if id else None

    def demonym(self, text: str) -> Canonical | None:
        return self.demonyms.get(name_key(text))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    t = json.loads(_read("words.json"))
    lex = Lexicon(
        titles=t["titles"],
        modifiers=frozenset(t["modifiers"]),
        postnominals=frozenset(t["postnominals"]),
        government_nouns=frozenset(t["government_nouns"]),
        agent_verbs=frozenset(t["agent_verbs"]),
        place_words=frozenset(t["place_words"]),
        facility_words=frozenset(t["facility_words"]),
        particles=frozenset(t["particles"]),
        meeting_nouns=frozenset(t["meeting_nouns"]),
        not_names=frozenset(t["not_names"]),
        given_abbreviations=frozenset(t["given_abbreviations"]),
        person_verbs=frozenset(t["person_verbs"]),
        organ_words=frozenset(t["organ_words"]),
        place_suffixes=tuple(t["place_suffixes"]),
        given=_words("given_names.txt") | _words("given_extra.txt") | frozenset(t["given_abbreviations"]),
        family_first=_words("family_first.txt"),
    )
    for row in csv.DictReader(io.StringIO(_read("states.csv"))):
        c = Canonical(row["id"], row["name"], "GPE")
        _add_names(lex, c, [row["name"], *_split(row["aliases"])])
        for n in _split(row["demonyms"]):
            lex.demonyms.setdefault(name_key(n), c)
        for n in _split(row["capitals"]):
            lex.capitals.setdefault(name_key(n), []).append(c)
    for row in csv.DictReader(io.StringIO(_read("organisations.csv"))):
        c = Canonical(row["id"], row["name"], row["type"] or "ORG")
        _add_names(lex, c, [row["name"], *_split(row["aliases"])])
    return lex


def _add_names(lex: Lexicon, c: Canonical, names: list[str]) -> None:
    lex.by_id[c.id] = c
    for n in names:
        key = name_key(n)
        lex.names.setdefault(key, c)
        if n.replace(".", "").isupper():
            lex.acronyms.add(key)


@lru_cache(maxsize=4)
def common_words(nlp) -> tuple[frozenset[str], frozenset[str]]:
    """The common nouns and verbs the model's lemmatizer knows (WordNet's), or none for a model without them."""
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
        return frozenset(table["noun"]), frozenset(table["verb"])
    except Exception:  # a blank or custom pipeline: no such table
        return frozenset(), frozenset()
