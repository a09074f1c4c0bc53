"""Readers for inputs that carry their structure in markup or layout: HTML, EPUB, PDF.

Each turns bytes into an `Extract` (a text stream plus paragraphs, page breaks, note marks and bodies)
and `assemble` makes the same cited document as the plain-text builder does. Plain text stays the
default: a reader is chosen only by a file's own signature or by its extension.
"""
from __future__ import annotations

import os

FORMATS = ("txt", "html", "epub", "pdf")
_EXT = {".html": "html", ".htm": "html", ".xhtml": "html", ".xht": "html", ".epub": "epub", ".pdf": "pdf",
        ".txt": "txt", ".text": "txt"}


def sniff(data: bytes, name: str) -> str:
    """The format of `data`: signatures first (a PDF or a zip), then the extension, then an HTML opening."""
    head = data[:1024]
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"%PDF-"):
        return "pdf"
    if head[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return "epub"
    ext = _EXT.get(os.path.splitext(name)[1].lower())
    if ext:
        return ext
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html")) or (start.startswith(b"<?xml") and b"<html" in start):
        return "html"
    return "txt"


def read(data: bytes, name: str, fmt: str):
    """Bytes of an HTML, EPUB or PDF file to an `Extract`."""
    if fmt == "html":
        from .html import read_html

        return read_html(data, name)
    if fmt == "epub":
        from .epub import read_epub

        return read_epub(data, name)
    if fmt == "pdf":
        from .pdf import read_pdf

        return read_pdf(data, name)
    raise ValueError(f"no reader for {fmt!r}: choose from {', '.join(FORMATS)}")


def assemble_extract(ex, name: str, sha256: str):
    from .assemble import assemble

    return assemble(ex, name, sha256)
