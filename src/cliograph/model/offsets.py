"""The map from clean-text offsets back to source offsets.

Clean text is built from segments: a copy of source characters (exact, one to one) or an emitted
replacement (a repair, a line break turned into a space) that stands for a source range as a whole.
Segments are kept in order, so a lookup is a bisect: linear memory, log-time queries.
"""
from __future__ import annotations

from bisect import bisect_right
from itertools import compress, count
from operator import gt, le


def _source_end(seg: list[int]) -> int:
    return seg[1] + seg[3]


class OffsetMap:
    """Segments `[clean_start, source_start, clean_len, source_len, exact]`."""

    def __init__(self, segments: list[list[int]] | None = None) -> None:
        self.segments: list[list[int]] = segments or []
        self._starts: list[int] | None = None  # clean starts, made on the first lookup
        self._by_source: tuple[list[int], list[int]] | None = None
        self._ordered: bool | None = None if self.segments else True  # source starts never fall back
        self._lookups = 0
        self._prefix: int | None = None  # how many segments, from the first, follow the source in order

    def add(self, clean_start: int, source_start: int, clean_len: int, source_len: int, exact: bool) -> None:
        if clean_len == 0:
            return
        if clean_len == source_len == 1:
            exact = True  # one character standing for one maps the same either way: the copy goes on
        if exact and self.segments:
            c0, s0, n, m, ex = self.segments[-1]
            if ex and c0 + n == clean_start and s0 + m == source_start:
                self.segments[-1][2] += clean_len
                self.segments[-1][3] += source_len
                self._by_source = None
                return
        if self._ordered and self.segments and source_start < self.segments[-1][1]:
            self._ordered, self._prefix = False, len(self.segments)
        self.segments.append([clean_start, source_start, clean_len, source_len, int(exact)])
        if self._starts is not None:
            self._starts.append(clean_start)
        self._by_source = None

    def extend(self, segments: list[list[int]], in_order: bool = False) -> None:
        """Append segments known to follow on (a bulk `add`): the first may merge with the last one.
        `in_order`: their source starts are known to rise (no need to check)."""
        if segments and segments[0][4] and self.segments:
            c0, s0, n, m, ex = self.segments[-1]
            first = segments[0]
            if ex and c0 + n == first[0] and s0 + m == first[1]:
                self.segments[-1][2] += first[2]
                self.segments[-1][3] += first[3]
                segments = segments[1:]
        if self._ordered and segments:
            keys = [segments[0][1]] if in_order else [s[1] for s in segments]
            if (self.segments and keys[0] < self.segments[-1][1]) or not all(map(le, keys, keys[1:])):
                self._ordered, self._prefix = False, None
        self.segments += segments
        if self._starts is not None:
            self._starts += [s[0] for s in segments]
        self._by_source = None

    def _find(self, pos: int) -> list[int] | None:
        if self._starts is None:
            self._starts = [s[0] for s in self.segments]
        i = bisect_right(self._starts, pos) - 1
        return self.segments[i] if i >= 0 else None

    def source_start(self, pos: int) -> int:
        """Source offset where the clean character at `pos` comes from (a span start)."""
        seg = self._find(pos)
        if seg is None:
            return 0
        c0, s0, n, m, exact = seg
        if pos >= c0 + n:  # past the last segment: just after it
            return s0 + m
        return s0 + (pos - c0) if exact else s0

    def source_end(self, pos: int) -> int:
        """Source offset just after the clean character at `pos - 1` (a span end)."""
        if pos <= 0:
            return self.source_start(0)
        seg = self._find(pos - 1)
        if seg is None:
            return 0
        c0, s0, n, m, exact = seg
        if pos - 1 >= c0 + n:
            return s0 + m
        return s0 + (pos - c0) if exact else s0 + m

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            s = self.source_start(start)
            return s, s
        return self.source_start(start), self.source_end(end)

    def clean_offset(self, source_pos: int) -> int:
        """The clean offset of a source position (the first clean char at or after it)."""
        if not self.segments:
            return 0
        segs = self.segments
        if self._ordered is None:
            self._ordered = self._ordered_prefix() == len(segs)
        if self._ordered:  # the usual case: clean order is source order, no index needed
            k = bisect_right(segs, source_pos, key=_source_end)
            seg = segs[k] if k < len(segs) else None
        elif self._by_source is None and self._lookups < 2:
            seg = self._scan(source_pos)  # a lookup or two: cheaper than sorting for an index
            self._lookups += 1
        else:
            if self._by_source is None:
                keys = [s[1] for s in segs]
                order = sorted(range(len(segs)), key=keys.__getitem__)  # stable: ties keep clean order
                self._by_source = (order, [keys[i] + segs[i][3] for i in order])
            order, ends = self._by_source
            k = bisect_right(ends, source_pos)
            seg = segs[order[k]] if k < len(segs) else None
        if seg is None:  # past every segment: the end of the text (segments follow the clean text's order)
            c0, s0, n, m, exact = segs[-1]
            return c0 + n
        c0, s0, n, m, exact = seg
        if source_pos <= s0:
            return c0
        return c0 + (source_pos - s0 if exact else n)

    def _ordered_prefix(self) -> int:
        """How many segments, from the first, follow the source in order."""
        if self._prefix is None:
            keys = [s[1] for s in self.segments]
            self._prefix = next(compress(count(1), map(gt, keys, keys[1:])), len(keys))
        return self._prefix

    def _scan(self, source_pos: int) -> list[int] | None:
        """The first segment in source order (ties in clean order) ending after `source_pos`: a bisect over
        the ordered prefix (the main flow) and a look at each segment after it (moved note bodies)."""
        segs = self.segments
        n = self._ordered_prefix()
        k = bisect_right(segs, source_pos, 0, n, key=_source_end)
        best = (segs[k][1], k) if k < n else None
        for i in range(n, len(segs)):
            s = segs[i]
            if s[1] + s[3] > source_pos and (best is None or s[1] < best[0]):
                best = (s[1], i)
        return segs[best[1]] if best is not None else None

    def clean_offsets(self, positions: list[int]) -> list[int]:
        return [self.clean_offset(p) for p in positions]
