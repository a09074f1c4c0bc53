"""EPUB reader: spine order, page lists, metadata, and damaged or locked books refused with a clear message."""
import io
import zipfile

import pytest

from cliograph.errors import InputError
from cliograph.ingest import ingest_bytes

from .conftest import cli
from .test_readers_fixtures import render_epub3

CONTAINER = ('<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
             '<rootfiles><rootfile full-path="{opf}" media-type="application/oebps-package+xml"/></rootfiles>'
             "</container>")
XHTML = ('<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml" '
         'xmlns:epub="http://www.idpf.org/2007/ops"><head><title>x</title></head><body>{}</body></html>')


def book(docs: dict[str, str], spine: list[str], metadata: str = "", nav: str | None = None,
         linear_no: tuple[str, ...] = (), extra: dict[str, str] | None = None, opf_path: str = "OPS/book.opf") -> bytes:
    """A small EPUB 3: `docs` maps file names (beside the package file) to body markup."""
    items = "".join(f'<item id="{n.split(".")[0]}" href="{n}" media-type="application/xhtml+xml"/>' for n in docs)
    if nav is not None:
        items += '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
    no = ' linear="no"'
    refs = "".join(f'<itemref idref="{n.split(".")[0]}"{no if n in linear_no else ""}/>' for n in spine)
    opf = ('<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" '
           'unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
           f'<dc:identifier id="id">x</dc:identifier>{metadata}</metadata><manifest>{items}</manifest>'
           f"<spine>{refs}</spine></package>")
    base = opf_path.rsplit("/", 1)[0] + "/" if "/" in opf_path else ""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/container.xml", CONTAINER.format(opf=opf_path))
        z.writestr(opf_path, opf)
        for name, body in docs.items():
            z.writestr(base + name, XHTML.format(body))
        if nav is not None:
            z.writestr(base + "nav.xhtml", XHTML.format(nav))
        for name, text in (extra or {}).items():
            z.writestr(name, text)
    return buf.getvalue()


def test_reading_order_is_the_spine():
    data = book({"a.xhtml": "<p>Alpha.</p>", "b.xhtml": "<p>Beta.</p>", "c.xhtml": "<p>Gamma.</p>"},
                spine=["c.xhtml", "a.xhtml", "b.xhtml"])
    assert ingest_bytes(data, "b.epub").text == "Gamma.\n\nAlpha.\n\nBeta."


def test_out_of_flow_documents_come_after_the_flow():
    data = book({"a.xhtml": "<p>Alpha.</p>", "aside.xhtml": "<p>Aside.</p>", "b.xhtml": "<p>Beta.</p>"},
                spine=["a.xhtml", "aside.xhtml", "b.xhtml"], linear_no=("aside.xhtml",))
    assert ingest_bytes(data, "b.epub").text == "Alpha.\n\nBeta.\n\nAside."


def test_page_list_labels_anchors_and_whole_documents():
    nav = ('<nav epub:type="page-list"><ol><li><a href="a.xhtml">vii</a></li>'
           '<li><a href="b.xhtml#x9">viii</a></li></ol></nav>')
    data = book({"a.xhtml": "<p>Alpha.</p>", "b.xhtml": '<p>Beta <span id="x9"/>goes on.</p>'},
                spine=["a.xhtml", "b.xhtml"], nav=nav)
    doc = ingest_bytes(data, "b.epub")
    assert [(p.label, p.inferred, p.text) for p in doc.pages] == [("vii", False, "Alpha.\n\nBeta "),
                                                                   ("viii", False, "goes on.")]


def test_notes_across_documents():
    data = book({"a.xhtml": '<p>It fell.<a epub:type="noteref" href="notes.xhtml#n1">1</a> Then.</p>',
                 "notes.xhtml": '<h2>Notes</h2><aside epub:type="endnote" id="n1"><p>1. A source.</p></aside>'},
                spine=["a.xhtml", "notes.xhtml"])
    doc = ingest_bytes(data, "b.epub")
    assert doc.text == "It fell. Then.\n\nA source."
    assert [(r.label, r.note) for r in doc.note_refs] == [("1", "n1")]
    assert {r.kind for r in doc.removed} == {"note_ref", "other"}  # the mark, the Notes heading, the label


def test_metadata_from_the_package():
    md = ("<dc:title>Letters</dc:title><dc:creator>A. One</dc:creator><dc:creator>B. Two</dc:creator>"
          "<dc:date>1911-05</dc:date>")
    doc = ingest_bytes(book({"a.xhtml": "<p>Alpha.</p>"}, ["a.xhtml"], metadata=md), "b.epub")
    assert (doc.source.title, doc.source.author, doc.source.date) == ("Letters", "A. One; B. Two", "1911-05")
    assert doc.source.regions[0].part == "OPS/a.xhtml"


def _flip(data: bytes, member: str) -> bytes:
    """Damage one byte inside a member's compressed data (its checksum no longer holds)."""
    z = zipfile.ZipFile(io.BytesIO(data))
    info = z.getinfo(member)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra) + 5
    b = bytearray(data)
    b[start] ^= 0xFF
    return bytes(b)


GOOD = render_epub3()
ENCRYPTION = ('<?xml version="1.0"?><encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
              'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData><enc:CipherData>'
              '<enc:CipherReference URI="OPS/a.xhtml"/></enc:CipherData></enc:EncryptedData></encryption>')
BAD_CASES = [
    (GOOD[: len(GOOD) // 2], "truncated or damaged EPUB", "a truncated zip"),
    (GOOD[:-30], "truncated or damaged EPUB", "the end of the central directory cut off"),
    (_flip(GOOD, "OEBPS/ch1.xhtml"), "truncated or damaged EPUB", "a damaged member"),
    (book({"a.xhtml": "<p>A.</p>"}, ["a.xhtml"], extra={"META-INF/encryption.xml": ENCRYPTION}), "encrypted",
     "DRM"),
    (book({"a.xhtml": "<script>x()</script>"}, ["a.xhtml"]), "no visible text", "no text in the spine"),
    (book({"a.xhtml": "<p>A.</p>"}, ["missing.xhtml"]), "spine lists no text documents", "spine without items"),
]


def _zip(files: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for k, v in files.items():
            z.writestr(k, v)
    return buf.getvalue()


BAD_CASES += [
    (_zip({"word/document.xml": "<w/>"}), "not an EPUB", "a zip that is no EPUB"),
    (_zip({"META-INF/container.xml": CONTAINER.format(opf="nope.opf")}), "names no package file",
     "a container pointing nowhere"),
    (_zip({"META-INF/container.xml": CONTAINER.format(opf="p.opf"), "p.opf": "<package"}), "not well-formed",
     "a broken package file"),
]


def test_bad_table_has_no_duplicates():
    assert len({c[2] for c in BAD_CASES}) == len(BAD_CASES)


@pytest.mark.parametrize("data,problem,reason", BAD_CASES, ids=[c[2] for c in BAD_CASES])
def test_bad_epub(data, problem, reason):
    with pytest.raises(InputError) as e:
        ingest_bytes(data, "bad.epub")
    assert problem in str(e.value) and str(e.value).startswith("bad.epub:"), reason


def test_truncated_epub_exits_2(tmp_path):
    path = tmp_path / "cut.epub"
    path.write_bytes(GOOD[: len(GOOD) // 2])
    r = cli("analyze", "--structure-only", str(path))
    err = r.stderr.decode()
    assert r.returncode == 2 and str(path) in err and "truncated" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
