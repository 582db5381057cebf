"""``peacewatch eval events GOLD``: PLOVER event types and actor codes, per sentence.

Gold (shared/data/SOURCES.md): one record per sentence with ``events: [{source, target, code}]``,
one gold event per (actor, target) pair, so a compound actor appears as two gold events.

Matching, per sentence:

- **type**: the set of predicted types against the set of gold types. Older gold labels are mapped
  (DEMAND→REQUEST, DISAPPROVE→ACCUSE, INVESTIGATE→ACCUSE, FIGHT→ASSAULT); CAMEO-coded gold
  (``ontology: CAMEO``) is mapped through the CAMEO root table.
- **full**: each predicted event is expanded like the gold into one tuple per (actor code,
  recipient code) pair, ``(type, actor, recipient)``, with ``None`` for an empty side; the sets of
  tuples are compared. Gold country codes go through ``cameo_to_iso``. Predictions are scored
  exactly as the extractor output them: the gold's habit of coding a domestic act with no named
  target against the actor's own country ("Turkish police prevented the demonstration":
  TUR→TUR) is a coding rule of the extractor (``data/events/implicit_recipient.tsv``, an
  ``implicit`` recipient), never a rewriting here.

News sentences with *marked spans* (``actor_format: span``, ``plv_train.jsonl``): their root
``YIELD`` is met by a predicted CONCEDE or RETREAT; full tuples are not scored (the gold names
spans, not codes); instead, on each gold event whose type was predicted (*matched*), the **source
actor is right** when the actor text of a predicted event of that type and the gold source span
contain one another (case-insensitive). ``type_macro_f1`` is the mean per-type F1 over the gold's
types (what a one-label-per-sentence news set is scored by).

Status does not hide events here: the gold codes what a sentence reports, so a ``future`` or
``hypothetical`` event counts like an ``occurred`` one (the gold's ``date`` is a dummy, so
``historical`` is never decided from it: documents are run without a publication date).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Config
from ..errors import EvalError
from ..pipeline import Pipeline, registered
from ..types import Document, Event, Result
from . import docs_recipients
from .codes import cameo_to_iso
from .scores import Scores, prf, read_gold_lines

YIELD_TYPES = ("CONCEDE", "RETREAT")
OLD_LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
Tuple = tuple[str, str | None, str | None]


@dataclass
class Tally:
    """Counts of one system: per score name, true/false positives and misses; per type too."""

    counts: dict[str, Counter[str]] = field(default_factory=dict)

    def add(self, name: str, pred: set[Any], gold: set[Any]) -> None:
        c = self.counts.setdefault(name, Counter())
        c["tp"] += len(pred & gold)
        c["fp"] += len(pred - gold)
        c["fn"] += len(gold - pred)

    def f1(self, name: str) -> tuple[float, float, float]:
        c = self.counts.get(name, Counter())
        return prf(c["tp"], c["fp"], c["fn"])


def gold_part(record_id: str) -> str:
    """The half of a development gold file a record belongs to: ``tune`` when the first hex digit
    of the SHA-256 of its id (UTF-8) is 0-7, else ``untouched``. (Not SHA-1 parity: the PLOVER dev
    half is itself the SHA-1-even half of the gold, so that parity puts every record on one side.)
    The learned coder trains and its thresholds are chosen on the tuning half only; the untouched
    half is only ever scored."""
    return "tune" if hashlib.sha256(record_id.encode("utf-8")).hexdigest()[0] in "01234567" else "untouched"


def gold_type(code: str, ontology: str) -> str | None:
    """The PLOVER type of a gold code (older PLOVER labels or CAMEO codes)."""
    if ontology == "CAMEO":
        from ..extract.events.tables import cameo_roots

        root = cameo_roots().get(code[:2])
        return None if root in (None, "-") else root
    return OLD_LABELS.get(code, code)


def read_gold(path: Path, limit: int | None) -> Iterator[dict[str, Any]]:
    """Gold sentences of ``shared/data/events`` (JSON Lines with ``text`` and ``events``)."""
    yield from read_gold_lines(path, ("text", "events"), limit)


def gold_sets(record: dict[str, Any]) -> tuple[set[str], set[Tuple]]:
    ontology = record.get("ontology", "PLOVER")
    types: set[str] = set()
    tuples: set[Tuple] = set()
    for ev in record["events"]:
        etype = gold_type(str(ev["code"]), ontology)
        if etype is None:
            continue
        types.add(etype)
        tuples.add((etype, cameo_to_iso(ev.get("source")), cameo_to_iso(ev.get("target"))))
    return types, tuples


def spans_gold(record: dict[str, Any]) -> bool:
    """Whether a record's actors are marked text spans (news sentences), not codes."""
    return record.get("actor_format") == "span"


