"""HTML reader case tables: (markup, expected, reason), negative rows included."""
import pytest

from cliograph.errors import InputError
from cliograph.ingest import ingest_bytes
from cliograph.ingest.readers import sniff

from .conftest import cli

P = "<p>The envoys argued for hours about the wording of the final statement.</p>"


def html(body: str, head: str = "<title>T</title>") -> bytes:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode()


def ingest(body: str, head: str = "<title>T</title>"):
    return ingest_bytes(html(body, head), "case.html")


TEXT_CASES = [
    (P, "The envoys argued for hours about the wording of the final statement.", "a paragraph"),
    ("<h2>Chapter One</h2><p>It began.</p>", "Chapter One\n\nIt began.", "a heading is its own paragraph"),
    ("<p>One</p>\n\n   <p>Two</p>", "One\n\nTwo", "whitespace between blocks is no text"),
    ("<p>Tom &amp; Jerry &mdash; &#8220;friends&#8221;</p>", "Tom & Jerry \u2014 \u201cfriends\u201d",
     "character references decoded"),
    ("<p>The <em>Times</em>   of\n   London</p>", "The Times of London", "inline tags and runs of space"),
    ("<p>line one<br>line two</p>", "line one line two", "a line break inside a paragraph"),
    ("<blockquote><p>We shall not yield.</p></blockquote><p>He left.</p>", "We shall not yield.\n\nHe left.",
     "a block quote is a paragraph"),
    ("<script>var a = 'no';</script><p>Text.</p><style>p {}</style>", "Text.", "script and style are no text"),
    ("<nav><a href='#c1'>Contents</a></nav><p>Text.</p>", "Text.", "navigation is no text"),
    ("<p hidden>Secret.</p><p>Shown.</p>", "Shown.", "hidden elements are no text"),
    ("<p>First<p>Second", "First\n\nSecond", "unclosed paragraphs"),
    ("<ul><li>One</li><li>Two</li></ul>", "One\n\nTwo", "list items"),
    ("<div>Loose text <p>and a paragraph</p> after</div>", "Loose text\n\nand a paragraph\n\nafter",
     "text beside blocks"),
]


def test_text_table_has_no_duplicates():
    assert len({c[0] for c in TEXT_CASES}) == len(TEXT_CASES)


@pytest.mark.parametrize("body,expected,reason", TEXT_CASES, ids=[c[2] for c in TEXT_CASES])
def test_visible_text(body, expected, reason):
    doc = ingest(body)
    assert doc.text == expected, reason
    assert doc.source.format == "html"


PAGE_CASES = [
    (f'{P}<span class="pagenum"><a id="Page_26">[Pg 26]</a></span>{P}', [("25", True), ("26", False)],
     "Gutenberg page number span"),
    (f'{P}<p>Some<span class="pagenum">[27]</span> words.</p>', [("26", True), ("27", False)],
     "an inline page number inside a paragraph"),
    (f'{P}<a id="page_26"></a>{P}', [("25", True), ("26", False)], "an empty anchor with a page id"),
    (f'{P}<span epub:type="pagebreak" id="pg5" aria-label="xiv"/>{P}', [("xiii", True), ("xiv", False)],
     "an EPUB pagebreak with its aria-label"),
    (f'{P}<div role="doc-pagebreak" title="Page 12"></div>{P}', [("11", True), ("12", False)],
     "a doc-pagebreak with a title"),
    (f'<span epub:type="pagebreak" aria-label="3"/>{P}<span epub:type="pagebreak" aria-label="4"/>{P}',
     [("3", False), ("4", False)], "a marker before the first text"),
    (f'{P}<p><a name="Page_9"></a>Text.</p>', [("8", True), ("9", False)], "an old-style named anchor"),
    (f'{P}<div id="page_8"><p>The whole page.</p></div>', [("7", True), ("8", False)],
     "a block with a page id holds the page's text"),
    (f'{P}<div id="page_8"><span class="pagenum">8</span><p>Text.</p></div>', [("7", True), ("8", False)],
     "a page block with its number inside is one break"),
    (f'{P}<p>The <span id="page_9">words in a span</span> go on.</p>', [("8", True), ("9", False)],
     "a span with a page id around words"),
    (f'{P}<hr epub:type="pagebreak" title="12"/>{P}', [("11", True), ("12", False)], "a pagebreak on a rule"),
    (f'{P}<div class="pagenum" id="page_27">[27]</div>{P}', [("26", True), ("27", False)],
     "a page-number block standing alone"),
    (f'{P}<p id="p26">Text.</p>', [], "a paragraph id is not a page"),
    (f'{P}<p>See <a href="#page_5">page 5</a> above.</p>', [], "a link to a page is not a page break"),
    (f'{P}<div class="pagination">Next</div>', [], "a class that only contains page is not a page marker"),
]


