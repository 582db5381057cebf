"""``peacewatch export``: tables of the database as JSON Lines, CSV or Parquet.

Per-document tables are written one record per row with its ``doc`` id; nested values (lists and
objects) stay nested in JSON Lines and are JSON-encoded strings in CSV and Parquet, so every format
carries the same information.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from typing import IO, Any

from ..errors import DependencyError, StoreError

TABLES = ("documents", "mentions", "entities", "timexes", "quotes", "events", "commitments")
FORMATS = ("jsonl", "csv", "parquet")


MERGED = ("events", "commitments", "entities")


def rows(conn: sqlite3.Connection, table: str, per_document: bool = False) -> Iterator[dict[str, Any]]:
    """The rows of an export table as contract-shaped dictionaries.

    ``events``, ``commitments`` and ``entities`` are the merged cross-document view (the contract's
    database export: stable entity ids, one event per real-world event with its ``mentions``);
    ``per_document`` gives the records as each document's extraction produced them instead.
    """
    if table not in TABLES:
        raise StoreError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}", "E042")
    if table in MERGED and not per_document:
        from .ledger import ledger_rows

        yield from ledger_rows(conn, table)
        return
    if table == "documents":
        for row in conn.execute("SELECT * FROM documents ORDER BY id"):
            data = dict(row)
            data["extra"] = json.loads(data["extra"])
            yield data
        return
    for row in conn.execute(f"SELECT doc_id, record FROM {table} ORDER BY doc_id, rowid"):
        yield {"doc": row[0], **json.loads(row[1])}


def _flat(record: dict[str, Any]) -> dict[str, Any]:
    return {k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
            for k, v in record.items()}


def write(records: Iterator[dict[str, Any]], fmt: str, out: IO[str] | str) -> int:
    """Write records in ``fmt`` to a text stream (jsonl, csv) or a path (parquet); returns the count."""
    if fmt == "jsonl":
        assert not isinstance(out, str)
        count = 0
        for rec in records:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            count += 1
        return count
    flat = [_flat(r) for r in records]
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
