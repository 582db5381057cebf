"""Replay gates on the model's *add* (an event where the rules found none) on a nested dump.

    python scripts/train_nested.py --C 3 --dump .build/nested_dump.json
    python scripts/replay_adds.py .build/nested_dump.json [--folds-file .build/news_folds.json] [--gate NAME ...]

The weights and probabilities of ``train_nested.py`` do not depend on the combination rule, so a gate
can be scored without training again: for each outer fold the three thresholds are chosen as
``train_events.choose_thresholds`` chooses them, on that fold's inner out-of-fold probabilities; then
the gate's own parameter is chosen on the same inner probabilities with the same objective (mean of
type-set F1 and main-type macro-F1 over the training sentences), and the outer fold is scored. What is
printed per gate: the news sentences' main-type macro-F1 on folds 0-2 / 3-4 of ``train_news_folds.py``
and all, the other sources' type-set F1, and what each fold chose (docs/events.md, "Tenth round
(second part)"). The gates on the anchor's frame (reported, subject, root) need a dump that keeps each
sentence's features, as ``train_nested.py --dump`` writes since the fourteenth round.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from train_events import GRID_ADD, ROOT, Example, _macro, choose_thresholds, combined_types, main_label, set_f1
from train_nested import news_parts

Gate = Callable[[Example, dict[str, float]], bool]
PASS: Gate = lambda ex, probs: True  # noqa: E731


def top(probs: dict[str, float]) -> tuple[str, float, float]:
    """The model's best label, its probability and the runner-up's (the order of ``learned.Verdict``)."""
    ranked = sorted(probs.items(), key=lambda kv: (-kv[1], kv[0]))
    return ranked[0][0], ranked[0][1], ranked[1][1]


def outcome(ex: Example, probs: dict[str, float], limits: Any, gate: Gate) -> tuple[str, set[str]]:
    """The sentence's main label and type set; a gate that says no leaves an empty sentence empty."""
    if ex.main_type is None and not gate(ex, probs):
        return main_label(ex, None, limits), set(ex.rules)
    return main_label(ex, probs, limits), combined_types(ex, probs, limits)


def objective(rows: list[tuple[Example, dict[str, float]]], limits: Any, gate: Gate) -> float:
    outs = [outcome(ex, p, limits, gate) for ex, p in rows]
    macro = _macro([ex.label for ex, _ in rows], [main for main, _ in outs])
    return (set_f1([(types, ex.gold) for (_, types), (ex, _) in zip(outs, rows, strict=True)]) + macro) / 2


def best_of(rows: list[tuple[Example, dict[str, float]]], limits: Any,
            gates: list[tuple[Any, Gate]]) -> tuple[Any, Gate]:
    """The first gate that scores best (the list starts with 'no gate', so a tie keeps it)."""
    scored = [(objective(rows, limits, gate), -i, choice, gate) for i, (choice, gate) in enumerate(gates)]
    _score, _i, choice, gate = max(scored, key=lambda s: (s[0], s[1]))
    return choice, gate


def margin_gate(rows: list[tuple[Example, dict[str, float]]], limits: Any) -> tuple[Any, Gate]:
    def gate(m: float) -> Gate:
        return lambda ex, p: top(p)[1] - top(p)[2] >= m
    return best_of(rows, limits, [(0.0, PASS)] + [(m, gate(m)) for m in (0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5)])


def none_gate(rows: list[tuple[Example, dict[str, float]]], limits: Any) -> tuple[Any, Gate]:
    def gate(m: float) -> Gate:
        return lambda ex, p: p.get("NONE", 0.0) < m
    return best_of(rows, limits, [(None, PASS)] + [(m, gate(m)) for m in (0.05, 0.1, 0.15, 0.2, 0.3, 0.4)])


def candidates(ex: Example) -> set[str]:
    """The model classes the trigger table knows for the sentence's words (its ``cand:`` features)."""
    from peacewatch.extract.events.learned import model_class

    return {model_class(f.removeprefix("cand:")) for f in ex.features if f.startswith("cand:")}


