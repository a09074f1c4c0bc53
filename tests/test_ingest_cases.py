"""Case tables: (input, expected, reason). Negative rows say what must not happen."""
import pytest

from cliograph.ingest import ingest_bytes

PARA = "The delegates argued for hours about the wording of the final statement and its tone."


def pages(text: str):
    doc = ingest_bytes(text.encode(), "case.txt")
    return [(p.label, p.inferred) for p in doc.pages], doc


PAGE_CASES = [
    (f"{PARA}\npage_26\nPage 26\n{PARA}\n", [("25", True), ("26", False)], "specimen style marker pair"),
    (f"{PARA}\n[p. 26]\n{PARA}\n", [("25", True), ("26", False)], "bracketed p. marker line"),
    (f"{PARA}\n[Page 26]\n{PARA}\n", [("25", True), ("26", False)], "bracketed Page marker line"),
    (f"{PARA}\n[Pg 26]\n{PARA}\n", [("25", True), ("26", False)], "bracketed Pg marker line"),
    (f"{PARA}\n-- 26 --\n{PARA}\n", [("25", True), ("26", False)], "dashed folio line"),
    (f"{PARA}\n{{v}}\n{PARA}\n", [("iv", True), ("v", False)], "roman Gutenberg marker"),
    (f"{PARA}\nThe army {{26}} marched on.\n", [("25", True), ("26", False)], "inline Gutenberg marker"),
    (f"{PARA} [Pg 26] {PARA}\n", [("25", True), ("26", False)], "inline bracketed marker"),
    (f"{PARA}\n{{12}}\n{PARA}\n{{14}}\n{PARA}\n{{13}}\n{PARA}\n", [("11", True), ("12", False), ("14", False),
                                                                  ("13", False)], "out of order plate pages"),
    (f"{PARA}\n\n\f{PARA}\n\n\f{PARA}\n", [("1", True), ("2", True), ("3", True)], "form feeds without folios"),
    (f"{PARA}\nSee page 26 of the report for the figures.\n", [], "prose mentioning a page is not a marker"),
    (f"{PARA} The year {{1960}} was hard.\n", [("1959", True), ("1960", False)], "braces hold page numbers only"),
    (f"{PARA}\n[Pg 1]\n{PARA}\n[Pg 2]\n{PARA}\n", [("", True), ("1", False), ("2", False)],
     "front matter before page 1 is not a second page 1"),
    (f"{PARA}\n{{i}}\n{PARA}\n", [("", True), ("i", False)], "front matter before page i has no label"),
    (f"{PARA}\n[Page 26.]\n{PARA}\n", [("25", True), ("26", False)], "a full stop after the number"),
    (f"{PARA} {{Pg 26}} {PARA}\n", [("25", True), ("26", False)], "Pg in braces, inline"),
    (f"{PARA}\n{{Page 26}}\n{PARA}\n", [("25", True), ("26", False)], "Page in braces on its own line"),
    (f"{PARA}\nThe army [Page 26.] marched on.\n", [("25", True), ("26", False)], "inline, with a full stop"),
]


@pytest.mark.parametrize("text,expected,reason", PAGE_CASES, ids=[c[2] for c in PAGE_CASES])
def test_page_markers(text, expected, reason):
    got, doc = pages(text)
    assert got == expected, reason
    for marker in ("page_26", "[p. 26]", "[Pg 26]", "-- 26 --", "{26}", "{v}", "{12}", "Pg 26", "Page 26"):
        assert marker not in doc.text


def test_running_heads_with_folios():
    body = "\n".join([PARA] * 3)
    text = ""
    for n in range(40, 44):
        text += f"{n}    THE SPLIT WITH MOSCOW\n\n{body}\n\f"
    got, doc = pages(text)
    assert [g[0] for g in got] == ["40", "41", "42", "43"]
    assert "THE SPLIT" not in doc.text
    assert {r.kind for r in doc.removed} >= {"running_head"}


@pytest.mark.parametrize("sep", ["\f", "\n"])
def test_verso_and_recto_heads_of_a_short_excerpt(sep):
    """Two heads, each on two pages only (left and right pages), with rising folios: still heads."""
    body = "\n".join([PARA] * 2)
    parts = [(f"{n}        THE LONG PEACE" if n % 2 == 0 else f"DIPLOMACY AND WAR        {n}") + f"\n\n{body}\n"
             for n in range(120, 124)]
    got, doc = pages(sep.join(parts))
    assert [g for g in got] == [(str(n), False) for n in range(120, 124)]
    assert "LONG PEACE" not in doc.text and "DIPLOMACY" not in doc.text


