"""The ledger side as the corpus grows: every stage after extraction, timed at 1, 2, 4 and 8 copies
of the dev corpus.

    nice -n 10 python bench/ledger_growth.py [--copies 1 2 4 8] [--results PATH] [--new 12] [--json]

The dev corpus (``../shared/corpus/dev_peace_processes.jsonl``) is extracted once, with every
component, and its results kept in ``--results`` (a JSON Lines file outside the project; later runs
read it instead of parsing again). For each k, in a child process of its own (so the peak resident
memory is that k's alone), the records are replicated k times, each copy new to the store: its
documents renamed (``ID-copyJ``), the text marked at its end (the store tells texts apart by their
hash; no span moves) and every date shifted by 8·J years (a multiple of 4, so 29 February stays a
day), so the copies follow one another in time like an archive that grows. Then, timed one after
another (CPU seconds of the process, which the other users of the machine do not inflate):

1. store: ``Store.save`` of every document, one transaction each, as ``ingest`` stores them;
2. rebuild: the full ledger rebuild, and inside it each step of ``resolve.stage.build`` (entities,
   merging reports into events, commitments, agreements);
3. reads: the read layer's queries (summary, the first and last page of 50 events, the ten top
   dyads, the timeline and the process view of the three commonest, every commitment and the
   evidence of 50, the agreements) and the export of every table;
4. update: ``--new`` documents of one further copy stored and the ledger updated in place
   (``update_ledger``, the path ``ingest`` takes).

The table gives each stage's CPU seconds per k and its growth from 1 to 8 copies beside n log n's
(n the documents): a stage whose ratio is well past n log n's grows faster than the corpus allows.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CORPUS = ROOT.parent / "shared" / "corpus" / "dev_peace_processes.jsonl"
YEARS = 8  # the shift of each copy's dates, in years (a multiple of 4)
DATE_KEYS = {"published", "value", "date", "made", "due", "day"}
YEAR = re.compile(r"(?<![\d.])([12]\d{3})(?=$|[-/T])")
STAGES = ("store", "rebuild", "entities", "merge", "commitments", "agreements", "update", "summary", "events page",
          "dyads", "timeline", "process view", "read commitments", "read agreements", "exports")


def peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def extract_once(path: Path) -> None:
    """Run the whole pipeline over the dev corpus once and keep each document beside its result."""
    from peacewatch.config import load_config
    from peacewatch.flow import extract_pairs, read_jsonl

    config = load_config()
    with CORPUS.open("rb") as stream, path.open("w", encoding="utf-8") as out:
        for result, document in extract_pairs(read_jsonl(stream, config), config):
            if document is not None and result.error is None:
                out.write(json.dumps({"document": document.to_dict(), "result": result.to_dict()}) + "\n")


def shifted(value: Any, years: int) -> Any:
    """``value`` with every date under a date key moved on by ``years`` years."""
    if isinstance(value, dict):
        return {k: (YEAR.sub(lambda m: str(int(m.group(1)) + years), v) if k in DATE_KEYS and isinstance(v, str)
                    else shifted(v, years)) for k, v in value.items()}
    if isinstance(value, list):
        return [shifted(v, years) for v in value]
    return value


def copies(path: Path, first: int, count: int, limit: int | None = None) -> Iterator[tuple[Any, Any]]:
    """Copies ``first`` .. ``first + count - 1`` of the extracted corpus, as (Document, Result) pairs."""
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    return replicate(rows[:limit], first, count, YEARS)


def replicate(rows: list[dict[str, Any]], first: int, count: int, years: int) -> Iterator[tuple[Any, Any]]:
    """Copies ``first`` .. ``first + count - 1`` of ``rows`` ({"document", "result"} dictionaries), each
    renamed, its text marked and its dates moved on by ``years`` × its number."""
    from peacewatch.types import Document, Result

    for j in range(first, first + count):
        for row in rows:
            doc, result = shifted(row["document"], years * j), shifted(row["result"], years * j)
            doc_id = f"{doc['id']}-copy{j}"
            doc.update(id=doc_id, text=f"{doc['text']}\n\n(copy {j})")
            result["id"] = doc_id
            yield Document.from_dict(doc), Result.from_dict(result)


STEPS = [0]  # thousands of SQLite virtual-machine instructions run by the writer's connection so far


def timed(found: dict[str, float], name: str, call: Callable[[], Any]) -> Any:
    """``call()``, adding its CPU seconds to ``found[name]`` and its SQLite steps to ``found["sql NAME"]``."""
    start, steps = time.process_time(), STEPS[0]
    try:
        return call()
    finally:
        found[name] = found.get(name, 0.0) + time.process_time() - start
        found[f"sql {name}"] = found.get(f"sql {name}", 0.0) + STEPS[0] - steps


def counting(conn: Any) -> None:
    """Count the SQLite steps of ``conn`` in ``STEPS``: a measure of the database's work that the
    machine's load does not change (the same archive gives the same count)."""
    conn.set_progress_handler(lambda: STEPS.__setitem__(0, STEPS[0] + 1), 1000)