def as_roots(types: set[str], gold: set[str]) -> set[str]:
    """Predicted types as the gold names them: CONCEDE and RETREAT are ``YIELD`` where the gold
    uses that joint root."""
    if "YIELD" not in gold:
        return types
    return {"YIELD" if t in YIELD_TYPES else t for t in types}


def _inside(a: str, b: str) -> bool:
    a, b = a.strip().lower(), b.strip().lower()
    return bool(a) and bool(b) and (a in b or b in a)


def source_hits(record: dict[str, Any], result: Result) -> tuple[int, int]:
    """On a span-marked record: (gold events whose type was predicted, those whose source span and
    the actor text of a predicted event of that type contain one another)."""
    matched = right = 0
    for ev in record["events"]:
        code = gold_type(str(ev["code"]), record.get("ontology", "PLOVER"))
        same = [e for e in result.events if as_roots({e.type}, {code or ""}) == {code}]
        if not same:
            continue
        matched += 1
        source = str(ev.get("source") or "")
        right += any(_inside(a.text, source) for e in same for a in e.actor)
    return matched, right


def target_classes(record: dict[str, Any], result: Result) -> list[tuple[str, Event]]:
    """On a span-marked record: for each gold event whose type was predicted, the class of its target
    against the recipients of the predicted events of that type (``agree`` when a recipient's text and
    the target span contain one another; ``docs_recipients`` names the others) and the event judged."""
    out: list[tuple[str, Event]] = []
    for ev in record["events"]:
        code = gold_type(str(ev["code"]), record.get("ontology", "PLOVER"))
        same = [e for e in result.events if as_roots({e.type}, {code or ""}) == {code}]
        if not same:
            continue
        target = str(ev.get("target") or "")
        named = [e for e in same if any(r.text for r in e.recipient)]
        hit = [e for e in named if any(_inside(r.text, target) for r in e.recipient)]
        kind = "agree" if hit else "ours_none" if not named else "gold_none" if not target.strip() else "disjoint"
        out.append((kind, (hit or named or same)[0]))
    return out


def recipient_classes(record: dict[str, Any], result: Result) -> list[tuple[frozenset[str], frozenset[str], Event]]:
    """On a code-marked record: for each gold (type, actor) whose type and actor code a predicted event
    has (type+actor matched), the gold's recipient codes, ours and our event (the one agreeing best)."""
    _types, tuples = gold_sets(record)
    wanted: dict[tuple[str, str], set[str]] = {}
    for etype, actor, target in tuples:
        if actor is not None:
            wanted.setdefault((etype, actor), set()).update([target] if target else [])
    out = []
    for (etype, actor), targets in sorted(wanted.items()):
        gold = frozenset(targets)
        same = [(frozenset(r.code for r in e.recipient if r.code), e) for e in result.events
                if e.type == etype and actor in {a.code for a in e.actor}]
        if same:
            rank = docs_recipients.CLASSES.index
            ours, event = min(same, key=lambda p: rank(docs_recipients.disagreement(gold, p[0])))
            out.append((gold, ours, event))
    return out


def _count_recipients(tally: Tally, record: dict[str, Any], result: Result) -> None:
    c = tally.counts.setdefault("recipient", Counter())
    if spans_gold(record):
        for kind, event in target_classes(record, result):
            c[kind] += 1
            if kind != "agree":
                c[f"{kind}|{docs_recipients.source(event)}"] += 1
        return
    for gold, ours, event in recipient_classes(record, result):
        docs_recipients.count(c, gold, ours, event)


