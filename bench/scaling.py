"""How extraction scales with workers: the local engine and the Dask engine, 1 and 2 workers each.

Run by ``make bench``. Texts: the dev corpus (``../shared/corpus/dev_peace_processes.jsonl``)
repeated, under fresh ids, to ``--documents`` documents, so that start-up (loading spaCy in each
worker, starting the Dask cluster) is a small share of the run. Each variant runs in a child process
of its own, on the same texts, in one run, and is timed from before the engine is made to the last
result: documents/s is the whole run's, start-up included. The ratio is each variant's documents/s
over the same engine's with 1 worker (the target of issue #17: at least 1.8 for Dask on 2 workers on
a 2-core machine). The load average before and after each variant is printed too: on a shared
machine it says how far the figures can be trusted; so is the CPU time of all the variant's
processes per document, which the load does not change: what a worker costs beyond its documents.

With ``--ingest`` it then runs ``ingest`` on the Dask engine (2 workers) into a new database, timed
by stage: how long the writer waited for annotation (the parallel part), storing and the ledger
rebuild (the serial parts).

    python bench/scaling.py [--documents N] [--partition-size N] [--rounds N] [--ingest] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "dev_peace_processes.jsonl"
VARIANTS = [("local", 1), ("local", 2), ("dask", 1), ("dask", 2)]


def write_inputs(path: Path, documents: int, distinct: bool = False) -> None:
    """The dev corpus repeated to ``documents`` documents, each with an id of its own; ``distinct``
    adds a line to each copy's text, so that ``ingest`` takes none of them for a duplicate."""
    base = [json.loads(line) for line in CORPUS.read_text("utf-8").splitlines() if line.strip()]
    with path.open("w", encoding="utf-8") as out:
        for i in range(documents):
            a, copy = base[i % len(base)], i // len(base)
            text = f"{a['text']}\n\n(Copy {copy}.)" if distinct and copy else a["text"]
            out.write(json.dumps({"id": f"{a['id']}-{copy}", "text": text, "published": a.get("date")}) + "\n")


def child(path: str, engine: str, workers: int, partition_size: int) -> None:
    """One variant, in this (child) process: print its figures as one JSON line."""
    from peacewatch.config import load_config
    from peacewatch.engines import make_engine
    from peacewatch.flow import extract, read_jsonl

    config = load_config(engine=engine, workers=workers, partition_size=partition_size)
    load_before = os.getloadavg()[0]
    begun = time.perf_counter()
    failed, n = 0, 0
    with open(path, "rb") as stream:
        for result in extract(read_jsonl(stream, config), config, make_engine(config)):
            n += 1
            failed += result.error is not None
    end = time.perf_counter()
    print(json.dumps({"engine": engine, "workers": workers, "documents": n, "failed": failed,
                      "seconds": end - begun, "per_second": n / (end - begun),
                      "load_before": load_before, "load_after": os.getloadavg()[0]}))


def child_ingest(path: str, workers: int, partition_size: int) -> None:
    """``ingest`` on the Dask engine into a new database, timed by stage: annotation (parallel, on the
    cluster) as the writer waits for it, storing (serial, in this process) and the ledger rebuild
    (serial, at the end)."""
    from peacewatch.config import load_config
    from peacewatch.flow import extract_pairs
    from peacewatch.ingest.sources import Source, documents_from
    from peacewatch.store.sqlite import Store, resolve

    config = load_config(engine="dask", workers=workers, partition_size=partition_size)
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        begun = time.perf_counter()
        storing, n = 0.0, 0
        for result, document in extract_pairs(store.only_new(documents_from([Source(path)], config)), config):
            t = time.perf_counter()
            store.save(document, result)
            storing += time.perf_counter() - t
            n += 1
        fed = time.perf_counter()
        resolve(store, config.ledger)
        end = time.perf_counter()
    print(json.dumps({"documents": n, "annotating": fed - begun - storing, "storing": storing,
                      "rebuilding": end - fed, "seconds": end - begun}))


def run_variant(path: Path, engine: str, workers: int, partition_size: int) -> dict[str, Any]:
    """Run one variant in a child process; its figures, with the CPU time of all its processes."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([sys.executable, __file__, "--child", str(path), engine, str(workers), str(partition_size)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{engine} with {workers} worker(s) failed:\n{done.stderr}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the worker processes were waited for: counted too
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    figures["cpu_seconds"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return figures


def table(rows: list[dict[str, Any]]) -> str:
    """Each round's figures, then (over several rounds) each variant's median documents/s and ratio."""
    lines = ["round  engine  workers  documents  seconds  docs/s  ratio to 1 worker  CPU s/doc  "
             "load avg before/after"]
    for r in rows:
        one = next(o for o in rows if o["round"] == r["round"] and o["engine"] == r["engine"] and o["workers"] == 1)
        lines.append(f"{r['round']:>5}  {r['engine']:<7} {r['workers']:>7} {r['documents']:>10} {r['seconds']:>8.1f} "
                     f"{r['per_second']:>7.2f} {r['per_second'] / one['per_second']:>18.2f}"
                     f" {r['cpu_seconds'] / r['documents']:>10.3f}  {r['load_before']:.2f} / {r['load_after']:.2f}")
    if len({r["round"] for r in rows}) > 1:
        median = {v: statistics.median(r["per_second"] for r in rows if (r["engine"], r["workers"]) == v)
                  for v in VARIANTS}
        for engine, workers in VARIANTS:
            lines.append(f"median  {engine:<7} {workers:>7}  {median[engine, workers]:.2f} docs/s, "
                         f"ratio to 1 worker {median[engine, workers] / median[engine, 1]:.2f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=600)
    parser.add_argument("--partition-size", type=int, default=16)
    parser.add_argument("--json", action="store_true", help="One JSON line per variant instead of a table.")
    parser.add_argument("--rounds", type=int, default=1, help="Run every variant this many times (medians).")
    parser.add_argument("--ingest", action="store_true",
                        help="Then ingest the same documents on Dask with 2 workers, timed by stage.")
    parser.add_argument("--child", nargs=4, metavar=("PATH", "ENGINE", "WORKERS", "PARTITION"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        path, engine, workers, partition = args.child
        if engine == "ingest":
            child_ingest(path, int(workers), int(partition))
        else:
            child(path, engine, int(workers), int(partition))
        return
    if not CORPUS.exists():
        raise SystemExit(f"{CORPUS} is absent: this benchmark reads the dev corpus from ../shared")
    print(f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f} at the start", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "inputs.jsonl"
        write_inputs(path, args.documents)
        rows = []
        for r in range(args.rounds):  # every other round backwards, so a drifting load favours no variant
            for engine, workers in VARIANTS if r % 2 == 0 else VARIANTS[::-1]:
                rows.append({"round": r + 1, **run_variant(path, engine, workers, args.partition_size)})
        stages = None
        if args.ingest:
            write_inputs(path, args.documents, distinct=True)
            stages = run_variant(path, "ingest", 2, args.partition_size)
    if args.json:
        for r in [*rows, *([stages] if stages else [])]:
            print(json.dumps(r))
        return
    print(table(rows))
    if stages:
        print(f"ingest, Dask engine, 2 workers: {stages['documents']} documents in {stages['seconds']:.1f} s: "
              f"waiting for annotation {stages['annotating']:.1f} s, storing {stages['storing']:.1f} s (serial), "
              f"ledger rebuild {stages['rebuilding']:.1f} s (serial)")


if __name__ == "__main__":
    main()
