"""What a digitization leaves on the pages it scanned: the Internet Archive's leaf ("Digitized by the
Internet Archive / in 2016 / with funding from ..." and the book's archive.org address) and a scanner's
mark at a page's foot ("Digitized by Google", or the OCR's reading of its logo, "Original from ...").
None of it is the book's text: such lines are apparatus (kind `stamp`), taken out like a running head but
opening no page."""
from __future__ import annotations

import re
from bisect import bisect_right

from .lines import Lines
from .vocab import char_positions

_ARCHIVE = re.compile(r"^digitized\s+by\s+the\s+internet\s+archive\b", re.I)
_ARCHIVE_MORE = re.compile(r"^(?:in\s+\d{4}\b|with\s+funding\s+from\b|https?://(?:www\.)?archive\.org/)", re.I)
_MARK = re.compile(r"^(?:digitized\s+by|original\s+from)\s+\S", re.I)


def stamps(lines: Lines) -> None:
    kind, stripped, starts, ca, n = lines.kind, lines.stripped, lines.start, lines.ca, len(lines.kind)
    src = lines.src
    at = sorted({*char_positions(src, "igitized "), *char_positions(src, "IGITIZED "), *char_positions(src, "riginal from ")})
    for pos in at:
        i = bisect_right(starts, pos) - 1
        if kind[i] != "text" or ca[i] < pos - 1 or ca[i] > pos:
            continue  # not opening its line
        s = stripped[i]
        if _ARCHIVE.match(s) and len(s) <= 60:
            kind[i] = "stamp"
            url = next((j for j in range(i + 1, min(n, i + 14)) if "archive.org/" in stripped[j]), None)
            if url is not None and all(len(stripped[k]) <= 80 for k in range(i, url)):
                for k in range(i + 1, url + 1):  # the year, the funder, the book's address
                    kind[k] = "stamp" if kind[k] == "text" else kind[k]
                continue
            j, funder = i + 1, False
            while j < min(n, i + 12):
                if kind[j] == "blank":
                    j += 1
                    continue
                if not (_ARCHIVE_MORE.match(stripped[j]) or (funder and len(stripped[j]) <= 60)):
                    break
                funder = stripped[j].lower().startswith("with funding from") and len(stripped[j]) <= 20
                kind[j] = "stamp"
                j += 1
        elif _MARK.match(s) and len(s) <= 40 and _alone(kind, i):
            kind[i] = "stamp"  # `Digitized by Google` at a page's foot, a line to itself


def _alone(kind: list[str], i: int) -> bool:
    return (i == 0 or kind[i - 1] != "text") and (i + 1 == len(kind) or kind[i + 1] != "text")
