"""The store on SQLite and on PostgreSQL: how fast documents are stored and the ledger rebuilt.

The dev corpus (``../shared/corpus/dev_peace_processes.jsonl``) is annotated once; its documents
and results are then stored ``--copies`` times (each copy's text carries its number, so none is a
duplicate) into a new SQLite file and a new PostgreSQL database, one transaction per document as
``ingest`` does, and the ledger is rebuilt. Printed per backend: documents/s of storing, the
rebuild's seconds, and documents/s of the whole (annotation excluded: it is the same for both and
runs before the store; ``bench/scaling.py`` measures it). With ``--ingest`` the whole ``peacewatch
ingest`` of the corpus (annotation included) is timed into each backend too.

With ``--synthetic N`` it instead stores N synthetic documents (``bench/incremental.py``'s: no
annotation, so it measures the store alone) into each backend and rebuilds the ledger, each backend
in a process of its own, and prints documents/s, CPU seconds and the peak resident memory of that
process (the driver: the server's own memory is not counted).

Without ``--server`` a throwaway PostgreSQL server is started (``initdb`` into a temporary folder,
``pg_ctl`` on a free port; as the ``postgres`` user when run as root) and stopped at the end.

    python bench/postgres.py [--copies N] [--server postgresql://user@host:port] [--ingest] [--json]
    python bench/postgres.py --synthetic 100000 [--server …] [--json]
"""

from __future__ import annotations

import argparse
import contextlib
import glob
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "dev_peace_processes.jsonl"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

# only the store here: the synthetic step's peak memory is the store's, not spaCy's (annotated() imports it)
from peacewatch.store.ledger import rebuild_ledger  # noqa: E402
from peacewatch.store.sqlite import Store  # noqa: E402
from peacewatch.types import Document, Result  # noqa: E402


def program(name: str) -> str:
    found = shutil.which(name) or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))[::-1]), None)
    if found is None:
        raise SystemExit(f"{name} not found: install PostgreSQL or give --server")
    return found


