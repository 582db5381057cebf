"""The dashboard in a real browser (Playwright driving Debian's Chromium) on a database built from
examples/ the way `make demo` builds it, with one hostile document added: every page loads without
a script error, the filters change the address and the rows, a permalink reopens the same view,
a downloaded CSV holds the API's rows, and script payloads in a title or text stay text.

Without /usr/bin/chromium (or Playwright) these tests skip with the reason; with
PEACEWATCH_BROWSER_TESTS=required (as .ci/run sets it) they fail instead. With
PEACEWATCH_SCREENSHOTS=DIR they also save the screenshots of docs/web.md into DIR.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from tests.serve.webdb import EVIL_ID, EVIL_TITLE, examples_database

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
REQUIRED = os.environ.get("PEACEWATCH_BROWSER_TESTS") == "required"


def _unavailable() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is absent (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install 'peacewatch[dev]')"
    return None


@contextlib.contextmanager
def served(folder: Path, **options: Any) -> Iterator[str]:
    """The address of a server (``Server`` options) on a database built from examples/ in ``folder``,
    stopped afterwards; skips without a browser (fails when PEACEWATCH_BROWSER_TESTS=required)."""
    reason = _unavailable()
    if reason:
        if REQUIRED:
            pytest.fail(f"browser tests required (PEACEWATCH_BROWSER_TESTS=required) but {reason}")
        pytest.skip(reason)
    from peacewatch.serve.web.server import Server

    server = Server(examples_database(folder / "examples.db"), "127.0.0.1", 0, **options)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield server.address.rstrip("/")
    finally:
        server.stop()
        thread.join(timeout=20)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with served(tmp_path_factory.mktemp("browser")) as url:
        yield url


@pytest.fixture(scope="module")
def browser(base_url: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


class Watched:
    """A page with the script errors, console errors and dialogs it produced."""

    def __init__(self, browser: Any, downloads: bool = False) -> None:
        self.context = browser.new_context(accept_downloads=downloads, viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("dialog", self._dialog)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def watched(browser: Any) -> Iterator[Watched]:
    w = Watched(browser, downloads=True)
    yield w
    w.close()


PAGES = {"/": "Overview", "/events": "Events", "/dyad": "Dyads", "/dyad?a=AZE&b=ARM": "Azerbaijan – Armenia",
         "/commitments": "Commitments", "/documents": "Documents", "/quotes": "Quotes", "/agreements": "Agreements"}


@pytest.mark.parametrize("path", list(PAGES))
def test_each_page_loads_without_errors(base_url: str, watched: Watched, path: str) -> None:
    answer = watched.page.goto(base_url + path)
    assert answer is not None and answer.status == 200
    assert watched.page.locator("h1").inner_text() == PAGES[path]
    assert watched.errors == [] and watched.dialogs == []
    _screenshot(watched.page, path)


def test_filters_change_the_address_and_the_rows(base_url: str, watched: Watched) -> None:
    page = watched.page
    page.goto(base_url + "/events")
    everything = page.locator("tr.event").count()
    page.select_option("select[name=type]", "AGREE")  # the select applies itself (app.js)
    page.wait_for_url(re.compile(r"type=AGREE"))
    assert "actor=" not in page.url, "empty fields stay out of the address"
    kinds = page.locator("tr.event td:nth-child(2)").all_inner_texts()
    assert kinds and all(k.startswith("AGREE") for k in kinds) and len(kinds) < everything
    page.fill("input[name=q]", "border")
    page.press("input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"q=border"))
    rows = page.locator("tr.event")
    assert 0 < rows.count() <= len(kinds)
    rows.first.click()  # a click on the row opens its sentences
    sentence = page.locator("tr.sources details").first
    assert sentence.get_attribute("open") is not None
    assert sentence.locator("mark.r-trigger").first.is_visible()
    assert "border" in sentence.inner_text().lower()
    assert watched.errors == []


def test_a_permalink_reopens_the_same_view(base_url: str, browser: Any) -> None:
    first = Watched(browser)
    first.page.goto(base_url + "/events")
    first.page.select_option("select[name=status]", "occurred")
    first.page.wait_for_url(re.compile(r"status=occurred"))
    first.page.locator("th a.sort", has_text="day").click()  # day ascending is the default: this sorts by -day
    first.page.wait_for_url(re.compile(r"sort=-day"))
    link, rows = first.page.url, first.page.locator("tr.event").evaluate_all("rs => rs.map(r => r.id)")
    first.close()
    second = Watched(browser)
    second.page.goto(link)
    assert second.page.locator("tr.event").evaluate_all("rs => rs.map(r => r.id)") == rows
    assert second.page.locator("select[name=status]").input_value() == "occurred"
    second.close()


def test_the_downloaded_csv_holds_the_rows_of_the_api(base_url: str, watched: Watched, tmp_path: Path) -> None:
    page = watched.page
    page.goto(base_url + "/events?dyad=AZE,ARM&sort=-day")
    with page.expect_download() as event:
        page.click("a.csv")
    saved = tmp_path / "events.csv"
    event.value.save_as(saved)
    note, body = saved.read_bytes().decode("utf-8").split("\r\n", 1)
    assert note.startswith("# peacewatch export of /api/events?dyad=AZE%2CARM&sort=-day from examples.db at ")
    ids = [row["id"] for row in csv.DictReader(io.StringIO(body))]
    api = page.request.get(base_url + "/api/events?dyad=AZE,ARM&sort=-day&limit=1000").json()
    assert ids == [item["id"] for item in api["items"]] and len(ids) == api["total"] > 0


def test_script_payloads_stay_text(base_url: str, watched: Watched) -> None:
    page = watched.page
    page.goto(base_url + "/documents/" + quote(EVIL_ID, safe=""))
    assert page.locator("h1").inner_text() == EVIL_TITLE
    assert "<img src=x onerror=alert(2)>" in page.locator("div.text").inner_text()
    assert page.locator("a[href^='javascript:']").count() == 0
    page.goto(base_url + "/documents")
    assert page.get_by_text(EVIL_TITLE).count() == 1
    page.wait_for_timeout(300)
    assert watched.dialogs == [] and page.locator("main img, main svg[onload]").count() == 0


def test_documents_read_from_files_are_named_by_their_title(base_url: str, watched: Watched) -> None:
    page = watched.page
    page.goto(base_url + "/documents")
    names = page.locator("table.documents td:nth-child(2) a").all_inner_texts()
    assert "Prisoner swap completed a week after joint statement" in names
    assert not any(re.fullmatch(r"[0-9a-f]{12,}", n) for n in names)


def test_the_dyad_chart_has_a_time_axis_and_links_its_marks(base_url: str, watched: Watched) -> None:
    page = watched.page
    page.goto(base_url + "/dyad?a=AZE&b=ARM")
    ticks = page.locator("svg.chart text.tick").all_text_contents()
    assert len(ticks) >= 3 and all(re.fullmatch(r"([A-Z][a-z]{2} )?\d{4}", t) for t in ticks)
    page.locator("svg.chart a").last.click()  # drawn last, so on top of any mark it overlaps
    page.wait_for_url(re.compile(r"/events/ev-"))
    assert page.locator("blockquote mark.r-trigger").count() >= 1


def test_the_dyad_map_shows_outlines_and_dots_that_open_their_event(base_url: str, watched: Watched) -> None:
    page = watched.page
    page.goto(base_url + "/dyad?a=AZE&b=ARM")
    svg = page.locator("svg.map")
    assert svg.count() == 1 and svg.bounding_box()["width"] > 200
    assert page.locator("svg.map path.land").count() >= 2
    titles = page.locator("svg.map circle.dot title").all_text_contents()
    assert titles and all(re.match(r"[^:]+: [A-Z]+", t) for t in titles)
    assert "Armenia" in page.locator("svg.map path.land title").all_text_contents()
    page.locator("svg.map a").first.click()
    page.wait_for_url(re.compile(r"/events/ev-"))
    assert page.locator("blockquote mark.r-trigger").count() >= 1
    assert watched.errors == [] and watched.dialogs == []


def _screenshot(page: Any, path: str) -> None:
    folder = os.environ.get("PEACEWATCH_SCREENSHOTS")
    if not folder or path not in SHOTS:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1100, "height": 760})
    page.screenshot(path=str(Path(folder) / SHOTS[path]))


SHOTS = {"/": "overview.png", "/events": "events.png", "/dyad?a=AZE&b=ARM": "dyad.png",
         "/commitments": "commitments.png"}
