"""``peacewatch eval docs GOLD``: whole articles against the project's document gold.

Gold: ``shared/data/docs/*.docs.jsonl`` (one article per line: ``id``, ``published``, ``events``,
``quotes``, ``entities``; see its README). The articles' texts are read from the corpus beside the
gold (``../../corpus/dev_peace_processes.jsonl``), a leading " date YYYY-MM-DD " marker removed.
The definitions follow ``shared/tools/scoring/score_gold.py docs``:

- **events**: a predicted event matches a gold event of the same article, one to one and greedily
  (pairs agreeing on more attributes first), when the types are equal and the actor code sets
  intersect: ``type_actor`` P/R/F1. On matched pairs, the share that agree on the recipient set,
  the status (``occurred`` and ``historical`` agree for an act over a year old), the date (equal at
  the coarser precision, or equal to the gold ``made``; no date agrees only with no date).
  ``type`` P/R/F1: per article, the multiset intersection of types.
- **quotes**: a predicted quote matches a gold one when either content contains the other (trimmed
  of spaces, quote marks and , . ; :) or they overlap by half the shorter; on matches, the share
  with the gold speaker code.
- **entities**: recall of gold (surface form, code) pairs: some mention containing the surface form
  (case-insensitive) resolves to that code; per kind as well, and apart for the processes the actors
  component was tuned on (``ACTOR_TUNE_PROCESSES``) and the four others: ``actors_tune_…``,
  ``actors_untouched_…``.

Codes are upper-cased and ``IGO:EU`` counts as ``IGO``. Scores are given for the whole file and per
part: ``tune`` (the processes the learned event coder trained on, ``TUNE_PROCESSES``) and
``untouched`` (the other three, never trained or tuned on): the events and, on matched ones, recipients,
status, dates and quote speakers (``PART_SCORES``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path
from typing import Any

from ..config import Config
from ..errors import EvalError
from ..types import Document, Result
from .docs_breakdown import Breakdown, add_document
from .events import Tally, events_pipeline
from .scores import Scores, prf, read_gold_lines

# The development processes the learned event coder may train and tune on: the first four by the
# SHA-1 of their name. The other three (colombia-eln, ethiopia-tplf, israel-hamas) are only scored.
TUNE_PROCESSES = ("russia-ukraine", "serbia-kosovo", "sudan", "drc-rwanda-m23")
# The processes whose entity errors the actors component was tuned on (docs/actors.md); entity
# recall is also given for them and for the other four (never read) apart: ``actors_tune_…``,
# ``actors_untouched_…`` and their kinds.
ACTOR_TUNE_PROCESSES = ("colombia-eln", "drc-rwanda-m23", "israel-hamas")
# The scores also given per part (``tune_…``, ``untouched_…``): events, and the attributes of matched ones.
PART_SCORES = ("type", "recipient", "status", "date", "quote_speaker")
MARKER = re.compile(r"^ date \d{4}-\d{2}(-\d{2})? ")
TRIM = " \t\n\"'“”‘’«»,.;:"
ATTRIBUTES = ("recipient", "status", "date")


def article_texts(gold_path: Path) -> dict[str, dict[str, Any]]:
    """The corpus records beside the gold (``../../corpus``), by id, marker removed."""
    corpus = gold_path.resolve().parent.parent.parent / "corpus" / "dev_peace_processes.jsonl"
    if not corpus.exists():
        raise EvalError(f"the articles of {gold_path} are not at {corpus}", "E050")
    out: dict[str, dict[str, Any]] = {}
    for rec in read_gold_lines(corpus, ("id", "text")):
        out[rec["id"]] = {**rec, "text": MARKER.sub("", rec["text"], count=1)}
    return out


def doc_part(doc_id: str, processes: dict[str, str]) -> str:
    return "tune" if processes.get(doc_id) in TUNE_PROCESSES else "untouched"


def code_set(codes: list[str | None]) -> frozenset[str]:
    return frozenset(c.upper().split(":")[0] for c in codes if c)


def _interval(value: str | None, published: str | None) -> tuple[dt.date, dt.date] | None:
    """A TIMEX3 value as a day interval (days, months, years; *_REF at publication), else None."""
    if value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF") and published:
        value = published[:10]
    if not value:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", value):
            day = dt.date.fromisoformat(value[:10])
            return day, day
        if re.fullmatch(r"\d{4}-\d{2}", value):
            first = dt.date.fromisoformat(value + "-01")
            nxt = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return first, nxt - dt.timedelta(days=1)
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    except ValueError:
        return None
    return None


def dates_agree(pred: str | None, gold: str | None, published: str | None) -> bool:
    if pred is None or gold is None:
        return pred is None and gold is None
    a, b = _interval(pred, published), _interval(gold, published)
    if a is None or b is None:
        return pred == gold
    return a[0] <= b[1] and b[0] <= a[1]


def _old(date: str | None, published: str | None) -> bool:
    span, pub = _interval(date, published), _interval(published, published)
    return span is not None and pub is not None and (pub[0] - span[0]).days > 365


def agreement(gold: dict[str, Any], pred: dict[str, Any], published: str | None) -> dict[str, bool]:
    status = gold["status"] == pred["status"]
    if not status and {gold["status"], pred["status"]} == {"occurred", "historical"}:
        status = gold["status"] == "historical" or _old(gold["date"] or pred["date"], published)
    date = dates_agree(pred["date"], gold["date"], published) or (
        pred["date"] is not None and dates_agree(pred["date"], gold.get("made"), published))
    return {"recipient": gold["recipient"] == pred["recipient"], "status": status, "date": date}


def predicted_events(result: Result) -> list[dict[str, Any]]:
    return [{"type": e.type, "status": e.status, "date": e.date,
             "actor": code_set([a.code for a in e.actor]), "recipient": code_set([r.code for r in e.recipient])}
            for e in result.events]


def gold_events(record: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"type": e["type"], "mode": e.get("mode"), "status": e.get("status"), "date": e.get("date"),
             "made": e.get("made"),
             "actor": code_set(e.get("actor") or []), "recipient": code_set(e.get("recipient") or [])}
            for e in record["events"]]


def match_events(gold: list[dict[str, Any]], pred: list[dict[str, Any]],
                 published: str | None) -> list[tuple[int, int, dict[str, bool]]]:
    """One-to-one greedy matches (type equal, actor codes intersect), most agreement first."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if g["type"] == p["type"] and g["actor"] & p["actor"]:
                agree = agreement(g, p, published)
                pairs.append((-sum(agree.values()), gi, pi, agree))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _key, gi, pi, agree in sorted(pairs, key=lambda x: (x[0], x[1], x[2])):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi, agree))
    return out