def table_gate(rows: list[tuple[Example, dict[str, float]]], limits: Any) -> tuple[Any, Gate]:
    return "fixed", lambda ex, p: top(p)[0] in candidates(ex)


def table_or_sure_gate(rows: list[tuple[Example, dict[str, float]]], limits: Any) -> tuple[Any, Gate]:
    def gate(m: float) -> Gate:
        return lambda ex, p: top(p)[0] in candidates(ex) or top(p)[1] >= m
    return best_of(rows, limits, [(None, PASS)] + [(m, gate(m)) for m in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)])


def never_gate(rows: list[tuple[Example, dict[str, float]]], limits: Any) -> tuple[Any, Gate]:
    """Greedy: ban adds of one more label while the objective rises."""
    def gate(banned: frozenset[str]) -> Gate:
        return lambda ex, p: top(p)[0] not in banned
    labels = sorted({label for _, p in rows for label in p} - {"NONE"})
    banned: frozenset[str] = frozenset()
    while True:
        options = [(banned, gate(banned))]
        options += [(banned | {lab}, gate(banned | {lab})) for lab in labels if lab not in banned]
        chosen, _gate = best_of(rows, limits, options)
        if chosen == banned:
            return sorted(banned), gate(banned)
        banned = chosen


def per_type_gate(rows: list[tuple[Example, dict[str, float]]], limits: Any) -> tuple[Any, Gate]:
    """Each label its own add threshold: coordinate ascent over the add grid from the shared one, twice
    over the labels (the shared add threshold is passed by every grid value, so the gate decides)."""
    def gate(th: dict[str, float]) -> Gate:
        return lambda ex, p: top(p)[1] >= th.get(top(p)[0], limits.add)
    th: dict[str, float] = {}
    open_limits = type(limits)(min(GRID_ADD), limits.retype, limits.keep)
    for _ in range(2):
        for label in sorted({lab for _, p in rows for lab in p} - {"NONE"}):
            options = [({**th, label: th.get(label, limits.add)}, gate({**th, label: th.get(label, limits.add)}))]
            options += [({**th, label: t}, gate({**th, label: t})) for t in GRID_ADD]
            th, _gate = best_of(rows, open_limits, options)
    return {k: v for k, v in th.items() if v != limits.add}, gate(dict(th))


def never_aid_gate(rows: list[tuple[Example, dict[str, float]]], limits: Any) -> tuple[Any, Gate]:
    return "fixed", lambda ex, p: top(p)[0] != "AID"


def _frame_gate(name: str, needs: Callable[[Example], bool]) -> Callable[..., tuple[Any, Gate]]:
    """A gate on what the parse says of the anchor, chosen against no gate on the inner probabilities
    (so a fold that gains nothing by it keeps every add)."""
    def choose(rows: list[tuple[Example, dict[str, float]]], limits: Any) -> tuple[Any, Gate]:
        return best_of(rows, limits, [(None, PASS), (name, lambda ex, p: needs(ex))])
    return choose


def _fixed_frame_gate(needs: Callable[[Example], bool]) -> Callable[..., tuple[Any, Gate]]:
    """The same gate in every fold, whatever the training rows say (what it would do if shipped)."""
    return lambda rows, limits: ("fixed", lambda ex, p: needs(ex))


def _reported(ex: Example) -> bool:
    """The anchor is the verb a reporting verb tells of ("X said Y did Z": Z's verb)."""
    from peacewatch.extract.events.tables import words

    heads = {f.removeprefix("head:") for f in ex.features if f.startswith("head:")}
    return "hdep:ccomp" in ex.features and bool(heads & words("report"))


def _has_subject(ex: Example) -> bool:
    return any(f.startswith(("c:nsubj:", "c:nsubjpass:")) for f in ex.features)


def _named_subject(ex: Example) -> bool:
    return any(f.startswith(("ent:nsubj:", "ent:nsubjpass:")) for f in ex.features)


