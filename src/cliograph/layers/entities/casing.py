"""Words in capitals (`ROBERT HAMILTON`, `DORCHESTER`): the small model reads them badly, so the
paragraph is read a second time with those words in title case, and what it finds there is taken
for them. Only paragraphs with such runs pay for the second reading (headlines, headings, signatures).
"""
from __future__ import annotations

ROMAN = set("IVXLCDM")


def _caps_word(t) -> bool:
    s = t.text
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def caps_regions(parsed, acronyms: set[str]) -> list[tuple[int, int]]:
    """Character ranges of runs of capitalized words worth a second reading."""
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
        if any(len(w) >= 4 and not set(w) <= ROMAN and w.rstrip(".").lower() not in acronyms for w in words) or \
                len(words) >= 2:
            out.append((parsed[i].idx, parsed[j - 1].idx + len(parsed[j - 1].text)))
        i = max(j, i + 1)
    return out


def recase(text: str, regions: list[tuple[int, int]]) -> str | None:
    """The text with each word of the regions in title case; None if that would change its length."""
    parts, last = [], 0
    for a, z in regions:
        parts.append(text[last:a])
        seg = text[a:z]
        words = seg.split(" ")
        seg2 = " ".join(w[:1] + w[1:].lower() for w in words)
        if len(seg2) != len(seg):
            return None
        parts.append(seg2)
        last = z
    parts.append(text[last:])
    return "".join(parts)


def inside(regions: list[tuple[int, int]], a: int, z: int) -> bool:
    return any(a < r1 and r0 < z for r0, r1 in regions)
