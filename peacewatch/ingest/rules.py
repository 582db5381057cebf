"""The ingest stage's tables (``peacewatch/data/ingest/rules.json``), loaded once, lazily.

The file is read by the shared loader of shipped data (``peacewatch/tables.py``: E027 when it is
missing or not JSON); this module checks its shape.

Format detection by extension and content, the column names a CSV reader looks for, the
title rule of plain text, the byte limits and the cues of web pages' link lines all live in that
file, not in code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..errors import ConfigError
from ..tables import read_json


@dataclass(frozen=True)
class SniffRule:
    """Content sniffing: the lower-cased head ``starts`` with, or ``contains``, a marker."""

    format: str
    starts: str | None = None
    contains: str | None = None

    def matches(self, head: str) -> bool:
        if self.starts is not None:
            return head.startswith(self.starts)
        return self.contains is not None and self.contains in head

    def describe(self) -> str:
        return f"starts with {self.starts!r}" if self.starts is not None else f"contains {self.contains!r}"


@dataclass(frozen=True)
class TitleRule:
    """When the first line of a plain-text file is its title."""

    max_chars: int
    max_words: int
    final_punctuation: str
    closing_marks: str


@dataclass(frozen=True)
class LinkCues:
    """The words that open a web page's link line, and the marks that may follow them on the line."""

    cues: tuple[str, ...]
    after: str


@dataclass(frozen=True)
class IngestRules:
    extensions: dict[str, str]
    sniff: tuple[SniffRule, ...]
    sniff_bytes: int
    columns: dict[str, tuple[str, ...]]
    title: TitleRule
    limits: dict[str, int]
    # Name patterns (fnmatch, case-insensitive) of files a folder read passes over: the READMEs
    # and licences that come with corpora. A file named on the command line is always read.
    skip_in_folders: tuple[str, ...] = ()
    link_cues: LinkCues = LinkCues((), "")


@lru_cache(maxsize=1)
def load_rules() -> IngestRules:
    """The shipped tables as typed records (read on first use, then cached)."""
    data: dict[str, Any] = read_json("ingest", "rules.json")
    try:
        return IngestRules(
            extensions=dict(data["extensions"]),
            sniff=tuple(SniffRule(**rule) for rule in data["sniff"]),
            sniff_bytes=int(data["sniff_bytes"]),
            columns={role: tuple(names) for role, names in data["columns"].items()},
            title=TitleRule(**data["title"]),
            limits={key: int(value) for key, value in data["limits"].items()},
            skip_in_folders=tuple(data.get("skip_in_folders", ())),
            link_cues=LinkCues(tuple(data["link_cues"]["cues"]), str(data["link_cues"]["after"])),
        )
    except (ValueError, KeyError, TypeError) as e:
        raise ConfigError(f"the shipped ingest tables are broken ({e}); reinstall peacewatch", "E027") from e
