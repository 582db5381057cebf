"""CSV and TSV files: column mapping by name, long fields, bad rows."""

from __future__ import annotations

import pytest

from peacewatch.errors import InputError
from peacewatch.ingest.delimited import map_columns
from peacewatch.ingest.sources import Source
from peacewatch.types import Document

from .helpers import error_codes, only_doc, read

CSV = (
    "Headline,Body,Date,Link,outlet\n"
    '"Ceasefire holds","Calm on the line, officials said.\nA second line.",2024-04-20,https://example.org/1,Wire\n'
    "Empty one,,2024-04-21,,Wire\n"
    "Bad date,Some text.,next week,,Wire\n"
)


def test_common_column_names_are_found(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text(CSV, "utf-8")
    items = read(path)
    assert error_codes(items) == [None, "E003", "E007"]
    doc = items[0]
    assert isinstance(doc, Document)
    assert doc.text == "Calm on the line, officials said.\nA second line."
    assert doc.title == "Ceasefire holds"
    assert doc.published == "2024-04-20"
    assert doc.url == "https://example.org/1"
    assert doc.id == Document.hash_id(doc.text)
    assert doc.extra["outlet"] == "Wire"
    assert doc.extra["ingest"]["row"] == 1
    assert items[1].id == f"{path}:row:2"


def test_named_columns_tsv_and_ids_kept_as_strings(tmp_path):
    path = tmp_path / "news.tsv"
    path.write_text("key\tstory\twhen\n007\tThe talks went on.\t2024-05-10\n", "utf-8")
    doc = only_doc(read(path, id_column="key", text_column="story", published_column="when"))
    assert doc.id == "007"
    assert doc.text == "The talks went on."
    assert doc.published == "2024-05-10"


def test_long_field_beyond_the_csv_module_default_limit(tmp_path):
    text = "Long report. " * 20_000  # 260,000 characters, over csv's 131,072 default
    path = tmp_path / "long.csv"
    path.write_text(f'id,text\nlong,"{text}"\n', "utf-8")
    assert only_doc(read(path)).text == text


def test_row_with_too_many_fields_is_e009_and_others_go_on(tmp_path):
    path = tmp_path / "ragged.csv"
    path.write_text("id,text\na,First.\nb,Second,extra\nc,Third.\n", "utf-8")
    items = read(path)
    assert error_codes(items) == ["E009", None, None]  # a block's bad rows come before its documents
    assert [i.id for i in items if isinstance(i, Document)] == ["a", "c"]
    [bad] = [i for i in items if not isinstance(i, Document)]
    assert bad.id == f"{path}:line:3"


def test_missing_text_column_is_e009(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("id,headline\n1,Only a headline\n", "utf-8")
    [result] = read(path)
    assert result.error is not None and result.error.code == "E009"
    assert "text_column" in result.error.message


def test_named_column_must_exist():
    with pytest.raises(InputError) as info:
        map_columns(["id", "text"], Source("x.csv", text_column="body"))
    assert info.value.code == "E009"


def test_invalid_utf8_in_csv_is_e005(tmp_path):
    path = tmp_path / "x.csv"
    path.write_bytes(b"id,text\n1,caf\xe9 talks\n")
    assert error_codes(read(path)) == ["E005"]
