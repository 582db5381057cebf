"""``peacewatch eval process GOLD``: the ledger of the whole dev corpus against the process gold.

Gold: ``shared/data/docs/<process>.process.json`` (``timeline`` of key events, each with every
article reporting it, and ``commitments`` with their status); GOLD is one such file or the folder
holding them. The 118 articles of ``../../corpus/dev_peace_processes.jsonl`` (its ``date`` as the
publication date, a leading " date YYYY-MM-DD " marker removed) are ingested once into a temporary
database, or into ``--db`` (articles already stored there are not read again), and the merged
events, commitments and entities of the ledger are scored. The definitions follow
``shared/tools/scoring/score_gold.py process``:

- **timeline**: a key event is found when some ledger event has a compatible type (equal, both
  among AGREE/SUPPORT/CONCEDE or both among ASSAULT/COERCE), its actor and recipient codes hold
  every gold actor code, and its date agrees (two days within two days of each other, otherwise
  overlapping intervals; no date agrees with nothing). Matches are then paired one to one, the
  closest first.
- **multi-source share**: of the one-to-one pairs whose key event is reported by two or more
  articles, the share whose ledger event joins two or more documents. **Merge precision and
  recall** on the same pairs, counted over pairs of articles: recall is the share of the gold
  entry's article pairs that the ledger event joins, precision the share of the ledger event's
  article pairs that both report the key event.
- **commitments**: a gold commitment is found when a ledger commitment's obligor codes meet the
  gold obligors, the action types are compatible (as above, and RETREAT with CONCEDE) and ``made``
  lies within seven days of the gold ``made``; its status is judged on the best such candidate
  (same type, mode, obligors and beneficiaries, nearest ``made``). **Fulfilment day**: of the
  pairs both calling the commitment fulfilled, the share whose ``fulfilled_on`` is within two days
  of the gold one. A gold commitment missed as ``made`` is counted by where the date of the nearest
  promise of its act by a gold obligor in its own articles came from (``process_commitment_misses.made_miss``).

Every figure is given per process and per part: ``tune`` (``TUNE_PROCESSES``, whose errors may be
read and tuned on) and ``untouched`` (the other three, only scored). The error lines are those of
the tuning processes, unless GOLD is a single file.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Config
from ..errors import EvalError
from ..resolve.tables import contradiction, fulfilling
from ..types import Document
from .docs import article_texts
from .process_commitment_misses import (
    ACT_KEY,
    ACT_TOLD_KEY,
    BREACH_KEY,
    COMMITMENT_MISS_KEY,
    DAY_KEY,
    DECIDED_KEY,
    FRAME_KEY,
    MADE_DAYS_KEY,
    MADE_FROM_KEY,
    NEAREST_KEY,
    STATED_KEY,
    TOLD_KEY,
    UNFULFILLED_KEY,
    act_told,
    agreement_frame,
    breach_evidence,
    commitment_miss,
    day_miss,
    decided_by,
    made_days,
    made_miss,
    missed_act,
    nearest_promise,
    stated_miss,
    unfulfilled,
)
from .process_ledger import Ledger, codes, corpus_documents, ingest_corpus, ledger_of
from .process_match import (
    _best,
    _gap,
    _made_gap,
    finds,
    greedy,
    interval,
    timeline_dates_agree,
    types_compatible,
)
from .process_misses import (
    APART_KEY,
    MISDATED_KEY,
    MISS_KEY,
    PLACED_KEY,
    REFUSAL_KEY,
    REPORT_DATE_KEY,
    SPREAD_KEY,
    TOLD_DATE_KEY,
    UNDATED_DAY_KEY,
    Resolved,
    apart_class,
    counted,
    date_told,
    day_spread,
    misdated_kind,
    miss_class,
    refusal,
    report_date,
    undated_day,
)
from .scores import Scores

TUNE_PROCESSES = ("colombia-eln", "drc-rwanda-m23", "ethiopia-tplf", "israel-hamas")
PARTS = ("tune", "untouched")
STATUS_KEY = "status:"


@dataclass
class ProcessTally:
    """Counts of one process, or summed over several."""

    counts: Counter[str] = field(default_factory=Counter)
    processes: int = 0

    def add(self, other: ProcessTally) -> None:
        self.counts.update(other.counts)
        self.processes += other.processes

    def figures(self) -> dict[str, float]:
        c = self.counts
        return {"timeline_recall": _ratio(c["timeline_found"], c["timeline"]),
                "multi_source_share": _ratio(c["multi_joined"], c["multi"]),
                "merge_precision": _ratio(c["pairs_right"], c["pairs_made"]),
                "merge_recall": _ratio(c["pairs_joined"], c["pairs_gold"]),
                "commitments_recall": _ratio(c["commitments_found"], c["commitments"]),
                "status_accuracy": _ratio(c["status_right"], c["commitments_found"]),
                "fulfilment_day": _ratio(c["day_right"], c["both_fulfilled"])}

    def confusion(self) -> dict[str, dict[str, float]]:
        """The status of the commitments found: gold status (rows) by predicted status (columns)."""
        table: dict[str, dict[str, float]] = {}
        for key, n in self.counts.items():
            if key.startswith(STATUS_KEY):
                gold, pred = key[len(STATUS_KEY):].split(">")
                table.setdefault(f"gold {gold}", {})[pred] = float(n)
        return table

    def row(self) -> dict[str, float]:
        c = self.counts
        return {"timeline": float(c["timeline_found"]), "of_tl": float(c["timeline"]),
                "multi_ok": float(c["multi_joined"]), "of_multi": float(c["multi"]),
                "merge_p": _ratio(c["pairs_right"], c["pairs_made"]),
                "merge_r": _ratio(c["pairs_joined"], c["pairs_gold"]),
                "commit": float(c["commitments_found"]), "of_commit": float(c["commitments"]),
                "status_ok": float(c["status_right"]), "day_ok": float(c["day_right"]),
                "of_day": float(c["both_fulfilled"])}


def _ratio(ok: int, n: int) -> float:
    return ok / n if n else 0.0


def _doc_pairs(docs: frozenset[str]) -> set[tuple[str, str]]:
    ordered = sorted(docs)
    return {(a, b) for i, a in enumerate(ordered) for b in ordered[i + 1:]}


def score_timeline(timeline: list[dict[str, Any]], ledger: Ledger, tally: ProcessTally) -> list[str]:
    c, errors, pairs = tally.counts, [], []
    by_id = {e["id"]: e for e in ledger.events}
    for ti, entry in enumerate(timeline):
        hits = [ei for ei, ev in enumerate(ledger.events) if finds(ev, entry)]
        c["timeline"] += 1
        c["timeline_found"] += bool(hits)
        gold, target = codes(entry.get("actor")), interval(entry.get("date"))
        for ei in hits:
            ev = ledger.events[ei]
            got = interval(ev["date"], ev["anchor"])
            key = (-(ev["type"] == entry["type"]), -(gold == ev["actor"]), -(gold <= ev["actor"]),
                   -(codes(entry.get("recipient")) == ev["recipient"]), _gap(got, target) if got and target else 0)
            pairs.append((key, ti, ei))
        _count_report_dates(entry, ledger, by_id, c)
        if not hits:
            miss = miss_class(entry, _reports_in(entry, ledger), by_id, finds, timeline_dates_agree,
                              types_compatible, gold)
            c[MISS_KEY + miss] += 1
            stated = [t for d in sorted(entry.get("docs") or []) for t in ledger.timexes.get(d, [])]
            told = date_told(entry, miss, stated, timeline_dates_agree)
            if told is not None:
                c[TOLD_DATE_KEY + told] += 1
            if miss == "undated":
                c[UNDATED_DAY_KEY + undated_day(entry, ledger.reports, ledger.days, by_id, types_compatible, gold)] += 1
            errors.append(f"timeline missed {entry['id']} {entry.get('date')} {entry['type']} "
                          f"{'+'.join(sorted(gold)) or '-'} ({told or miss}): {entry.get('description', '')[:90]}")
    _count_spreads(timeline, ledger, c)
    for ti, ei in greedy(pairs):
        gold_docs, docs = frozenset(timeline[ti].get("docs") or []), ledger.events[ei]["docs"]
        if len(gold_docs) < 2:
            continue
        c["multi"] += 1
        c["multi_joined"] += len(docs) >= 2
        made, wanted = _doc_pairs(docs), _doc_pairs(gold_docs)
        c["pairs_made"] += len(made)
        c["pairs_right"] += len(made & wanted)
        c["pairs_gold"] += len(wanted)
        c["pairs_joined"] += len(made & wanted)
        _count_apart(timeline[ti], ledger, ledger.events[ei], by_id, c)
        if wrong := sorted(made - wanted):
            errors.append(f"timeline {timeline[ti]['id']} joined in {ledger.events[ei]['id']} with wrong "
                          f"article pairs: {', '.join(f'{a}+{b}' for a, b in wrong)}")
        if len(docs) < 2:
            errors.append(f"timeline {timeline[ti]['id']} ({len(gold_docs)} articles) is one article's event "
                          f"{ledger.events[ei]['id']} ({', '.join(sorted(docs))})")
    return errors


def _count_report_dates(entry: dict[str, Any], ledger: Ledger, by_id: dict[str, dict[str, Any]],
                        c: Counter[str]) -> None:
    """Each gold article of a key event by how its best report of it is dated, and an undated one by
    how its ledger event is (``process_misses.report_date``): found or not, how the ledger dates."""
    gold = codes(entry.get("actor"))
    for doc in sorted(entry.get("docs") or []):
        got = report_date(entry, ledger.reports.get(doc, []), by_id, interval, timeline_dates_agree,
                          types_compatible, gold)
        if got is not None:
            c[REPORT_DATE_KEY + got[0]] += 1
            if got[1] is not None:
                c[PLACED_KEY + got[1]] += 1


def _count_spreads(timeline: list[dict[str, Any]], ledger: Ledger, c: Counter[str]) -> None:
    """Each ledger event holding a report of a key event's article, by how far apart the days its reports
    (of every document) state are (``process_misses.day_spread``)."""
    docs = sorted({d for entry in timeline for d in entry.get("docs") or []})
    reached = {r["ledger"] for d in docs for r in ledger.reports.get(d, [])}
    dates: dict[str, list[str | None]] = {}
    for rows in ledger.reports.values():
        for r in rows:
            if r["ledger"] in reached:
                dates.setdefault(r["ledger"], []).append(r["date"])
    for ledger_id in sorted(reached):
        c[SPREAD_KEY + day_spread(dates.get(ledger_id, []))] += 1


def _reports_in(entry: dict[str, Any], ledger: Ledger, docs: Any = None) -> list[dict[str, Any]]:
    return [r for d in sorted(docs if docs is not None else entry.get("docs") or []) for r in ledger.reports.get(d, [])]


def _count_apart(entry: dict[str, Any], ledger: Ledger, paired: dict[str, Any], by_id: dict[str, dict[str, Any]],
                 c: Counter[str]) -> None:
    """Each gold article of a key event that its paired ledger event does not join, by why
    (``process_misses.apart_class``)."""
    gold = codes(entry.get("actor"))
    for doc in sorted(frozenset(entry.get("docs") or []) - paired["docs"]):
        why = apart_class(entry, ledger.reports.get(doc, []), paired, by_id, timeline_dates_agree,
                          types_compatible, gold)
        c[APART_KEY + why] += 1
        if ledger.resolved is not None and why != "no report":
            c[REFUSAL_KEY + _refusal(entry, doc, paired, ledger, ledger.resolved)] += 1
        if why == "misdated":
            c[MISDATED_KEY + misdated_kind(entry, ledger.reports.get(doc, []), interval, types_compatible, gold)] += 1


def _refusal(entry: dict[str, Any], doc: str, paired: dict[str, Any], ledger: Ledger, resolved: Resolved) -> str:
    """What the paired ledger event's members say of the article's reports of the key event's type and
    gold parties (``process_misses.refusal``)."""
    gold, found = codes(entry.get("actor")), resolved.reports
    fitting = [found[(doc, r["event"])] for r in ledger.reports.get(doc, [])
               if types_compatible(r["type"], entry["type"]) and gold <= r["codes"] and (doc, r["event"]) in found]
    members = [found[(d, r["event"])] for d in sorted(paired["docs"]) for r in ledger.reports.get(d, [])
               if r["ledger"] == paired["id"] and (d, r["event"]) in found]
    return refusal(fitting, members, resolved.settings)


def score_commitments(gold: dict[str, Any], ledger: Ledger, tally: ProcessTally) -> list[str]:
    c, errors = tally.counts, []
    entries = {t["id"]: t for t in gold["timeline"]}
    events = {e["id"]: e for e in ledger.events}
    for gi, g in enumerate(gold["commitments"]):
        c["commitments"] += 1
        best = _best(g, gi, ledger)
        if best is None:
            why = commitment_miss(g, ledger.commitments, _made_gap(g), types_compatible)
            c[COMMITMENT_MISS_KEY + why] += 1
            told, sentence = stated_miss(g, ledger)
            c[f"{STATED_KEY}{told} / {why}"] += 1
            if why != "made":
                c[ACT_KEY + missed_act(g, ledger.commitments, _made_gap(g))] += 1
                c[f"{ACT_TOLD_KEY}{why} / {act_told(g, ledger, types_compatible)}"] += 1
            errors.append(f"commitment missed {g['id']} {g.get('made')} {g['action']['type']} "
                          f"{'+'.join(sorted(codes(g.get('obligor')))) or '-'}: {g.get('description', '')[:90]}")
            errors.append(f"commitment missed {g['id']} {told}" + (f": {sentence}" if sentence else ""))
            if why == "made":
                source, lines = made_miss(g, ledger, _made_gap(g), types_compatible)
                c[MADE_FROM_KEY + source] += 1
                told_as = act_told(g, ledger, types_compatible)
                c[TOLD_KEY + told_as] += 1
                c[NEAREST_KEY + nearest_promise(g, ledger.commitments, types_compatible, interval)] += 1
                c[f"{MADE_DAYS_KEY}{told_as} / {made_days(g, ledger, types_compatible, interval)}"] += 1
                c[f"{FRAME_KEY}{told_as} / {agreement_frame(g, ledger)}"] += 1
                errors.append(f"commitment missed {g['id']} as made: {source}" + "".join(f"; {x}" for x in lines))
            continue
        c["commitments_found"] += 1
        c["status_right"] += best["status"] == g["status"]
        c[f"{STATUS_KEY}{g['status']}>{best['status']}"] += 1
        if best["status"] != g["status"]:
            c[f"{DECIDED_KEY}gold {g['status']}, {decided_by(best, events)}"] += 1
            errors.append(f"commitment {g['id']} status gold {g['status']} pred {best['status']} ({best['id']})")
            if g["status"] == "broken":
                why = breach_evidence(best, ledger.events, contradiction, interval)
                c[BREACH_KEY + why] += 1
                errors.append(f"commitment {g['id']} unbroken: {why}")
            if g["status"] == "fulfilled":
                why = unfulfilled(g, best, entries.get(g.get("fulfilled_by") or ""), ledger.events, fulfilling,
                                  types_compatible, interval)
                c[UNFULFILLED_KEY + why] += 1
                errors.append(f"commitment {g['id']} unfulfilled: {why}")
        elif g["status"] == "fulfilled":
            c["both_fulfilled"] += 1
            day_right = timeline_dates_agree(best["fulfilled_on"], g.get("fulfilled_on"))
            c["day_right"] += day_right
            target = entries.get(g.get("fulfilled_by") or "")
            linked = target is not None and any(f in events and finds(events[f], target) for f in best["fulfilled_by"])
            if not day_right:
                errors.append(f"commitment {g['id']} fulfilled on {best['fulfilled_on']}, gold {g.get('fulfilled_on')}")
                c[DAY_KEY + day_miss(best, g.get("fulfilled_on"), linked, events, interval)] += 1
            if target is not None and not linked:
                errors.append(f"commitment {g['id']} fulfilled by {best['fulfilled_by']}, not gold {target['id']}")
    return errors


def score_one(gold: dict[str, Any], ledger: Ledger) -> tuple[ProcessTally, list[str]]:
    """The counts of one gold process and the lines of its errors."""
    tally = ProcessTally(processes=1)
    errors = score_timeline(gold["timeline"], ledger, tally)
    errors += score_commitments(gold, ledger, tally)
    return tally, errors


def gold_files(gold_path: Path) -> list[Path]:
    """The process gold files GOLD names: itself, or every ``*.process.json`` in the folder."""
    files = sorted(gold_path.glob("*.process.json")) if gold_path.is_dir() else [gold_path]
    if not files:
        raise EvalError(f"no *.process.json in {gold_path}", "E050")
    return files


def read_process(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise EvalError(f"process gold {path} cannot be read: {e}", "E050") from e
    if not isinstance(data, dict) or not isinstance(data.get("timeline"), list) \
            or not isinstance(data.get("commitments"), list):
        raise EvalError(f"process gold {path} lacks 'timeline' or 'commitments' lists; see "
                        "shared/data/docs/README.md", "E050")
    data.setdefault("process", path.name.split(".")[0])
    return data


def evaluate(gold_path: Path, config: Config, *, limit: int | None = None, baseline: str | None = None,
             db: Path | None = None) -> Scores:
    """Score the ledger of the dev corpus on process gold (the module docstring defines each figure).
    ``limit`` ingests only the first N articles (for a quick look; the figures are then low)."""
    if baseline is not None:
        raise EvalError("eval process has no baseline", "E051")
    files = gold_files(gold_path)
    golds = [read_process(f) for f in files]
    documents = corpus_documents(files[0], limit)
    if db is None:
        with tempfile.TemporaryDirectory(prefix="peacewatch-eval-") as tmp:
            ingest_corpus(Path(tmp) / "dev.db", documents, config)
            ledger = ledger_of(Path(tmp) / "dev.db", config.ledger)
    else:
        ingest_corpus(db, documents, config)
        ledger = ledger_of(db, config.ledger)
    scores = scores_of(gold_path, golds, ledger, errors_of_all=not gold_path.is_dir())
    add_dating(scores, documents, files[0], config)
    return scores


def add_dating(scores: Scores, documents: list[Document], gold_file: Path, config: Config) -> None:
    """The dating of undated articles measured on the dated ones, their date hidden
    (``evaluate/dating.py``): a breakdown ``dating`` per part and each part's exact and near shares."""
    from .dating import dating_counts, dating_rows

    parts = {i: "tune" if a.get("process") in TUNE_PROCESSES else "untouched"
             for i, a in article_texts(gold_file).items()}
    rows = dating_rows(dating_counts(documents, parts, config))
    scores.breakdown["dating"] = rows
    for part, row in rows.items():
        scores.scores[f"{part}_dating_exact"] = _ratio(int(row["exact"]), int(row["articles"]))
        scores.scores[f"{part}_dating_near"] = _ratio(int(row["exact"] + row["near"]), int(row["articles"]))


