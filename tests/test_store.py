"""The SQLite store: round trip, idempotent adds, atomic writes, one actor across documents, search, queries."""
import sqlite3

import pytest

from cliograph.model import document_to_dict
from cliograph.store import Store, StoreError, actor_key
from cliograph.store.migrations import MIGRATIONS
from cliograph.store.query import actors, events, fts_query, quotes, resolve_actors, search, timeline

from .test_store_docs import BUILDERS, hostile, letters, ostend


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "kb.sqlite") as s:
        yield s


@pytest.fixture
def full(store):
    for build in (ostend, letters):
        store.add(build())
    return store


@pytest.mark.parametrize("build", BUILDERS)
def test_read_back_equals_added(store, build):
    doc = build()
    res = store.add(doc)
    assert res.added and res.doc_id == doc.source.sha256
    assert document_to_dict(store.document(res.doc_id)) == document_to_dict(doc)


def test_dict_in_equals_document_in(store, tmp_path):
    doc = ostend()
    store.add(document_to_dict(doc))  # what a worker process hands to the writer
    with Store(tmp_path / "other.sqlite") as other:
        other.add(doc)
        assert other.document_dict(doc.source.sha256) == store.document_dict(doc.source.sha256)


def test_prepared_rows_equal_direct_add(full, tmp_path):
    """Rows made in a worker (`prepare_document`) and inserted by the writer equal a direct add, actor ids included."""
    import pickle

    from cliograph.store.write import prepare_document

    with Store(tmp_path / "prepared.sqlite") as other:
        for build in (ostend, letters):
            prep = pickle.loads(pickle.dumps(prepare_document(document_to_dict(build()))))  # as a pool sends it
            assert other.add(prep).added
        assert not other.add(prepare_document(ostend())).added
        for table in ("actors", "doc_actors", "mentions", "quotes", "events", "timex", "sentences", "pages"):
            query = f"SELECT * FROM {table} ORDER BY rowid"
            assert other.conn.execute(query).fetchall() == full.conn.execute(query).fetchall(), table
        assert [r[:-1] for r in other.conn.execute("SELECT id, seq, name, text, source, structure, added_at "
                                                   "FROM documents ORDER BY seq")] == \
            [r[:-1] for r in full.conn.execute("SELECT id, seq, name, text, source, structure, added_at "
                                               "FROM documents ORDER BY seq")]


def test_unknown_record_fields_survive(store):
    data = document_to_dict(ostend())
    data["quotes"][0]["confidence"] = 0.75  # a field from a newer writer
    data["actors"][0]["mentions"][0]["gender"] = "f"
    store.add(data)
    back = store.document_dict(data["source"]["sha256"])
    assert back["quotes"][0]["confidence"] == 0.75
    assert back["actors"][0]["mentions"][0]["gender"] == "f"


def test_readd_is_noop_and_replace_rewrites(store):
    doc = ostend()
    assert store.add(doc).added
    before = store.conn.execute("SELECT count(*) FROM mentions").fetchone()[0]
    again = store.add(doc)
    assert not again.added and again.doc_id == doc.source.sha256
    assert store.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    doc.quotes = doc.quotes[:1]
    assert store.add(doc, replace=True).added
    assert len(store.document(doc.source.sha256).quotes) == 1
    assert store.conn.execute("SELECT count(*) FROM mentions").fetchone()[0] == before
    assert store.conn.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'river'").fetchone()[0] == 0


def test_failed_document_leaves_nothing(store):
    store.add(letters())
    data = document_to_dict(ostend())
    data["events"][1]["trigger"] = None  # breaks half-way, after pages, actors and quotes were written
    with pytest.raises(TypeError):
        store.add(data)
    assert store.doc_ids() == [letters().source.sha256]
    for table in ("pages", "doc_actors", "mentions", "quotes", "events", "sentences"):
        n = store.conn.execute(f"SELECT count(*) FROM {table} WHERE doc_id = ?", (data["source"]["sha256"],))
        assert n.fetchone()[0] == 0, table
    assert store.conn.execute("SELECT count(*) FROM actors WHERE name = 'Pavel Orlov'").fetchone()[0] == 0


