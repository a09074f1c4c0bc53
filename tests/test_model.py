import json

from cliograph.ingest import ingest_bytes
from cliograph.model import (
    SCHEMA,
    Actor,
    Event,
    Mention,
    OffsetMap,
    Quote,
    Span,
    TimeExpr,
    document_from_dict,
    document_to_dict,
    dumps,
    loads,
    make_span,
)

TEXT = b"The talks began.\npage_5\nPage 5\nThey went on. 12\nNew things were said and China' s case stood.\n"


def test_round_trip_equal():
    doc = ingest_bytes(TEXT, "t.txt")
    doc.actors.append(Actor(id="a1", name="China", type="GPE", mentions=[make_span(doc, 0, 3, Mention, label="GPE")]))
    doc.quotes.append(Quote(start=0, end=3, source_start=0, source_end=3, text="The", id="q1", notes=["12"]))
    doc.timex.append(TimeExpr(start=4, end=9, source_start=4, source_end=9, text=doc.text[4:9], id="t1",
                              value="1960", mod=None))
    sp = make_span(doc, 0, 3)
    doc.events.append(Event(id="e1", trigger=sp, sentence=sp, predicate="talk", category="CONSULT"))
    again = loads(dumps(doc))
    assert again == doc
    assert document_from_dict(json.loads(json.dumps(document_to_dict(doc)))) == doc


def test_contract_keys():
    data = document_to_dict(ingest_bytes(TEXT, "t.txt"))
    assert data["schema"] == SCHEMA
    for key in ("source", "text", "partial_start", "partial_end", "pages", "paragraphs", "note_refs", "notes",
                "removed", "repairs", "actors", "quotes", "timex", "events"):
        assert key in data
    assert set(data["source"]) >= {"name", "sha256", "chars"}
    rep = data["repairs"][0]
    assert rep["from"] == "China' s" and rep["to"] == "China's" and rep["rule"] == "spaced_apostrophe"
    for p in data["pages"]:
        assert set(p) >= {"start", "end", "source_start", "source_end", "text", "label", "inferred"}


def test_unknown_fields_are_ignored_and_wrong_schema_refused():
    data = document_to_dict(ingest_bytes(TEXT, "t.txt"))
    data["future_field"] = 1
    data["pages"][0]["colour"] = "red"
    assert document_from_dict(data).pages[0].label == data["pages"][0]["label"]
    data["schema"] = "cliograph/0"
    try:
        document_from_dict(data)
    except ValueError as e:
        assert "cliograph/1" in str(e)
    else:
        raise AssertionError("schema not checked")


def test_offset_map_exact_and_replaced():
    m = OffsetMap()
    m.add(0, 0, 5, 5, True)  # "China"
    m.add(5, 5, 1, 1, True)  # "'"
    m.add(6, 6, 0, 1, False)  # space dropped
    m.add(6, 7, 1, 1, True)  # "s"
    m.add(7, 8, 1, 2, False)  # "\r\n" -> " "
    assert m.source_span(0, 7) == (0, 8)
    assert m.source_span(7, 8) == (8, 10)
    assert m.source_span(3, 3) == (3, 3)
    assert m.clean_offset(7) == 6


def test_span_class_is_plain():
    assert Span(0, 1, 0, 1, "a").text == "a"


def test_clean_offset_same_whether_segments_follow_the_source_or_not():
    """A map built in source order answers without an index; one with notes moved after the main flow
    (segments out of source order) answers from its index; both as a fresh map read from JSON does."""
    ordered = OffsetMap()
    moved = OffsetMap()
    for m in (ordered, moved):
        m.add(0, 0, 10, 10, True)
        m.add(10, 10, 1, 3, False)  # "\r\n " -> " "
        m.add(11, 13, 20, 20, True)
        m.extend([[31, 33, 1, 2, 0], [32, 35, 5, 5, 1]])
    moved.add(37, 60, 8, 8, True)  # a note body from later in the source...
    moved.add(45, 45, 4, 4, True)  # ...and main text from before it: out of source order
    ordered.add(37, 60, 8, 8, True)
    assert ordered._ordered and not moved._ordered
    def by_index(m, pos):  # the general lookup: segments sorted by source start, bisect on their ends
        from bisect import bisect_right

        order = sorted(range(len(m.segments)), key=lambda i: m.segments[i][1])
        k = bisect_right([m.segments[i][1] + m.segments[i][3] for i in order], pos)
        if k == len(order):
            return max(s[0] + s[2] for s in m.segments)
        c0, s0, n, _, exact = m.segments[order[k]]
        return c0 if pos <= s0 else c0 + (pos - s0 if exact else n)

    for pos in range(0, 75):
        for m in (ordered, moved):
            assert m.clean_offset(pos) == by_index(m, pos), (pos, m.segments)
            assert OffsetMap([list(s) for s in m.segments]).clean_offset(pos) == by_index(m, pos)
    assert ordered.clean_offset(11) == 11 and ordered.clean_offset(14) == 12
    assert moved.clean_offset(46) == 46 and moved.clean_offset(61) == 38
