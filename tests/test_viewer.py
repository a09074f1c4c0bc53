"""The viewer as a WSGI application (no browser): every page and its JSON twin, filters, escaping,
read-only access, the real server's default address, and the self-contained report."""
import hashlib
import json
import re
import threading
import urllib.request
from html.parser import HTMLParser

import pytest

from cliograph.store import Store, StoreError
from cliograph.viewer import Viewer, make_viewer_server
from cliograph.viewer.report import report_html

from .test_store_docs import hostile, letters, ostend


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("viewer") / "kb.sqlite"
    with Store(path) as store:
        for build in (ostend, letters, hostile):
            store.add(build())
    return path


@pytest.fixture(scope="module")
def app(db):
    return Viewer(str(db))


def get(app, path, query="", method="GET"):
    status, headers = {}, {}

    def start(s, h):
        status["s"] = s
        headers.update(h)

    body = b"".join(app({"REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": query}, start))
    return int(status["s"].split()[0]), headers, body.decode("utf-8")


class Tags(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.tags, self.attrs = [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.append(dict(attrs))


def doc_id(build):
    return build().source.sha256


PAGES = [
    ("/", "", "documents"),
    ("/documents/DOC", "", "text"),
    ("/actors", "", "actors"),
    ("/actors/anna_keller", "", "name"),
    ("/quotes", "", "quotes"),
    ("/search", "q=settle", "hits"),
    ("/timeline", "", "items"),
    ("/network", "", "edges"),
]


@pytest.mark.parametrize("path,query,key", PAGES, ids=[p[0] for p in PAGES])
def test_every_page_has_a_json_twin(app, path, query, key):
    path = path.replace("DOC", doc_id(ostend))
    status, headers, html = get(app, path, query)
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    twin = path + ".json" if path != "/" else "/index.json"
    assert f'href="{twin}' in html.replace("&amp;", "&")
    status, headers, body = get(app, twin, query)
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    assert key in json.loads(body)


def test_reading_view_marks(app):
    _, _, html = get(app, f"/documents/{doc_id(ostend)}")
    assert '<span class="pb" id="page-12" data-page="12">p. 12</span>' in html
    assert 'href="#note-n2">2</a></sup>' in html and 'id="note-n2"' in html
    q1 = re.search(r'<span class="quote kind-speech" id="q-q1" data-tip="([^"]*)"', html).group(1)
    assert q1 == "Quote: Anna Keller → Pavel Orlov · p. 11 · n. 2 · source 203–248"
    assert 'data-tip="1921-04-09 (DATE)"' in html
    assert re.search(r'<a class="actor type-PERSON" href="/actors/anna_keller"[^>]*>Anna Keller</a>', html)
    assert "[CONSULT] · p. 11 · n. 2" in html  # event trigger tooltip


def test_document_by_name_and_missing(app):
    assert get(app, "/documents/letters.txt")[0] == 200
    assert get(app, "/documents/" + doc_id(letters)[:8])[0] == 200
    status, _, body = get(app, "/documents/nothing-here.json")
    assert status == 404 and "no document" in json.loads(body)["error"]


def test_actor_page_across_documents(app):
    data = json.loads(get(app, "/actors/anna_keller.json")[2])
    assert [n["doc_name"] for n in data["names"]] == ["ostend.txt", "letters.txt"]
    assert [(p["doc_name"], p["page"], len(p["mentions"])) for p in data["mentions_by_page"]] == [
        ("ostend.txt", "11", 1), ("ostend.txt", "12", 2), ("letters.txt", None, 2)]
    assert data["titles"] == ["Foreign Minister"]
    assert [q["text"] for q in data["said"]] == ["We came to settle the border, not to bury it.",
                                                 "a lesson in patience."]
    assert [e["predicate"] for e in data["events"]] == ["tell", "break off", "answer"]
    assert get(app, "/actors/nobody")[0] == 404


QUOTE_FILTERS = [
    ("speaker=pavel_orlov", ["q2", "q3"], "by speaker"),
    ("addressee=pavel_orlov", ["q1"], "by addressee"),
    ("speaker=anna_keller&from=1922", ["q1"], "speaker and date"),
    ("from=1921-03&to=1921-03", ["q1"], "a month"),
    ("q=river", ["q3"], "words in the quotation"),
    ("speaker=nobody_at_all", [], "unknown speaker finds nothing"),
]


@pytest.mark.parametrize("query,ids,reason", QUOTE_FILTERS, ids=[f[2] for f in QUOTE_FILTERS])
def test_quote_finder_filters(app, query, ids, reason):
    data = json.loads(get(app, "/quotes.json", query)[2])
    assert [q["id"] for q in data["quotes"]] == ids
    _, _, html = get(app, "/quotes", query)
    assert html.count('<tr class="quote-row') == len(ids)


def test_quote_filter_table_has_no_duplicates():
    assert len({f[0] for f in QUOTE_FILTERS}) == len(QUOTE_FILTERS)


def test_bad_filter_is_a_400_naming_the_value(app):
    status, _, html = get(app, "/quotes", "from=spring")
    assert status == 400 and "&#39;spring&#39; is not a date" in html
    status, _, body = get(app, "/timeline.json", "to=later")
    assert status == 400 and "'later'" in json.loads(body)["error"]


def test_search_page_cites_and_highlights(app):
    _, _, html = get(app, "/search", "q=river settled")
    assert "ostend.txt, <span class=\"page\">p. 12</span>, n. 3" in html
    assert "<mark>river</mark> <mark>settled</mark>" in html
    _, _, html = get(app, "/search", "q=<script>alert(1)</script>")
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_timeline_in_order_and_by_actor(app):
    items = json.loads(get(app, "/timeline.json")[2])["items"]
    assert [i["date"] for i in items] == ["1921-03-03", "1921-03-03", "1921-04-09", "1921-05", "1922-06"]
    items = json.loads(get(app, "/timeline.json", "actor=arland")[2])["items"]
    assert [(i["entry"], i["predicate"]) for i in items] == [("event", "recall")]


def test_network_colours_by_polarity(app):
    data = json.loads(get(app, "/network.json")[2])
    edges = {(e["source"], e["target"]): e["polarity"] for e in data["edges"]}
    assert edges == {("anna_keller", "pavel_orlov"): "cooperation", ("anna_keller", "vessany"): "conflict",
                     ("arland", "vessany"): "cooperation", ("marta_vos", "anna_keller"): "conflict"}
    _, _, html = get(app, "/network")
    assert html.count('<line class="edge conflict"') == 2


HOSTILE_PAGES = ["/documents/hostile.txt", "/quotes", "/actors/b_the_envoy_b", "/search?q=treaty", "/actors"]


@pytest.mark.parametrize("page", HOSTILE_PAGES)
def test_document_text_is_escaped(app, page):
    path, _, query = page.partition("?")
    status, _, html = get(app, path, query)
    assert status == 200
    parsed = Tags(html)
    assert "img" not in parsed.tags and "b" not in parsed.tags
    scripts = [a for t, a in zip(parsed.tags, parsed.attrs, strict=True) if t == "script"]
    assert scripts == [{"src": "/static/app.js"}]
    assert not any(k.startswith("on") for a in parsed.attrs for k in a)
    if page != "/actors":
        assert "&lt;script&gt;window.__xss" in html or "&lt;b&gt;The envoy&lt;/b&gt;" in html


def test_read_only_and_get_only(app, db):
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    for path in ("/", "/quotes", "/timeline", "/network", f"/documents/{doc_id(ostend)}"):
        get(app, path)
    assert get(app, "/quotes", method="POST")[0] == 405
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    with pytest.raises(StoreError, match="no such database"):
        Viewer(str(db.parent / "missing.sqlite"))


def test_static_files_and_404(app):
    status, headers, css = get(app, "/static/style.css")
    assert status == 200 and headers["Content-Type"].startswith("text/css") and ".reading" in css
    assert get(app, "/static/../store/db.py")[0] == 404
    assert get(app, "/no/such/page")[0] == 404


def test_real_server_binds_loopback(db):
    server = make_viewer_server(str(db), port=0)
    assert server.server_address[0] == "127.0.0.1"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/actors/pavel_orlov.json"
        with urllib.request.urlopen(url, timeout=10) as resp:
            assert json.loads(resp.read())["name"] == "Pavel Orlov"
    finally:
        server.shutdown()
        server.server_close()


def test_report_is_self_contained():
    html = report_html(ostend())
    parsed = Tags(html)
    for attrs in parsed.attrs:
        for key in ("src", "href"):
            assert not attrs.get(key) or attrs[key].startswith("#"), attrs
    assert "<style>" in html and "<script>" in html and 'id="report-speaker"' in html
    assert all(f'id="{part}"' in html for part in ("text", "actors", "quotes", "timeline"))
    assert 'id="actor-anna_keller"' in html and 'href="#actor-anna_keller"' in html
    table = html[html.index('id="quote-table"'):]
    table = table[:table.index("</table>")]
    assert table.count('<tr class="quote-row') == 3 and html.count('<li class="entry entry-event"') == 3


def test_report_escapes_hostile_text():
    html = report_html(hostile())
    parsed = Tags(html)
    assert "img" not in parsed.tags and parsed.tags.count("script") == 1
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;" in html


def test_limits(app):
    data = json.loads(get(app, "/quotes.json", "limit=2")[2])
    assert len(data["quotes"]) == 2 and data["more"]
    assert not json.loads(get(app, "/quotes.json")[2])["more"]
    assert get(app, "/timeline", "limit=none")[0] == 400


def test_viewer_sees_a_replaced_document(tmp_path):
    db = tmp_path / "kb.sqlite"
    with Store(db) as store:
        store.add(ostend())
    app = Viewer(str(db))
    assert get(app, "/documents/ostend.txt")[2].count("id=\"q-q") == 3
    doc = ostend()
    doc.quotes = doc.quotes[:1]
    with Store(db) as store:
        store.add(doc, replace=True)
    assert get(app, "/documents/ostend.txt")[2].count("id=\"q-q") == 1


def test_viewer_store_and_exports_never_import_spacy():
    import subprocess
    import sys

    code = ("import sys, cliograph.store, cliograph.export, cliograph.export.tei, cliograph.export.tabular, "
            "cliograph.export.markdown, cliograph.viewer, cliograph.viewer.report; "
            "print(any(m == 'spacy' or m.startswith('spacy.') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
