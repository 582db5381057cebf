"""Plain-text files and the title rule."""

from __future__ import annotations

import pytest

from peacewatch.ingest.plain import split_title
from peacewatch.ingest.rules import load_rules
from peacewatch.types import Document

from .helpers import only_doc, read

BODY = "The two ministers met in the capital on Tuesday.\nThey agreed to meet again next month.\n"


def test_short_first_line_before_a_blank_line_is_the_title(tmp_path):
    path = tmp_path / "talks.txt"
    path.write_text("Ministers meet again\n\n" + BODY, "utf-8")
    doc = only_doc(read(path))
    assert doc.title == "Ministers meet again"
    assert doc.text == BODY
    assert doc.id == Document.hash_id(BODY)
    assert doc.published is None
    assert doc.extra["ingest"]["source"] == str(path)
    assert doc.extra["ingest"]["format"] == "txt"


@pytest.mark.parametrize("first", [
    "The ministers met on Tuesday.",               # ends with a full stop
    "Did they agree?",                             # question mark counts as final punctuation
    "He said it was \u201cthe start.\u201d",       # punctuation inside closing quotes
    " ".join(["word"] * 40),                       # too many words
])
def test_first_line_that_is_not_a_title_stays_in_the_text(tmp_path, first):
    path = tmp_path / "a.txt"
    content = first + "\n\n" + BODY
    path.write_text(content, "utf-8")
    doc = only_doc(read(path))
    assert doc.title is None
    assert doc.text == content


def test_no_blank_line_means_no_title():
    split = split_title("Headline\n" + BODY, load_rules().title)
    assert split.title is None
    assert split.body == "Headline\n" + BODY


def test_windows_line_endings_and_several_blank_lines():
    split = split_title("Headline\r\n\r\n  \r\nBody text.\r\n", load_rules().title)
    assert split.title == "Headline"
    assert split.body == "Body text.\r\n"


def test_title_alone_is_kept_as_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Only a headline\n\n", "utf-8")
    assert only_doc(read(path)).text == "Only a headline\n\n"


def test_published_option_and_byte_order_mark(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbf" + BODY.encode("utf-8"))
    doc = only_doc(read(path, published="2023-12-13"))
    assert doc.text == BODY
    assert doc.published == "2023-12-13"
