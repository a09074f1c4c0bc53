"""One three-page history text, written for these tests, rendered as txt, HTML, EPUB 2 and 3, and PDF.

The renderers are the fixtures of tests/test_readers*.py: the same pages, paragraphs, notes and marks in
each format's own way (Gutenberg-style HTML, EPUB 3 `noteref`/`pagebreak` with a nav page list, EPUB 2
with an NCX page list and endnotes, PDF with folios, running heads, footnotes, hyphenation, columns).
"""
from __future__ import annotations

import html
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

TITLE = "The Conference at Halden"
AUTHOR = "Ingrid Solberg"
DATE = "2019"
HEADING = "VII. THE CONFERENCE AT HALDEN"
RUNNING_HEAD = "THE CONFERENCE AT HALDEN"
SHY = "\u00ad"  # where a renderer may cut a word at a line end

# pages of (kind, text): `para`, `heading`, `quote`, `cont` (a paragraph going on from the page before);
# `{n}` is the place of note mark n; a paragraph with `open=True` goes on to the next page.
PAGES = [
    ("112", [
        ("heading", HEADING),
        ("para", f"In the winter of 1887 the two govern{SHY}ments agreed, with little enthu{SHY}siasm on either side, to send "
                 "delegations to the border town of Halden. The Swedish delegation was led by Count Axel Lindqvist, "
                 "a former envoy to Berlin who had spent most of the previous decade arguing that the union could be "
                 "saved by patience alone. His Norwegian counterpart, Olav Brekke, had made his name in the Storting "
                 "as an opponent of every compromise that came before it."),
        ("para", "The first session opened on 14 March 1887 in the hall of the old customs house. Lindqvist spoke "
                 "for nearly an hour. \u201cWe have not come to divide what our grandfathers joined,\u201d he told "
                 "the Norwegian delegates, \u201cbut to find a form of words that both peoples can live with.\u201d "
                 f"Brekke listened without inter{SHY}rupting, and when he rose to reply he said only that the Storting "
                 "would judge any agreement by what it did rather than by how it was phrased."),
        ("open", "Over the following weeks the conference settled into a routine that none of its members enjoyed. "
                 f"The deleg{SHY}ations met each morning, exchanged written drafts in the afternoon and dined "
                 f"separately in the evening. By the end of March the secre{SHY}taries had drafted eleven versions "
                 "of the first article, and the"),
    ]),
    ("113", [
        ("cont", f"corre{SHY}spondence of both delegations shows a growing weariness with the whole "
                 f"enter{SHY}prise.{{1}}"),
        ("para", f"The crisis came on April 9, when a Stockholm news{SHY}paper printed a summary of the Swedish "
                 f"instruc{SHY}tions. Brekke accused the Swedish side of nego{SHY}tiating in public. \u201cIf the terms "
                 "are to be settled in the newspapers,\u201d he wrote to Lindqvist the same evening, \u201cthen the "
                 "newspapers may also sign the treaty.\u201d Lindqvist answered that the leak had not come from his "
                 "delegation, and he asked the Foreign Ministry in Stockholm to find its source."),
        ("quote", "\u201cThe conference has become a theatre in which each side performs for its own audience. I "
                  "see no reason to remain in Halden if the play is to run for another month.\u201d{2}"),
        ("para", "The King intervened in early May. Oscar II summoned both leaders to Stockholm and asked them to "
                 "resume the talks in a calmer spirit. Lindqvist later recalled that the King had spoken to them "
                 f"\u201cas a father speaks to two sons who have quar{SHY}relled over an inheri{SHY}tance.\u201d"),
    ]),
    ("114", [
        ("para", "The talks resumed on 2 June and ended three weeks later with a short protocol. It committed the "
                 f"two governments to a joint commis{SHY}sion on consular affairs, to meet within the year, and it "
                 f"left every larger question open. Brekke signed it reluc{SHY}tantly. In a letter to his wife he called "
                 "the protocol \u201ca bridge with no river beneath it.\u201d{3}"),
        ("para", "Historians have judged the conference harshly. Most accounts treat it as a prelude to the crisis "
                 "of the following decade, and few mention it at all except to say how little it achieved. Yet the "
                 f"commission it created met regu{SHY}larly until 1895, and its records remain the best evidence of how "
                 f"officials on both sides under{SHY}stood the union in its last years.{{4}}"),
    ]),
]
NOTES = {
    "1": "See the minutes of the Norwegian delegation for 28 and 30 March 1887, which record no discussion at all.",
    "2": "Lindqvist to Foreign Minister Ehrenborg, 21 April 1887, Riksarkivet, Kabinettet 412.",
    "3": "Brekke to Marit Brekke, 24 June 1887, Brekke papers, box 3.",
    "4": "On the commission\u2019s later work see the survey by Tove Lund, \u201cConsuls and Kings,\u201d "
         "Nordic Historical Review 41 (1998).",
}
SUPERSCRIPT = str.maketrans("0123456789", "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")
_MARK = re.compile(r"\{(\d+)\}")


