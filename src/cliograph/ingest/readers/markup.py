"""Markup vocabulary (readers/data/markup.json) and small helpers shared by the HTML and EPUB readers."""
from __future__ import annotations

import json
import posixpath
import re
from functools import lru_cache
from importlib import resources
from urllib.parse import unquote

from ..vocab import ROMAN


@lru_cache(maxsize=1)
def markup() -> dict:
    data = resources.files("cliograph.ingest.readers").joinpath("data/markup.json").read_text("utf-8")
    out = json.loads(data)
    out["page_id_re"] = re.compile(out["page_id_pattern"], re.I)
    for k, v in list(out.items()):
        if isinstance(v, list):
            out[k] = frozenset(v) if k != "note_id_hints" else tuple(v)
    return out


def has(attrs: dict, key: str, vocab_key: str) -> bool:
    """True when the attribute `key` (class, epub:type, role) holds a token from the vocabulary list."""
    value = attrs.get(key)
    return bool(value) and not markup()[vocab_key].isdisjoint(value.lower().split())


def typed(attrs: dict, vocab_key: str) -> bool:
    """epub:type or role names one of the vocabulary's types."""
    return has(attrs, "epub:type", vocab_key) or has(attrs, "role", vocab_key)


_LABEL = re.compile(r"^[\[(]?\s*(\d{1,3}|[*\u2020\u2021\u00a7\u00b6\u2016]{1,3}|[a-z])\s*[\])]?\.?$")
_PAGE_LABEL = re.compile(r"(\d{1,5}|[ivxlcdm]{1,8})\W*$", re.I)


def note_label(text: str) -> str | None:
    """`1`, `[12]`, `(3)`, `*`, `a`: the label of a note mark, or None for other link text."""
    m = _LABEL.match(text.strip())
    return m.group(1) if m else None


def page_label(text: str | None) -> str | None:
    """The page label in a marker's text or attribute: `[Pg 26]`, `Page 26`, `xiv`, `page_26`."""
    if not text:
        return None
    t = text.strip()
    m = markup()["page_id_re"].match(t)
    if m:
        return m.group("label")
    m = _PAGE_LABEL.search(t)
    if not m:
        return None
    label = m.group(1)
    if not label.isdecimal() and not ROMAN.match(label):
        return None
    before = t[:m.start()]
    if before and before[-1].isalnum():
        return None  # part of a word (`p26x`, `Chapter12`) rather than a label
    return label


def resolve(part: str, href: str) -> tuple[str, str] | None:
    """(file, fragment) an href points to, relative to `part`; None when it has no fragment."""
    if "#" not in href or href.startswith(("http:", "https:", "mailto:")):
        return None
    path, frag = href.split("#", 1)
    if not frag:
        return None
    if path:
        path = posixpath.normpath(posixpath.join(posixpath.dirname(part), unquote(path)))
    else:
        path = part
    return path, unquote(frag)
