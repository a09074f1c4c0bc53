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
    n, half = len(text), MAX_LINE // 2
    if n <= MAX_LINE:
        return
    # a line longer than MAX_LINE holds a whole block of `half` characters, aligned to its multiples:
    # only a block with no break in it is looked at more closely (one pass over the text, searched in C)
    for a in range(0, n, half):
        b = min(a + half, n)
        if text.find("\n", a, b) >= 0 or text.find("\r", a, b) >= 0:
            continue
        lo = max(0, a - MAX_LINE)  # searched back no further than a line may run
        start = max(text.rfind("\n", lo, a), text.rfind("\r", lo, a)) + 1 or lo
        end = min(x if x >= 0 else n for x in (text.find("\n", b, b + MAX_LINE), text.find("\r", b, b + MAX_LINE)))
        if end - start > MAX_LINE:
            start = max(text.rfind("\n", 0, a), text.rfind("\r", 0, a)) + 1
            raise InputError(name, f"a line of over {MAX_LINE:,} characters at offset {start}: not a text with lines")
