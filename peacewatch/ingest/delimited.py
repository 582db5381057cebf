"""CSV and TSV files: one document per row, columns mapped by name.

Columns are found by name: the option given (``text_column`` …) or else the first of the
common names in ``data/ingest/rules.json`` (case-insensitive). Rows are read in blocks with
pyarrow, every column as raw bytes decoded here row by row, so long texts, quoted newlines and ids
like ``007`` come through unchanged and a row that is not UTF-8 is an E005 result for that row
alone. A row with the wrong number of fields is an E009 result; the rest go on. A header that is
not UTF-8 is an E005 for the file (its columns cannot be named). A file that ends inside a quoted
field (cut short in a copy or a download) makes its last row an E009 result, not a document holding
half a text: the bytes are watched on their way to pyarrow, which accepts such a file.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..config import Config
from ..errors import InputError
from ..types import Document, Result
from .origin import Opened, Origin
from .records import check_published, check_text
from .rules import load_rules

if TYPE_CHECKING:
    from .sources import Source

ROLES = ("text", "id", "published", "title", "url")
_BOM = b"\xef\xbb\xbf"


def read_csv(opened: Opened, source: Source, config: Config) -> Iterator[Document | Result]:
    """Each row as a document, in file order."""
    import pyarrow as pa
    import pyarrow.csv as pcsv

    delimiter = source.delimiter or ("\t" if opened.inner_name.lower().endswith(".tsv") else ",")
    names = _header(opened.head, delimiter)
    mapping = map_columns(names, source)
    bad_rows: list[Result] = []
    watch = QuoteWatch(opened.stream, delimiter.encode("ascii"))
    try:
        reader = pcsv.open_csv(
            watch,
            read_options=pcsv.ReadOptions(block_size=_block_size(config), use_threads=False),
            parse_options=pcsv.ParseOptions(
                delimiter=delimiter, newlines_in_values=True,
                invalid_row_handler=lambda row: _skip_row(row, opened.origin, bad_rows),
            ),
            convert_options=pcsv.ConvertOptions(
                column_types={name: pa.binary() for name in names}, strings_can_be_null=False,
            ),
        )
    except pa.ArrowInvalid as e:
        raise _arrow_error(e, 0) from e
    yield from _rows(reader, mapping, opened.origin, source, config, bad_rows, watch)


def _rows(reader: Any, mapping: dict[str, str], origin: Origin, source: Source, config: Config,
          bad_rows: list[Result], watch: QuoteWatch) -> Iterator[Document | Result]:
    """The rows' results in file order, the last held back until the file's end says it is whole."""
    import pyarrow as pa

    number = 0
    why = "columns: " + ", ".join(f"{role}={name}" for role, name in mapping.items())
    last: tuple[int, dict[str, bytes]] | None = None
    try:
        for batch in reader:
            yield from bad_rows
            bad_rows.clear()
            for raw in batch.to_pylist():
                number += 1
                if last is not None:
                    yield _row_result(last[1], last[0], mapping, origin, source, config, why)
                last = (number, raw)
    except pa.ArrowInvalid as e:
        raise _arrow_error(e, number) from e
    if last is not None:
        yield _cut_row(last[0], origin) if watch.cut else _row_result(
            last[1], last[0], mapping, origin, source, config, why)
    yield from bad_rows


def _cut_row(number: int, origin: Origin) -> Result:
    error = InputError(
        f"the file ends inside a quoted field, so row {number} is cut short (an interrupted copy or "
        "download?); it is not stored: fetch the whole file again", "E009",
    )
    return origin.failed(error, origin.item_id("row", number))


class QuoteWatch:
    """A read-only stream that passes its bytes on and follows CSV quoting as pyarrow reads it.

    A quote opens a quoted field only as the field's first byte; inside, a doubled quote is one
    quote and a single one closes the field (a quote elsewhere is a plain byte, as pyarrow reads
    it). ``cut`` says, once everything is read, that the file ended inside a quoted field. Each
    field costs a search or two in C, not a step per byte."""

    _START, _PLAIN, _QUOTED, _QUOTE_SEEN = range(4)

    def __init__(self, stream: Any, delimiter: bytes) -> None:
        self._stream = stream
        self._state = self._START
        self._ends = re.compile(b"[" + re.escape(delimiter) + b"\r\n]")
        self.closed = False

    @property
    def cut(self) -> bool:
        return self._state == self._QUOTED

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def writable(self) -> bool:
        return False

    def close(self) -> None:
        self.closed = True

    def read(self, size: int = -1) -> bytes:
        data: bytes = self._stream.read(size)
        self._follow(data)
        return data

    def _follow(self, data: bytes) -> None:
        at, end, state = 0, len(data), self._state
        while at < end:
            if state == self._QUOTED:
                found = data.find(b'"', at)
                if found < 0:
                    break
                at, state = found + 1, self._QUOTE_SEEN
            elif state == self._QUOTE_SEEN:
                if data[at] == 0x22:  # a doubled quote: still inside
                    at, state = at + 1, self._QUOTED
                else:
                    state = self._PLAIN
            elif state == self._START and data[at] == 0x22:
                at, state = at + 1, self._QUOTED
            else:
                found_end = self._ends.search(data, at)
                if found_end is None:
                    state = self._PLAIN
                    break
                at, state = found_end.end(), self._START
        self._state = state


def _arrow_error(error: Exception, rows_read: int) -> InputError:
    """pyarrow's complaint as a coded error: bad UTF-8 (E005), a row over the limit (E004), else E009."""
    message = str(error)
    code = "E005" if "UTF8" in message else "E004" if "straddl" in message else "E009"
    return InputError(f"the CSV file cannot be read after row {rows_read} ({message})", code)


