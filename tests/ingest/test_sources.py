"""Sources: format detection, folders, gzip, standard input and the Source options."""

from __future__ import annotations

import gzip
import io
import sys

import pytest

from peacewatch.errors import InputError
from peacewatch.ingest.sources import Source, count_inputs, detect_format
from peacewatch.types import Document

from .helpers import error_codes, only_doc, read


@pytest.mark.parametrize(("name", "head", "expected"), [
    ("a.jsonl", b"anything", "jsonl"),
    ("a.TXT", b"{", "txt"),
    ("a.htm", b"", "html"),
    ("a.tsv", b"", "csv"),
    ("a.atom", b"", "rss"),
    ("noext", b'  {"text": "x"}', "jsonl"),
    ("a.xml", b'<?xml version="1.0"?><rss version="2.0">', "rss"),
    ("a.xml", b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', "rss"),
    ("", b"<!DOCTYPE html><html>", "html"),
    ("", b"\xef\xbb\xbfPlain words.", "txt"),
])
def test_detect_format(name, head, expected):
    fmt, why = detect_format("auto", name, head)
    assert fmt == expected
    assert why.startswith(f"format: {expected}")


def test_given_format_wins_over_the_extension(tmp_path):
    path = tmp_path / "notes.data"
    path.write_text('{"id": "j", "text": "Looks like JSON."}\n', "utf-8")
    assert only_doc(read(path, format="txt")).text.startswith('{"id"')
    assert only_doc(read(path)).id == "j"


def test_folder_is_read_recursively_in_name_order_skipping_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("hidden folder", "utf-8")
    (tmp_path / ".secret.txt").write_text("hidden file", "utf-8")
    (tmp_path / "c.txt").write_text("Third.", "utf-8")
    (tmp_path / "a.txt").write_text("First.", "utf-8")
    (tmp_path / "b" / "inner.jsonl").write_text('{"text": "Second."}\n', "utf-8")
    items = read(tmp_path)
    assert [i.text for i in items if isinstance(i, Document)] == ["First.", "Second.", "Third."]
    assert count_inputs([Source(str(tmp_path))]) == 3


def test_gzip_files_use_the_inner_name(tmp_path):
    path = tmp_path / "batch.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"id": "z1", "text": "Zipped."}\n'))
    doc = only_doc(read(path))
    assert (doc.id, doc.extra["ingest"]["format"]) == ("z1", "jsonl")
    page = tmp_path / "page.txt.gz"
    page.write_bytes(gzip.compress(b"Just text."))
    assert only_doc(read(page)).text == "Just text."


def test_damaged_gzip_is_e009(tmp_path):
    path = tmp_path / "bad.jsonl.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00not really gzip data at all")
    assert error_codes(read(path)) == ["E009"]


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_jsonl_is_sniffed(monkeypatch):
    _stdin(monkeypatch, b'{"id": "s1", "text": "From a pipe."}\nnot json\n')
    items = read("-")
    assert error_codes(items) == [None, "E001"]
    assert items[0].id == "s1"
    assert items[1].id == "stdin:line:2"
    assert items[0].extra["ingest"]["source"] == "stdin"  # type: ignore[union-attr]


def test_stdin_text_with_a_format(monkeypatch):
    _stdin(monkeypatch, b"Headline\n\nBody from a pipe.\n")
    doc = only_doc(read("-", format="txt", published="2024-04-19"))
    assert (doc.title, doc.text, doc.published) == ("Headline", "Body from a pipe.\n", "2024-04-19")


def test_large_stdin_stream_reads_past_the_sniffed_head(monkeypatch):
    lines = b"".join(b'{"id": "%d", "text": "Line %d."}\n' % (n, n) for n in range(2000))
    _stdin(monkeypatch, lines)
    items = read("-")
    assert len(items) == 2000 and items[-1].id == "1999"


@pytest.mark.parametrize(("options", "code"), [
    ({"format": "docx"}, "E009"),
    ({"published": "last Tuesday"}, "E007"),
    ({"delimiter": ";;"}, "E009"),
])
def test_invalid_source_options(options, code):
    with pytest.raises(InputError) as info:
        Source("x", **options)
    assert info.value.code == code


def test_reading_the_same_sources_twice_gives_the_same_documents(tmp_path):
    (tmp_path / "a.txt").write_text("Headline\n\nBody.\n", "utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "One."}\n{"text": "Two.", "published": "2024-01-01"}\n')
    first = [i.to_dict() for i in read(tmp_path)]
    assert first == [i.to_dict() for i in read(tmp_path)]
    assert len(first) == 3