def plain(s: str) -> str:
    return _MARK.sub("", s).replace(SHY, "")


def paragraphs() -> list[tuple[str, str]]:
    """(kind, clean text) of each paragraph of the main flow, a paragraph across pages joined."""
    out: list[tuple[str, str]] = []
    for _, items in PAGES:
        for kind, text in items:
            if kind == "cont":
                out[-1] = (out[-1][0], out[-1][1] + " " + plain(text))
            else:
                out.append(("para" if kind == "open" else kind, plain(text)))
    return out


def expected_text() -> str:
    return "\n\n".join([t for _, t in paragraphs()] + list(NOTES.values()))


def page_of_note() -> dict[str, str]:
    return {m: label for label, items in PAGES for _, text in items for m in _MARK.findall(text)}


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


# -- plain text


def _wrap(text: str, width: int) -> list[str]:
    """Greedy wrap by characters; a word with a soft hyphen may be cut there (`enter-` / `prise`)."""
    lines, cur = [], ""
    for word in text.split(" "):
        shown = word.replace(SHY, "")
        cand = f"{cur} {shown}" if cur else shown
        if len(_MARK.sub("", cand)) <= width:
            cur = cand
            continue
        if SHY in word:
            head, tail = word.split(SHY, 1)
            if len(_MARK.sub("", f"{cur} {head}-")) <= width:
                lines.append(f"{cur} {head}-")
                cur = tail.replace(SHY, "")
                continue
        lines.append(cur)
        cur = shown
    lines.append(cur)
    return lines


def render_txt() -> str:
    def marks(s: str) -> str:
        return _MARK.sub(lambda m: m.group(1).translate(SUPERSCRIPT), s)

    out = []
    for label, items in PAGES:
        out.append(f"[Page {label}]\n")
        for kind, text in items:
            indent = "    " if kind == "quote" else ""
            lines = _wrap(text, 58 if kind == "quote" else 62)
            out.append("\n".join(indent + marks(x) for x in lines) + "\n")
        notes = [m for _, text in items for m in _MARK.findall(text)]
        for n in notes:
            out.append("\n".join(_wrap(f"{n} {NOTES[n]}", 62)) + "\n")
        out[-1] = out[-1][:-1] + "\f"
    return "\n".join(out)


# -- HTML and EPUB


def _esc(s: str) -> str:
    return html.escape(s.replace(SHY, ""), quote=False)


def _page_items():
    """(page label, kind, text, first item of the page, last paragraph ending on the page)."""
    for label, items in PAGES:
        for i, (kind, text) in enumerate(items):
            ends_here = kind != "open" and all(k == "open" for k, _ in items[i + 1:])
            yield label, kind, text, i == 0, ends_here


def _blocks_html(ref, page, note_block, marks_at_end=True, page_inside=False) -> list[str]:
    """Paragraph markup; `ref(n)`, `page(label)`, `note_block(n)` give each format's own tags."""
    out: list[str] = []
    pending_notes: list[str] = []
    open_para = None
    for label, kind, text, first, ends_here in _page_items():
        body = _MARK.sub(lambda m: ref(m.group(1)), _esc(text))
        pending_notes += _MARK.findall(text)
        brk = page(label) if first else ""
        if kind == "cont":
            out[-1] = open_para + f" {brk}{body}</p>"
        elif kind == "heading":
            out.append(f"<h2>{brk}{body}</h2>")
        elif kind == "quote":
            out.append(f"{brk}<blockquote><p>{body}</p></blockquote>")
        elif kind == "open":
            open_para = f"{brk}<p>{body}"
            out.append(open_para + "</p>")
        else:
            out.append(f"<p>{brk}{body}</p>" if page_inside else f"{brk}<p>{body}</p>")
        if ends_here and marks_at_end:
            out += [note_block(n) for n in pending_notes]
            pending_notes = []
    return out


