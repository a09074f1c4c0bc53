"""`cliograph/1` JSON: document <-> dict, exact key names as the contract fixes them."""
from __future__ import annotations

import json
from dataclasses import fields, is_dataclass
from typing import Any

from .records import (
    SCHEMA,
    Actor,
    Diagnostic,
    Document,
    Event,
    Mention,
    Note,
    NoteRef,
    Page,
    Paragraph,
    Quote,
    Region,
    Removed,
    Repair,
    Source,
    Span,
    TimeExpr,
)

_LISTS = {
    "pages": Page, "paragraphs": Paragraph, "note_refs": NoteRef, "notes": Note, "removed": Removed,
    "repairs": Repair, "actors": Actor, "quotes": Quote, "timex": TimeExpr, "events": Event,
    "diagnostics": Diagnostic,
}
_NESTED = {(Actor, "mentions"): Mention, (Event, "trigger"): Span, (Event, "sentence"): Span,
           (Quote, "speaker_span"): Span, (Source, "regions"): Region}


def _to(obj: Any) -> Any:
    if is_dataclass(obj):
        out = {}
        for f in fields(obj):
            key = "from" if f.name == "from_" else f.name
            out[key] = _to(getattr(obj, f.name))
        return out
    if isinstance(obj, list):
        return [_to(x) for x in obj]
    return obj


def _from(cls: type, data: dict) -> Any:
    kw = {}
    names = {f.name for f in fields(cls)}
    for key, val in data.items():
        name = "from_" if key == "from" else key
        if name not in names:
            continue  # fields from a newer writer are ignored, not fatal
        sub = _NESTED.get((cls, name))
        if sub is not None and val is not None:
            val = [_from(sub, v) for v in val] if isinstance(val, list) else _from(sub, val)
        kw[name] = val
    return cls(**kw)


def document_to_dict(doc: Document) -> dict:
    out: dict[str, Any] = {"schema": SCHEMA}
    out.update(_to(doc))
    return out


def document_from_dict(data: dict) -> Document:
    if data.get("schema") != SCHEMA:
        raise ValueError(f"not a {SCHEMA} document (schema={data.get('schema')!r})")
    kw: dict[str, Any] = {"source": _from(Source, data["source"]), "text": data["text"]}
    for key in ("partial_start", "partial_end", "main_end", "offset_map"):
        if key in data:
            kw[key] = data[key]
    for key, cls in _LISTS.items():
        kw[key] = [_from(cls, x) for x in data.get(key, [])]
    return Document(**kw)


def dumps(doc: Document, indent: int | None = None) -> str:
    return json.dumps(document_to_dict(doc), ensure_ascii=False, indent=indent)


def loads(text: str) -> Document:
    return document_from_dict(json.loads(text))