def _quote_match(text: str, span: tuple[int, int], content: str) -> float:
    """> 0 when a predicted quote (its span in ``text``) matches gold ``content``; closer is larger."""
    a, b = text[span[0]:span[1]].strip(TRIM), content.strip(TRIM)
    if a and b and (b in a or a in b):
        return min(len(a), len(b)) / max(len(a), len(b))
    best = 0.0
    start = text.find(content)
    while start >= 0:
        overlap = min(span[1], start + len(content)) - max(span[0], start)
        if overlap > 0 and overlap >= 0.5 * min(span[1] - span[0], len(content)):
            best = max(best, overlap / max(span[1] - span[0], len(content)))
        start = text.find(content, start + 1)
    return best


def score_quotes(tally: Tally, record: dict[str, Any], result: Result, text: str) -> None:
    codes = {e.id: e.code for e in result.entities}
    pairs = sorted(((-_quote_match(text, q.content_span, g["content"]), gi, pi)
                    for gi, g in enumerate(record.get("quotes", []))
                    for pi, q in enumerate(result.quotes)), key=lambda x: x)
    used_g: set[int] = set()
    used_p: set[int] = set()
    for key, gi, pi in pairs:
        if key < 0 and gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            speaker = codes.get(result.quotes[pi].speaker or "")
            gold_code = record["quotes"][gi].get("speaker_code")
            _count(tally, "quote_speaker", code_set([speaker]) == code_set([gold_code]))
    c = tally.counts.setdefault("quotes", Counter())
    c["tp"] += len(used_g)
    c["fp"] += len(result.quotes) - len(used_p)
    c["fn"] += len(record.get("quotes", [])) - len(used_g)


def score_entities(tally: Tally, record: dict[str, Any], result: Result, text: str) -> None:
    codes = {e.id: e.code for e in result.entities}
    found = [(text[m.start:m.end].lower(), code_set([codes.get(m.entity or "")])) for m in result.mentions]
    for gold in record.get("entities", []):
        surface, want = gold["text"].lower(), code_set([gold.get("code")])
        hit = any(surface in mention and (codes_ == want) for mention, codes_ in found)
        for name in ("entities", f"entities:{gold.get('kind')}"):
            c = tally.counts.setdefault(name, Counter())
            c["tp" if hit else "fn"] += 1


def _count(tally: Tally, name: str, ok: bool) -> None:
    c = tally.counts.setdefault(name, Counter())
    c["tp" if ok else "fn"] += 1


