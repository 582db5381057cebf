"""The ledger as the database grows: storing synthetic documents, the full rebuild at two sizes (and
the exponent of its growth), and the incremental update of a few new documents beside the rebuild.

    python bench/incremental.py [--documents 10000 100000] [--new 100] [--rebuild-only] [--json]
                                [--db postgresql://USER@HOST:PORT]

Documents are synthetic per-document results made here (no spaCy: this measures the store and the
ledger, not annotation): one to three events among 40 made-up states over ten years, a promise now
and then, person names that link across documents. For each size, in child processes of their own
(so each peak resident memory is that step's alone):

1. store: ``Store.save`` of every document, one transaction each, as ``ingest`` stores them;
2. rebuild: the full ledger rebuild (``rebuild_ledger``) over them;
3. update: ``--new`` further documents stored into a copy, then ``update_ledger`` (the incremental
   path ``ingest`` takes); and the same documents into another copy, rebuilt whole (left out with
   ``--rebuild-only``, which measures only how the rebuild grows).

With ``--db`` the databases are made on that PostgreSQL server instead of in SQLite files (one
database per size and step, copied with ``CREATE DATABASE … TEMPLATE``, dropped at the end; the
URL names the server, whose ``postgres`` database is used to make them). The CPU seconds are then
those of the peacewatch process alone, not the server's.

The exponent is log(t2 / t1) / log(n2 / n1) of the two rebuilds: 1.0 is linear, and n log n
between 10,000 and 100,000 documents is 1.10.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from peacewatch.types import Argument, Commitment, Document, Entity, Event, Result  # noqa: E402

STATES = [f"Q{chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(40)]
# event kinds with weights near a conflict news stream's (agreements and signings a tenth of events)
TYPES = {("ASSAULT", None): 30, ("ACCUSE", None): 20, ("CONSULT", None): 20, ("RETREAT", "release"): 10,
         ("RETREAT", "ceasefire"): 10, ("AGREE", None): 7, ("SUPPORT", "sign"): 3}
PROMISED = 0.05  # share of events that are promises
SURNAMES = ["Okafor", "Haddad", "Ivanova", "Moreno", "Tanaka", "Mensah", "Kowalski", "Farah"]
DAYS = 3650
SENTENCE = "Officials of the two states said the step had been taken as announced earlier. "


def peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def synthetic(first: int, count: int, seed: int) -> Iterator[tuple[Document, Result]]:
    """Documents ``first`` .. ``first + count - 1`` (the same ones for the same seed and numbers)."""
    for n in range(first, first + count):
        rng = random.Random(seed * 1_000_003 + n)
        day = 738000 + rng.randrange(DAYS)  # an ordinal in 2021 .. 2031
        entities, events, promises = [], [], []
        for k in range(rng.randrange(1, 4)):
            a, b = rng.sample(range(len(STATES)), 2)
            type_, mode = rng.choices(list(TYPES), weights=list(TYPES.values()))[0]
            entities += [Entity(f"s{k}a", f"State {STATES[a]}", "state", STATES[a], "GOV"),
                         Entity(f"s{k}b", f"State {STATES[b]}", "state", STATES[b], "GOV")]
            actor = [Argument(f"s{k}a", STATES[a], "GOV", f"State {STATES[a]}")]
            if rng.random() < 0.2:
                name = rng.choice(SURNAMES) if rng.random() < 0.5 else f"Min {rng.choice(SURNAMES)}"
                entities.append(Entity(f"p{k}", name, "person", STATES[a], "GOV"))
                actor.append(Argument(f"p{k}", STATES[a], "GOV", name))
            status = "future" if rng.random() < PROMISED else "occurred"
            when = _iso(day - rng.randrange(3))
            start = len(SENTENCE) * k
            events.append(Event(f"ev{k}", type_, (start, start + 9), (start, start + len(SENTENCE) - 1), mode=mode,
                                status=status, actor=actor, date=when,
                                recipient=[Argument(f"s{k}b", STATES[b], "GOV", f"State {STATES[b]}")]))
            if status == "future":
                promises.append(Commitment(f"c{k}", f"ev{k}", [f"s{k}a"], [f"s{k}b"], {"type": type_, "mode": mode},
                                           made=when, due=_iso(day + 30)))
        doc_id, published = f"syn-{n:07d}", _iso(day)
        yield (Document(doc_id, SENTENCE * 3 + f"(synthetic report {n})", published),
               Result(doc_id, published, entities=entities, events=events, commitments=promises))


def _iso(ordinal: int) -> str:
    import datetime as dt

    return dt.date.fromordinal(ordinal).isoformat()


# --- the steps, each run in a child process ----------------------------------------------------------

def step_store(db: str, first: int, count: int, seed: int) -> dict[str, Any]:
    from peacewatch.store.sqlite import Store

    started, cpu = time.perf_counter(), time.process_time()
    with Store(db) as store:
        for document, result in synthetic(first, count, seed):
            store.save(document, result)
    return {"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu, "documents": count}


def step_rebuild(db: str) -> dict[str, Any]:
    from peacewatch.store.ledger import rebuild_ledger
    from peacewatch.store.sqlite import Store

    with Store(db) as store:
        started, cpu = time.perf_counter(), time.process_time()
        stats = rebuild_ledger(store.conn, force=True)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    assert stats is not None
    return {"seconds": seconds, "cpu": cpu, "events": stats.events, "reports": stats.reports,
            "commitments": stats.commitments}


def step_update(db: str, first: int, count: int, seed: int, whole: bool) -> dict[str, Any]:
    from peacewatch.store.incremental import update_ledger
    from peacewatch.store.ledger import rebuild_ledger
    from peacewatch.store.sqlite import Store

    with Store(db) as store:
        for document, result in synthetic(first, count, seed):
            store.save(document, result)
        started, cpu = time.perf_counter(), time.process_time()
        stats = rebuild_ledger(store.conn, force=True) if whole else update_ledger(store.conn)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    assert stats is not None
    return {"seconds": seconds, "cpu": cpu, "path": stats.path, "why": stats.why, "events": stats.events}


def child(args: list[str]) -> dict[str, Any]:
    """Run one step in a fresh interpreter; its figures with its peak resident memory."""
    out = subprocess.run([sys.executable, __file__, "--step", *args], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_step(argv: list[str]) -> None:
    name, db, *rest = argv
    numbers = [int(x) for x in rest]
    if name == "store":
        found = step_store(db, *numbers)
    elif name == "rebuild":
        found = step_rebuild(db)
    else:
        found = step_update(db, numbers[0], numbers[1], numbers[2], name == "whole")
    print(json.dumps({**found, "peak_mb": round(peak_mb(), 1)}))


def measure(n: int, new: int, seed: int, folder: Path, update: bool = True, server: str | None = None
            ) -> dict[str, Any]:
    databases = Databases(folder, server)
    try:
        db = databases.make(f"ledger_{n}")
        stored = child(["store", db, "0", str(n), str(seed)])
        rebuilt = child(["rebuild", db])
        if not update:
            return {"documents": n, "store": stored, "rebuild": rebuilt}
        copies = {name: databases.copy(db, f"{name}_{n}") for name in ("update", "whole")}
        updated = child(["update", copies["update"], str(n), str(new), str(seed)])
        whole = child(["whole", copies["whole"], str(n), str(new), str(seed)])
        return {"documents": n, "store": stored, "rebuild": rebuilt, "update": updated, "whole": whole}
    finally:
        databases.drop()


class Databases:
    """The bench's databases: SQLite files of ``folder``, or databases on the PostgreSQL ``server``."""

    def __init__(self, folder: Path, server: str | None) -> None:
        self.folder, self.server = folder, server.rstrip("/") if server else None
        self.made: list[str] = []

    def make(self, name: str) -> str:
        if self.server is None:
            found = str(self.folder / f"{name}.db")
        else:
            self._admin(f"CREATE DATABASE {name}")
            found = f"{self.server}/{name}"
        self.made.append(found)
        return found

    def copy(self, db: str, name: str) -> str:
        if self.server is None:
            found = str(self.folder / f"{name}.db")
            shutil.copyfile(db, found)
        else:
            self._admin(f"CREATE DATABASE {name} TEMPLATE {db.rpartition('/')[2]}")
            found = f"{self.server}/{name}"
        self.made.append(found)
        return found

    def drop(self) -> None:
        for db in self.made:
            if self.server is None:
                Path(db).unlink(missing_ok=True)
            else:
                self._admin(f"DROP DATABASE IF EXISTS {db.rpartition('/')[2]} WITH (FORCE)")
        self.made.clear()

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(f"{self.server}/postgres", autocommit=True) as admin:
            admin.execute(sql)


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (5 min {five:.2f}) on {os.cpu_count()} cores"