def _row_result(raw: dict[str, bytes], number: int, mapping: dict[str, str], origin: Origin,
                source: Source, config: Config, why: str) -> Document | Result:
    try:
        row = _decoded(raw, number)
    except InputError as e:
        return origin.failed(e, origin.item_id("row", number))
    own_id = row.get(mapping.get("id", ""), "").strip() or None
    try:
        doc = row_document(row, mapping, source, config, own_id)
    except InputError as e:
        return origin.failed(e, own_id or origin.item_id("row", number))
    return origin.stamp(doc, why, row=number)


def _decoded(raw: dict[str, bytes], number: int) -> dict[str, str]:
    """A row's values as text; E005 (for this row only) when one of them is not UTF-8."""
    row: dict[str, str] = {}
    for name, value in raw.items():
        try:
            row[name] = value.decode("utf-8")
        except UnicodeDecodeError as e:
            raise InputError(
                f"row {number}, column {name!r} is not valid UTF-8 (byte {e.start}); re-encode the file as UTF-8",
                "E005",
            ) from e
    return row


def row_document(row: dict[str, str], mapping: dict[str, str], source: Source, config: Config,
                 own_id: str | None) -> Document:
    """One row as a document; raises ``InputError`` (E003, E004, E007)."""
    text = row[mapping["text"]]
    check_text(text, config.max_chars)
    published = row.get(mapping.get("published", ""), "").strip()
    return Document(
        id=own_id or Document.hash_id(text), text=text,
        published=check_published(published) if published else source.published,
        url=row.get(mapping.get("url", ""), "").strip() or None,
        title=row.get(mapping.get("title", ""), "").strip() or None,
        extra={k: v for k, v in row.items() if k not in mapping.values()},
    )


def map_columns(names: list[str], source: Source) -> dict[str, str]:
    """Role → column name: the option given, else the first common name present."""
    lowered = {name.strip().lower(): name for name in names}
    mapping: dict[str, str] = {}
    for role in ROLES:
        wanted = getattr(source, f"{role}_column")
        if wanted is not None:
            if wanted not in names:
                raise InputError(
                    f"there is no column {wanted!r} for {role}; the columns are {', '.join(names)}", "E009"
                )
            mapping[role] = wanted
            continue
        found = next((lowered[c] for c in load_rules().columns[role] if c in lowered), None)
        if found is not None:
            mapping[role] = found
    if "text" not in mapping:
        raise InputError(
            f"no text column among {', '.join(names)}; name it with the text_column option "
            "(--text-column)", "E009",
        )
    return mapping


def _header(head: bytes, delimiter: str) -> list[str]:
    """The column names, from the first record of the file's head.

    The head is split as Latin-1 (one character per byte, so the split is the byte-level one of
    the ASCII delimiter and quotes), then each name is decoded as UTF-8, strictly."""
    text = head.removeprefix(_BOM).decode("latin-1")
    try:
        raw_names = next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), [])
    except csv.Error as e:
        raise InputError(f"the CSV header cannot be parsed ({e})", "E009") from e
    try:
        names = [name.encode("latin-1").decode("utf-8") for name in raw_names]
    except UnicodeDecodeError as e:
        raise InputError("the CSV header is not valid UTF-8; re-encode the file as UTF-8", "E005") from e
    if not names or len(set(names)) != len(names) or not all(n.strip() for n in names):
        raise InputError(
            "the CSV header is missing, has an empty name or repeats a name; the first row must name "
            "every column", "E009",
        )
    return names


def _block_size(config: Config) -> int:
    return max(1 << 20, config.max_chars * load_rules().limits["csv_block_bytes_per_char"] + 4096)


def _skip_row(row: Any, origin: Origin, bad_rows: list[Result]) -> str:
    where = origin.item_id("line", row.number) if row.number is not None else origin.label
    error = InputError(
        f"the row has {row.actual_columns} fields where the header has {row.expected_columns}; "
        "quote fields that contain the delimiter", "E009",
    )
    bad_rows.append(origin.failed(error, where))
    return "skip"
