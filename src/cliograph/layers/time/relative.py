"""Relative and vague expressions: durations, `three weeks later`, `last year`, `that winter`, sets,
`now`, clock times, and periods measured from a named event (`the weeks following the congress`)."""
from __future__ import annotations

from .grammar import FUNCTION, Base
from .sem import SMALLER, Cand, Sem, duration
from .values import When

# granularity of a point reached by moving some units
UNIT_GRAN = {"S": "D", "MIN": "D", "H": "D", "D": "D", "W": "W", "WE": "W", "FN": "D", "M": "M", "Q": "Q",
             "Y": "Y", "DE": "E", "CE": "C", "ML": "C"}
PAST_LAST = ("past", "last")
NP_TAGS = {"DT", "PRP$", "JJ", "JJS", "JJR", "NN", "NNS", "NNP", "NNPS", "POS", "CD", "HYPH", "VBN", "VBG"}


def rel(i, j, base, unit, n, typ="DATE", **kw) -> Cand:
    return Cand(i, j, typ, Sem("rel", base=base, unit=unit, n=n, gran=UNIT_GRAN.get(unit, "D"), **kw))


def lit(i, j, value, typ="DATE") -> Cand:
    return Cand(i, j, typ, Sem("lit", value=value))


class Relative(Base):
    # ------------------------------------------------------------ named days and determiners
    def deictic_word(self, i: int) -> Cand | None:
        """`today`, `yesterday morning`, `tonight`, `the day before yesterday`."""
        lo = self.low(i)
        if lo == "the" and self.low(i + 1) == "day" and self.low(i + 2) in ("before", "after") and \
                self.low(i + 3) in ("yesterday", "tomorrow"):
            n = -2 if self.low(i + 3) == "yesterday" else 2
            return rel(i, i + 4, "dct", "D", n)
        if lo not in self.V.deictic_days:
            return None
        j = i + 1
        pod = "NI" if lo == "tonight" else None
        if pod is None and self.low(j) in self.V.pods:
            pod, j = self.V.pods[self.low(j)], j + 1
        fallback = "PRESENT_REF" if lo == "today" else ""
        return rel(i, j, "dct", "D", self.V.deictic_days[lo], "TIME" if pod else "DATE", pod=pod,
                   value=fallback)

    def named_after(self, k: int) -> tuple[int, str, object] | None:
        """What may follow `last`, `that`, `the following`: a unit, month, weekday, season or part of day."""
        lo = self.low(k)
        u = self.unit(k)
        if u and not u[2] and u[1] not in ("S", "MIN", "H", "ML", "FN"):
            return u[0], "unit", u[1]
        if lo in self.V.months and self.t[k].cap:
            return k + 1, "month", self.V.months[lo]
        if lo in self.V.weekdays and self.t[k].cap:
            return k + 1, "weekday", self.V.weekdays[lo]
        if lo in self.V.seasons:
            return k + 1, "season", self.V.seasons[lo]
        if lo in self.V.pods:
            return k + 1, "pod", self.V.pods[lo]
        return None

    def det_unit(self, i: int) -> Cand | None:
        """`last year`, `this week`, `next March`, `last Friday`, `this summer`, `this morning`, `last night`."""
        k = i
        if self.low(i) == "the" and self.low(i + 1) in ("coming", "current"):
            k = i + 1
        det = self.low(k)
        if det == "the" and self.low(i + 1) == "weekend":
            return Cand(i, i + 2, "DATE", Sem("rel", base="dct", unit="WE", n=0, gran="W", dir="tense"))
        if det not in self.V.deictic_dets or (det in ("last", "past", "next") and self.low(i - 1) in ("the", "at")):
            return None
        if det in ("past", "coming", "current") and k == i:
            return None
        shift_back = det == "this" and self.low(k + 1) == "past"  # `this past weekend`
        nxt = self.named_after(k + 1 + shift_back)
        if not nxt:
            return None
        j, what, val = nxt
        n = -1 if shift_back else self.V.relative_dets[det]
        if what == "unit":
            if val == "D":
                return None  # `this day`, `next day` read anaphorically elsewhere
            return rel(i, j, "dct", val, n)
        if what == "pod":
            if det == "last" and val == "NI":
                return rel(i, j, "dct", "D", -1, "TIME", pod="NI")
            if det == "this":
                return rel(i, j, "dct", "D", 0, "TIME", pod=val)
            return None
        d = {1: "after", -1: "prev", 0: "same"}[n]
        return self.partial(i, j, what, val, "dct", d)

    def partial(self, i: int, j: int, what: str, val, base: str, d: str | None) -> Cand:
        if what == "month":
            w = When("M", m=val)
        elif what == "weekday":
            w = When("W", weekday=val)
        else:
            w = When("S", season=val)
        return Cand(i, j, "DATE", Sem("cal", when=w, base=base, dir=d))

    def anaphoric(self, i: int) -> Cand | None:
        """`that day`, `the following year`, `the next morning`, `the same month`, `that winter`."""
        m = self.match(i, self.V.anaphoric_dets)
        if not m:
            return None
        k, det = m
        nxt = self.named_after(k)
        if not nxt:
            return None
        j, what, val = nxt
        last = str(det).split()[-1]
        n = self.V.relative_dets.get(last, 0)
        if last == "next" and what == "unit" and val != "D" and self.low(j) in ("of", "few"):
            return None
        if what == "unit":
            if val == "Q" and n == 0:
                return None  # `in that quarter`: a place as often as a time
            return rel(i, j, "anchor", val, n)
        if what == "pod":
            return rel(i, j, "anchor", "D", n, "TIME", pod=val)
        d = {1: "after", -1: "prev", 0: None}[n]
        if what == "month" and self.day_follows(j):
            return None
        return self.partial(i, j, what, val, "anchor", d)

    def day_follows(self, j: int) -> bool:
        return j < self.n and self.t[j].kind == "n"

    def day_before(self, i: int) -> Cand | None:
        """`the day before`, `the night after`, `the year before`: a step from the narrative time."""
        if self.low(i) != "the":
            return None
        nxt = self.named_after(i + 1)
        if not nxt or nxt[1] not in ("unit", "pod"):
            return None
        j = nxt[0]
        word = self.low(j)
        if word not in ("before", "after", "earlier", "later"):
            return None
        if not self.clause_ends(j + 1):
            return None  # `the day after the election`: measured from an event, left to the event layer
        n = 1 if word in ("after", "later") else -1
        if nxt[1] == "pod":
            return rel(i, j + 1, "anchor", "D", n, "TIME", pod=nxt[2])
        return rel(i, j + 1, "anchor", nxt[2], n)

    def clause_ends(self, j: int) -> bool:
        if j >= self.n:
            return True
        t = self.t[j]
        if t.kind == "p":
            return True
        if self.tagged:
            return t.tag not in ("DT", "NNP", "NN", "NNS", "PRP$", "CD", "JJ", "NNPS", "PRP")
        return t.low in FUNCTION and t.low not in ("the", "a", "an", "his", "her", "their", "its", "this", "that")

    # ------------------------------------------------------------ counts of units
    def count_unit(self, i: int) -> Cand | None:
        """`three weeks`, `almost a year and a half`, `two years ago`, `three weeks later`, `the past three
        years`, `a three-year plan`, `63 years old`, `for years`."""
        k, pre = i, None
        if self.low(i) == "the" and self.low(i + 1) in ("past", "last", "next", "first", "coming", "previous",
                                                        "following", "final", "ensuing", "preceding"):
            pre, k = self.low(i + 1), i + 2
        cnt = self.count(k)
        if cnt is None:
            u = self.unit(k)
            span_prep = self.low(i - 1) in ("over", "for", "within", "during", "throughout")
            if u and (pre in PAST_LAST or (span_prep and pre in ("next", "coming", "following"))) and not u[2] \
                    and u[1] not in ("S", "MIN", "H"):
                if self.low(u[0]) == "of" or self.t[u[0]].kind == "n" if u[0] < self.n else False:
                    return None
                return lit(i, u[0], duration([(1, u[1])]), "DURATION")
            if u and u[2] and pre is None:
                return self.bare_plural(i, u)
            return None
        k2, n = cnt
        if k2 == k + 1 and self.t[k].kind == "n" and self.low(k2) in ("a.m.", "p.m.", "am", "pm"):
            return None
        hyphen = self.low(k2) == "-" and self.adjacent(k2) and self.t[k2].start == self.t[k2 - 1].end
        if not hyphen and self.low(k2) in self.V.count_adjectives and self.unit(k2 + 1):
            k2 += 1  # `12 consecutive months`
        u = self.unit(k2 + hyphen)
        if not u:
            return None
        j, code, plural = u
        if self.t[j - 1].cap and not self.t[k].cap:
            return None  # `the Thirty Years' War`
        spelled = self.t[k].kind == "w"
        if code == "S" and (self.low(k) in ("a", "an", "one") or (hyphen and spelled and self.low(i - 1) not in (
                "a", "an"))):
            return None  # `a second time`, `the twenty-second Congress`
        if self.low(k) in ("a", "an") and n == 1 and plural:
            return None
        first = self.low(k)
        if not plural and not hyphen and pre is None and (
                (first == "one" and code == "D" and self.low(i - 1) not in ("for", "in", "within", "only", "just"))
                or (n is None and first in ("some", "many", "several"))
                or (code == "Q" and first in ("a", "an", "one") and self.low(j) != "of")):
            return None  # `one day he came`, `some day`, `a quarter where`: no measure of time
        if first in ("a", "an") and not plural and (self.low(i - 1) in ("on", "one", "such") or (
                self.tagged and j < self.n and self.t[j].tag in ("NN", "NNS") and self.t[j].low not in self.V.units)):
            return None  # `on a day in spring`, `a day labourer`, `a minute scale`
        prev_amount = self.low(i - 1) in self.V.amount_words or (i > 0 and self.t[i - 1].kind == "n") or (
            self.low(i - 1) not in self.V.duration_preps and self.t[i - 1].kind == "w" and any(
                self.t[x].low in self.V.amount_words or self.t[x].text in "$£€¥" for x in range(max(0, i - 6), i)))
        if first in ("a", "an", "per") and prev_amount and not plural:
            return lit(i, j, duration([(1, code)]), "SET")  # `four thousand a year`, `$5 million a year`
        parts = [(n, code)]
        if self.low(j) == "or" and self.count_word(j + 1):  # `a day or two`
            parts, j = [(None, code)], j + 2
        elif self.low(j) == "and" and self.low(j + 1) in ("a", "one") and self.low(j + 2) == "half" and n is not None:
            parts, j = [(n + 0.5, code)], j + 3
        elif self.low(j) in ("and", ",") and n is not None:
            c2 = self.count(j + 1)
            u2 = self.unit(c2[0]) if c2 and c2[1] is not None else None
            if u2 and u2[1] != code:
                parts.append((c2[1], u2[1]))
                j = u2[0]
        if hyphen:
            if self.low(j) == "-" and self.low(j + 1) == "old":
                return lit(i, j + 2, duration(parts), "DURATION")
            return lit(i, j, duration(parts), "DURATION")
        if self.low(j) == "old" and code == "Y":
            return lit(i, j + 1, duration(parts), "DURATION")
        if pre is None:
            off = self.offset(j)
            if off:
                return self.moved(i, off[0], parts, off[1], off[2])
        return lit(i, j, duration(parts), "DURATION")

    def bare_plural(self, i: int, u: tuple[int, str, bool]) -> Cand | None:
        """`years later`, `decades ago`, `for months`."""
        j, code, _ = u
        off = self.offset(j)
        if off:
            return self.moved(i, off[0], [(None, code)], off[1], off[2])
        if self.low(i - 1) in ("for", "within", "over") and code not in ("S", "MIN") or (
                self.low(i - 1) == "in" and code in ("Y", "DE", "M", "W") and self.clause_ends(j)):
            return lit(i, j, duration([(None, code)]), "DURATION")
        return None

    def offset(self, j: int) -> tuple[int, int, str] | None:
        """`ago`, `later`, `earlier`, `from now`, `afterwards`, `before` (at a clause end): (end, sign, base)."""
        m = self.match(j, self.V.offset_pairs)
        if m:
            return m[0], m[1], "dct" if self.low(j) == "from" else "anchor"
        w = self.low(j)
        if w not in self.V.offset_words:
            return None
        if w in ("before", "after", "prior", "on", "back", "since") and not self.clause_ends(j + 1):
            return None
        if w == "since" and self.low(j + 1) not in (",", ".", ";", ")"):
            return None
        return j + 1, self.V.offset_words[w], "dct" if w == "ago" else "anchor"

    def moved(self, i: int, j: int, parts: list, sign: int, base: str) -> Cand:
        n, code = parts[-1] if len(parts) == 1 else (None, parts[-1][1])
        if n is None:
            if base == "dct":
                return lit(i, j, "PAST_REF" if sign < 0 else "FUTURE_REF")
            return Cand(i, j, "DATE", Sem("vague", base=base, unit=code, n=sign, gran=UNIT_GRAN.get(code, "D")))
        if n != int(n) and code in SMALLER:  # `a year and a half ago`: 18 months
            small, k = SMALLER[code]
            n, code = n * k, small
        return rel(i, j, base, code, int(round(n)) * sign)

    # ------------------------------------------------------------ sets
    def sets(self, i: int) -> Cand | None:
        """`every year`, `each Monday`, `every two years`, `every other week`, `annually`, `twice a year`."""
        lo = self.low(i)
        if lo in self.V.set_dets and lo != "per":
            k = i + 1
            step = 1
            if self.low(k) == "other":
                if lo != "every":
                    return None  # `each other`
                step, k = 2, k + 1
            cnt = self.count(k)
            if cnt and cnt[1] is not None and self.low(k) not in ("a", "an"):
                step, k = int(cnt[1]), cnt[0]
            nxt = self.named_after(k) or (self.unit(k) and (self.unit(k)[0], "unit", self.unit(k)[1]))
            if not nxt:
                return None
            j, what, val = nxt
            if what == "unit":
                return lit(i, j, duration([(step, val)]), "SET")
            if what == "month":
                return lit(i, j, f"XXXX-{val:02d}", "SET")
            if what == "weekday":
                return lit(i, j, f"XXXX-WXX-{val}", "SET")
            if what == "season":
                return lit(i, j, f"XXXX-{val}", "SET")
            return lit(i, j, f"XXXX-XX-XXT{val}", "SET")
        if lo in self.V.set_words:
            tok = self.t[i]
            if tok.cap and i > 0 and self.t[i - 1].kind != "p":
                return None  # a title: `the Daily Worker`
            if self.is_noun(i + 1) and (self.tagged or self.low(i + 1) not in FUNCTION):
                return None  # `a weekly paper`
            return lit(i, i + 1, self.V.set_words[lo], "SET")
        k = None
        if lo in self.V.frequency:
            k = i + 1
        elif self.count_word(i) and self.low(i + 1) == "times":
            k = i + 2
        if k is not None and self.low(k) in ("a", "an", "per", "every", "each"):
            u = self.unit(k + 1)
            if u and not u[2]:
                return lit(i, u[0], duration([(1, u[1])]), "SET")
        if lo == "per":
            u = self.unit(i + 1)
            if u and not u[2] and i > 0 and (self.t[i - 1].kind == "n" or self.low(i - 1) in ("million", "billion")):
                return lit(i, u[0], duration([(1, u[1])]), "SET")
        return None

    # ------------------------------------------------------------ vague references
    def refs(self, i: int) -> Cand | None:
        """`now`, `recently`, `the past`, `the future`, `at present`, `recent years`, `the coming weeks`."""
        m = self.match(i, self.V.ref_phrases)
        if m:
            j, val = m
            key = tuple(self.low(k) for k in range(i, j))
            need = self.V.ref_context_required.get(key)
            if need is not None:
                if key[0] in need:
                    pass
                elif self.low(i - 1) not in need:
                    return None
            if key in self.V.ref_need_prep and (self.is_noun(j) or self.low(j) in ("of",)):
                return None  # `the present conditions`, `the future of China`
            if key == ("at", "present"):
                return lit(i, j, str(val))
            return lit(i, j, str(val))
        lo = self.low(i)
        if lo in self.V.refs and lo != "today":
            if lo == "now" and (self.low(i + 1) in ("that", "then") or
                                (self.low(i + 1) == "and" and self.low(i + 2) in ("then", "again"))):
                return None  # `now that`, `now and then`
            return lit(i, i + 1, self.V.refs[lo])
        return None

    # ------------------------------------------------------------ clock times
    def clock(self, i: int) -> Cand | None:
        """`3 p.m.`, `10:30 a.m.`, `at noon`, `at 15:40`, `3 p.m. Friday`."""
        tok = self.t[i]
        hm = None
        j = i + 1
        if tok.kind == "n" and (tok.text.isdecimal() or ":" in tok.text):
            hh, _, mm = tok.text.partition(":")
            if not hh.isdecimal() or (mm and not (mm.isdecimal() and len(mm) == 2)):
                return None
            h, mi = int(hh), int(mm or 0)
            suf = self.V.clock_suffixes.get(self.low(j))
            if suf is None and self.low(j) in ("a", "p") and self.low(j + 1) == "." and self.low(j + 2) == "m":
                return None
            if suf:
                j += 1
                if suf == "pm" and h < 12:
                    h += 12
                elif suf == "am" and h == 12:
                    h = 0
            elif not (mm and self.low(i - 1) in self.V.clock_preps):
                return None
            if h > 24 or mi > 59:
                return None
            hm = (h, mi)
        elif tok.low in self.V.clock_words and self.low(i - 1) in self.V.clock_preps | {"at", "by"}:
            hm = tuple(self.V.clock_words[tok.low])
        if hm is None:
            return None
        day = None
        if self.adjacent(j) and j < self.n:
            day = self.deictic_word(j) or self.weekday(j)
        if day is not None and day.sem.kind in ("rel", "cal"):
            day.i, day.type = i, "TIME"
            day.sem.hm, day.sem.pod = hm, None
            return day
        return rel(i, j, "anchor", "D", 0, "TIME", hm=hm)

    # ------------------------------------------------------------ periods after a named event
    def event_rel(self, i: int) -> Cand | None:
        """`the weeks following the Bucharest meetings`, `the days before the congress`."""
        k = i + (self.low(i) == "the")
        if k == i:
            return None
        u = self.unit(k)
        if not u or not u[2] or u[1] not in ("D", "W", "M", "Y"):
            return None
        m = self.match(u[0], self.V.event_relations)
        if not m:
            return None
        j = self.noun_phrase(m[0])
        if j is None:
            return None
        gran = {"D": "D", "W": "M", "M": "Y", "Y": "Y"}[u[1]]
        return Cand(i, j, "DATE", Sem("rel", base="anchor", unit=u[1], n=0, gran=gran, event=True))

    def noun_phrase(self, k: int) -> int | None:
        """End of a short noun phrase at token k (`the Bucharest meetings`, `Stalin's death`)."""
        j = k
        while j < self.n and j - k < 8:
            t = self.t[j]
            if t.kind == "p" and t.text not in ("-", "'"):
                break
            if self.tagged:
                if t.tag not in NP_TAGS and not (t.low == "of" and j > k):
                    break
            elif t.low in FUNCTION and t.low not in ("the", "his", "her", "their", "its", "of"):
                break
            j += 1
        while j > k and self.low(j - 1) in ("of", "the", "-"):
            j -= 1
        return j if j > k and self.low(j - 1) not in ("the", "a", "an") else None
