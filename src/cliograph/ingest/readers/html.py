"""HTML (and the XHTML documents of an EPUB) to an extract: visible text, page anchors, note links.

Two passes over each document. The first finds the links that are note references (a label-like text
in superscript or brackets, `epub:type="noteref"`, `role="doc-noteref"`, a note-ish class) and so the
ids of the notes they point to; the second writes the visible text to the stream, block by block, with
page markers, marks and note bodies placed where the markup puts them. Script, style, the head and
navigation are never read as text.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from ...errors import InputError
from ...model import Removed
from ...model.records import Region
from ..decode import decode
from .extract import Extract, Mark, PageMark, StreamWriter
from .markup import has, markup, note_label, page_label, resolve, typed

SKIP = {"script", "style", "head", "template", "noscript", "nav", "svg", "title", "iframe", "object", "select",
        "textarea", "button", "math"}
BLOCK = {"address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div",
         "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
         "header", "hgroup", "hr", "html", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody",
         "td", "tfoot", "th", "thead", "tr", "ul"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_WS = str.maketrans({c: " " for c in "\t\n\r\f\v\u2028\u2029"})


@dataclass
class Links:
    """Links across a book: note targets and marks (first pass), page anchors (an EPUB page list)."""

    targets: dict[str, str | None] = field(default_factory=dict)  # note key -> the label of a mark to it
    refs: set[str] = field(default_factory=set)  # keys of the marks themselves (for back links)
    pages: dict[str, str] = field(default_factory=dict)  # page anchor key -> label, from an EPUB page list
    found: list[tuple] = field(default_factory=list)  # (source key, target key, label, mark keys) per link
    ids: set[str] = field(default_factory=set)  # every element id met (`file#id`)


def key(path: str, frag: str) -> str:
    return f"{path}#{frag}"


def _attrs(tag: str, attrs: list) -> dict[str, str]:
    """Attributes by lower-case name; an anchor's old `name` serves as its id."""
    a = {k.lower(): (v or "") for k, v in attrs}
    if tag == "a" and not a.get("id") and a.get("name"):
        a["id"] = a["name"]
    return a


class _Scan(HTMLParser):
    """Pass 1: note reference links and where they point."""

    def __init__(self, part: str, links: Links) -> None:
        super().__init__(convert_charrefs=True)
        self.part, self.links = part, links
        self.stack: list[tuple[str, str | None]] = []  # (tag, id)
        self.link: dict | None = None
        self.last_id: str | None = None  # the last id met in the current block (`<a name="r1"></a><a href=...>`)

    def handle_starttag(self, tag, attrs):
        a = _attrs(tag, attrs)
        if tag in BLOCK:
            self.last_id = None
        if tag == "a" and a.get("href") and self.link is None:
            self.link = {"attrs": a, "text": [], "sup": any(t == "sup" for t, _ in self.stack), "depth": 0,
                         "parent": self.stack[-1] if self.stack else None, "before": self.last_id}
        if a.get("id"):
            self.links.ids.add(key(self.part, a["id"]))
            self.last_id = a["id"]
        elif self.link is not None and tag == "sup":
            self.link["sup"] = True
        if tag not in VOID:
            self.stack.append((tag, a.get("id")))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_data(self, data):
        if self.link is not None:
            self.link["text"].append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self.link is not None:
            self._finish(self.link)
            self.link = None
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def _finish(self, link: dict) -> None:
        a = link["attrs"]
        where = resolve(self.part, a["href"])
        if where is None:
            return
        text = "".join(link["text"]).strip()
        label = note_label(text)
        m = markup()
        frag = where[1].lower()
        semantic = typed(a, "noteref_types") or has(a, "class", "noteref_classes")
        shaped = label is not None and (link["sup"] or text.startswith(("[", "(")) or any(
            frag.startswith(h) for h in m["note_id_hints"]))
        if not (semantic or shaped) or typed(a, "backlink_types") or has(a, "class", "backlink_classes"):
            return
        # where the link stands: its own id, an anchor just before it, the ids of the elements holding it
        srcs = [i for i in [a.get("id"), link["before"]] + [i for _, i in reversed(self.stack[:-1])] if i]
        parent = link["parent"]
        near = [key(self.part, a.get("id") or link["before"])] if (a.get("id") or link["before"]) else []
        if parent and parent[1] and parent[0] in ("sup", "span"):
            near.append(key(self.part, parent[1]))
        self.links.found.append((tuple(key(self.part, i) for i in srcs), key(*where), label, near))


