"""PDF renderings of the three-page history text of tests/test_readers_fixtures.py, typeset with reportlab.

One column or two; folios at the page foot (chapter opening) or in the running head; footnotes in a
smaller size under a short rule, their marks raised in superscript; words cut at line ends with a
hyphen; optionally the PDF's own page labels instead of printed folios.
"""
from __future__ import annotations

import io
import re

import pytest

from .test_readers_fixtures import AUTHOR, NOTES, PAGES, RUNNING_HEAD, SHY, TITLE

pytest.importorskip("reportlab")

from reportlab.lib.pagesizes import letter  # noqa: E402
from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

W, H = letter
LEFT, RIGHT, TOP, BOTTOM = 72, W - 72, H - 72, 72
_TOKEN = re.compile(r"\{(\d+)\}")


def _segments(word: str) -> list[tuple[str, bool]]:
    """`alone.{1}` -> [("alone.", False), ("1", True)]: text and superscript note marks."""
    out, pos = [], 0
    for m in _TOKEN.finditer(word):
        if m.start() > pos:
            out.append((word[pos:m.start()], False))
        out.append((m.group(1), True))
        pos = m.end()
    if pos < len(word):
        out.append((word[pos:], False))
    return out


class Style:
    def __init__(self, font: str, size: float, leading: float, indent: float = 0, first: float = 0) -> None:
        self.font, self.size, self.leading, self.indent, self.first = font, size, leading, indent, first
        self.sup = round(size * 0.62, 1)

    def width(self, word: str) -> float:
        return sum(stringWidth(t, self.font, self.sup if sup else self.size) for t, sup in _segments(word))


def wrap(text: str, width: float, st: Style, first_indent: float) -> list[str]:
    """Greedy wrap by measured width; a word with a soft hyphen may be cut there with a hyphen."""
    lines: list[str] = []
    cur = ""
    space = stringWidth(" ", st.font, st.size)
    for word in text.split(" "):
        avail = width - (first_indent if not lines else 0)
        shown = word.replace(SHY, "")
        cand = f"{cur} {shown}" if cur else shown
        if st.width(cand) <= avail:
            cur = cand
            continue
        if SHY in word:
            head, tail = word.split(SHY, 1)
            if st.width(f"{cur} {head}-") + space <= avail:
                lines.append(f"{cur} {head}-")
                cur = tail.replace(SHY, "")
                continue
        lines.append(cur)
        cur = shown
    lines.append(cur)
    return lines


_SPACE_GLYPHS = [True]  # False: words placed by moving the cursor, with no space characters (as TeX does)


def draw_line(c: canvas.Canvas, x: float, y: float, line: str, st: Style, center_in: float | None = None) -> None:
    if center_in is not None:
        x = x + (center_in - st.width(line)) / 2
    t = c.beginText(x, y)
    pos = start = 0.0  # where the pen is, and where the current text line began, from x
    for i, word in enumerate(line.split(" ")):
        if i:
            t.setFont(st.font, st.size)
            if _SPACE_GLYPHS[0]:
                t.textOut(" ")
            else:
                t.moveCursor(pos + stringWidth(" ", st.font, st.size) - start, 0)
                start = pos = pos + stringWidth(" ", st.font, st.size)
            pos += stringWidth(" ", st.font, st.size) if _SPACE_GLYPHS[0] else 0
        for seg, sup in _segments(word):
            size = st.sup if sup else st.size
            t.setFont(st.font, size)
            if sup:
                t.setRise(st.size * 0.38)
            t.textOut(seg)
            if sup:
                t.setRise(0)
            pos += stringWidth(seg, st.font, size)
    c.drawText(t)