@pytest.mark.parametrize("lines,reason", [
    (["  CHAPTER I.   THE RIVER          1", "  CHAPTER II.  THE COMMISSION     9",
      "  CHAPTER III. THE CONGRESS      41"], "a table of contents: a shape per entry"),
    (["1848    Revolutions", "1849    Reaction", "1850    Revolutions", "1851    Reaction"],
     "rows of a table stand on neighbouring lines"),
])
def test_numbered_lines_that_are_not_heads(lines, reason):
    got, doc = pages(f"{PARA}\n\n" + "\n".join(lines) + f"\n\n{PARA}\n")
    assert got == [], reason
    assert all(ln.split()[-1] in doc.text for ln in lines), reason


def test_page_break_inside_paragraph_keeps_it_whole():
    text = "The minister spoke at length about the\n\n{7}\n\nterms of the treaty and then left.\n"
    _, doc = pages(text)
    assert "about the terms of the treaty" in doc.text
    assert len(doc.paragraphs) == 1
    assert len(doc.paragraphs[0].source) == 2


NOTE_CASES = [
    (f"{PARA}\n85\n{PARA}\n", ["85"], "number on its own line"),
    ("The party split over factionalism. 86 The next day was calm.\n", ["86"], "after a sentence's end"),
    ('He called it "a left revisionist." 87\n', ["87"], "after a closing quote"),
    ("The union.[1] Slowly it grew.\n\n[1] A note body.\n", ["1"], "glued brackets"),
    ("Their like.  [1]  Slowly these people spread.\n\n[1] A note body.\n", ["1"], "spaced brackets"),
    ("The decision was final.\u00b9 Nobody argued.\n", ["1"], "superscript digit"),
    ("On July 16 the order came. It was final.\n", [], "a day is not a note"),
    ("Nothing changed until 1964. The struggle then began.\n", [], "a year after a period without a sequence"),
    ("The leadership struggle of 1964 was long.\n", [], "a year inside a sentence"),
    ("He had 12 men with him when he arrived.\n", [], "a quantity"),
    ("Ortiz told Hale on May 4. 13 The reply came later.\n", ["13"], "after a date closing the sentence"),
    ("The rate rose to 3.5 Percent of it was lost.\n", [], "a decimal number"),
    ("It was signed in 1960. 1961 Brought new trouble.\n", [], "a four-digit year starting a sentence"),
    ("See vol. 2 The Later Years for that.\n", [], "an abbreviation's number"),
    ("They met at the twenty-second Congress. It went badly.\n", [], "an ordinal word"),
    ("The clerks tried a new plan. 60\ncents was the toll for a barge.\n", [], "a quantity going on over the line"),
    ('He called it "a left revisionist." 87\nThe next day was calm.\n', ["87"], "a mark closing a line"),
    ("The party split over factionalism. 86\npage_27\nPage 27\nthe next day was calm.\n", ["86"],
     "a mark closing a page, the sentence after it in lower case"),
    ("The abbey kept its rolls.[1] A catalogue was printed by Marsh. 4 Vols. Leeds, 1790.\n\n"
     "[1] See the rolls themselves.\n", ["1"], "a book that brackets its marks: a bare number is a quantity"),
    ("The abbey kept its rolls.[1] Its lands were sold. 2 The monks left.\n\n[1] See the rolls.\n", ["1"],
     "a bare number after a bracketed mark does not go on from it"),
    ("The abbey kept its rolls. 1 Its lands were sold. 2 The monks left.\n\n[3] An aside.\n", ["1", "2"],
     "bare marks go on from bare marks"),
]


@pytest.mark.parametrize("text,expected,reason", NOTE_CASES, ids=[c[2] for c in NOTE_CASES])
def test_note_refs(text, expected, reason):
    doc = ingest_bytes(text.encode(), "case.txt")
    assert [r.label for r in doc.note_refs] == expected, reason
    for r in doc.note_refs:
        assert r.start == r.end
        assert text[r.source_start:r.source_end].strip("[]") in (r.label, "\u00b9")


