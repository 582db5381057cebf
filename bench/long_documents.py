"""What one long document costs: seconds per character and peak memory at growing lengths.

Each size runs in a child process of its own (so its peak RSS is its own): one document of that
many characters, made by joining the articles of ``../shared/corpus`` (read at run time, repeated as
often as needed; generated sentences when ``../shared`` is absent), through ``peacewatch extract``'s
flow with one worker. Cost that grows linearly shows as a flat seconds-per-character column.

    python bench/long_documents.py [--sizes 10000 100000 1000000] [--json]
    python bench/long_documents.py --profile 100000     # where the time goes, by function (cProfile)
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "dev_peace_processes.jsonl"


def long_text(size: int) -> str:
    """A text of exactly ``size`` characters, cut at the end of a paragraph where possible."""
    if CORPUS.exists():
        articles = [json.loads(line)["text"] for line in CORPUS.read_text("utf-8").splitlines() if line.strip()]
    else:
        articles = [f"Talks between the delegations resumed in Geneva on day {i}. The mediator said both sides "
                    f"had agreed to extend the ceasefire by {i % 30 + 1} days." for i in range(200)]
    parts: list[str] = []
    total = 0
    while total < size:
        for article in articles:
            parts.append(article)
            total += len(article) + 2
            if total >= size:
                break
    return "\n\n".join(parts)[:size]


def child(size: int, profile: bool) -> None:
    from peacewatch.config import load_config
    from peacewatch.engines.local import LocalEngine
    from peacewatch.flow import extract
    from peacewatch.types import Document

    text = long_text(size)
    config = load_config(workers=1, max_chars=max(size, 1), document_timeout=0)
    engine = LocalEngine(config)
    engine.pipeline  # load the model before the clock starts  # noqa: B018
    document = Document("long", text, published="2024-01-15")
    start = time.perf_counter()
    if profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
    [result] = list(extract([document], config, engine))
    seconds = time.perf_counter() - start
    if profile:
        profiler.disable()
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(40)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"chars": len(text), "seconds": seconds, "peak_rss_mb": peak,
                      "error": result.error.code if result.error else None,
                      "events": len(result.events), "mentions": len(result.mentions)}))


def run_child(size: int) -> dict[str, Any]:
    out = subprocess.run([sys.executable, __file__, "--child", str(size)], check=True, capture_output=True,
                         text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--json", action="store_true", help="also print one JSON line of results")
    parser.add_argument("--profile", type=int, metavar="SIZE", help="profile one size in this process")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None or args.profile is not None:
        child(args.child if args.child is not None else args.profile, profile=args.profile is not None)
        return 0
    source = "../shared/corpus articles" if CORPUS.exists() else "generated sentences"
    print(f"one document per size, made of {source}; each size in its own process, --workers 1")
    print(f"{'chars':>10}{'seconds':>10}{'µs/char':>10}{'peak RSS MB':>13}{'mentions':>10}{'events':>8}  error")
    rows = []
    for size in args.sizes:
        r = run_child(size)
        rows.append(r)
        print(f"{r['chars']:>10,}{r['seconds']:>10.2f}{r['seconds'] / r['chars'] * 1e6:>10.1f}"
              f"{r['peak_rss_mb']:>13.0f}{r['mentions']:>10,}{r['events']:>8,}  {r['error'] or '-'}")
    if args.json:
        print(json.dumps(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
