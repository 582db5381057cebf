"""Recipients on the news sentences, by fold: how often the target of a type-matched event is right.

    python scripts/news_recipients.py [--shared ../shared] [--folds-file .build/news_folds.json] [--show]

The news sentences (``plv_train.jsonl``) mark each event's target as a text span. On each gold event whose
type the pipeline (rules + model) predicted, the target is right when a recipient text of a predicted
event of that type and the span contain one another (``evaluate.events.target_classes``); the others are
sorted by class (we name none, the gold names none, disjoint) and by where our recipient was read
(``evaluate.docs_recipients``). The split is ``train_news_folds.py``'s: folds 0-2 (*tune*) may be read,
folds 3-4 (*untouched*) are printed as counts only; ``--show`` lists the tune folds' disagreements. The
folds file must exist (``docs/events.md``, "Seventh round: news sentences", says how it is made).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from train_nested import news_parts

from peacewatch.config import load_config
from peacewatch.evaluate.docs_recipients import CLASSES, source, tables
from peacewatch.evaluate.events import events_pipeline, target_classes
from peacewatch.types import Document

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--folds-file", type=Path, default=ROOT / ".build" / "news_folds.json")
    parser.add_argument("--show", action="store_true", help="list the tune folds' disagreements")
    opts = parser.parse_args()
    path = opts.shared / "data" / "events" / "plv_train.jsonl"
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    parts = news_parts(opts.folds_file)
    if parts is None:
        parser.error(f"no folds file at {opts.folds_file} (docs/events.md says how it is made)")
    pipe = events_pipeline(load_config())
    rows: dict[str, Counter[str]] = {"tune": Counter(), "untouched": Counter()}
    shown: list[str] = []
    docs = [Document(id=str(r["id"]), text=r["text"]) for r in records]
    for record, result, part in zip(records, pipe.annotate(docs), parts, strict=True):
        for kind, event in target_classes(record, result):
            rows[part][kind] += 1
            if kind == "agree":
                continue
            rows[part][f"{kind}|{source(event)}"] += 1
            if part == "tune":
                shown.append(f"{kind} {source(event)} | {event.type} ours {[r.text for r in event.recipient]} "
                             f"| {record['text'][:160]}")
    for part, counts in rows.items():
        matched = sum(counts[k] for k in CLASSES)
        right = counts["agree"] / matched if matched else 0.0
        print(f"{part}: {matched} type-matched gold events, target right {right:.3f}")
    print(json.dumps(tables(rows), indent=1))
    if opts.show:
        print("\n".join(shown))


if __name__ == "__main__":
    main()
