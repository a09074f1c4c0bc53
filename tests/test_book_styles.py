"""Whole books of our own making in each page-marker and note style, scored as the structure evaluation
scores a digitized book: pages by label and extent, note anchors found, each linked to its body."""
import pytest

from cliograph.ingest import ingest_bytes

from .bookgen import MARKERS, NOTES, Book, score

# page numbers and note marks both in bare brackets and numbered alike: no reader can tell them apart
STYLES = [(m, n) for m in MARKERS for n in NOTES
          if not (m == "bracket" and n in ("bracket_para", "footnote_block", "footnotes_section"))]


@pytest.mark.parametrize("messy", [False, True], ids=["clean", "messy"])
@pytest.mark.parametrize("nl", ["\n", "\r\n"], ids=["lf", "crlf"])
@pytest.mark.parametrize("marker,notes", STYLES, ids=[f"{m}-{n}" for m, n in STYLES])
def test_book_structure(marker, notes, nl, messy):
    for seed in range(2):
        book = Book(marker, notes, nl, seed, messy=messy)
        doc = ingest_bytes(book.text.encode(), f"{marker}-{notes}.txt")
        res = score(book, doc)
        assert res["pages_acc"] >= 0.98 and res["markers_left"] == 0, (seed, res)
        assert res["note_ref_p"] == res["note_ref_r"] == res["note_links_acc"] == 1.0, (seed, res)
        assert "govern-" not in doc.text and "govern ors" not in doc.text  # joined across the page break


def test_the_score_fails_a_wrong_reading():
    """The scorer itself can fail: a book read with its markers kept and its notes unlinked scores low."""
    book = Book("pg", "bracket_para", "\n", 0)
    doc = ingest_bytes(book.text.replace("[Pg ", "[Pgg ").encode(), "broken.txt")
    assert score(book, doc)["pages_acc"] < 0.5