def finish(links: Links) -> None:
    """Targets of note marks. Of two links pointing at each other (a mark and its note's back link),
    the one met first in reading order is the mark."""
    first: dict[tuple[str, str], int] = {}
    for i, (srcs, tgt, _, _) in enumerate(links.found):
        for src in srcs:
            first.setdefault((src, tgt), i)
    for i, (srcs, tgt, label, near) in enumerate(links.found):
        if tgt not in links.ids:
            continue  # points nowhere in the book: no note to pair with
        if any(first.get((tgt, src), i) < i for src in srcs):
            continue  # a back link: an earlier link goes from here to there
        if links.targets.get(tgt) is None:
            links.targets[tgt] = label
        links.refs.update(near)


def scan(html: str, part: str, links: Links) -> None:
    p = _Scan(part, links)
    p.feed(html)
    p.close()


@dataclass
class _El:
    tag: str
    skip: bool = False
    block: bool = False
    note_id: str | None = None  # this element is one note
    notes: bool = False  # this element holds notes, one per block
    mark: Mark | None = None
    page: PageMark | None = None
    back: int | None = None  # stream offset where a back link inside a note begins
    sup: int | None = None  # stream offset where a superscript begins
    marks_before: int = 0
    pending: bool = False  # start offsets wait for the first text written inside
    anchor: bool = False  # a page that begins here without its own text (a block, or a long element)
    blocks_before: int = -1  # a block's count of the stream's blocks when it opened


