"""Side-by-side speed and memory benchmark: spaCy's own ``nlp.pipe`` vs ``peacewatch extract``.

Run by ``make bench``. Texts: every document of ``../shared/corpus`` and the timex dev texts of
``../shared/data/timex``. Each variant runs in its own child process (so peak RSS is its own), on
the same texts, in one run; the ratio is extract's words/s over spaCy's words/s.

    python bench/run.py [--repeat N] [--limit N] [--json]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def collect_texts(limit: int | None) -> list[dict[str, object]]:
    docs: list[dict[str, object]] = []
    for path in sorted((SHARED / "corpus").glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            rec = json.loads(line)
            docs.append({"id": rec["id"], "text": rec["text"], "published": rec.get("published")})
    for path in sorted((SHARED / "data" / "timex").glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            rec = json.loads(line)
            docs.append({"id": rec["doc_id"], "text": rec["text"], "published": rec.get("dct")})
    return docs[:limit] if limit else docs


def child_spacy(path: str, model: str) -> None:
    import spacy

    texts = [json.loads(line)["text"] for line in open(path, encoding="utf-8")]
    nlp = spacy.load(model)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    print(json.dumps({"seconds": time.perf_counter() - start, **_own_rss()}))


def child_extract(path: str, workers: int) -> None:
    from peacewatch.config import load_config
    from peacewatch.engines.local import LocalEngine
    from peacewatch.flow import extract, read_jsonl

    config = load_config(workers=workers)
    engine = LocalEngine(config)
    spent: dict[str, float] = {}
    if workers == 1:  # load the model before the clock starts, as spaCy's run does, and time each component
        engine.pipeline.components = [_Timed(c, spent) for c in engine.pipeline.components]
    start = time.perf_counter()
    with open(path, "rb") as stream:
        failed = sum(r.error is not None for r in extract(read_jsonl(stream, config), config, engine))
    print(json.dumps({"seconds": time.perf_counter() - start, "failed": failed, "components": spent,
                      **_own_rss()}))


class _Timed:
    """A component wrapped to add up the seconds it takes (the pipeline contract is unchanged)."""

    def __init__(self, component: Any, spent: dict[str, float]) -> None:
        self.component, self.spent = component, spent
        self.name, self.requires, self.provides = component.name, component.requires, component.provides

    def __call__(self, ann: Any) -> Any:
        begun = time.perf_counter()
        try:
            return self.component(ann)
        finally:
            self.spent[self.name] = self.spent.get(self.name, 0.0) + time.perf_counter() - begun


def _own_rss() -> dict[str, float]:
    """Peak resident set of this process and of its largest worker, in MB (Linux reports KiB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"peak_rss_mb": max(own, workers)}


def run_child(args: list[str]) -> dict[str, Any]:
    out = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, default=None, help="only the first N texts")
    parser.add_argument("--json", action="store_true", help="also print one JSON line of results")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, path, arg = args.child
        child_spacy(path, arg) if kind == "spacy" else child_extract(path, int(arg))
        return 0
    if not SHARED.exists():
        print(f"bench: {SHARED} not found; the benchmark reads its texts from ../shared")
        return 2
    from peacewatch.config import load_config

    docs = collect_texts(args.limit)
    words = sum(len(str(d["text"]).split()) for d in docs)
    model = load_config().model
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "bench.jsonl")
        Path(path).write_text("".join(json.dumps(d) + "\n" for d in docs), "utf-8")
        runs = {"spacy nlp.pipe": run_child(["--child", "spacy", path, model])}
        for workers in (1, 2):
            runs[f"extract --workers {workers}"] = run_child(["--child", "extract", path, str(workers)])
    base = words / runs["spacy nlp.pipe"]["seconds"]
    print(f"{len(docs)} documents, {words:,} words (../shared/corpus + ../shared/data/timex)")
    print(f"{'variant':<22}{'seconds':>9}{'words/s':>10}{'docs/s':>9}{'× spaCy':>9}{'peak RSS MB':>13}")
    table = {}
    for name, r in runs.items():
        wps = words / r["seconds"]
        table[name] = {"seconds": r["seconds"], "words_per_s": wps, "docs_per_s": len(docs) / r["seconds"],
                       "ratio": wps / base, "peak_rss_mb": r["peak_rss_mb"]}
        t = table[name]
        print(f"{name:<22}{t['seconds']:>9.2f}{wps:>10,.0f}{t['docs_per_s']:>9.1f}{t['ratio']:>9.2f}"
              f"{t['peak_rss_mb']:>13.0f}")
    print("peak RSS: the largest resident set of any one process of that variant (workers included)")
    spacy_seconds = runs["spacy nlp.pipe"]["seconds"]
    parts = runs["extract --workers 1"].get("components", {})
    print("cost of each component in the --workers 1 run, as a share of spaCy's own time: "
          + ", ".join(f"{name} {seconds / spacy_seconds:.1%}" for name, seconds in parts.items()))
    if args.json:
        print(json.dumps(table))
    return 0


if __name__ == "__main__":
    sys.exit(main())
