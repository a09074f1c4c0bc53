"""The clean text for a person: page marks `[p. 26]` and note marks `[n. 88]` put back in place."""
from __future__ import annotations

from ..model import Document


def marked_text(doc: Document) -> str:
    inserts: list[tuple[int, int, str]] = []  # (clean offset, order, mark)
    for p in doc.pages:
        if p.label:  # front matter before page 1 has no label
            inserts.append((p.start, 0, f"[p. {p.label}] "))
    for r in doc.note_refs:
        if r.start <= doc.main_end:
            inserts.append((r.start, 1, f" [n. {r.label}]"))
    inserts.sort()
    out, pos = [], 0
    main = doc.text[:doc.main_end]
    for at, _, mark in inserts:
        at = min(at, len(main))
        out.append(main[pos:at])
        if mark[0] == " " and main[at - 1:at] in (" ", "\n", ""):
            mark = mark[1:] + (" " if main[at:at + 1] not in (" ", "\n", "") else "")  # a mark after a space
        out.append(mark)
        pos = at
    out.append(main[pos:])
    text = "".join(out)
    if doc.notes:
        text += "\n\nNotes\n"
        for n in doc.notes:
            page = f" (p. {n.page})" if n.page else ""
            text += f"\n[n. {n.label}]{page} {n.text}\n"
    return text
