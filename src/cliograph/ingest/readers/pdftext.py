"""The text layer of a PDF, page by page, as words with their boxes and font sizes (pdfminer.six).

pdfminer.six is used directly, without its layout analysis: the characters as drawn, grouped into
words by spaces, gaps and size changes (a raised smaller note mark is a word of its own), plus the
horizontal strokes that rule off footnotes. Boxes are in points from the page's top left.
"""
from __future__ import annotations

import io
import itertools
import logging
from dataclasses import dataclass, field

from ...errors import InputError
from .pdflayout import Word


@dataclass
class PdfPage:
    width: float
    words: list[Word] = field(default_factory=list)
    rules: list[float] = field(default_factory=list)  # heights of thin horizontal strokes


@dataclass
class PdfText:
    pages: list[PdfPage]
    labels: list[str | None]  # the PDF's own page labels (/PageLabels), when it has them
    title: str | None = None
    author: str | None = None


def _quiet() -> None:
    """pdfminer logs every damaged object it steps over; a reader's caller decides what to show."""
    log = logging.getLogger("pdfminer")
    if not any(isinstance(h, logging.NullHandler) for h in log.handlers):
        log.addHandler(logging.NullHandler())


def _document(data: bytes, name: str):
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser

    if not data.lstrip()[:5] == b"%PDF-":
        raise InputError(name, "not a PDF (no %PDF- header)")
    try:
        return PDFDocument(PDFParser(io.BytesIO(data)))
    except Exception as e:  # pdfminer raises many kinds on broken or locked files
        kind = type(e).__name__
        if "Password" in kind or "Encrypt" in kind:
            raise InputError(name, "encrypted PDF: it needs a password to be read") from None
        raise InputError(name, f"damaged or truncated PDF ({kind}: {e})") from None


def read_text_layer(data: bytes, name: str) -> PdfText:
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    _quiet()
    doc = _document(data, name)
    rm = PDFResourceManager(caching=True)
    device = PDFPageAggregator(rm, laparams=None)
    interp = PDFPageInterpreter(rm, device)
    pages: list[PdfPage] = []
    try:
        for page in PDFPage.create_pages(doc):
            interp.process_page(page)
            pages.append(_page(device.get_result()))
    except InputError:
        raise
    except Exception as e:
        raise InputError(name, f"damaged PDF: page {len(pages) + 1} cannot be read ({type(e).__name__}: {e})") \
            from None
    if not pages:
        raise InputError(name, "damaged PDF: no pages")
    try:
        labels = list(itertools.islice(doc.get_page_labels(), len(pages)))  # an endless generator otherwise
    except Exception:
        labels = [None] * len(pages)
    info = _info(doc)
    return PdfText(pages, labels, info.get("Title"), info.get("Author"))


def _page(layout) -> PdfPage:
    from pdfminer.layout import LTChar, LTCurve, LTFigure

    top = layout.y1
    out = PdfPage(width=layout.x1 - layout.x0)
    chars = []

    def walk(objs) -> None:
        for o in objs:
            if isinstance(o, LTChar):
                chars.append(o)
            elif isinstance(o, LTFigure):
                walk(o)
            elif isinstance(o, LTCurve) and o.height < 1.5 and o.width > 20:  # lines and thin rectangles
                out.rules.append(top - o.y1)

    walk(layout)
    out.words = _words(chars, top)
    return out


def _words(chars: list, top: float) -> list[Word]:
    """Characters in drawing order into words: a space, a gap, a jump or a change of size ends a word."""
    words: list[Word] = []
    cur: list = []

    def flush() -> None:
        if cur:
            text = "".join(c.get_text() for c in cur)
            size = round(cur[0].size, 1)
            words.append(Word(text, min(c.x0 for c in cur), max(c.x1 for c in cur), top - max(c.y1 for c in cur),
                              top - min(c.y0 for c in cur), size, cur[0].fontname))
            cur.clear()

    for c in chars:
        t = c.get_text()
        if not c.upright or not t or t.isspace():
            flush()
            continue
        if cur:
            p = cur[-1]
            if (abs(c.size - p.size) > 0.05 or abs(c.y0 - p.y0) > 0.3 * c.size
                    or c.x0 - p.x1 > 0.2 * c.size or c.x0 < p.x0 - 0.5):
                flush()
        cur.append(c)
    flush()
    return words


def _info(doc) -> dict[str, str]:
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    out: dict[str, str] = {}
    for d in getattr(doc, "info", []) or []:
        d = resolve1(d)
        if not isinstance(d, dict):
            continue
        for k in ("Title", "Author"):
            v = resolve1(d.get(k))
            if isinstance(v, bytes):
                v = decode_text(v)
            if isinstance(v, str) and v.strip():
                out.setdefault(k, v.strip())
    return out