class _Reader(HTMLParser):
    """Pass 2: the visible text into the stream."""

    def __init__(self, w: StreamWriter, part: str, raw: str, links: Links) -> None:
        super().__init__(convert_charrefs=True)
        self.w, self.part, self.links = w, part, links
        self.stack: list[_El] = []
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", raw)]
        self.in_title = False
        self.title: list[str] = []
        self.meta: dict[str, str] = {}
        self.saw_body = False
        self.pre = 0
        self.note_seq = 0
        self.orphan: str | None = None  # a note id whose block ended with no text
        self.close_paren = False  # a back link opened by `(`: its `)` is to go too

    # -- elements
    def handle_starttag(self, tag, attrs):
        a = _attrs(tag, attrs)
        if tag == "meta":
            name = (a.get("name") or a.get("property") or "").lower()
            if name and a.get("content"):
                self.meta.setdefault(name, a["content"].strip())
            return
        if tag == "title":
            self.in_title = True
        if tag == "body":
            self.saw_body = True
        if tag in VOID:
            self._void(tag, a)
            return
        self._implicit_close(tag)
        el = _El(tag)
        if tag in SKIP or "hidden" in a or any(e.skip for e in self.stack):
            el.skip = True
            self.stack.append(el)
            return
        if tag in BLOCK:
            el.block = True
            self.w.close()
            el.blocks_before = len(self.w.out.blocks)
        if tag == "pre":
            self.pre += 1
        self._classify(el, tag, a)
        self.stack.append(el)

    def _void(self, tag: str, a: dict) -> None:
        if any(e.skip for e in self.stack):
            return
        if tag == "hr":
            self.w.close()
        if self._is_page(a):  # `<hr epub:type="pagebreak" title="12"/>`, `<br class="pagenum" .../>`
            self.w.out.pages.append(PageMark(self.w.length, self.w.length, self._page_attr_label(a)))
        elif tag == "br":
            self.w.newline()

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def _implicit_close(self, tag: str) -> None:
        """HTML lets `<p>` and `<li>` go unclosed: a new one ends the open one."""
        if tag in BLOCK and tag not in ("span", "a"):
            closes = {"p"} if tag not in ("li",) else {"p", "li"}
            for i in range(len(self.stack) - 1, -1, -1):
                t = self.stack[i].tag
                if t in closes:
                    self.handle_endtag(t)
                    return
                if t in ("div", "section", "blockquote", "ol", "ul", "body", "td", "aside", "article"):
                    return

    def _is_page(self, a: dict) -> bool:
        m = markup()
        if a.get("id") and key(self.part, a["id"]) in self.links.pages:
            return True
        return (typed(a, "page_types") or has(a, "class", "page_classes")
                or bool(a.get("id") and m["page_id_re"].match(a["id"]) and not a.get("href")))

    def _page_attr_label(self, a: dict) -> str | None:
        listed = self.links.pages.get(key(self.part, a["id"])) if a.get("id") else None
        if listed:
            return listed
        for k in ("aria-label", "title", "id"):
            label = page_label(a.get(k))
            if label:
                return label
        return None

    def _classify(self, el: _El, tag: str, a: dict) -> None:
        in_page = any(e.page is not None and not e.anchor for e in self.stack)
        if self._is_page(a) and not in_page:
            el.page = PageMark(-1, -1, self._page_attr_label(a))
            el.pending = True
            # a block known as a page only by its id holds the page's text: it is no marker
            el.anchor = el.block and not (typed(a, "page_types") or has(a, "class", "page_classes"))
            if not el.block:
                return
        ident = key(self.part, a["id"]) if a.get("id") else None
        in_note = self._note_context()[0] is not None
        if ident and ident in self.links.targets:
            if el.block:
                el.note_id = ident
            else:
                self._promote(ident)
        elif el.block and (typed(a, "note_types") or has(a, "class", "note_classes")) and not in_note:
            self.note_seq += 1
            el.note_id = ident or f"{self.part}#note-{self.note_seq}"
        elif el.block and (typed(a, "notes_types") or has(a, "class", "notes_classes")):
            el.notes = True
        if tag == "a" and a.get("href"):
            where = resolve(self.part, a["href"])
            target = key(*where) if where else None
            note = self._note_context()[0] is not None
            back = typed(a, "backlink_types") or has(a, "class", "backlink_classes") or (
                target is not None and target in self.links.refs)
            if note and back:
                el.back = self.w.length if self._block_has_text() else None
                el.pending = el.back is not None
            elif target in self.links.targets and not any(e.mark for e in self.stack):
                el.mark = Mark(-1, -1, "", target)
                el.pending = True
                el.marks_before = len(self.w.out.marks)
        elif tag == "sup" and not any(e.mark for e in self.stack):
            el.sup = -1
            el.pending = True
            el.marks_before = len(self.w.out.marks)

    def _promote(self, ident: str) -> None:
        """A note id on an inline anchor (`<p><a id="fn1">1</a> text`): the enclosing block is the note, and
        so is a note block around it known only by its class (its next paragraphs are the note's too)."""
        inner = True
        for e in reversed(self.stack):
            if e.block and inner:
                e.note_id, inner = ident, False
            elif e.block and e.note_id is not None and e.note_id.startswith(f"{self.part}#note-"):
                e.note_id = ident
                break
        if self.w.block is not None:
            self.w.block.kind, self.w.block.note_id = "note", ident
            self.w.block.label = self.links.targets.get(ident)

    def _note_context(self) -> tuple[str | None, bool]:
        for e in reversed(self.stack):
            if e.note_id is not None:
                return e.note_id, False
            if e.notes:
                return None, True
        return None, False

    def _block_has_text(self) -> bool:
        bl = self.w.block
        return bl is not None and (bool(bl.lines) or bool(self.w.text_range(self.w._line_start, self.w.length)
                                                          .strip()))

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        idx = next((i for i in range(len(self.stack) - 1, -1, -1) if self.stack[i].tag == tag), None)
        if idx is None:
            return
        while len(self.stack) > idx:
            self._end(self.stack.pop())

    def _end(self, el: _El) -> None:
        w = self.w
        if el.skip:
            return
        if el.pending:  # nothing was written inside: an empty anchor stands at the current position
            self._start_pending(el)
        if el.page is not None:
            a, z = self._trim(el.page.start, w.length)
            text = w.text_range(a, z) if z - a <= 24 else None
            found = page_label(text) if text else None
            if z > a and found is None:
                z = a  # text that is no page number (a span wrapping words) stays; the page begins there
            el.page.start, el.page.end = a, z
            el.page.label = el.page.label or found
            w.out.pages.append(el.page)
        if el.mark is not None:
            a, z = self._trim(el.mark.start, w.length)
            label = note_label(w.text_range(a, z))
            if label and len(w.out.marks) == el.marks_before:
                el.mark.start, el.mark.end, el.mark.label = a, z, label
                w.out.marks.append(el.mark)
        if el.sup is not None and len(w.out.marks) == el.marks_before:
            self._bare_sup(el)
        if el.back is not None and w.length > el.back:
            paren = w.text_range(max(0, el.back - 1), el.back) == "("  # `1 (<a href="#ref-1">return</a>)`
            w.out.removed.append(Removed(el.back - paren, w.length, "other"))
            self.close_paren = paren
        if el.tag == "pre":
            self.pre -= 1
        if el.block:
            w.close()
            if el.note_id is not None and len(w.out.blocks) == el.blocks_before:
                self.orphan = el.note_id  # `<p><a id="linknote-1"></a></p>` then the note's own paragraph

    def _bare_sup(self, el: _El) -> None:
        """`<sup>3</sup>` after a word, with no link: a note mark paired with its body by label."""
        w = self.w
        a, z = self._trim(el.sup, w.length)
        label = note_label(w.text_range(a, z))
        if not label or a == z or a == 0:
            return
        before = w.text_range(max(0, a - 1), a)
        if not before or not (before.isalpha() or before in ".,;:!?\"')\u201d\u2019]"):
            return  # `10<sup>6</sup>`, a superscript opening a line (a note's own label)
        if label.isalpha() and len(label) == 1 and not label.isdecimal():
            return  # `1<sup>st</sup>`-like letters are not marks
        w.out.marks.append(Mark(a, z, label, None))

    def _trim(self, a: int, z: int) -> tuple[int, int]:
        if a < 0:
            return z, z
        s = self.w.text_range(a, z)
        lead = len(s) - len(s.lstrip())
        return a + lead, a + max(lead, len(s.rstrip()))

    def _start_pending(self, el: _El) -> None:
        pos = self.w.length
        if el.page is not None and el.anchor:
            el.page.start = el.page.end = pos
            self.w.out.pages.append(el.page)
            el.page = None
        elif el.page is not None:
            el.page.start = pos
        if el.mark is not None:
            el.mark.start = pos
        if el.back is not None:
            el.back = pos
        if el.sup is not None:
            el.sup = pos
        el.pending = False

    # -- text
    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        if not data or (self.stack and self.stack[-1].skip) or any(e.skip for e in self.stack):
            return
        w = self.w
        if w.block is None:
            if not data.strip():
                return
            note_id, in_notes = self._note_context()
            heading = any(e.tag in HEADINGS for e in self.stack)
            if self.orphan is not None and note_id is None and not heading and \
                    re.match(rf"\s*{re.escape(self.links.targets.get(self.orphan) or '?')}\b", data):
                note_id = self.orphan  # the note whose anchor stood alone in the block before, its label first
                for e in reversed(self.stack):
                    if e.block:
                        e.note_id = note_id
                        break
            self.orphan = None
            # a notes section's headings (`<h3>FOOTNOTES:</h3>`, a chapter's) are neither notes nor main text
            kind = "note" if note_id else "notes_heading" if in_notes and heading else "note" if in_notes else (
                "heading" if heading else (
                    "quote" if any(e.tag == "blockquote" for e in self.stack) else "text"))
            w.open(kind, note_id=note_id, label=self.links.targets.get(note_id) if note_id else None)
        for e in self.stack:
            if e.pending:
                self._start_pending(e)
        offset = self._offset()
        if self.close_paren:  # the back link's closing parenthesis goes with it
            self.close_paren = False
            k = data.find(")")
            if k >= 0 and not data[:k].strip():
                last = w.out.removed[-1]
                w.out.removed[-1] = Removed(last.source_start, w.length + k + 1, last.kind)
        if self.pre:
            for i, piece in enumerate(data.split("\n")):
                if i:
                    w.newline()
                w.write(piece.translate(_WS), Region(0, 0, part=self.part, offset=offset))
                offset += len(piece) + 1
        else:
            w.write(data.translate(_WS), Region(0, 0, part=self.part, offset=offset))

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col if line - 1 < len(self.line_starts) else col


