"""Bytes to source text. The encoding is detected and recorded, never silently guessed."""
from __future__ import annotations

import codecs

from ..errors import InputError

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
]
MAX_LINE = 1_000_000  # characters without a line break: not a text made of lines


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Return (text, encoding). `text` keeps line ends as they are (like `newline=""`)."""
    if not data or not data.strip():
        raise InputError(name, "empty file")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as e:
                raise InputError(name, f"undecodable: {enc} byte order mark but bad bytes at {e.start}") from None
    if b"\x00" in data:
        raise InputError(name, "binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        first_bad = e.start
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        raise InputError(name, f"undecodable: not UTF-8 (bad byte at {first_bad}) and not cp1252") from None


def check_lines(text: str, name: str) -> None:
    """Refuse a huge text with no line breaks (a dump, not a document)."""
    if len(text) <= MAX_LINE:
        return
    pos = 0
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos, pos + MAX_LINE + 1)
        cr = text.find("\r", pos, pos + MAX_LINE + 1)
        cut = min(x for x in (nl, cr, n + 1) if x >= 0)
        if cut - pos > MAX_LINE and cut != n + 1 or (cut == n + 1 and n - pos > MAX_LINE):
            raise InputError(name, f"a line of over {MAX_LINE:,} characters at offset {pos}: not a text with lines")
        pos = cut + 1