def report(found: list[dict[str, Any]], new: int) -> Iterator[str]:
    """One line per size: wall seconds (CPU seconds) and peak MB of each step."""
    yield (f"{'documents':>10} | {'store s (cpu)':>15} {'peak MB':>7} | {'rebuild s (cpu)':>17} {'peak MB':>7} |"
           f" {f'+{new} update s (cpu)':>20} {'peak MB':>7} | {f'+{new} rebuild s (cpu)':>21} {'peak MB':>7} |"
           " cpu ratio")
    for f in found:
        s, r = f["store"], f["rebuild"]
        if "update" not in f:
            yield (f"{f['documents']:>10,} | {_secs(s):>15} {s['peak_mb']:7.0f} | {_secs(r):>17} {r['peak_mb']:7.0f} |"
                   f" (no update measured)")
            yield (f"{'':>10}   stored {f['documents'] / s['seconds']:,.0f} documents/s; {r['reports']:,} reports,"
                   f" {r['events']:,} merged events, {r['commitments']:,} commitments")
            continue
        u, w = f["update"], f["whole"]
        yield (f"{f['documents']:>10,} | {_secs(s):>15} {s['peak_mb']:7.0f} | {_secs(r):>17} {r['peak_mb']:7.0f} |"
               f" {_secs(u):>20} {u['peak_mb']:7.0f} | {_secs(w):>21} {w['peak_mb']:7.0f} |"
               f" {w['cpu'] / u['cpu']:.1f}x")
        yield (f"{'':>10}   stored {f['documents'] / s['seconds']:,.0f} documents/s; {r['reports']:,} reports,"
               f" {r['events']:,} merged events, {r['commitments']:,} commitments; update: {u['path']} ({u['why']})")
    if len(found) >= 2:
        yield from _growth(found[0], found[-1])


