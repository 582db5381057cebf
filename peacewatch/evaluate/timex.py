"""``peacewatch eval timex GOLD``: TempEval-3 scores of the timex component on a TIMEX3 gold file.

Gold lines are ``{doc_id, dct, title, text, timexes: [{start, end, type, value, text, …}]}``; ``dct``
is the publication date and becomes the document's ``published`` (where a record's ``dct`` is
empty, the value of its CREATION_TIME timex stands in, as TempEval gives systems the DCT). A gold
timex counts only where its offsets slice ``text`` to its own text: MEANTIME's creation-time timex
(functionInDocument CREATION_TIME) is written in the text and is scored like any other; one that
is not in the text (TimeBank's DCT sits in the header) is left out, since no system can find it.

Scores (TempEval-3): strict and relaxed (overlap) span precision/recall/F1 with one-to-one matching,
largest overlap first; type and value accuracy on relaxed matches; value F1 = relaxed F1 × value
accuracy (type F1 likewise). ``--baseline dateparser`` scores dateparser's ``search_dates`` the same way.

MEANTIME annotated only the opening of each article (title, date line and first sentences). For
its records (``corpus`` starting with "MEANTIME") the scored extent ends with the line that holds
the last annotation of any layer (timexes, entities, values); predictions after it are not scored,
since the gold there is silent rather than empty. Other corpora are scored over the whole text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import DependencyError, EvalError
from ..types import Document, Timex
from .scores import Scores, prf, read_gold_lines
from .timex_decompose import Decomposition

if TYPE_CHECKING:
    from ..config import Config

BASELINES = ("dateparser",)


@dataclass
class GoldDoc:
    id: str
    dct: str | None
    text: str
    timexes: list[Timex]
    extent: int = 0


def read_gold(path: Path, limit: int | None = None) -> list[GoldDoc]:
    """The gold documents of a TIMEX3 JSONL file (only timexes whose offsets slice the text)."""
    docs = []
    for n, rec in enumerate(read_gold_lines(path, ("text", "timexes"), limit)):
        try:
            text = rec["text"]
            gold = [Timex(t["start"], t["end"], t["text"], t["type"], t["value"], t.get("mod"))
                    for t in rec["timexes"]]
        except (KeyError, TypeError) as e:
            raise EvalError(f"{path} record {n + 1} is not a TIMEX3 gold record ({{doc_id, dct, text, "
                            f"timexes:[{{start, end, type, value, text}}]}}): {e}") from e
        gold = [t for t in gold if text[t.start:t.end] == t.text]
        dct = _dct(rec.get("dct")) or _creation_time(rec["timexes"])
        docs.append(GoldDoc(str(rec.get("doc_id", n)), dct, text, gold, _extent(rec)))
    return docs


def _dct(raw: Any) -> str | None:
    """The gold DCT as ISO ``YYYY-MM-DD…``; a day-first ``DD-MM-YYYY`` (one MEANTIME file) is turned round."""
    if not isinstance(raw, str) or not raw:
        return None
    m = re.fullmatch(r"(\d\d)-(\d\d)-(\d{4})", raw)
    return f"{m[3]}-{m[2]}-{m[1]}" if m else raw


def _creation_time(timexes: list[dict[str, Any]]) -> str | None:
    """The value of the gold creation-time timex, for the few records whose ``dct`` is empty."""
    for t in timexes:
        if t.get("functionInDocument") == "CREATION_TIME" and re.match(r"\d{4}-\d\d-\d\d", t["value"]):
            return str(t["value"])
    return None


def _extent(rec: dict[str, Any]) -> int:
    """Where the annotated part of a gold text ends (see the module docstring)."""
    text: str = rec["text"]
    if not str(rec.get("corpus", "")).startswith("MEANTIME"):
        return len(text)
    ends = [a["end"] for layer in ("timexes", "entities", "values") for a in rec.get(layer) or []
            if isinstance(a, dict) and isinstance(a.get("end"), int)]
    last = max(ends, default=len(text))
    newline = text.find("\n", last)
    return len(text) if newline < 0 else newline


def align(gold: list[Timex], pred: list[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one overlap matching, largest overlap first."""
    pairs = []
    for g in gold:
        for p in pred:
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0:
                pairs.append((overlap, g.start, p.start, g, p))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, _, _, g, p in pairs:
        if id(g) in used_g or id(p) in used_p:
            continue
        used_g.add(id(g))
        used_p.add(id(p))
        out.append((g, p))
    return out