BODY_CASES = [
    ("The union.[1] It grew.\n\n[1] The term is old.\n", "The term is old.", "[1] paragraph"),
    ("It grew. 1 Then it fell.\n\nFOOTNOTES:\n\n1. The first note.\n", "The first note.", "FOOTNOTES block"),
    ("It grew. 1 Then it fell. 2\n\nNotes\n\n1 First.\n\n2 Second.\n", "First.", "Notes section"),
    ("It grew.\u00b9 Then it fell.\n\n{4}\n\nMore text here.\n", None, "no body in the input"),
    ("It grew.[A] Then it fell.\n\n[Footnote A: See the royal\nrecords.]\n", "See the royal records.",
     "Gutenberg [Footnote A: ...] block with a letter label"),
    ("It grew.[1] Then it fell.\n\n[Footnote 1: See the royal records.\n\nA later copy [in two\nparts] differs.]\n\n"
     "The town rebuilt.\n", "See the royal records. A later copy [in two parts] differs.",
     "[Footnote 1: ...] of two paragraphs, closed by the last bracket"),
    ("It grew worse within a week.* Then it fell.\n\n*He later said so.\n\n[Page 9]\n\nMore text here.\n",
     "He later said so.", "asterisk body at a page foot, the OCR dropped its space"),
    ("It grew.[+] Then it fell.\n\n[Footnote +: See the royal records.]\n", "See the royal records.",
     "a dagger written [+] in plain text"),
    ("It grew.[**] Then it fell.\n\n[**] See the royal records.\n", "See the royal records.",
     "two asterisks in brackets"),
    ("It grew.[*] Then it fell.\n\n[Footnote: See the royal records.]\n\nMore.\n", "See the royal records.",
     "[Footnote: ...] without a label, for an asterisk"),
    ("It grew.[1] Then it fell.\n\nFootnote 1: See the royal records.\n\nMore.\n", "See the royal records.",
     "Footnote 1: without brackets (older texts)"),
    ("It grew.[1] Then it fell.\n\n[Footnote 1. See the royal records.]\n\nMore.\n", "See the royal records.",
     "[Footnote 1. ...] with a full stop"),
    ("It grew.[A] Then it fell.\n\n[A] See the royal records.\n\nMore.\n", "See the royal records.",
     "[A] text after the paragraph"),
    ("It grew.[1] Then it fell.\n\n[1]See the royal records.\n\nMore.\n", "See the royal records.",
     "[1] glued to its body's first word"),
    ("It grew at Frome.(4) Then it fell.\n\nENDNOTES:\n\n(4) See the royal records.\n", "See the royal records.",
     "(4) glued after a full stop"),
]


def test_unclosed_footnote_takes_no_text_after_it():
    paras = "".join(f"Paragraph {i} of the chapter goes on here.\n\n" for i in range(20))
    doc = ingest_bytes(f"It grew.[1] Then it fell.\n\n[Footnote 1: See the [royal records.\n\n{paras}".encode(),
                       "case.txt")
    assert "Paragraph 3 of the chapter" in doc.text[:doc.main_end]
    doc = ingest_bytes(b"It grew.[1] Then fell.[2]\n\n[Footnote 1: See the [royal\n\n[Footnote 2: Other.]\n\nEnd.\n",
                       "case.txt")
    assert [n.text for n in doc.notes][1:] == ["Other."]  # the next note is not swallowed


def test_starred_words_opening_a_paragraph_are_text():
    text = "It grew within a week. Then it fell.\n\n*The Times* said so the next day.\n\n[Page 9]\n\nMore text.\n"
    doc = ingest_bytes(text.encode(), "case.txt")
    assert "*The Times* said so" in doc.text and not doc.notes


def test_a_paragraph_opening_with_a_bracketed_letter_and_no_mark_above_is_text():
    doc = ingest_bytes(b"The terms were these.\n\n[A] The abbey keeps the mill.\n\n[B] The town keeps the bridge.\n",
                       "case.txt")
    assert doc.notes == [] and "[A] The abbey keeps the mill." in doc.text


