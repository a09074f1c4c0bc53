"""The quotations layer's vocabulary, loaded from data/ (words are data, grammar is code)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


def _load(name: str) -> dict:
    return json.loads(resources.files(__package__).joinpath("data").joinpath(name).read_text("utf-8"))


@dataclass(frozen=True)
class Lexicon:
    reporting: frozenset[str]
    thought: frozenset[str]
    weak: frozenset[str]
    manner: frozenset[str]
    object_addressee: frozenset[str]
    to_addressee: frozenset[str]
    addressee_nouns: frozenset[str]
    addressee_preps: frozenset[str]
    speech_nouns: frozenset[str]
    title_cues: frozenset[str]
    elisions: frozenset[str]
    first_second: frozenset[str]
    male: frozenset[str]
    female: frozenset[str]
    male_titles: frozenset[str]
    female_titles: frozenset[str]
    pronouns: dict
    not_speakers: frozenset[str]
    voice: frozenset[str]
    body: frozenset[str]
    relation: dict
    persons: frozenset[str]

    def frame(self, lemma: str) -> bool:
        return lemma in self.reporting or lemma in self.thought


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    f = _load("frames.json")
    g = _load("gender.json")

    def s(xs):
        return frozenset(x.lower() for x in xs)

    return Lexicon(
        reporting=s(f["reporting_verbs"]), thought=s(f["thought_verbs"]), weak=s(f["weak_verbs"]), manner=s(f["manner_verbs"]),
        object_addressee=s(f["object_addressee_verbs"]), to_addressee=s(f["to_addressee_verbs"]),
        addressee_nouns=s(f["addressee_nouns"]), addressee_preps=s(f["addressee_noun_preps"]),
        speech_nouns=s(f["speech_nouns"]), title_cues=s(f["title_cues"]), elisions=s(f["elisions"]),
        first_second=s(f["first_second_person"]), male=s(g["male_names"]), female=s(g["female_names"]),
        male_titles=s(g["male_titles"]), female_titles=s(g["female_titles"]), pronouns=dict(g["pronouns"]),
        not_speakers=s(f["not_speakers"]), voice=s(f["voice_nouns"]), body=s(f["body_nouns"]),
        relation={w.lower(): grp[0] for grp in reversed(g["same_relation"]) for w in grp},
        persons=s(g["person_nouns"]) | s(g["male_titles"]) | s(g["female_titles"]),
    )