@contextlib.contextmanager
def throwaway_server() -> Iterator[str]:
    folder = Path(tempfile.mkdtemp(prefix="peacewatch-bench-pg-"))
    run_as: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
        run_as = ["runuser", "-u", "postgres", "--"]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    data = folder / "data"
    subprocess.run([*run_as, program("initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "--encoding=UTF8",
                    "--locale=C"], check=True, capture_output=True)
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1"
    subprocess.run([*run_as, program("pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w",
                    "start"], check=True, capture_output=True)
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run([*run_as, program("pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def new_database(server: str) -> Iterator[str]:
    import psycopg

    name = f"peacewatch_bench_{os.getpid()}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield f"{server}/{name}"
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def annotated() -> list[tuple[Document, Result]]:
    from peacewatch.config import load_config
    from peacewatch.flow import extract_pairs
    from peacewatch.ingest.sources import Source, documents_from

    config = load_config(workers=1)
    items = documents_from([Source(str(CORPUS), "jsonl")], config)
    return [(d, r) for r, d in extract_pairs(items, config) if d is not None]


def copies(pairs: list[tuple[Document, Result]], n: int) -> Iterator[tuple[Document, Result]]:
    for k in range(n):
        for d, r in pairs:
            if k == 0:
                yield d, r
                continue
            doc_id = f"{d.id}-copy{k}"
            yield (Document(doc_id, f"{d.text}\n\n(Copy {k}.)", d.published, d.url, d.title, dict(d.extra)),
                   Result.from_dict({**r.to_dict(), "id": doc_id}))


def store_and_rebuild(db: str, pairs: list[tuple[Document, Result]], n: int) -> dict[str, Any]:
    started = time.perf_counter()
    with Store(db) as store:
        for d, r in copies(pairs, n):
            store.save(d, r)
        stored = time.perf_counter()
        stats = rebuild_ledger(store.conn)
        done = time.perf_counter()
    documents = len(pairs) * n
    return {"documents": documents, "store_s": round(stored - started, 2),
            "store_docs_per_s": round(documents / (stored - started), 1), "rebuild_s": round(done - stored, 2),
            "total_docs_per_s": round(documents / (done - started), 1),
            "events": stats.events if stats else None}


def whole_ingest(db: str) -> dict[str, Any]:
    started = time.perf_counter()
    subprocess.run([str(Path(sys.executable).parent / "peacewatch"), "ingest", str(CORPUS), "--db", db, "--quiet"],
                   check=True, capture_output=True)
    seconds = time.perf_counter() - started
    lines = sum(1 for line in CORPUS.read_text("utf-8").splitlines() if line.strip())
    return {"ingest_s": round(seconds, 1), "ingest_docs_per_s": round(lines / seconds, 2)}


def run(server: str, n: int, with_ingest: bool) -> dict[str, Any]:
    pairs = annotated()
    out: dict[str, Any] = {"copies": n, "load_before": os.getloadavg()[0]}
    with tempfile.TemporaryDirectory() as folder:
        out["sqlite"] = store_and_rebuild(str(Path(folder) / "bench.db"), pairs, n)
        with new_database(server) as url:
            out["postgresql"] = store_and_rebuild(url, pairs, n)
        if with_ingest:
            out["sqlite"].update(whole_ingest(str(Path(folder) / "ingest.db")))
            with new_database(server) as url:
                out["postgresql"].update(whole_ingest(url))
    out["load_after"] = os.getloadavg()[0]
    return out


PROGRESS_EVERY = 10_000


def progress(db: str, what: str, wall: float, cpu: float) -> None:
    """One line on stderr (the parent passes it through): a run stopped before its end still shows
    how far each backend got and at what pace."""
    backend = "sqlite" if db.endswith(".db") else "postgresql"
    print(f"{time.strftime('%H:%M:%S')} {backend}: {what} after {time.perf_counter() - wall:.1f} s"
          f" (CPU {time.process_time() - cpu:.1f} s, load {os.getloadavg()[0]:.2f})", file=sys.stderr, flush=True)


def synthetic_step(db: str, n: int, seed: int) -> dict[str, Any]:
    """Store ``n`` synthetic documents into ``db``, one transaction each, then rebuild the ledger
    (run in a child process: its peak memory is this step's)."""
    from incremental import peak_mb, synthetic

    wall, cpu = time.perf_counter(), time.process_time()
    with Store(db) as store:
        for k, (document, result) in enumerate(synthetic(0, n, seed), 1):
            store.save(document, result)
            if k % PROGRESS_EVERY == 0:
                progress(db, f"{k:,} stored", wall, cpu)
        stored, stored_cpu = time.perf_counter() - wall, time.process_time() - cpu
        progress(db, "rebuilding", wall, cpu)
        stats = rebuild_ledger(store.conn)
    return {"documents": n, "store_s": round(stored, 1), "store_cpu": round(stored_cpu, 1),
            "store_docs_per_s": round(n / stored, 1), "rebuild_s": round(time.perf_counter() - wall - stored, 1),
            "rebuild_cpu": round(time.process_time() - cpu - stored_cpu, 1), "events": stats.events if stats else None,
            "peak_mb": round(peak_mb(), 1)}


def synthetic_run(server: str, n: int, seed: int, together: bool = False) -> dict[str, Any]:
    """Each backend in a child process; one after the other, or with ``together`` both at once (half the
    wall time when the machine is short of it, but each then competes with the other for the CPU)."""
    def start(db: str) -> subprocess.Popen[str]:
        # stderr passes through: the children's progress lines
        return subprocess.Popen([sys.executable, __file__, "--synthetic-step", db, str(n), str(seed)],
                                stdout=subprocess.PIPE, text=True)

    def finish(child: subprocess.Popen[str]) -> dict[str, Any]:
        out, _ = child.communicate()
        if child.returncode != 0:
            raise SystemExit(f"the synthetic step failed (exit {child.returncode})")
        return dict(json.loads(out.strip().splitlines()[-1]))

    found: dict[str, Any] = {"synthetic": n, "together": together, "load_before": os.getloadavg()[0]}
    with tempfile.TemporaryDirectory() as folder, new_database(server) as url:
        sqlite = start(str(Path(folder) / "synthetic.db"))
        if not together:
            found["sqlite"] = finish(sqlite)
        postgresql = start(url)
        if together:
            found["sqlite"] = finish(sqlite)
        found["postgresql"] = finish(postgresql)
    found["load_after"] = os.getloadavg()[0]
    return found


def print_synthetic(result: dict[str, Any]) -> None:
    how = "both backends at once" if result["together"] else "one backend after the other"
    print(f"{result['synthetic']:,} synthetic documents, {how}; load {result['load_before']:.2f}"
          f" → {result['load_after']:.2f}")
    for backend in ("sqlite", "postgresql"):
        r = result[backend]
        print(f"{backend:11} stored {r['store_docs_per_s']} docs/s ({r['store_s']} s, CPU {r['store_cpu']} s),"
              f" rebuild {r['rebuild_s']} s (CPU {r['rebuild_cpu']} s, {r['events']:,} merged events),"
              f" driver peak {r['peak_mb']} MB")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--synthetic-step":
        print(json.dumps(synthetic_step(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synthetic", type=int, help="store this many synthetic documents instead of the corpus")
    parser.add_argument("--seed", type=int, default=17, help="of the synthetic documents")
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--server", help="a PostgreSQL server URL (without a database name); default: a throwaway one")
    parser.add_argument("--ingest", action="store_true", help="also time the whole `peacewatch ingest` of the corpus")
    parser.add_argument("--together", action="store_true",
                        help="with --synthetic: store into both backends at once rather than one after the other")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with contextlib.ExitStack() as stack:
        server = args.server or stack.enter_context(throwaway_server())
        if args.synthetic:
            result = synthetic_run(server, args.synthetic, args.seed, args.together)
        else:
            result = run(server, args.copies, args.ingest)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    if args.synthetic:
        print_synthetic(result)
        return
    print(f"{result['copies']} copies of the dev corpus; load {result['load_before']:.2f} → {result['load_after']:.2f}")
    for backend in ("sqlite", "postgresql"):
        r = result[backend]
        line = (f"{backend:11} {r['documents']} documents: stored {r['store_docs_per_s']} docs/s ({r['store_s']} s),"
                f" rebuild {r['rebuild_s']} s ({r['events']} merged events), whole {r['total_docs_per_s']} docs/s")
        if "ingest_s" in r:
            line += f"; peacewatch ingest {r['ingest_docs_per_s']} docs/s ({r['ingest_s']} s)"
        print(line)


if __name__ == "__main__":
    main()
