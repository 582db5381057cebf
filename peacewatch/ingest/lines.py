"""JSON Lines files (the contract's input format): one document per line, read line by line.

A line is read up to a byte limit derived from ``max_chars``, so one enormous line costs no more
memory than that: the rest of it is skipped and the line becomes an E004 result.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, BinaryIO

from ..config import Config
from ..errors import InputError
from ..types import Document, Result
from .origin import Opened, Origin
from .records import parse_line, record_id
from .rules import load_rules

if TYPE_CHECKING:
    from .sources import Source

_BOM = b"\xef\xbb\xbf"
_DRAIN = 1 << 20


def read_jsonl(opened: Opened, source: Source, config: Config) -> Iterator[Document | Result]:
    """Each non-blank line as a document; a bad line is an error result and reading goes on."""
    limits = load_rules().limits
    limit = config.max_chars * limits["jsonl_bytes_per_char"] + limits["jsonl_line_overhead"]
    stream, origin = opened.stream, opened.origin
    for number, line in enumerate(iter(lambda: stream.readline(limit + 1), b""), 1):
        if len(line) > limit and not line.endswith(b"\n"):
            _drain_line(stream)
            error = InputError(f"line {number} is over {limit:,} bytes; split the document", "E004")
            yield origin.failed(error, origin.item_id("line", number))
            continue
        line = line.removeprefix(_BOM)  # files joined from UTF-8 files with a BOM have one per part
        if line.strip():
            yield _line_result(line, number, origin, source, config)


def _line_result(line: bytes, number: int, origin: Origin, source: Source,
                 config: Config) -> Document | Result:
    try:
        doc = parse_line(line, number, config.max_chars)
    except InputError as e:
        return origin.failed(e, _failed_id(line, number, origin))
    if doc.published is None and source.published:
        doc.published = source.published
        return origin.stamp(doc, "published: --published (the record has none)", line=number)
    return origin.stamp(doc, line=number)


def _failed_id(line: bytes, number: int, origin: Origin) -> str:
    try:  # decoded leniently only to find the record's own id
        found = record_id(json.loads(line.decode("utf-8", errors="replace")), number)
    except (ValueError, RecursionError):
        return origin.item_id("line", number)
    own = found != f"line:{number}" and found.encode("utf-8", errors="replace").decode("utf-8") == found
    return found if own else origin.item_id("line", number)


def _drain_line(stream: BinaryIO) -> None:
    """Skip to the end of the current line without holding it in memory."""
    chunk = stream.readline(_DRAIN)
    while chunk and not chunk.endswith(b"\n"):
        chunk = stream.readline(_DRAIN)
