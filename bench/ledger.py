"""Ledger benchmarks: memory while ingesting many documents, and dyad queries over many events.

    python bench/ledger.py [--documents 10000] [--events 1000000]

Documents are synthetic short reports made from templates here (random pairs of states, event
verbs and dates), ingested through the real pipeline in one run; resident memory is sampled every
tenth of the run, so a flat line shows that memory does not grow with the number of documents.
Events are synthetic merged events written straight into the ledger tables
(``peacewatch.store.ledger.generate_events``); dyad timeline queries are then timed.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

STATES = [
    "Kenya",
    "Ethiopia",
    "Sudan",
    "Serbia",
    "Kosovo",
    "Armenia",
    "Azerbaijan",
    "Colombia",
    "Rwanda",
    "Uganda",
    "Ukraine",
    "Russia",
    "Israel",
    "Qatar",
    "Egypt",
    "Turkey",
]
TEMPLATES = [
    "{a} and {b} held talks in {city} on {day}, officials said. Both sides agreed to meet again next month.",
    "{a} released {n} prisoners to {b} on {day}, the foreign ministry said in a statement.",
    "{a} accused {b} of violating the ceasefire on {day}. {b} denied the claim.",
    "The foreign ministers of {a} and {b} signed an agreement on border demarcation on {day}.",
    "{a} promised to withdraw its troops from the border with {b} by the end of the year.",
    "Troops from {a} attacked positions held by {b} on {day}, killing {n} soldiers, witnesses said.",
]
CITIES = ["Geneva", "Doha", "Nairobi", "Brussels", "Istanbul", "Washington"]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def synthetic_documents(n: int, seed: int = 7) -> Iterator[str]:
    rng = random.Random(seed)
    for i in range(n):
        a, b = rng.sample(STATES, 2)
        day = f"2024-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        text = " ".join(
            rng.choice(TEMPLATES).format(
                a=a,
                b=b,
                city=rng.choice(CITIES),
                n=rng.randrange(2, 90),
                day=rng.choice(["Monday", "Tuesday", "Friday"]),
            )
            for _ in range(3)
        )
        yield json.dumps({"id": f"syn-{i:05d}", "text": f"Report {i}. {text}", "published": day})


def bench_documents(n: int) -> dict[str, object]:
    from peacewatch.config import load_config
    from peacewatch.flow import ingest
    from peacewatch.ingest.sources import Source
    from peacewatch.store.sqlite import Store

    samples: list[tuple[int, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "docs.jsonl"
        src.write_text("\n".join(synthetic_documents(n)) + "\n", "utf-8")
        config = load_config()
        count, loop_peak, loop_end = 0, 0.0, 0.0

        def tick(_result: object) -> None:
            nonlocal count, loop_peak, loop_end
            count += 1
            if count % max(1, n // 10) == 0:
                samples.append((count, rss_mb()))
            if count == n:  # the last document is stored; the ledger rebuild comes next
                loop_peak, loop_end = peak_mb(), time.perf_counter()

        start = time.perf_counter()
        with Store(Path(tmp) / "bench.db") as store:
            stats = ingest([Source(str(src), "jsonl")], store, config, on_document=tick)
        seconds = time.perf_counter() - start
    return {
        "documents": stats.stored,
        "seconds": seconds,
        "rebuild_seconds": seconds - (loop_end - start),
        "rss_samples_mb": samples,
        "loop_peak_rss_mb": loop_peak,
        "peak_rss_mb": peak_mb(),
    }


def documents_in_child(n: int) -> dict[str, object]:
    """``bench_documents`` in a fresh interpreter, so each size's peak RSS is its own."""
    import subprocess

    out = subprocess.run([sys.executable, __file__, "--events", "0", "--one-size", str(n)], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def bench_events(n: int, queries: int = 30) -> dict[str, object]:
    from peacewatch.store.ledger import generate_events
    from peacewatch.store.reads import Reader
    from peacewatch.store.sqlite import Store

    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "events.db") as writer:
            start = time.perf_counter()
            generate_events(writer.conn, n)
            build = time.perf_counter() - start
        reader = Reader(Path(tmp) / "events.db")
        codes = sorted({r[0].removeprefix("code:") for r in reader.conn.execute(
            "SELECT DISTINCT a FROM ledger_dyads WHERE a LIKE 'code:%' LIMIT 40")})
        rng = random.Random(3)
        times, sizes, views = [], [], []
        for _ in range(queries):
            a, b = rng.sample(codes, 2)
            t0 = time.perf_counter()
            sizes.append(len(reader.events_for_dyad(a, b)))
            times.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            reader.timeline(a, b)
            views.append((time.perf_counter() - t0) * 1000)
        reader.close()
    if not any(sizes):
        raise SystemExit("bench: the dyad queries found no events; the benchmark itself is broken")
    return {
        "events": n,
        "generate_seconds": build,
        "events_per_dyad": statistics.median(sizes),
        "query_ms_median": statistics.median(times),
        "query_ms_max": max(times),
        "timeline_ms_median": statistics.median(views),
        "timeline_ms_max": max(views),
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--documents", type=int, nargs="+", default=[2_500, 10_000],
                        help="document counts, each ingested in its own process (the peaks are compared)")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--one-size", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one_size:
        print(json.dumps(bench_documents(args.one_size)))
        return 0
    if args.events:
        r = bench_events(args.events)
        print(
            f"dyad query over {r['events']:,} stored events ({r['events_per_dyad']:.0f} per dyad): "
            f"median {r['query_ms_median']:.1f} ms, max {r['query_ms_max']:.1f} ms; full timeline view "
            f"median {r['timeline_ms_median']:.1f} ms, max {r['timeline_ms_max']:.1f} ms "
            f"(target < 100 ms)"
        )
    runs = [documents_in_child(n) for n in args.documents if n > 0]
    for d in runs:
        line = ", ".join(f"{n}: {mb:.0f}" for n, mb in d["rss_samples_mb"])  # type: ignore[attr-defined]
        print(
            f"ingest of {d['documents']:,} synthetic documents in {d['seconds']:.0f} s (ledger rebuild "
            f"{d['rebuild_seconds']:.0f} s); RSS MB after N documents: {line}; peak RSS while storing "
            f"{d['loop_peak_rss_mb']:.0f} MB, whole run with the rebuild {d['peak_rss_mb']:.0f} MB"
        )
    if len(runs) > 1:
        first, last = runs[0], runs[-1]
        print(
            f"peak RSS at {last['documents']:,} documents / at {first['documents']:,}: "
            f"{last['peak_rss_mb'] / first['peak_rss_mb']:.2f}x for "  # type: ignore[operator]
            f"{last['documents'] / first['documents']:.1f}x the documents"  # type: ignore[operator]
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
