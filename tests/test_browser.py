"""Browser tests: Playwright driving Debian's chromium against the real local server and the report.

Chromium comes from Debian (`apt-get install chromium`, run here when it is missing and we are root);
Playwright never downloads a browser. Screenshots go to test-artifacts/.
"""
import os
import shutil
import subprocess
import threading

import pytest

from cliograph.store import Store
from cliograph.store.query import quotes
from cliograph.viewer import make_viewer_server
from cliograph.viewer.report import report_html

from .conftest import ROOT, SPECIMEN, need_shared
from .test_store_docs import hostile, letters, ostend

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
ARTIFACTS = ROOT / "test-artifacts"


def ensure_chromium() -> None:
    if os.path.exists(CHROMIUM):
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.skip(f"{CHROMIUM} is missing and cannot be installed here (needs root and apt-get): "
                    "apt-get install chromium")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-q"], check=True, capture_output=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-q", "chromium"], check=True, capture_output=True, env=env)


@pytest.fixture(scope="module")
def browser():
    ensure_chromium()
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def start_server(db):
    server = make_viewer_server(str(db), port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    db = tmp_path_factory.mktemp("browser") / "kb.sqlite"
    with Store(db) as store:
        for build in (ostend, letters, hostile):
            store.add(build())
    server, base = start_server(db)
    yield base
    server.shutdown()
    server.server_close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    pg = context.new_page()
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    context.close()


def tip(page, selector: str) -> str:
    """The tooltip a hover shows (CSS ::after content from data-tip)."""
    page.hover(selector)
    return page.eval_on_selector(selector, "el => getComputedStyle(el, '::after').getPropertyValue('content')")


def test_read_click_actor_filter_quotes_see_timeline(page, site):
    page.goto(f"{site}/documents/ostend.txt")
    assert page.locator(".reading .pb").all_inner_texts() == ["p. 11", "p. 12"]
    assert "Anna Keller → Pavel Orlov · p. 11 · n. 2" in tip(page, "#q-q1")
    assert "1921-04-09" in tip(page, ".reading .timex >> nth=1")
    page.screenshot(path=str(ARTIFACTS / "reading-view.png"), full_page=True)
    page.click(".reading a.actor[data-actor='anna_keller'] >> nth=0")
    page.wait_for_url("**/actors/anna_keller")
    assert page.inner_text("h1") == "Anna Keller"
    assert "Foreign Minister" in page.inner_text("main")
    page.goto(f"{site}/quotes")
    assert page.locator("tr.quote-row").count() == 6
    with page.expect_navigation():
        page.select_option("select#speaker", "pavel_orlov")  # the page's script submits the filter
    assert "speaker=pavel_orlov" in page.url
    assert page.locator("tr.quote-row td.speaker").all_inner_texts() == ["Pavel Orlov", "Pavel Orlov"]
    page.goto(f"{site}/timeline")
    dates = page.locator("ol.timeline time.when").all_inner_texts()
    assert dates == ["1921-03-03", "1921-03-03", "1921-04-09", "1921-05", "1922-06"]
    page.screenshot(path=str(ARTIFACTS / "timeline.png"), full_page=True)
    page.goto(f"{site}/network")
    assert page.locator("svg.network line.edge.conflict").count() == 2
    page.screenshot(path=str(ARTIFACTS / "network.png"), full_page=True)


def assert_inert(page) -> None:
    assert page.evaluate("() => window.__xss === undefined"), "an injected script ran"
    assert page.dialogs == []
    assert page.locator("img").count() == 0


def test_hostile_quotes_render_as_text(page, site, tmp_path):
    script = "<script>window.__xss = 1</script> is not a treaty."
    img = '"><img src=x onerror=window.__xss=2> will not do either.'
    page.goto(f"{site}/documents/hostile.txt")
    assert page.inner_text("#q-q1") == script and page.inner_text("#q-q2") == img
    assert_inert(page)
    page.screenshot(path=str(ARTIFACTS / "hostile-reading.png"), full_page=True)
    page.goto(f"{site}/quotes")
    assert f"“{script}”" in page.locator("td.qtext").all_inner_texts()
    assert_inert(page)
    page.goto(f"{site}/search?q=" + "%3Cscript%3E")
    assert_inert(page)
    report = tmp_path / "hostile.html"
    report.write_text(report_html(hostile()), encoding="utf-8")
    page.goto(report.as_uri())
    assert page.inner_text("#q-q1") == script
    assert_inert(page)


def test_report_works_offline(page, tmp_path):
    report = tmp_path / "report.html"
    report.write_text(report_html(ostend()), encoding="utf-8")
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(report.as_uri())
    assert all(u.startswith("file:") for u in requests), requests
    rows = page.locator("#quote-table tr.quote-row")
    assert rows.count() == 3
    page.select_option("#report-speaker", "pavel_orlov")
    assert page.locator("#quote-table tr.quote-row:visible").count() == 2
    assert page.inner_text("#report-quote-count") == "2 quotations"
    page.click("#text a.actor[data-actor='pavel_orlov'] >> nth=0")
    assert page.evaluate("() => location.hash") == "#actor-pavel_orlov"
    page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)


@pytest.mark.model
def test_specimen_in_the_browser(page, nlp, tmp_path):
    need_shared()
    from cliograph.pipeline import analyze_file

    doc = analyze_file(str(SPECIMEN), nlp=nlp)
    if not doc.actors or not doc.quotes:
        pytest.skip("the actors or quotes layer is missing: nothing to click or filter")
    db = tmp_path / "kb.sqlite"
    with Store(db) as store:
        store.add(doc)
    server, base = start_server(db)
    try:
        page.goto(f"{base}/documents/{doc.source.name}")
        assert page.locator(".reading .pb").all_inner_texts() == ["p. 25", "p. 26"]
        page.screenshot(path=str(ARTIFACTS / "specimen-reading.png"), full_page=True)
        first = page.locator(".reading a.actor").first
        actor_id = first.get_attribute("data-actor")
        first.click()
        page.wait_for_url(f"**/actors/{actor_id}")
        assert page.locator("h1.actor-name").count() == 1
        page.goto(f"{base}/quotes?kind=speech")
        speakers = page.eval_on_selector_all("select#speaker option", "os => os.map(o => o.value).filter(Boolean)")
        assert speakers, "no quotation has a resolved speaker"
        with Store(db, readonly=True) as store:
            expected = len(quotes(store.conn, speaker=speakers[0], kind="speech"))
        with page.expect_navigation():
            page.select_option("select#speaker", speakers[0])
        assert page.locator("tr.quote-row").count() == expected
        page.goto(f"{base}/timeline")
        dates = page.locator("ol.timeline time.when").all_inner_texts()
        assert dates, "the timeline is empty"
        page.screenshot(path=str(ARTIFACTS / "specimen-timeline.png"), full_page=True)
    finally:
        server.shutdown()
        server.server_close()

