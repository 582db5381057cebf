"""HTML pages and RSS/Atom feeds: built here, read without any network access."""

from __future__ import annotations

import socket

import pytest

from peacewatch.ingest.html import html_to_text
from peacewatch.types import Document

from .helpers import error_codes, only_doc, read

PARAGRAPHS = [
    "Negotiators from both delegations met in a lakeside villa on Wednesday to go through the draft "
    "text clause by clause, according to officials who briefed reporters afterwards.",
    "The hosts said the atmosphere had been constructive and that the delegations had agreed to keep "
    "talking at expert level before the ministers meet again in the spring.",
]

PAGE = f"""<!DOCTYPE html>
<html><head>
<title>Talks on draft text go on | The Example Courier</title>
<meta property="og:title" content="Talks on draft text go on">
<meta property="article:published_time" content="2024-02-29T18:30:00+01:00">
<link rel="canonical" href="https://example.org/news/draft-talks">
<script>var tracking = "ignore me";</script>
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Talks on draft text go on</h1><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p></article>
<footer>All rights reserved by nobody in particular.</footer>
</body></html>"""


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("ingest tried to use the network")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


def test_html_page_main_text_title_date_and_url(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, "utf-8")
    doc = only_doc(read(path))
    assert PARAGRAPHS[0] in doc.text and PARAGRAPHS[1] in doc.text
    assert "tracking" not in doc.text and "All rights reserved" not in doc.text
    assert doc.title == "Talks on draft text go on"
    assert doc.published == "2024-02-29"
    assert doc.url == "https://example.org/news/draft-talks"
    assert doc.id == Document.hash_id(doc.text)
    assert "published: page markup (htmldate)" in doc.extra["ingest"]["why"]


def test_html_published_option_wins_and_no_date_is_invented(tmp_path):
    path = tmp_path / "page.htm"
    path.write_text(PAGE, "utf-8")
    assert only_doc(read(path, published="2024-03-01")).published == "2024-03-01"
    undated = tmp_path / "undated.html"
    meta = '<meta property="article:published_time" content="2024-02-29T18:30:00+01:00">'
    undated.write_text(PAGE.replace(meta, ""), "utf-8")
    assert only_doc(read(undated)).published is None


def test_html_without_main_text_falls_back_to_body(tmp_path):
    path = tmp_path / "short.html"
    path.write_text("<html><body><p>Brief note on the talks.</p></body></html>", "utf-8")
    assert "Brief note on the talks." in only_doc(read(path)).text


def test_html_fragment_to_text():
    text = html_to_text("<p>One &amp; two</p><script>x()</script><p>Three <b>four</b></p>")
    assert text == "One & two\nThree four"


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example wire</title><link>https://example.org/</link>
<item><title>Prisoners &amp; soldiers freed</title><link>https://example.org/a</link>
<guid>urn:example:a</guid><pubDate>Wed, 13 Dec 2023 22:30:00 +0400</pubDate>
<description>&lt;p&gt;Both sides &lt;b&gt;released&lt;/b&gt; detainees.&lt;/p&gt;</description></item>
<item><title>No guid here</title><link>https://example.org/b</link>
<description>Plain summary text.</description></item>
<item><title>Nothing inside</title><guid>urn:example:c</guid></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example feed</title><id>urn:feed</id>
<updated>2024-05-11T09:00:00Z</updated>
<entry><title>Ministers meet</title><id>urn:example:e1</id><updated>2024-05-11T09:00:00Z</updated>
<content type="html">&lt;p&gt;The foreign ministers met for two days.&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_items(tmp_path):
    path = tmp_path / "wire.rss"
    path.write_text(RSS, "utf-8")
    items = read(path)
    assert error_codes(items) == [None, None, "E003"]
    first, second, third = items
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.id == "urn:example:a"
    assert first.text == "Both sides released detainees."
    assert first.title == "Prisoners & soldiers freed"
    assert first.published == "2023-12-13T22:30:00+04:00"  # the local date is kept
    assert first.url == "https://example.org/a"
    assert second.id == "https://example.org/b" and second.published is None
    assert third.id == "urn:example:c"


def test_atom_entry_sniffed_from_xml_content(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text(ATOM, "utf-8")
    doc = only_doc(read(path))
    assert doc.extra["ingest"]["format"] == "rss"
    assert doc.text == "The foreign ministers met for two days."
    assert doc.published == "2024-05-11T09:00:00+00:00"
    assert doc.id == "urn:example:e1"


def test_feed_without_items_is_e009(tmp_path):
    path = tmp_path / "empty.rss"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>')
    assert error_codes(read(path)) == ["E009"]


def test_plain_text_feed_title_keeps_angle_brackets(tmp_path):
    path = tmp_path / "feed.atom"
    path.write_text(ATOM.replace("<title>Ministers meet</title>",
                                 '<title type="text">Talks &lt;draft&gt; resume</title>'), "utf-8")
    assert only_doc(read(path)).title == "Talks <draft> resume"