@pytest.mark.parametrize("body,expected,reason", PAGE_CASES, ids=[c[2] for c in PAGE_CASES])
def test_pages(body, expected, reason):
    doc = ingest(body)
    assert [(p.label, p.inferred) for p in doc.pages] == expected, reason
    for marker in ("[Pg 26]", "[27]", "Page 12"):
        assert marker not in doc.text
    for words in ("The whole page.", "words in a span go on"):
        assert words in doc.text or words not in body
    assert "  " not in doc.text


def test_page_table_has_no_duplicates():
    assert len({c[0] for c in PAGE_CASES}) == len(PAGE_CASES)


NOTE_CASES = [
    ('<p>It fell.<a href="#fn1" id="r1"><sup>1</sup></a> Then.</p><div class="footnotes"><p id="fn1">'
     '<a href="#r1">1</a>. A source.</p></div>', [("1", "1", "A source.")], "superscript link and back link"),
    ('<p>It fell.<a id="FNanchor_1" href="#Footnote_1" class="fnanchor">[1]</a></p><div class="footnote"><p>'
     '<a id="Footnote_1" href="#FNanchor_1" class="label">[1]</a> A source.</p></div>',
     [("1", "1", "A source.")], "Gutenberg bracketed marks that link both ways"),
    ('<p>It fell.<a epub:type="noteref" href="#n1">1</a></p><aside epub:type="footnote" id="n1"><p>A source.'
     '</p></aside>', [("1", "1", "A source.")], "EPUB 3 noteref and footnote aside"),
    ('<p>It fell.<sup id="fnref1"><a href="#fn1" class="footnote-ref" role="doc-noteref">1</a></sup></p>'
     '<section class="footnotes" role="doc-endnotes"><ol><li id="fn1"><p>A source.<a href="#fnref1" '
     'class="footnote-back" role="doc-backlink">\u21a9\ufe0e</a></p></li></ol></section>',
     [("1", "1", "A source.")], "pandoc footnotes with a back arrow"),
    ('<p>It fell.<a href="#n2"><sup>2</sup></a> Later.<a href="#n1"><sup>1</sup></a></p>'
     '<aside epub:type="footnote" id="n1"><p>First.</p></aside><aside epub:type="footnote" id="n2">'
     '<p>Second.</p></aside>', [("2", "2", "Second."), ("1", "1", "First.")], "links decide, not order"),
    ('<p>It fell.<a href="#Footnote_4" class="fnanchor">[4]</a></p><div class="footnote"><p><a name="Footnote_4">'
     '</a><a href="#FNanchor_4">[4]</a> A source.</p></div>', [("4", "4", "A source.")], "old-style named anchors"),
    ('<p id="par7">It fell.<a name="FNanchor_5"></a><a href="#Footnote_5">[5]</a> On.</p><div><p>'
     '<a name="Footnote_5"></a><a href="#FNanchor_5">[5]</a> A source.</p></div>', [("5", "5", "A source.")],
     "named anchors before both links, in a paragraph with an id"),
    ('<p>It fell.<sup>3</sup> Then.</p><p class="footnote">3 A source.</p>', [("3", "3", "A source.")],
     "a bare superscript paired with its note by label"),
    ("<p>On the 1<sup>st</sup> of May.</p>", [], "an ordinal's letters are no mark"),
    ("<p>A force of 10<sup>6</sup> men.</p>", [], "a power of ten is no mark"),
    ('<p>As shown in <a href="#ch2">2</a> it fell.</p><h2 id="ch2">Two</h2>', [], "a plain link with a number"),
    ('<p>It fell.<a name="FNanchor_6"></a><a href="#Footnote_6" class="fnanchor">[6]</a></p><div class="footnotes">'
     '<h3>FOOTNOTES:</h3><div class="footnote"><p><a name="Footnote_6"></a><a href="#FNanchor_6"><span class="label">'
     '[6]</span></a> A source.</p><p>And its second paragraph.</p></div></div>',
     [("6", "6", "A source. And its second paragraph.")], "a note of two paragraphs under a notes heading"),
    ('<p>It fell. <a href="#linknote-2" name="linknoteref-2" id="linknoteref-2">2</a></p><h2>FOOTNOTES:</h2><p><br />'
     '<a name="linknote-2" id="linknote-2"></a></p><p class="foot">2 (<a href="#linknoteref-2">return</a>)<br /> '
     '[ A source.]</p>', [("2", "2", "[ A source.]")], "a note's anchor alone in the paragraph before it, a return link"),
]


