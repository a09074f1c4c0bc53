"""EPUB 2 and 3: the spine's documents in reading order, read as HTML into one stream.

Printed page labels come from the EPUB 3 navigation `page-list` (or the EPUB 2 NCX `pageList`) and
from `pagebreak` markers in the text; notes from `noteref`/`footnote`/`endnote` semantics or link
patterns, across documents (`ch1.xhtml` pointing to `notes.xhtml#n4`). Title, author and date come
from the package metadata.
"""
from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from urllib.parse import unquote
from xml.etree import ElementTree as ET

from ...errors import InputError
from .extract import Extract, PageMark, StreamWriter
from .html import Links, decode_html, finish, key, metadata, read_part, scan
from .markup import resolve

_NS = {
    "c": "urn:oasis:names:tc:opendocument:xmlns:container",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
    "xhtml": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
}
_HTML_TYPES = {"application/xhtml+xml", "text/html", "application/x-dtbook+xml"}


class _Book:
    def __init__(self, data: bytes, name: str) -> None:
        self.name = name
        try:
            self.zf = zipfile.ZipFile(io.BytesIO(data))
            bad = self.zf.testzip()
        except zipfile.BadZipFile as e:
            raise InputError(name, f"truncated or damaged EPUB: the zip archive cannot be read ({e})") from None
        except (OSError, EOFError, zipfile.LargeZipFile, ValueError, zlib.error, NotImplementedError) as e:
            raise InputError(name, f"truncated or damaged EPUB: {e}") from None
        if bad is not None:
            raise InputError(name, f"truncated or damaged EPUB: {bad} fails its checksum")
        self.names = set(self.zf.namelist())

    def read(self, path: str) -> bytes:
        try:
            return self.zf.read(path)
        except KeyError:
            raise InputError(self.name, f"damaged EPUB: {path} is listed but missing from the archive") from None
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error, NotImplementedError) as e:
            raise InputError(self.name, f"truncated or damaged EPUB: cannot read {path} ({e})") from None

    def xml(self, path: str) -> ET.Element:
        try:
            return ET.fromstring(self.read(path))
        except ET.ParseError as e:
            raise InputError(self.name, f"damaged EPUB: {path} is not well-formed XML ({e})") from None


def _opf_path(book: _Book) -> str:
    if "META-INF/container.xml" not in book.names:
        raise InputError(book.name, "a zip archive but not an EPUB: no META-INF/container.xml")
    root = book.xml("META-INF/container.xml")
    rf = root.find(".//c:rootfile", _NS)
    path = rf.get("full-path") if rf is not None else None
    if not path or path not in book.names:
        raise InputError(book.name, "damaged EPUB: META-INF/container.xml names no package file in the archive")
    return path


def _encrypted(book: _Book, spine: list[str]) -> None:
    """Content documents listed in META-INF/encryption.xml (DRM) cannot be read; obfuscated fonts can stay."""
    if "META-INF/encryption.xml" not in book.names:
        return
    root = book.xml("META-INF/encryption.xml")
    locked = {unquote(el.get("URI", "")) for el in root.iter() if el.tag.endswith("CipherReference")}
    if locked & set(spine):
        raise InputError(book.name, "encrypted EPUB (DRM): its text documents cannot be read")


def _text(el: ET.Element | None) -> str | None:
    if el is None or el.text is None:
        return None
    return re.sub(r"\s+", " ", el.text).strip() or None


def read_epub(data: bytes, name: str) -> Extract:
    book = _Book(data, name)
    opf = _opf_path(book)
    root = book.xml(opf)
    base = posixpath.dirname(opf)
    manifest = {}
    for it in root.findall("opf:manifest/opf:item", _NS):
        href = it.get("href")
        if href:
            path = posixpath.normpath(posixpath.join(base, unquote(href)))
            manifest[it.get("id")] = (path, it.get("media-type", ""), set((it.get("properties") or "").split()))
    spine_el = root.find("opf:spine", _NS)
    if spine_el is None:
        raise InputError(name, "damaged EPUB: the package has no spine (no reading order)")
    linear, extra = [], []
    for ref in spine_el.findall("opf:itemref", _NS):
        item = manifest.get(ref.get("idref"))
        if item and item[1] in _HTML_TYPES:
            (extra if ref.get("linear") == "no" else linear).append(item[0])
    spine = linear + extra  # out-of-flow documents (often the notes) after the flow
    if not spine:
        raise InputError(name, "damaged EPUB: the spine lists no text documents")
    _encrypted(book, spine)

    links = Links()
    whole_pages = _page_list(book, manifest, spine_el, links)
    texts = []
    for path in spine:
        html, _ = decode_html(book.read(path), f"{name}:{path}")
        texts.append(html)
        scan(html, path, links)
    finish(links)
    w = StreamWriter("epub")
    readers = []
    for path, html in zip(spine, texts, strict=True):
        for label in whole_pages.get(path, []):
            w.close()
            w.out.pages.append(PageMark(w.length, w.length, label))
        readers.append(read_part(w, html, path, links))
        w.close()
    ex = w.finish()
    md = root.find("opf:metadata", _NS)
    if md is not None:
        ex.title = _text(md.find("dc:title", _NS))
        authors = [t for t in (_text(c) for c in md.findall("dc:creator", _NS)) if t]
        ex.author = "; ".join(authors) or None
        ex.date = _text(md.find("dc:date", _NS))
    for r in readers:
        metadata(r, ex)
    if not any(b.kind != "note" for b in ex.blocks):
        raise InputError(name, "EPUB without text: its spine documents hold no visible text")
    return ex


def _page_list(book: _Book, manifest: dict, spine_el: ET.Element, links: Links) -> dict[str, list[str]]:
    """Page anchors from the EPUB 3 nav `page-list` or the EPUB 2 NCX `pageList`.

    Fills `links.pages` (anchor key -> label); returns labels of pages that begin a whole document.
    """
    whole: dict[str, list[str]] = {}

    def add(doc_path: str, href: str, label: str | None) -> None:
        label = (label or "").strip()
        if not label or not href:
            return
        where = resolve(doc_path, href)
        if where is not None:
            links.pages.setdefault(key(*where), label)
        else:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(doc_path), unquote(href.split("#")[0])))
            whole.setdefault(target, []).append(label)

    nav = next((p for p, _, props in manifest.values() if "nav" in props), None)
    if nav and nav in book.names:
        root = book.xml(nav)
        for el in root.iter(f"{{{_NS['xhtml']}}}nav"):
            if "page-list" in (el.get(f"{{{_NS['epub']}}}type") or "").split():
                for a in el.iter(f"{{{_NS['xhtml']}}}a"):
                    add(nav, a.get("href", ""), "".join(a.itertext()))
    toc = manifest.get(spine_el.get("toc") or "")
    if not links.pages and not whole and toc and toc[0] in book.names:
        root = book.xml(toc[0])
        for pt in root.iter(f"{{{_NS['ncx']}}}pageTarget"):
            label = pt.find("ncx:navLabel/ncx:text", _NS)
            content = pt.find("ncx:content", _NS)
            add(toc[0], content.get("src", "") if content is not None else "",
                label.text if label is not None else pt.get("value"))
    return whole