def test_migrations_recorded_once(tmp_path):
    path = tmp_path / "kb.sqlite"
    Store(path).close()
    with Store(path) as s:
        names = [r[0] for r in s.conn.execute("SELECT name FROM migrations ORDER BY rowid")]
        assert names == [name for name, _ in MIGRATIONS]
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_readonly_store(tmp_path, store):
    store.add(ostend())
    with Store(store.path, readonly=True) as ro:
        assert len(ro.doc_ids()) == 1
        with pytest.raises(sqlite3.OperationalError):
            ro.add(letters())
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "missing.sqlite", readonly=True)
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match="junk.sqlite"):
        Store(junk)
    empty = tmp_path / "plain.sqlite"
    sqlite3.connect(empty).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(StoreError, match="not a cliograph store"):
        Store(empty, readonly=True)


KEYS = [
    (("Anna Keller", "PERSON", None), ("anna  KELLER", "PERSON", None), True, "case and spacing"),
    (("Anna Keller", "PERSON", None), ("Anna Keller", "ORG", None), False, "same name, other type"),
    (("Mao", "PERSON", "Q5816"), ("Mao Zedong", "PERSON", "Q5816"), True, "gazetteer id wins over names"),
    (("Mao Zedong", "PERSON", "Q5816"), ("Mao Zedong", "PERSON", "Q1"), False, "different gazetteer ids"),
    (("Anna Keller", "PERSON", None), ("Anna Kellerman", "PERSON", None), False, "different names"),
    (("Pe\u0301rez", "PERSON", None), ("P\u00e9rez", "PERSON", None), True, "unicode normal forms"),
]


def test_key_table_has_no_duplicates():
    assert len({(a, b) for a, b, _, _ in KEYS}) == len(KEYS)


@pytest.mark.parametrize("a,b,same,reason", KEYS, ids=[k[3] for k in KEYS])
def test_actor_key(a, b, same, reason):
    assert (actor_key(*a) == actor_key(*b)) is same


def test_one_actor_across_documents(full):
    rows = full.conn.execute("SELECT id, name FROM actors WHERE name = 'Anna Keller'").fetchall()
    assert [tuple(r) for r in rows] == [("anna_keller", "Anna Keller")]
    cites = full.conn.execute("SELECT d.name, m.text, m.cite_page, m.source_start FROM mentions m "
                              "JOIN documents d ON d.id = m.doc_id WHERE actor_id = 'anna_keller' "
                              "ORDER BY d.seq, m.start").fetchall()
    assert [(r[0], r[1], r[2]) for r in cites] == [
        ("ostend.txt", "Anna Keller", "11"), ("ostend.txt", "Keller", "12"), ("ostend.txt", "Keller", "12"),
        ("letters.txt", "Anna Keller", None), ("letters.txt", "her", None)]
    keller = next(a for a in ostend().actors if a.id == "a1")
    assert cites[0][3] == keller.mentions[0].source_start
    (a,) = actors(full.conn, name="Anna Keller")
    assert (a["documents"], a["mentions"], a["said"], a["received"], a["events"]) == (2, 5, 2, 0, 3)


def test_slug_collision_gets_type(store):
    doc = letters()
    doc.actors[1].name = doc.actors[2].name = "Georgia"
    doc.actors[2].type = "PERSON"
    store.add(doc)
    ids = sorted(r[0] for r in store.conn.execute("SELECT id FROM actors WHERE name = 'Georgia'"))
    assert ids == ["georgia", "georgia_person"]


def test_search_cites_page_and_note(full):
    hits = search(full.conn, "bury")
    assert [(h["doc_name"], h["page"], h["notes"]) for h in hits] == [("ostend.txt", "11", ["2"])]
    assert "\ue000bury\ue001" in hits[0]["marked"]
    assert hits[0]["quotes"][0]["speaker"] == "anna_keller"
    hits = search(full.conn, "river settled")
    assert [(h["page"], h["notes"]) for h in hits] == [("12", ["3"])]
    notes = search(full.conn, "diary")
    assert notes[0]["in_notes"] and notes[0]["page"] == "12"
    assert search(full.conn, "nonexistentword") == []


FTS = [
    ("Yugoslavia", '"Yugoslavia"', "one word"),
    ("river settled", '"river" "settled"', "all words required"),
    ('"the river"', '"the river"', "a quoted phrase stays a phrase"),
    ("sett*", '"sett"*', "prefix"),
    ("NOT river OR", '"NOT" "river" "OR"', "operators are words, not syntax"),
    (")( ^ river:", '"river"', "punctuation dropped"),
]


def test_fts_table_has_no_duplicates():
    assert len({r[0] for r in FTS}) == len(FTS)


@pytest.mark.parametrize("text,expected,reason", FTS, ids=[r[2] for r in FTS])
def test_fts_query(text, expected, reason):
    assert fts_query(text) == expected


