"""Calendar expressions: dates, months, years, eras, decades, centuries, seasons, quarters, holidays."""
from __future__ import annotations

import re

from .grammar import DECADE_RE, Base
from .sem import Cand, Sem
from .values import When

ISO_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
SLASH_RE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
DOT_RE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
RANGE_RE = re.compile(r"^(\d{4})/(\d{2}|\d{4})$")
SHORT_DECADE = re.compile(r"^['’](\d)0['’]?s$")


def cal(i: int, j: int, when: When, **kw) -> Cand:
    typ = kw.pop("type", "DATE")
    return Cand(i, j, typ, Sem("cal", when=when, **kw))


class Dates(Base):
    # ------------------------------------------------------------ parts
    def month_at(self, i: int) -> tuple[int, int] | None:
        tok = self.t[i] if 0 <= i < self.n else None
        if tok is None or tok.kind != "w" or not tok.cap:
            return None
        if tok.low in self.V.months:
            return i + 1, self.V.months[tok.low]
        m = self.V.month_abbrevs.get(tok.low)
        if m is None:
            return None
        if self.low(i + 1) == "." and self.t[i + 1].start == tok.end:
            return i + 2, m
        if i + 1 < self.n and self.t[i + 1].kind == "n" and (tok.text.isupper() or tok.text[1:].islower()):
            return i + 1, m
        return None

    def day_at(self, i: int, words: bool = False) -> tuple[int, int] | None:
        tok = self.t[i] if 0 <= i < self.n else None
        if tok is None:
            return None
        if tok.kind == "n" and tok.text.isdecimal() and len(tok.text) <= 2:
            d = int(tok.text)
            if self.low(i + 1) in (":", ".") and i + 2 < self.n and self.t[i + 2].kind == "n":
                return None  # a clock time or a decimal
            return (i + 1, d) if 1 <= d <= 31 else None
        o = self.ordinal(i)
        if o and 1 <= o[1] <= 31 and (words or self.t[i].kind == "n"):
            return o
        return None

    def year_or_era(self, i: int) -> tuple[int, int] | None:
        return self.era_year(i) or self.year(i)

    def era_year(self, i: int) -> tuple[int, int] | None:
        """`44 B.C.`, `A.D. 800`, `800 AD`, `1066 CE`: (end, astronomical year)."""
        tok = self.t[i] if 0 <= i < self.n else None
        if tok is None:
            return None
        if tok.kind == "n" and tok.text.isdecimal() and len(tok.text) <= 4:
            k = i + 1
            era = self.era(k)
            if era:
                y = int(tok.text)
                return era[0], (1 - y if era[1] == "BC" else y)
        era = self.era(i)
        if era and era[1] == "AD":
            k = era[0] + (self.low(era[0]) == ",")  # `A. D., 1879`
            if k < self.n and self.t[k].kind == "n" and self.t[k].text.isdecimal() and len(self.t[k].text) <= 4:
                return k + 1, int(self.t[k].text)
        return None

    def era(self, i: int) -> tuple[int, str] | None:
        """`B.C.`, `A.D.`, `A. D.`, `BC`, `BCE`, `AD`, `CE` (the bare words only in capitals)."""
        tok = self.t[i] if 0 <= i < self.n else None
        if tok is not None and tok.text in ("A", "B") and self.low(i + 1) == "." and \
                self.text(i + 2) in ("D", "C") and self.low(i + 3) == ".":
            return i + 4, "AD" if tok.text == "A" else "BC"
        if tok is None or not (tok.kind == "a" or (tok.kind == "w" and tok.text.isupper())):
            return None
        if tok.low in self.V.eras_bc:
            return i + 1, "BC"
        if tok.low in self.V.eras_ad:
            return i + 1, "AD"
        return None

    # ------------------------------------------------------------ dates
    def full_date(self, i: int) -> Cand | None:
        return self.numeric_date(i) or self.date_mdy(i) or self.date_dmy(i)

    def numeric_date(self, i: int) -> Cand | None:
        tok = self.t[i]
        if tok.kind != "n":
            return None
        m = SLASH_RE.match(tok.text) or DOT_RE.match(tok.text)
        if m:
            a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
            mo, d = (a, b) if "/" in tok.text else (b, a)  # US month/day; day.month.year
            if 1 <= mo <= 12 and 1 <= d <= 31:
                return cal(i, i + 1, When("D", y=y, m=mo, d=d))
            return None
        if len(tok.text) == 4 and self.low(i + 1) == "-" and i + 4 < self.n and self.low(i + 3) == "-":
            s = "".join(self.t[k].text for k in range(i, i + 5))
            m = ISO_RE.match(s)
            if m and self.t[i + 4].end - tok.start == 10:
                mo, d = int(m.group(2)), int(m.group(3))
                if 1 <= mo <= 12 and 1 <= d <= 31:
                    return cal(i, i + 5, When("D", y=int(m.group(1)), m=mo, d=d))
        return None

    def date_mdy(self, i: int) -> Cand | None:
        """`July 16`, `Aug. 4, 1960`, `July 16th`, `November 1960`, `November of 1960`."""
        mm = self.month_at(i)
        if not mm:
            return None
        j, m = mm
        dd = self.day_at(j)
        if dd and not self.year(j):
            j2, d = dd
            y = None
            if self.low(j2) == "," and self.year_or_era(j2 + 1):
                j2, y = self.year_or_era(j2 + 1)
            elif self.year_or_era(j2):
                j2, y = self.year_or_era(j2)
            return cal(i, j2, When("D", y=y, m=m, d=d))
        k = j + (self.low(j) in (",", "of"))
        yy = self.year_or_era(k)
        if yy:
            return cal(i, yy[0], When("M", y=yy[1], m=m))
        return None

    def date_dmy(self, i: int) -> Cand | None:
        """`4 August 1960`, `the 16th of July`, `16th July`, `the fourth of July`."""
        k = i + (self.low(i) == "the")
        dd = self.day_at(k, words=k > i)
        if not dd:
            return None
        j, d = dd
        if self.low(j) == "day" and self.low(j + 1) == "of":  # `the 31st day of December`
            j += 1
        j += self.low(j) == "of"
        if k > i and self.low(j - 1) != "of" and self.t[k].low[-2:] not in ("st", "nd", "rd", "th"):
            return None
        mm = self.month_at(j)
        if not mm:
            return None
        j, m = mm
        y = None
        k2 = j + (self.low(j) == ",")
        if self.year_or_era(k2):
            j, y = self.year_or_era(k2)
        return cal(i, j, When("D", y=y, m=m, d=d))

    def of_year(self, j: int):
        """`of that year`, `of the following year`, `of last year` after a season or month: a function
        that turns the partial date into one tied to that year (with `.j` its end), or None."""
        if self.low(j) != "of":
            return None
        k = j + 1
        m = self.match(k, self.V.anaphoric_dets)
        base = "anchor"
        if m:
            k, det = m
            n = self.V.relative_dets.get(str(det).split()[-1], 0)
        elif self.low(k) in ("this", "last", "next"):
            base, n, k = "dct", self.V.relative_dets[self.low(k)], k + 1
        else:
            return None
        if self.low(k) != "year":
            return None

        def tie(c: Cand) -> Cand:
            c.sem.base, c.sem.dir, c.sem.n = base, "same", n
            return c

        tie.j = k + 1
        return tie

    def day_alone(self, i: int) -> Cand | None:
        """`on the 24th`: a day of the month the narrative is in."""
        if self.low(i) != "the" or self.low(i - 1) not in ("on", "by", "until", "till", "since", "from", "to"):
            return None
        o = self.ordinal(i + 1)
        if not o or not 1 <= o[1] <= 31 or self.t[i + 1].kind != "n" or self.is_noun(o[0]) or \
                self.low(o[0]) in ("of", "-", "century"):
            return None  # `the 4th of July` is a full date; `the 24th Division` no date
        if o[0] < self.n and self.t[o[0]].cap and self.t[o[0]].kind == "w":
            return None
        return cal(i, o[0], When("D", d=o[1]))

    def month_alone(self, i: int) -> Cand | None:
        """A month name with no day or year, where the words around it make it one (`in May`, not `May I`)."""
        mm = self.month_at(i)
        if not mm:
            return None
        j, m = mm
        of_year = self.of_year(j)
        if of_year:
            return of_year(cal(i, of_year.j, When("M", m=m)))
        tok = self.t[i]
        prev = self.low(i - 1)
        if tok.low == "may":
            if prev not in self.V.may_left_context or tok.tag == "MD":
                return None
            if j < self.n and self.t[j].tag == "VB":
                return None  # `May we ...`
        elif prev not in self.V.month_left_context:
            return None
        if tok.ent == "PERSON" and i > 0 and self.t[i - 1].cap and self.t[i - 1].kind == "w":
            return None
        return cal(i, j, When("M", m=m))

    def weekday(self, i: int) -> Cand | None:
        """`Friday`, `Friday, March 18`, `Friday morning`, `Sundays` (a set)."""
        tok = self.t[i]
        if tok.kind != "w" or not tok.cap:
            return None
        wd, j = self.V.weekdays.get(tok.low), i + 1
        if wd is None:
            base = tok.low[:-1] if tok.low.endswith("s") else ""
            if base in self.V.weekdays and tok.text[0].isupper():
                return Cand(i, i + 1, "SET", Sem("lit", value=f"XXXX-WXX-{self.V.weekdays[base]}"))
            wd = self.V.weekday_abbrevs.get(tok.low)
            if wd is None or self.low(j) != ".":
                return None
            j += 1
            k = j + (self.low(j) == ",")
            if not (self.date_mdy(k) or self.date_dmy(k)):
                return None
        k = j + (self.low(j) == ",")
        full = self.date_mdy(k) or self.date_dmy(k) if k < self.n else None
        if full and full.sem.when.gran == "D":
            full.i = i
            return self.with_pod(full)
        if self.low(i - 1) in ("a", "an", "every", "each"):
            return None  # `a Wednesday`: any Wednesday
        if self.tagged and j < self.n and self.t[j].tag in ("NN", "NNS") and self.t[j].low not in self.V.pods and \
                self.t[j].low not in self.V.clock_words:
            return None  # `the Sunday papers`
        c = cal(i, j, When("W", weekday=wd))
        return self.with_pod(c)

    def with_pod(self, c: Cand) -> Cand:
        """A date followed by a part of day (`Friday morning`, `July 16 night`)."""
        pod = self.V.pods.get(self.low(c.j))
        if pod and self.adjacent(c.j):
            c.j += 1
            c.sem.pod = pod
            c.type = "TIME"
        return c

    # ------------------------------------------------------------ years, decades, centuries
    def year_expr(self, i: int) -> Cand | None:
        """`1960`, `1959-60`, `44 B.C.`, `A.D. 800`, `the year 1000`, `fiscal 2013`, `c. 1500`."""
        k, fy = i, False
        if self.low(i) == "the" and self.low(i + 1) == "year":
            k = i + 2
        elif self.low(i) == "fiscal":
            k = i + 1 + (self.low(i + 1) == "year")
            fy = True
        ey = self.era_year(k)
        if ey:
            return cal(i, ey[0], When("Y", y=ey[1]))
        tok = self.t[k] if k < self.n else None
        if tok is None or tok.kind != "n":
            return None
        m = RANGE_RE.match(tok.text)
        if m and 1000 <= int(m.group(1)) <= self.V.year_hi:
            return cal(i, k + 1, When("Y", y=int(m.group(1))))
        yy = self.year(k)
        if not yy:
            return None
        j, y = yy
        if self.low(j) in ("-", "–") and j + 1 < self.n and re.fullmatch(r"\d{2}|\d{4}", self.t[j + 1].text) \
                and self.adjacent(j + 1) and self.t[j].start == self.t[j - 1].end:
            j += 2  # 1959-60: a season or a span of two years, dated by the first
        c = cal(i, j, When("Y", y=y, fy=fy))
        c.attributive = self.attributive(i, j)
        c.aside = self.aside(i)
        return c

    def decade(self, i: int, bare: bool = False) -> Cand | None:
        """`the 1960s`, `the '60s`, `the sixties`, `the nineteen-sixties` (`bare`: after `the early`)."""
        k = i + (self.low(i) == "the")
        tok = self.t[k] if k < self.n else None
        if tok is None:
            return None
        m = DECADE_RE.match(tok.low)
        if m:
            return cal(i, k + 1, When("E", y=int(m.group(1)) * 10))
        m = SHORT_DECADE.match(tok.low)
        if m:
            return Cand(i, k + 1, "DATE", Sem("cal", when=When("E"), decade=int(m.group(1))))
        if k == i and self.low(i - 1) != "the" and not bare:
            return None  # `sixties` alone is an age as often as a decade
        if tok.low == "nineteen" and self.low(k + 1) == "-" and self.low(k + 2) in self.V.decade_words:
            return cal(i, k + 3, When("E", y=1900 + 10 * self.V.decade_words[self.low(k + 2)]))
        if tok.low in self.V.decade_words:
            return Cand(i, k + 1, "DATE", Sem("cal", when=When("E"), decade=self.V.decade_words[tok.low]))
        return None

    def century(self, i: int) -> Cand | None:
        """`the nineteenth century`, `the 19th century`, `19th-century`, `the fifth century B.C.`."""
        k = i + (self.low(i) == "the")
        o = self.ordinal(k)
        if not o:
            return None
        j, c = o
        j += self.low(j) == "-"
        if self.low(j) != "century":
            return None
        j += 1
        era = self.era(j)
        if era:
            j = era[0]
            if era[1] == "BC":
                return cal(i, j, When("C", y=-(c - 1) * 100))
        return cal(i, j, When("C", y=(c - 1) * 100))

    # ------------------------------------------------------------ seasons, quarters, holidays
    def season(self, i: int, det: str | None = None) -> Cand | None:
        """`spring 1958`, `the winter of 1959-60`, `in the spring`, `that winter` (with a determiner)."""
        k = i + (self.low(i) == "the")
        code = self.V.seasons.get(self.low(k))
        if code is None:
            return None
        j = k + 1
        yk = j + (self.low(j) == "of")
        yy = self.year_or_era(yk)
        if yy is None and self.t[yk].kind == "n" if yk < self.n else False:
            m = RANGE_RE.match(self.t[yk].text)
            yy = (yk + 1, int(m.group(1))) if m else None
        if yy:
            j = yy[0]
            if self.low(j) in ("-", "–", "/") and j + 1 < self.n and self.t[j + 1].kind == "n" and \
                    len(self.t[j + 1].text) in (2, 4):
                j += 2
            return cal(i, j, When("S", y=yy[1], season=code))
        of_year = self.of_year(j)
        if of_year:
            return of_year(cal(i, of_year.j, When("S", season=code)))
        if det is None:
            prev = self.low(i - 1)
            if self.low(k) == "fall" or self.is_noun(j) or self.low(j) == "of":
                return None  # `the fall of Paris`, `the summer palace`
            if not (prev in ("in", "during", "by", "until", "till", "through", "throughout", "over", "since",
                             "before", "after", "that", "this", "early", "late", "all") or k > i and prev in (
                             "in", "during", "by", "until", "through", "throughout", "over", "since", "before",
                             "after", "for")):
                return None
        return cal(i, j, When("S", season=code))

    def quarter(self, i: int) -> Cand | None:
        """`the first quarter`, `the third quarter of 2012`, `the first half of 1960`."""
        if self.low(i) != "the":
            return None
        o = self.ordinal(i + 1)
        if self.low(i + 1) in ("final", "last"):
            o = (i + 2, 4)
        if not o or self.low(o[0]) not in ("quarter", "half"):
            return None
        j = o[0]
        half = self.low(j) == "half"
        if (half and o[1] > 2) or o[1] > 4:
            return None
        if half and self.low(i + 1) == "last":
            o = (j, 2)
        j += 1
        y = None
        if self.low(j) == "of":
            yy = self.year_or_era(j + 1)
            if yy:
                j, y = yy
            elif self.low(j + 1) == "the" and self.low(j + 2) == "year":
                j += 3
            else:
                return None  # `the first half of the match`, `the third quarter of the century`
        elif half:
            return None
        w = When("H", y=y, h=o[1]) if half else When("Q", y=y, q=o[1])
        return cal(i, j, w)

    def holiday(self, i: int) -> Cand | None:
        if not self.t[i].cap:
            return None
        m = self.match(i, self.V.holidays)
        if not m:
            return None
        j, md = m
        key = tuple(self.low(k) for k in range(i, j))
        if " ".join(key) in self.V.holiday_need_context and self.low(i - 1) not in (
                "at", "by", "on", "until", "till", "before", "after", "since", "over", "for", "of", "during", "last",
                "next", "this", "that"):
            return None
        if self.tagged and j < self.n and self.t[j].tag in ("NN", "NNS") and self.t[j].text.islower():
            return None  # `Christmas coals`, `Michaelmas term`
        mo, d = (int(x) for x in str(md).split("-"))
        y = None
        k = j + (self.low(j) in (",", "of"))
        if self.year(k):
            j, y = self.year(k)
        return cal(i, j, When("D", y=y, m=mo, d=d))
