"""Words in capitals (`ROBERT HAMILTON`, `DORCHESTER`): the small model reads them badly, so each run
of them is read a second time in title case, with a few words of its sentence around it, and what the
model finds there is taken for them. The second readings of a whole document go through the model in
one batch at the end; only texts with such runs (headlines, headings, signatures) pay for them.
"""
from __future__ import annotations

from bisect import bisect_right

from .extract import Found

CONTEXT = 8  # words of the sentence kept on each side of a run

ROMAN = set("IVXLCDM")
SMALL = {"of", "the", "and", "at", "in", "on", "for", "to", "a", "an", "by", "with", "from", "or", "as"}


def _caps_word(t) -> bool:
    s = t.text
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def caps_regions(parsed, acronyms: set[str]) -> list[tuple[int, int, int, int]]:
    """Runs of capitalized words worth a second reading: character range and token range."""
    out = []
    n, i = len(parsed), 0
    while i < n:
        if not _caps_word(parsed[i]):
            i += 1
            continue
        j = i
        while j < n and (_caps_word(parsed[j]) or parsed[j].is_punct and parsed[j].text in ".,&'’-" or
                         len(parsed[j].text.rstrip(".")) == 1 and parsed[j].text[:1].isupper()):
            j += 1
        words = [t.text for t in parsed[i:j] if _caps_word(t)]
        letters = ["".join(c for c in w if c.isalpha()) for w in words]
        if any(len(w) >= 4 and not set(w) <= ROMAN and w.lower() not in acronyms for w in letters) or \
                sum(len(w) >= 2 for w in letters) >= 2:
            out.append((parsed[i].idx, parsed[j - 1].idx + len(parsed[j - 1].text), i, j))
        i = max(j, i + 1)
    return out


def recase(text: str, regions: list[tuple[int, int]]) -> str | None:
    """The text with each word of the regions in title case; None if that would change its length."""
    parts, last = [], 0
    for a, z in regions:
        parts.append(text[last:a])
        seg = text[a:z]
        words = seg.split(" ")
        seg2 = " ".join(w.lower() if n and w.lower() in SMALL else w[:1] + w[1:].lower() for n, w in enumerate(words))
        if len(seg2) != len(seg):
            return None
        parts.append(seg2)
        last = z
    parts.append(text[last:])
    return "".join(parts)




class Rereader:
    """Collects runs in capitals paragraph by paragraph and merges their second reading at the end."""

    def __init__(self) -> None:
        self.pending: list[tuple[int, str]] = []  # clean offset of a window, its recased text
        self.regions: list[tuple[int, int]] = []  # clean ranges of the runs, in text order

    def note(self, parsed, offset: int, acronyms: set[str]) -> None:
        has_sents = parsed.has_annotation("SENT_START")
        for a, z, i, j in caps_regions(parsed, acronyms):
            s0, s1 = (parsed[i].sent.start, parsed[i].sent.end) if has_sents else (0, len(parsed))
            w0, w1 = max(s0, i - CONTEXT), min(s1, j + CONTEXT)
            a0 = parsed[w0].idx
            z0 = parsed[w1 - 1].idx + len(parsed[w1 - 1].text)
            text = recase(parsed.text[a0:z0], [(a - a0, z - a0)])
            if text is not None:
                self.pending.append((offset + a0, text))
                self.regions.append((offset + a, offset + z))

    def merge(self, nlp, extractor, found: Found, source: str) -> None:
        """Replace what the first reading found inside the runs by what the second one found."""
        if not self.pending:
            return
        starts = [r[0] for r in self.regions]

        def within(a: int, z: int) -> bool:
            k = bisect_right(starts, a) - 1
            return any(0 <= x < len(self.regions) and self.regions[x][0] < z and a < self.regions[x][1]
                       for x in (k, k + 1))

        cased = Found()
        after = extractor.sent
        skip = [p for p in ("parser", "lemmatizer") if p in nlp.pipe_names]  # names need tags and entities only
        for (off, _), doc2 in zip(self.pending, nlp.pipe((t for _, t in self.pending), batch_size=64, disable=skip),
                                  strict=True):
            extractor.paragraph(doc2, off, cased)
        extractor.sent = after
        found.cands = [c for c in found.cands if not within(c.start, c.end)]
        found.loose = [x for x in found.loose if not within(x.tokens[0][0], x.tokens[-1][1])]
        for c in cased.cands:
            if within(c.start, c.end):
                c.name = source[c.name_start:c.name_end]  # as written, not as re-read
                found.cands.append(c)
        for x in cased.loose:
            if within(x.tokens[0][0], x.tokens[-1][1]):
                x.tokens = [(a, z, source[a:z]) for a, z, _ in x.tokens]
                found.loose.append(x)
        found.cands.sort(key=lambda c: (c.start, -c.end))
        self.pending, self.regions = [], []
