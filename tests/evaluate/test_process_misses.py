"""Why ``eval process`` misses a key event or leaves an article apart: the classes of
``evaluate/process_misses.py`` on a small made-up ledger, and their place in the scores."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from peacewatch.evaluate.process import TUNE_PROCESSES, scores_of
from peacewatch.evaluate.process_ledger import Ledger


def _event(eid: str, etype: str, actors: set[str], date: str | None, docs: list[str], mode: str | None = None,
           status: str = "occurred") -> dict[str, Any]:
    return {"id": eid, "type": etype, "mode": mode, "status": status, "actor": frozenset(actors),
            "recipient": frozenset(), "codes": frozenset(actors), "date": date, "anchor": "2024-03-10",
            "docs": frozenset(docs)}


def _report(etype: str, actors: set[str], date: str | None, ledger: str) -> dict[str, Any]:
    return {"type": etype, "status": "occurred", "mode": None, "codes": frozenset(actors), "date": date,
            "anchor": "2024-03-10", "ledger": ledger}


def _gold(*entries: dict[str, Any]) -> dict[str, Any]:
    return {"process": TUNE_PROCESSES[0], "timeline": list(entries), "commitments": []}


def _entry(tid: str, etype: str, date: str, docs: list[str], actor: str = "AAA") -> dict[str, Any]:
    return {"id": tid, "type": etype, "date": date, "actor": [actor], "docs": docs}


def test_each_missed_key_event_is_classed_by_how_far_its_reports_got(tmp_path: Path) -> None:
    events = [_event("ev-1", "ASSAULT", {"BBB"}, "2024-03-01", ["d1"]),
              _event("ev-2", "RETREAT", {"AAA"}, None, ["d2"]),
              _event("ev-3", "AGREE", {"AAA"}, "2024-03-20", ["d3"]),
              # a report dated to t5's day, in an event whose merged date is another (a later day)
              _event("ev-4", "CONSULT", {"AAA"}, "2024-03-25", ["d4", "d5"])]
    reports = {"d1": [_report("ASSAULT", {"BBB"}, "2024-03-01", "ev-1")],
               "d2": [_report("RETREAT", {"AAA"}, None, "ev-2")],
               "d3": [_report("AGREE", {"AAA"}, "2024-03-20", "ev-3")],
               "d4": [_report("CONSULT", {"AAA"}, "2024-03-05", "ev-4")],
               "d5": [_report("CONSULT", {"AAA"}, "2024-03-25", "ev-4")]}
    gold = _gold(_entry("t1", "ASSAULT", "2024-03-01", ["d1"]),  # the report names BBB
                 _entry("t2", "RETREAT", "2024-03-02", ["d2"]),  # undated
                 _entry("t3", "AGREE", "2024-03-02", ["d3"]),  # misdated
                 _entry("t4", "SANCTION", "2024-03-02", ["d1", "d2"]),  # no report of the type
                 _entry("t5", "CONSULT", "2024-03-05", ["d4"]))  # merged away
    scores = scores_of(tmp_path, [gold], Ledger(events, [], reports))
    misses = scores.breakdown["timeline misses (per part)"]["tune"]
    assert misses == {"actors": 1.0, "undated": 1.0, "misdated": 1.0, "no type": 1.0, "merged away": 1.0}
    assert scores.scores["tune_timeline_recall"] == 0.0


def test_an_undated_or_misdated_key_event_is_counted_by_whether_its_articles_state_its_date(
        tmp_path: Path) -> None:
    events = [_event("ev-1", "RETREAT", {"AAA"}, None, ["d1"]),
              _event("ev-2", "AGREE", {"AAA"}, "2024-03-20", ["d2"])]
    reports = {"d1": [_report("RETREAT", {"AAA"}, None, "ev-1")],
               "d2": [_report("AGREE", {"AAA"}, "2024-03-20", "ev-2")]}
    # d1 states t1's day (to no report); d2 states only a year and another day, so t2's day is not stated
    timexes = {"d1": [("2024-03-02", "2024-03-10")], "d2": [("2024", "2024-03-10"), ("2024-03-20", "2024-03-10")]}
    gold = _gold(_entry("t1", "RETREAT", "2024-03-02", ["d1"]), _entry("t2", "AGREE", "2024-03-02", ["d2"]))
    scores = scores_of(tmp_path, [gold], Ledger(events, [], reports, timexes=timexes))
    told = scores.breakdown["timeline misses undated or misdated, by their date in their articles"]
    assert told == {"undated / stated": {"tune": 1.0}, "misdated / not stated": {"tune": 1.0}}
    assert any("t1" in e and "(undated / stated)" in e for e in scores.errors)


def test_an_undated_key_event_is_counted_by_its_articles_day_and_its_ledger_event(tmp_path: Path) -> None:
    # t1: told undated by an article with a publication day and one with no day, its ledger event dated
    # (to another day); t2: told only by an article with no day, its ledger event undated; t3: told by
    # an article dated from its text (undated), its event undated; t4 is misdated, not counted here
    events = [_event("ev-1", "RETREAT", {"AAA"}, "2024-02-01", ["d1", "d2"]),
              _event("ev-2", "AGREE", {"AAA"}, None, ["d3"]),
              _event("ev-3", "CONSULT", {"AAA"}, None, ["d4"]),
              _event("ev-4", "ASSAULT", {"AAA"}, "2024-03-20", ["d1"])]
    reports = {"d1": [_report("RETREAT", {"AAA"}, None, "ev-1"), _report("ASSAULT", {"AAA"}, "2024-03-20", "ev-4")],
               "d2": [_report("RETREAT", {"AAA"}, None, "ev-1")],
               "d3": [_report("AGREE", {"AAA"}, None, "ev-2")],
               "d4": [_report("CONSULT", {"AAA"}, None, "ev-3")]}
    days = {"d1": "publication day", "d2": "no day", "d3": "no day", "d4": "day from its text"}
    gold = _gold(_entry("t1", "RETREAT", "2024-03-02", ["d1", "d2"]), _entry("t2", "AGREE", "2024-03-02", ["d3"]),
                 _entry("t3", "CONSULT", "2024-03-02", ["d4"]), _entry("t4", "ASSAULT", "2024-03-02", ["d1"]))
    scores = scores_of(tmp_path, [gold], Ledger(events, [], reports, days=days))
    assert scores.breakdown["timeline misses (per part)"]["tune"] == {"undated": 3.0, "misdated": 1.0}
    assert scores.breakdown["timeline misses undated, by their articles' day and their ledger event"] == {
        "publication day / ledger dates it": {"tune": 1.0}, "no day / ledger leaves it undated": {"tune": 1.0},
        "day from its text / ledger leaves it undated": {"tune": 1.0}}


def test_each_article_a_paired_event_leaves_out_is_classed(tmp_path: Path) -> None:
    events = [_event("ev-1", "RETREAT", {"AAA"}, "2024-03-05", ["d1", "d2"], mode="release"),
              _event("ev-2", "RETREAT", {"AAA"}, "2024-03-05", ["d3"], mode="ceasefire"),
              _event("ev-3", "RETREAT", {"AAA"}, "2024-03-05", ["d4"], mode="release"),
              _event("ev-4", "RETREAT", {"CCC"}, "2024-03-05", ["d5"], mode="release")]
    reports = {"d3": [_report("RETREAT", {"AAA"}, "2024-03-05", "ev-2")],
               "d4": [_report("RETREAT", {"AAA"}, "2024-03-05", "ev-3")],
               "d5": [_report("RETREAT", {"AAA", "CCC"}, "2024-03-05", "ev-4")],
               "d6": [_report("RETREAT", {"AAA"}, None, "ev-9")],
               "d7": [_report("RETREAT", {"AAA"}, "2024-04-30", "ev-9")],
               "d8": [_report("ASSAULT", {"AAA"}, "2024-03-05", "ev-9")]}
    gold = _gold(_entry("t1", "RETREAT", "2024-03-05", [f"d{i}" for i in range(1, 9)]))
    scores = scores_of(tmp_path, [gold], Ledger(events, [], reports))
    apart = scores.breakdown["articles apart (per part)"]["tune"]
    # ev-4's actors (CCC) share none with ev-1's (AAA), though its report also names AAA
    assert apart == {"other mode": 1.0, "compatible": 1.0, "other actors": 1.0, "undated": 1.0,
                     "misdated": 1.0, "no report": 1.0}


def test_each_misdated_article_is_classed_by_how_its_nearest_date_misses(tmp_path: Path) -> None:
    events = [_event("ev-1", "RETREAT", {"AAA"}, "2024-03-05", ["d1", "d2"])]
    reports = {"d3": [_report("RETREAT", {"AAA"}, "2024-03-09", "ev-9")],  # four days off
               "d4": [_report("RETREAT", {"AAA"}, "2024-04-30", "ev-9")],  # eight weeks off
               "d5": [_report("RETREAT", {"AAA"}, "2024-02", "ev-9")],  # a month that does not hold it
               # a day four days off beside a far one: the nearest counts
               "d6": [_report("RETREAT", {"AAA"}, "2024-05-30", "ev-9"),
                      _report("RETREAT", {"AAA"}, "2024-03-01", "ev-9")]}
    gold = _gold(_entry("t1", "RETREAT", "2024-03-05", [f"d{i}" for i in range(1, 7)]))
    scores = scores_of(tmp_path, [gold], Ledger(events, [], reports))
    assert scores.breakdown["articles apart (per part)"]["tune"] == {"misdated": 4.0}
    assert scores.breakdown["articles misdated, by kind (per part)"]["tune"] == {"near": 2.0, "far": 1.0, "coarse": 1.0}


def test_each_key_events_article_is_counted_by_how_its_best_report_is_dated(tmp_path: Path) -> None:
    events = [_event("ev-1", "RETREAT", {"AAA"}, "2024-03-02", ["d1"]),
              _event("ev-2", "RETREAT", {"AAA"}, "2024-03", ["d2"]),
              _event("ev-3", "RETREAT", {"AAA"}, "2024-03-09", ["d3"]),
              _event("ev-4", "RETREAT", {"AAA"}, "2023", ["d4"]),
              _event("ev-5", "RETREAT", {"AAA"}, "2024-05-01", ["d5"]),
              # an undated report whose ledger event the ledger dated right (by another report, or placed)
              _event("ev-6", "RETREAT", {"AAA"}, "2024-03-01", ["d6", "d1"]),
              _event("ev-7", "RETREAT", {"AAA"}, None, ["d7"])]
    reports = {"d1": [_report("RETREAT", {"AAA"}, "2024-03-02", "ev-1"),
                      _report("RETREAT", {"AAA"}, "2024-05-01", "ev-5")],  # the best of an article counts
               "d2": [_report("RETREAT", {"AAA"}, "2024-03", "ev-2")],
               "d3": [_report("RETREAT", {"AAA"}, "2024-03-09", "ev-3")],
               "d4": [_report("RETREAT", {"AAA"}, "2023", "ev-4")],
               "d5": [_report("RETREAT", {"AAA"}, "2024-05-01", "ev-5")],
               "d6": [_report("RETREAT", {"AAA"}, None, "ev-6")],
               # a relative date in an article with no day: no publication day, nothing to count from
               "d7": [{**_report("RETREAT", {"AAA"}, "XXXX-WXX-3", "ev-7"), "anchor": None}],
               "d8": [_report("RETREAT", {"BBB"}, "2024-03-02", "ev-1")]}  # no report with the gold party
    gold = _gold(_entry("t1", "RETREAT", "2024-03-02", ["d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8"]))
    scores = scores_of(tmp_path, [gold], Ledger(events, [], reports))
    dated = scores.breakdown["key events' articles, by how their best report of it is dated"]
    assert dated == {"exact": {"tune": 1.0}, "coarse, holds it": {"tune": 1.0}, "near": {"tune": 1.0},
                     "coarse, misses it": {"tune": 1.0}, "far": {"tune": 1.0}, "none": {"tune": 1.0},
                     "unplaced / no publication day": {"tune": 1.0}}
    placed = scores.breakdown["key events' articles with no dated report, by their ledger event's date"]
    assert placed == {"none -> exact": {"tune": 1.0}, "unplaced -> none": {"tune": 1.0}}


def test_the_ledger_events_of_key_events_articles_are_counted_by_how_far_apart_their_days_are(
        tmp_path: Path) -> None:
    # a merged event takes one of its reports' dates: days within the scorer's two days of each other
    # cannot misdate it, days further apart can; a month, a year or no date states no day
    events = [_event("ev-1", "RETREAT", {"AAA"}, "2024-03-02", ["d1", "d2"]),
              _event("ev-2", "RETREAT", {"AAA"}, "2024-03-02", ["d1", "d3"]),
              _event("ev-3", "RETREAT", {"AAA"}, "2024-03-04", ["d2"]),
              _event("ev-4", "RETREAT", {"AAA"}, "2024-03", ["d3", "d4"]),
              _event("ev-5", "RETREAT", {"AAA"}, "2024-03-05", ["d9"])]
    reports = {"d1": [_report("RETREAT", {"AAA"}, "2024-03-02", "ev-1"),
                      _report("RETREAT", {"AAA"}, "2024-03-02", "ev-2")],
               "d2": [_report("RETREAT", {"AAA"}, "2024-03-04", "ev-1"),
                      _report("RETREAT", {"AAA"}, "2024-03-04", "ev-3")],
               "d3": [_report("RETREAT", {"AAA"}, "2024-03-09", "ev-2"),
                      _report("RETREAT", {"AAA"}, "2024-03", "ev-4")],
               "d4": [_report("RETREAT", {"AAA"}, None, "ev-4")],
               # an article no key event lists: its event is not counted, though its days are far apart
               "d9": [_report("RETREAT", {"AAA"}, "2024-03-05", "ev-5"),
                      _report("RETREAT", {"AAA"}, "2024-04-05", "ev-5")]}
    gold = _gold(_entry("t1", "RETREAT", "2024-03-02", ["d1", "d2"]), _entry("t2", "RETREAT", "2024-03", ["d3", "d4"]))
    scores = scores_of(tmp_path, [gold], Ledger(events, [], reports))
    spread = scores.breakdown["ledger events of key events' articles, by the days their reports state"]
    assert spread == {"days within two": {"tune": 1.0}, "days further apart": {"tune": 1.0},
                      "one day": {"tune": 1.0}, "no day": {"tune": 1.0}}
