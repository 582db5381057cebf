"""The example corpus: every article reads cleanly, in the shape examples/README.md promises."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peacewatch.types import Document

from .helpers import only_doc, read

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ARTICLES = EXAMPLES / "articles.jsonl"
TEXT = EXAMPLES / "exchange-followup-2023-12-14.txt"
PAGE = EXAMPLES / "border-tavush-2024-04-20.html"


def _all_documents() -> list[Document]:
    items = read(ARTICLES) + read(TEXT, published="2023-12-14") + read(PAGE)
    assert all(isinstance(i, Document) for i in items), [i for i in items if not isinstance(i, Document)]
    return items  # type: ignore[return-value]


def test_there_are_six_to_eight_articles_of_150_to_350_words():
    documents = _all_documents()
    assert 6 <= len(documents) <= 8
    for doc in documents:
        assert 150 <= len(doc.text.split()) <= 350, doc.id
        assert doc.title and doc.published


def test_ids_are_unique_and_urls_are_example_org():
    documents = _all_documents()
    assert len({d.id for d in documents}) == len(documents)
    for doc in documents:
        if doc.url is not None:
            assert doc.url.startswith("https://example.org/"), doc.id


def test_jsonl_records_have_the_contract_fields():
    for line in ARTICLES.read_text("utf-8").splitlines():
        record = json.loads(line)
        assert {"id", "title", "published", "url", "text"} <= record.keys()


@pytest.mark.parametrize("path", [TEXT, PAGE], ids=["txt", "html"])
def test_single_article_files_read_with_title_and_date(path):
    doc = only_doc(read(path, published="2023-12-14") if path == TEXT else read(path))
    assert doc.title is not None and "\n" not in doc.title
    assert doc.published is not None
