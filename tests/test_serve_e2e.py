"""The workbench end to end in real headless Chromium (the system's /usr/bin/chromium, driven
by Playwright; nothing downloads a browser): every view is loaded and clicked through on the
sample database, and the hostile article's payloads must show as text and never run."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

if not CHROMIUM.exists():
    pytest.skip("/usr/bin/chromium is absent (apt-get install chromium)",
                allow_module_level=True)

from playwright.sync_api import ConsoleMessage, Page, expect, sync_playwright  # noqa: E402
from test_serve_api import NAME, TITLE, build  # noqa: E402

from tacitus.serve import create_app  # noqa: E402
from tacitus.serve.coding import process_coder  # noqa: E402
from tacitus.serve.sample import running  # noqa: E402


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = build(tmp_path_factory.mktemp("e2e") / "events.duckdb")
    with running(create_app(db, coder_factory=process_coder)) as url:
        yield url


@pytest.fixture(scope="module")
def page(base: str) -> Iterator[Page]:
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(viewport={"width": 1360, "height": 900})
        context.set_default_timeout(15_000)
        tab = context.new_page()
        problems: list[str] = []
        tab.on("console", lambda m: _record(m, problems))
        tab.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        tab.problems = problems  # type: ignore[attr-defined]
        yield tab
        browser.close()


def _record(message: ConsoleMessage, problems: list[str]) -> None:
    """Console errors include CSP violations: our own scripts must never trigger one."""
    if message.type == "error":
        problems.append(message.text)


def _clean(page: Page) -> None:
    assert page.evaluate("window.__pwned") is None
    assert page.problems == []  # type: ignore[attr-defined]


def test_events_filter_sort_and_open_article(page: Page, base: str) -> None:
    page.goto(f"{base}/events")
    expect(page.locator("#dbinfo")).to_contain_text("read-only")
    page.fill("input[name=dyad]", "USA-TAL")
    page.select_option("select[name=quad_class]", "3,4")
    page.click("#filters button[type=submit]")
    expect(page).to_have_url(f"{base}/events?dyad=USA-TAL&quad_class=3%2C4")
    rows = page.locator("table.events tbody tr")
    expect(rows.first).to_be_visible()
    for i in range(rows.count()):
        cells = rows.nth(i).locator("td")  # an act with several pairs lists each side's
        sources = {line[:3] for line in cells.nth(1).inner_text().splitlines()}
        targets = {line[:3] for line in cells.nth(3).inner_text().splitlines()}
        assert ("USA" in sources and "TAL" in targets) or ("TAL" in sources
                                                            and "USA" in targets)
        assert cells.nth(4).inner_text() in ("3", "4")
    page.click("button[data-sort=goldstein]")
    expect(page.locator("button[data-sort=goldstein]")).to_contain_text("▲")
    scores = [float(t) for t in page.locator("table.events tbody td.num").all_inner_texts()]
    assert scores == sorted(scores)
    page.locator("table.events tbody tr").first.locator("a").first.click()
    expect(page).to_have_url(re.compile(r"/article\?doc=[^&]+&event=e\d+$"))
    expect(page.locator("#eventfields")).to_be_visible()
    _clean(page)


def test_article_select_event_shows_fields(page: Page, base: str) -> None:
    page.goto(f"{base}/article?doc=wb-2012-01")
    expect(page.locator("#doctitle")).to_have_text("Taliban fighters attack US convoy near "
                                                    "Kandahar")
    expect(page.locator("#doctext .actor").first).to_be_visible()
    last = page.locator("#eventlist button[data-event]").last.get_attribute("data-event")
    page.locator("#doctext .evidence").last.click()
    expect(page).to_have_url(re.compile(rf"event={last}$"))
    page.click("#eventlist button[data-event=e1]")
    fields = page.locator("#eventfields")
    expect(fields.locator("[data-field=Event]")).to_contain_text("190")
    expect(fields.locator("[data-field=Goldstein]")).to_have_text("-10.0")
    expect(fields.locator("[data-field=Date]")).to_contain_text("Wednesday")
    expect(fields.locator("[data-field=Place]")).to_contain_text(re.compile(r"Kandah[aā]r"))
    expect(fields.locator("[data-field=Modality]")).to_have_text("reported")
    expect(fields.locator("[data-field=Quantities]")).to_contain_text("killed")
    expect(fields.locator("[data-field=Confidence]")).not_to_be_empty()
    expect(page).to_have_url(re.compile(r"event=e1$"))
    _clean(page)


def test_injected_payloads_stay_text(page: Page, base: str) -> None:
    page.goto(f"{base}/article?doc=xss")
    expect(page.locator("#doctitle")).to_have_text(TITLE)
    expect(page.locator("#doctext")).to_contain_text("<img src=x onerror=")
    expect(page.locator(".actors")).to_contain_text(NAME)
    assert page.locator("#app img, #app svg, #app script").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    page.goto(f"{base}/events?doc=xss")
    expect(page.locator("table.events")).to_contain_text(TITLE)
    expect(page.locator("table.events")).to_contain_text(NAME)
    assert page.locator("#app img, #app svg, #app script").count() == 0
    _clean(page)


def test_timeline_point_opens_events(page: Page, base: str) -> None:
    page.goto(f"{base}/timeline?dyads=USA-TAL")
    points = page.locator("svg.timeline a.point")
    expect(points.first).to_be_visible()
    conflict = page.locator("a.point[data-side=conflict][data-period='2012-03-01']").first
    conflict.click()
    expect(page).to_have_url(re.compile(r"/events\?dyad=USA-TAL&since=2012-03-01&"
                                        r"until=2012-03-31&quad_class=3%2C4$"))
    rows = page.locator("table.events tbody tr")
    expect(rows.first).to_be_visible()
    assert all(d.startswith("2012-03") for d in
               page.locator("table.events tbody tr td:first-child").all_inner_texts())
    _clean(page)


def test_network_node_opens_actor(page: Page, base: str) -> None:
    page.goto(f"{base}/network")
    expect(page.locator("svg.network line.edge").first).to_be_attached()
    page.locator("svg.network a.node[data-code=TAL] circle").click()
    expect(page).to_have_url(f"{base}/actor?code=TAL")
    expect(page.locator("#actorcode")).to_have_text("TAL")
    expect(page.locator("#actorfields")).to_contain_text("Taliban")
    expect(page.locator("table.events tbody tr").first).to_be_visible()
    _clean(page)


def test_map_draws_countries_and_markers(page: Page, base: str) -> None:
    page.goto(f"{base}/map")
    markers = page.locator("svg.worldmap g.marker")
    expect(markers.first).to_be_visible()
    assert page.locator("svg.worldmap path.country").count() > 150
    total = sum(int(m) for m in markers.evaluate_all("ms => ms.map(m => m.dataset.count)"))
    markers.first.click()
    expect(page.locator("#picked table.events tbody tr").first).to_be_visible()
    page.fill("input[name=since]", "2012-04-01")
    page.click("#filters button[type=submit]")
    expect(page).to_have_url(re.compile(r"since=2012-04-01"))
    expect(page.locator("svg.worldmap g.marker").first).to_be_visible()
    later = page.locator("svg.worldmap g.marker").evaluate_all(
        "ms => ms.map(m => m.dataset.count)")
    assert 0 < sum(int(m) for m in later) < total
    _clean(page)


def test_code_an_article(page: Page, base: str) -> None:
    page.goto(f"{base}/code")
    expect(page.locator("input[name=store]")).to_be_disabled()
    page.fill("textarea[name=text]", "Iran and Iraq signed a border agreement in Baghdad "
                                     "on Monday. <script>window.__pwned = 'code'</script>")
    page.fill("input[name=published]", "2014-03-05")
    page.click("#codebutton")
    expect(page.locator("#coded #doctext")).to_contain_text("<script>", timeout=60_000)
    expect(page.locator("#status")).to_contain_text("not stored")
    page.locator("#eventlist button").first.click()
    expect(page.locator("#eventfields [data-field=Event]")).to_contain_text("057")
    _clean(page)