def canonical(value: str) -> str:
    """A TIMEX3 value in canonical spelling: ISO week numbers with two digits (``2000-W6`` →
    ``2000-W06``, as some gold files write them). Nothing else is changed."""
    return re.sub(r"-W(\d)(?!\d)", r"-W0\1", value)


def same_value(gold: str, pred: str) -> bool:
    return canonical(gold) == canonical(pred)


def same_value_as_written(gold: str, pred: str) -> bool:
    """The TempEval-3 scorer's own test: the two value strings equal as written (``2000-W6`` is not
    ``2000-W06`` there). ``value_f1_as_written`` reports it beside ``value_f1`` (docs/time.md, eleventh round)."""
    return gold == pred


@dataclass
class Tally:
    gold: int = 0
    pred: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0
    value_as_written: int = 0

    def add(self, doc: GoldDoc, pred: list[Timex], errors: list[str] | None) -> None:
        pred = [p for p in pred if p.start < doc.extent]
        pairs = align(doc.timexes, pred)
        self.gold += len(doc.timexes)
        self.pred += len(pred)
        self.relaxed += len(pairs)
        self.strict += sum(g.start == p.start and g.end == p.end for g, p in pairs)
        self.type_ok += sum(g.type == p.type for g, p in pairs)
        self.value_ok += sum(same_value(g.value, p.value) for g, p in pairs)
        self.value_as_written += sum(same_value_as_written(g.value, p.value) for g, p in pairs)
        if errors is not None:
            errors.extend(_errors(doc, pred, pairs))

    def scores(self) -> dict[str, float]:
        sp, sr, sf = prf(self.strict, self.pred - self.strict, self.gold - self.strict)
        rp, rr, rf = prf(self.relaxed, self.pred - self.relaxed, self.gold - self.relaxed)
        type_acc = self.type_ok / self.relaxed if self.relaxed else 0.0
        value_acc = self.value_ok / self.relaxed if self.relaxed else 0.0
        return {
            "strict_p": sp, "strict_r": sr, "strict_f1": sf,
            "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf,
            "type_accuracy": type_acc, "value_accuracy": value_acc,
            "type_f1": rf * type_acc, "value_f1": rf * value_acc,
            "value_f1_as_written": rf * self.value_as_written / self.relaxed if self.relaxed else 0.0,
        }


def _errors(doc: GoldDoc, pred: list[Timex], pairs: list[tuple[Timex, Timex]]) -> Iterable[str]:
    matched_g = {id(g) for g, _ in pairs}
    matched_p = {id(p) for _, p in pairs}
    for g in doc.timexes:
        if id(g) not in matched_g:
            yield f"miss  {doc.id} dct={doc.dct} {g.text!r} gold={g.type} {g.value}"
    for p in pred:
        if id(p) not in matched_p:
            yield f"false {doc.id} dct={doc.dct} {p.text!r} pred={p.type} {p.value} ({p.why})"
    for g, p in pairs:
        if not same_value(g.value, p.value) or g.type != p.type:
            yield (f"value {doc.id} dct={doc.dct} gold {g.text!r}={g.type} {g.value} "
                   f"pred {p.text!r}={p.type} {p.value} ({p.why})")


def _system(config: Config) -> Callable[[list[GoldDoc]], list[list[Timex]]]:
    from ..pipeline import Pipeline

    names = config.pipeline
    pipeline = names[: names.index("timex") + 1] if "timex" in names else ("timex",)
    pipe = Pipeline.build(config.with_overrides(pipeline=list(pipeline)))

    def run(docs: list[GoldDoc]) -> list[list[Timex]]:
        inputs = [Document(id=d.id, text=d.text, published=d.dct) for d in docs]
        return [r.timexes for r in pipe.annotate(inputs)]

    return run


