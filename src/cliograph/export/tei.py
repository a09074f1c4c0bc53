"""TEI P5: the text with `<pb/>`, note references and notes, names, quotations and dates marked inline;
actors and events in `<standOff>`. Every marked element keeps its source offsets (`cg:src`).
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from ..model import Document
from ..model.spans import offset_map
from ..store.cite import Citer
from ..store.dates import value_range
from .inline import blocks, tokens

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
CG_NS = "urn:cliograph:1"
ET.register_namespace("", TEI_NS)
ET.register_namespace("cg", CG_NS)

NAME_ELEMENT = {"PERSON": "persName", "GPE": "placeName", "LOC": "placeName", "FAC": "placeName",
                "ORG": "orgName", "NORP": "orgName"}
LIST_ELEMENT = {"persName": ("listPerson", "person"), "placeName": ("listPlace", "place"),
                "orgName": ("listOrg", "org"), "name": ("listObject", "object")}
_ISO = re.compile(r"^-?\d{4}(-\d{2}(-\d{2})?)?$")
_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _t(name: str) -> str:
    return f"{{{TEI_NS}}}{name}"


def _clean(text: str) -> str:
    return _BAD_XML.sub("\ufffd", text)


def _xml_id(doc_key: str, local: str) -> str:
    return f"{doc_key}-{re.sub(r'[^A-Za-z0-9_.-]', '_', local)}"


def _src(span) -> str:
    return f"{span.source_start}-{span.source_end}"


class _Writer:
    def __init__(self, doc: Document, key: str) -> None:
        self.doc, self.key = doc, key
        self.actor_ids = {a.id: _xml_id(key, a.id) for a in doc.actors}
        self.note_ids = {n.id: _xml_id(key, n.id) for n in doc.notes}
        self.citer = Citer(doc)

    def ref(self, local: str | None) -> str | None:
        return "#" + self.actor_ids[local] if local in self.actor_ids else None

    def open_element(self, parent: ET.Element, mark) -> ET.Element:
        d = mark.data
        if mark.kind == "actor":
            tag = NAME_ELEMENT.get(d.type, "name")
            el = ET.SubElement(parent, _t(tag), {"ref": self.ref(d.id)})
            if tag == "name" or d.type == "NORP":
                el.set("type", d.type.lower())
        elif mark.kind == "quote":
            if d.kind == "speech":
                el = ET.SubElement(parent, _t("q"), {"type": "speech", f"{{{XML_NS}}}id": _xml_id(self.key, d.id)})
                for attr, val in (("who", self.ref(d.speaker)), ("toWhom", self.ref(d.addressee))):
                    if val:
                        el.set(attr, val)
            else:
                el = ET.SubElement(parent, _t("soCalled"), {f"{{{XML_NS}}}id": _xml_id(self.key, d.id)})
        elif mark.kind == "timex":
            el = ET.SubElement(parent, _t("date"), {f"{{{XML_NS}}}id": _xml_id(self.key, d.id), "type": d.type})
            rng = value_range(d.value)
            if d.type == "DURATION" and d.value:
                el.set("dur", d.value)
            elif _ISO.match(d.value or ""):
                el.set("when", d.value)
            elif rng:
                el.set("notBefore", rng[0])
                el.set("notAfter", rng[1])
            if d.value and not _ISO.match(d.value):
                el.set("subtype", d.value)
        else:  # event trigger
            el = ET.SubElement(parent, _t("seg"), {"type": "event", "corresp": "#" + _xml_id(self.key, d.id)})
        el.set(f"{{{CG_NS}}}src", self.span_src(mark))
        return el

    def span_src(self, mark) -> str:
        a, z = offset_map(self.doc).source_span(mark.start, mark.end)
        return f"{a}-{z}"

    def point(self, parent: ET.Element, point) -> ET.Element:
        if point.kind == "page":
            return ET.SubElement(parent, _t("pb"), {"n": point.data.label})
        r = point.data
        el = ET.SubElement(parent, _t("ref"), {"type": "noteAnchor", "n": r.label, f"{{{CG_NS}}}src": _src(r)})
        if r.note in self.note_ids:
            el.set("target", "#" + self.note_ids[r.note])
        el.text = r.label
        return el

    def fill(self, parent: ET.Element, block) -> None:
        """Append the block's text and inline elements to `parent` (text and tails as ElementTree wants)."""
        stack = [parent]
        last: ET.Element | None = None  # the element whose tail receives the next text

        def add_text(s: str) -> None:
            s = _clean(s)
            if last is not None:
                last.tail = (last.tail or "") + s
            else:
                stack[-1].text = (stack[-1].text or "") + s

        for kind, val in tokens(self.doc.text, block):
            if kind == "text":
                add_text(val)
            elif kind == "point":
                last = self.point(stack[-1], val)
            elif kind == "open":
                el = self.open_element(stack[-1], val)
                stack.append(el)
                last = None
            else:
                last = stack.pop()


