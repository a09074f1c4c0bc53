"""What the grammar found: a candidate expression and the meaning its value is computed from."""
from __future__ import annotations

from dataclasses import dataclass

from .values import When

# how a fractional count moves to a smaller unit (1.5 years = 18 months)
SMALLER = {"Y": ("M", 12), "DE": ("Y", 10), "CE": ("Y", 100), "ML": ("Y", 1000), "D": ("H", 24),
           "H": ("MIN", 60), "MIN": ("S", 60), "W": ("D", 7), "FN": ("D", 14), "Q": ("M", 3)}
TIME_UNITS = {"H", "MIN", "S"}
LETTER = {"S": "S", "MIN": "M", "H": "H", "D": "D", "W": "W", "M": "M", "Y": "Y", "DE": "DE", "CE": "CE",
          "Q": "Q", "WE": "WE"}


@dataclass
class Sem:
    """The meaning of an expression.

    kind `lit`: a fixed value (durations, sets, PAST_REF ...); `cal`: calendar fields in `when`, the
    year possibly missing (`when.y is None`) and then chosen by anchoring, in direction `dir`; `rel`:
    `n` `unit`s from a base (`dct`: the document date; `anchor`: the narrative time), printed at
    granularity `gran`; `vague`: an unknown count of units from a base (`n` gives the direction).
    """

    kind: str
    value: str = ""
    when: When | None = None
    dir: str | None = None
    base: str = ""
    unit: str = ""
    n: int = 0
    gran: str = ""
    pod: str | None = None
    hm: tuple[int, int] | None = None
    decade: int | None = None  # a decade named without its century (`the sixties`)
    event: bool = False  # relative to an event named in the text (`the weeks following the congress`)


@dataclass
class Cand:
    i: int  # first token
    j: int  # one past the last token
    type: str  # DATE, TIME, DURATION, SET
    sem: Sem
    mod: str | None = None
    attributive: bool = False  # a year modifying a noun (`the 1964 leadership struggle`)
    aside: bool = False  # in parentheses, or after `since`/`until`: does not move the narrative
    tense: str | None = None  # past, pluperfect, future, present: the tense of the clause holding it


def duration(parts: list[tuple[float | None, str]]) -> str:
    """TIMEX3 duration value of (count, unit) parts; a None count is `X` (`PXY`)."""
    date, time = [], []
    for n, unit in parts:
        if unit == "FN":
            n, unit = (None if n is None else n * 2), "W"
        if unit == "ML":
            n, unit = (None if n is None else n * 1000), "Y"
        if n is not None and n != int(n) and unit in SMALLER:
            small, k = SMALLER[unit]
            if n * k == int(n * k):
                n, unit = n * k, small
        text = "X" if n is None else number(n)
        (time if unit in TIME_UNITS else date).append(text + LETTER.get(unit, unit))
    out = "P" + "".join(date)
    if time:
        out += "T" + "".join(time)
    return out


def number(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"