def dateparser_timexes(text: str, dct: str | None) -> list[Timex]:
    """dateparser's ``search_dates`` as timexes: past-preferring, day-granularity DATE values."""
    try:
        from dateparser.search import search_dates
    except ImportError as e:
        raise DependencyError("dateparser", "eval", "the dateparser baseline") from e
    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past"}
    if dct:
        settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(dct[:10])
    found = search_dates(text, languages=["en"], settings=settings) or []
    out, cursor = [], 0
    for phrase, when in found:
        start = text.find(phrase, cursor)
        if start < 0:
            continue
        cursor = start + len(phrase)
        out.append(Timex(start, cursor, phrase, "DATE", when.date().isoformat(), why="dateparser"))
    return out


def evaluate(gold_path: Path, config: Config, *, limit: int | None = None,
             baseline: str | None = None) -> Scores:
    """TempEval-3 scores of the pipeline's timexes (and optionally a baseline's) on ``gold_path``."""
    if baseline is not None and baseline not in BASELINES:
        raise EvalError(f"unknown timex baseline {baseline!r}; known: {', '.join(BASELINES)}", "E051")
    docs = read_gold(Path(gold_path), limit)
    errors: list[str] = []
    tally, by_type = Tally(), {t: Tally() for t in ("DATE", "TIME", "DURATION", "SET")}
    folds = {name: Tally() for name in FOLDS}
    losses = {name: _Loss() for name in FOLDS}
    parts = {name: Decomposition() for name in FOLDS}
    for n, (doc, pred) in enumerate(zip(docs, _system(config)(docs), strict=True)):
        tally.add(doc, pred, errors)
        folds[FOLDS[n % 2]].add(doc, pred, None)
        losses[FOLDS[n % 2]].add(doc, pred)
        decompose(parts[FOLDS[n % 2]], doc, pred)
        for typ, part in by_type.items():
            only = [t for t in doc.timexes if t.type == typ]
            guessed = [t for t in pred if t.type == typ]
            part.add(GoldDoc(doc.id, doc.dct, doc.text, only, doc.extent), guessed, None)
    scored = Scores("timex", str(gold_path), tally.scores(), errors=errors)
    scored.breakdown["by_type"] = {t: part.scores() for t, part in by_type.items() if part.gold}
    scored.breakdown.update(_fold_breakdown(folds, losses))
    scored.breakdown.update(parts_breakdown(parts))
    scored.counts = {"documents": len(docs), "gold": tally.gold, "predicted": tally.pred,
                     "relaxed_matches": tally.relaxed}
    scored.counts.update({f"rule:{k}": v for k, v in _rule_counts(errors).items()})
    if baseline == "dateparser":
        base = Tally()
        for doc in docs:
            base.add(doc, dateparser_timexes(doc.text, doc.dct), None)
        scored.baselines["dateparser"] = base.scores()
    return scored


FOLDS = ("tuning", "held_out")


def _fold_breakdown(folds: dict[str, Tally], losses: dict[str, _Loss]) -> dict[str, dict[str, dict[str, float]]]:
    """The two folds' value and relaxed F1, and what each error class costs each of them."""
    shares = {name: loss.shares() for name, loss in losses.items()}
    return {
        "folds (odd lines tune, even lines held out)": {
            name: {k: v for k, v in part.scores().items() if k in ("relaxed_f1", "value_f1")}
            for name, part in folds.items()},
        "value F1 lost by class": {_SHORT.get(cls, cls): {name: shares[name].get(cls, 0.0) for name in FOLDS}
                                   for cls in ERROR_CLASSES if cls != "span only"},
    }


def decompose(part: Decomposition, doc: GoldDoc, pred: list[Timex]) -> None:
    """Add one document to a fold's decomposition (``timex_decompose``), scored as ``Tally`` scores it."""
    pred = [p for p in pred if p.start < doc.extent]
    part.add(doc.timexes, pred, align(doc.timexes, pred), same_value, doc.dct)


def parts_breakdown(parts: dict[str, Decomposition]) -> dict[str, dict[str, dict[str, float]]]:
    """The folds' value F1 taken apart: detection and value accuracy, the share each TimeML type loses,
    wrong values by what is wrong in them, misses and false alarms by family (docs/time.md, twelfth round)."""
    tables = {"detection × value (folds)": {key: {name: part.scores()[key] for name, part in parts.items()}
                                            for key in ("detection_p", "detection_r", "value_accuracy")}}
    shares = {name: part.type_shares() for name, part in parts.items()}
    tables["value F1 lost by type"] = {typ: {name: shares[name].get(typ, 0.0) for name in parts}
                                       for typ in sorted({t for s in shares.values() for t in s})}
    counted = {name: part.counts() for name, part in parts.items()}
    for title in next(iter(counted.values()), {}):
        rows = sorted({row for counts in counted.values() for row in counts[title]})
        tables[title] = {row: {name: counts[title][row] for name, counts in counted.items()} for row in rows}
    return tables


