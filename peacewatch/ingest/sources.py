"""Read: turn input sources (files, directories, gzip files, stdin) into documents.

``documents_from`` yields, in order, one ``Document`` per readable item and one ``Result`` with
``error`` set per item that cannot be read, then goes on with the rest. Formats: plain text,
HTML, JSON Lines, CSV/TSV and RSS/Atom, chosen by ``Source.format`` or, for ``auto``, by the
file extension and then by sniffing the first bytes (``data/ingest/rules.json``).
"""

from __future__ import annotations

import fnmatch
import gzip
import io
import os
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import PurePath
from typing import BinaryIO

from ..config import Config
from ..errors import InputError
from ..inputs import open_named
from ..types import Document, Result
from .delimited import read_csv
from .feeds import read_rss
from .html import read_html
from .lines import read_jsonl
from .origin import STDIN, Opened, Origin
from .plain import read_txt
from .records import check_published
from .rules import load_rules

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")  # UTF-32 LE starts with UTF-16 LE's mark
FORMATS = ("auto", "txt", "html", "jsonl", "csv", "rss")
Reader = Callable[[Opened, "Source", Config], Iterator[Document | Result]]
READERS: dict[str, Reader] = {
    "txt": read_txt, "html": read_html, "jsonl": read_jsonl, "csv": read_csv, "rss": read_rss,
}


@dataclass(frozen=True)
class Source:
    """One input: a file, a directory (read recursively) or ``-`` for standard input.

    ``format`` is one of ``FORMATS``; ``published`` is the date given for documents that carry
    none; the ``*_column`` options name CSV columns (None: look for the common names); and
    ``delimiter`` is the CSV delimiter (None: tab for ``.tsv``, else comma).
    """

    path: str
    format: str = "auto"
    published: str | None = None
    text_column: str | None = None
    id_column: str | None = None
    published_column: str | None = None
    title_column: str | None = None
    url_column: str | None = None
    delimiter: str | None = None

    def __post_init__(self) -> None:
        if self.format not in FORMATS:
            raise InputError(f"unknown input format {self.format!r}; use one of {', '.join(FORMATS)}", "E009")
        if self.published is not None:  # kept trimmed, as a record's own date is
            object.__setattr__(self, "published", check_published(self.published))
        if self.delimiter is not None and len(self.delimiter) != 1:
            raise InputError(f"the CSV delimiter must be one character, not {self.delimiter!r}", "E009")


def documents_from(sources: Iterable[Source], config: Config) -> Iterator[Document | Result]:
    """Every item of every source, in order: documents, and error results for what fails."""
    for source in sources:
        for path in _paths(source):
            if isinstance(path, Result):
                yield path
            else:
                yield from _read_file(path, source, config)


def count_inputs(sources: Iterable[Source]) -> int:
    """How many files (stdin counts one) ``documents_from`` will open: cheap, for progress bars."""
    return sum(1 for source in sources for path in _paths(source) if not isinstance(path, Result))


def _paths(source: Source) -> Iterator[str | Result]:
    if source.path != STDIN and os.path.isdir(source.path):
        yield from _walk(source.path)
    else:
        yield source.path


def _walk(directory: str) -> Iterator[str | Result]:
    """Files under ``directory``, recursively, by name; hidden files and folders skipped."""
    try:
        with os.scandir(directory) as scan:
            entries = sorted((e for e in scan if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as e:
        error = InputError(f"the folder cannot be listed ({e.strerror}); check its permissions", "E008")
        yield Origin(directory).failed(error)
        return
    skip = load_rules().skip_in_folders
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(entry.path)
        elif entry.is_file() and not any(fnmatch.fnmatch(entry.name.lower(), p) for p in skip):
            yield entry.path


def _read_file(path: str, source: Source, config: Config) -> Iterator[Document | Result]:
    origin = Origin(path)
    try:
        with _open(path) as (stream, inner_name):
            yield from _dispatch(stream, inner_name, origin, source, config)
    except InputError as e:
        yield origin.failed(e)
    except (gzip.BadGzipFile, EOFError, zlib.error) as e:
        yield origin.failed(InputError(f"the gzip data is damaged ({e}); recompress the file", "E009"))
    except OSError as e:
        reason = e.strerror or str(e)
        yield origin.failed(InputError(f"the file cannot be read ({reason}); check the path", "E008"))


@contextmanager
def _open(path: str) -> Iterator[tuple[BinaryIO, str]]:
    """The raw bytes of ``path`` (gunzipped for ``.gz``) and the name that tells its format."""
    if path == STDIN:
        yield sys.stdin.buffer, ""
        return
    with open_named(path) as raw:
        if path.lower().endswith(".gz"):
            with gzip.GzipFile(fileobj=raw, mode="rb") as unzipped:
                yield unzipped, path[:-3]  # type: ignore[misc]
        else:
            yield raw, path


def _dispatch(stream: BinaryIO, inner_name: str, origin: Origin, source: Source,
              config: Config) -> Iterator[Document | Result]:
    head = stream.read(load_rules().sniff_bytes)
    if not head.strip():
        raise InputError("the file is empty; nothing to read", "E003")
    if head.startswith(_UTF16_BOMS):
        raise InputError("the file is UTF-16 or UTF-32 text (it starts with that byte-order mark); "
                         "re-encode it as UTF-8", "E005")
    fmt, why = detect_format(source.format, inner_name, head)
    if looks_binary(head, fmt):
        raise InputError("the file looks binary (it has NUL bytes); give a text, HTML, JSONL, CSV or "
                         "RSS file (UTF-16 text: re-encode it as UTF-8)", "E006")
    opened = Opened(_rewound(head, stream), head, origin.read_as(fmt, why), inner_name)
    yield from READERS[fmt](opened, source, config)


def looks_binary(head: bytes, fmt: str) -> bool:
    """Whether the file is binary: a NUL byte in the head of a one-document file (text, HTML, feed);
    in a file of records (JSONL, CSV) only NULs all through it (over a tenth of the head, as in
    UTF-16/32 text or binary data), since a stray one fails just the line or row it is in."""
    nuls = head.count(b"\x00")
    return nuls * 10 > len(head) if fmt in ("jsonl", "csv") else nuls > 0


def detect_format(wanted: str, name: str, head: bytes) -> tuple[str, str]:
    """The format to read and why: as given, else by extension, else by the first bytes."""
    if wanted != "auto":
        return wanted, f"format: {wanted} (given)"
    rules = load_rules()
    suffix = PurePath(name).suffix.lower()
    if suffix in rules.extensions:
        return rules.extensions[suffix], f"format: {rules.extensions[suffix]} (extension {suffix})"
    start = head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n").lower()
    for rule in rules.sniff:
        if rule.matches(start):
            return rule.format, f"format: {rule.format} (content {rule.describe()})"
    return "txt", "format: txt (no other format recognized)"


class _Rewound(io.RawIOBase):
    """A stream that gives ``head`` again, then the rest of ``rest``: sniffing costs no seek."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head, self._pos, self._rest = head, 0, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._pos < len(self._head):
            n = min(len(buffer), len(self._head) - self._pos)
            buffer[:n] = self._head[self._pos:self._pos + n]
            self._pos += n
            return n
        read = getattr(self._rest, "read1", self._rest.read)  # read1: a pipe's lines flow as they come
        data = read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


def _rewound(head: bytes, rest: BinaryIO) -> BinaryIO:
    return io.BufferedReader(_Rewound(head, rest), buffer_size=1 << 16)  # type: ignore[return-value]
