"""The schema: numbered migrations shipped in ``migrations/``, applied in order by the writer
(``sqlite.migrate``, ``postgres.migrate``). ``PRAGMA user_version`` holds the number of the last one an
SQLite database has; a PostgreSQL database keeps it in the table ``peacewatch_schema``."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from importlib import resources


def migrations() -> list[tuple[int, str, str]]:
    """The shipped migrations as (number, name, SQL), in order."""
    folder = resources.files("peacewatch.store").joinpath("migrations")
    found = []
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            found.append((int(name[:4]), name, entry.read_text("utf-8")))
    return sorted(found)


def latest() -> int:
    """The schema version this peacewatch writes and reads."""
    known = migrations()
    return known[-1][0] if known else 0


def statements(sql: str) -> Iterator[str]:
    """The statements of one migration, one at a time, without their ``--`` comments (the migrations
    put no ``--`` inside a literal)."""
    buffer = ""
    for line in re.sub(r"--[^\n]*", "", sql).splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                yield buffer
            buffer = ""
