"""Narrative anchoring: a reference time threaded through the text gives each expression its value.

Explicit dates move the reference time; a year that modifies a noun (`the 1964 leadership
struggle`), stands in parentheses, follows `since`/`until` or sits in a quotation does not. A date
without a year takes the year that keeps the narrative in order: near the reference time, leaning
forward. Before anything has anchored a section, expressions wait and take their year from the first
explicit date further on in the section, read backwards (so `On July 16 ... in November 1960`
dates July 16 to 1960). Deictic words (`yesterday`, `last week`, `two years ago`) use the document's
reference date when there is one. Each item is visited a bounded number of times: linear in the text.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from .sem import Cand
from .values import ORDER, When, add_months, coarsen, nearest_year, shift, weekday_near

LOOKAHEAD = 12_000  # characters: farther than this, a later year no longer dates an early expression
X_VALUES = {"C": "XX", "E": "XXX", "Y": "XXXX", "H": "XXXX-HX", "Q": "XXXX-QX", "S": "XXXX-XX", "M": "XXXX-XX",
            "W": "XXXX-WXX", "D": "XXXX-XX-XX"}


@dataclass
class Item:
    start: int
    end: int
    cand: Cand
    quoted: bool = False
    par: int = 0  # paragraph index
    section: int = 0
    id: str = ""
    value: str = ""
    when: When | None = None
    anchor: str | None = None
    confidence: float = 0.0
    moves: bool = False  # sets the narrative time for what follows
    explicit: bool = False  # its year is written in the text


@dataclass
class Ref:
    when: When
    id: str | None  # timex id, "reference_date" or "year_hint"
    par: int = -1
    explicit: bool = False


class Resolver:
    """Resolve one stream of items (the main flow, or one note) in text order."""

    def __init__(self, dct: When | None, hint: int | None):
        self.dct = dct
        self.hint = hint
        self.anchor: Ref | None = None
        self.stale = False
        self.pending: list[Item] = []
        self.section = None
        self.weak: Ref | None = None
        self.month: Ref | None = None  # the last date naming a month, moving or not (for `on the 24th`)

    # ------------------------------------------------------------ driving
    def run(self, items: list[Item]) -> None:
        for it in items:
            if self.section is not None and it.section != self.section:
                self.flush(None)
                self.month = None
                if self.anchor is not None:
                    self.stale = True
            self.section = it.section
            if self.pending and it.start - self.pending[0].start > LOOKAHEAD:
                self.flush(None)
            self.visit(it)
        self.flush(None)

    def visit(self, it: Item) -> None:
        sem = it.cand.sem
        if sem.kind == "lit":
            it.value = sem.value
            it.confidence = 0.9 if it.cand.type in ("DURATION", "SET") else 0.7
            return
        if sem.kind == "cal" and (sem.when.y is not None or sem.when.gran == "C"):
            self.explicit(it)
            return
        ref = self.reference_for(it)
        if ref is None:
            if sem.kind == "rel" and sem.base == "dct" and not it.quoted:
                it.value = sem.value or ("PAST_REF" if sem.n < 0 else "FUTURE_REF" if sem.n > 0 else "PRESENT_REF")
                it.confidence = 0.6
                return
            self.pending.append(it)
            return
        self.resolve(it, ref, self.direction(it, ref))
        if it.moves:
            self.anchor, self.stale = Ref(it.when, it.id, it.par), False

    def explicit(self, it: Item) -> None:
        w = it.cand.sem.when
        it.when, it.value, it.explicit = w, w.value(), True
        if w.m is not None:
            self.month = Ref(w, it.id, it.par)
        it.confidence = 0.95
        if not it.cand.attributive and not it.quoted and ORDER[w.gran] >= ORDER["Y"]:
            self.weak = Ref(w, it.id, it.par, explicit=True)  # the fallback when nothing anchors
        if it.cand.attributive or it.cand.aside or it.quoted or ORDER[w.gran] < ORDER["Y"] or \
                it.cand.tense == "pluperfect":
            return
        it.moves = True
        ref = Ref(w, it.id, it.par, explicit=True)
        if self.pending:
            self.flush(ref)
        self.anchor, self.stale = ref, False

    # ------------------------------------------------------------ choosing the reference
    def reference_for(self, it: Item) -> Ref | None:
        sem = it.cand.sem
        if day_of_month(it):
            return None if self.pending else self.month  # wait behind what waits, to keep the order
        if sem.kind == "cal" and sem.decade is not None:
            return self.anchor or self.dct_ref() or self.hint_ref() or Ref(When("Y", y=1999), None)
        live = self.anchor if self.anchor is not None and not self.stale else None
        if sem.base == "dct":
            if sem.kind == "rel" and not it.quoted:
                return self.dct_ref()  # the writer's `ago` and `yesterday` count from the writing, not the story
            return self.dct_ref() or live
        if sem.base == "anchor" or sem.kind == "vague":
            return live or self.dct_ref()
        # a calendar date without its year
        if self.dct is not None:
            if live is not None and live.explicit and live.par == it.par and (
                    sem.when.gran != "W" or live.when.gran == "D"):
                return live
            return self.dct_ref()
        return live

    def dct_ref(self) -> Ref | None:
        return Ref(self.dct, "reference_date") if self.dct is not None else None

    def hint_ref(self) -> Ref | None:
        return Ref(When("Y", y=self.hint), "year_hint") if self.hint is not None else None

    def direction(self, it: Item, ref: Ref) -> str:
        sem = it.cand.sem
        if sem.dir:
            return sem.dir
        if ref.id == "reference_date":
            if it.cand.tense == "present" and sem.when is not None and sem.when.gran == "W":
                return "future"  # `the summit opens Monday`, `has until Monday`
            return {"past": "past", "pluperfect": "past", "future": "future"}.get(it.cand.tense or "", "nearest")
        return "before" if it.cand.tense == "pluperfect" else "forward"  # `had been warned in March`

    # ------------------------------------------------------------ values
    def resolve(self, it: Item, ref: Ref, direction: str, conf: float | None = None) -> None:
        self.value_of(it, ref, direction, conf)
        if it.when is not None and it.when.y is not None and it.when.m is not None:
            self.month = Ref(it.when, it.id, it.par)

    def value_of(self, it: Item, ref: Ref, direction: str, conf: float | None) -> None:
        sem = it.cand.sem
        it.anchor = ref.id
        base_conf = 0.9 if ref.id == "reference_date" else 0.8 if ref.id != "year_hint" else 0.55
        if sem.kind == "vague":
            it.value, it.confidence = X_VALUES.get(sem.gran, "XXXX"), 0.3
            return
        if sem.kind == "rel":
            self.resolve_rel(it, ref, base_conf)
        else:
            self.resolve_cal(it, ref, direction, base_conf)
        if conf is not None:
            it.confidence = min(it.confidence, conf)

    def resolve_rel(self, it: Item, ref: Ref, conf: float) -> None:
        sem = it.cand.sem
        base = ref.when
        n = sem.n
        if sem.unit == "WE" and sem.dir == "tense" and it.cand.tense == "past" and base.gran == "D" and \
                base.date() is not None and base.date().isoweekday() <= 5:
            n -= 1  # `the weekend` told in the past tense on a weekday: the one just gone
        if sem.unit in ("S", "MIN", "H"):
            w, exact = base, base.gran == "D"
        else:
            w, exact = shift(base, sem.unit, n)
        if exact and ORDER.get(w.gran, 8) > ORDER.get(sem.gran, 8):
            w = coarsen(w, sem.gran)
        if sem.event:
            w, exact = coarsen(base, sem.gran), ORDER[base.gran] >= ORDER[sem.gran]
        if sem.pod or sem.hm:
            if w.gran == "D":
                w = replace(w, pod=sem.pod, hm=sem.hm)
            else:
                w, exact = When("D", pod=sem.pod, hm=sem.hm), False
        if w.y is not None and abs(w.y) > 9999:  # beyond four-digit years: only the direction is kept
            it.value, it.confidence = "PAST_REF" if w.y < 0 else "FUTURE_REF", conf * 0.5
            return
        it.when = w
        it.value = w.value()
        it.confidence = conf if exact else conf * 0.6
        it.moves = not sem.event and not it.quoted and w.y is not None and (sem.n != 0 or sem.base == "dct") \
            and it.cand.tense != "pluperfect"

    def resolve_cal(self, it: Item, ref: Ref, direction: str, conf: float) -> None:
        sem = it.cand.sem
        w = sem.when
        if sem.decade is not None:
            r = ref.when.y if ref.when.y is not None else 1999
            c = r // 100 * 100
            if c + sem.decade * 10 > r:
                c -= 100
            it.when = When("E", y=c + sem.decade * 10)
            it.value, it.confidence = it.when.value(), conf * 0.9
            return
        if w.gran == "D" and w.m is None:  # `on the 24th`: a day of the narrative month
            r = ref.when
            if r.m is None or r.y is None:
                it.when, it.value, it.confidence = w, w.value(), 0.3
                return
            y, m = r.y, r.m
            if r.d is not None and w.d < r.d and direction != "before":
                y, m = add_months(y, m, 1)
            it.when = When("D", y=y, m=m, d=w.d)
            it.value, it.confidence = it.when.value(), conf * 0.9
            it.moves = not it.quoted and it.cand.tense != "pluperfect"
            return
        if w.gran == "W":  # a weekday
            day = self.weekday_date(w.weekday, ref.when, direction)
            if day is None:
                it.when, it.value, it.confidence = w, w.value(), 0.3
                return
            it.when = When("D", y=day.year, m=day.month, d=day.day, pod=sem.pod, hm=sem.hm)
        else:
            if direction == "same" and w.gran == "S" and w.season == "WI" and (ref.when.m or 12) <= 2:
                y = ref.when.y - 1
            elif direction == "same":
                y = ref.when.y + sem.n
            else:
                y = nearest_year(w, ref.when, direction)
            it.when = replace(w, y=y, pod=sem.pod or w.pod, hm=sem.hm or w.hm)
        it.value = it.when.value()
        it.confidence = conf
        it.moves = not it.quoted and it.when.y is not None and it.cand.tense != "pluperfect"

    def weekday_date(self, weekday: int, base: When, direction: str) -> dt.date | None:
        day = base.date() if base.gran == "D" else None
        if day is None:
            return None
        if direction == "prev":
            return weekday_near(day - dt.timedelta(days=1), weekday, "past")
        if direction == "after":
            return weekday_near(day + dt.timedelta(days=1), weekday, "future")
        if direction == "same":
            return day + dt.timedelta(days=weekday - day.isoweekday())
        if direction == "before":
            return weekday_near(day, weekday, "past")
        return weekday_near(day, weekday, direction)

    # ------------------------------------------------------------ waiting items
    def flush(self, ahead: Ref | None) -> None:
        """Resolve the waiting items: backwards from `ahead` (a later explicit date), else from the
        stale anchor, the year hint or the reference date; else leave the unknown parts as X."""
        if not self.pending:
            return
        todo, self.pending = self.pending, []
        if ahead is not None:
            cur = ahead
            for it in reversed(todo):  # dates without a year, read back from the later explicit date
                sem = it.cand.sem
                if (sem.kind != "cal" and not sem.event) or day_of_month(it):
                    continue
                self.resolve(it, Ref(cur.when, ahead.id), "before", 0.75 if sem.kind == "cal" else 0.5)
                if it.moves:
                    cur = Ref(it.when, ahead.id)
            last = month = None
            for it in todo:  # relative expressions, forward from the dates just fixed
                sem = it.cand.sem
                if day_of_month(it):
                    if month is not None:
                        self.resolve(it, month, "forward", 0.6)
                    else:
                        self.unknown(it)
                if (sem.kind == "cal" or sem.event) and it.when is not None:
                    if it.when.m is not None and it.when.y is not None:
                        month = Ref(it.when, it.id)
                    if it.moves:
                        last = Ref(it.when, it.id)
                    continue
                if last is not None:
                    self.resolve(it, last, "forward", 0.7)
                else:
                    self.unknown(it)
                if it.moves:
                    last = Ref(it.when, it.id)
            return
        cur = self.anchor or self.weak or self.hint_ref() or self.dct_ref()
        for it in todo:
            sem = it.cand.sem
            if cur is None or (sem.kind == "rel" and cur.when.gran == "Y" and ORDER.get(sem.gran, 8) > ORDER["Y"]):
                self.unknown(it)
                continue
            d = self.direction(it, cur) if cur.id == "reference_date" else (sem.dir or "forward")
            self.resolve(it, cur, d, 0.6)
            if it.moves:
                cur = Ref(it.when, it.id, it.par)
                self.anchor = cur

    def unknown(self, it: Item) -> None:
        sem = it.cand.sem
        w = sem.when
        if sem.kind == "cal" and w is not None:
            if sem.decade is not None:
                it.value = f"19{sem.decade}"
            else:
                it.value = replace(w, pod=sem.pod or w.pod, hm=sem.hm or w.hm).value()
        elif sem.kind == "rel" and sem.base == "dct" and sem.value:
            it.value = sem.value
        else:
            gran = sem.gran or "D"
            it.value = X_VALUES.get(gran, "XXXX")
            if sem.pod:
                it.value += f"T{sem.pod}"
            elif sem.hm:
                it.value += f"T{sem.hm[0]:02d}:{sem.hm[1]:02d}"
        it.confidence = 0.3


def day_of_month(it: Item) -> bool:
    w = it.cand.sem.when
    return it.cand.sem.kind == "cal" and w is not None and w.gran == "D" and w.m is None


def resolve_items(items: list[Item], dct: str | None, hint: int | None, main_end: int) -> None:
    """Give every item a value: the main flow as one narrative, each note paragraph on its own."""
    from .values import parse_iso

    d = parse_iso(dct)
    main = [it for it in items if it.start < main_end]
    Resolver(d, hint).run(main)
    notes: dict[int, list[Item]] = {}
    for it in items:
        if it.start >= main_end:
            notes.setdefault(it.par, []).append(it)
    for group in notes.values():
        Resolver(d, hint).run(group)
    for it in items:
        if it.moves and (it.when is None or it.when.y is None):
            it.moves = False  # a date still without its year never anchors
