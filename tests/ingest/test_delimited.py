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


def test_a_file_cut_inside_a_quoted_field_fails_its_last_row_only(tmp_path):
    path = tmp_path / "cut.csv"
    path.write_text(
        'id,text\na,"Both sides agreed to a truce, officials said."\n'
        'b,"The army said it had withdrawn from the town and that the', "utf-8",
    )
    items = read(path)
    assert error_codes(items) == [None, "E009"]
    assert items[0].id == "a"
    assert items[1].id == f"{path}:row:2"
    assert "ends inside a quoted field" in items[1].error.message


@pytest.mark.parametrize("body", [
    'a,"He said ""yes"" to the deal."\nb,"Calm, then ""shelling""\nat night."\n',
    'a,5" screens were sold.\nb,"A quoted, whole field."',  # a stray quote is a plain byte; no newline at the end
    'a,"Closed" and more\nb,Plain text.\n',  # bytes after a closing quote stay in the field
])
def test_whole_files_with_quotes_keep_every_row(tmp_path, body):
    path = tmp_path / "whole.csv"
    path.write_text("id,text\n" + body, "utf-8")
    items = read(path)
    assert error_codes(items) == [None, None]
    assert [i.id for i in items] == ["a", "b"]


@pytest.mark.parametrize("size", [1, 2, 3, 7])
def test_quote_watch_reads_across_chunk_ends(size):
    import io as _io

    from peacewatch.ingest.delimited import QuoteWatch

    whole = b'id,text\na,"x ""y"", z\n"\nb,"q"\n'
    # cut after the opening quote of row b; after a quote that may close the field; inside a doubled one
    for data, cut in ((whole, False), (whole[:-3], True), (whole[:14], False), (whole[:15], True)):
        watch = QuoteWatch(_io.BytesIO(data), b",")
        read_back = b""
        while chunk := watch.read(size):
            read_back += chunk
        assert read_back == data
        assert watch.cut is cut, (data, size)
