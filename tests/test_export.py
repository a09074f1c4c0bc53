"""Exports: JSONL and Parquet round-trip, CSV tables, TEI well-formed and faithful, Markdown readable."""
import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest

from cliograph.export import FORMATS, export
from cliograph.export.jsonl import read_json_documents
from cliograph.export.markdown import escape
from cliograph.export.tabular import read_parquet
from cliograph.export.tei import TEI_NS, to_tei
from cliograph.model import Mention, document_to_dict, make_span
from cliograph.store import Store

from .conftest import cli
from .test_store_docs import BUILDERS, hostile, letters, ostend

T = f"{{{TEI_NS}}}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def docs():
    return [b() for b in BUILDERS]


def same(a, b):
    return [document_to_dict(d) for d in a] == [document_to_dict(d) for d in b]


def test_jsonl_round_trip(tmp_path):
    out = tmp_path / "all.jsonl"
    export(docs(), "jsonl", out)
    assert len(out.read_text().splitlines()) == 3
    assert same(read_json_documents(out.read_text()), docs())


def test_json_single_object_or_array(tmp_path):
    one, many = tmp_path / "one.json", tmp_path / "many.json"
    export([ostend()], "json", one, single=True)
    export(docs(), "json", many)
    assert json.loads(one.read_text())["schema"] == "cliograph/1"
    assert len(json.loads(many.read_text())) == 3
    assert same(read_json_documents(one.read_text()), [ostend()])


def test_parquet_round_trip_one_table_per_layer(tmp_path):
    import pyarrow.parquet as pq

    export(docs(), "parquet", tmp_path / "pq")
    names = sorted(p.stem for p in (tmp_path / "pq").iterdir())
    for layer in ("actors", "mentions", "quotes", "timex", "events", "pages", "notes", "documents"):
        assert layer in names
    quotes = pq.read_table(tmp_path / "pq" / "quotes.parquet")
    assert quotes.num_rows == 6
    assert {"source_start", "source_end", "cite_page", "speaker", "notes"} <= set(quotes.column_names)
    import pyarrow as pa

    assert pa.types.is_list(quotes.schema.field("notes").type)
    events = pq.read_table(tmp_path / "pq" / "events.parquet").to_pylist()
    assert events[0]["trigger_text"] == "told" and events[0]["cite_page"] == "11"
    assert same(read_parquet(tmp_path / "pq"), docs())


def test_parquet_from_store_round_trip(tmp_path):
    with Store(tmp_path / "kb.sqlite") as store:
        for d in docs():
            store.add(d)
        export(store.documents(), "parquet", tmp_path / "pq")
    assert same(read_parquet(tmp_path / "pq"), docs())


def test_csv_folder_and_single_table(tmp_path):
    export(docs(), "csv", tmp_path / "csv")
    rows = list(csv.DictReader(open(tmp_path / "csv" / "quotes.csv", encoding="utf-8")))
    assert [r["text"] for r in rows] == [q.text for d in docs() for q in d.quotes]
    assert rows[0]["cite_page"] == "11" and json.loads(rows[0]["notes"]) == ["2"]
    buf_path = tmp_path / "mentions.csv"
    export([ostend()], "csv", buf_path, table="mentions")
    mentions = list(csv.DictReader(open(buf_path, encoding="utf-8")))
    assert {(m["text"], m["cite_page"]) for m in mentions} >= {("Anna Keller", "11"), ("Keller", "12")}


EXPORT_ERRORS = [
    (("parquet", None, None), "give -o FOLDER", "parquet needs a folder"),
    (("csv", None, None), "--table NAME", "csv without a folder suggests one table"),
    (("tei", None, "quotes"), "csv only", "--table with another format"),
    (("xml", None, None), "choose from", "unknown format"),
    (("csv", "-", "nosuch"), "no table", "unknown table"),
]


@pytest.mark.parametrize("args,message,reason", EXPORT_ERRORS, ids=[e[2] for e in EXPORT_ERRORS])
def test_export_bad_arguments(args, message, reason):
    fmt, out, table = args
    with pytest.raises(ValueError, match=message):
        export([ostend()], fmt, out, table=table)


def test_export_errors_table_has_no_duplicates():
    assert len({e[0] for e in EXPORT_ERRORS}) == len(EXPORT_ERRORS)


def test_formats_listed():
    assert FORMATS == ("json", "jsonl", "csv", "tei", "markdown", "parquet")


# --- TEI -------------------------------------------------------------------------------------------

def tei_root(documents):
    return ET.fromstring(to_tei(documents).encode("utf-8"))  # raises on anything not well-formed


def strip_refs(el):
    """Text of an element without the note-mark numbers (they are not in the clean text)."""
    out = [el.text or ""]
    for child in el:
        if child.tag != T + "ref":
            out.append(strip_refs(child))
        out.append(child.tail or "")
    return "".join(out)


def test_tei_is_well_formed_and_keeps_the_text():
    doc = ostend()
    root = tei_root([doc])
    assert root.tag == T + "TEI"
    paras = root.findall(f".//{T}body//{T}p")
    main = [doc.text[p.start:p.end] for p in doc.paragraphs if p.start < doc.main_end]
    assert [strip_refs(p) for p in paras] == main


