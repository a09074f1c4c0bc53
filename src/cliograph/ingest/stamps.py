"""What a digitization leaves on the pages it scanned: the Internet Archive's leaf ("Digitized by the
Internet Archive / in 2016 with funding from / ..." and the book's archive.org address) and a scanner's
mark at a page's foot ("Digitized by Google", or the OCR's reading of its logo, and "Original from" the
library). None of it is the book's text: such lines leave it (kind `stamp`, listed as removed) and open no
page, nor close one."""
from __future__ import annotations

import re
from bisect import bisect_right

from .lines import Lines, _capitals
from .vocab import char_positions

_ARCHIVE = re.compile(r"^digitized\s+by\s+the\s+internet\s+archive\b", re.I)
_ARCHIVE_MORE = re.compile(r"^(?:in\s+\d{4}\b|with\s+funding\s+from\b|https?://(?:www\.)?archive\.org/)", re.I)
_FUNDING = re.compile(r"with\s+funding\s+from\s*$", re.I)
_DIGITIZED = re.compile(r"^digitized\s+by\s+\S", re.I)
_ORIGINAL = re.compile(r"^original\s+from\b\s*(.*)$", re.I)
_LIBRARY = re.compile(r"universit|librar|college|institut|museum|archive", re.I)


def stamps(lines: Lines) -> list[int]:
    """Mark the lines a digitization left (kind `stamp`); returns them."""
    kind, stripped, starts, ca, n = lines.kind, lines.stripped, lines.start, lines.ca, len(lines.kind)
    src, out = lines.src, []
    at = sorted({i for word in ("igitized ", "IGITIZED ", "riginal from", "RIGINAL FROM")
                 for i in char_positions(src, word)})
    for pos in at:
        i = bisect_right(starts, pos) - 1
        if kind[i] != "text" or not ca[i] <= pos <= ca[i] + 1:
            continue  # not opening its line
        s = stripped[i]
        if _ARCHIVE.match(s) and len(s) <= 60:
            out += _archive_leaf(lines, i)
        elif _DIGITIZED.match(s) and (len(s) <= 40 or (len(s) <= 90 and "riginal from" in s.lower())) and \
                _alone(kind, i, i):
            out.append(i)  # `Digitized by Google` (and the library) at a page's foot, a line to itself
        elif (m := _ORIGINAL.match(s)) and len(s) <= 80:
            rest = m.group(1)
            if rest and (_LIBRARY.search(rest) or rest.isupper()) and _alone(kind, i, i):
                out.append(i)
            elif not rest and i + 1 < n and kind[i + 1] == "text" and _capitals(stripped[i + 1]) and \
                    len(stripped[i + 1]) <= 40 and _alone(kind, i, i + 1):
                out += [i, i + 1]  # `Original from` / `HARVARD UNIVERSITY`
    for i in out:
        kind[i] = "stamp"
    return sorted(set(out))


def _archive_leaf(lines: Lines, i: int) -> list[int]:
    """The leaf's lines from its first (`Digitized by the Internet Archive`): up to the archive.org address
    when one follows close by, else the year and funder lines."""
    kind, stripped, n = lines.kind, lines.stripped, len(lines.kind)
    url = next((j for j in range(i + 1, min(n, i + 14)) if "archive.org/" in stripped[j]), None)
    if url is not None and all(len(stripped[k]) <= 80 for k in range(i, url)):
        return [k for k in range(i, url + 1) if kind[k] == "text"]
    out, j, funder = [i], i + 1, False
    while j < min(n, i + 12):
        if kind[j] == "blank":
            j += 1
            continue
        if not (_ARCHIVE_MORE.match(stripped[j]) or (funder and len(stripped[j]) <= 60)):
            break
        funder = bool(_FUNDING.search(stripped[j]))  # the funder's name is on the next line
        out.append(j)
        j += 1
    return [j for j in out if kind[j] == "text"]


def _alone(kind: list[str], i: int, j: int) -> bool:
    """Do lines i to j stand apart from the text (no text line just before or after)?"""
    return (i == 0 or kind[i - 1] != "text") and (j + 1 == len(kind) or kind[j + 1] != "text")