def predicted_sets(result: Result) -> tuple[set[str], set[Tuple]]:
    types = {e.type for e in result.events}
    tuples: set[Tuple] = set()
    for e in result.events:
        actors: list[str | None] = [*sorted({a.code for a in e.actor if a.code})] or [None]
        recipients: list[str | None] = [*sorted({r.code for r in e.recipient if r.code})] or [None]
        tuples.update((e.type, a, r) for a in actors for r in recipients)
    return types, tuples


def keyword_sets(pipe: Pipeline, result: Result, text: str) -> tuple[set[str], set[Tuple]]:
    """The keyword-only baseline: a verb lemma gives the type; the first coded mention before it
    is the actor, the first after it the recipient (no syntax)."""
    from ..extract.events.tables import keyword_types

    table = keyword_types()
    codes = {e.id: e.code for e in result.entities}
    coded = [(m.start, codes.get(m.entity or "")) for m in result.mentions if codes.get(m.entity or "")]
    types: set[str] = set()
    tuples: set[Tuple] = set()
    for tok in pipe.nlp(text):
        etype = table.get(tok.lemma_.lower()) if tok.pos_ == "VERB" else None
        if etype is None:
            continue
        before = [c for s, c in coded if s < tok.idx]
        after = [c for s, c in coded if s > tok.idx]
        types.add(etype)
        tuples.add((etype, before[0] if before else None, after[0] if after else None))
    return types, tuples


def events_pipeline(config: Config) -> Pipeline:
    """The configured pipeline if it extracts events, else the standard one."""
    if "events" in config.pipeline:
        return Pipeline.build(config)
    known = registered()
    names: list[str] = [n for n in ("timex", "actors", "quotes") if n in known]
    if "actors" not in names:
        names.insert(1, "mentions")
    return Pipeline.build(config.with_overrides(pipeline=[*names, "events"]))


def _describe(tuples: set[Tuple]) -> str:
    return ", ".join(f"{t}({a}→{r})" for t, a, r in sorted(tuples, key=str)) or "-"


def rules_only(pipe: Pipeline) -> Pipeline:
    """The same pipeline with the events component's learned model switched off (the rules alone)."""
    for comp in pipe.components:
        if comp.name == "events" and hasattr(comp, "model"):
            comp.model = None
    return pipe


def evaluate(gold_path: Path, config: Config, *, limit: int | None = None,
             baseline: str | None = None, actors_only: bool = False) -> Scores:
    """Score the events component on a gold file (see the module docstring for the matching).

    Scores are given for the whole file and for its two halves (``gold_part``): ``tune_*`` (what
    the learned coder was trained and tuned on) and ``untouched_*`` (never seen). Baselines:
    ``keyword`` (verb lemmas, no syntax) and ``rules`` (the events component without its model).
    """
    if actors_only:
        from .actor_codes import evaluate_actor_codes

        return evaluate_actor_codes(gold_path, config, limit=limit)
    if baseline not in (None, "keyword", "rules"):
        raise EvalError(f"unknown events baseline {baseline!r}; available: 'keyword', 'rules'", "E051")
    records = list(read_gold(gold_path, limit))
    pipe = events_pipeline(config)
    docs = [Document(id=str(r.get("id", i)), text=r["text"]) for i, r in enumerate(records)]
    ours, base, per_type = Tally(), Tally(), Tally()
    parts: dict[str, Tally] = {"tune": Tally(), "untouched": Tally()}
    errors: list[str] = []
    for record, result in zip(records, pipe.annotate(docs), strict=True):
        g_types, g_tuples = gold_sets(record)
        p_types, p_tuples = predicted_sets(result)
        p_types = as_roots(p_types, g_types)
        for tally in (ours, parts[gold_part(result.id)]):
            tally.add("type", p_types, g_types)
            if spans_gold(record):
                _count_sources(tally, record, result)
            else:
                tally.add("full", p_tuples, g_tuples)
            _count_recipients(tally, record, result)
        for t in p_types | g_types:
            per_type.add(t, p_types & {t}, g_types & {t})
        if baseline == "keyword":
            b_types, b_tuples = keyword_sets(pipe, result, record["text"])
            base.add("type", b_types, g_types)
            base.add("full", b_tuples, g_tuples)
        if spans_gold(record):
            if p_types != g_types:
                errors.append(f"{result.id}: missed {', '.join(sorted(g_types - p_types)) or '-'}; false "
                              f"{', '.join(sorted(p_types - g_types)) or '-'} | {record['text'][:90]}")
        elif p_tuples != g_tuples:
            errors.append(f"{result.id}: missed {_describe(g_tuples - p_tuples)}; false "
                          f"{_describe(p_tuples - g_tuples)} | {record['text'][:90]}")
    if baseline == "rules":
        base = _rules_tally(rules_only(pipe), records, docs)
    scored = _scored(gold_path, ours, base if baseline else None, per_type, errors, len(records))
    scored.baselines = {baseline: _scores(base)} if baseline else {}
    for name, tally in parts.items():
        scored.scores.update({f"{name}_{k}": v for k, v in _scores(tally).items()})
    scored.breakdown.update(docs_recipients.tables(
        {name: tally.counts.get("recipient", Counter()) for name, tally in parts.items()}))
    return scored


