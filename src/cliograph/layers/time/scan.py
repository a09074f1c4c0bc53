"""Recognition: the longest time expression starting at each token, left to right (one pass)."""
from __future__ import annotations

import re
from functools import lru_cache

from .dates import Dates, cal
from .relative import Relative, rel
from .sem import Cand
from .tokens import Tok
from .values import When
from .vocab import Vocab, vocab

POS_UNITS = {"year": "Y", "month": "M", "week": "W", "decade": "DE", "century": "CE"}


class Scanner(Dates, Relative):
    def best(self, i: int) -> Cand | None:
        found = None
        for parse in (self.quarter, self.position, self.approx, self.earlier_later, self.clock, self.full_date,
                      self.weekday, self.holiday, self.century, self.decade, self.season, self.year_expr,
                      self.month_alone, self.day_alone, self.count_unit, self.deictic_word, self.det_unit, self.anaphoric,
                      self.day_before, self.sets, self.refs, self.event_rel):
            c = parse(i)
            if c is not None and c.j > i and (found is None or c.j > found.j):
                found = c
        return found

    def position(self, i: int) -> Cand | None:
        """`late December`, `mid-1961`, `the early fifties`, `the end of August`, `early last year`."""
        k = i + (self.low(i) == "the" and self.low(i + 1) in self.V.position_mods)
        mod = self.V.position_mods.get(self.low(k))
        if mod:
            k += 1
            if self.low(k) == "-" and self.adjacent(k):
                k += 1
            elif self.low(k - 1) == "mid" and not self.adjacent(k):
                return None
            inner = self.inner_date(k, after_the=k > i + 1)
        else:
            m = self.match(i, self.V.position_phrases)
            if not m:
                return None
            k, mod = m
            inner = self.inner_date(k, after_the=False, units=True)
        if inner is None:
            return None
        inner.i, inner.mod = i, str(mod)
        return inner

    def inner_date(self, k: int, after_the: bool, units: bool = False) -> Cand | None:
        if k >= self.n:
            return None
        found = None
        mm = self.month_at(k)
        opts = [self.date_mdy(k), self.year_expr(k), self.decade(k, bare=after_the), self.century(k),
                self.season(k, det="pos"), self.det_unit(k), self.anaphoric(k), self.weekday(k),
                self.deictic_word(k),
                cal(k, mm[0], When("M", m=mm[1])) if mm else None]
        if units and self.low(k) == "the" and self.low(k + 1) in POS_UNITS:
            opts.append(rel(k, k + 2, "anchor", POS_UNITS[self.low(k + 1)], 0))
        for c in opts:
            if c is not None and (found is None or c.j > found.j):
                found = c
        if found is not None and found.type == "DATE" and found.sem.kind != "lit":
            found.attributive = False
            return found
        return None

    def approx(self, i: int) -> Cand | None:
        """`almost a year and a half`, `about three weeks`, `more than two years ago`, `c. 1500`."""
        m = self.match(i, self.V.approx_mods)
        if not m or self.low(m[0]) == "the":
            return None
        k, mod = m
        inner = self.count_unit(k)
        if inner is None and mod == "APPROX" and self.low(i) not in ("some", "over", "under"):
            inner = self.year_expr(k) or self.full_date(k)
        if inner is None:
            return None
        inner.i, inner.mod = i, str(mod)
        return inner

    def earlier_later(self, i: int) -> Cand | None:
        """`later that year`, `earlier this month`, `later that day`."""
        if self.low(i) not in ("earlier", "later"):
            return None
        inner = self.det_unit(i + 1) or self.anaphoric(i + 1)
        if inner is None or inner.sem.kind != "rel":
            return None
        inner.i = i
        return inner


@lru_cache(maxsize=1)
def triggers(V: Vocab) -> frozenset[str]:
    """Words that can begin an expression: tokens elsewhere are skipped without trying the grammar."""
    words = set()
    for table in (V.months, V.month_abbrevs, V.weekdays, V.weekday_abbrevs, V.seasons, V.numbers, V.tens,
                  V.ordinals, V.units, V.position_mods, V.deictic_days, V.refs, V.relative_dets, V.set_words,
                  V.frequency, V.decade_words, V.clock_words):
        words.update(table)
    words.update(w + "s" for w in V.weekdays)
    for table in (V.position_phrases, V.halves, V.approx_mods, V.ref_phrases, V.anaphoric_dets, V.holidays,
                  V.vague_phrases):
        words.update(k[0] for k in table)
    words.update(V.set_dets | V.eras_ad | V.eras_bc | V.vague_counts)
    words.update({"the", "fiscal", "mid", "earlier", "later", "half", "per", "nineteen", "every", "each"})
    return frozenset(words)


@lru_cache(maxsize=1)
def core_words(V: Vocab) -> frozenset[str]:
    """Words of which every expression holds at least one (besides digits): the grammar is tried only
    a few tokens before one of them, and a paragraph with none is not tokenized at all."""
    words = set()
    for table in (V.months, V.month_abbrevs, V.weekdays, V.weekday_abbrevs, V.seasons, V.pods, V.units,
                  V.deictic_days, V.refs, V.set_words, V.decade_words, V.clock_words):
        words.update(table)
    words.update(w + "s" for w in V.weekdays)
    for table in (V.ref_phrases, V.holidays):
        for key in table:
            words.update(key)
    words.update({"ago", "past", "future", "present", "moment", "time"})
    return frozenset(words - {"the", "a", "an", "of", "at", "in", "for", "this", "that", "these", "'s", "."})


@lru_cache(maxsize=1)
def core_re(V: Vocab) -> re.Pattern:
    words = sorted(core_words(V), key=len, reverse=True)
    return re.compile(r"\d|\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


def worth_scanning(text: str) -> bool:
    return core_re(vocab()).search(text) is not None


REACH = 8  # tokens: the farthest a core word lies from the start of its expression (`the very end of the year`)


def scan(toks: list[Tok], tagged: bool) -> list[Cand]:
    V = vocab()
    trig = triggers(V)
    core = core_words(V)
    n = len(toks)
    next_core = [n + REACH] * (n + 1)
    for k in range(n - 1, -1, -1):
        t = toks[k]
        next_core[k] = k if (t.kind in ("n", "a") or t.low in core) else next_core[k + 1]
    sc = Scanner(toks, V, tagged)
    out: list[Cand] = []
    i = 0
    while i < n:
        t = toks[i]
        c = None
        if next_core[i] - i <= REACH and (t.kind in ("n", "a") or t.low in trig):
            c = sc.best(i)
        if c is None:
            i += 1
            continue
        if c.sem.kind in ("cal", "rel"):
            c.tense = sc.tense(c.i)
        out.append(c)
        i = c.j
    return out
