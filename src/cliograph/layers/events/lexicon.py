"""The event vocabulary, loaded once from the JSON files in data/ (vocabulary as data, grammar as code)."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

CATEGORIES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE", "DEMAND",
              "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "FIGHT",
              "CRIME")


def _load(name: str) -> dict:
    return json.loads(resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8"))


@dataclass
class Pattern:
    """One argument pattern of patterns.json; empty conditions match anything."""

    verbs: frozenset[str]
    category: str | None  # a PLOVER type, "@complement", "@content", or None for "none"
    object: tuple[str, ...] = ()
    subject: tuple[str, ...] = ()
    prep: tuple[str, ...] = ()
    pobj: tuple[str, ...] = ()
    complement: tuple[str, ...] = ()
    naming: tuple[str, ...] = ()
    advmod: tuple[str, ...] = ()
    negated: bool | None = None
    infinitive: bool = False  # the verb is a to-infinitive (`went to see X`)
    patient: str | None = None
    swap: bool = False
    delegate: bool = False


def _tuple(value) -> tuple[str, ...]:
    if value is None:
        return ()
    return tuple(value) if isinstance(value, list) else (value,)


@dataclass
class Lexicon:
    verb_category: dict[str, str]
    patterns: dict[str, list[Pattern]]
    speech: frozenset[str]
    object_control: frozenset[str]
    delegating: frozenset[str]
    light: frozenset[str]
    motion: frozenset[str]
    stative: frozenset[str]
    aspectual: frozenset[str]
    prep_control: dict[str, tuple[str, ...]]  # `call on X to act`: X acts
    nouns: dict[str, dict]
    classes: dict[str, frozenset[str]]
    quad: dict[str, str]
    score: dict[str, float]
    negation: frozenset[str]
    negating_verbs: frozenset[str]
    modality_verbs: dict[str, str]
    implicative: frozenset[str]
    modal_aux: dict[str, str]
    hypothetical_marks: frozenset[str]
    condition_marks: frozenset[str]  # a clause so marked makes its head verb a consequent (`if X, Y will`)
    act_clause_marks: frozenset[str]  # `it` may stand for what a clause so marked says someone does
    act_pronouns: frozenset[str]
    commitment_aux: frozenset[str]  # `we will not`, `we cannot`: a commitment about one's own acts
    unreal: frozenset[str]
    content_cues: dict[str, str]  # cue (one or two words) -> category
    content_order: tuple[str, ...]
    pronouns: dict[str, str]
    recipient_preps: frozenset[str]
    place_preps: frozenset[str]
    source_preps: frozenset[str]
    home_words: frozenset[str]
    people: frozenset[str] = frozenset()
    # what follows a space or a hyphen in the event nouns' names: the last word of `air strike`, `pull-out`
    noun_tails: frozenset[str] = frozenset()
    # word -> lemma -> the content cue type of a word not negated; filled as words are met (extract.cue)
    cue_memo: dict[str, dict[str, str | None]] = field(default_factory=dict, repr=False, compare=False)

    def in_class(self, word: str, name: str) -> bool:
        """`word` (lower-case lemma or text) belongs to the class `name` (without the @)."""
        return word in self.classes.get(name, ())

    def quad_of(self, category: str | None) -> str | None:
        return self.quad.get(category) if category else None


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    verbs, pats, nouns, cues, plover = (_load(n) for n in
                                        ("verbs.json", "patterns.json", "nouns.json", "cues.json", "plover.json"))
    verb_category = {}
    for cat, words in verbs["categories"].items():
        if cat not in CATEGORIES:
            raise ValueError(f"events/data/verbs.json: unknown PLOVER category {cat!r}")
        for w in words:
            verb_category.setdefault(w, cat)
    patterns: dict[str, list[Pattern]] = {}
    for row in pats["patterns"]:
        cat = row["category"]
        if cat not in CATEGORIES and cat not in ("@complement", "@content", "none"):
            raise ValueError(f"events/data/patterns.json: unknown category {cat!r} in {row}")
        p = Pattern(verbs=frozenset(_tuple(row["verb"])), category=None if cat == "none" else cat,
                    object=_tuple(row.get("object")), subject=_tuple(row.get("subject")),
                    prep=_tuple(row.get("prep")), pobj=_tuple(row.get("pobj")),
                    complement=_tuple(row.get("complement")), naming=_tuple(row.get("naming")),
                    advmod=_tuple(row.get("advmod")), negated=row.get("negated"),
                    infinitive=bool(row.get("infinitive")), patient=row.get("patient"),
                    swap=bool(row.get("swap")), delegate=bool(row.get("delegate")))
        for v in p.verbs:
            patterns.setdefault(v, []).append(p)
    content = {}
    for cat, words in cues["content_cues"].items():
        for w in words:
            content.setdefault(w, cat)
    return Lexicon(
        verb_category=verb_category, patterns=patterns,
        speech=frozenset(verbs["speech"]), object_control=frozenset(verbs["object_control"]),
        delegating=frozenset(verbs["delegating"]), light=frozenset(verbs["light"]),
        motion=frozenset(verbs["motion"]), stative=frozenset(verbs["stative"]),
        aspectual=frozenset(verbs["aspectual"]),
        prep_control={k: tuple(v) for k, v in verbs["prep_control"].items()},
        nouns=nouns["events"], classes={k: frozenset(v) for k, v in nouns["classes"].items()},
        quad=plover["quad"], score=plover["score"],
        negation=frozenset(cues["negation"]), negating_verbs=frozenset(cues["negating_verbs"]),
        modality_verbs=cues["modality_verbs"], implicative=frozenset(cues["implicative"]),
        modal_aux=cues["modal_aux"], hypothetical_marks=frozenset(cues["hypothetical_marks"]),
        condition_marks=frozenset(cues["condition_marks"]), act_clause_marks=frozenset(cues["act_clause_marks"]),
        act_pronouns=frozenset(cues["act_pronouns"]), commitment_aux=frozenset(cues["commitment_aux"]),
        unreal=frozenset(cues["unreal"]), content_cues=content, content_order=tuple(cues["content_order"]),
        pronouns=cues["pronouns"], recipient_preps=frozenset(cues["recipient_preps"]),
        place_preps=frozenset(cues["place_preps"]), source_preps=frozenset(cues["source_preps"]),
        home_words=frozenset(cues["home_words"]),
        people=frozenset().union(*(nouns["classes"][k] for k in
                                   ("people", "personnel", "military", "person", "delegation", "protester"))),
        noun_tails=frozenset(name[i + 1:] for name in nouns["events"] for i, ch in enumerate(name) if ch in " -"),
    )
