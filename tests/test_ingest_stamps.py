"""What a digitization leaves on the pages it scanned is no part of the book's text."""
import pytest

from cliograph.ingest import ingest_bytes

PROSE = ("The abbot sent his steward to the king at Winchester, and the steward\n"
         "carried a letter that the house still keeps, sealed in green wax.\n")


@pytest.mark.parametrize("nl", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_the_internet_archive_leaf_leaves_the_text(nl):
    text = ("\n\n\nDigitized by the Internet Archive\nin 2016 with funding\nfrom\nThe Abbey Library\n\n\n"
            "https://archive.org/details/abbeyrolls00abbe\n\n\n\nTHE ABBEY ROLLS\n\n" + PROSE).replace("\n", nl)
    doc = ingest_bytes(text.encode(), "rolls_djvu.txt")
    assert doc.text.startswith("THE ABBEY ROLLS")
    gone = [text[r.source_start:r.source_end] for r in doc.removed if r.kind == "other"]
    assert any("Digitized by the Internet Archive" in g for g in gone)
    assert any("archive.org/details" in g for g in gone)


@pytest.mark.parametrize("stamp", ["Digitized by Google", "Digitized by VjOOQlC", "Original from THE ABBEY LIBRARY"])
def test_a_scanners_mark_at_each_page_foot_leaves_the_text(stamp):
    text = (PROSE + "The steward rode on to\n\n" + stamp + "\n\f" + "the city and waited there a week.\n\n" + PROSE
            + "\n" + stamp + "\n\f" + PROSE)
    doc = ingest_bytes(text.encode(), "case.txt")
    assert stamp not in doc.text
    assert "The steward rode on to the city and waited there a week." in doc.text
    assert len(doc.pages) == 3


def test_two_form_feeds_with_spaces_between_open_a_page_each():
    doc = ingest_bytes((PROSE + "\f \t \f" + PROSE + "\f" + PROSE).encode(), "case.txt")
    assert len(doc.pages) == 3 and all(p.text.strip() for p in doc.pages)


@pytest.mark.parametrize("text", [
    "Digitized by the county clerk in 1990, the rolls were put on the\nweb for every reader of the parish.\n",
    "The rolls were scanned in the spring.\nDigitized by Google\nthey went on the web.\n",
    "Original from the first printing, the map was redrawn for this\nedition by the society's own engraver.\n",
])
def test_prose_about_digitizing_stays(text):
    doc = ingest_bytes(text.encode(), "case.txt")
    assert doc.removed == []
    assert " ".join(doc.text.split()) == " ".join(text.split())


@pytest.mark.parametrize("foot", ["Digitized by Google\n\n{n}\n", "{n}\n\nDigitized by Google\n"])
def test_a_scanners_mark_beside_a_folio_changes_no_page(foot):
    page = PROSE * 4
    plain = "".join(f"{page}\n{n}\n\f" for n in range(20, 25))
    marked = "".join(f"{page}\n{foot.format(n=n)}\f" for n in range(20, 25))
    want = [p.label for p in ingest_bytes(plain.encode(), "a.txt").pages]
    doc = ingest_bytes(marked.encode(), "b.txt")
    assert [p.label for p in doc.pages] == want and "Google" not in doc.text


@pytest.mark.parametrize("leaf,gone", [
    ("Digitized by the Internet Archive\nin 2007 with funding from\nThe Abbey Library\n", "The Abbey Library"),
    ("Original from\nHARVARD UNIVERSITY\n", "HARVARD UNIVERSITY"),
    ("ORIGINAL FROM THE ABBEY LIBRARY\n", "ORIGINAL FROM"),
])
def test_more_shapes_of_the_scanners_marks(leaf, gone):
    doc = ingest_bytes(("\n" + leaf + "\n\nTHE ROLLS\n\n" + PROSE).encode(), "case.txt")
    assert gone not in doc.text and doc.text.startswith("THE ROLLS")


def test_a_heading_that_opens_with_original_from_stays():
    doc = ingest_bytes((PROSE + "\nOriginal from the Tower Rolls\n\n" + PROSE).encode(), "case.txt")
    assert "Original from the Tower Rolls" in doc.text
