"""``peacewatch export``: tables of the database as JSON Lines, CSV, Parquet or (events) GeoJSON.

The rows come from the read layer (``Reader.export_rows``). Per-document tables are written one
record per row with its ``doc`` id; nested values (lists and objects) stay nested in JSON Lines and
are JSON-encoded strings in CSV and Parquet, so every format carries the same information. Events
in CSV and Parquet also carry their place in flat columns (``GEO_COLUMNS``), and ``geojson`` writes
the events that have coordinates as point features whose properties are that flat row.

A file is written whole or not at all: into a temporary file beside the target, renamed over it when
complete (``output_file``), so a failed export leaves no half-written file behind.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import DependencyError, StoreError
from .reads import EXPORT_TABLES

TABLES = EXPORT_TABLES
FORMATS = ("jsonl", "csv", "parquet", "geojson")
# the place of an event as flat columns, after the record's own (its ``location`` stays as it is)
GEO_COLUMNS = ("latitude", "longitude", "place", "place_country", "geo_precision")


@contextlib.contextmanager
def output_file(path: str | Path, binary: bool = False, newline: str | None = None) -> Iterator[IO[Any]]:
    """A temporary file beside ``path``, renamed to ``path`` when the block ends without error and
    removed when it does not; E046 when it cannot be made or renamed.

    A ``path`` that is a symbolic link is written through: the file it points to is replaced, the link
    stays. A ``path`` that exists and is no regular file (``/dev/null``, ``/dev/stdout``, a named
    pipe) is written to directly, as a plain ``open`` would: renaming over it would replace the
    device itself by a file (as root, ``-o /dev/null`` did). A folder is E046."""
    target = Path(os.path.realpath(path))
    if target.is_dir():
        raise StoreError(f"cannot write {path}: it is a folder; give a file name", "E046")
    if target.exists() and not target.is_file():
        with _special(target, binary, newline) as device:
            yield device
        return
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as e:
        raise StoreError(f"cannot write {target}: {e.strerror or e}", "E046") from e
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # what a plain open() would have given the file
        out: IO[Any] = os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline=newline)
        with out:
            yield out
        os.replace(tmp, target)
    except OSError as e:
        Path(tmp).unlink(missing_ok=True)
        raise StoreError(f"cannot write {target}: {e.strerror or e}", "E046") from e
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def _special(target: Path, binary: bool, newline: str | None) -> Iterator[IO[Any]]:
    """A device or named pipe, opened and written in place (nothing to rename); E046 on a failed write."""
    try:
        with (open(target, "wb") if binary else open(target, "w", encoding="utf-8", newline=newline)) as out:
            yield out
    except OSError as e:  # /dev/full: "No space left on device", on a write or on the final flush
        raise StoreError(f"cannot write {target}: {e.strerror or e}", "E046") from e


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_file(records: Iterator[dict[str, Any]], fmt: str, path: str | Path, table: str | None = None) -> int:
    """Write records in ``fmt`` to the file at ``path`` (whole or not at all); returns the count."""
    if fmt == "parquet":
        with output_file(path, binary=True) as out:
            return write(records, fmt, out, table)
    with output_file(path, newline="" if fmt == "csv" else None) as out:
        return write(records, fmt, out, table)


def geo_columns(record: dict[str, Any]) -> dict[str, Any]:
    """An event's place as the flat ``GEO_COLUMNS`` (None where it has no place or no coordinates)."""
    loc = record.get("location") or {}
    return {"latitude": _number(loc.get("lat")), "longitude": _number(loc.get("lon")), "place": loc.get("name"),
            "place_country": loc.get("code"), "geo_precision": loc.get("precision")}


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def geojson_feature(row: dict[str, Any]) -> dict[str, Any] | None:
    """A flat event row (with ``GEO_COLUMNS``) as a GeoJSON point feature, or None without coordinates."""
    if row.get("latitude") is None or row.get("longitude") is None:
        return None
    return {"type": "Feature", "id": row.get("id"),
            "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]}, "properties": row}


def write_geojson(records: Iterator[dict[str, Any]], out: IO[Any]) -> int:
    """A FeatureCollection of the events that have coordinates, written feature by feature (an export
    of the whole ledger is never held in memory); returns the number of features."""
    out.write('{"type": "FeatureCollection", "features": [')
    count = 0
    for rec in records:
        feature = geojson_feature({**_flat(rec), **geo_columns(rec)})
        if feature is not None:
            out.write(("," if count else "") + "\n" + json.dumps(feature, ensure_ascii=False))
            count += 1
    out.write("\n]}\n")
    return count


def _flat(record: dict[str, Any]) -> dict[str, Any]:
    return {k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
            for k, v in record.items()}


def write(records: Iterator[dict[str, Any]], fmt: str, out: IO[Any] | str, table: str | None = None) -> int:
    """Write records of ``table`` in ``fmt`` to a text stream (jsonl, csv, geojson) or a binary stream
    or path (parquet); returns the count. GeoJSON is for events only (E042 for another table)."""
    if fmt == "jsonl":
        assert not isinstance(out, str)
        count = 0
        for rec in records:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            count += 1
        return count
    if fmt == "geojson":
        if table != "events":
            raise StoreError(f"geojson is an export of events, not of {table or 'this table'}; "
                             "use jsonl, csv or parquet", "E042")
        assert not isinstance(out, str)
        return write_geojson(records, out)
    extra = geo_columns if table == "events" else None
    flat = [{**_flat(r), **extra(r)} if extra else _flat(r) for r in records]
    if fmt == "csv":
        assert not isinstance(out, str)
        columns = list(dict.fromkeys(k for r in flat for k in r))
        writer = csv.DictWriter(out, fieldnames=columns)
        writer.writeheader()
        writer.writerows(flat)
        return len(flat)
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as e:
        raise DependencyError("pyarrow", "parquet", "Parquet export") from e
    columns = list(dict.fromkeys(k for r in flat for k in r))
    table = pa.Table.from_pylist([{c: r.get(c) for c in columns} for r in flat])
    pq.write_table(table, out)
    return len(flat)
