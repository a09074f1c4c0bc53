"""Page separators that digital libraries set between scanned pages (HathiTrust's `## p. 12 (#20) ###`),
with the OCR's reading of each page's head and folio beside them."""
import pytest

from cliograph.ingest import ingest_bytes

PROSE = ("The abbot sent his steward to the king at Winchester, and the steward\n"
         "carried a letter that the house still keeps, sealed in green wax.\n")


def sep(label: str, seq: int) -> str:
    return f"## p. {label + ' ' if label else ''}(#{seq}) " + "#" * 40 + "\n\n"


def volume(nl: str = "\n") -> str:
    text = (sep("", 1) + sep("", 2) + "THE ABBEY ROLLS\n\n" + sep("", 3)
            + sep("iii", 4) + "PREFACE.\n\n" + PROSE + "\n"
            + sep("iv", 5) + "iv PREFACE.\n\n" + PROSE + "\n"
            + sep("", 6) + sep("1", 7) + "CHAPTER I.\n\n" + PROSE + "The steward rode on to\n\n1\n\n"
            + sep("2", 8) + "2 THE ABBEY ROLLS.\n\nthe city and waited there a week.\n\n" + PROSE + "\n"
            + sep("3", 9) + "THE KING'S ANSWER. 3\n\n" + PROSE + "\n"
            + sep("4", 10) + "4\n\nTHE ABBEY ROLLS.\n\n" + PROSE + "\n"
            + sep("5", 11) + "THE KING'S ANSWER.\n5\n\n" + PROSE)
    return text.replace("\n", nl)


@pytest.mark.parametrize("nl", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_library_page_separators_open_their_pages(nl):
    doc = ingest_bytes(volume(nl).encode(), "volume.txt")
    assert [(p.label, p.inferred) for p in doc.pages] == [
        ("ii", True), ("iii", False), ("iv", False), ("1", False), ("2", False), ("3", False), ("4", False),
        ("5", False)]
    assert "##" not in doc.text
    assert doc.pages[0].text.strip() == "THE ABBEY ROLLS"  # the title leaf, its number counted back from iii
    assert doc.pages[2].text.startswith("The abbot")  # the head `iv PREFACE.` left the text
    assert doc.pages[3].text.startswith("CHAPTER I.")
    assert doc.pages[4].text.startswith("the city")  # the head and folio `2 THE ABBEY ROLLS.` left it too
    # and `THE KING'S ANSWER. 3`, and a head and folio on lines of their own
    assert doc.pages[5].text.startswith("The abbot") and doc.pages[6].text.startswith("The abbot")
    assert doc.pages[7].text.startswith("The abbot")
    # the sentence runs over the page, its folio at the foot and the next page's head between
    assert "The steward rode on to the city and waited there a week." in doc.text
    assert not any(p.text.strip() in ("1", "2", "3") for p in doc.pages)


def test_the_page_separators_are_listed_as_removed():
    src = volume()
    doc = ingest_bytes(src.encode(), "volume.txt")
    removed = [src[r.source_start:r.source_end] for r in doc.removed if r.kind == "page_marker"]
    assert all(r.lstrip().startswith(("##", "1\n", "4\n", "THE KING")) for r in removed)
    assert sum(r.count("## p.") for r in removed) == src.count("## p.")


@pytest.mark.parametrize("text,reason", [
    ("## Part 1\n\nThe abbot wrote again.\n", "a Markdown heading"),
    ("The clerk wrote ## p. 12 (#20) ### in the margin of the roll, and it stayed.\n", "inside a sentence"),
])
def test_lines_like_separators_that_are_not(text, reason):
    doc = ingest_bytes(text.encode(), "case.txt")
    assert doc.pages == [], reason
    assert "##" in doc.text


def test_a_number_opening_the_first_line_of_a_page_is_text():
    text = sep("12", 30) + "12 men rode out at dawn with the steward.\n\n" + sep("13", 31) + PROSE
    doc = ingest_bytes(text.encode(), "case.txt")
    assert doc.pages[0].text.startswith("12 men rode out")


def test_unnumbered_pages_opening_a_text_count_back_from_the_first_number():
    text = "The title leaf.\fThe dedication.\fThe abbot wrote.\n\n[Page 33]\n\nThe steward rode on.\n"
    doc = ingest_bytes(text.encode(), "case.txt")
    assert [(p.label, p.inferred) for p in doc.pages] == [("30", True), ("31", True), ("32", True), ("33", False)]


def test_a_chapter_heading_or_a_section_heading_at_a_page_top_stays():
    text = (sep("1", 7) + "CHAPTER 1\n\n" + PROSE + "\n" + sep("2", 8) + "2\n\nTHE SIEGE OF ROUEN\n\n" + PROSE + "\n"
            + sep("3", 9) + "3\n\nTHE FALL OF CAEN\n\n" + PROSE)
    doc = ingest_bytes(text.encode(), "case.txt")
    assert [p.label for p in doc.pages] == ["1", "2", "3"]
    assert doc.pages[0].text.startswith("CHAPTER 1")
    assert doc.pages[1].text.startswith("THE SIEGE OF ROUEN") and doc.pages[2].text.startswith("THE FALL OF CAEN")


def test_a_number_the_library_supplied_labels_its_page_as_inferred():
    # `## p. [ii]`: the page prints no number (a title leaf, a plate); the library counted it, and no count
    # back from page 1 could
    text = (sep("[i]", 1) + "THE ABBEY ROLLS\n\n" + sep("[ii]", 2) + "ii men rode out at dawn.\n\n"
            + sep("1", 3) + "1\n\n" + PROSE + "\n" + sep("2", 4) + "2\n\n" + PROSE)
    doc = ingest_bytes(text.encode(), "case.txt")
    assert [(p.label, p.inferred) for p in doc.pages] == [("i", True), ("ii", True), ("1", False), ("2", False)]
    assert doc.pages[1].text.startswith("ii men rode out")  # no printed folio to take out
    assert "[ii]" not in doc.text and "##" not in doc.text
