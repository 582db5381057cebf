"""Where the document gold's events are lost, counted by code: the aggregates ``eval docs`` prints.

Every count is kept per *row*: the part (``tune``, ``untouched``) and the process (``tune:sudan``).
They are aggregates, so a part that is never tuned on can be read through them without reading one
of its articles or error lines.

- **Outcome of each gold event**: ``matched`` (type and a shared actor code, the scorer's match);
  else, read in the gold event's sentence (the predicted events whose sentence overlaps its
  ``evidence``): ``actor_wrong`` (an unmatched predicted event of its type is there, with no shared
  actor code), ``type_taken`` (an event of its type is there, matched to another gold event:
  two acts told as one), ``other_type`` (events are there, none of its type; which types, and
  their status, are counted as ``gold>predicted/status``) or ``no_event`` (none at all).
- **Why the actor is wrong**, for each ``actor_wrong`` event, by the gold actor's class and the
  predicted actor's cause. The gold actor is ``collective`` (two or more codes), else, by the
  gold entities its evidence names with one of its codes, ``armed_group`` (kind armed group or
  sector REB), ``person``, ``igo``, ``group``, else ``state``. The predicted actor is ``none`` (no
  actor), ``uncoded`` (actors, none with a code), ``mediator`` (a code the article's gold names as
  host or mediator: a recipient of a ``third-party`` event), ``other_party`` (a gold recipient of
  the event), ``inherited`` (its sentence named no actor: the last-named sides were taken),
  ``person`` (a person entity) or ``other``; the first that applies.
- **Predicted events the scorer did not match**: ``false_no_gold`` (no gold event in their
  sentence), ``false_same_type`` (a gold event of their type is there), ``false_other_type``.
- **Predicted events not matched, by type** (per part): the three causes above, and how the event was
  told: ``inherited`` (its sentence named no actor: the last-named sides were taken), ``future`` (status
  other than ``occurred``/``historical``) and ``model`` (the learned model added or retyped it).
- **By type**: gold and predicted counts and matches per part and type.
- **Gold events by status and outcome** (per part): the gold status (``occurred``, ``future``,
  ``historical`` …) of each gold event against its outcome, so that misses told as background
  history or as promises can be told from those told as done.
- **False talks and agreements by shape** (per part and type): ``docs_shapes`` (given a parser).
- **What kind of sentence a ``no_event`` gold event sits in**, its evidence parsed alone (given a
  parser), the first that applies: ``headline`` (the article's first line), ``noun_tabled`` (a noun
  the trigger table lists: the rules saw it and dropped it, weak, background, a topic or its
  ``needs`` unmet), ``noun_untabled`` (a noun made from a table verb, ``matching.verb_of``, read
  only as a weak trigger: "the signing", "the handover"), ``passive`` (a table verb in the
  passive), ``subordinate`` (a table verb in an adverbial, relative or participle clause),
  ``verb_dropped`` (a table verb in a main clause) or ``no_trigger`` (no word of the table: a verb
  or noun it lacks).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..extract.events.matching import verb_of
from ..extract.events.tables import trigger_rules
from ..types import Event, Result
from . import docs_recipients
from .docs_shapes import SHAPE_TYPES, SHAPES, false_shape
from .scores import prf

OUTCOMES = ("matched", "actor_wrong", "type_taken", "other_type", "no_event")
GOLD_CLASSES = ("collective", "armed_group", "person", "igo", "group", "state")
CAUSES = ("none", "uncoded", "mediator", "other_party", "inherited", "person", "other")
FALSE = ("false_no_gold", "false_same_type", "false_other_type")
FALSE_HOW = ("inherited", "future", "model")
INHERITED = "no actor in its sentence"
SENTENCE_KINDS = ("headline", "noun_tabled", "noun_untabled", "passive", "subordinate", "verb_dropped",
                  "no_trigger")
SUBORDINATE = ("advcl", "relcl", "acl", "pcomp", "csubj")


@dataclass
class Breakdown:
    """Counts per row (a part, or ``part:process``) and per key."""

    rows: dict[str, Counter[str]] = field(default_factory=dict)
    parse: Callable[[str], Any] | None = None  # a spaCy pipeline: sorts the no_event sentences

    def add(self, rows: tuple[str, ...], key: str, n: int = 1) -> None:
        for row in rows:
            self.rows.setdefault(row, Counter())[key] += n

    def tables(self) -> dict[str, dict[str, dict[str, float]]]:
        """The tables ``eval docs`` prints (see the module docstring for every definition)."""
        parts = {row: c for row, c in self.rows.items()
                 if not row.startswith(("type:", "confusion:", "kind:", "false:", "status:", "shape:", "recipient:"))}
        return {
            "events by part and process": {row: _scores(c) for row, c in parts.items()},
            "gold events by outcome (share)": {row: _shares(c, OUTCOMES, c["gold"]) for row, c in parts.items()},
            "predicted events not matched (share of predicted)": {
                row: _shares(c, FALSE, c["pred"]) for row, c in parts.items()},
            "actor wrong: gold actor class x predicted actor cause (count)": _causes(parts),
            "predicted events not matched, by type (count)": {
                row[6:]: {k: float(c[k]) for k in (*FALSE, *FALSE_HOW)}
                for row, c in self.rows.items() if row.startswith("false:")},
            "gold events by type and outcome (count)": {
                row[5:]: {k: float(c[k]) for k in ("gold", "pred", *OUTCOMES)}
                for row, c in self.rows.items() if row.startswith("type:")},
            "gold events by status and outcome (count)": {
                row[7:]: {k: float(c[k]) for k in ("gold", *OUTCOMES)}
                for row, c in self.rows.items() if row.startswith("status:")},
            "missed in a sentence with other types: gold>predicted (count)": {
                row[10:]: {"count": float(c["count"])} for row, c in self.rows.items() if row.startswith("confusion:")},
            "no event: kind of sentence (count)": {
                row[5:]: {k: float(c[k]) for k in SENTENCE_KINDS} for row, c in self.rows.items()
                if row.startswith("kind:")},
            "false talks and agreements by shape (count)": {
                row[6:]: {k: float(c[k]) for k in SHAPES} for row, c in self.rows.items() if row.startswith("shape:")},
            **docs_recipients.tables({row[10:]: c for row, c in self.rows.items() if row.startswith("recipient:")}),
        }


def _scores(c: Counter[str]) -> dict[str, float]:
    ta = prf(c["matched"], c["pred"] - c["matched"], c["gold"] - c["matched"])
    ty = prf(c["type_tp"], c["pred"] - c["type_tp"], c["gold"] - c["type_tp"])
    return {"gold": float(c["gold"]), "pred": float(c["pred"]), "ta_p": ta[0], "ta_r": ta[1], "ta_f1": ta[2],
            "type_p": ty[0], "type_r": ty[1], "type_f1": ty[2]}


def _shares(c: Counter[str], keys: tuple[str, ...], total: int) -> dict[str, float]:
    return {k: c[k] / total if total else 0.0 for k in keys}


def _causes(parts: dict[str, Counter[str]]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for row, c in parts.items():
        if ":" in row:
            continue  # per part only: per process the cells are too small to read
        for gold_class in GOLD_CLASSES:
            cells = {cause: float(c[f"cause:{gold_class}:{cause}"]) for cause in CAUSES}
            if any(cells.values()):
                out[f"{row}:{gold_class}"] = cells
    return out


def add_document(out: Breakdown, rows: tuple[str, ...], record: dict[str, Any], result: Result, text: str,
                 gold: list[dict[str, Any]], pred: list[dict[str, Any]],
                 matches: list[tuple[int, int, dict[str, bool]]]) -> None:
    """Count one article's gold and predicted events into ``out`` (``gold``/``pred`` as the scorer
    reads them, ``matches`` its one-to-one pairs)."""
    spans = [_evidence_span(text, e.get("evidence", "")) for e in record["events"]]
    sentences = [e.span for e in result.events]
    taken_g, taken_p = {m[0] for m in matches}, {m[1] for m in matches}
    out.add(rows, "gold", len(gold))
    out.add(rows, "pred", len(pred))
    g_types, p_types = Counter(g["type"] for g in gold), Counter(p["type"] for p in pred)
    out.add(rows, "type_tp", sum((g_types & p_types).values()))
    free_p = set(range(len(pred))) - taken_p
    for row in (r for r in rows if ":" not in r):  # per part only: recipients of matched pairs, by class
        docs_recipients.count_document(out.rows.setdefault(f"recipient:{row}", Counter()), gold, pred, result.events,
                                       matches)
    for gi, g in enumerate(gold):
        outcome = "matched" if gi in taken_g else _miss(out, rows, gi, record, result, text, (gold, pred, spans),
                                                        free_p)
        out.add(rows, outcome)
        out.add(_part_rows(rows, "type", g["type"]), outcome)
        out.add(_part_rows(rows, "type", g["type"]), "gold")
        out.add(_part_rows(rows, "status", str(g.get("status") or "?")), outcome)
        out.add(_part_rows(rows, "status", str(g.get("status") or "?")), "gold")
    for pi, p in enumerate(pred):
        out.add(_part_rows(rows, "type", p["type"]), "pred")
        if pi not in taken_p:
            gold_here = [gold[gi]["type"] for gi, s in enumerate(spans) if _overlap(sentences[pi], s)]
            key = "false_no_gold" if not gold_here else (
                "false_same_type" if p["type"] in gold_here else "false_other_type")
            out.add(rows, key)
            _false_how(out, _part_rows(rows, "false", p["type"]), key, result.events[pi])
            if out.parse is not None and p["type"] in SHAPE_TYPES:
                twice = any(j in taken_p and q["type"] == p["type"] and q["actor"] & p["actor"]
                            for j, q in enumerate(pred))
                out.add(_part_rows(rows, "shape", p["type"]), false_shape(result.events[pi], text, out.parse, twice))


def _false_how(out: Breakdown, rows: tuple[str, ...], key: str, event: Event) -> None:
    """Count a false event by its type: its cause, and how it was told (module docstring)."""
    out.add(rows, key)
    why = event.why or ""
    for how, told in (("inherited", INHERITED in why), ("future", event.status not in ("occurred", "historical")),
                      ("model", "model:" in why and ("added" in why or "retyped" in why))):
        if told:
            out.add(rows, how)


def _miss(out: Breakdown, rows: tuple[str, ...], gi: int, record: dict[str, Any], result: Result, text: str,
          events: tuple[list[dict[str, Any]], list[dict[str, Any]], list[tuple[int, int]]], free_p: set[int]) -> str:
    """The outcome of an unmatched gold event, read in its sentence; a wrong actor's cause and a
    wrong type's confusion are counted too. A predicted event of the right type with a wrong actor
    is taken (``free_p``), so that it explains one gold event only."""
    gold, pred, spans = events
    g = gold[gi]
    here = [pi for pi, e in enumerate(result.events) if _overlap(e.span, spans[gi])]
    same = [pi for pi in here if pred[pi]["type"] == g["type"]]
    free = [pi for pi in same if pi in free_p]
    if free:
        free_p.discard(free[0])
        cause = _cause(g, pred[free[0]], result.events[free[0]], _mediators(gold), result)
        out.add(rows, f"cause:{_gold_class(g, record, spans[gi], text)}:{cause}")
        return "actor_wrong"
    if same:
        return "type_taken"
    for pi in here:
        out.add(_part_rows(rows, "confusion", f"{g['type']}>{pred[pi]['type']}/{pred[pi]['status']}"), "count")
    if here:
        return "other_type"
    if out.parse is not None and spans[gi][0] >= 0:
        headline = "\n" in text and spans[gi][1] <= text.index("\n")
        kind = "headline" if headline else sentence_kind(out.parse(text[spans[gi][0]:spans[gi][1]]))
        out.add(tuple(f"kind:{row}" for row in rows), kind)
    return "no_event"


def sentence_kind(doc: Any) -> str:
    """What kind of sentence (a parsed evidence) holds an act the rules found no event in
    (module docstring; not ``headline``, which needs the article)."""
    rules = trigger_rules()
    nouns = [t for t in doc if t.pos_ in ("NOUN", "PROPN")]
    if any(any(r.pos in ("NOUN", "*") for r in rules.get(t.lemma_.lower(), ())) for t in nouns):
        return "noun_tabled"
    if any(verb_of(t.lemma_.lower()) is not None for t in nouns):
        return "noun_untabled"
    verbs = {lemma for lemma, rs in rules.items() if any(r.pos in ("VERB", "*") for r in rs)}
    tabled = [t for t in doc if t.pos_ == "VERB" and t.lemma_.lower() in verbs]
    if any(c.dep_ in ("nsubjpass", "auxpass") for t in tabled for c in t.children):
        return "passive"
    if tabled and all(_subordinate(t) for t in tabled):
        return "subordinate"
    return "verb_dropped" if tabled else "no_trigger"


def _subordinate(token: Any) -> bool:
    """Whether a verb heads, or sits in, an adverbial, relative or participle clause."""
    while token.dep_ != "ROOT" and token.head.i != token.i:
        if token.dep_ in SUBORDINATE:
            return True
        token = token.head
    return False


def _mediators(gold: list[dict[str, Any]]) -> set[str]:
    """The codes an article's gold names as host or mediator (recipients of ``third-party`` events)."""
    return {code for e in gold if e.get("mode") == "third-party" for code in e["recipient"]}


