"""Which PDF library to read with: accuracy and time on the generated fixtures (tests/test_readers_pdfgen.py).

Each library's own plain-text extraction is scored on word order against the known text (the main
flow and the footnotes of each page, running heads and folios left out); then the project's reader
on its structure (exact clean text, page labels, linked notes) and its time per page.

    .venv/bin/python bench/readers_pdf.py [PAGES]

pypdf and pdfplumber are measured only when installed (they are not dependencies).
"""
from __future__ import annotations

import difflib
import io
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import test_readers_fixtures as fx  # noqa: E402
from tests import test_readers_pdfgen as gen  # noqa: E402


def words(s: str) -> list[str]:
    s = re.sub(r"-\s*\n\s*", "", s)
    toks = [re.sub(r"\W", "", w.lower()) for w in s.split()]
    return [t for t in toks if t and not t.isdigit() and t not in ("the", "conference", "at", "halden")]


def truth(pages) -> list[str]:
    out: list[str] = []
    for _, items in pages:
        out += words(" ".join(fx.plain(t) for _, t in items))
        out += words(" ".join(fx.NOTES[m] for _, t in items for m in re.findall(r"\{(\d+)\}", t)))
    return out


def flow_then_notes(pages) -> str:
    flow = " ".join(fx.plain(t) for _, items in pages for _, t in items)
    notes = " ".join(fx.NOTES[m] for _, items in pages for _, t in items for m in re.findall(r"\{(\d+)\}", t))
    return flow + " " + notes


def order_accuracy(got: list[str], exp: list[str]) -> float:
    sm = difflib.SequenceMatcher(None, exp, got, autojunk=False)
    return sum(b.size for b in sm.get_matching_blocks()) / len(exp)


def pypdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def pdfminer_text(data: bytes) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(data))


def pdfplumber_text(data: bytes) -> str:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(p.extract_text() for p in pdf.pages)


def cliograph_text(data: bytes) -> str:
    from cliograph.ingest import ingest_bytes

    return ingest_bytes(data, "bench.pdf").text


def pages_of(n: int):
    out = []
    for k in range(n):
        _, items = fx.PAGES[k % 3]
        out.append((str(112 + k), items if k == 0 else [it for it in items if it[0] != "heading"]))
    return out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    original = gen.PAGES
    gen.PAGES = pages_of(n) if n != 3 else original
    exp = truth(gen.PAGES)
    libs = [("pypdf", pypdf_text), ("pdfminer.six", pdfminer_text), ("pdfplumber", pdfplumber_text),
            ("cliograph reader", cliograph_text)]
    for cols in (1, 2):
        data = gen.render_pdf(columns=cols, sup_labels=cols == 2)
        for name, fn in libs:
            try:
                t = time.perf_counter()
                text = fn(data)
                dt = time.perf_counter() - t
            except ImportError:
                print(f"{cols} column(s)  {name:17s} not installed")
                continue
            # the reader moves notes after the main flow, as the contract says: score it against that order
            want = exp if fn is not cliograph_text else words(flow_then_notes(gen.PAGES))
            print(f"{cols} column(s)  {name:17s} word order {order_accuracy(words(text), want):.3f}  "
                  f"{1000 * dt / n:.0f} ms/page")
        if n == 3:
            from cliograph.ingest import ingest_bytes

            doc = ingest_bytes(data, "bench.pdf")
            linked = sum(1 for r in doc.note_refs if r.note)
            print(f"{cols} column(s)  structure: text exact {doc.text == fx.expected_text()}, pages "
                  f"{[p.label for p in doc.pages]}, notes {len(doc.notes)}, marks linked {linked}/{len(doc.note_refs)}")
    gen.PAGES = original


if __name__ == "__main__":
    main()
