"""The schema: numbered migrations shipped in ``migrations/``, applied in order by the writer
(``sqlite.migrate``). ``PRAGMA user_version`` holds the number of the last one a database has."""

from __future__ import annotations

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