def render_pdf(columns: int = 1, folios: bool = True, heads: bool = True, page_labels: bool = False,
               sup_labels: bool = False, encrypt: str | None = None, owner_only: bool = False,
               first_folio: bool = True, space_glyphs: bool = True, column_notes: bool = False,
               footer: str | None = None) -> bytes:
    _SPACE_GLYPHS[0] = space_glyphs
    buf = io.BytesIO()
    kw = {}
    if encrypt:
        from reportlab.lib.pdfencrypt import StandardEncryption

        kw["encrypt"] = StandardEncryption("" if owner_only else encrypt, ownerPassword=encrypt + "-owner")
    c = canvas.Canvas(buf, pagesize=letter, **kw)
    c.setTitle(TITLE)
    c.setAuthor(AUTHOR)
    size = 11 if columns == 1 else 10
    gutter = 24
    col_w = (RIGHT - LEFT) if columns == 1 else (RIGHT - LEFT - gutter) / 2
    body = Style("Times-Roman", size, size * 1.27, first=18 if columns == 1 else 12)
    quote = Style("Times-Roman", size - 1, (size - 1) * 1.25, indent=36 if columns == 1 else 14)
    heading = Style("Times-Bold", 14, 18)
    note = Style("Times-Roman", 8, 10)
    if page_labels:
        c.addPageLabel(0, style="D", start=int(PAGES[0][0]))
    for pno, (label, items) in enumerate(PAGES):
        odd = int(label) % 2 == 1
        # running head with its folio, or a folio at the foot of a chapter's first page
        if heads and pno > 0:
            draw_line(c, LEFT, H - 50, RUNNING_HEAD, Style("Times-Italic", 9, 11), center_in=RIGHT - LEFT)
            if folios:
                fw = stringWidth(label, "Times-Roman", 10)
                c.setFont("Times-Roman", 10)
                c.drawString(RIGHT - fw if odd else LEFT, H - 50, label)
        elif folios and (pno or first_folio):
            c.setFont("Times-Roman", 10)
            c.drawString((W - stringWidth(label, "Times-Roman", 10)) / 2, 40, label)
        # footnotes first, to know where the text must stop: across the page, or one block per column
        marks = [m for _, text in items for m in _TOKEN.findall(text)]
        groups = [marks] if not (column_notes and columns == 2) else [marks[:(len(marks) + 1) // 2],
                                                                       marks[(len(marks) + 1) // 2:]]
        note_w = RIGHT - LEFT if len(groups) == 1 else col_w
        wrapped = [[ln for n in g for ln in wrap(f"{{{n}}} {NOTES[n]}" if sup_labels else f"{n} {NOTES[n]}",
                                                  note_w, note, 0)] for g in groups]
        most = max(len(w) for w in wrapped)
        floor = BOTTOM + most * note.leading + (12 if most else 0)
        for k, lines in enumerate(wrapped):
            x = LEFT + k * (col_w + gutter)
            if lines:
                c.setLineWidth(0.5)
                c.line(x, floor - 4, x + 120, floor - 4)
            y = floor - 12 - note.size + 2
            for ln in lines:
                draw_line(c, x, y, ln, note)
                y -= note.leading
        if footer:
            c.setFont("Times-Roman", 9)
            c.drawString(LEFT, 28, footer)
        # the text: a heading across the page, then lines in one column or two balanced ones
        y = TOP
        entries = []  # (gap before, line, style, x offset in the column)
        after_heading = False
        for kind, text in items:
            if kind == "heading":
                draw_line(c, LEFT, y - heading.size, text, heading, center_in=RIGHT - LEFT)
                y -= heading.leading + 16
                after_heading = True
                continue
            st = quote if kind == "quote" else body
            indent = 0 if (kind == "cont" or after_heading or kind == "quote") else st.first
            after_heading = False
            for i, ln in enumerate(wrap(text, col_w - 2 * st.indent, st, indent)):
                gap = 6 if kind == "quote" and i == 0 else 0
                entries.append((gap, ln, st, st.indent + (indent if i == 0 else 0)))
            if kind == "quote":
                entries.append((6, None, st, 0))
        total = sum(g + st.leading for g, ln, st, _ in entries if ln is not None)
        col, top, used = 0, y, 0.0
        for gap, ln, st, dx in entries:
            if ln is None:
                y -= gap
                continue
            if columns == 2 and col == 0 and used >= total / 2:
                col, y = 1, top
            used += gap + st.leading
            y -= gap
            if y - st.size < floor:
                raise AssertionError(f"page {label} overflows")
            draw_line(c, LEFT + col * (col_w + gutter) + dx, y - st.size, ln, st)
            y -= st.leading
        c.showPage()
    c.save()
    return buf.getvalue()


def render_scanned() -> bytes:
    """A page with drawings and no text layer (what a scan without OCR looks like to a reader)."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter)
    for i in range(30):
        c.line(LEFT, TOP - i * 14, RIGHT - (i % 5) * 30, TOP - i * 14)
    c.showPage()
    c.save()
    return buf.getvalue()