def test_bracketed_letter_without_a_body_is_text():
    doc = ingest_bytes(b"The heading [I] stands here. More text [B] follows, and [+] and [++].\n", "case.txt")
    assert doc.note_refs == [] and "[I]" in doc.text and "[B]" in doc.text and "[+] and [++]" in doc.text


@pytest.mark.parametrize("text,body,reason", BODY_CASES, ids=[c[2] for c in BODY_CASES])
def test_note_bodies_linked(text, body, reason):
    doc = ingest_bytes(text.encode(), "case.txt")
    if body is None:
        assert doc.notes == [] and doc.note_refs[0].note is None
        return
    notes = {n.id: n for n in doc.notes}
    first = doc.note_refs[0]
    assert first.note in notes, reason
    assert notes[first.note].text == body
    assert doc.text.index(body) >= doc.main_end


MAIN = ("The envoy reached the capital in March and was received at once.\u00b9 He asked for an answer\n"
        "within the week.\u00b2 The answer came a month later, and it was no.\u00b3\n\n")


@pytest.mark.parametrize("notes,reason", [
    ("Notes\n\n\u00b9 His diary.\n\u00b2 The minister's letter.\n\u00b3 A telegram of April.\n", "superscript"),
    ("Notes\n\n1. His diary.\n2. The minister's letter.\n3. A telegram of April.\n", "numbered"),
    ("[1] His diary.\n[2] The minister's letter.\n[3] A telegram of April.\n", "bracketed"),
])
def test_notes_one_to_a_line_without_blank_lines(notes, reason):
    text = MAIN.replace("\u00b9", "[1]" if "[" in notes else "\u00b9").replace(
        "\u00b2", "[2]" if "[" in notes else "\u00b2").replace("\u00b3", "[3]" if "[" in notes else "\u00b3") + notes
    doc = ingest_bytes(text.encode(), "case.txt")
    assert [n.text for n in doc.notes] == ["His diary.", "The minister's letter.", "A telegram of April."], reason
    assert [r.note for r in doc.note_refs] == [n.id for n in doc.notes], reason


def test_symbol_marks_and_page_foot_notes():
    text = ("The ambassador left on the first of March.* His successor came in the summer, and the\n"
            "embassy was run by a secretary.\u2020\n\n* He had asked to be recalled.\n\u2020 Aged twenty-six.\n\n"
            "Page 12\n\nThe secretary did better than anyone expected.\n")
    doc = ingest_bytes(text.encode(), "case.txt")
    assert [n.text for n in doc.notes] == ["He had asked to be recalled.", "Aged twenty-six."]
    assert [(r.label, r.note) for r in doc.note_refs] == [("*", doc.notes[0].id), ("\u2020", doc.notes[1].id)]
    assert "*" not in doc.text[:doc.main_end] and "\u2020" not in doc.text


@pytest.mark.parametrize("text,reason", [
    ("The war ended.\n\n* * *\n\nThe peace began badly.\n", "a section break"),
    ("The word *never* was never used.\nIt was *always* avoided.\n", "emphasis marks with no note body"),
])
def test_asterisks_that_are_not_notes(text, reason):
    doc = ingest_bytes(text.encode(), "case.txt")
    assert doc.notes == [] and doc.note_refs == [], reason


def test_lines_opening_with_numbers_in_prose_stay_one_paragraph():
    doc = ingest_bytes(b"The hall was full.\n\n12 delegates came from the north and\n13 from the south, and "
                       b"the doors\nwere shut at noon.\n", "case.txt")
    assert len(doc.paragraphs) == 2 and "12 delegates came from the north and 13 from" in doc.text


def test_page_foot_notes():
    text = ("The ambassador protested at once.\u00b9 Nobody listened.\n\n"
            "\u00b9 Memorandum of the conversation, 4 August.\n\n{27}\n\nThe next page begins here.\n")
    doc = ingest_bytes(text.encode(), "case.txt")
    assert [n.label for n in doc.notes] == ["1"]
    assert doc.notes[0].page == "26"
    assert doc.note_refs[0].note == doc.notes[0].id
    assert "Memorandum" not in doc.text[:doc.main_end]


