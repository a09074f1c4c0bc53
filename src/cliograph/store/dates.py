"""Calendar ranges of TIMEX3 values, so dates of any precision can be filtered and ordered.

`1960-07-16` is one day, `1960-08` a month, `1959-WI` the winter from December 1959 to February 1960,
`196X` a decade. Values that name no calendar range (`PAST_REF`, `P18M`) have none.
"""
from __future__ import annotations

import calendar
import re

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$")
_PART = re.compile(r"^(\d{4})-(WI|SP|SU|FA|Q[1-4]|H[12]|W\d{2})$")
_DECADE = re.compile(r"^(\d{3})X?$")
_CENTURY = re.compile(r"^(\d{2})(?:XX)?$")
# months covered by each part of a year, as (first month, number of months)
_PARTS = {"WI": (12, 3), "SP": (3, 3), "SU": (6, 3), "FA": (9, 3), "Q1": (1, 3), "Q2": (4, 3), "Q3": (7, 3),
          "Q4": (10, 3), "H1": (1, 6), "H2": (7, 6)}


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _months(year: int, first: int, count: int) -> tuple[str, str]:
    end_month = first + count - 1
    end_year = year + (end_month - 1) // 12
    end_month = (end_month - 1) % 12 + 1
    return f"{year:04d}-{first:02d}-01", f"{end_year:04d}-{end_month:02d}-{_last_day(end_year, end_month):02d}"


def value_range(value: str | None) -> tuple[str, str] | None:
    """(first day, last day) as ISO dates, or None when the value names no calendar range."""
    if not value:
        return None
    value = value.strip()
    m = _DATE.match(value)
    if m:
        year = int(m.group(1))
        if m.group(3):
            day = f"{year:04d}-{m.group(2)}-{m.group(3)}"
            return day, day
        if m.group(2):
            month = int(m.group(2))
            if not 1 <= month <= 12:
                return None
            return _months(year, month, 1)
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    m = _PART.match(value)
    if m:
        year, part = int(m.group(1)), m.group(2)
        if part.startswith("W") and part[1:].isdecimal():
            week = int(part[1:])
            month = min(12, 1 + (week - 1) * 12 // 53)
            return _months(year, month, 1)
        return _months(year, *_PARTS[part])
    m = _DECADE.match(value)
    if m:
        return f"{m.group(1)}0-01-01", f"{m.group(1)}9-12-31"
    m = _CENTURY.match(value)
    if m:
        return f"{m.group(1)}00-01-01", f"{m.group(1)}99-12-31"
    return None


def bound(value: str | None, upper: bool) -> str | None:
    """A --from / --to argument as an ISO day: the first day of its range, or the last for --to."""
    if value is None:
        return None
    rng = value_range(value)
    if rng is None:
        raise ValueError(f"{value!r} is not a date (try 1960, 1960-07 or 1960-07-16)")
    return rng[1] if upper else rng[0]
