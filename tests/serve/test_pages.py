"""The dashboard's pages, without a browser: each renders, carries the security headers, escapes
what the database holds, keeps its state in its address and links its table's CSV."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import quote

import pytest

from peacewatch.serve.present import doc_title, safe_url
from peacewatch.store.rows import DocumentHead
from tests.resolve.helpers import golden_documents
from tests.serve.webdb import EVIL_ID, EVIL_TITLE

PAGES = ["/", "/events", "/events?dyad=AZE,ARM&sort=-day", "/dyad", "/dyad?a=AZE&b=ARM", "/dyad?a=AZE&b=ARM&by=week",
         "/commitments", "/commitments?status=fulfilled", "/documents", f"/documents/{golden_documents()[0].id}",
         f"/documents/{quote(EVIL_ID, safe='')}", "/quotes", "/events?q=prisoners", "/agreements",
         "/events?country=AZE&bbox=44,39,51,42"]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_renders_with_a_strict_policy_and_no_inline_script(client, url: str) -> None:  # type: ignore[no-untyped-def]
    page = client.get(url)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert page.headers["x-content-type-options"] == "nosniff"
    scripts = re.findall(r"<script\b[^>]*>", page.text)
    assert scripts == ['<script src="/static/app.js" defer>']
    assert not re.search(r"<[a-z]+\b[^>]*\son[a-z]+=", page.text), "an inline event handler"
    assert "//cdn" not in page.text and 'src="http' not in page.text


def test_a_hostile_document_is_shown_as_text(client) -> None:  # type: ignore[no-untyped-def]
    for url in ["/documents", f"/documents/{quote(EVIL_ID, safe='')}"]:
        text = client.get(url).text
        assert "<script>alert" not in text and "<img src=x" not in text and "<svg onload" not in text
    page = client.get(f"/documents/{quote(EVIL_ID, safe='')}").text
    assert unescape(re.search(r"<h1>(.*?)</h1>", page, re.S).group(1)) == EVIL_TITLE
    assert 'href="javascript:' not in page and "javascript:alert(3)" in page
    data = client.get("/api/documents")  # JSON keeps the text as it is, never read as HTML
    assert data.headers["content-type"] == "application/json" and data.headers["x-content-type-options"] == "nosniff"


def test_unknown_pages_say_the_coded_error(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/events/ev-none")
    assert page.status_code == 404 and "E060" in page.text
    assert client.get("/events?since=soon").status_code == 422


def test_the_view_is_in_the_address_and_the_csv_link_has_the_same_filters(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/events?type=AGREE&sort=-day").text
    assert '<option selected>AGREE</option>' in page
    rows = re.findall(r'<tr class="event" id="([^"]+)">', page)
    agree = [e["id"] for e in client.get("/api/events?type=AGREE&sort=-day").json()["items"]]
    assert rows == agree
    link = unescape(re.search(r'<a class="csv" href="([^"]+)"', page).group(1))
    assert link == "/api/events?type=AGREE&sort=-day&format=csv"


def test_each_event_row_opens_to_its_sentences_with_the_trigger_marked(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/events?dyad=AZE,ARM").text
    blocks = re.findall(r'<tr class="sources">(.*?)</tr>', page, re.S)
    assert blocks and all("<details>" in b for b in blocks)
    assert all('class="r-trigger"' in b for b in blocks if "<blockquote>" in b)


def test_documents_are_named_by_title_then_file_then_first_line() -> None:
    assert doc_title(DocumentHead("9f2c", "A title", "x.txt", "First line")) == "A title"
    assert doc_title(DocumentHead("9f2c", None, "news/2023/swap.txt", "First line")) == "swap.txt"
    assert doc_title(DocumentHead("9f2c", None, "-", "Prisoner swap completed")) == "Prisoner swap completed"
    assert doc_title(DocumentHead("9f2c", None, None, "")) == "9f2c"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,<b>", "//evil",
                                 "http://", 'https://x.org/"onmouseover=alert(1)', " javascript:x"])
def test_only_http_addresses_become_links(url: str) -> None:
    assert safe_url(url) is None


def test_http_addresses_become_links() -> None:
    assert safe_url("https://example.org/a?b=1&c=2") == "https://example.org/a?b=1&c=2"


def test_dyad_lists_name_each_pair_once_and_never_a_party_with_itself(client) -> None:  # type: ignore[no-untyped-def]
    for url in ["/", "/dyad"]:
        pairs = re.findall(r'<a href="/dyad\?[^"]+">([^<]+) – ([^<]+)</a>', client.get(url).text)
        assert pairs and all(a != b for a, b in pairs)
    overview = re.findall(r'<a href="/dyad\?[^"]+">([^<]+ – [^<]+)</a>', client.get("/").text)
    assert len(overview) == len(set(overview))


def test_entity_counts_read_as_words(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/").text
    assert re.search(r"\d+ (people|states|organizations)", page) and not re.search(r"\d+ (person|state)\b", page)
