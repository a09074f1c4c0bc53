"""PDF with a text layer: the printed page's text, labels, notes and reading order.

The stream holds each page's rows as lines (running head first, then the text in reading order, the
footnotes, the folio), pages separated by a form feed; `source.regions` give each line's page and box.
Page labels come from the printed folio, else from the PDF's own page labels, else they are counted
on from a neighbour (inferred). A PDF without a text layer is refused: OCR is out of scope.
"""
from __future__ import annotations

import re

from ...errors import InputError
from ...model import Removed
from ...model.records import Region
from .extract import Block, Extract, Mark, PageMark
from .pdflayout import (
    Row,
    body_size,
    find_gutter,
    is_heading,
    mark_apparatus,
    mark_footnotes,
    paragraph_starts,
    reading_order,
    rows_of,
)
from .pdftext import read_text_layer

_MARK = re.compile(r"^(\d{1,3}|[*\u2020\u2021\u00a7\u00b6]{1,3})$")
_NOTE_START = re.compile(r"^(\d{1,3}|[*\u2020\u2021\u00a7\u00b6]{1,3})[.)]?$")


def read_pdf(data: bytes, name: str) -> Extract:
    layer = read_text_layer(data, name)
    if not any(p.words for p in layer.pages):
        raise InputError(name, f"PDF without a text layer ({len(layer.pages)} page(s) of images or drawings, "
                               "no text): OCR is out of scope, run OCR on it first")
    rows = [rows_of(p.words) for p in layer.pages]
    size = body_size(rows)
    mark_apparatus(rows, size)
    for page, page_rows in zip(layer.pages, rows, strict=True):
        mark_footnotes(page_rows, size, page.rules)
    gutters = [find_gutter(r, page.width) for page, r in zip(layer.pages, rows, strict=True)]
    ex = _write(rows, gutters, size, layer.labels)
    ex.title, ex.author = layer.title, layer.author
    return ex


class _Out:
    """The stream being written, with the lines' regions."""

    def __init__(self) -> None:
        self.ex = Extract(stream="", format="pdf")
        self.parts: list[str] = []
        self.length = 0

    def line(self, r: Row, page: int, marks: bool) -> list[int]:
        """Write one row as a line; superscript labels become note marks (in the text) when `marks`."""
        a = self.length
        pieces = []
        pos = a
        prev = None
        for w in r.words:
            if prev is not None and not (w.sup and w.x0 - prev.x1 < 0.25 * r.size):
                pieces.append(" ")  # a raised mark stays glued to its word, as printed
                pos += 1
            if w.sup and marks and _MARK.match(w.text) and prev is not None:
                self.ex.marks.append(Mark(pos, pos + len(w.text), w.text))
            pieces.append(w.text)
            pos += len(w.text)
            prev = w
        text = "".join(pieces)
        self.write(text + "\n")
        self.ex.regions.append(Region(a, a + len(text), page=page,
                                      bbox=[round(r.x0, 1), round(r.top, 1), round(r.x1, 1), round(r.bottom, 1)]))
        return [a, a + len(text)]

    def write(self, s: str) -> None:
        self.parts.append(s)
        self.length += len(s)


def _page_labels(rows: list[list[Row]], labels: list[str | None]) -> list[tuple[str | None, bool]]:
    """(label, inferred) per page: the printed folio, else the PDF's label, else counted on from a neighbour."""
    out: list[tuple[str | None, bool]] = []
    for i, page_rows in enumerate(rows):
        folio = next((r.folio for r in page_rows if r.kind in ("head", "folio") and r.folio), None)
        out.append((folio, False) if folio else ((labels[i], False) if labels[i] else (None, True)))
    for _ in range(2):  # forwards from a known folio, then backwards
        for i in range(len(out)):
            if out[i][0] is None and i > 0 and out[i - 1][0] and out[i - 1][0].isdecimal():
                out[i] = (str(int(out[i - 1][0]) + 1), True)
        for i in range(len(out) - 1, -1, -1):
            if out[i][0] is None and i + 1 < len(out) and out[i + 1][0] and out[i + 1][0].isdecimal() and int(
                    out[i + 1][0]) > 1:
                out[i] = (str(int(out[i + 1][0]) - 1), True)
    return [(label or str(i + 1), inferred) for i, (label, inferred) in enumerate(out)]


def _write(rows: list[list[Row]], gutters: list[float | None], size: float, labels: list[str | None]) -> Extract:
    out = _Out()
    ex = out.ex
    body_lines: list[tuple[int, Row, list[int]]] = []
    note_rows: list[tuple[int, Row, list[int]]] = []
    for i, (page_rows, gutter) in enumerate(zip(rows, gutters, strict=True)):
        if i:
            out.write("\f")
        ex.pages.append(PageMark(out.length, out.length, None))
        top = [r for r in page_rows if r.kind in ("head", "folio") and r.top <= page_rows[0].top]
        foot = [r for r in page_rows if r.kind in ("head", "folio") and r not in top]
        for r in top:
            a, z = out.line(r, i + 1, False)
            ex.removed.append(Removed(a, z, "running_head" if r.kind == "head" else "folio"))
        for r in reading_order(page_rows, gutter):
            body_lines.append((i, r, out.line(r, i + 1, True)))
        for r in reading_order(page_rows, gutter, "note"):
            note_rows.append((i, r, out.line(r, i + 1, True)))
        for r in foot:
            a, z = out.line(r, i + 1, False)
            ex.removed.append(Removed(a, z, "running_head" if r.kind == "head" else "folio"))
    for pm, (label, inferred) in zip(ex.pages, _page_labels(rows, labels), strict=True):
        pm.label, pm.inferred = label, inferred
    starts = paragraph_starts([(i, r) for i, r, _ in body_lines], size)
    for (_, r, span), new in zip(body_lines, starts, strict=True):
        if new or not ex.blocks:
            ex.blocks.append(Block("heading" if is_heading(r, size) else "text", wrapped=True))
        ex.blocks[-1].lines.append(span)
    _notes(ex, note_rows)
    ex.stream = "".join(out.parts)
    ex.blocks.sort(key=lambda b: b.lines[0][0])
    return ex


def _notes(ex: Extract, note_rows: list[tuple[int, Row, list[int]]]) -> None:
    """Footnote rows into note bodies: a row opening with a label begins a note; the others go on with the
    note before (on the next page too: a footnote running overleaf)."""
    last: Block | None = None
    for i, r, span in note_rows:
        first = r.words[0]
        if last is None or (_NOTE_START.match(first.text) and len(r.words) > 1):
            label = first.text.rstrip(".)") if _NOTE_START.match(first.text) else None
            last = Block("note", wrapped=True, note_id=f"p{i + 1}-{span[0]}", label=label)
            ex.blocks.append(last)
        last.lines.append(span)
