"""Where an item came from: the file, its format, its place in the file and why it was read so.

Every document a reader yields carries this in ``extra["ingest"]``; every item that cannot be
read becomes a ``Result`` whose ``id`` says where it was (the path, or ``path:line:N``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import BinaryIO

from ..errors import InputError
from ..types import Document, ErrorInfo, Result

STDIN = "-"


@dataclass(frozen=True)
class Origin:
    """One input file (or stdin, ``path == "-"``) and how it is being read."""

    path: str
    format: str = "auto"
    why: tuple[str, ...] = ()
    # The contract's ids for `peacewatch extract`: a failed line is "line:N", without the path.
    bare_ids: bool = False

    @property
    def label(self) -> str:
        """The path as used in ids: ``stdin`` for ``-``."""
        return "stdin" if self.path == STDIN else self.path

    def read_as(self, fmt: str, why: str) -> Origin:
        return replace(self, format=fmt, why=(*self.why, why))

    def item_id(self, kind: str, number: int) -> str:
        """The id of an item that has none of its own: ``path:line:3``, ``path:row:2``."""
        return f"{kind}:{number}" if self.bare_ids else f"{self.label}:{kind}:{number}"

    def stamp(self, doc: Document, *why: str, **where: int) -> Document:
        """``doc`` with ``extra["ingest"]`` set (an input field of that name is never overwritten)."""
        if "ingest" not in doc.extra:
            doc.extra["ingest"] = {
                "source": self.label, "format": self.format, **where, "why": [*self.why, *why],
            }
        return doc

    def failed(self, error: InputError, item: str | None = None) -> Result:
        """An error result for the whole file, or for ``item`` in it."""
        return Result(id=item or self.label, error=ErrorInfo(error.code, error.message))


@dataclass
class Opened:
    """An open input: ``stream`` reads it from the first byte; ``head`` is its first bytes."""

    stream: BinaryIO
    head: bytes
    origin: Origin
    inner_name: str = field(default="")


def read_bounded(stream: BinaryIO, limit: int, what: str) -> bytes:
    """At most ``limit`` bytes; E004 (without reading further) when there are more."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(
            f"the {what} is over {limit:,} bytes, more than 'max_chars' allows; split it or raise "
            "'max_chars' in the configuration", "E004",
        )
    return data


def decode_utf8(data: bytes, what: str) -> str:
    """UTF-8 text (a leading byte-order mark dropped); E005 when the bytes are not UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(
            f"the {what} is not valid UTF-8 (byte {e.start}); re-encode it as UTF-8", "E005"
        ) from e
