"""The whole analysis of one document: ingest, then each layer over the clean text."""
from __future__ import annotations

from .ingest import ingest_bytes, ingest_file
from .model import Document

LAYERS = ("actors", "quotes", "timex", "events")


def analyze_document(doc: Document, nlp=None, layers: tuple[str, ...] = LAYERS) -> Document:
    """Run the analysis layers over an ingested document (in place) and return it."""
    if not layers:
        return doc
    from .layers import run_layers

    run_layers(doc, nlp=nlp, layers=layers)
    return doc


def analyze_file(path: str, reference_date: str | None = None, nlp=None,
                 layers: tuple[str, ...] = LAYERS) -> Document:
    return analyze_document(ingest_file(path, reference_date), nlp=nlp, layers=layers)


def analyze_bytes(data: bytes, name: str, reference_date: str | None = None, nlp=None,
                  layers: tuple[str, ...] = LAYERS) -> Document:
    return analyze_document(ingest_bytes(data, name, reference_date), nlp=nlp, layers=layers)
