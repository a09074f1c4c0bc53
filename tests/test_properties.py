"""Property tests: arbitrary text with injected markers and note marks keeps every offset exact."""
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cliograph.ingest import ingest_bytes
from cliograph.model import make_span

WORDS = st.sampled_from(["the", "Treaty", "of", "Rome", "was", "signed", "China' s", "inter-", "national", "in",
                         "1957", "July", "16", "\u201cquoted\u201d", "caf\u00e9", "e\ufb03cient", "--", "(note)"])
ENDS = st.sampled_from([".", ",", "", ";", "?"])
APPARATUS = st.sampled_from(["\npage_{n}\nPage {n}\n", " {{{n}}} ", "\n[p. {n}]\n", "\n\n", "\n", ". {k} ",
                             ".[{k}] ", "\n{k}\n", "\f", "\r\n", " [Pg\n{n}] ", "\n[Page\n{n}]\n"])


@st.composite
def documents(draw):
    parts, n, k = [], 10, 1
    for _ in range(draw(st.integers(3, 40))):
        parts.append(" ".join(draw(st.lists(WORDS, min_size=1, max_size=12))) + draw(ENDS))
        if draw(st.booleans()):
            app = draw(APPARATUS)
            parts.append(app.format(n=n, k=k))
            n += "{n}" in app
            k += "{k}" in app
    return "Opening words.\n" + "".join(parts) + "\nClosing words.\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_offsets_are_exact(src):
    doc = ingest_bytes(src.encode(), "prop.txt")
    text = doc.text
    n = len(src)
    spans = [*doc.pages, *doc.note_refs, *doc.notes]
    for sp in spans:
        assert text[sp.start:sp.end] == sp.text
        assert 0 <= sp.source_start <= sp.source_end <= n
    for seq in (doc.pages, doc.note_refs):
        starts = [s.source_start for s in seq if not getattr(s, "inferred", False)]
        assert starts == sorted(starts)
    # every clean span maps back inside the source, in order (a span of the main flow or of one note: the
    # notes' bodies stand earlier in the source than the main flow's end)
    regions = [(0, doc.main_end)] + [(note.start, note.end) for note in doc.notes]
    for a in range(0, len(text), max(1, len(text) // 50)):
        inside = [z for r0, z in regions if r0 <= a < z]
        if inside:
            sp = make_span(doc, a, min(a + 7, inside[0]))
            assert 0 <= sp.source_start <= sp.source_end <= n
    # only apparatus is removed: every word character of the source survives, except in marks and markers
    removed = sorted((r.source_start, r.source_end) for r in doc.removed)
    kept = [c for i, c in enumerate(src) if c.isalpha() and not any(a <= i < b for a, b in removed)]
    clean_letters = [c for c in text if c.isalpha()]
    assert len(clean_letters) >= len(kept) - sum(len(r.from_) for r in doc.repairs)
    for r in doc.repairs:
        assert src[r.source_start:r.source_end] == r.from_


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=400))
def test_any_text_never_crashes(src):
    from cliograph.errors import InputError

    try:
        doc = ingest_bytes(src.encode("utf-8"), "any.txt")
    except InputError:
        return
    for sp in [*doc.pages, *doc.note_refs, *doc.notes]:
        assert doc.text[sp.start:sp.end] == sp.text


SPACED = st.sampled_from(["the", "Treaty", "of", "Rome", "was", "signed", "in", "1957.", "end.  Next", "a\tb",
                          "four years' struggle", "inter-", "Sino-", "Soviet", "16", "note.[2]", "said. 3",
                          " {12} ", "[Pg 40]", "(note)", "--", "\u2014", "caf\u00e9"])
BREAKS = st.sampled_from(["\n", "\r\n", "  \n  ", "\n\n", "\r\n\r\n", "\n\t", " \n", "\n[p. 7]\n",
                          "\npage_9\nPage 9\n", "\f", "\n-- 12 --\n", "\n3\n"])


@st.composite
def wrapped_texts(draw):
    parts = []
    for _ in range(draw(st.integers(2, 30))):
        parts.append(" ".join(draw(st.lists(SPACED, min_size=1, max_size=9))))
        parts.append(draw(BREAKS))
    return "".join(parts)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(wrapped_texts())
def test_whole_paragraph_path_equals_line_path(src):
    """Paragraphs taken whole (`ingest.plain`) come out exactly as the line-by-line path makes them."""
    import hashlib

    from cliograph.ingest.build import build
    from cliograph.model import document_to_dict

    b = sys.modules["cliograph.ingest.build"]
    sha = hashlib.sha256(src.encode()).hexdigest()
    fast = document_to_dict(build(src, "p.txt", sha, "utf-8"))
    saved = b.plain_cuts, b.bare
    b.plain_cuts, b.bare = (lambda *a: None), (lambda *a: False)
    try:
        slow = document_to_dict(build(src, "p.txt", sha, "utf-8"))
    finally:
        b.plain_cuts, b.bare = saved
    assert fast == slow
