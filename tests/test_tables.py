"""The one loader of the shipped rule tables: comments skipped, columns checked, line numbers kept."""

from __future__ import annotations

import pytest

from peacewatch import tables
from peacewatch.errors import ConfigError
from peacewatch.tables import Column, optional, read_table

COLUMNS = (Column("action"), optional("mode"), Column("kind"))


def _table(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(tables, "read_text", lambda folder, name: text)


def test_rows_keep_their_line_numbers_past_comments_and_blanks(monkeypatch: pytest.MonkeyPatch) -> None:
    _table(monkeypatch, "# what this table is\naction\tmode\tkind\n\n# a note\nRETREAT\t\tyes\nAID\tfood\n")
    with pytest.raises(ConfigError):  # line 6 leaves out the required kind
        read_table("resolve", "t.tsv", COLUMNS)
    _table(monkeypatch, "# what this table is\naction\tmode\tkind\n\n# a note\nRETREAT\t\tyes\nAID\tfood\tno\n")
    rows = read_table("resolve", "t.tsv", COLUMNS)
    assert [r.line for r in rows] == [5, 6]
    assert dict(rows[0]) == {"action": "RETREAT", "mode": "", "kind": "yes"}
    assert rows[1]["mode"] == "food" and rows[1].where == "t.tsv:6"


def test_a_missing_trailing_optional_cell_reads_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    _table(monkeypatch, "word\tnote\nsay \nclaim\t a noun\n")
    rows = read_table("quotes", "t.tsv", (Column("word"), optional("note")), header=False)
    assert [dict(r) for r in rows] == [{"word": "word", "note": "note"}, {"word": "say", "note": ""},
                                      {"word": "claim", "note": "a noun"}]


@pytest.mark.parametrize(("text", "where"), [
    ("action\tmode\tkind\nRETREAT\t\tyes\textra\n", "line 2 has 4 cells"),
    ("action\tmode\tkind\n# c\n\tceasefire\tyes\n", "line 3: required column action is empty"),
    ("action\tkind\nRETREAT\tyes\n", "line 1: the header"),
    ("# only a comment\n", "no header line"),
])
def test_a_bad_line_is_e027_naming_file_and_line(monkeypatch: pytest.MonkeyPatch, text: str, where: str) -> None:
    _table(monkeypatch, text)
    with pytest.raises(ConfigError) as err:
        read_table("resolve", "t.tsv", COLUMNS)
    assert err.value.code == "E027"
    assert "peacewatch/data/resolve/t.tsv" in err.value.message and where in err.value.message


def test_a_missing_table_is_e027() -> None:
    with pytest.raises(ConfigError) as err:
        read_table("timex", "no_such_table.tsv", (Column("word"),))
    assert err.value.code == "E027" and "no_such_table.tsv" in err.value.message


def test_broken_json_is_e027(monkeypatch: pytest.MonkeyPatch) -> None:
    _table(monkeypatch, "{not json")
    with pytest.raises(ConfigError) as err:
        tables.read_json("ingest", "rules.json")
    assert err.value.code == "E027"
