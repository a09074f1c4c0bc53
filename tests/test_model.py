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