def render_html() -> bytes:
    blocks = _blocks_html(
        ref=lambda n: f'<a id="FNanchor_{n}" href="#Footnote_{n}" class="fnanchor">[{n}]</a>',
        page=lambda label: f'<span class="pagenum"><a id="Page_{label}">[Pg {label}]</a></span>',
        note_block=lambda n: (f'<div class="footnote"><p><a id="Footnote_{n}" href="#FNanchor_{n}" class="label">'
                              f'[{n}]</a> {_esc(NOTES[n])}</p></div>'))
    doc = (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>{TITLE}</title>\n'
           f'<meta name="author" content="{AUTHOR}">\n<meta name="date" content="{DATE}">\n'
           "<style>\n.pagenum { float: right; } p { text-indent: 1em; }\n</style>\n"
           '<script>document.title = "not the text";</script>\n</head>\n<body>\n'
           + "\n".join(blocks) + "\n</body>\n</html>\n")
    return doc.encode("utf-8")


_XHTML = ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml" '
          'xmlns:epub="http://www.idpf.org/2007/ops" lang="en" xml:lang="en">\n<head><title>{title}</title></head>\n'
          "<body>\n{body}\n</body>\n</html>\n")


def _split_chapters(blocks: list[str], at_label: str) -> tuple[list[str], list[str]]:
    """Cut the block list where page `at_label` begins (a paragraph boundary)."""
    for i, b in enumerate(blocks):
        if f'"{at_label}"' in b or f"page{at_label}" in b or f"p{at_label}\"" in b:
            return blocks[:i], blocks[i:]
    raise AssertionError("no such page")


def _zip(files: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/container.xml",
                   '<?xml version="1.0"?>\n<container version="1.0" '
                   'xmlns="urn:oasis:names:tc:opendocument:xmlns:container">\n<rootfiles><rootfile '
                   'full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>\n'
                   "</container>\n", compress_type=zipfile.ZIP_DEFLATED)
        for name, text in files.items():
            z.writestr(name, text, compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def render_epub3() -> bytes:
    blocks = _blocks_html(
        ref=lambda n: f'<a epub:type="noteref" role="doc-noteref" id="ref{n}" href="#fn{n}">{n}</a>',
        page=lambda label: (f'<span epub:type="pagebreak" role="doc-pagebreak" id="page{label}" '
                            f'aria-label="{label}"/>'),
        note_block=lambda n: (f'<aside epub:type="footnote" role="doc-footnote" id="fn{n}"><p>'
                              f'<a href="#ref{n}" role="doc-backlink">{n}.</a> {_esc(NOTES[n])}</p></aside>'))
    ch1, ch2 = _split_chapters(blocks, "114")
    page_file = {label: ("ch1.xhtml" if label != "114" else "ch2.xhtml") for label, _ in PAGES}
    nav = ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml" '
           'xmlns:epub="http://www.idpf.org/2007/ops" lang="en" xml:lang="en">\n<head><title>Contents</title>'
           '</head>\n<body>\n<nav epub:type="toc" id="toc"><h1>Contents</h1><ol><li><a href="ch1.xhtml">'
           f'{_esc(HEADING)}</a></li></ol></nav>\n<nav epub:type="page-list" hidden="hidden"><h2>Pages</h2><ol>'
           + "".join(f'<li><a href="{page_file[label]}#page{label}">{label}</a></li>' for label, _ in PAGES)
           + "</ol></nav>\n</body>\n</html>\n")
    opf = ('<?xml version="1.0" encoding="utf-8"?>\n<package xmlns="http://www.idpf.org/2007/opf" version="3.0" '
           'unique-identifier="uid" xml:lang="en">\n<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
           '<dc:identifier id="uid">urn:uuid:4f1c9c0e-1d2b-4c8e-9a57-3b0f7d2e6a11</dc:identifier>\n'
           f"<dc:title>{TITLE}</dc:title>\n<dc:creator>{AUTHOR}</dc:creator>\n<dc:language>en</dc:language>\n"
           f'<dc:date>{DATE}</dc:date>\n<meta property="dcterms:modified">2024-01-01T00:00:00Z</meta>\n'
           "</metadata>\n<manifest>\n"
           '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>\n'
           '<item id="ch1" href="ch1.xhtml" media-type="application/xhtml+xml"/>\n'
           '<item id="ch2" href="ch2.xhtml" media-type="application/xhtml+xml"/>\n'
           '</manifest>\n<spine>\n<itemref idref="ch1"/>\n<itemref idref="ch2"/>\n</spine>\n</package>\n')
    return _zip({"OEBPS/content.opf": opf, "OEBPS/nav.xhtml": nav,
                 "OEBPS/ch1.xhtml": _XHTML.format(title="Chapter VII", body="\n".join(ch1)),
                 "OEBPS/ch2.xhtml": _XHTML.format(title="Chapter VII", body="\n".join(ch2))})