def step(results: Path, k: int, new: int) -> dict[str, Any]:
    """Everything for k copies, in this process."""
    from peacewatch.resolve import stage
    from peacewatch.store.incremental import update_ledger
    from peacewatch.store.ledger import rebuild_ledger
    from peacewatch.store.sqlite import Store

    found: dict[str, float] = {}
    steps = {"entities": "fold_entities", "merge": "merge_events", "commitments": "track_commitments",
             "agreements": "gather_agreements"}
    real = {attr: getattr(stage, attr) for attr in steps.values()}

    def rebuild(conn: Any) -> Any:
        """The rebuild, with each step of the build timed (the update's calls of them are not)."""
        for name, attr in steps.items():
            setattr(stage, attr, lambda *a, _real=real[attr], _name=name, **kw: timed(
                found, _name, lambda: _real(*a, **kw)))
        try:
            return rebuild_ledger(conn, force=True)
        finally:
            for attr, function in real.items():
                setattr(stage, attr, function)

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "growth.db"
        with Store(db) as store:  # the copies are made as they are stored: none is held, so none is in the times
            counting(store.conn)
            documents = timed(found, "store", lambda: store_all(store, copies(results, 0, k)))
            stats = timed(found, "rebuild", lambda: rebuild(store.conn))
        counts = reads(db, found)
        with Store(db) as store:
            counting(store.conn)
            store_all(store, copies(results, k, 1, new))
            timed(found, "update", lambda: update_ledger(store.conn))
    return {"k": k, "documents": documents, "events": stats.events, "reports": stats.reports,
            "commitments": stats.commitments, "agreements": stats.agreements, "cpu": found,
            "peak_mb": peak_mb(), **counts}


def store_all(store: Any, pairs: Iterator[tuple[Any, Any]]) -> int:
    count = 0
    for document, result in pairs:
        store.save(document, result)
        count += 1
    return count


def reads(db: Path, found: dict[str, float]) -> dict[str, int]:
    """The read layer's queries and every export, timed; the number of rows each export gave."""
    from peacewatch.store.reads import EXPORT_TABLES, Reader

    reader = Reader(db)
    timed(found, "summary", reader.summary)
    total = timed(found, "events page", lambda: reader.events(limit=50).total)
    timed(found, "events page", lambda: reader.events(limit=50, offset=max(total - 50, 0)))
    top = timed(found, "dyads", lambda: reader.top_dyads(10))
    for a, b in [(d.a, d.b) for d in top[:3]]:
        timed(found, "timeline", lambda a=a, b=b: reader.timeline(a, b))
        timed(found, "process view", lambda a=a, b=b: reader.process(a, b))
    commitments = timed(found, "read commitments", reader.commitments)
    timed(found, "read commitments", lambda: [reader.commitment_evidence(c.id) for c in commitments[:50]])
    timed(found, "read agreements", reader.agreements)
    rows = {f"rows_{t}": timed(found, "exports", lambda t=t: sum(1 for _ in reader.export_rows(t)))
            for t in EXPORT_TABLES}
    reader.close()
    return rows


def child(results: Path, k: int, new: int) -> dict[str, Any]:
    out = subprocess.run([sys.executable, __file__, "--results", str(results), "--one", str(k), "--new", str(new)],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def table(found: list[dict[str, Any]]) -> Iterator[str]:
    yield "| stage | " + " | ".join(f"k={f['k']} ({f['documents']} docs)" for f in found) + " | growth, last ÷ first |"
    yield "|---|" + "---|" * (len(found) + 1)
    n1, n2 = found[0]["documents"], found[-1]["documents"]
    bound = n2 * math.log(n2) / (n1 * math.log(n1))
    for name in STAGES:
        cells = [f"{f['cpu'].get(name, 0.0):.2f}" for f in found]
        first, last = found[0]["cpu"].get(name, 0.0), found[-1]["cpu"].get(name, 0.0)
        growth = f"{last / first:.1f}×" if first > 0.005 else "—"
        yield f"| {name} CPU s | " + " | ".join(cells) + f" | {growth} |"
    for name in STAGES[:7]:
        cells = [f"{f['cpu'].get('sql ' + name, 0.0):.0f}" for f in found]
        first, last = found[0]["cpu"].get("sql " + name, 0.0), found[-1]["cpu"].get("sql " + name, 0.0)
        yield f"| {name} SQLite ksteps | " + " | ".join(cells) + f" | {f'{last / first:.1f}×' if first else '—'} |"
    yield "| peak MB | " + " | ".join(f"{f['peak_mb']:.0f}" for f in found) + " | |"
    for key in ("reports", "events", "commitments", "agreements"):
        yield f"| {key} | " + " | ".join(str(f[key]) for f in found) + " | |"
    yield f"\nn log n from {n1} to {n2} documents: {bound:.1f}×; linear: {n2 / n1:.1f}×"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 2, 4, 8])
    parser.add_argument("--results", type=Path, default=Path(tempfile.gettempdir()) / "peacewatch-growth.jsonl")
    parser.add_argument("--new", type=int, default=12, help="documents of a further copy for the update")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(step(args.results, args.one, args.new)))
        return 0
    if not args.results.exists():
        if not CORPUS.exists():
            print(f"no dev corpus at {CORPUS}", file=sys.stderr)
            return 1
        start = time.perf_counter()
        extract_once(args.results)
        print(f"extracted the dev corpus once in {time.perf_counter() - start:.0f} s into {args.results}")
    found = [child(args.results, k, args.new) for k in args.copies]
    print(json.dumps(found) if args.json else "\n".join(table(found)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
