"""A text of characters no reader sees (zero-width spaces and joiners, byte-order and direction marks,
control characters) is an empty text, E003, as a text of blanks is: such a record, under a title, was
stored as a document with nothing in it (thirteenth round's real-world shapes, docs/reliability.md).
A text with one visible character among them is a document."""

from __future__ import annotations

import json

import pytest

from peacewatch.types import Document

from .helpers import error_codes, read


@pytest.mark.parametrize("text", ["\u200b\u200b\ufeff", "\u200f\u202e\u2066\u2069", "\x01\x02\x7f\x85",
                                  " \u200d\n\u2028\u2029\t", "\u200b" * 10_000])
def test_a_text_that_shows_nothing_is_e003_and_the_next_line_is_read(tmp_path, text):
    path = tmp_path / "in.jsonl"
    lines = [{"id": "a", "title": "Ceasefire agreed", "text": text}, {"id": "b", "text": "Talks resumed\u200b today."}]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), "utf-8")
    items = read(path)
    assert error_codes(items) == ["E003", None]
    assert isinstance(items[1], Document) and items[1].text == "Talks resumed\u200b today."


def test_one_visible_character_among_them_is_a_document(tmp_path):
    path = tmp_path / "in.txt"
    path.write_text("\u200b\u200f\u0627\u200f\n", "utf-8")  # one Arabic letter between marks
    assert error_codes(read(path)) == [None]
