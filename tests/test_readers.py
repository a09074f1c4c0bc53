"""The same three-page history text as txt, HTML, EPUB 3, EPUB 2 and PDF (one and two columns, folios or
the PDF's own page labels) makes the same cited document: clean text, pages, notes, and the layers."""
import functools

import pytest

from cliograph.ingest import ingest_bytes
from cliograph.ingest.readers import read, sniff

from .test_readers_fixtures import (
    AUTHOR,
    DATE,
    NOTES,
    PAGES,
    TITLE,
    expected_text,
    norm,
    page_of_note,
    render_epub2,
    render_epub3,
    render_html,
    render_txt,
)

reportlab = pytest.importorskip("reportlab")
from .test_readers_pdfgen import render_pdf  # noqa: E402

# (name, renderer, footnotes stand on their own page, metadata recorded)
FORMATS = [
    ("book.txt", lambda: render_txt().encode(), True, False),
    ("book.html", render_html, True, True),
    ("book3.epub", render_epub3, True, True),
    ("book2.epub", render_epub2, False, True),  # endnotes in their own document, after page 114
    ("book.pdf", render_pdf, True, True),
    ("book2col.pdf", lambda: render_pdf(columns=2, sup_labels=True), True, True),
    ("booklabels.pdf", lambda: render_pdf(folios=False, page_labels=True), True, True),
    ("booktex.pdf", lambda: render_pdf(space_glyphs=False), True, True),  # words placed apart, no spaces drawn
    ("bookcolnotes.pdf", lambda: render_pdf(columns=2, column_notes=True), True, True),  # footnotes per column
    ("bookfooter.pdf", lambda: render_pdf(folios=False, page_labels=True, footer="Nordic Studies 12 (2019)"), True,
     True),  # a journal's footer on every page, a year in it
]
IDS = [f[0] for f in FORMATS]


def test_format_table_has_no_duplicates():
    assert len(IDS) == len(set(IDS))


@functools.cache
def doc_of(name: str):
    render = next(f[1] for f in FORMATS if f[0] == name)
    return ingest_bytes(render(), name)


@functools.cache
def data_of(name: str) -> bytes:
    return next(f[1] for f in FORMATS if f[0] == name)()


@pytest.mark.parametrize("name", IDS)
def test_same_clean_text(name):
    doc = doc_of(name)
    assert doc.text == expected_text()
    assert norm(doc.text[:doc.main_end]) == norm(" ".join(expected_text().split("\n\n")[:-len(NOTES)]))
    assert doc.source.format == name.rsplit(".", 1)[1]
    assert sniff(data_of(name), "noname") == ("txt" if name.endswith(".txt") else doc.source.format)


@pytest.mark.parametrize("name", IDS)
def test_same_pages(name):
    doc, ref = doc_of(name), doc_of("book.txt")
    assert [(p.label, p.inferred) for p in doc.pages] == [(label, False) for label, _ in PAGES]
    assert [norm(p.text) for p in doc.pages] == [norm(p.text) for p in ref.pages]
    for p in doc.pages:
        assert p.text == doc.text[p.start:p.end]
    assert [len(p.source) for p in doc.paragraphs] == [len(p.source) for p in ref.paragraphs], \
        "the paragraph cut by a page break has two source segments in every format"


@pytest.mark.parametrize("name", IDS)
def test_same_notes(name):
    doc = doc_of(name)
    on_page = next(f[2] for f in FORMATS if f[0] == name)
    assert [(n.label, n.text) for n in doc.notes] == list(NOTES.items())
    by_id = {n.id: n for n in doc.notes}
    assert [(r.label, by_id[r.note].label) for r in doc.note_refs] == [(k, k) for k in NOTES]
    pages = page_of_note()
    for r in doc.note_refs:
        assert r.start == r.end and r.start <= doc.main_end
        page = next(p.label for p in doc.pages if p.start <= r.start <= p.end)
        assert page == pages[r.label]
    if on_page:
        assert {n.label: n.page for n in doc.notes} == pages
    # each mark stands right after the words it cites
    mark4 = next(r for r in doc.note_refs if r.label == "4")
    assert doc.text[:mark4.start].endswith("in its last years.")


@pytest.mark.parametrize("name", IDS)
def test_metadata(name):
    doc = doc_of(name)
    has_meta = next(f[3] for f in FORMATS if f[0] == name)
    if has_meta:
        assert doc.source.title == TITLE and doc.source.author == AUTHOR
    if name.endswith((".epub", ".html")):
        assert doc.source.date == DATE