def test_tei_pages_notes_names_quotes_dates_events():
    root = tei_root([ostend()])
    assert [pb.get("n") for pb in root.iter(T + "pb")] == ["11", "12"]
    ids = {el.get(XML_ID) for el in root.iter() if el.get(XML_ID)}
    refs = list(root.iter(T + "ref"))
    assert [r.get("n") for r in refs] == ["1", "2", "3", "4"]
    assert all(r.get("target")[1:] in ids for r in refs)
    assert len(root.findall(f".//{T}back//{T}note")) == 4
    pers = root.findall(f".//{T}body//{T}persName")
    assert {p.text for p in pers} == {"Anna Keller", "Pavel Orlov", "Orlov", "Keller"}
    assert all(p.get("ref")[1:] in ids for p in pers)
    assert {p.text for p in root.findall(f".//{T}body//{T}placeName")} == {"Arland", "Vessany"}
    qs = root.findall(f".//{T}q")
    assert [(q.text, q.get("who"), q.get("toWhom")) for q in qs][0] == (
        "We came to settle the border, not to bury it.", "#d1-a1", "#d1-a2")
    assert [d.get("when") for d in root.iter(T + "date") if d.get("when")] == ["1921-03-03", "1921-04-09", "1921-05"]
    events = root.findall(f"./{T}standOff/{T}listEvent/{T}event")
    assert [(e.get("when"), e.get("type")) for e in events] == [
        ("1921-03-03", "CONSULT"), ("1921-04-09", "REJECT"), ("1921-05", "RETREAT")]
    assert events[0].find(f".//{T}citedRange[@unit='page']").text == "11"
    assert root.find(f"./{T}standOff/{T}listPerson/{T}person/{T}roleName").text == "Foreign Minister"


def test_tei_corpus_and_hostile_text():
    root = tei_root(docs())
    assert root.tag == T + "teiCorpus" and len(root.findall(f"{T}TEI")) == 3
    hostile_tei = root.findall(f"{T}TEI")[2]
    qs = [q.text for q in hostile_tei.iter(T + "q")]
    assert qs == [q.text for q in hostile().quotes]
    assert not list(hostile_tei.iter("script")) and not list(hostile_tei.iter("img"))


def test_tei_crossing_spans_and_control_characters():
    doc = ostend()
    a, z = doc.text.index("bury it."), doc.text.index("There is")  # crosses the end of quote q1
    doc.actors[0].mentions.append(make_span(doc, a, z, Mention, label="GPE"))
    root = tei_root([doc])
    assert [strip_refs(p) for p in root.findall(f".//{T}body//{T}p")][0] == doc.text[:doc.paragraphs[0].end]
    bad = letters()
    bad.text = bad.text.replace("editor", "edit\x07r")
    assert "\ufffd" in "".join(tei_root([bad]).itertext())


# --- Markdown --------------------------------------------------------------------------------------

def test_markdown_text_pages_footnotes():
    md = export_text([ostend()], "markdown")
    assert md.startswith("# The Ostend talks")
    assert "**\\[p. 12\\]**" in md and "bury it.\"[^2]" in md
    for label in "1234":
        assert f"\n[^{label}]: " in md
    assert "## Quotes" in md and "Anna Keller to Pavel Orlov (p. 11, n. 2)" in md
    assert "- 1921-04-09: Anna Keller break off Vessany [REJECT] (p. 12, n. 4)" in md


def export_text(documents, fmt):
    import contextlib

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        export(documents, fmt)
    return buf.getvalue()


ESCAPES = [
    ("<script>", "\\<script\\>", "raw HTML"),
    ("*not* _emphasis_", "\\*not\\* \\_emphasis\\_", "emphasis marks"),
    ("[link](x)", "\\[link\\](x)", "link syntax"),
    ("# heading", "\\# heading", "a heading at line start"),
    ("1. item", "1\\. item", "a list at line start"),
    ("page 26 of 40", "page 26 of 40", "plain text unchanged"),
]


@pytest.mark.parametrize("text,expected,reason", ESCAPES, ids=[e[2] for e in ESCAPES])
def test_markdown_escape(text, expected, reason):
    assert escape(text) == expected


def test_markdown_escape_table_has_no_duplicates():
    assert len({e[0] for e in ESCAPES}) == len(ESCAPES)


# --- CLI -------------------------------------------------------------------------------------------

def test_cli_export_from_analyzed_file_and_store(tmp_path):
    src = tmp_path / "ostend.json"
    src.write_text(json.dumps(document_to_dict(ostend())))
    r = cli("export", str(src), "--format", "tei")
    assert r.returncode == 0, r.stderr.decode()
    assert ET.fromstring(r.stdout).tag == T + "TEI"
    db = tmp_path / "kb.sqlite"
    with Store(db) as store:
        store.add(ostend())
        store.add(letters())
    r = cli("export", "--db", str(db), "--format", "jsonl", "-o", str(tmp_path / "out.jsonl"))
    assert r.returncode == 0 and "wrote 2 documents" in r.stderr.decode()
    r = cli("export", "--db", str(db), "--format", "csv", "--table", "quotes", "--doc", "letters.txt")
    assert r.returncode == 0 and r.stdout.decode().count("\n") == 2
    r = cli("export", "--db", str(db), "--format", "parquet")
    assert r.returncode == 2 and "-o FOLDER" in r.stderr.decode()
    r = cli("export", str(src), "--db", str(db), "--format", "json")
    assert r.returncode == 2 and "either FILES or --db" in r.stderr.decode()
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "other"}')
    r = cli("export", str(bad), "--format", "json")
    assert r.returncode == 2 and "bad.json" in r.stderr.decode() and "Traceback" not in r.stderr.decode()