def _count_sources(tally: Tally, record: dict[str, Any], result: Result) -> None:
    matched, right = source_hits(record, result)
    c = tally.counts.setdefault("source", Counter())
    c["matched"] += matched
    c["right"] += right


def _rules_tally(pipe: Pipeline, records: list[dict[str, Any]], docs: list[Document]) -> Tally:
    """Whole-file and per-half scores of the rules alone (``rules:tune_type`` …)."""
    tally = Tally()
    for record, result in zip(records, pipe.annotate(docs), strict=True):
        g_types, g_tuples = gold_sets(record)
        p_types, p_tuples = predicted_sets(result)
        p_types = as_roots(p_types, g_types)
        part = gold_part(result.id)
        for prefix in ("", f"{part}_"):
            tally.add(f"{prefix}type", p_types, g_types)
            if not spans_gold(record):
                tally.add(f"{prefix}full", p_tuples, g_tuples)
        if spans_gold(record):
            _count_sources(tally, record, result)
    return tally


def _scores(tally: Tally) -> dict[str, float]:
    out: dict[str, float] = {}
    for name in sorted(tally.counts):
        if name == "source":
            c = tally.counts[name]
            out["source_matched"] = float(c["matched"])
            out["source_right"] = c["right"] / c["matched"] if c["matched"] else 0.0
            continue
        if name == "recipient":  # type+actor matched (codes) or type matched (spans): recipient agrees
            c = tally.counts[name]
            matched = sum(c[k] for k in docs_recipients.CLASSES)
            out["recipient_matched"] = float(matched)
            out["recipient_agree"] = c["agree"] / matched if matched else 0.0
            continue
        p, r, f = tally.f1(name)
        out.update({f"{name}_p": p, f"{name}_r": r, f"{name}_f1": f})
    return out


def _scored(gold_path: Path, ours: Tally, base: Tally | None, per_type: Tally,
            errors: list[str], sentences: int) -> Scores:
    breakdown = {"per type": {}}  # type: dict[str, dict[str, dict[str, float]]]
    for name in sorted(per_type.counts):
        p, r, f = per_type.f1(name)
        c = per_type.counts[name]
        breakdown["per type"][name] = {"p": p, "r": r, "f1": f, "gold": float(c["tp"] + c["fn"])}
    type_counts = ours.counts.get("type", Counter())
    golds = [v["f1"] for v in breakdown["per type"].values() if v["gold"] > 0]
    macro = {"type_macro_f1": sum(golds) / len(golds)} if golds else {}
    return Scores(
        task="events", gold=str(gold_path), scores={**_scores(ours), **macro},
        breakdown=breakdown, baselines={"keyword": _scores(base)} if base else {},
        counts={"sentences": sentences, "gold_types": type_counts["tp"] + type_counts["fn"]},
        errors=errors,
    )
