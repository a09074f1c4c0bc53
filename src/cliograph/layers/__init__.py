"""Analysis layers over the clean text.

The text is parsed once, paragraph by paragraph (`nlp.pipe`), and each paragraph's parse is handed
to every layer in order, then dropped, so memory stays flat in document length. After the last
paragraph each layer's `finish` runs, in order, over the records gathered so far: actors cluster
mentions into actors, quotes resolve speakers to actor ids, time anchors the narrative, events take
dates and actors from the layers before them.

A layer is any object with `name`, `paragraph(ctx, offset, parsed)` and `finish(ctx)`.
`offset` is the clean-text offset of the paragraph; `parsed` is the spaCy Doc of
`ctx.doc.text[offset:offset + len(parsed.text)]`, so a token's clean offset is `offset + token.idx`.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any

from ..model import Document

ORDER = ("actors", "quotes", "timex", "events")
# module path of each layer, relative to this package; each module exposes `make_layer()`
MODULES = {"actors": ".entities", "quotes": ".quotes", "timex": ".time", "events": ".events"}


@dataclass
class Context:
    """What layers share while one document is analyzed."""

    doc: Document
    nlp: Any = None
    # filled by the layers, for the layers after them:
    data: dict[str, Any] = field(default_factory=dict)

    def in_notes(self, pos: int) -> bool:
        """True when a clean offset lies in the note bodies after the main flow."""
        return pos >= self.doc.main_end

    def actor_at(self, start: int, end: int) -> str | None:
        """Id of the actor with a mention overlapping [start, end) (after the actors layer finished)."""
        lookup = self.data.get("actor_at")
        return lookup(start, end) if lookup else None


def load_layers(names: tuple[str, ...]) -> list:
    layers = []
    for name in ORDER:
        if name not in names:
            continue
        try:
            mod = importlib.import_module(MODULES[name], __name__)
        except ModuleNotFoundError as e:
            if e.name and e.name.startswith(__name__):
                continue  # a layer not present in this build
            raise
        layers.append(mod.make_layer())
    return layers


def run_layers(doc: Document, nlp=None, layers: tuple[str, ...] = ORDER) -> Context:
    """Run the named layers over `doc` (in place); returns the context for inspection."""
    from ..nlp import load_model, parse_paragraphs

    todo = load_layers(layers)
    ctx = Context(doc=doc, nlp=nlp)
    if not todo:
        return ctx
    if nlp is None:
        nlp = ctx.nlp = load_model()
    for offset, parsed in parse_paragraphs(doc, nlp):
        for layer in todo:
            layer.paragraph(ctx, offset, parsed)
    for layer in todo:
        layer.finish(ctx)
    return ctx