def score_document(tally: Tally, record: dict[str, Any], result: Result, text: str,
                   where: tuple[Breakdown, tuple[str, ...]] | None = None) -> list[str]:
    """Add one article's counts to ``tally`` (and, given ``where``, to a breakdown's rows); the lines
    of its missed and false events."""
    gold, pred = gold_events(record), predicted_events(result)
    matches = match_events(gold, pred, record.get("published"))
    if where is not None:
        add_document(where[0], where[1], record, result, text, gold, pred, matches)
    c = tally.counts.setdefault("type_actor", Counter())
    c["tp"] += len(matches)
    c["fp"] += len(pred) - len(matches)
    c["fn"] += len(gold) - len(matches)
    g_types, p_types = Counter(g["type"] for g in gold), Counter(p["type"] for p in pred)
    t = tally.counts.setdefault("type", Counter())
    hit = sum((g_types & p_types).values())
    t["tp"] += hit
    t["fp"] += sum(p_types.values()) - hit
    t["fn"] += sum(g_types.values()) - hit
    for _gi, _pi, agree in matches:
        for name in ATTRIBUTES:
            _count(tally, name, agree[name])
    score_quotes(tally, record, result, text)
    score_entities(tally, record, result, text)
    taken_g, taken_p = {m[0] for m in matches}, {m[1] for m in matches}
    lines = [f"{record['id']}: missed {g['type']}({','.join(sorted(g['actor'])) or '-'}) "
             f"| {record['events'][i].get('evidence', '')[:80]}" for i, g in enumerate(gold) if i not in taken_g]
    lines += [f"{record['id']}: false {p['type']}({','.join(sorted(p['actor'])) or '-'}) | {result.events[i].why}"[:200]
              for i, p in enumerate(pred) if i not in taken_p]
    return lines


def scores(tally: Tally) -> dict[str, float]:
    out: dict[str, float] = {}
    for name in ("type_actor", "type", "quotes"):
        p, r, f = tally.f1(name)
        out.update({f"{name}_p": p, f"{name}_r": r, f"{name}_f1": f})
    for name in (*ATTRIBUTES, "quote_speaker", "entities"):
        c = tally.counts.get(name, Counter())
        total = c["tp"] + c["fn"]
        out[f"{name}_{'recall' if name == 'entities' else 'agree'}"] = c["tp"] / total if total else 0.0
    return out


def _entity_recalls(tally: Tally) -> dict[str, float]:
    """Entity recall, overall and by kind ("entities_recall", "entities_organization_recall" …)."""
    out = {}
    for name, c in sorted(tally.counts.items()):
        if name.startswith("entities") and c["tp"] + c["fn"]:
            out[f"{name.replace(':', '_')}_recall"] = c["tp"] / (c["tp"] + c["fn"])
    return out


def evaluate(gold_path: Path, config: Config, *, limit: int | None = None,
             baseline: str | None = None) -> Scores:
    """Score the pipeline on document gold (see the module docstring for every definition).
    ``baseline='rules'`` scores the events component without its learned model beside it."""
    if baseline not in (None, "rules"):
        raise EvalError(f"unknown docs baseline {baseline!r}; the one available is 'rules'", "E051")
    records = read_gold_lines(gold_path, ("id", "events"), limit)
    articles = article_texts(gold_path)
    missing = [r["id"] for r in records if r["id"] not in articles]
    if missing:
        raise EvalError(f"gold documents {', '.join(missing[:5])} are not in the corpus", "E050")
    processes = {i: str(a.get("process", "")) for i, a in articles.items()}
    docs = [Document(id=r["id"], text=articles[r["id"]]["text"], published=r.get("published"))
            for r in records]
    pipe = events_pipeline(config)
    report = _run(gold_path, pipe, records, docs, processes)
    if baseline == "rules":
        from .events import rules_only

        report.baselines = {"rules": _run(gold_path, rules_only(pipe), records, docs, processes).scores}
    return report


def _run(gold_path: Path, pipe: Any, records: list[dict[str, Any]], docs: list[Document],
         processes: dict[str, str]) -> Scores:
    whole, parts = Tally(), {"tune": Tally(), "untouched": Tally()}
    actor_parts = {"tune": Tally(), "untouched": Tally()}
    errors: list[str] = []
    kinds: dict[str, dict[str, float]] = {}
    breakdown = Breakdown(parse=pipe.nlp)
    for record, doc, result in zip(records, docs, pipe.annotate(docs), strict=True):
        part = doc_part(doc.id, processes)
        rows = (part, f"{part}:{processes.get(doc.id) or '?'}")
        lines = score_document(whole, record, result, doc.text, (breakdown, rows))
        if part == "tune":  # the untouched processes' misses are only counted, never listed
            errors += lines
        score_document(parts[part], record, result, doc.text)
        actor_part = "tune" if processes.get(doc.id) in ACTOR_TUNE_PROCESSES else "untouched"
        score_entities(actor_parts[actor_part], record, result, doc.text)
    out = scores(whole)
    for name, tally in parts.items():
        out.update({f"{name}_{k}": v for k, v in scores(tally).items() if k.startswith(PART_SCORES)})
    for name, tally in actor_parts.items():
        out.update({f"actors_{name}_{k}": v for k, v in _entity_recalls(tally).items()})
    for name, c in sorted(whole.counts.items()):
        if name.startswith("entities:"):
            kinds[name.split(":", 1)[1]] = {"recall": prf(c["tp"], 0, c["fn"])[1], "gold": float(c["tp"] + c["fn"])}
    return Scores(task="docs", gold=str(gold_path), scores=out,
                  breakdown={"entities by kind": kinds, **breakdown.tables()},
                  counts={"documents": len(records), "gold_events": sum(len(r["events"]) for r in records)},
                  errors=errors)