def _part_rows(rows: tuple[str, ...], table: str, key: str) -> tuple[str, ...]:
    """The rows of a per-part table (``type:untouched:ASSAULT``): parts only, not processes."""
    return tuple(f"{table}:{row}:{key}" for row in rows if ":" not in row)


def _evidence_span(text: str, evidence: str) -> tuple[int, int]:
    start = text.find(evidence) if evidence else -1
    return (start, start + len(evidence)) if start >= 0 else (-1, -1)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return b[0] >= 0 and a[0] < b[1] and b[0] < a[1]


def _gold_class(g: dict[str, Any], record: dict[str, Any], span: tuple[int, int], text: str) -> str:
    """The class of a gold event's actor, by the gold entities its evidence names (module docstring)."""
    if len(g["actor"]) > 1:
        return "collective"
    evidence = text[span[0]:span[1]].lower() if span[0] >= 0 else ""
    named = [e for e in record.get("entities", [])
             if e.get("code") and e["code"].upper().split(":")[0] in g["actor"] and e["text"].lower() in evidence]
    kinds = {e.get("kind") for e in named} | {"armed_group" for e in named if e.get("sector") == "REB"}
    for kind in ("armed_group", "person", "igo", "group"):
        if kind in kinds:
            return kind
    return "igo" if any(code.startswith("IGO") for code in g["actor"]) else "state"


def _cause(g: dict[str, Any], p: dict[str, Any], event: Event, mediators: set[str], result: Result) -> str:
    """Why a predicted event of the right type has none of the gold actor codes (module docstring)."""
    if not p["actor"]:
        return "uncoded" if event.actor else "none"
    if p["actor"] & mediators:
        return "mediator"
    if p["actor"] & g["recipient"]:
        return "other_party"
    if INHERITED in (event.why or ""):
        return "inherited"
    kinds = {e.id: e.kind for e in result.entities}
    if any(kinds.get(a.entity or "") == "person" for a in event.actor):
        return "person"
    return "other"
