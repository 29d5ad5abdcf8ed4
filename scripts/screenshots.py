"""Save a PNG of each workbench view into docs/screenshots/, from the sample database.

    .venv/bin/python scripts/screenshots.py [--chromium /usr/bin/chromium] [--out DIR]

Builds the sample database (tacitus.serve.sample) in a temporary folder, serves it on a free
local port, and drives the system's Chromium (never a downloaded one) with Playwright through
every view, so the user guide's pictures (docs/user-guide.md) show what the code draws today.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from tacitus.serve import create_app
from tacitus.serve.sample import build_sample_db, running

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
PASTED = ("Turkish President Recep Tayyip Erdogan met Iranian President Hassan Rouhani in "
          "Ankara on Tuesday. Erdogan urged Iran to release the detained journalists.")


def shoot(page: Page, base: str, out: Path) -> list[Path]:
    """Visit each view, wait for what it draws, and save it."""
    saved = []

    def save(name: str) -> None:
        path = out / f"{name}.png"
        page.screenshot(path=str(path), full_page=False)
        saved.append(path)

    page.goto(f"{base}/events?dyad=USA-TAL&order=date")
    page.wait_for_selector("table.events tbody tr")
    save("events")
    page.goto(f"{base}/article?doc=kabul_talks_2012")
    page.wait_for_selector("#doctext")
    page.locator("#eventlist button").nth(4).click()
    page.wait_for_selector("#eventfields")
    save("article")
    page.goto(f"{base}/timeline?dyads=USA-TAL,AFG-TAL&interval=month")
    page.wait_for_selector("svg.timeline a.point")
    save("timeline")
    page.goto(f"{base}/network")
    page.wait_for_selector("svg.network a.node")
    save("network")
    page.goto(f"{base}/actor?code=TAL")
    page.wait_for_selector("#actorfields")
    save("actor")
    page.goto(f"{base}/map")
    page.wait_for_selector("svg.worldmap path.country")
    page.wait_for_selector("svg.worldmap g.marker")
    page.locator("svg.worldmap g.marker").first.click()
    save("map")
    page.goto(f"{base}/code")
    page.fill("textarea[name=text]", PASTED)
    page.fill("input[name=published]", "2016-05-03")
    page.click("#codebutton")
    page.wait_for_selector("#coded #doctext", timeout=120_000)
    page.locator("#eventlist button").first.click()
    save("code")
    return saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = build_sample_db(Path(tmp) / "sample.duckdb")
        with running(create_app(db)) as base, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1360, "height": 900})
            try:
                for path in shoot(page, base, args.out):
                    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
            finally:
                browser.close()


if __name__ == "__main__":
    main()
