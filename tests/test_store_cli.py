"""`cliograph add`, `search` and `query` from the command line (no trained model: analyzed JSON and
--structure-only texts)."""
import csv
import io
import json

import pytest

from cliograph.model import document_to_dict

from .conftest import cli
from .test_store_docs import letters, ostend


@pytest.fixture
def kb(tmp_path):
    src = tmp_path / "both.jsonl"
    src.write_text("".join(json.dumps(document_to_dict(b())) + "\n" for b in (ostend, letters)))
    db = tmp_path / "kb.sqlite"
    r = cli("add", str(src), "--db", str(db))
    assert r.returncode == 0, r.stderr.decode()
    assert "2 added, 0 already stored, 0 failed" in r.stdout.decode()
    return db


def test_add_text_skips_known_content_and_reports_bad_files(tmp_path, kb):
    text = tmp_path / "talks.txt"
    text.write_text("The envoy reached Vienna in March. 1\nHe left again in May.\n")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    r = cli("add", str(text), str(empty), "--db", str(kb), "--structure-only")
    out, err = r.stdout.decode(), r.stderr.decode()
    assert r.returncode == 2 and "empty.txt" in err and "Traceback" not in err
    assert "1 added, 0 already stored, 1 failed" in out
    r = cli("add", str(text), "--db", str(kb), "--structure-only")
    assert r.returncode == 0 and "skipped" in r.stdout.decode() and "0 added, 1 already stored" in r.stdout.decode()


def test_search_prints_document_page_and_note(kb):
    r = cli("search", "bury", "--db", str(kb))
    assert r.returncode == 0
    assert r.stdout.decode().strip() == ('ostend.txt, p. 11, n. 2: On March 3, 1921 Foreign Minister Anna Keller told '
                                         'the Vessanian envoy Pavel Orlov, "We came to settle the border, not to '
                                         '[bury] it."')
    r = cli("search", "patience", "--db", str(kb), "--json")
    (hit,) = json.loads(r.stdout)
    assert (hit["doc_name"], hit["page"], hit["quotes"][0]["speaker"]) == ("letters.txt", None, "anna_keller")


def test_query_quotes_events_actors_timeline(kb):
    r = cli("query", "quotes", "--db", str(kb), "--actor", "Keller", "--json")
    rows = json.loads(r.stdout)
    assert [(q["doc_name"], q["page"], q["speaker_name"]) for q in rows] == [
        ("ostend.txt", "11", "Anna Keller"), ("letters.txt", None, "Anna Keller")]
    r = cli("query", "events", "--db", str(kb), "--from", "1921-04", "--to", "1921-12", "--csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout.decode())))
    assert [(e["predicate"], e["date"], e["page"], e["notes"]) for e in rows] == [
        ("break off", "1921-04-09", "12", "4"), ("recall", "1921-05", "12", "4")]
    r = cli("query", "timeline", "--db", str(kb), "--actor", "Pavel Orlov")
    assert r.stdout.decode().splitlines() == [
        "1921-03-03  Anna Keller tell Pavel Orlov CONSULT (ostend.txt, p. 11, n. 2)",
        "1921-03-03  Anna Keller to Pavel Orlov: \u201cWe came to settle the border, not to bury it.\u201d "
        "(ostend.txt, p. 11, n. 2)"]
    r = cli("query", "actors", "--db", str(kb), "--doc", "letters.txt")  # counts within that document
    assert r.stdout.decode().splitlines()[0] == ("Anna Keller (PERSON, id anna_keller): 2 mentions in 1 document, "
                                                 "said 1, addressed 0, 1 events")
    r = cli("query", "actors", "--db", str(kb), "--actor", "keller")
    assert r.stdout.decode().splitlines() == ["Anna Keller (PERSON, id anna_keller): 5 mentions in 2 documents, "
                                              "said 2, addressed 0, 3 events"]


QUERY_ERRORS = [
    (("query", "quotes", "--from", "spring"), "'spring' is not a date", "bad date"),
    (("query", "quotes", "--json", "--csv"), "choose one", "two output formats"),
    (("query", "actors", "--from", "1960"), "do not apply", "dates for actors"),
    (("query", "events", "--doc", "nope.txt"), "no document", "unknown document"),
    (("search", ";;"), "nothing to search", "empty search"),
]


@pytest.mark.parametrize("args,message,reason", QUERY_ERRORS, ids=[e[2] for e in QUERY_ERRORS])
def test_bad_arguments_exit_2(kb, args, message, reason):
    r = cli(*args, "--db", str(kb))
    err = r.stderr.decode()
    assert r.returncode == 2 and message in err and "Traceback" not in err


def test_query_errors_table_has_no_duplicates():
    assert len({e[0] for e in QUERY_ERRORS}) == len(QUERY_ERRORS)


def test_missing_store(tmp_path):
    r = cli("query", "quotes", "--db", str(tmp_path / "none.sqlite"))
    assert r.returncode == 2 and "none.sqlite: no such database" in r.stderr.decode()
    r = cli("serve", "--db", str(tmp_path / "none.sqlite"))
    assert r.returncode == 2 and "no such database" in r.stderr.decode()


def test_unknown_actor_is_said(kb):
    r = cli("query", "quotes", "--db", str(kb), "--actor", "Nobody Known")
    assert r.returncode == 0 and r.stdout.decode() == "" and "no actor named 'Nobody Known'" in r.stderr.decode()


def test_report_from_analyzed_file(tmp_path):
    src = tmp_path / "ostend.json"
    src.write_text(json.dumps(document_to_dict(ostend())))
    out = tmp_path / "report.html"
    r = cli("report", str(src), "-o", str(out))
    assert r.returncode == 0 and out.read_text().count('class="actor-card"') == 4
