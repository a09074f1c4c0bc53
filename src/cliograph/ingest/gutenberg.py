"""Project Gutenberg's wrapper around a book: the header up to its START line, the transcribers' credits
after it, and the closing lines and licence. None of it is the book's text."""
from __future__ import annotations

import re
from bisect import bisect_right

from .lines import Lines
from .vocab import end_of_text_res, search_line

# the START line, or the end of the "small print" opening a 1990s file; case kept: a literal search
_PG_START = re.compile(r"\*\*\*\s*START OF (?:THE|THIS) PROJECT GUTENBERG|\*END\*?\s*THE SMALL PRINT!")
# the transcribers' credit a Gutenberg file puts after its START line: the file's, not the book's
_CREDIT = re.compile(r"(?:produced|prepared|transcribed|scanned|digitized)\s+(?:by|from)\b|e-?text\s+(?:was\s+)?"
                     r"(?:produced|prepared|transcribed)|this\s+e-?(?:text|book)\s+was\s+(?:produced|prepared|transcribed)"
                     r"|note:\s+project\s+gutenberg\s+also\s+has"
                     r"|this\s+(?:electronic\s+edition|e-?text|e-?book)\b[^.]{0,60}?\b(?:produced|prepared|proofed)\b", re.I)


def _text_end(src: str) -> int:
    """The source offset where the book's own text ends (a Gutenberg licence follows), else its length."""
    low, end = src.lower(), len(src)
    for rx, lit in end_of_text_res():  # the first of the closing lines: each searched up to the last found
        m = search_line(rx, lit, src, low, end)
        end = m.start() if m else end
    return end


def book_bounds(src: str, lines: Lines) -> tuple[int, int]:
    """Source offsets of the book's own text: after a Gutenberg header's `*** START OF ...` line, before
    its `*** END OF ...` line and the licence (else the whole text)."""
    m = _PG_START.search(src)
    if not m:
        return 0, _text_end(src)
    after = bisect_right(lines.start, m.start())  # the line after the START line
    kind, stripped = lines.kind, lines.stripped
    if not stripped[after - 1].endswith("*"):  # the START line wrapped: it ends at its closing stars
        k = after
        while k < min(len(kind), after + 3) and kind[k] != "blank":
            if stripped[k].endswith("*"):
                after = k + 1
                break
            k += 1
    i = after
    while True:  # the credit paragraphs go too
        while i < len(kind) and kind[i] == "blank":
            i += 1
        if i >= len(kind) or not _CREDIT.match(stripped[i]):
            break
        while i < len(kind) and kind[i] != "blank":
            i += 1
        after = i
    return lines.stop[after - 1], _text_end(src)


def stream_bounds(text: str) -> tuple[int, int]:
    """`book_bounds` of a text read out of HTML or EPUB (the visible text, one block to a line or more)."""
    if "roject Gutenberg" not in text and "ROJECT GUTENBERG" not in text:
        return 0, len(text)
    lines = Lines(text)
    lines.kind = ["text" if n else "blank" for n in lines.stripped_len]
    return book_bounds(text, lines)