def read_part(w: StreamWriter, html: str, part: str, links: Links) -> _Reader:
    r = _Reader(w, part, html, links)
    r.feed(html)
    r.close()
    while r.stack:
        r._end(r.stack.pop())
    w.close()
    return r


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-.]+)""",
                      re.I)


def decode_html(data: bytes, name: str) -> tuple[str, str]:
    """Bytes to text: a byte order mark, else the declared charset, else UTF-8, else cp1252."""
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        m = _CHARSET.search(data[:4096])
        if m:
            enc = (m.group(1) or m.group(2)).decode("ascii").lower()
            try:
                return data.decode(enc), codecs.lookup(enc).name
            except (LookupError, UnicodeDecodeError):
                pass
    return decode(data, name)


def metadata(r: _Reader, ex: Extract) -> None:
    m = markup()
    title = re.sub(r"\s+", " ", "".join(r.title)).strip()
    ex.title = ex.title or title or r.meta.get("dc.title") or None
    ex.author = ex.author or next((r.meta[k] for k in m["author_meta"] if r.meta.get(k)), None)
    ex.date = ex.date or next((r.meta[k] for k in m["date_meta"] if r.meta.get(k)), None)


def read_html(data: bytes, name: str) -> Extract:
    html, encoding = decode_html(data, name)
    links = Links()
    scan(html, name, links)
    finish(links)
    w = StreamWriter("html")
    r = read_part(w, html, name, links)
    ex = w.finish()
    ex.encoding = encoding
    metadata(r, ex)
    if not any(b.kind != "note" for b in ex.blocks):
        if not r.saw_body:
            raise InputError(name, "HTML without a body: no visible text outside the head, scripts and styles")
        raise InputError(name, "HTML body holds no visible text")
    return ex


__all__ = ["Links", "decode_html", "finish", "metadata", "read_html", "read_part", "scan"]