@pytest.mark.parametrize("name", [n for n in IDS if not n.endswith(".txt")])
def test_source_coordinates_index_the_stream(name):
    """source_start/source_end index the extracted stream; regions map it back to file or page."""
    doc = doc_of(name)
    stream = read(data_of(name), name, doc.source.format).stream
    assert doc.source.chars == len(stream)
    for n in doc.notes:
        assert norm(stream[n.source_start:n.source_end].replace("-\n", "")) == norm(n.text)
    for r in doc.note_refs:
        assert stream[r.source_start:r.source_end].strip("[]") == r.label
    for rem in doc.removed:
        assert 0 <= rem.source_start <= rem.source_end <= len(stream)
    kinds = {rem.kind for rem in doc.removed}
    assert "note_ref" in kinds
    regions = doc.source.regions
    assert regions and all(a.end <= b.start for a, b in zip(regions, regions[1:], strict=False))
    if doc.source.format == "pdf":
        assert {r.page for r in regions} == {1, 2, 3}
        assert all(len(r.bbox) == 4 and r.bbox[0] < r.bbox[2] for r in regions)
        assert {"running_head", "folio"} & kinds
    else:
        assert all(r.part and r.offset is not None for r in regions)


def test_html_regions_point_into_the_markup():
    data = render_html()
    ex = read(data, "book.html", "html")
    raw = data.decode("utf-8")
    checked = 0
    for r in ex.regions:
        piece = ex.stream[r.start:r.end]
        if "&" not in raw[r.offset:r.offset + len(piece) + 10]:
            assert raw[r.offset:r.offset + len(piece)].replace("\n", " ") == piece
            checked += 1
    assert checked > 10


def test_pdf_regions_carry_the_line_boxes():
    doc = doc_of("book2col.pdf")
    stream = read(data_of("book2col.pdf"), "x.pdf", "pdf").stream
    # the cut paragraph runs from the left column to the right one: the regions say so
    quote = stream.index("\u201cThe conference has become")
    region = next(r for r in doc.source.regions if r.start <= quote < r.end)
    assert region.page == 2 and region.bbox[0] > 300


def _layers(doc):
    return (
        sorted((a.name, a.type, tuple((m.start, m.end) for m in a.mentions)) for a in doc.actors),
        [(q.start, q.end, q.kind, q.page, tuple(q.notes)) for q in doc.quotes],
        [(t.start, t.end, t.type, t.value) for t in doc.timex],
    )


@pytest.mark.model
def test_same_layers_in_every_format(nlp):
    from cliograph.pipeline import analyze_document

    docs = {name: analyze_document(ingest_bytes(data_of(name), name), nlp=nlp) for name in IDS}
    ref = _layers(docs["book.txt"])
    for name, doc in docs.items():
        assert _layers(doc) == ref, name
        speakers = [(q.start, next((a.name for a in doc.actors if a.id == q.speaker), None)) for q in doc.quotes]
        ref_doc = docs["book.txt"]
        assert speakers == [(q.start, next((a.name for a in ref_doc.actors if a.id == q.speaker), None))
                            for q in ref_doc.quotes], name


def _mutate(rng, data: bytes, html: bool) -> bytes:
    if html:
        s = data.decode()
        for _ in range(rng.randint(1, 6)):
            a = rng.randrange(len(s))
            s = s[:a] + rng.choice(["", "<", ">", "</p>", "<sup>", "<a href='#fn1'>", "&", "<span class=pagenum>"]) \
                + s[a + rng.randint(0, 80):]
        return s.encode()
    b = bytearray(data)
    for _ in range(rng.randint(1, 5)):
        b[rng.randrange(len(b))] = rng.randrange(256)
    return bytes(b[:rng.randrange(len(b))] if rng.random() < 0.3 else b)


@pytest.mark.parametrize("name,count", [("book.html", 60), ("book3.epub", 40), ("book.pdf", 15)])
def test_damaged_inputs_give_a_document_or_a_clear_error(name, count):
    """Mangled markup, flipped bytes, cut files: a document that keeps its invariants, or InputError."""
    import random

    from cliograph.errors import InputError

    rng = random.Random(7)
    for _ in range(count):
        data = _mutate(rng, data_of(name), name.endswith(".html"))
        try:
            doc = ingest_bytes(data, name)
        except InputError as e:
            assert str(e).startswith(name + ":")
            continue
        assert all(doc.text[p.start:p.end] == p.text for p in doc.pages)
        assert all(r.start <= doc.main_end for r in doc.note_refs)
        assert all(0 <= r.source_start <= r.source_end <= doc.source.chars for r in doc.removed)
        assert [p.start for p in doc.paragraphs] == sorted(p.start for p in doc.paragraphs)