def scores_of(gold_path: Path, golds: list[dict[str, Any]], ledger: Ledger, errors_of_all: bool = False) -> Scores:
    """The figures of ``ledger`` against each gold process, per process and per part."""
    tallies = {part: ProcessTally() for part in ("all", *PARTS)}
    rows: dict[str, dict[str, float]] = {}
    errors: list[str] = []
    for gold in golds:
        name = str(gold["process"])
        tally, lines = score_one(gold, ledger)
        rows[name] = tally.row()
        part = "tune" if name in TUNE_PROCESSES else "untouched"
        for key in ("all", part):
            tallies[key].add(tally)
        if errors_of_all or part == "tune":
            errors += [f"{name}: {line}" for line in lines]
    out: dict[str, float] = {}
    for key in ("all", *PARTS):
        if tallies[key].processes:
            out.update({f"{key}_{k}": v for k, v in tallies[key].figures().items()})
    counts = {"processes": len(golds), "ledger_events": len(ledger.events),
              "ledger_commitments": len(ledger.commitments)}
    parts = {key: tallies[key].row() for key in PARTS if tallies[key].processes}
    breakdown = {"per process": rows, "per part": parts}
    breakdown.update({f"status {key} (gold x predicted)": tallies[key].confusion() for key in PARTS
                      if tallies[key].processes})
    for name, prefix in (("timeline misses", MISS_KEY), ("articles apart", APART_KEY),
                         ("commitments missed", COMMITMENT_MISS_KEY), ("articles misdated, by kind", MISDATED_KEY),
                         ("articles apart, by what the paired event's members say", REFUSAL_KEY),
                         ("made misses by their articles' promise", MADE_FROM_KEY),
                         ("made misses by how their articles tell the act", TOLD_KEY),
                         ("made misses by the nearest ledger promise", NEAREST_KEY),
                         ("made misses by how their articles tell the act, days near the gold one", MADE_DAYS_KEY),
                         ("made misses by how their articles tell the act, an agreement frame", FRAME_KEY),
                         ("gold broken left unbroken, by its obligors' contrary acts", BREACH_KEY),
                         ("commitments missed, by a sentence stating them", STATED_KEY),
                         ("commitments missed not for the day, by the act", ACT_KEY),
                         ("commitments missed not for the day, by how their articles tell the act", ACT_TOLD_KEY),
                         ("wrong fulfilment days, by the act and its date", DAY_KEY),
                         ("gold fulfilled left unfulfilled, by the acts that could keep it", UNFULFILLED_KEY)):
        breakdown[f"{name} (per part)"] = {key: counted(prefix, tallies[key].counts.items()) for key in PARTS
                                           if tallies[key].processes}
    # classes too long for columns, a row per class: the wrong statuses by what decided them, and the
    # undated and misdated key events by whether their articles state their date
    breakdown["wrong status decided by (gold status, ledger's)"] = _rows_by_class(DECIDED_KEY, tallies)
    breakdown["timeline misses undated or misdated, by their date in their articles"] = _rows_by_class(
        TOLD_DATE_KEY, tallies)
    breakdown["timeline misses undated, by their articles' day and their ledger event"] = _rows_by_class(
        UNDATED_DAY_KEY, tallies)
    breakdown["key events' articles, by how their best report of it is dated"] = _rows_by_class(
        REPORT_DATE_KEY, tallies)
    breakdown["key events' articles with no dated report, by their ledger event's date"] = _rows_by_class(
        PLACED_KEY, tallies)
    breakdown["ledger events of key events' articles, by the days their reports state"] = _rows_by_class(
        SPREAD_KEY, tallies)
    return Scores(task="process", gold=str(gold_path), scores=out, breakdown=breakdown, counts=counts, errors=errors)


def _rows_by_class(prefix: str, tallies: dict[str, ProcessTally]) -> dict[str, dict[str, float]]:
    """The counts under ``prefix`` as a row per class, with a count per part."""
    rows: dict[str, dict[str, float]] = {}
    for key in PARTS:
        for why, n in counted(prefix, tallies[key].counts.items()).items():
            rows.setdefault(why, {})[key] = n
    return rows
