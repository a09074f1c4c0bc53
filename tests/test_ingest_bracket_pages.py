"""Page numbers printed in bare brackets (`[26]`), told from bracketed note marks."""
import pytest

from cliograph.ingest import ingest_bytes

PAGE = ("The abbot sent his steward to the king at Winchester, and the steward\n"
        "carried a letter that the house still keeps, sealed in green wax.\n") * 5


def book(nl: str = "\n") -> str:
    text = ("[25]\n\n" + PAGE + "\n[26]\n\n" + PAGE + "\n[27]\n\n" + PAGE + "The steward rode on [28] to the city,\n"
            "where he waited a week [2] for the answer.\n\n" + PAGE + "\n[29]\n\n" + PAGE)
    return text.replace("\n", nl)


@pytest.mark.parametrize("nl", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_bracketed_numbers_standing_apart_a_page_apart_are_pages(nl):
    doc = ingest_bytes(book(nl).encode(), "book.txt")
    assert [(p.label, p.inferred) for p in doc.pages] == [(str(n), False) for n in range(25, 30)]
    assert doc.pages[3].text.startswith("to the city")  # `[28]` inside the sentence goes on from `[27]`
    assert "The steward rode on to the city, where" in doc.text
    assert [r.label for r in doc.note_refs] == ["2"]  # out of the run: a mark
    assert all(doc.text[p.start:p.end].strip() for p in doc.paragraphs)


@pytest.mark.parametrize("text,reason", [
    ("[1]\n\n" + PAGE + "\n[2]\n\n" + PAGE + "\n[3]\n\n" + PAGE + "\n[1] The steward's letter.\n\n[2] The king's.\n\n"
     "[3] The abbot's.\n", "note bodies carry the numbers"),
    ("[1]\n\nThe steward.\n\n[2]\n\nThe king.\n\n[3]\n\nThe abbot.\n\n[4]\n\nThe monks.\n", "a list: a line apart"),
    ("[25]\n\n" + PAGE + "\n[26]\n\n" + PAGE, "two are not a run"),
    ("[25]\n\n" + PAGE + "\n[9]\n\n" + PAGE + "\n[41]\n\n" + PAGE + "\n[3]\n\n" + PAGE, "not rising"),
])
def test_bracketed_numbers_that_are_not_pages(text, reason):
    doc = ingest_bytes(text.encode(), "case.txt")
    assert doc.pages == [], reason


@pytest.mark.parametrize("text,body", [
    ("He said so.\n\n[1]\n\nNext he left.\n\n[1] The note.\n", "The note."),
    ("He said so.\n\n[1]\n\nNext he left.\n", None),
])
def test_a_mark_alone_between_blank_lines_marks_the_paragraph_before(text, body):
    doc = ingest_bytes(text.encode(), "case.txt")
    assert doc.text[:doc.main_end] == "He said so.\n\nNext he left."
    assert [(r.label, r.start) for r in doc.note_refs] == [("1", len("He said so."))]
    assert all(p.end > p.start for p in doc.paragraphs)
    assert [n.text for n in doc.notes] == ([body] if body else [])


def test_a_book_of_over_a_thousand_notes_links_them_all():
    text = "".join(f"The abbot wrote letter {i} at once.[{i}] The steward took it.\n\n" for i in range(990, 1010))
    text += "FOOTNOTES:\n\n" + "".join(f"[{i}] Letter {i} is in the roll.\n\n" for i in range(990, 1010))
    doc = ingest_bytes(text.encode(), "case.txt")
    assert [r.label for r in doc.note_refs] == [str(i) for i in range(990, 1010)]
    assert all(r.note is not None for r in doc.note_refs)
    assert "[1000]" not in doc.text and "Letter 1009 is in the roll." in doc.text[doc.main_end:]


@pytest.mark.parametrize("text", [
    "The king came north.\n\n[1642] The king raised his standard at Nottingham.\n\nMore text.\n",
    "In that year [1642] the war began, and it went on.\n",
    "The king came.[1000] Then he left.\n\n[1000] The king raised his standard.\n\nMore text.\n",
])
def test_a_year_in_brackets_is_neither_a_mark_nor_a_body(text):
    doc = ingest_bytes(text.encode(), "case.txt")
    assert doc.note_refs == [] and doc.notes == []
    assert "[1642]" in doc.text or "[1000]" in doc.text


@pytest.mark.parametrize("body", ["[Footnote {i}: Note {i}.]", "{i}. Note {i}.", "Footnote {i}: Note {i}."])
def test_marks_alone_on_lines_with_their_bodies_are_marks_not_pages(body):
    text = "".join(f"{PAGE}\n[{i}]\n\n" for i in range(1, 5)) + "NOTES\n\n"
    text += "".join(body.format(i=i) + "\n\n" for i in range(1, 5))
    doc = ingest_bytes(text.encode(), "case.txt")
    assert doc.pages == []
    assert [(r.label, r.note is not None) for r in doc.note_refs] == [(str(i), True) for i in range(1, 5)]


def test_years_in_brackets_heading_annals_are_not_pages():
    doc = ingest_bytes("".join(f"[{y}]\n\n{PAGE}\n" for y in (1642, 1643, 1644, 1646, 1647)).encode(), "case.txt")
    assert doc.pages == [] and "[1642]" in doc.text


def test_a_stray_number_alone_on_its_line_is_no_page_of_the_run():
    text = "".join(f"[{i}]\n\n{PAGE}\n" + ("[3]\n\n" if i == 28 else "") for i in range(25, 35))
    doc = ingest_bytes(text.encode(), "case.txt")
    assert [p.label for p in doc.pages] == [str(i) for i in range(25, 35)]


def test_a_year_opening_a_paragraph_in_a_book_of_a_thousand_notes_stays_text():
    text = "".join(f"Sentence {i} ends here.[{i}] And goes on.\n\n" for i in range(985, 1006))
    text += "The king came north.\n\n[1642] The king raised his standard.\n\nMore.\n\n"
    text += "".join(f"[{i}] Note {i}.\n\n" for i in range(985, 1006))
    doc = ingest_bytes(text.encode(), "case.txt")
    assert "[1642] The king raised his standard." in doc.text[:doc.main_end] and len(doc.notes) == 21


def test_an_editors_letter_in_brackets_is_no_mark():
    text = 'He wrote[A] that "[T]he abbey shall keep the roll."[B]\n\n[A] First.\n\n[B] Second.\n\n[T] Third.\n'
    doc = ingest_bytes(text.encode(), "case.txt")
    assert [r.label for r in doc.note_refs] == ["A", "B"] and '"[T]he abbey' in doc.text


def test_unnumbered_pages_that_cannot_count_back_have_no_number():
    text = "".join(f"The abbot sent his steward on day {i}.\n\f" for i in range(6)) + "\n[Page 5]\nThe end.\n"
    doc = ingest_bytes(text.encode(), "case.txt")
    assert [(p.label, p.inferred) for p in doc.pages][:6] == [("", True)] * 6
    assert doc.pages[-1].label == "5"


def test_an_unnumbered_page_between_two_numbered_ones_is_no_second_number():
    text = "The abbot wrote on.\n\n[Page 12]\n\nThe plate of the abbey.\n\fThe mill.\n\n[Page 13]\n\nThe end.\n"
    doc = ingest_bytes(text.encode(), "case.txt")
    assert [p.label for p in doc.pages] == ["11", "12", "", "13"]


def test_a_mark_alone_after_a_page_marker_leaves_the_next_page_whole():
    doc = ingest_bytes(b"He said so.\n\n[Page 5]\n\n[1]\n\nNext he left.\n\n[1] The note.\n", "case.txt")
    assert [(p.label, p.text) for p in doc.pages] == [("4", "He said so.\n\n"), ("5", "Next he left.")]
    assert [(r.label, r.start, r.note is not None) for r in doc.note_refs] == [("1", 11, True)]