def _secs(step: dict[str, Any]) -> str:
    return f"{step['seconds']:.1f} ({step['cpu']:.1f})"


def _growth(a: dict[str, Any], b: dict[str, Any]) -> Iterator[str]:
    """The exponent of the rebuild's growth between two sizes, in wall and in CPU time."""
    sizes = math.log(b["documents"] / a["documents"])
    nlogn = 1 + math.log(math.log(b["documents"]) / math.log(a["documents"])) / sizes
    for what in ("seconds", "cpu"):
        found = math.log(b["rebuild"][what] / a["rebuild"][what]) / sizes
        verdict = "no faster than n log n" if found <= nlogn + 0.05 else "FASTER than n log n"
        yield (f"rebuild {'wall' if what == 'seconds' else 'CPU'} time grows as n^{found:.2f} from"
               f" {a['documents']:,} to {b['documents']:,} documents (n log n: n^{nlogn:.2f}): {verdict}")


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--step":
        run_step(sys.argv[2:])
        return 0
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--new", type=int, default=100)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--rebuild-only", action="store_true", help="store and rebuild only (no update step)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--db", help="a PostgreSQL server (postgresql://USER@HOST:PORT) to make the databases on")
    args = parser.parse_args()
    print(f"before: {load()}", file=sys.stderr)
    found = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.documents:
            found.append(measure(n, args.new, args.seed, Path(tmp), not args.rebuild_only, args.db))
            print(f"  {n:,} documents done: {load()}", file=sys.stderr)
    print(json.dumps(found, indent=1) if args.json else "\n".join(report(found, args.new)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
