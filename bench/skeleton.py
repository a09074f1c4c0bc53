"""The least any line-by-line ingest in Python does, as a yardstick for `ingest.py`.

It decodes, splits lines, strips them, makes paragraphs of the runs between blank lines, joins each
paragraph's lines with one space and makes one offset segment per line and one per line break. No
markers, heads, folios, notes, repairs or pages: whatever the real ingest adds costs on top of this.
"""
from __future__ import annotations

import hashlib
from itertools import accumulate, compress, count, repeat
from operator import add, ne


def skeleton_ingest(data: bytes) -> tuple[str, list[list[int]]]:
    hashlib.sha256(data).hexdigest()
    src = data.decode("utf-8")
    sep = "\r\n" if "\r\n" in src else "\n"
    texts = src.split(sep)
    lens = list(map(len, texts))
    stops = list(accumulate(map(add, lens, repeat(len(sep)))))
    starts = [0, *stops[:-1]]
    stripped = list(map(str.strip, texts))
    slens = list(map(len, stripped))
    ca = starts[:]
    for i in compress(count(), map(ne, lens, slens)):
        ca[i] += len(texts[i]) - len(texts[i].lstrip())
    cz = list(map(add, ca, slens))
    paras, first = [], None
    for i, n in enumerate(slens):
        if n and first is None:
            first = i
        elif not n and first is not None:
            paras.append((first, i - 1))
            first = None
    if first is not None:
        paras.append((first, len(slens) - 1))
    out, segs, c = [], [], 0
    for f, last in paras:
        out.append(" ".join(stripped[f:last + 1]))
        for li in range(f, last + 1):
            segs.append([c, ca[li], slens[li], slens[li], 1])
            c += slens[li]
            if li < last:
                segs.append([c, cz[li], 1, ca[li + 1] - cz[li], 0])
                c += 1
        c += 2
    return "\n\n".join(out), segs