# Row names of the printed table (at most 22 characters): the gold leaves open what we resolved, or the reverse.
_SHORT = {"value: unresolved but resolved": "value: gold open",
          "value: resolved but left unresolved": "value: left open"}


def _rule_counts(errors: list[str]) -> Counter[str]:
    """How many false alarms and wrong values each rule made (for error analysis)."""
    counts: Counter[str] = Counter()
    for line in errors:
        if "(rule " in line:
            counts[line.rsplit("(rule ", 1)[1].split(";")[0].rstrip(")")] += 1
    return counts


def expression_shape(text: str) -> str:
    """An expression's shape for aggregate counts: lower case, every digit a 9 ("March 12" → "march 99")."""
    return re.sub(r"\d", "9", " ".join(text.lower().split()))


# Error classes of one fold, in the order the first that fits is taken (docs/time.md, ninth round).
ERROR_CLASSES = ("missed", "false alarm", "span only", "type", "value: unresolved but resolved",
                 "value: resolved but left unresolved", "value: duration", "value: granularity",
                 "value: direction", "value: anchor")
_OPEN = re.compile(r"X|_REF")


def error_class(gold: Timex, pred: Timex, dct: str | None) -> str | None:
    """What went wrong between a gold timex and the prediction matched to it, or None when nothing did.

    "span only" (same value, other extent) costs strict F1 alone; "type" is a DATE, DURATION or SET
    confusion, or the same value under another type. A wrong value is classed by what differs: the gold
    leaves open what we resolved ("1988-XX" against "1988", "PAST_REF" against a date) or the reverse; a
    duration's amount; the granularity (day against week, a part of the day, a quarter against a year);
    the side of the publication date (direction); else another day or period of the same granularity on
    the same side (anchor: mostly a story told from another day)."""
    if same_value(gold.value, pred.value):
        if gold.type != pred.type:
            return "type"
        return None if (gold.start, gold.end) == (pred.start, pred.end) else "span only"
    if gold.type != pred.type and {gold.type, pred.type} & {"DURATION", "SET"}:
        return "type"
    if _OPEN.search(gold.value) and not _OPEN.search(pred.value):
        return "value: unresolved but resolved"
    if _OPEN.search(pred.value) and not _OPEN.search(gold.value):
        return "value: resolved but left unresolved"
    if gold.value.startswith("P") or pred.value.startswith("P"):
        return "value: duration"
    if expression_shape(canonical(gold.value)) != expression_shape(canonical(pred.value)):
        return "value: granularity"
    return "value: direction" if _sides_differ(gold.value, pred.value, dct) else "value: anchor"


def _sides_differ(gold: str, pred: str, dct: str | None) -> bool:
    """Whether two calendar values of one shape lie on different sides of the publication date, compared
    at their own granularity ("1989-06" against "1990-06", published 1989-10-26)."""
    if not dct or not re.fullmatch(r"\d{4}(?:-\d\d){0,2}", gold[:10]):
        return False
    day = dct[:len(gold[:10])]
    return (gold[:10] < day) != (pred[:10] < day) and day not in (gold[:10], pred[:10])


@dataclass
class _Loss:
    """What the value errors of one fold cost, by class, and the fold's gold and predicted timexes."""

    size: int = 0
    costs: Counter[str] = field(default_factory=Counter)

    def add(self, doc: GoldDoc, pred: list[Timex]) -> None:
        pred = [p for p in pred if p.start < doc.extent]
        self.size += len(doc.timexes) + len(pred)
        pairs = align(doc.timexes, pred)
        self.costs.update({"missed": len(doc.timexes) - len(pairs), "false alarm": len(pred) - len(pairs)})
        for gold, guess in pairs:
            if not same_value(gold.value, guess.value):
                self.costs[error_class(gold, guess, doc.dct) or "value: anchor"] += 2

    def shares(self) -> dict[str, float]:
        return {cls: cost / self.size for cls, cost in self.costs.items() if cost} if self.size else {}
