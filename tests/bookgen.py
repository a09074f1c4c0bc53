"""Books of our own making in the marker and note styles digitized books carry, with their gold.

A book is pages of hard-wrapped prose; page markers stand on their own line between paragraphs, on
their own line inside a paragraph, or inline mid-sentence; note anchors follow sentence ends and
their bodies sit where each style puts them. The gold is kept as the structure evaluation keeps it:
each page's content runs from its marker's end to the next marker's start, each anchor and body is a
source span.
"""
from __future__ import annotations

import random
import re
import textwrap

WORDS = ("the council met again in the spring and the envoys brought letters from the northern towns "
         "which asked for grain and for soldiers while the merchants of the coast refused to pay the new "
         "tax until the old debts were settled by the treasury of the kingdom and its governors").split()
_ANCHOR = re.compile(r"\[([A-Z]|\d+)\]|([\u2070\u00b9\u00b2\u00b3\u2074-\u2079]+)|(?<=\.) (\d+)(?=[ \r\n]|$)")
ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]

MARKERS = {  # style -> (own-line form, inline form or None)
    "braces": ("{%s}", "{%s}"),
    "pg": ("[Pg %s]", "[Pg %s]"),
    "page": ("[Page %s]", "[Page %s]"),
    "p": ("[p. %s]", None),
    "dashes": ("-- %s --", None),
    "specimen": ("page_%s\nPage %s", None),
    "head": ("%s    A PLAIN HISTORY", None),
    "formfeed_head": ("\f%s    A PLAIN HISTORY", None),  # OCR text: a form feed, then a running head
    "formfeed_folio": ("\f%s", None),  # a folio alone atop each page
    "folio_formfeed": ("%s\f", None),  # a folio alone at each page's foot
    "hathi": ("## p. %s (#1) " + "#" * 40, None),  # a digital library's page separator
    "bracket": ("[%s]", "[%s]"),  # page numbers in bare brackets
}
NOTES = ("bracket_para", "footnote_block", "letters", "footnotes_section", "superscript", "endnote_numbers")
SUP_DIGITS = {str(d): c for d, c in enumerate("\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")}
SUP = str.maketrans("0123456789", "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
    return " ".join(words).capitalize() + "."


class Book:
    def __init__(self, marker: str, notes: str, nl: str = "\n", seed: int = 0, pages: int = 24,
                 messy: bool = False) -> None:
        self.rng = random.Random(seed)
        self.messy = messy  # captions and sidenotes between paragraphs, words hyphenated across page
        # breaks, notes of two paragraphs
        self.nl = nl
        self.own, self.inline = MARKERS[marker]
        self.notes = notes
        self.parts: list[str] = []
        self.pos = 0
        self.pages: list[dict] = []  # label, marker start/end
        self.anchors: list[dict] = []
        self.bodies: list[dict] = []
        self.pending: list[tuple[str, str]] = []  # (label, body) for a chapter-end section
        self.n_notes = 0
        self._build(pages)

    def _put(self, s: str) -> tuple[int, int]:
        a = self.pos
        self.parts.append(s)
        self.pos += len(s)
        return a, self.pos

    def _marker(self, label: str, inline: bool) -> None:
        form = self.inline if inline else self.own
        if not inline:
            self._put(self.nl)
        a, z = self._put((form % ((label,) * form.count("%s"))).replace("\n", self.nl))
        self.pages.append({"label": label, "start": a, "end": z})
        self._put(" " if inline else self.nl)

    def _label(self) -> str:
        self.n_notes += 1
        if self.notes == "letters":
            return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[(self.n_notes - 1) % 26]
        return str(self.n_notes)

    def _paragraph(self, page_inside: str | None) -> list[tuple[str, str]]:
        """Write one paragraph; a page marker inside it when `page_inside` is given. Returns notes to place."""
        rng = self.rng
        sentences = [_sentence(rng) for _ in range(rng.randint(3, 7))]
        notes = []
        if rng.random() < 0.3:
            k = rng.randrange(len(sentences))
            label = self._label()
            notes.append((label, _sentence(rng)))
            sentences[k] += {"superscript": label.translate(SUP), "endnote_numbers": f"\x00{label}"}.get(
                self.notes, f"[{label}]")  # endnote numbers: a number after the sentence, as OCR reads it
        # "\x00" holds an endnote number to its sentence while the lines are wrapped
        lines = [ln.replace("\x00", " ") for ln in textwrap.wrap(" ".join(sentences), 68, break_on_hyphens=False)]
        cut = rng.randrange(1, len(lines)) if page_inside and len(lines) > 1 else None
        inline_ok = page_inside and self.inline and rng.random() < 0.5
        if cut is not None and self.messy and not inline_ok and rng.random() < 0.5:
            lines[cut - 1] += " govern-"  # a word cut by the page break: `governors` when joined
            lines[cut] = "ors " + lines[cut]
        for i, line in enumerate(lines):
            if cut is not None and i == cut and not inline_ok:
                self._marker(page_inside, inline=False)
            if cut is not None and i == cut and inline_ok:
                words = line.split(" ")
                j = rng.randrange(1, len(words)) if len(words) > 1 else 0
                self._emit_line(" ".join(words[:j]) + " ")
                self._marker(page_inside, inline=True)
                self._emit_line(" ".join(words[j:]) + self.nl)
                continue
            self._emit_line(line + self.nl)
        return notes

    def _emit_line(self, line: str) -> None:
        a = self.pos
        self._put(line)
        for m in _ANCHOR.finditer(line):
            if m.group(3):  # a number after a sentence: the mark is the number, not its space
                self.anchors.append({"label": m.group(3), "start": a + m.start(3), "end": a + m.end(3)})
                continue
            label = m.group(1) or m.group(2).translate({ord(v): k for k, v in SUP_DIGITS.items()})
            self.anchors.append({"label": label, "start": a + m.start(), "end": a + m.end()})

    def _bodies(self, notes: list[tuple[str, str]]) -> None:
        for label, body in notes:
            self._put(self.nl)
            if self.notes in ("footnote_block", "letters"):
                more = f"{self.nl * 2}{_sentence(self.rng)}" if self.messy and self.rng.random() < 0.4 else ""
                text = f"[Footnote {label}: {body}{more}]"
            elif self.notes in ("superscript", "endnote_numbers"):
                text = f"{label}. {body}"
            else:
                text = f"[{label}] {body}"
            wrapped = (self.nl * 2).join(self.nl.join(textwrap.wrap(t, 68)) for t in text.split(self.nl * 2))
            a, z = self._put(wrapped)
            self.bodies.append({"label": label, "start": a, "end": z})
            self._put(self.nl)

    def _build(self, pages: int) -> None:
        rng = self.rng
        self._put("A PLAIN HISTORY OF THE KINGDOM" + self.nl + self.nl)
        labels = ROMAN[1:4] + [str(i) for i in range(1, pages - 2)]
        for n, label in enumerate(labels):
            for _ in range(rng.randint(2, 4)):
                notes = self._paragraph(None)
                self._place(notes)
                self._put(self.nl)
                if self.messy and rng.random() < 0.15:
                    self._put(rng.choice(["[Illustration: THE TOWN HALL AND MARKET]", "[Sidenote: The new tax.]"])
                              + self.nl + self.nl)
            if label == "1":
                self._marker(label, inline=False)
                self._put(self.nl + "CHAPTER I" + self.nl + self.nl)
                continue
            if rng.random() < 0.5 and n > 0:
                notes = self._paragraph(label)  # the page turns inside this paragraph
                self._place(notes)
                self._put(self.nl)
            else:
                self._marker(label, inline=False)
                self._put(self.nl)
        self._place(self._paragraph(None))
        if self.pending:
            self._put(self.nl + ("FOOTNOTES:" if self.notes == "footnotes_section" else "NOTES") + self.nl)
            self._bodies(self.pending)
        self.text = "".join(self.parts)

    def _place(self, notes: list[tuple[str, str]]) -> None:
        if self.notes in ("footnotes_section", "superscript", "endnote_numbers"):
            self.pending += notes
        elif notes:
            self._bodies(notes)

    def gold_pages(self) -> list[dict]:
        out = []
        for i, p in enumerate(self.pages):
            end = self.pages[i + 1]["start"] if i + 1 < len(self.pages) else len(self.text)
            out.append({**p, "content_start": p["end"], "content_end": end})
        return out


def score(book: Book, doc) -> dict:
    """The structure evaluation's figures for one analysed book."""
    def ov(a, b, c, d):
        return max(0, min(b, d) - max(a, c))

    refs = doc.note_refs
    tp = sum(any(ov(r.source_start, r.source_end, g["start"], g["end"]) and r.label == g["label"] for r in refs)
             for g in book.anchors)
    notes = {n.id: n for n in doc.notes}
    linked = 0
    for g, body in zip(book.anchors, book.bodies, strict=True):  # both in the order the notes were made
        for r in refs:
            if ov(r.source_start, r.source_end, g["start"], g["end"]) and r.note in notes:
                n = notes[r.note]
                linked += ov(n.source_start, n.source_end, body["start"], body["end"]) > 0
                break
    pages_ok = 0
    for g in book.gold_pages():
        for p in doc.pages:
            inter = ov(p.source_start, p.source_end, g["content_start"], g["content_end"])
            union = max(p.source_end, g["content_end"]) - min(p.source_start, g["content_start"])
            if p.label == g["label"] and union and inter / union >= 0.9:
                pages_ok += 1
                break
    n_refs = len(refs)
    return {
        "note_ref_p": tp / n_refs if n_refs else 1.0,
        "note_ref_r": tp / len(book.anchors) if book.anchors else 1.0,
        "note_links_acc": linked / len(book.anchors) if book.anchors else 1.0,
        "pages_acc": pages_ok / len(book.pages),
        "markers_left": sum(book.text[g["start"]:g["end"]] in doc.text for g in book.pages),
    }
