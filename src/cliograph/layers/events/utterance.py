"""Utterances: the quotations one speaker addresses to one addressee in one go (no spaCy: relations use it).

The quotes layer gives each quotation a speaker, an addressee and, for an utterance split by its speech
verb, `part_of` its first part. An utterance here is a `part_of` chain, extended by the next quotations
of the same speaker to the same addressee while no other speech quotation comes between them and the
narrative between them stays short (one exchange). A speech verb is tied to the utterance whose
quotation stands in (or right beside) its sentence and whose speaker is the verb's agent; what the
utterance says, all of it, types that speech act.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

EXCHANGE_GAP = 300  # characters of narrative between two quotations of one exchange, at most
BESIDE = 3  # a quotation starting or ending this close to a sentence (a space and its mark) stands beside it


class Utterances:
    def __init__(self, text: str, quotes):
        self.text = text
        qs = sorted((q for q in quotes if q.kind == "speech"), key=lambda q: q.start)
        self.quotes = qs
        self.starts = [q.start for q in qs]
        self.longest = max((q.end - q.start for q in qs), default=0)
        self.group: list[int] = []  # utterance index of each quotation
        self.members: list[list] = []
        by_id: dict[str, int] = {}
        prev = None
        for q in qs:
            g = by_id.get(q.part_of) if q.part_of else None
            if g is None and prev is not None and self.continues(prev, q):
                g = self.group[-1]
            if g is None:
                g = len(self.members)
                self.members.append([])
            self.members[g].append(q)
            self.group.append(g)
            by_id[q.id] = g
            prev = q

    @staticmethod
    def continues(p, q) -> bool:
        return (p.speaker is not None and p.speaker == q.speaker and p.addressee == q.addressee
                and 0 <= q.start - p.end <= EXCHANGE_GAP)

    def __len__(self) -> int:
        return len(self.members)

    def at(self, pos: int) -> int | None:
        """The utterance whose quoted words hold position pos."""
        i = bisect_right(self.starts, pos)
        while i > 0:
            i -= 1
            q = self.quotes[i]
            if q.start < pos - self.longest:
                break
            if q.start <= pos < q.end:
                return self.group[i]
        return None

    def spoken_in(self, sentence: tuple[int, int], speakers) -> int | None:
        """The utterance of a speech verb: a quotation of one of `speakers` in or beside its sentence."""
        a, z = sentence
        i = bisect_left(self.starts, z + BESIDE)
        while i > 0:
            i -= 1
            q = self.quotes[i]
            if q.start < a - self.longest - BESIDE:
                break
            if q.speaker is None or q.speaker not in speakers or q.end < a - BESIDE:
                continue
            if q.end <= a and self.text[q.end:a].strip(" \"'”’“‘"):  # words between: not beside
                continue
            if q.start >= z and self.text[z:q.start].strip(" \"'”’“‘"):
                continue
            return self.group[i]
        return None

    def spans(self, g: int) -> list[tuple[int, int]]:
        return [(q.start, q.end) for q in self.members[g]]

    def speaker(self, g: int) -> str | None:
        return self.members[g][0].speaker

    def addressee(self, g: int) -> str | None:
        return next((q.addressee for q in self.members[g] if q.addressee), None)
