"""Dated facts in time order: quotations (dated by the nearest time expression or the narrative time)
and events (by their own date), each with page, notes and source offsets. No spaCy needed."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import asdict, dataclass, field

CALENDAR = re.compile(r"^(-?\d{2,4})(?:-(\d{2}|W\d{2}|SP|SU|FA|WI|Q\d|H\d))?(?:-(\d{2}))?")
PART_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 12, "Q1": 1, "Q2": 4, "Q3": 7, "Q4": 10, "H1": 1, "H2": 7}
NEAR = 200  # characters: a time expression this close to a quotation, in its sentence, dates it
SENTENCE_END = re.compile(r"[.!?]['\"”’)]*\s+[\"“‘(]*[A-Z]")


@dataclass
class Entry:
    date: str | None  # TIMEX3 value, None when undated
    kind: str  # quote or event
    text: str
    page: str | None
    notes: list[str] = field(default_factory=list)
    start: int = 0
    end: int = 0
    source_start: int = 0
    source_end: int = 0
    time: str | None = None  # the timex id the date came from
    id: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def date_key(value: str | None) -> tuple[int, int, int] | None:
    """A sort key for a calendar value (`1960-08-04`, `1960-08`, `1959-WI`, `196`), None for others."""
    if not value:
        return None
    m = CALENDAR.match(value)
    if not m:
        return None
    head = m.group(1)
    digits = head.lstrip("-")
    if len(digits) == 4:
        year = int(head)
    elif len(digits) == 3:
        year = int(head) * 10  # a decade
    else:
        year = int(head) * 100  # a century
    mid, day = m.group(2), m.group(3)
    month = 0
    if mid and mid.isdecimal():
        month = int(mid)
    elif mid in PART_MONTH:
        month = PART_MONTH[mid]
    elif mid:  # an ISO week
        month = min(12, int(mid[1:]) * 7 // 30 + 1)
    return year, month, int(day) if day else 0


def narrative_fallback(doc):
    """Without the time layer's own function: the last calendar-valued DATE before a main-flow offset."""
    dated = [t for t in doc.timex if t.type in ("DATE", "TIME") and t.start < doc.main_end and date_key(t.value)
             and len(t.value) >= 4]
    starts = [t.start for t in dated]

    def time_at(pos: int):
        k = bisect_right(starts, pos) - 1
        return dated[k] if k >= 0 and pos < doc.main_end else None

    return time_at


def timeline(doc, time_at=None, undated: bool = False) -> list[Entry]:
    """The document's quotations and events as dated entries, sorted by date, then text order.

    A quotation takes the nearest time expression in its own sentence, else the narrative time where it
    stands; an event its own date, else the narrative time at its trigger."""
    time_at = time_at or narrative_fallback(doc)
    timex = [t for t in doc.timex if date_key(t.value)]
    starts = [t.start for t in timex]
    par_starts = [p.start for p in doc.paragraphs]
    out = []
    for q in doc.quotes:
        if q.kind != "speech":
            continue
        t = nearest(q, timex, starts, doc, par_starts) or time_at(q.start)
        out.append(Entry(t.value if t else None, "quote", q.text, q.page, list(q.notes), q.start, q.end,
                         q.source_start, q.source_end, t.id if t else None, q.id))
    names = {a.id: a.name for a in doc.actors}
    for e in doc.events:
        t = None
        date = e.date
        if date is None:
            t = time_at(e.trigger.start)
            date = t.value if t else None
        who = names.get(e.agent) or e.agent_text or ""
        whom = names.get(e.patient) or e.patient_text or ""
        words = " ".join(x for x in (who, e.predicate, whom) if x)
        if e.category:
            words += f" [{e.category}]"
        out.append(Entry(date, "event", words, e.page, list(e.notes), e.trigger.start, e.trigger.end,
                         e.trigger.source_start, e.trigger.source_end, e.time or (t.id if t else None), e.id))
    dated = [x for x in out if date_key(x.date)]
    dated.sort(key=lambda x: (date_key(x.date), x.start))
    if undated:
        dated += sorted((x for x in out if not date_key(x.date)), key=lambda x: x.start)
    return dated


def nearest(q, timex, starts, doc, par_starts):
    """The calendar time expression nearest to quotation `q` in its sentence (outside the quoted words)."""
    p = bisect_right(par_starts, q.start) - 1
    if p < 0:
        return None
    lo, hi = doc.paragraphs[p].start, doc.paragraphs[p].end
    best, dist = None, NEAR + 1
    i = bisect_left(starts, max(lo, q.start - NEAR))
    while i < len(timex) and timex[i].start <= min(hi, q.end + NEAR):
        t = timex[i]
        i += 1
        if t.start >= q.start and t.end <= q.end:
            continue  # a date inside the quotation is what was said, not when
        if t.end <= q.start:
            d, gap = q.start - t.end, doc.text[t.end:q.start]
        else:
            d, gap = t.start - q.end, doc.text[max(q.end - 1, 0):t.start]
        if 0 <= d < dist and len(t.value) >= 4 and not SENTENCE_END.search(gap):
            best, dist = t, d
    return best