@pytest.mark.parametrize("body,expected,reason", NOTE_CASES, ids=[c[2] for c in NOTE_CASES])
def test_notes(body, expected, reason):
    doc = ingest(body)
    notes = {n.id: n for n in doc.notes}
    got = [(r.label, notes[r.note].label if r.note else None, notes[r.note].text if r.note else None)
           for r in doc.note_refs]
    assert got == expected, reason
    main = doc.text[:doc.main_end]
    assert main.startswith(("It fell.", "On the", "A force", "As shown")), "the citing paragraph stays in the flow"
    assert "[1]" not in main and "\u21a9" not in doc.text and "FOOTNOTE" not in doc.text and "return" not in doc.text
    for r in doc.note_refs:
        assert r.start == r.end


def test_note_table_has_no_duplicates():
    assert len({c[0] for c in NOTE_CASES}) == len(NOTE_CASES)


def test_metadata_from_the_head():
    head = ('<title>A  History\n of Treaties</title><meta name="author" content="J. Writer">'
            '<meta name="DC.date" content="1901">')
    doc = ingest(P, head)
    assert (doc.source.title, doc.source.author, doc.source.date) == ("A History of Treaties", "J. Writer", "1901")


ENCODING_CASES = [
    ('<meta charset="windows-1252"><p>caf\xe9</p>'.encode("cp1252"), "caf\u00e9", "cp1252",
     "a declared charset"),
    ("<p>caf\u00e9</p>".encode(), "caf\u00e9", "utf-8", "no declaration: UTF-8"),
    ('<?xml version="1.0" encoding="iso-8859-1"?><html><body><p>caf\xe9</p></body></html>'.encode("latin-1"),
     "caf\u00e9", "iso8859-1", "an XML declaration"),
]


@pytest.mark.parametrize("data,text,encoding,reason", ENCODING_CASES, ids=[c[3] for c in ENCODING_CASES])
def test_encodings(data, text, encoding, reason):
    doc = ingest_bytes(data, "enc.html")
    assert doc.text == text and doc.source.encoding == encoding


BAD_CASES = [
    (b"<html><head><title>Only a head</title><style>p{}</style></head></html>", "without a body",
     "a head and no body"),
    (b"<html><body><script>x()</script>  </body></html>", "no visible text", "a body without text"),
    (b"<!DOCTYPE html><html><body><img src='a.png'></body></html>", "no visible text", "only an image"),
]


@pytest.mark.parametrize("data,problem,reason", BAD_CASES, ids=[c[2] for c in BAD_CASES])
def test_bad_html(tmp_path, data, problem, reason):
    with pytest.raises(InputError) as e:
        ingest_bytes(data, "bad.html")
    assert problem in str(e.value) and "bad.html" in str(e.value)
    path = tmp_path / "bad.html"
    path.write_bytes(data)
    r = cli("analyze", "--structure-only", str(path))
    err = r.stderr.decode()
    assert r.returncode == 2 and str(path) in err and problem in err and "Traceback" not in err