def test_fts_query_refuses_empty():
    with pytest.raises(ValueError, match="nothing to search"):
        fts_query(" ;; ")


def test_quote_queries(full):
    assert [q["id"] for q in quotes(full.conn, actor="Keller")] == ["q1", "q1"]
    assert [q["id"] for q in quotes(full.conn, actor="Orlov")] == ["q1", "q2", "q3"]
    assert [q["id"] for q in quotes(full.conn, speaker="pavel orlov")] == ["q2", "q3"]
    assert [q["id"] for q in quotes(full.conn, addressee="Orlov")] == ["q1"]
    assert quotes(full.conn, speaker="Nobody Known") == []
    q1 = quotes(full.conn, speaker="Anna Keller")[0]
    assert (q1["page"], q1["notes"], q1["date"], q1["addressee_name"]) == ("11", ["2"], "1921-03-03", "Pavel Orlov")
    assert [q["doc_name"] for q in quotes(full.conn, date_from="1922")] == ["letters.txt"]
    assert [q["id"] for q in quotes(full.conn, text="river")] == ["q3"]


def test_event_queries_and_dates(full):
    got = events(full.conn, date_from="1921-04", date_to="1921-05")
    assert [(e["id"], e["page"], e["polarity"]) for e in got] == [("e2", "12", "conflict"), ("e3", "12", "cooperation")]
    assert [e["id"] for e in events(full.conn, actor="Vessany")] == ["e2", "e3"]
    assert [e["id"] for e in events(full.conn, date_to="1921-03-03")] == ["e1"]
    with pytest.raises(ValueError, match="not a date"):
        events(full.conn, date_from="spring")


def test_timeline_in_calendar_order(full):
    items = timeline(full.conn)
    assert [(i["entry"], i["date"]) for i in items] == [
        ("event", "1921-03-03"), ("quote", "1921-03-03"), ("event", "1921-04-09"), ("event", "1921-05"),
        ("quote", "1922-06")]
    assert [i["date"] for i in timeline(full.conn, actor="Arland")] == ["1921-05"]


def test_resolve_actor_by_alias(store):
    doc = ostend()
    next(a for a in doc.actors if a.id == "a1").aliases = ["The Iron Lady of Arland"]
    store.add(doc)
    assert resolve_actors(store.conn, "the iron lady of arland") == ["anna_keller"]
    assert resolve_actors(store.conn, "anna_keller") == ["anna_keller"]
    assert resolve_actors(store.conn, "kell") == ["anna_keller"]


def test_hostile_text_stored_verbatim(store):
    doc = hostile()
    store.add(doc)
    got = quotes(store.conn)
    assert got[0]["text"].startswith("<script>") and "<img src=x" in got[1]["text"]


def test_batch_runner_writes_through_store(tmp_path, store):
    from cliograph.corpus import run_batch

    paths = []
    for i, text in enumerate(["The envoy reached Vienna in March.\n", "The council met twice.\n"]):
        p = tmp_path / f"t{i}.txt"
        p.write_text(text)
        paths.append(str(p))
    first = run_batch(paths, write=store.add, known=store.has, layers=())
    again = run_batch(paths, write=store.add, known=store.has, layers=())
    assert (first.stored, again.stored, again.skipped) == (2, 0, 2)
    assert len(store.doc_ids()) == 2


def test_older_store_is_migrated_on_open(tmp_path):
    from cliograph.store.db import _statements

    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    name, sql = MIGRATIONS[0]
    for statement in _statements(sql):
        conn.execute(statement)
    conn.execute("INSERT INTO migrations VALUES (?, '2020-01-01T00:00:00+00:00')", (name,))
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match=MIGRATIONS[1][0]):
        Store(path, readonly=True)
    with Store(path) as s:
        assert [r[0] for r in s.conn.execute("SELECT name FROM migrations ORDER BY rowid")] == [m for m, _ in MIGRATIONS]
        s.add(ostend())
        assert search(s.conn, "bury")


def test_reader_and_writer_side_by_side(store):
    """WAL: a read-only reader (the viewer) keeps working while the writer commits documents."""
    store.add(ostend())
    before = store.conn.execute("SELECT count(*) FROM sentences").fetchone()[0]
    with Store(store.path, readonly=True) as reader:
        cursor = reader.conn.execute("SELECT id FROM sentences ORDER BY id")
        cursor.fetchone()  # a read in progress holds its snapshot
        store.add(letters())  # the writer does not wait for it
        assert 1 + len(cursor.fetchall()) == before
        assert len(reader.doc_ids()) == 2  # the next read sees the new document
