"""The one reader of the rule tables shipped in ``peacewatch/data/<folder>/`` (package resources).

A table is a TSV file: one row a line, cells split on tabs, lines starting with ``#`` (and blank
lines) are comments and skipped. The caller declares the columns; a table either begins with a header
line naming them in that order (``header=True``) or has none. Every line is checked against the
declaration: no more cells than columns, and a required column never empty (a missing trailing
optional cell reads as ""). Cells are stripped of surrounding spaces. A line that breaks a rule raises
``ConfigError`` E027 naming the file and the line; every row keeps its line number, so a decision's
``why`` can cite it (``fulfils.tsv:12``).

``read_json`` and ``read_bytes`` read the other shipped data files (JSON, gzip) under the same rules of
where they live and how a broken one is reported. Nothing here is cached: each stage caches the typed
records it builds from the rows.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from .errors import ConfigError

E027 = "E027"


@dataclass(frozen=True)
class Column:
    """A declared column: its name, and whether every row must give it a value."""

    name: str
    required: bool = True


def optional(name: str) -> Column:
    """A column a row may leave empty or leave out at its end."""
    return Column(name, required=False)


@dataclass(frozen=True)
class Row(Mapping[str, str]):
    """One row of a table: its cells by column name, the file it came from and its line (1-based)."""

    file: str
    line: int
    cells: tuple[tuple[str, str], ...]

    def __getitem__(self, key: str) -> str:
        for name, value in self.cells:
            if name == key:
                return value
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return (name for name, _ in self.cells)

    def __len__(self) -> int:
        return len(self.cells)

    @property
    def where(self) -> str:
        """``file.tsv:line``, the form a ``why`` cites a row in."""
        return f"{self.file}:{self.line}"


def _path(folder: str, name: str) -> str:
    return f"peacewatch/data/{folder}/{name}"


def read_bytes(folder: str, name: str) -> bytes:
    """The raw bytes of a shipped data file (E027 when it is missing or unreadable)."""
    try:
        return resources.files("peacewatch").joinpath("data", folder, name).read_bytes()
    except OSError as e:
        raise ConfigError(f"{_path(folder, name)} cannot be read ({e}); reinstall peacewatch", E027) from e


def read_text(folder: str, name: str) -> str:
    """A shipped data file as text (UTF-8)."""
    try:
        return read_bytes(folder, name).decode("utf-8")
    except UnicodeDecodeError as e:
        raise ConfigError(f"{_path(folder, name)} is not UTF-8 ({e}); reinstall peacewatch", E027) from e


def read_json(folder: str, name: str) -> Any:
    """A shipped JSON file, parsed."""
    try:
        return json.loads(read_text(folder, name))
    except ValueError as e:
        raise ConfigError(f"{_path(folder, name)} is not valid JSON ({e}); reinstall peacewatch", E027) from e


def read_table(folder: str, name: str, columns: tuple[Column, ...], *, header: bool = True) -> tuple[Row, ...]:
    """The rows of ``peacewatch/data/<folder>/<name>`` checked against ``columns``, in file order."""
    lines = [(number, line) for number, line in enumerate(read_text(folder, name).splitlines(), 1)
             if line.strip() and not line.startswith("#")]
    if header:
        if not lines:
            raise ConfigError(f"{_path(folder, name)} has no header line; reinstall peacewatch", E027)
        _check_header(folder, name, lines[0], columns)
        lines = lines[1:]
    return tuple(_row(folder, name, number, line, columns) for number, line in lines)


def _check_header(folder: str, name: str, first: tuple[int, str], columns: tuple[Column, ...]) -> None:
    number, line = first
    found = tuple(cell.strip() for cell in line.split("\t"))
    expected = tuple(c.name for c in columns)
    if found != expected:
        raise ConfigError(f"{_path(folder, name)} line {number}: the header is {'|'.join(found)!r}, "
                          f"expected {'|'.join(expected)!r}; reinstall peacewatch", E027)


def _row(folder: str, name: str, number: int, line: str, columns: tuple[Column, ...]) -> Row:
    cells = [cell.strip() for cell in line.split("\t")]
    if len(cells) > len(columns):
        raise ConfigError(f"{_path(folder, name)} line {number} has {len(cells)} cells, at most "
                          f"{len(columns)} expected ({', '.join(c.name for c in columns)})", E027)
    cells += [""] * (len(columns) - len(cells))
    empty = [c.name for c, value in zip(columns, cells, strict=True) if c.required and not value]
    if empty:
        raise ConfigError(f"{_path(folder, name)} line {number}: required column {', '.join(empty)} is empty",
                          E027)
    return Row(name, number, tuple((c.name, value) for c, value in zip(columns, cells, strict=True)))
