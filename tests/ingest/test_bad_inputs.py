"""Every bad input gives its coded error for that item only; nothing else is lost."""

from __future__ import annotations

import builtins
import os
import tracemalloc

from peacewatch.types import Document

from .helpers import error_codes, read


def _good(tmp_path):
    path = tmp_path / "zz_good.txt"
    path.write_text("A readable report.", "utf-8")
    return path


def test_each_bad_file_fails_alone_in_a_folder(tmp_path):
    (tmp_path / "a_binary.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "b_latin1.txt").write_bytes("Caf\xe9 talks in Gen\xe8ve.".encode("latin-1"))
    (tmp_path / "c_empty.txt").write_bytes(b"")
    (tmp_path / "d_blank.txt").write_text("   \n\n  ", "utf-8")
    (tmp_path / "e_lines.jsonl").write_text('{"text": "ok"}\n{"text": broken}\n', "utf-8")
    _good(tmp_path)
    items = read(tmp_path)
    assert error_codes(items) == ["E006", "E005", "E003", "E003", None, "E001", None]
    assert items[0].id == str(tmp_path / "a_binary.bin")
    assert items[-1].text == "A readable report."  # type: ignore[union-attr]


def test_a_50_mb_text_is_e004_without_reading_it_all(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("w", encoding="utf-8") as out:
        block = "Long dispatch from the border. " * 1000
        for _ in range(50_000_000 // len(block) + 1):
            out.write(block)
    assert os.path.getsize(path) > 50_000_000
    tracemalloc.start()
    try:
        items = read(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert error_codes(items) == ["E004"]
    assert peak < 20_000_000  # a few times the 4 MB bound, far from 50 MB


def test_text_just_over_max_chars_is_e004(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("x" * 101, "utf-8")
    assert error_codes(read(path, max_chars=100)) == ["E004"]
    path.write_text("x" * 100, "utf-8")
    assert error_codes(read(path, max_chars=100)) == [None]


def test_an_over_long_jsonl_line_is_skipped_and_the_next_line_read(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "' + "y" * 5000 + '"}\n{"id": "next", "text": "Short."}\n', "utf-8")
    items = read(path, max_chars=100)
    assert error_codes(items) == ["E004", None]
    assert items[0].id == f"{path}:line:1" and items[1].id == "next"


def test_missing_file_is_e008_and_the_next_source_is_read(tmp_path):
    from peacewatch.config import load_config
    from peacewatch.ingest.sources import Source, documents_from

    good = _good(tmp_path)
    sources = [Source(str(tmp_path / "missing.txt")), Source(str(good))]
    items = list(documents_from(sources, load_config()))
    assert error_codes(items) == ["E008", None]
    assert items[0].id == str(tmp_path / "missing.txt")


def test_unreadable_file_is_e008(tmp_path, monkeypatch):
    path = _good(tmp_path)
    real_open = builtins.open

    def deny(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", deny)
    [result] = read(path)
    assert result.error is not None and result.error.code == "E008"
    assert "Permission denied" in result.error.message


def test_unparseable_format_is_e009(tmp_path):
    path = tmp_path / "table.csv"
    path.write_text("id,,id\n1,2,3\n", "utf-8")
    assert error_codes(read(path)) == ["E009"]


def test_good_documents_are_documents(tmp_path):
    [doc] = read(_good(tmp_path))
    assert isinstance(doc, Document)
