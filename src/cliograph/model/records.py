"""Typed records of a cited document (`cliograph/1`).

Every record that points into the text carries both coordinates: `start`/`end` into the clean
text and `source_start`/`source_end` into the decoded source. New fields get defaults so that
older JSON still loads (schema evolution: add, never rename).
"""
from __future__ import annotations

from dataclasses import dataclass, field

SCHEMA = "cliograph/1"


@dataclass
class Span:
    start: int
    end: int
    source_start: int
    source_end: int
    text: str


@dataclass
class Page(Span):
    label: str = ""
    inferred: bool = False


@dataclass
class Paragraph:
    start: int
    end: int
    source: list[list[int]] = field(default_factory=list)


@dataclass
class NoteRef(Span):
    label: str = ""
    note: str | None = None


@dataclass
class Note(Span):
    id: str = ""
    label: str = ""
    page: str | None = None


@dataclass
class Removed:
    source_start: int
    source_end: int
    kind: str  # page_marker, running_head, folio, note_ref, other


@dataclass
class Repair:
    source_start: int
    source_end: int
    to: str
    rule: str
    from_: str = ""  # `from` in JSON


@dataclass
class Mention(Span):
    label: str = ""


@dataclass
class Actor:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    gazetteer_id: str | None = None
    affiliation: str | None = None


@dataclass
class Quote(Span):
    id: str = ""
    kind: str = "speech"  # speech or phrase
    speaker: str | None = None
    speaker_text: str | None = None
    addressee: str | None = None
    page: str | None = None
    notes: list[str] = field(default_factory=list)
    part_of: str | None = None  # id of the first span of an utterance split by its speech verb
    speaker_span: Span | None = None
    mode: str | None = None  # "thought" for words reported as thought (`"...," thought Alice`)


@dataclass
class TimeExpr(Span):
    id: str = ""
    type: str = "DATE"
    value: str = ""
    mod: str | None = None
    anchor: str | None = None  # a timex id or "reference_date"
    confidence: float = 1.0


@dataclass
class Event:
    id: str
    trigger: Span
    sentence: Span
    predicate: str
    agent: str | None = None
    patient: str | None = None
    date: str | None = None
    time: str | None = None
    category: str | None = None
    page: str | None = None
    notes: list[str] = field(default_factory=list)
    quad: str | None = None
    negated: bool = False
    modality: str | None = None
    place: str | None = None
    agent_text: str | None = None
    patient_text: str | None = None


@dataclass
class Diagnostic:
    kind: str
    message: str
    source_start: int | None = None
    source_end: int | None = None


@dataclass
class Region:
    """Where a stretch of an extracted stream came from (HTML, EPUB, PDF): [start, end) of the stream."""

    start: int
    end: int
    part: str | None = None  # the file (the HTML file, or a path inside the EPUB)
    offset: int | None = None  # character offset of the stretch in that file as decoded
    page: int | None = None  # PDF: the physical page, from 1
    bbox: list[float] | None = None  # PDF: [x0, top, x1, bottom] in points from the page's top left


@dataclass
class Source:
    name: str
    sha256: str
    chars: int
    encoding: str = "utf-8"
    format: str = "txt"
    reference_date: str | None = None
    year_hint: int | None = None  # the year a text that names none is about (analyze --year-hint)
    title: str | None = None
    author: str | None = None
    date: str | None = None
    regions: list[Region] = field(default_factory=list)  # HTML, EPUB, PDF: the stream's map to file and page


@dataclass
class Document:
    source: Source
    text: str
    partial_start: bool = False
    partial_end: bool = False
    main_end: int = -1  # where the main flow ends and note bodies begin in `text`
    pages: list[Page] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    note_refs: list[NoteRef] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    timex: list[TimeExpr] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    offset_map: list[list[int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.main_end < 0:
            self.main_end = len(self.text)
