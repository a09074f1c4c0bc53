"""Analysis layers over the clean text. Each is a function over the Document and the parsed Docs."""
from __future__ import annotations

from ..model import Document


def run_layers(doc: Document, nlp=None, layers: tuple[str, ...] = ("actors", "quotes", "timex", "events")) -> None:
    """Run the named layers in dependency order. Layers not built yet are skipped."""
    return None
