"""Ingest: raw input to a cited document (clean text, offset map, pages, notes, repairs)."""
from __future__ import annotations

import hashlib
import os

from ..errors import InputError
from ..model import Document
from .build import build
from .decode import check_lines, decode

__all__ = ["ingest_bytes", "ingest_file"]


def ingest_bytes(data: bytes, name: str, reference_date: str | None = None, fmt: str | None = None) -> Document:
    """Read one document from bytes: plain text, or HTML, EPUB, PDF (by signature or extension, or `fmt`)."""
    from .readers import FORMATS, assemble_extract, read, sniff

    if fmt is not None and fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: choose from {', '.join(FORMATS)}")
    fmt = fmt or sniff(data, name)
    if fmt != "txt":
        if not data:
            raise InputError(name, "empty file")
        doc = assemble_extract(read(data, name, fmt), name, hashlib.sha256(data).hexdigest())
    else:
        text, encoding = decode(data, name)
        check_lines(text, name)
        doc = build(text, name, hashlib.sha256(data).hexdigest(), encoding)
    if not doc.text[:doc.main_end].strip():
        raise InputError(name, "no text: only page markers, folios or note marks")
    doc.source.reference_date = reference_date
    return doc


def ingest_file(path: str, reference_date: str | None = None) -> Document:
    name = os.path.basename(path)
    try:
        with open(path, "rb") as f:
            data = f.read()
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a file") from None
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except OSError as e:
        raise InputError(path, f"cannot read: {e.strerror}") from None
    try:
        return ingest_bytes(data, name, reference_date)
    except InputError as e:
        raise InputError(path, e.problem) from None
