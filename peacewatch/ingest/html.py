"""HTML pages (one document per page) and HTML fragments (feed items) as plain text.

A page's main text comes from trafilatura, its title from the page's metadata and its
publication date from htmldate, looking at the markup only (meta tags, ``<time>``, structured
data; no search of the body text, so a date mentioned in the story is never taken for the
publication date). Both get an lxml tree parsed here, never a string, so nothing can take the
input for a URL and fetch it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

from ..config import Config
from ..errors import InputError
from ..types import Document, Result
from .origin import Opened, read_bounded
from .records import check_published, check_text
from .rules import load_rules

if TYPE_CHECKING:
    from .sources import Source

_BLOCKS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote tr table section article header footer pre hr".split()
)
_SKIP = frozenset({"script", "style", "noscript", "template"})
_BLANKS = re.compile(r"[ \t\r\f\v]+")
_PARAGRAPHS = re.compile(r"\s*\n\s*")


class _TextCollector(HTMLParser):
    """Collects the text of an HTML fragment; block elements end a line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment: tags dropped, entities decoded, one paragraph per line."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    text = _BLANKS.sub(" ", "".join(collector.parts))
    return _PARAGRAPHS.sub("\n", text).strip()


def read_html(opened: Opened, source: Source, config: Config) -> Iterator[Document | Result]:
    """The page as one document: main text, title, url (canonical link) and publication date."""
    import trafilatura

    limit = config.max_chars * load_rules().limits["html_bytes_per_char"]
    tree = trafilatura.load_html(read_bounded(opened.stream, limit, "HTML page"))
    if tree is None:
        raise InputError("the HTML page cannot be parsed; check that the file is HTML", "E009")
    meta = trafilatura.extract_metadata(tree)
    published, date_why = _published(tree, source)
    title = _meta(meta, "title")
    text, text_why = _main_text(tree)
    text = separate_headline(text, title)
    check_text(text, config.max_chars)
    doc = Document(
        id=Document.hash_id(text), text=text, published=published,
        url=_meta(meta, "url"), title=title,
    )
    yield opened.origin.stamp(doc, text_why, date_why, "title: page metadata (trafilatura)")


def separate_headline(text: str, title: str | None) -> str:
    """The text with a blank line after its first line when that line is the page's headline.

    trafilatura puts one newline between the headline it keeps and the first paragraph, and a
    single newline does not end a sentence: the headline would be read as the start of the first
    sentence. A first line is the headline when it is the page title (spacing and case aside) or
    when it looks like one by the plain-text title rule (short, no final punctuation)."""
    first, newline, rest = text.partition("\n")
    if not newline or not rest.strip() or rest.startswith("\n") or not first.strip():
        return text
    rule = load_rules().title
    line = first.strip()
    same = title is not None and " ".join(line.casefold().split()) == " ".join(title.casefold().split())
    short = len(line) <= rule.max_chars and len(line.split()) <= rule.max_words
    unpunctuated = line.rstrip(rule.closing_marks)[-1:] not in tuple(rule.final_punctuation)
    return f"{first}\n\n{rest}" if same or (short and unpunctuated) else text


def _main_text(tree: Any) -> tuple[str, str]:
    import trafilatura

    text = trafilatura.extract(tree, include_comments=False, include_tables=False)
    if text:
        return text, "text: main text (trafilatura)"
    text = trafilatura.extract(tree, include_comments=False, favor_recall=True)
    if text:
        return text, "text: main text (trafilatura, favor_recall)"
    from lxml import html as lxml_html

    body = tree.find(".//body")
    fragment = lxml_html.tostring(body if body is not None else tree, encoding="unicode")
    return html_to_text(fragment), "text: all text of <body> (trafilatura found no main text)"


def _published(tree: Any, source: Source) -> tuple[str | None, str]:
    if source.published:
        return source.published, "published: --published"
    import htmldate

    found = htmldate.find_date(tree, extensive_search=False, original_date=True)
    if not found:
        return None, "published: none in the page markup"
    try:
        return check_published(found), "published: page markup (htmldate)"
    except InputError:
        return None, f"published: none (htmldate gave {found!r})"


def _meta(meta: Any, name: str) -> str | None:
    value = getattr(meta, name, None) if meta is not None else None
    return value if isinstance(value, str) and value.strip() else None