SNIFF_CASES = [
    (b"%PDF-1.4\n...", "paper.txt", "pdf", "a PDF signature wins over the extension"),
    (b"PK\x03\x04rest", "book", "epub", "a zip is read as an EPUB"),
    (b"<!DOCTYPE html><html>", "page", "html", "an HTML opening without extension"),
    (b"\xef\xbb\xbf  <html lang='en'>", "page", "html", "after a byte order mark"),
    (b"<?xml version='1.0'?>\n<html xmlns='http://www.w3.org/1999/xhtml'>", "ch1", "html", "XHTML"),
    (b"Some text about <html> tags.", "notes.txt", "txt", "plain text with a tag in it"),
    (b"<html><body>x</body></html>", "page.txt", "txt", "the .txt extension keeps plain text"),
    (b"<p>a fragment</p>", "frag.htm", "html", "the .htm extension"),
    (b"Plain words.", "chapter", "txt", "plain text stays the default"),
]


@pytest.mark.parametrize("data,name,expected,reason", SNIFF_CASES, ids=[c[3] for c in SNIFF_CASES])
def test_sniff(data, name, expected, reason):
    assert sniff(data, name) == expected


def test_sniff_table_has_no_duplicates():
    assert len({(c[0], c[1]) for c in SNIFF_CASES}) == len(SNIFF_CASES)


def test_format_can_be_forced():
    doc = ingest_bytes(b"<p>Plain words.</p>", "x.txt", fmt="html")
    assert doc.text == "Plain words." and doc.source.format == "html"
    with pytest.raises(ValueError, match="choose from"):
        ingest_bytes(b"x", "x.txt", fmt="docx")


def test_a_gutenberg_editions_header_and_licence_are_left_out():
    body = ("<pre>The Project Gutenberg EBook of The Law, by F. Bastiat\n\n"
            "*** START OF THIS PROJECT GUTENBERG EBOOK THE LAW ***</pre>" + P +
            "<pre>*** END OF THIS PROJECT GUTENBERG EBOOK THE LAW ***\n\nUpdated editions will replace the previous one."
            "</pre><p>Project Gutenberg-tm is synonymous with the free distribution of electronic works.</p>")
    doc = ingest(body)
    assert doc.text == "The envoys argued for hours about the wording of the final statement."
    assert {r.kind for r in doc.removed} == {"other"}


def test_a_gutenberg_book_inside_one_pre_keeps_its_text():
    body = ("<pre>\nThe Project Gutenberg EBook of Annals of Rome\n\n*** START OF THIS PROJECT GUTENBERG EBOOK ANNALS "
            "***\n\nRome was founded in the year 753 before Christ.\n\n*** END OF THIS PROJECT GUTENBERG EBOOK ANNALS "
            "***\n\nUpdated editions will replace the previous one.\n</pre>")
    assert ingest(body).text == "Rome was founded in the year 753 before Christ."


def test_headings_among_the_notes_leave_the_main_text():
    body = ('<h2>Chapter I. The Reign</h2><p>The king died.<a href="#n1" epub:type="noteref">1</a></p>'
            '<section epub:type="endnotes"><h2>Notes</h2><h3>Chapter I. The Reign</h3><ol><li id="n1"><p>Some say '
            '1546.</p></li></ol></section>')
    doc = ingest(body)
    assert doc.text[:doc.main_end] == "Chapter I. The Reign\n\nThe king died."
    assert [n.text for n in doc.notes] == ["Some say 1546."] and doc.note_refs[0].note == "n1"


@pytest.mark.parametrize("after", [
    '<p class="center">NOTE I.</p><p>The date of his death is disputed.</p>',
    '<p><span class="pagenum"><a id="Page_12">[Pg 12]</a></span></p><p>The date of his death is disputed.</p>',
], ids=["a heading paragraph", "a page number"])
def test_an_anchor_alone_gives_its_note_only_to_a_paragraph_opening_with_its_label(after):
    doc = ingest(f'<p>The king died.<a href="#note1">[1]</a> He was old.</p><p><a id="note1"></a></p>{after}')
    assert "The date of his death is disputed." in doc.text[:doc.main_end] and not doc.notes
