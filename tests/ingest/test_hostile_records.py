"""Records built to break the readers: each is a coded error for itself alone (issue #10)."""

from __future__ import annotations

import json

import pytest

from peacewatch.types import Document

from .helpers import error_codes, only_doc, read

GOOD = {"id": "good", "text": "Talks resumed in Doha."}


def _jsonl(tmp_path, *lines: bytes):
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    return read(path)


def _good_line(n: int) -> bytes:
    return json.dumps({**GOOD, "id": f"good-{n}"}).encode()


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_a_line_nested_past_the_parser_is_e011_and_its_neighbours_are_read(tmp_path, depth):
    deep = b'{"id": "deep", "text": "x", "n": ' + b"[" * depth + b"]" * depth + b"}"
    items = _jsonl(tmp_path, _good_line(1), deep, _good_line(2))
    assert error_codes(items) == [None, "E011", None]
    assert [i.id for i in items] == ["good-1", f"{tmp_path / 'in.jsonl'}:line:2", "good-2"]


def test_extra_nested_deeper_than_the_limit_is_e011_and_within_it_is_kept(tmp_path):
    too_deep = json.dumps({"id": "deep", "text": "x", "extra": json.loads("[" * 150 + "]" * 150)}).encode()
    fine = json.dumps({"id": "fine", "text": "x", "extra": json.loads("[" * 90 + "]" * 90)}).encode()
    items = _jsonl(tmp_path, too_deep, fine)
    assert error_codes(items) == ["E011", None]
    assert items[0].id == "deep"


def test_document_refuses_deep_extra_whoever_builds_it():
    from peacewatch.errors import InputError

    nested: list = []
    for _ in range(200):
        nested = [nested]
    with pytest.raises(InputError) as caught:
        Document(id="d", text="x", extra={"n": nested})
    assert caught.value.code == "E011"


@pytest.mark.parametrize("line", [
    rb'{"id": "s", "text": "half \ud800 of a pair"}',
    rb'{"id": "s", "text": "fine", "note": "\udc00"}',
    rb'{"id": "s", "text": "fine", "\ud800": 1}',
    rb'{"id": "\ud800", "text": "fine"}',
    rb'{"text": "fine", "title": "\ud800"}',
])
def test_a_lone_surrogate_anywhere_is_e005_and_its_id_is_printable(tmp_path, line):
    items = _jsonl(tmp_path, line, _good_line(1))
    assert error_codes(items) == ["E005", None]
    items[0].id.encode("utf-8")  # an id that could not be written would crash the output


def test_a_surrogate_pair_is_one_character_and_fine(tmp_path):
    items = _jsonl(tmp_path, rb'{"id": "pair", "text": "smile \ud83d\ude00"}')
    assert only_doc(items).text == "smile \U0001F600"


def test_a_csv_header_that_is_not_utf8_is_e005_not_a_crash(tmp_path):
    # found by the property test: pyarrow raised UnicodeDecodeError on the column name
    path = tmp_path / "a.csv"
    path.write_bytes(b"\x80,text\n,")
    assert error_codes(read(path)) == ["E005"]


def test_a_csv_row_that_is_not_utf8_fails_alone(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(b"id,text\n1,First report.\n2,Caf\xe9 talks.\n3,Third report.\n")
    items = read(path)
    assert error_codes(items) == [None, "E005", None]
    assert [i.id for i in items] == ["1", f"{path}:row:2", "3"]


@pytest.mark.parametrize(("given", "kept"), [
    (" 2023-12-07 ", "2023-12-07"), ("2023-12", "2023-12"), ("2023", "2023"),
    ("2023-12-07T10:00:00+02:00", "2023-12-07T10:00:00+02:00"), ("1600-01-01", "1600-01-01"),
])
def test_published_is_trimmed_and_month_and_year_precision_are_dates(tmp_path, given, kept):
    items = _jsonl(tmp_path, json.dumps({**GOOD, "published": given}).encode())
    assert only_doc(items).published == kept


@pytest.mark.parametrize("given", ["0001-01-01", "9999-12-31", "2023-13-01", "yesterday", "2023-1", "20231207", "5"])
def test_absurd_published_values_are_e007_up_front(tmp_path, given):
    value = int(given) if given.isdigit() and len(given) == 1 else given
    items = _jsonl(tmp_path, json.dumps({**GOOD, "published": value}).encode(), _good_line(1))
    assert error_codes(items) == ["E007", None]


def test_an_empty_published_falls_back_to_the_option(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({**GOOD, "published": ""}) + "\n", "utf-8")
    assert only_doc(read(path, published="2024-02-01")).published == "2024-02-01"
    assert only_doc(read(path)).published is None
    table = tmp_path / "a.csv"
    table.write_text("id,text,published\n1,Talks.,\n", "utf-8")
    assert only_doc(read(table, published="2024-02-01")).published == "2024-02-01"


def test_html_headline_is_its_own_paragraph(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Truce holds in the north</title></head><body><article>"
        "<h1>Truce holds in the north</h1><p>The army and the rebels kept the ceasefire on Monday, "
        "officials said.</p><p>Talks resume next week in the capital, the mediators announced.</p>"
        "</article></body></html>", "utf-8")
    doc = only_doc(read(path))
    assert doc.title == "Truce holds in the north"
    assert doc.text.startswith("Truce holds in the north\n\nThe army")


def test_separate_headline_leaves_a_first_sentence_alone():
    from peacewatch.ingest.html import separate_headline

    text = "The army kept the ceasefire on Monday.\nTalks resume next week."
    assert separate_headline(text, "Truce holds") == text
    assert separate_headline("Truce holds\n\nBody.", "Truce holds") == "Truce holds\n\nBody."
    assert separate_headline("Truce | Daily\nBody text here.", "truce  | daily") == "Truce | Daily\n\nBody text here."


def test_the_published_option_is_trimmed_too(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Talks resumed in Doha.", "utf-8")
    assert only_doc(read(path, published=" 2023-12 ")).published == "2023-12"


def test_feed_character_references_to_no_character_are_replaced_not_a_crash(tmp_path):
    # feedparser did chr(n).encode() on them: UnicodeEncodeError for a surrogate, ValueError past U+10FFFF
    path = tmp_path / "a.rss"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel>'
                    "<item><guid>a&#xD800;</guid>"
                    "<description>Talks &#xD800; &#x110000; &#0; resumed.</description></item>"
                    "<item><guid>b</guid><description>Fine text &#233;.</description></item></channel></rss>", "utf-8")
    first, second = read(path)
    assert isinstance(first, Document) and first.text == "Talks \ufffd \ufffd \ufffd resumed."
    assert first.id == "a\ufffd"
    assert isinstance(second, Document) and second.text == "Fine text \u00e9."
