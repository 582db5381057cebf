"""Soak benchmark: 10,000 synthetic documents arriving as a feed, ingested batch after batch into one
growing database, as a long-running deployment would.

    python bench/soak.py [--documents 10000] [--batches 10] [--pipeline full|timex] [--json]

The documents are ``bench/ledger.py``'s synthetic reports. Each batch is one ``ingest`` (store every
document in its own transaction, then rebuild the ledger) in the same process, so the figures show
whether throughput falls or memory climbs as the database grows. Then the whole feed is sent again
(every document already stored: the duplicate path) and a reader answers a few queries while one more
batch is written. Reported: documents/s per batch and overall, resident memory after each batch and
the peak (VmHWM), database size, re-ingest documents/s, read query times.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ledger import peak_mb, rss_mb, synthetic_documents  # noqa: E402 - a sibling script, not a package


def _config(pipeline: str) -> Any:
    from peacewatch.config import load_config

    config = load_config()
    return config if pipeline == "full" else config.with_overrides(pipeline=("timex",))


def _ingest(path: Path, db: Path, config: Any) -> tuple[int, int, float]:
    from peacewatch.flow import ingest
    from peacewatch.ingest.sources import Source
    from peacewatch.store.sqlite import Store

    start = time.perf_counter()
    with Store(db) as store:
        stats = ingest([Source(str(path), "jsonl")], store, config)
    return stats.stored, stats.duplicates, time.perf_counter() - start


def _read_while_writing(db: Path, extra: Path, config: Any) -> dict[str, float]:
    """Time reader queries while another batch is being written (WAL: readers never wait)."""
    from peacewatch.store.reads import Reader

    writer = threading.Thread(target=_ingest, args=(extra, db, config))
    writer.start()
    times: dict[str, float] = {}
    with Reader(db) as reader:
        for name, query in (("summary", reader.summary), ("events_page", lambda: reader.events(limit=50)),
                            ("timeline", lambda: reader.timeline("KEN", "ETH"))):
            t0 = time.perf_counter()
            query()
            times[f"{name}_ms"] = round((time.perf_counter() - t0) * 1000, 1)
    writer.join()
    return times


def soak(n: int, batches: int, pipeline: str) -> dict[str, object]:
    config = _config(pipeline)
    lines = list(synthetic_documents(n + n // batches))
    size = n // batches
    rows: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        db, folder = Path(tmp) / "soak.db", Path(tmp)
        files = []
        for b in range(batches + 1):
            files.append(folder / f"batch{b}.jsonl")
            files[-1].write_text("\n".join(lines[b * size:(b + 1) * size]) + "\n", "utf-8")
        started = time.perf_counter()
        for b in range(batches):
            stored, _, seconds = _ingest(files[b], db, config)
            rows.append({"batch": b + 1, "stored": stored, "seconds": round(seconds, 2),
                         "docs_per_s": round(stored / seconds, 1), "rss_mb": round(rss_mb(), 1)})
        total = time.perf_counter() - started
        again = [_ingest(f, db, config) for f in files[:batches]]
        dup_seconds = sum(s for _, _, s in again)
        reads = _read_while_writing(db, files[batches], config)
        db_mb = sum(p.stat().st_size for p in folder.glob("soak.db*")) / 2**20
    stored_total = sum(int(r["stored"]) for r in rows)
    return {"documents": stored_total, "batches": rows, "seconds": round(total, 1), "pipeline": pipeline,
            "docs_per_s": round(stored_total / total, 1), "peak_rss_mb": round(peak_mb(), 1),
            "reingest_docs_per_s": round(sum(d for _, d, _ in again) / dup_seconds, 1),
            "reads_during_write": reads, "db_mb": round(db_mb, 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--batches", type=int, default=10)
    parser.add_argument("--pipeline", choices=("full", "timex"), default="full",
                        help="full: the configured pipeline; timex: the store path with cheap annotation")
    parser.add_argument("--json", action="store_true", help="one JSON object instead of the table")
    args = parser.parse_args()
    result = soak(args.documents, args.batches, args.pipeline)
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"soak: {result['documents']} documents in {len(result['batches'])} batches ({args.pipeline} pipeline)")
    for row in result["batches"]:  # type: ignore[attr-defined]
        print(f"  batch {row['batch']:>3}: {row['stored']:>6} stored  {row['docs_per_s']:>8} docs/s"
              f"  rss {row['rss_mb']:>7} MB")
    for key in ("seconds", "docs_per_s", "peak_rss_mb", "reingest_docs_per_s", "reads_during_write", "db_mb"):
        print(f"  {key}: {result[key]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