GATES = {"none": lambda rows, limits: (None, PASS), "per-type": per_type_gate, "never": never_gate,
         "never-aid": never_aid_gate, "margin": margin_gate, "none-bound": none_gate, "table": table_gate,
         "table-or-sure": table_or_sure_gate,
         "not-reported": _frame_gate("not reported", lambda ex: not _reported(ex)),
         "subject": _frame_gate("a subject", _has_subject),
         "named-subject": _frame_gate("a named subject", _named_subject),
         "root": _frame_gate("the root", lambda ex: "hdep:ROOT" in ex.features),
         "not-reported-fixed": _fixed_frame_gate(lambda ex: not _reported(ex)),
         "subject-fixed": _fixed_frame_gate(_has_subject),
         "named-subject-fixed": _fixed_frame_gate(_named_subject)}


def load(path: Path) -> tuple[list[Example], list[int], list[dict[str, float]], list[list[dict[str, float]]]]:
    data = json.loads(path.read_text("utf-8"))
    # the whole reading where the dump has it (train_nested.py since the fourteenth round), else the table's types
    examples = [Example(source=r["source"], features=r.get("features") or [f"cand:{c}" for c in r.get("cand", [])],
                        label=r["label"], gold=set(r["gold"]), rules=set(r["rules"]), main_type=r["main_type"],
                        plain=r["plain"], main_read=r["main_read"], others=frozenset(r["others"]), text=r["text"])
                for r in data["examples"]]
    return examples, [r["fold"] for r in data["examples"]], [r["probs"] for r in data["examples"]], data["inner"]


def replay(name: str, examples: list[Example], ids: list[int], probs: list[dict[str, float]],
           inner: list[list[dict[str, float]]], parts: list[str] | None) -> dict[str, Any]:
    per_fold = []
    for k, inner_probs in enumerate(inner):
        rows = [(ex, p) for ex, p in zip([ex for ex, f in zip(examples, ids, strict=True) if f != k], inner_probs,
                                         strict=True)]
        limits, _score = choose_thresholds([ex for ex, _ in rows], [p for _, p in rows], "both")
        choice, gate = GATES[name](rows, limits)
        if name == "per-type":
            limits = type(limits)(min(GRID_ADD), limits.retype, limits.keep)
        per_fold.append((limits, choice, gate))
    outs = [outcome(ex, p, per_fold[f][0], per_fold[f][2]) for ex, p, f in zip(examples, probs, ids, strict=True)]
    out: dict[str, Any] = {"chosen": [choice for _, choice, _ in per_fold]}
    news = [i for i, ex in enumerate(examples) if ex.source.split(":")[0] == "plv_train"]
    groups = {"news all": news}
    if parts is not None and len(parts) == len(news):
        groups["news folds 0-2"] = [i for i, part in zip(news, parts, strict=True) if part == "tune"]
        groups["news folds 3-4"] = [i for i, part in zip(news, parts, strict=True) if part != "tune"]
    for group, idx in groups.items():
        out[f"{group} main macro-F1"] = _macro([examples[i].label for i in idx], [outs[i][0] for i in idx])
    for source in sorted({ex.source.split(":")[0] for ex in examples} - {"plv_train"}):
        idx = [i for i, ex in enumerate(examples) if ex.source.split(":")[0] == source]
        out[f"{source} type-set F1"] = set_f1([(outs[i][1], examples[i].gold) for i in idx])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dump", type=Path, help="the --dump of scripts/train_nested.py")
    parser.add_argument("--folds-file", type=Path, default=ROOT / ".build" / "news_folds.json")
    parser.add_argument("--gate", action="append", choices=sorted(GATES), help="only these gates (default: all)")
    opts = parser.parse_args(argv)
    examples, ids, probs, inner = load(opts.dump)
    parts = news_parts(opts.folds_file)
    for name in opts.gate or list(GATES):
        print(json.dumps({"gate": name, **replay(name, examples, ids, probs, inner, parts)}, default=str), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
