"""Records of a cited document and their `cliograph/1` JSON form. Imports nothing else of ours."""
from .jsonio import document_from_dict, document_to_dict, dumps, loads
from .offsets import OffsetMap
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
    Removed,
    Repair,
    Source,
    Span,
    TimeExpr,
)
from .spans import make_span, page_at, paragraph_at

__all__ = [
    "SCHEMA", "Actor", "Diagnostic", "Document", "Event", "Mention", "Note", "NoteRef", "OffsetMap", "Page",
    "Paragraph", "Quote", "Removed", "Repair", "Source", "Span", "TimeExpr", "document_from_dict",
    "document_to_dict", "dumps", "loads", "make_span", "page_at", "paragraph_at",
]
