"""PDF reader: page labels, apparatus, footnote zone, marks; layout rules as case tables; bad files refused."""
import pytest

from cliograph.errors import InputError
from cliograph.ingest import ingest_bytes
from cliograph.ingest.readers.pdflayout import Word, folio_of, mark_apparatus, mark_footnotes, rows_of

from .conftest import cli
from .test_readers_fixtures import RUNNING_HEAD, expected_text

pytest.importorskip("reportlab")
from .test_readers_pdfgen import render_pdf, render_scanned  # noqa: E402

FOLIO_CASES = [
    ("112", "112", "a number"),
    ("\u2014 7 \u2014", "7", "a number between dashes"),
    ("xiv", "xiv", "a roman folio"),
    ("XIV", "XIV", "capital roman"),
    ("Page 23", "23", "a folio with its word"),
    ("p. 9", "9", "an abbreviated folio"),
    ("Chapter 12", None, "a heading with a number"),
    ("12 men", None, "a number in words"),
    ("ivy", None, "letters that are no numeral"),
    ("12345", None, "too long for a folio"),
]


@pytest.mark.parametrize("text,expected,reason", FOLIO_CASES, ids=[c[2] for c in FOLIO_CASES])
def test_folio(text, expected, reason):
    assert folio_of(text) == expected


def test_folio_table_has_no_duplicates():
    assert len({c[0] for c in FOLIO_CASES}) == len(FOLIO_CASES)


def _row_words(text: str, top: float, size: float, x: float = 72.0) -> list[Word]:
    out = []
    for w in text.split():
        width = len(w) * size * 0.45
        out.append(Word(w, x, x + width, top, top + size, size, "Times-Roman"))
        x += width + size * 0.25
    return out


def _page(spec: list[tuple[str, float, float]]) -> list:
    words = []
    for text, top, size in spec:
        words += _row_words(text, top, size)
    return rows_of(words)


BODY = "The delegates argued for hours about the wording of the final statement"
# rows (text, top, size) of one page, the rule heights, and the kinds expected bottom up from the foot
FOOT_CASES = [
    ([(BODY, 100, 11), (BODY, 114, 11), ("1 A letter of 1887.", 700, 8), ("2 Another source.", 710, 8)], [],
     ["note", "note", "body"], "small rows opening with a label"),
    ([(BODY, 100, 11), (BODY, 114, 11), ("A letter of 1887 held in", 700, 8), ("the archive.", 710, 8)], [696.0],
     ["note", "note", "body"], "small rows under a rule"),
    ([(BODY, 100, 11), (BODY, 114, 11), ("Figure: the hall at Halden", 700, 8)], [],
     ["body", "body"], "a caption: small, but no label and no rule"),
    ([(BODY, 100, 11), (BODY, 114, 11), ("1 Not smaller than the text at all.", 700, 11)], [],
     ["body", "body"], "a numbered row in the body size"),
]


@pytest.mark.parametrize("spec,rules,expected,reason", FOOT_CASES, ids=[c[3] for c in FOOT_CASES])
def test_footnote_zone(spec, rules, expected, reason):
    rows = _page(spec)
    mark_footnotes(rows, 11.0, rules)
    assert [r.kind for r in reversed(rows)][:len(expected)] == expected, reason


def test_running_heads_and_folios_by_repetition_and_position():
    head = "THE CONFERENCE AT HALDEN"
    pages = [_page([(f"{head} {n}", 40, 9), (BODY, 100, 11), (BODY, 114, 11), (BODY, 128, 11)]) for n in (5, 6)]
    pages.append(_page([(BODY, 100, 11), (BODY, 114, 11), ("7", 760, 10)]))
    pages.append(_page([("VII. " + head, 80, 14), (BODY, 100, 11), (BODY, 114, 11)]))  # a chapter heading
    mark_apparatus(pages, 11.0)
    assert [(r.kind, r.folio) for r in pages[0]][:1] == [("head", "5")]
    assert (pages[2][-1].kind, pages[2][-1].folio) == ("folio", "7")
    assert pages[3][0].kind == "body", "a larger heading is not a running head, even with the same words"


def test_folio_only_on_later_pages_infers_the_first_label():
    doc = ingest_bytes(render_pdf(first_folio=False), "book.pdf")
    assert [(p.label, p.inferred) for p in doc.pages] == [("112", True), ("113", False), ("114", False)]


def test_no_folios_no_labels_counts_pages():
    doc = ingest_bytes(render_pdf(folios=False), "book.pdf")
    assert [(p.label, p.inferred) for p in doc.pages] == [("1", True), ("2", True), ("3", True)]
    assert doc.text == expected_text()


def test_apparatus_is_removed_and_listed():
    doc = ingest_bytes(render_pdf(), "book.pdf")
    assert RUNNING_HEAD not in doc.text.replace("VII. " + RUNNING_HEAD, "")
    kinds = [r.kind for r in doc.removed]
    assert kinds.count("running_head") == 2 and kinds.count("folio") == 1 and kinds.count("note_ref") == 4
    assert [r.rule for r in doc.repairs] == ["dehyphenate"] * len(doc.repairs) and doc.repairs


def test_owner_password_only_is_readable():
    doc = ingest_bytes(render_pdf(encrypt="secret", owner_only=True), "open.pdf")
    assert doc.text == expected_text()


PDF = render_pdf()
BAD_CASES = [
    (render_scanned(), "without a text layer", "no text layer: OCR is out of scope"),
    (render_pdf(encrypt="secret"), "encrypted PDF", "a user password"),
    (PDF[: len(PDF) // 3], "damaged or truncated PDF", "truncated"),
    (b"%PDF-1.4\n" + b"\x00garbage" * 20, "damaged or truncated PDF", "garbage after the header"),
    (b"just some words", "not a PDF", "a .pdf that is no PDF"),
]


def test_bad_table_has_no_duplicates():
    assert len({c[2] for c in BAD_CASES}) == len(BAD_CASES)


@pytest.mark.parametrize("data,problem,reason", BAD_CASES, ids=[c[2] for c in BAD_CASES])
def test_bad_pdf(tmp_path, data, problem, reason):
    with pytest.raises(InputError) as e:
        ingest_bytes(data, "bad.pdf")
    assert problem in str(e.value) and str(e.value).startswith("bad.pdf:"), reason
    if reason.startswith(("no text", "a user")):
        path = tmp_path / "bad.pdf"
        path.write_bytes(data)
        r = cli("analyze", "--structure-only", str(path))
        err = r.stderr.decode()
        assert r.returncode == 2 and str(path) in err and problem in err and "Traceback" not in err
        if reason.startswith("no text"):
            assert "OCR" in err
