"""The edit control in a real browser (Playwright driving Debian's Chromium, as test_browser.py), on
a server started with a write token over a database built from examples/: a wrong token shows the
coded refusal (E069) and changes nothing; the right one retypes the event and the page it then
shows has the new type and its "corrected" mark. Skips (or fails, with
PEACEWATCH_BROWSER_TESTS=required) as test_browser.py does."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest

from tests.serve.test_browser import ARGS, CHROMIUM, served

TOKEN = "edit-test-token"
TIMEOUT = 15_000  # ms: every wait of the test is bounded


@pytest.fixture(scope="module")
def writable_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with served(tmp_path_factory.mktemp("edit"), write_token=TOKEN) as url:
        yield url


@pytest.fixture(scope="module")
def page(writable_url: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = chromium.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(TIMEOUT)
        page.script_errors = []
        page.on("pageerror", lambda e: page.script_errors.append(str(e)))
        yield page
        context.close()
        chromium.close()


def _get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as answer:
        return json.load(answer)


def test_an_event_is_retyped_from_its_page(writable_url: str, page: Any) -> None:
    event = _get(writable_url + "/api/events?type=AGREE&limit=1")["items"][0]
    page.goto(f"{writable_url}/events/{quote(event['id'], safe='')}")
    form = page.locator("form.correction")
    assert form.locator("select[name=type]").input_value() == "AGREE"
    form.locator("select[name=type]").select_option("CONSULT")
    form.locator("input[name=note]").fill("a meeting, not an agreement <b>")

    form.locator("input[name=token]").fill("not-the-token")
    form.locator("button[value=event]").click()
    error = form.locator("output.correction-error")
    error.wait_for(state="visible")
    assert error.inner_text().startswith("E069: ")
    assert page.url.endswith(quote(event["id"], safe="")), "a refused correction stays on the page"
    assert _get(writable_url + "/api/corrections")["corrections"] == []

    form.locator("input[name=token]").fill(TOKEN)
    with page.expect_navigation():
        form.locator("button[value=event]").click()
    page.wait_for_load_state()
    facts = page.locator("dl.facts").inner_text()
    assert "CONSULT" in facts and "corrected" in facts and "the machine said: type AGREE" in facts
    assert page.locator("form.correction select[name=type]").input_value() == "CONSULT"
    assert page.locator("form.correction input[name=token]").input_value() == TOKEN, "kept for the tab"
    assert TOKEN not in page.url and TOKEN not in page.content().replace(f'value="{TOKEN}"', "")
    [correction] = _get(writable_url + "/api/corrections")["corrections"]
    assert correction["state"] == "applied" and correction["note"] == "a meeting, not an agreement <b>"
    assert page.script_errors == []