def test_paragraph_goes_on_after_page_foot_notes():
    text = ("The minister wrote at once to the\u00b9 ambassador and the\n\n\u00b9 A letter of 4 May.\n"
            "\f[Page 2]\ncorrespondence went on for weeks.\n\nA new paragraph starts here.\n")
    doc = ingest_bytes(text.encode(), "case.txt")
    assert "ambassador and the correspondence went on" in doc.text
    assert len(doc.paragraphs) == 3  # two in the main flow, one note body
    assert [n.page for n in doc.notes] == ["1"]


def test_paragraph_ended_before_page_foot_notes_stays_ended():
    text = ("The minister wrote at once.\u00b9 The ambassador waited.\n\n\u00b9 A letter of 4 May.\n"
            "\f[Page 2]\nCorrespondence went on for weeks.\n")
    doc = ingest_bytes(text.encode(), "case.txt")
    assert len([p for p in doc.paragraphs if p.start < doc.main_end]) == 2


def test_numbered_paragraph_without_a_mark_is_text():
    text = "A long day.\n\n12 men were sent to the border that night.\n\n{27}\n\nMore text.\n"
    doc = ingest_bytes(text.encode(), "case.txt")
    assert doc.notes == []
    assert "12 men were sent" in doc.text


REPAIR_CASES = [
    ("China' s security needs grew.", "China's security", "spaced_apostrophe"),
    ("They don' t agree.", "don't agree", "spaced_apostrophe"),
    ("the inter-\nnational situation", "international situation", "dehyphenate"),
    ("an extra\u00ac\nordinary meeting", "extraordinary meeting", "dehyphenate"),
    ("the e\ufb03cient staff", "efficient staff", "ligature"),
    ("a dif\u00adficult case", "difficult case", "soft_hyphen"),
    ("the caf\u00c3\u00a9 was shut", "caf\u00e9 was shut", "mojibake"),
    ("so widely ex-\ntended that", "widely extended that", "dehyphenate"),
    ("the work could not pro-\nceed at all", "could not proceed", "dehyphenate"),
    ("the whole so-\nciety met", "whole society met", "dehyphenate"),
    ("the co-\noperation failed; later cooperation grew", "the cooperation failed", "dehyphenate"),
    ("and the co-\nlour of the ink", "the colour of", "dehyphenate"),
]


@pytest.mark.parametrize("text,expected,rule", REPAIR_CASES, ids=[c[2] + ":" + c[1] for c in REPAIR_CASES])
def test_repairs(text, expected, rule):
    doc = ingest_bytes(text.encode(), "case.txt")
    assert expected in doc.text
    hit = [r for r in doc.repairs if r.rule == rule]
    assert hit, f"no {rule} repair logged"
    assert all(text[r.source_start:r.source_end] == r.from_ for r in hit)


NO_REPAIR_CASES = [
    ("the Sino-\nSoviet split", "Sino-Soviet split", "capitalized second half keeps the hyphen"),
    ("a self-\nstyled leader", "self-styled leader", "a prefix that keeps its hyphen"),
    ("the well-known man and the well-\nknown woman", "well-known woman", "the document writes it hyphenated"),
    ("the co-\noperation of the towns", "co-operation of", "a prefix that keeps its hyphen, no other spelling"),
    ("in the forty-\nsecond year", "forty-second year", "a number word keeps its hyphen"),
    ("the ex-\npresident spoke; the ex-president left", "ex-president spoke", "the document writes it hyphenated"),
    ("He said 'the soldiers' some of them were afraid.", "soldiers' some", "closing quote before a word"),
]


@pytest.mark.parametrize("text,expected,reason", NO_REPAIR_CASES, ids=[c[2] for c in NO_REPAIR_CASES])
def test_no_repair(text, expected, reason):
    doc = ingest_bytes(text.encode(), "case.txt")
    assert expected in doc.text, reason


def test_line_breaks_inside_paragraph_become_spaces():
    text = "The first line of a paragraph\nruns on to a second line\nand a third.\n\nA new paragraph.\n"
    doc = ingest_bytes(text.encode(), "case.txt")
    assert doc.text.startswith("The first line of a paragraph runs on to a second line and a third.")
    assert len(doc.paragraphs) == 2


PARTIAL_CASES = [
    ("correctness of the views. It ended.", True, False),
    ("It began well. It ended with the", False, True),
    ('"We will not," he said. 12', False, False),
]


@pytest.mark.parametrize("text,start,end", PARTIAL_CASES)
def test_partial_flags(text, start, end):
    doc = ingest_bytes(text.encode(), "case.txt")
    assert (doc.partial_start, doc.partial_end) == (start, end)


