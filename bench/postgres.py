"""The store on SQLite and on PostgreSQL: how fast documents are stored and the ledger rebuilt.

The dev corpus (``../shared/corpus/dev_peace_processes.jsonl``) is annotated once; its documents
and results are then stored ``--copies`` times (each copy's text carries its number, so none is a
duplicate) into a new SQLite file and a new PostgreSQL database, one transaction per document as
``ingest`` does, and the ledger is rebuilt. Printed per backend: documents/s of storing, the
rebuild's seconds, and documents/s of the whole (annotation excluded: it is the same for both and
runs before the store; ``bench/scaling.py`` measures it). With ``--ingest`` the whole ``peacewatch
ingest`` of the corpus (annotation included) is timed into each backend too.

Without ``--server`` a throwaway PostgreSQL server is started (``initdb`` into a temporary folder,
``pg_ctl`` on a free port; as the ``postgres`` user when run as root) and stopped at the end.

    python bench/postgres.py [--copies N] [--server postgresql://user@host:port] [--ingest] [--json]
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

from peacewatch.config import load_config  # noqa: E402
from peacewatch.flow import extract_pairs  # noqa: E402
from peacewatch.ingest.sources import Source, documents_from  # noqa: E402
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--server", help="a PostgreSQL server URL (without a database name); default: a throwaway one")
    parser.add_argument("--ingest", action="store_true", help="also time the whole `peacewatch ingest` of the corpus")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.server:
        result = run(args.server, args.copies, args.ingest)
    else:
        with throwaway_server() as server:
            result = run(server, args.copies, args.ingest)
    if args.json:
        print(json.dumps(result, indent=2))
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
