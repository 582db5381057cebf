"""Web benchmark: every API list call and every dashboard page on a ledger of many merged events.

    python bench/serve.py [--events 100000] [--runs 5] [--db FILE]

The database holds the examples' documents (when given with --db, else none) and ``--events``
synthetic merged events (``peacewatch.store.ledger.generate_events``: random dyads among 40 made-up
codes, eight types, ten years). Each address is requested ``--runs`` times in-process through the
application (FastAPI's TestClient: routing, reading, rendering, serialization; no network) after
one warm-up request; the median and the slowest are reported against the targets, 200 ms for an
API call and 1 s for a page. Exit status 1 when a median misses its target.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

API = ["/api/events", "/api/events?sort=-day", "/api/events?type=AGREE", "/api/events?actor=QAB",
       "/api/events?dyad=QAA,QAB", "/api/events?status=occurred&since=2020&until=2020-06",
       "/api/events?q=ceasefire", "/api/events?document=none", "/api/events?sort=-score&offset=90000",
       "/api/events?type=ASSAULT&actor=QAC&sort=-day", "/api/agreements", "/api/commitments?status=open",
       "/api/entities", "/api/documents", "/api/quotes", "/api/timeline?a=QAA&b=QAB",
       "/api/timeline?a=QAA&b=QAB&by=week", "/api/dyads?countries=true", "/api/summary"]
PAGES = ["/", "/events", "/events?actor=QAB&sort=-day", "/events?type=AGREE&since=2019", "/dyad",
         "/dyad?a=QAA&b=QAB", "/dyad?a=QAA&b=QAB&by=week", "/commitments", "/documents", "/quotes"]
TARGETS = {"api": 0.2, "page": 1.0}


def build(path: Path, events: int, base: Path | None) -> float:
    from peacewatch.store.ledger import generate_events
    from peacewatch.store.sqlite import Store

    if base is not None:
        shutil.copy(base, path)
    start = time.perf_counter()
    with Store(path) as writer:
        generate_events(writer.conn, events)
    return time.perf_counter() - start


def timed(client, url: str, runs: int) -> tuple[float, float, float, int]:  # type: ignore[no-untyped-def]
    """Median and slowest wall time, and median CPU time of this process (what the call costs when
    other work shares the cores), of ``runs`` requests after one warm-up."""
    status = client.get(url).status_code
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        client.get(url)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(times), max(times), statistics.median(cpu), status


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", type=Path, default=None, help="A database to copy and add the events to.")
    args = parser.parse_args()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette: "Using httpx with TestClient is deprecated"
        from fastapi.testclient import TestClient
    from peacewatch.serve.web.app import create_app

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "serve-bench.db"
        seconds = build(db, args.events, args.db)
        print(f"{args.events:,} synthetic merged events written in {seconds:.1f} s", flush=True)
        app = create_app(db)
        client = TestClient(app)
        missed = 0
        for kind, urls in (("api", API), ("page", PAGES)):
            print(f"\n{kind:<5} {'median ms':>10} {'max ms':>8} {'cpu ms':>7}  status  address")
            for url in urls:
                median, worst, cpu, status = timed(client, url, args.runs)
                over = median > TARGETS[kind] or status >= 500
                missed += over
                print(f"{kind:<5} {median * 1000:>10.1f} {worst * 1000:>8.1f} {cpu * 1000:>7.1f}  {status:>6}  {url}"
                      f"{'  OVER TARGET' if over else ''}", flush=True)
        app.state.reader.close()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"targets: API {TARGETS['api'] * 1000:.0f} ms, pages {TARGETS['page'] * 1000:.0f} ms (median); "
          f"{missed} over")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