def render_epub2() -> bytes:
    """EPUB 2: endnotes in their own document, page anchors known only from the NCX page list."""
    def ref(n):
        return f'<a id="r{n}" href="notes.html#n{n}"><sup>{n}</sup></a>'

    blocks = _blocks_html(ref=ref, page=lambda label: f'<a id="p{label}"></a>', note_block=lambda n: "",
                          marks_at_end=False, page_inside=True)
    ch1, ch2 = _split_chapters(blocks, "114")
    notes = "<h3>Notes</h3>\n" + "\n".join(
        f'<p id="n{n}"><a href="{"ch1" if int(n) < 3 else "ch2"}.html#r{n}">{n}.</a> {_esc(t)}</p>'
        for n, t in NOTES.items())
    xhtml = ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" '
             '"http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml">\n'
             "<head><title>{title}</title></head>\n<body>\n{body}\n</body>\n</html>\n")
    page_file = {label: ("ch1.html" if label != "114" else "ch2.html") for label, _ in PAGES}
    ncx = ('<?xml version="1.0" encoding="utf-8"?>\n<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" '
           'version="2005-1">\n<head><meta name="dtb:uid" content="urn:uuid:8d4c0b7e-2a3f-4e55-b1c2-9f0e6d7a5c33"/>'
           '<meta name="dtb:depth" content="1"/><meta name="dtb:totalPageCount" content="0"/>'
           '<meta name="dtb:maxPageNumber" content="0"/></head>\n'
           f"<docTitle><text>{TITLE}</text></docTitle>\n<navMap><navPoint id=\"np1\" playOrder=\"1\"><navLabel>"
           f'<text>{_esc(HEADING)}</text></navLabel><content src="ch1.html"/></navPoint></navMap>\n<pageList>'
           + "".join(f'<pageTarget id="pt{label}" type="normal" value="{label}" playOrder="{i + 2}"><navLabel>'
                     f'<text>{label}</text></navLabel><content src="{page_file[label]}#p{label}"/></pageTarget>'
                     for i, (label, _) in enumerate(PAGES))
           + "</pageList>\n</ncx>\n")
    opf = ('<?xml version="1.0" encoding="utf-8"?>\n<package xmlns="http://www.idpf.org/2007/opf" version="2.0" '
           'unique-identifier="uid">\n<metadata xmlns:dc="http://purl.org/dc/elements/1.1/" '
           'xmlns:opf="http://www.idpf.org/2007/opf">\n'
           '<dc:identifier id="uid">urn:uuid:8d4c0b7e-2a3f-4e55-b1c2-9f0e6d7a5c33</dc:identifier>\n'
           f'<dc:title>{TITLE}</dc:title>\n<dc:creator opf:role="aut">{AUTHOR}</dc:creator>\n'
           f"<dc:language>en</dc:language>\n<dc:date>{DATE}</dc:date>\n</metadata>\n<manifest>\n"
           '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>\n'
           '<item id="ch1" href="ch1.html" media-type="application/xhtml+xml"/>\n'
           '<item id="ch2" href="ch2.html" media-type="application/xhtml+xml"/>\n'
           '<item id="notes" href="notes.html" media-type="application/xhtml+xml"/>\n'
           '</manifest>\n<spine toc="ncx">\n<itemref idref="ch1"/>\n<itemref idref="ch2"/>\n'
           '<itemref idref="notes" linear="no"/>\n</spine>\n</package>\n')
    return _zip({"OEBPS/content.opf": opf, "OEBPS/toc.ncx": ncx,
                 "OEBPS/ch1.html": xhtml.format(title="Chapter VII", body="\n".join(ch1)),
                 "OEBPS/ch2.html": xhtml.format(title="Chapter VII", body="\n".join(ch2)),
                 "OEBPS/notes.html": xhtml.format(title="Notes", body=notes)})


def epubcheck(path: Path) -> subprocess.CompletedProcess | None:
    jar = Path("/usr/share/java/epubcheck.jar")
    if not jar.exists() or not shutil.which("java"):
        return None
    return subprocess.run(["java", "-jar", str(jar), str(path)], capture_output=True, text=True)


@pytest.mark.parametrize("render", [render_epub3, render_epub2], ids=["epub3", "epub2"])
def test_epub_fixtures_are_valid(tmp_path, render):
    path = tmp_path / "book.epub"
    path.write_bytes(render())
    r = epubcheck(path)
    if r is None:
        pytest.skip("epubcheck is absent (apt-get install epubcheck)")
    assert r.returncode == 0, r.stdout + r.stderr


def test_fixture_has_line_end_hyphens():
    txt = render_txt()
    assert re.search(r"[a-z]-\n[a-z]", txt), "the txt rendering should cut a word at a line end"
    assert expected_text().count("\n\n") == len(paragraphs()) + len(NOTES) - 1
