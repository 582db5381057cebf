"""JSON Lines files: the contract's input, line by line."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from peacewatch.config import load_config
from peacewatch.ingest.sources import Source, documents_from
from peacewatch.types import Document

from .helpers import error_codes, read


def test_lines_ids_and_errors(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(
        '{"id": "d1", "text": "First.", "published": "2023-12-07", "outlet": "Wire"}\n'
        "\n"
        "{not json\n"
        '{"id": "d3", "text": ""}\n'
        '{"id": "d4", "body": "Wrong field."}\n'
        '["a list"]\n'
        '{"text": "No id."}\n', "utf-8",
    )
    items = read(path)
    assert error_codes(items) == [None, "E001", "E003", "E002", "E010", None]
    expected = ["d1", f"{path}:line:3", "d3", "d4", f"{path}:line:6", Document.hash_id("No id.")]
    assert [i.id for i in items] == expected
    first = items[0]
    assert isinstance(first, Document)
    assert first.extra["outlet"] == "Wire"
    assert first.extra["ingest"] == {
        "source": str(path), "format": "jsonl", "line": 1, "why": ["format: jsonl (extension .jsonl)"],
    }


def test_published_option_fills_only_missing_dates(tmp_path):
    path = tmp_path / "in.ndjson"
    path.write_text('{"text": "A."}\n{"text": "B.", "published": "2024-01-02"}\n', "utf-8")
    items = read(path, published="2024-05-05")
    assert [i.published for i in items] == ["2024-05-05", "2024-01-02"]


def test_an_input_field_named_ingest_is_kept(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"text": "A.", "ingest": "theirs"}\n', "utf-8")
    [doc] = read(path)
    assert isinstance(doc, Document) and doc.extra["ingest"] == "theirs"


@settings(max_examples=60, deadline=None)
@given(text=st.text(min_size=1).filter(lambda t: t.strip()), doc_id=st.text(min_size=1, max_size=20))
def test_jsonl_text_round_trips_exactly(tmp_path_factory, text, doc_id):
    path = tmp_path_factory.mktemp("rt") / "one.jsonl"
    line = json.dumps({"id": doc_id, "text": text}, ensure_ascii=False)
    path.write_bytes(line.encode("utf-8", errors="surrogatepass") + b"\n")
    items = list(documents_from([Source(str(path))], load_config()))
    if any(0xD800 <= ord(c) <= 0xDFFF for c in text):
        return  # lone surrogates are not UTF-8: another test covers E005
    [doc] = items
    assert isinstance(doc, Document)
    assert doc.text == text
    assert doc.id == doc_id