def test_case_tables_have_no_duplicates():
    for table in (PAGE_CASES, NOTE_CASES, BODY_CASES, REPAIR_CASES, NO_REPAIR_CASES):
        inputs = [row[0] for row in table]
        assert len(inputs) == len(set(inputs))


def test_front_matter_page_gets_no_empty_page_mark():
    from cliograph.export.plain import marked_text

    _, doc = pages(f"{PARA}\n[Pg 1]\n{PARA}\n")
    out = marked_text(doc)
    assert "[p. ]" not in out and out.count("[p. 1]") == 1


@pytest.mark.parametrize("text,shown", [
    ("The union grew.[1] Slowly it spread.\n\n[1] A note.\n", "The union grew. [n. 1] Slowly"),
    ("The union grew as was the custom.\n[1]  Slowly it spread.\n\n[1] A note.\n", "custom. [n. 1] Slowly"),
])
def test_note_marks_shown_with_one_space_each_side(text, shown):
    from cliograph.export.plain import marked_text

    assert shown in marked_text(ingest_bytes(text.encode(), "case.txt"))


def test_note_bodies_are_repaired_like_the_main_flow():
    """A word hyphenated across a line break inside a note is joined (as its repair says), a compound
    keeps its hyphen, and a page marker inside a note that runs over a page leaves the note's text."""
    text = (f"{PARA}[1] More of it.\n\n[Footnote 1: The account of the inter-\nnational meeting is in the Sino-\n"
            "Soviet papers, and {27} it goes on to the next page.]\n\nThe next page goes on here.\n")
    doc = ingest_bytes(text.encode(), "case.txt")
    assert doc.notes[0].text == ("The account of the international meeting is in the Sino-Soviet papers, and it "
                                 "goes on to the next page.")
    assert [p.label for p in doc.pages] == ["26", "27"]
    assert "{27}" not in doc.text
    assert any(r.rule == "dehyphenate" and r.from_ == "-\n" for r in doc.repairs)


@pytest.mark.parametrize("folios,expected,reason", [
    (["ii", "iii", "iv", "1", "2"], ["ii", "iii", "iv", "1", "2"], "lowercase roman folios, then arabic"),
    (["I", "II", "III", "IV"], None, "upper-case numerals after form feeds: chapter numbers, not folios"),
])
def test_roman_folios_at_form_feeds(folios, expected, reason):
    text = "".join(f"\f{f}\n{PARA}\nThe debate went on.\n" for f in folios)
    labels = [p.label for p in ingest_bytes(text.encode(), "case.txt").pages if not p.inferred]
    if expected is None:
        assert labels == [], reason
    else:
        assert labels == expected, reason


@pytest.mark.parametrize("text,expected,reason", [
    ("It ended in tone.{27}The next page began.\n", "tone. The next", "marker glued between a sentence and a word"),
    ("An inter{27}national meeting.\n", "An international meeting", "marker glued inside a word: no space"),
    (f"{PARA}[1] {{27}} The next page.\n\n[1] A note.\n", "tone. The next page.", "a mark then a marker: one space"),
    (f"{PARA}\u00b2 \u00b9\nThe next line.\n\nNotes\n\n\u00b9 One.\n\n\u00b2 Two.\n", "tone. The next line.",
     "two marks closing a line: the line break's space only"),
])
def test_spacing_around_removed_marks(text, expected, reason):
    doc = ingest_bytes(text.encode(), "case.txt")
    assert expected in doc.text[:doc.main_end], reason
    assert "  " not in doc.text, reason


def test_line_opening_with_inline_marker_goes_on_in_one_line_paragraphs():
    long = " It is set as one long line, as a converted e-book sets every paragraph of its text."
    text = (f"A first paragraph.{long}{long}\n"
            f"The delegates argued for hours about the wording of the final statement.{long} And\n"
            f"{{27}} its tone, which nobody liked, was changed.{long}\n"
            f"A third paragraph.{long}{long}\n")
    doc = ingest_bytes(text.encode(), "case.txt")
    assert "text. And its tone" in doc.text and len(doc.paragraphs) == 3
    assert [p.label for p in doc.pages] == ["26", "27"]
