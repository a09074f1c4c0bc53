"""Calendar points at a granularity: TIMEX3 value strings, shifts, and order in time.

A `When` is a point of the calendar known to some granularity (`gran`): century `C`, decade `E`,
year `Y`, half `H`, quarter `Q`, season `S`, month `M`, week `W`, day `D`. Years are astronomical
(1 B.C. is 0, 44 B.C. is -43, written `-0043`). A `None` year prints as `XXXX`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

ORDER = {"C": 0, "E": 1, "Y": 2, "H": 3, "Q": 4, "S": 5, "M": 6, "W": 7, "D": 8}
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # first month; winter runs into the next year
SEASONS = ("SP", "SU", "FA", "WI")  # in the order of a year; winter is named by its December


@dataclass(frozen=True)
class When:
    gran: str
    y: int | None = None
    m: int | None = None
    d: int | None = None
    season: str | None = None
    q: int | None = None
    h: int | None = None
    week: int | None = None  # ISO week; `y` is then the ISO year
    weekday: int | None = None  # 1 = Monday, for a weekday whose week is unknown
    weekend: bool = False
    pod: str | None = None  # part of day: MO, AF, EV, NI
    hm: tuple[int, int] | None = None
    fy: bool = False

    # ------------------------------------------------------------ printing
    def value(self) -> str:
        g, y = self.gran, self.y
        if g == "C":
            if y is None:
                return "XX"
            return f"-{(-y) // 100:02d}" if y < 0 else f"{y // 100:02d}"
        if g == "E":
            return "XXX" if y is None else f"{y // 10:03d}"
        ys = year_str(y)
        if g == "Y":
            return f"FY{ys}" if self.fy else ys
        if g == "H":
            return f"{ys}-H{self.h}"
        if g == "Q":
            return f"{ys}-Q{self.q}"
        if g == "S":
            return f"{ys}-{self.season}"
        if g == "M":
            return f"{ys}-{two(self.m)}"
        if g == "W":
            if self.week is None:
                base = f"{ys}-WXX"
                return f"{base}-{self.weekday}" if self.weekday else base
            return f"{ys}-W{self.week:02d}" + ("-WE" if self.weekend else "")
        # day, with an optional time of day
        out = f"{ys}-{two(self.m)}-{two(self.d)}"
        if self.hm is not None:
            out += f"T{self.hm[0]:02d}:{self.hm[1]:02d}"
        elif self.pod:
            out += f"T{self.pod}"
        return out

    # ------------------------------------------------------------ order
    def interval(self) -> tuple[float, float]:
        """[lo, hi) in months since year 0 (year * 12 + month - 1), for comparing points in time."""
        y = self.y if self.y is not None else 0
        g = self.gran
        if g == "C":
            return y * 12.0, (y + 100) * 12.0
        if g == "E":
            return y * 12.0, (y + 10) * 12.0
        if g == "Y":
            return y * 12.0, (y + 1) * 12.0
        if g == "H":
            lo = y * 12.0 + (self.h - 1) * 6
            return lo, lo + 6
        if g == "Q":
            lo = y * 12.0 + (self.q - 1) * 3
            return lo, lo + 3
        if g == "S":
            lo = y * 12.0 + SEASON_START[self.season] - 1
            return lo, lo + 3
        if g == "M":
            lo = y * 12.0 + self.m - 1
            return lo, lo + 1
        day = self.date()
        if day is None:
            return y * 12.0, (y + 1) * 12.0
        lo = day.year * 12.0 + day.month - 1 + (day.day - 1) / 31
        return (lo, lo + 7 / 31) if g == "W" else (lo, lo + 1 / 31)

    def mid(self) -> float:
        lo, hi = self.interval()
        return (lo + hi) / 2

    def date(self) -> dt.date | None:
        """The first day of a week or the day itself (None when not a day or week in a known year)."""
        if self.y is None or self.y < 1:
            return None
        try:
            if self.gran == "W" and self.week is not None:
                return dt.date.fromisocalendar(self.y, self.week, 1)
            if self.gran == "D":
                return dt.date(self.y, self.m, self.d)
        except ValueError:
            return None
        return None

    def known(self) -> bool:
        return self.y is not None


def two(n: int | None) -> str:
    return "XX" if n is None else f"{n:02d}"


def year_str(y: int | None) -> str:
    if y is None:
        return "XXXX"
    return f"-{-y:04d}" if y < 0 else f"{y:04d}"


def from_date(day: dt.date, gran: str = "D", **extra) -> When:
    if gran == "W":
        iy, iw, _ = day.isocalendar()
        return When("W", y=iy, week=iw, **extra)
    if gran == "M":
        return When("M", y=day.year, m=day.month)
    if gran == "Y":
        return When("Y", y=day.year)
    return When("D", y=day.year, m=day.month, d=day.day, **extra)


def parse_iso(value: str | None) -> When | None:
    if not value:
        return None
    try:
        return from_date(dt.date.fromisoformat(value))
    except ValueError:
        return None


def season_of(w: When) -> When | None:
    """The season holding a month or day (December, January and February are the winter of December's year)."""
    if w.y is None or w.m is None:
        return None
    for code, first in SEASON_START.items():
        months = [(first + k - 1) % 12 + 1 for k in range(3)]
        if w.m in months:
            year = w.y - 1 if code == "WI" and w.m < 3 else w.y
            return When("S", y=year, season=code)
    return None


def coarsen(w: When, gran: str) -> When:
    """`w` printed no finer than `gran` (a day as its month, a month as its year, ...)."""
    if ORDER.get(w.gran, 8) <= ORDER[gran]:
        return w
    if gran == "W":
        day = w.date()
        return from_date(day, "W") if day else When("W", y=w.y)
    if gran == "M" and w.m is not None:
        return When("M", y=w.y, m=w.m)
    if gran == "S":
        return season_of(w) or When("Y", y=w.y)
    if gran == "Q" and w.m is not None:
        return When("Q", y=w.y, q=(w.m - 1) // 3 + 1)
    if gran == "H" and w.m is not None:
        return When("H", y=w.y, h=1 if w.m <= 6 else 2)
    if gran == "E":
        return When("E", y=None if w.y is None else w.y // 10 * 10)
    if gran == "C":
        return When("C", y=None if w.y is None else w.y // 100 * 100)
    return When("Y", y=w.y, fy=w.fy)


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def shift(base: When, unit: str, n: int) -> tuple[When, bool]:
    """`base` moved by `n` units; the result has the unit's granularity where `base` is fine enough.

    Returns (point, exact): `exact` is False when `base` was too coarse for the unit (then the result
    keeps `base`'s granularity).
    """
    if base.y is None:
        return base, False
    if unit in ("D", "W", "WE"):
        day = base.date()
        if day is None:
            if unit == "W" or unit == "WE":
                return base, False
            return base, False
        try:
            day = day + dt.timedelta(days=n * (7 if unit in ("W", "WE") else 1))
        except OverflowError:
            return base, False
        if unit == "D":
            return from_date(day, "D"), True
        iy, iw, _ = day.isocalendar()
        return When("W", y=iy, week=iw, weekend=unit == "WE"), True
    if unit == "M":
        if base.m is None:
            return base, False
        y, m = add_months(base.y, base.m, n)
        return When("M", y=y, m=m), True
    if unit == "Q":
        q = base.q if base.q else ((base.m - 1) // 3 + 1 if base.m else None)
        if q is None:
            return base, False
        k = base.y * 4 + q - 1 + n
        return When("Q", y=k // 4, q=k % 4 + 1), True
    if unit == "H":
        h = base.h if base.h else ((1 if base.m <= 6 else 2) if base.m else None)
        if h is None:
            return base, False
        k = base.y * 2 + h - 1 + n
        return When("H", y=k // 2, h=k % 2 + 1), True
    if unit == "S":
        s = base if base.gran == "S" else season_of(base)
        if s is None:
            return base, False
        k = s.y * 4 + SEASONS.index(s.season) + n
        return When("S", y=k // 4, season=SEASONS[k % 4]), True
    if unit == "Y":
        return replace(coarsen(base, "Y"), y=base.y + n, gran="Y"), True
    if unit == "DE":
        return When("E", y=(base.y + 10 * n) // 10 * 10), True
    if unit == "CE":
        return When("C", y=(base.y + 100 * n) // 100 * 100), True
    return base, False


def nearest_year(item: When, ref: When, direction: str) -> int:
    """The year for a point lacking one (`item.y` ignored) that best fits `ref` in `direction`.

    `forward`: nearest to ref, leaning forward (a narrative moves on; short flashbacks allowed);
    `before`: the latest that does not start after ref ends; `past`/`future`: at or before / at or
    after ref at the item's granularity; `prev`/`after`: strictly before / after ref; `nearest`: plainly
    nearest.
    """
    if ref.y is None:
        return 0
    if ref.gran in ("Y", "C", "E"):  # a whole-year reference: the same year, or the one beside it
        return ref.y + {"prev": -1, "after": 1}.get(direction, 0)
    cands = [replace(item, y=ref.y + k) for k in (-1, 0, 1)]
    lo_r, hi_r = ref.interval()
    mid_r = (lo_r + hi_r) / 2
    best, best_cost = ref.y, None
    for c in cands:
        lo, hi = c.interval()
        mid = (lo + hi) / 2
        if direction == "prev":  # strictly before: `last March`, `the previous spring`
            if hi > lo_r + 1e-9:
                continue
            cost = mid_r - mid
        elif direction == "after":  # strictly after: `next March`, `the following spring`
            if lo < hi_r - 1e-9:
                continue
            cost = mid - mid_r
        elif direction == "before":
            if lo >= hi_r:
                continue
            cost = mid_r - mid if mid <= mid_r else 0.01 * (mid - mid_r)
        elif direction == "past":
            if lo > lo_r and not (lo <= mid_r < hi):
                continue
            cost = abs(mid_r - mid)
        elif direction == "future":
            if hi <= lo_r and not (lo <= mid_r < hi):
                continue
            cost = abs(mid - mid_r)
        elif direction == "forward":
            delta = mid - mid_r
            cost = delta if delta >= 0 else -4 * delta  # a flashback of more than ~2 months needs a cue
        else:
            cost = abs(mid - mid_r)
        if best_cost is None or cost < best_cost or (cost == best_cost and direction == "nearest"):
            best, best_cost = c.y, cost  # a tie in `nearest` goes to the later year
    return best


def weekday_near(base: dt.date, weekday: int, direction: str) -> dt.date:
    """The date of `weekday` (1 = Monday) near `base`: past (on or before), future (on or after),
    forward (strictly after, a narrative moving on) or nearest."""
    diff = weekday - base.isoweekday()
    back = base - dt.timedelta(days=(-diff) % 7)
    ahead = base + dt.timedelta(days=diff % 7)
    if direction == "past":
        return back
    if direction == "future":
        return ahead
    if direction == "forward":
        return ahead if ahead != base else base + dt.timedelta(days=7)
    return back if (base - back) <= (ahead - base) else ahead