def _header(doc: Document) -> ET.Element:
    header = ET.Element(_t("teiHeader"))
    fd = ET.SubElement(header, _t("fileDesc"))
    ts = ET.SubElement(fd, _t("titleStmt"))
    ET.SubElement(ts, _t("title")).text = _clean(doc.source.title or doc.source.name)
    if doc.source.author:
        ET.SubElement(ts, _t("author")).text = _clean(doc.source.author)
    ps = ET.SubElement(fd, _t("publicationStmt"))
    ET.SubElement(ps, _t("p")).text = "Converted by cliograph from the source named below."
    sd = ET.SubElement(fd, _t("sourceDesc"))
    bibl = ET.SubElement(sd, _t("bibl"))
    ET.SubElement(bibl, _t("title")).text = _clean(doc.source.name)
    ET.SubElement(bibl, _t("idno"), {"type": "sha256"}).text = doc.source.sha256
    if doc.source.date:
        ET.SubElement(bibl, _t("date"), {"when": doc.source.date} if _ISO.match(doc.source.date) else {}).text = (
            doc.source.date)
    return header


def _stand_off(w: _Writer) -> ET.Element:
    doc = w.doc
    so = ET.Element(_t("standOff"))
    lists: dict[str, ET.Element] = {}
    for a in doc.actors:
        tag = NAME_ELEMENT.get(a.type, "name")
        list_tag, item_tag = LIST_ELEMENT[tag]
        if list_tag not in lists:
            lists[list_tag] = ET.SubElement(so, _t(list_tag))
        item = ET.SubElement(lists[list_tag], _t(item_tag), {f"{{{XML_NS}}}id": w.actor_ids[a.id]})
        if item_tag == "object":
            item.set("type", a.type.lower())
        ET.SubElement(item, _t(tag if tag != "name" else "name"), {"type": "canonical"}).text = _clean(a.name)
        for alias in a.aliases:
            ET.SubElement(item, _t(tag), {"type": "alias"}).text = _clean(alias)
        for title in a.titles:
            ET.SubElement(item, _t("roleName")).text = _clean(title)
        if a.gazetteer_id:
            ET.SubElement(item, _t("idno"), {"type": "gazetteer"}).text = _clean(a.gazetteer_id)
    if doc.events:
        le = ET.SubElement(so, _t("listEvent"))
        for e in doc.events:
            attrs = {f"{{{XML_NS}}}id": _xml_id(w.key, e.id)}
            if e.category:
                attrs["type"] = e.category
            if e.date and _ISO.match(e.date):
                attrs["when"] = e.date
            elif e.date and value_range(e.date):
                attrs["notBefore"], attrs["notAfter"] = value_range(e.date)
            ev = ET.SubElement(le, _t("event"), attrs)
            ET.SubElement(ev, _t("label")).text = _clean(e.predicate)
            desc = ET.SubElement(ev, _t("desc"))
            for role, local, text in (("agent", e.agent, e.agent_text), ("patient", e.patient, e.patient_text)):
                if local or text:
                    el = ET.SubElement(desc, _t("name"), {"role": role})
                    if w.ref(local):
                        el.set("ref", w.ref(local))
                    name = next((a.name for a in doc.actors if a.id == local), None)
                    el.text = _clean(text or name or "")
            if e.negated:
                ET.SubElement(desc, _t("note"), {"type": "negated"}).text = "negated"
            page = e.page or w.citer.page(e.trigger.start)
            bibl = ET.SubElement(ev, _t("bibl"), {f"{{{CG_NS}}}src": _src(e.sentence)})
            if page:
                ET.SubElement(bibl, _t("citedRange"), {"unit": "page", "n": page}).text = page
            for label in e.notes:
                ET.SubElement(bibl, _t("citedRange"), {"unit": "note", "n": label}).text = label
            ET.SubElement(bibl, _t("quote")).text = _clean(e.sentence.text)
    return so


def document_element(doc: Document, key: str | None = None) -> ET.Element:
    key = key or "d" + doc.source.sha256[:8]
    w = _Writer(doc, key)
    tei = ET.Element(_t("TEI"), {f"{{{XML_NS}}}id": key})
    tei.append(_header(doc))
    text = ET.SubElement(tei, _t("text"))
    body = ET.SubElement(ET.SubElement(text, _t("body")), _t("div"))
    notes_div = None
    for block in blocks(doc):
        if block.kind == "p":
            w.fill(ET.SubElement(body, _t("p")), block)
            continue
        if notes_div is None:
            notes_div = ET.SubElement(ET.SubElement(text, _t("back")), _t("div"), {"type": "notes"})
        note = block.note
        attrs = {"place": "end"}
        if note is not None:
            attrs.update({f"{{{XML_NS}}}id": w.note_ids[note.id], "n": note.label})
        w.fill(ET.SubElement(notes_div, _t("note"), attrs), block)
    if doc.actors or doc.events:
        tei.insert(1, _stand_off(w))  # after the header, before the text
    return tei


def to_tei(docs: Iterable[Document]) -> str:
    """One `<TEI>` for one document, a `<teiCorpus>` for several; a complete XML document."""
    elements = [document_element(d, key=f"d{i + 1}") for i, d in enumerate(docs)]
    if len(elements) == 1:
        root = elements[0]
    else:
        root = ET.Element(_t("teiCorpus"))
        fd = ET.SubElement(ET.SubElement(root, _t("teiHeader")), _t("fileDesc"))
        ET.SubElement(ET.SubElement(fd, _t("titleStmt")), _t("title")).text = f"{len(elements)} documents"
        ET.SubElement(ET.SubElement(fd, _t("publicationStmt")), _t("p")).text = "Converted by cliograph."
        ET.SubElement(ET.SubElement(fd, _t("sourceDesc")), _t("p")).text = "The documents below, each with its source."
        root.extend(elements)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
