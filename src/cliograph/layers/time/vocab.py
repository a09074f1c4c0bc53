"""The time layer's vocabulary (data/vocab.json) and the lookup tables derived from it."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from .tokens import tokenize


class Vocab:
    """Word tables; multiword phrases become token tuples so the grammar can match them token by token."""

    def __init__(self, raw: dict):
        self.raw = raw
        self.months = raw["months"]
        self.month_abbrevs = raw["month_abbrevs"]
        self.weekdays = raw["weekdays"]
        self.weekday_abbrevs = raw["weekday_abbrevs"]
        self.seasons = raw["seasons"]
        self.pods = raw["parts_of_day"]
        self.numbers = raw["numbers"]
        self.tens = raw["tens"]
        self.ordinals = raw["ordinals"]
        self.units = raw["units"]
        self.position_mods = raw["position_mods"]
        self.deictic_days = raw["deictic_days"]
        self.refs = raw["refs"]
        self.relative_dets = raw["relative_dets"]
        self.offset_words = raw["offset_words"]
        self.set_words = raw["set_words"]
        self.frequency = raw["frequency"]
        self.decade_words = raw["decade_words"]
        self.clock_suffixes = raw["clock_suffixes"]
        self.clock_words = raw["clock_words"]
        self.eras_bc = set(raw["eras_bc"])
        self.eras_ad = set(raw["eras_ad"])
        self.year_lo, self.year_hi = raw["year_range"]
        for key in ("vague_counts", "set_dets", "clock_preps", "month_left_context", "may_left_context",
                    "quantity_nouns", "number_cues_before", "weak_number_cues", "attributive_dets",
                    "anchor_blocking_preps", "present_words", "future_aux", "future_lemmas", "deictic_dets",
                    "holiday_need_context", "amount_words", "count_adjectives", "duration_preps", "street_words"):
            setattr(self, key, set(raw[key]))
        self.position_phrases = phrases(raw["position_phrases"])
        self.halves = phrases(raw["halves"])
        self.approx_mods = phrases(raw["approx_mods"])
        self.ref_phrases = phrases(raw["ref_phrases"])
        self.ref_context_required = {phrase_key(k): set(v) for k, v in raw["ref_context_required"].items()}
        self.ref_need_prep = {phrase_key(k) for k in raw["ref_need_prep"]}
        self.anaphoric_dets = phrases({k: k for k in raw["anaphoric_dets"]})
        self.offset_pairs = phrases(raw["offset_pairs"])
        self.event_relations = phrases(raw["event_relations"])
        self.holidays = phrases(raw["holidays"])
        self.vague_phrases = phrases({k: None for k in raw["vague_counts"]})


def phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(t.low for t in tokenize(phrase))


def phrases(table: dict) -> dict[tuple[str, ...], object]:
    return {phrase_key(k): v for k, v in table.items()}


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    text = resources.files("cliograph.layers.time").joinpath("data/vocab.json").read_text("utf-8")
    return Vocab(json.loads(text))
