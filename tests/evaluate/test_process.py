"""``peacewatch eval process``: the scorer's definitions on a small made-up ledger, the command's
errors, and the figures on the dev corpus (ingested once; skipped without ../shared)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from peacewatch.errors import EvalError
from peacewatch.evaluate.process import (
    TUNE_PROCESSES,
    gold_files,
    read_process,
    score_one,
    scores_of,
)
from peacewatch.evaluate.process_ledger import load_ledger
from peacewatch.evaluate.process_match import timeline_dates_agree, types_compatible


def _event(eid: str, etype: str, actor: str, date: str | None, docs: list[str],
           recipient: str | None = None) -> dict[str, Any]:
    return {"id": eid, "type": etype, "date": date, "first_reported": "2024-03-10",
            "actor": [{"entity": f"state:{actor}", "code": actor}],
            "recipient": [{"entity": f"state:{recipient}", "code": recipient}] if recipient else [],
            "mentions": [{"doc": d} for d in docs]}


def _commitment(cid: str, obligor: str, atype: str, made: str, status: str, event: str = "ev-1",
                fulfilled_on: str | None = None, fulfilled_by: list[str] | None = None) -> dict[str, Any]:
    return {"id": cid, "event": event, "obligor": [f"state:{obligor}"], "beneficiary": [],
            "action": {"type": atype, "mode": "release"}, "made": made, "status": status,
            "fulfilled_on": fulfilled_on, "fulfilled_by": fulfilled_by or []}


GOLD = {
    "process": "made-up",
    "timeline": [
        {"id": "t1", "date": "2024-03-05", "type": "RETREAT", "actor": ["AAA"], "docs": ["d1", "d2", "d3"]},
        {"id": "t2", "date": "2024-03-09", "type": "ASSAULT", "actor": ["BBB"], "docs": ["d2", "d4"]},
        {"id": "t3", "date": "2024-04", "type": "CONSULT", "actor": ["AAA"], "docs": ["d5"]},
    ],
    "commitments": [
        {"id": "c1", "made": "2024-03-01", "obligor": ["AAA"], "beneficiary": [],
         "action": {"type": "CONCEDE", "mode": "release"}, "status": "fulfilled",
         "fulfilled_on": "2024-03-05", "fulfilled_by": "t1"},
        {"id": "c2", "made": "2024-01-01", "obligor": ["BBB"], "beneficiary": [],
         "action": {"type": "RETREAT", "mode": "ceasefire"}, "status": "broken"},
    ],
}


def _ledger() -> Any:
    events = [
        _event("ev-1", "RETREAT", "AAA", "2024-03-06", ["d1", "d2", "d9"]),  # a day off: still t1
        _event("ev-2", "COERCE", "BBB", "2024-03-09", ["d4"]),  # t2, compatible type, one article
        _event("ev-3", "CONSULT", "AAA", None, ["d5"]),  # no date agrees with nothing
    ]
    commitments = [
        _commitment("cm-1", "AAA", "RETREAT", "2024-03-04", "fulfilled", fulfilled_on="2024-03-06",
                    fulfilled_by=["ev-1"]),
        _commitment("cm-2", "BBB", "RETREAT", "2024-02-01", "open", event="ev-2"),  # made a month off
    ]
    return load_ledger(events, commitments, [{"id": "state:AAA", "code": "AAA"}])


def test_dates_and_types_follow_the_shared_scorer() -> None:
    assert timeline_dates_agree("2024-03-07", "2024-03-05")
    assert not timeline_dates_agree("2024-03-08", "2024-03-05")
    assert timeline_dates_agree("2024-03", "2024-03-31")
    assert timeline_dates_agree("PRESENT_REF", "2024-03-10", anchor="2024-03-10")
    assert not timeline_dates_agree(None, "2024-03-10")
    assert types_compatible("AGREE", "SUPPORT") and types_compatible("ASSAULT", "COERCE")
    assert not types_compatible("RETREAT", "CONCEDE")
    assert types_compatible("RETREAT", "CONCEDE", commitment=True)


def test_one_process_is_scored_on_timeline_merging_and_commitments() -> None:
    tally, errors = score_one(GOLD, _ledger())
    c = tally.counts
    assert (c["timeline_found"], c["timeline"]) == (2, 3)
    # t1 and t2 are multi-source; ev-1 joins two documents, ev-2 one
    assert (c["multi_joined"], c["multi"]) == (1, 2)
    # ev-1 makes three pairs of articles (d1-d2 right, d1-d9 and d2-d9 wrong) of the four wanted
    assert (c["pairs_right"], c["pairs_made"], c["pairs_joined"], c["pairs_gold"]) == (1, 3, 1, 4)
    assert (c["commitments_found"], c["status_right"]) == (1, 1)
    assert (c["day_right"], c["both_fulfilled"]) == (1, 1)
    assert any("timeline missed t3" in e for e in errors)
    assert any("commitment missed c2" in e for e in errors)
    assert any("t2 (2 articles) is one article's event ev-2" in e for e in errors)


def test_a_wrong_fulfilment_day_and_a_wrong_status_count_against() -> None:
    ledger = _ledger()
    ledger.commitments[0]["fulfilled_on"] = "2024-03-20"
    tally, _ = score_one(GOLD, ledger)
    assert (tally.counts["day_right"], tally.counts["both_fulfilled"]) == (0, 1)
    ledger.commitments[0]["status"] = "open"
    tally, errors = score_one(GOLD, ledger)
    assert tally.counts["status_right"] == 0
    assert "commitment c1 status gold fulfilled pred open (cm-1)" in " ".join(errors)


def test_parts_sum_their_processes_and_only_tuning_errors_are_listed(tmp_path: Path) -> None:
    tune, untouched = dict(GOLD, process=TUNE_PROCESSES[0]), dict(GOLD, process="sudan")
    scores = scores_of(tmp_path, [tune, untouched], _ledger())
    assert scores.scores["tune_timeline_recall"] == pytest.approx(2 / 3)
    assert scores.scores["untouched_timeline_recall"] == pytest.approx(2 / 3)
    assert scores.scores["all_multi_source_share"] == pytest.approx(0.5)
    assert scores.scores["all_merge_precision"] == pytest.approx(1 / 3)
    assert scores.breakdown["per part"]["tune"]["of_tl"] == 3.0
    assert scores.errors and all(e.startswith(TUNE_PROCESSES[0]) for e in scores.errors)


def test_the_status_of_commitments_found_is_counted_gold_by_predicted_per_part(tmp_path: Path) -> None:
    ledger = _ledger()
    ledger.commitments[0]["status"] = "open"
    tune, untouched = dict(GOLD, process=TUNE_PROCESSES[0]), dict(GOLD, process="sudan")
    scores = scores_of(tmp_path, [tune, untouched, tune], ledger)
    # c1 (gold fulfilled) is found twice in the tuning part, both times called open; c2 is missed
    assert scores.breakdown["status tune (gold x predicted)"] == {"gold fulfilled": {"open": 2.0}}
    assert scores.breakdown["status untouched (gold x predicted)"] == {"gold fulfilled": {"open": 1.0}}


def test_commitments_missed_are_counted_by_the_nearest_thing_the_ledger_has(tmp_path: Path) -> None:
    """A missed gold commitment is counted by why: a promise of its act by its obligor made more than a week
    off (``made``), one of that week bound on other parties (``obligor``), one of that week of another act
    (``type``), else ``none``; a wrong status by what decided the ledger's."""
    def missed(**change: Any) -> dict[str, float]:
        ledger = _ledger()
        ledger.commitments[1].update(change)
        scores = scores_of(tmp_path, [dict(GOLD, process="sudan")], ledger)
        return scores.breakdown["commitments missed (per part)"]["untouched"]

    assert missed() == {"made": 1.0}  # cm-2 is BBB's retreat, made a month after c2
    assert missed(made="2024-01-03", obligor=frozenset({"CCC"})) == {"obligor": 1.0}
    assert missed(made="2024-01-03", type="AID") == {"type": 1.0}
    assert missed(made="2024-01-03", type="AID", obligor=frozenset({"CCC"})) == {"none": 1.0}
    ledger = _ledger()
    ledger.commitments[0].update(status="broken", broken_by=["ev-2"])
    scores = scores_of(tmp_path, [dict(GOLD, process=TUNE_PROCESSES[0])], ledger)
    assert scores.breakdown["wrong status decided by (gold status, ledger's)"] == {
        "gold fulfilled, broken by COERCE/-": {"tune": 1.0}}


def test_a_missed_commitment_is_counted_by_whether_a_sentence_of_its_articles_states_it(tmp_path: Path) -> None:
    """A sentence states a missed gold commitment when it holds words of an undertaking, three content words
    of the gold description and a gold obligor (or an agreement's words); else it is ``unstated``."""
    from peacewatch.evaluate.process_commitment_misses import stated_miss

    gold = {"obligor": ["BBB"], "docs": ["d4"], "description": "Cease fire along the northern border crossings",
            "action": {"type": "RETREAT", "mode": "ceasefire"}}
    ledger = _ledger()
    ledger.sentences = {"d4": [("the army fired along the northern border crossings.", frozenset({"BBB"}))]}
    assert stated_miss(gold, ledger) == ("unstated", None)  # no undertaking: what happened
    ledger.sentences["d4"].append(("bbb will cease fire along the northern border crossings.", frozenset({"BBB"})))
    assert stated_miss(gold, ledger)[0] == "stated"
    ledger.sentences["d4"] = [("ccc will cease fire along the northern border crossings.", frozenset({"CCC"}))]
    assert stated_miss(gold, ledger)[0] == "unstated"  # another party's undertaking
    ledger.commitments[1].update(made="2024-02-20")
    scores = scores_of(tmp_path, [dict(GOLD, process="sudan")], ledger)
    assert scores.breakdown["commitments missed, by a sentence stating them (per part)"]["untouched"] == {
        "unstated / made": 1.0}


def test_gold_is_a_file_or_a_folder_of_process_files(tmp_path: Path) -> None:
    with pytest.raises(EvalError) as caught:
        gold_files(tmp_path)
    assert caught.value.code == "E050"
    path = tmp_path / "x.process.json"
    path.write_text(json.dumps({"timeline": [], "commitments": []}), "utf-8")
    assert gold_files(tmp_path) == [path] == gold_files(path)
    assert read_process(path)["process"] == "x"
    path.write_text(json.dumps({"timeline": []}), "utf-8")
    with pytest.raises(EvalError):
        read_process(path)


def test_an_inferred_day_is_exact_near_wrong_or_none() -> None:
    import datetime as dt

    from peacewatch.evaluate.dating import dating_rows, outcome

    real = dt.date(2023, 11, 24)
    assert outcome("2023-11-24", real) == "exact"
    assert outcome("2023-11-21", real) == outcome("2023-11-27", real) == "near"
    assert outcome("2023-11-20", real) == outcome("2022-11-24", real) == "wrong"
    assert outcome(None, real) == outcome("XXXX-11-24", real) == "none"
    from collections import Counter
    rows = dating_rows({"tune": Counter(exact=3, wrong=1)})
    assert rows["tune"] == {"exact": 3.0, "near": 0.0, "wrong": 1.0, "none": 0.0, "articles": 4.0}


# Floors on the dev corpus: measured minus about 0.01 (tune: colombia-eln, drc-rwanda-m23,
# ethiopia-tplf, israel-hamas; untouched: russia-ukraine, serbia-kosovo, sudan, only scored).
# With undated articles dated from their text: tune timeline 41 -> 43 of 77, untouched commitments
# 16 -> 20 of 35, untouched multi-source 11/19 -> 13/20; tune status 14/28 -> 13/28 (an airline's
# "resumed flights" read as an attack, now dated, breaks the Pretoria truce). Dating itself, on the
# dated articles with their date hidden: right within three days for 29 of 51 (tune), 16 of 34.
# Placing their undated reports on that day: untouched merge recall 0.07 -> 0.09, status 4 -> 5 of 20.
# After merging this session's event, actor, quote and time work: tune timeline 46/77, status 15/28;
# untouched timeline 29/58; untouched multi-source 12/22 (more key events now have a ledger event, so
# the share is over 22 instead of 20: one fewer of them joins two articles).
# Merging across outlets (an undated act joining the dated one of its mode just before it, a seizure
# the attack of the same group that day, both sides' SUPPORT their agreement): tune multi-source
# 12/28 -> 15/28, merge precision / recall 0.976 / 0.073 -> 0.982 / 0.100; untouched multi-source
# 12/22 -> 13/22, merge 0.800 / 0.096 -> 0.857 / 0.143.
# An undated article whose only year is in a day to come dated by its past days before it
# (extract/dating.py): tune merge 0.982 / 0.100 -> 0.984 / 0.111; the rest unchanged.
FLOORS = {"tune_timeline_recall": 0.59, "tune_multi_source_share": 0.53, "tune_commitments_recall": 0.57,
          "tune_status_accuracy": 0.53, "untouched_timeline_recall": 0.5, "untouched_commitments_recall": 0.57,
          "untouched_multi_source_share": 0.58, "untouched_merge_recall": 0.13, "untouched_status_accuracy": 0.25,
          "tune_dating_near": 0.56, "untouched_dating_near": 0.5, "tune_merge_recall": 0.1,
          "tune_merge_precision": 0.97, "untouched_merge_precision": 0.85}

# Commitments (issue #14: a truce that took effect stays kept, provisions told as nouns, one truce per
# day and states, the opposite act must reach another party): tune found 28 -> 36 of 49, status
# 15/28 -> 25/36, fulfilment day 3/5 -> 5/7; untouched found 20 -> 21 of 35, status 5/20 -> 9/21, day 1/3.
# On the merged code (cross-outlet merging dates the Pretoria deal on its day) tune status fell to 24/36
# until a promise's own articles tell its terms, not its keeping: 25/36 again; the rest as above.
FLOORS.update({"tune_commitments_recall": 0.72, "tune_status_accuracy": 0.68, "tune_fulfilment_day": 0.7,
               "untouched_commitments_recall": 0.59, "untouched_status_accuracy": 0.42,
               "untouched_fulfilment_day": 0.32})
# Status on unseen processes (the promised count on the promise, passive obligors, what breaks a
# truce, what fulfils): tune status 25/36 -> 26/36; found and fulfilment day, and untouched, unchanged.
FLOORS.update({"tune_status_accuracy": 0.71})


# Timeline and merging (issue #14, this round): a report joins the cluster with the strongest evidence,
# not the first that takes it; an undated event sentence inherits the date the narrative just stated for
# an earlier act of its family; a relative clause of the trigger telling that it took place dates it.
# Tune merge P/R 0.984/0.111 -> 0.985/0.121, multi-source 15/28 -> 16/29, timeline 46/77; untouched
# merge 0.860/0.147 -> 0.865/0.154, multi-source 13/22, timeline 29/58.
FLOORS.update({"tune_merge_recall": 0.11, "tune_merge_precision": 0.975, "untouched_merge_recall": 0.14,
               "untouched_merge_precision": 0.855})
# A merged event whose reports say only "now" (PRESENT_REF) is dated by the earliest such report's
# publication day instead of left undated (the two untouched key events the breakdown counted as
# "merged away": a report dated to them in an event that was not): untouched timeline 29 -> 31 of 58;
# one more multi-source key event is then paired, with a one-article event, so the untouched
# multi-source share is 13/23 (0.565) instead of 13/22 (0.591) and merge recall 0.154 -> 0.143: the
# floor of the share moves down for a key event found, not one merged less. Tune unchanged.
FLOORS.update({"untouched_timeline_recall": 0.52, "untouched_multi_source_share": 0.55})
# A later report by an obligor that the promised act missed its target ("failed to meet their target of
# signing a peace agreement by August") makes the promise overdue (branch commit's rule, with the words
# riding on the merged event and read by the stored source): tune status 26 -> 27 of 36; untouched as before.
FLOORS.update({"tune_status_accuracy": 0.74})
# A statement (PLOVER's verbal conflict: a demand, an accusation, a refusal, a threat) that was said and
# that no report dates is dated by its first report's publication day, as the news tells what was said
# the day it was said (the breakdown's commonest kind of undated and misdated miss on both parts: no
# time expression in the sentence and none to inherit): tune timeline 46 -> 48 of 77, untouched
# 31 -> 34 of 58. Two more key events are then paired on each part with one-article events (no pair of
# articles is joined less: multi-source 16 and 13 as before), so the shares are 16/31 (0.516) and
# 13/25 (0.520) and merge recall 0.121 -> 0.120 and 0.143 -> 0.142: the share floors move down for
# key events found, not for one merged less.
FLOORS.update({"tune_timeline_recall": 0.62, "untouched_timeline_recall": 0.58, "tune_multi_source_share": 0.51,
               "untouched_multi_source_share": 0.51})
# An act that happened, told undated in an article's lead (its first 150 characters: headline and first
# sentence), is dated by the first such article's publication day when no report dates it (the day is the
# merged record's; merging is unchanged): tune 48/77 and multi-source 16/31 -> 17/31, merge 0.987/0.140 ->
# 0.988/0.142; untouched timeline 34 -> 37 of 58. No report is clustered otherwise; two more untouched
# multi-source key events are found and paired with one-article events (13 joined, as before), so the
# untouched share is 13/27 (0.481) and its merge recall 0.142 -> 0.138: the floors move down for key
# events found and paired anew, not for one merged less.
FLOORS.update({"untouched_timeline_recall": 0.63, "untouched_multi_source_share": 0.47,
               "untouched_merge_recall": 0.135})
# An act the ledger cannot date (no report states its day, says "now" or tells it as its article's news)
# keeps no promise (coding guide: a later report shows the act, with its date): "the talks included ... an
# exchange of prisoners" no longer keeps the Doha exchange. Tune status 28 -> 29 of 37; untouched 11/22.
FLOORS.update({"tune_status_accuracy": 0.78})
# The merge of this round's branches (the events rules for news and for articles, with the two rules above):
# one more untouched key event is found (timeline 37 -> 38 of 58) and one more untouched promise is right
# (status 11 -> 12 of 22); the key event found is multi-source and paired with a one-article event, so the
# untouched share is 13/28 (0.464) with 13 joined as before and merge recall 0.138 -> 0.136.
FLOORS.update({"untouched_timeline_recall": 0.65, "untouched_status_accuracy": 0.54,
               "untouched_multi_source_share": 0.46})
# The event model retrained on this round's rules (news CV 0.713 -> 0.747; eval docs untouched type+actor
# 0.537 -> 0.543) leaves every tuning cluster with the same articles (docs/events.md, "Sixth round: news
# sentences"), but one report it retypes rightly gives the seven-article ledger event of the Washington
# signing another hashed id; the pairing then breaks a full tie with a two-article duplicate of that
# signing by list order, as the shared scorer does: tune merge precision / recall 0.988 / 0.142 ->
# 0.967 / 0.104. Every untouched figure, the timeline and status are unchanged.
FLOORS.update({"tune_merge_precision": 0.96, "tune_merge_recall": 0.10})
# Commitments, sixth round (docs/ledger.md): only the promised act keeps a promise (an agreement of no named
# act is not kept by whatever retreat, cooperation or aid follows; a retreat only by one of its mode) and a
# rejection of something breaks no agreement: untouched status 12 -> 16 of 22, fulfilment day 1/3 -> 1/2
# (the pair it loses, a gold fulfilled promise now open, was on a wrong day); tune unchanged (29 of 37, 6 of 7).
FLOORS.update({"untouched_status_accuracy": 0.72, "untouched_fulfilment_day": 0.49})
# Seventh round (docs/ledger.md, "Sixth round: merging and the timeline"). A recipient also among a
# report's actors contradicts nothing: the Washington signing is one event again (tune merge 0.967 /
# 0.104 -> 0.975 / 0.140). Then a report told less precisely than a day joins the one cluster where
# another outlet tells the act of its actor on a day within its date (not with two such): tune multi-source
# 17/31 -> 19/31 (0.613), merge 0.975 / 0.140 -> 0.952 / 0.143; untouched 13/28 -> 16/28 (0.571), merge
# 0.865 / 0.136 -> 0.860 / 0.148. The tune precision floor moves down from 0.96 to 0.95 (the bound)
# for that trade; every other floor moves up or stays.
FLOORS.update({"tune_merge_precision": 0.95, "tune_merge_recall": 0.13, "tune_multi_source_share": 0.6,
               "untouched_multi_source_share": 0.56, "untouched_merge_recall": 0.14})
# The lead's merge of the round (docs/ledger.md, "a date dates the act it modifies"): the two ledger
# rounds together put one untouched commitment back (status 15 -> 16 of 22 with the dating scope) and
# the dating scope leaves one more report undated, so one multi-source key event fewer is joined
# (16 -> 15 of 28, 0.536). Both rules are the coding guide's; the multi-source floor moves to 0.53 with
# that trade, every other floor stays.
FLOORS.update({"untouched_multi_source_share": 0.53})
# Commitments, seventh round (docs/ledger.md, "seventh round: commitments"): a promise is never kept before
# it was made; no figure moved (tune 37/49, 29/37, 6/7; untouched 22/35, 16/22, 1/2). The found and
# fulfilment-day floors, left at earlier rounds' figures, move up to the measured ones less about 0.01.
FLOORS.update({"tune_commitments_recall": 0.74, "untouched_commitments_recall": 0.62, "tune_fulfilment_day": 0.85})
# Eighth round (docs/ledger.md, "Seventh round: merging and the timeline"): an article without a
# publication day counts by the day its byline stamp, web address or dateline gives where the ledger
# dates an event by its first report: untouched timeline 38 -> 39 of 58 (0.672); tune unchanged.
FLOORS.update({"untouched_timeline_recall": 0.67})
# Its follow-up (docs/ledger.md, "the wrong date and the breach"): a truce's length counts only from the day
# it is read to take effect, and an obligor's dated fighting with no recipient breaks its truce: untouched
# status 16 -> 18 of 22 (two gold truces met by one ledger truce), every other figure unchanged.
FLOORS.update({"untouched_status_accuracy": 0.81})
# Ninth round (docs/ledger.md, "Eighth round: merging and the timeline"): a promise to concede merges with
# the concession announced (AGREE future, not a promise to meet, under CONCEDE's kind): untouched
# multi-source 15 -> 16 of 28 (0.571), merge 0.857 / 0.145 -> 0.860 / 0.148; tune unchanged.
FLOORS.update({"untouched_multi_source_share": 0.56})
# Commitments, eighth round (docs/ledger.md, "eighth round: commitments"): an announced clause of carrying
# out a deal told by a verb no event rule types ("the mediators will monitor the ceasefire") is a promise
# of its subject's parties: tune found 37 -> 38 of 49 (0.776), status 29/37 -> 30/38; untouched found
# 22 -> 24 of 35 (0.686), status 18/22 -> 20/24 (0.833); fulfilment day unchanged (6/7, 1/2).
FLOORS.update({"tune_commitments_recall": 0.77, "untouched_commitments_recall": 0.68,
               "untouched_status_accuracy": 0.82})
# Tenth round (docs/ledger.md, "Tenth round: merging"): the lone fit also joins two undated reports of
# different articles whose days overlap, when no second cluster tells that act of the actor then: tune
# multi-source 19 -> 20 of 31 (0.645), merge 0.952 / 0.143 -> 0.957 / 0.158; untouched 16 -> 17 of 28
# (0.607), merge 0.860 / 0.148 -> 0.862 / 0.151; the timeline and commitments unchanged.
FLOORS.update({"tune_multi_source_share": 0.64, "untouched_multi_source_share": 0.6, "tune_merge_recall": 0.15,
               "untouched_merge_recall": 0.145})
# Tenth round (docs/ledger.md, "Tenth round: the timeline"): the act a count runs from ("comes a week after
# Blinken visited", "after five months of truce") is dated by the clause the count hangs on, moved back by
# the count: tune timeline 48 -> 49 of 77 (0.636; two key events found, one lost that only a war misdated
# to a designation's month had found); tune multi-source 19/31 -> 19/30; untouched unchanged (39/58).
FLOORS.update({"tune_timeline_recall": 0.63})
# Commitments, tenth round (docs/ledger.md, "Tenth round: commitments"): a joint body in the plural or a
# committee is a provision noun ("verification and monitoring mechanisms", "a joint implementation
# committee"): untouched found 24 -> 25 of 35 (0.714), status 20/24 -> 21/25 (0.840); tune unchanged.
FLOORS.update({"untouched_commitments_recall": 0.71, "untouched_status_accuracy": 0.83})
# Events, tenth round (docs/events.md, "Tenth round"): services and links restored or resumed are COOPERATE,
# gratitude is SUPPORT, "scheduled/due to" announce the act: tune timeline 48 -> 51 of 77 (0.662), multi-source
# 19/31 -> 20/33 (0.606: two more key events found, paired with one-article events), merge 0.953 / 0.144;
# every untouched figure unchanged.
FLOORS.update({"tune_timeline_recall": 0.65})
# Tenth round, second part (docs/ledger.md, "Tenth round (second part): the timeline"): an act told in the
# background with a day of its own is an event of that day ("the Declaration of Principles signed on April
# 25", "during the third round of talks, which began on May 2"): tune timeline 52 -> 54 of 77 (0.701),
# multi-source 21/32 -> 23/34 (0.676), merge 0.957 / 0.159 -> 0.946 / 0.153; every untouched figure unchanged.
# The precision lost is one pair: the merging joins the new dated signing (dev-103) with another article's
# "agreeing to negotiations in April" (one actor shared, AGREE and SUPPORT compatible), a question for merging.
FLOORS.update({"tune_timeline_recall": 0.70, "tune_multi_source_share": 0.67, "tune_merge_precision": 0.94})
# Eleventh round (docs/ingest.md, "Link lines"): a web page's link line ("ALSO READ: …") is a sentence
# boundary, and the signing of April 25 that the parser had lost in the line's run-on sentence joins that
# declaration's cluster: one right pair with the other article reporting it, one wrong with the
# "agreeing to negotiations in April" the cluster already held (above: a question for merging). Tune
# merge 0.946 / 0.153 -> 0.936 / 0.155; every other figure, tuned and untouched, unchanged.
FLOORS.update({"tune_merge_precision": 0.93, "tune_merge_recall": 0.154})

# Eleventh round (docs/ledger.md, "Eleventh round: the timeline"): a second date closing another verb's
# relative clause dates the sentence ("talks that were suspended in 2019 on Nov. 22, 2022"), and an event
# with no date of its own takes the time adjunct of the act it agrees to ("agreed to sit down ... in early
# October"): tune timeline 54 -> 56 of 77 (0.727); the Caracas talks, a key event of three articles, are now
# paired with the one article's event that dates them, so multi-source 23/34 -> 23/35 (0.657) and the floor
# moves to 0.65 with that trade; every untouched figure unchanged.
FLOORS.update({"tune_timeline_recall": 0.72, "tune_multi_source_share": 0.65})

# Its second change: an act in a "when" clause of an earlier one ("earlier peace efforts were disrupted when
# two soldiers were killed in an ELN attack") is an earlier one, PAST_REF: tune timeline 56 -> 57 of 77
# (0.740). That attack had been merged with the January 2025 Catatumbo offensive of another article (both
# undated or dated to it), the only join of that key event's articles, so tune multi-source 23/35 -> 22/35
# (0.629) and merge 0.946 / 0.152 -> 0.945 / 0.151: a wrong join undone. Every untouched figure unchanged.
FLOORS.update({"tune_timeline_recall": 0.73, "tune_multi_source_share": 0.62})
# Eleventh round (docs/actors.md, "Eleventh round: datelines and undated articles"): a dateline is never an
# event's actor ("Havana – The Government of Colombia and the ELN announced …" had no actor): tune
# multi-source 23 -> 24 of 34 (0.706), merge 0.946 / 0.153 -> 0.946 / 0.155; every untouched figure unchanged.
FLOORS.update({"tune_multi_source_share": 0.69})
# With the timeline's two dating changes beside it (the lead's merge of the round): tune multi-source 23/35
# (0.657; the dateline's gain and the timeline's two trades above), timeline 57/77, merge 0.936 / 0.154;
# every untouched figure as on main.
FLOORS.update({"tune_multi_source_share": 0.65})
# Eleventh round (docs/ledger.md, "Eleventh round: merging"): a shared actor whose dates agree only as a month
# or a year is no evidence when each report names another coded party the other does not (the DRC "agreeing
# to negotiations" with the M23 in April is not its signing with Rwanda on 25 April): tune merge 0.936 / 0.154
# -> 0.957 / 0.154; every other figure, tuned and untouched, unchanged.
FLOORS.update({"tune_merge_precision": 0.95})
# Twelfth round (docs/ledger.md, "Twelfth round: dating the timeline"): a group designated or declared a
# terrorist organisation is COERCE/restrict (weak rows), dated by its own adjunct ("were declared terrorist
# organizations in May 2021 by the House"): tune timeline 57 -> 58 of 77 (0.753). That key event has three
# articles and is paired with the one article's event that names a party (the other two tell it as a passive
# with no agent, which a weak row does not keep), so tune multi-source 23/35 -> 23/36 (0.639) and the floor
# moves to 0.63 with that trade, and tune merge recall 0.154 -> 0.153 (its three articles' pairs, now counted,
# are not joined); every untouched figure unchanged.
FLOORS.update({"tune_timeline_recall": 0.75, "tune_multi_source_share": 0.63, "tune_merge_recall": 0.152})
# Its second change: a run of nouns the parser reads as a participle clause ("agreement on the ceasefire
# monitoring mechanism on October 14": "monitoring" a participle with "mechanism" its object) is one noun
# phrase, so the date hung on the "participle" dates the phrase's act: tune timeline 58 -> 59 of 77 (0.766;
# the monitoring mechanism of 14 October, one article's); two stored events of the corpus changed, both in
# that article; every other figure, tuned and untouched, unchanged.
FLOORS.update({"tune_timeline_recall": 0.76})
# Twelfth round (docs/ledger.md, "Twelfth round: key events with no type"): talks called or broken off are
# SANCTION/discontinue, as suspended ones were (they read CONCEDE, a strike called off): tune timeline 57 -> 58
# of 77 (0.753). The Colombian talks halted in 2019 are a key event of two articles, now paired with the one
# article's event that tells the halt as a main clause (the other tells it in a relative clause, background),
# so multi-source 23/35 -> 23/36 (0.639): the floor moves down for a key event found, not one merged less.
# Every untouched figure unchanged.
FLOORS.update({"tune_timeline_recall": 0.74, "tune_multi_source_share": 0.63})
# Its second change: an act told in a restrictive relative clause with a stated day or year of its own ("resumed
# peace talks that were suspended in 2019", "the peace deal that was signed on November 2") is an event, not
# background: that halt's second article now joins it, and the Pretoria signing gains a report, so tune
# multi-source 23/36 -> 24/36 (0.667), merge 0.957 / 0.154 -> 0.960 / 0.170. No stored event of an untouched
# article changed; every untouched figure unchanged.
FLOORS.update({"tune_multi_source_share": 0.66, "tune_merge_recall": 0.16})
# Its third change: a war told as "pitting X against Y" is one ASSAULT with every coded party of both sides as
# actors (it read the place's unidentified armed force), and those sides do not become who a later "the two
# sides" stands for: tune timeline 58 -> 59 of 77 (0.766; the Tigray war of November 2020, Eritrea named
# among the sides). That key event has 14 articles and only this one names Eritrea, so it is paired with a
# one-article event: multi-source 24/36 -> 25/37 (0.676), merge 0.960 / 0.170 -> 0.962 / 0.151 (the recall
# floor moves down for a key event found, not one merged less). Every untouched figure unchanged.
FLOORS.update({"tune_timeline_recall": 0.75, "tune_merge_recall": 0.145})
# Twelfth round (docs/ledger.md, "Twelfth round: merging"): a second cluster counts against the lone fit only
# when it could hold the report (an act the report contradicts, or one its own article told apart, is no
# second act): untouched commitments 25 -> 26 of 35 (0.743), status 21/25 -> 22/26 (0.846), fulfilment day
# 1/2 -> 2/3; every tuning figure and the untouched merge figures unchanged.
FLOORS.update({"untouched_commitments_recall": 0.74, "untouched_status_accuracy": 0.84,
               "untouched_fulfilment_day": 0.66})
# The twelfth round's merge (lead): the dating and no-type changes together find tune timeline 61 of 77
# (0.792), and each key event they add is paired with a one-article event (the designation of May 2021, the
# halt of 2019, the Tigray war), so tune multi-source is 25/38 (0.658) and merge recall 0.150; untouched as
# the merging change left it (timeline 39/58, commitments 26/35, status 22/26, multi-source 17/28).
FLOORS.update({"tune_timeline_recall": 0.78, "tune_multi_source_share": 0.65, "tune_merge_recall": 0.145})
# Twelfth round (docs/ledger.md, "Twelfth round: partial implementation"): a handover told as begun is
# read, and its partial aspect keeps it from fulfilling the TPLF's disarmament (open in the gold): tune
# timeline 61 -> 62 of 77 (0.805), status 30/38 kept. The new key event's four articles are only partly
# joined (two of its three begun-handover reports merge), so multi-source 25/38 -> 25/39 (0.641) and merge
# 0.962 / 0.150 -> 0.958 / 0.137: the floors move down for a key event found, not one merged less. Every
# untouched figure unchanged.
FLOORS.update({"tune_timeline_recall": 0.80, "tune_multi_source_share": 0.64, "tune_merge_recall": 0.135})
# Thirteenth round (docs/ledger.md, "Thirteenth round: key events with no type"): a truce in force that the
# parties agree to extend goes on by that agreement, RETREAT/ceasefire on the agreement's day ("reached an
# agreement to extend for six months the bilateral ceasefire"; it read AGREE, or CONCEDE as an agreed new
# truce): tune timeline 62 -> 63 of 77 (0.818; the ELN truce extended on 6 February 2024, one article's).
# Every other figure, tuned and untouched, unchanged; two stored events of the corpus changed.
FLOORS.update({"tune_timeline_recall": 0.81})
# Thirteenth round (docs/ledger.md, "Thirteenth round: dating the timeline"): the act that lasted a count
# told by a gerund clause ("after 13 days of being kidnapped ..., returns today") is dated back by the count
# as one told by a noun ("after five months of truce"): the Diaz kidnapping of 28 October 2023 in dev-047,
# dated by "today" before, joins its key event's ledger event. Tune merge 0.958 / 0.137 -> 0.960 / 0.141;
# every other figure, tune and untouched, unchanged.
FLOORS.update({"tune_merge_precision": 0.955, "tune_merge_recall": 0.14})
# Thirteenth round (docs/ledger.md, "Thirteenth round: commitments"): a coalition argument ("the two
# belligerents", an entity with members) stands for its members wherever a commitment binds arguments, so a
# deal reached by "the two belligerents" has Israel and Hamas as its parties and its agentless passive ("the
# numbers would be finalised during the first 42 days") binds them: tune found 38 -> 39 of 49 (0.796), status
# 30/38 -> 31/39 (0.795). No per-document commitment of an untouched article changed; every untouched figure
# unchanged.
FLOORS.update({"tune_commitments_recall": 0.79, "tune_status_accuracy": 0.79})
# Thirteenth round (second part; docs/events.md, "scheduled acts"): talks told as owed ("under the terms of
# the deal, the parties were to begin peace talks on August 8, but both deadlines have expired"; "the deal
# had called for peace talks to begin by August 8") are no longer talks held. The two misreadings had been
# merged into one CONSULT of August 8 that the tune key event of the later Doha talks took as its
# multi-source match; that pair is gone (multi-source 25 -> 24 of 39, merge recall 0.141 -> 0.140), the
# commitment to begin talks stays found and overdue (a negated act owed under a deal is still its
# provision), and every untouched figure is as before: the share and recall floors move down for a
# match of two wrong events lost, not for a right one.
FLOORS.update({"tune_multi_source_share": 0.61, "tune_merge_recall": 0.135})
# Fourteenth round (docs/ledger.md, "Fourteenth round: the day of an undated article"): a weekday named with
# its day ("on Tuesday, February 6", "on Sunday (Jan 19)") fixes the year of an undated article among the
# years its text allows, and its day is the latest stated in that week. Dating of the dated articles with
# their date hidden, tune: exact 24 -> 25 of 51, within three days 29 -> 31, wrong 3 -> 1; untouched
# unchanged (exact 15, within three days 17 of 34: no untouched article's inferred day changed). No truly
# undated article's day changed, so every ledger figure is as before.
FLOORS.update({"tune_dating_exact": 0.49, "tune_dating_near": 0.6})
# Fourteenth round (docs/ledger.md, "Fourteenth round: merging"): across outlets, recipient sides naming one
# country agree when one names its civilians ("Palestinian prisoners" / "Palestinians"; "Israeli hostages" /
# "the Israeli military"), and a truce is a joint act (one side's ceasefire and the other's, sharing a
# country, are one truce): tune merge 0.959 / 0.140 -> 0.964 / 0.158 (four reports of the 24 November 2023
# truce, the 39 prisoners freed that day and the three hostages of 19 January 2025 join their key events'
# ledger events); every other figure, tune and untouched, unchanged.
FLOORS.update({"tune_merge_precision": 0.96, "tune_merge_recall": 0.155})
# Fourteenth round, second part (docs/ledger.md, "Fourteenth round (second part): the year of an article
# from its story"): an undated article's event dated by a year-less day ("on February 27") takes the year in
# which the dated articles of its parties state that day, when they state it in one year only. Untouched
# merge 0.862 / 0.151 -> 0.873 / 0.166; no tuning article has such an event, every other figure of both
# parts unchanged.
FLOORS.update({"untouched_merge_precision": 0.87, "untouched_merge_recall": 0.16})
# Fourteenth round (docs/events.md, "a deal named as a frame"): a deal or truce noun named as the frame of
# another act ("under the deal", "as part of the truce"), in an article that told the deal before, is no
# event of its own; the israel-hamas key event it had joined with wrong article pairs is no longer: tune
# merge precision / recall 0.959 / 0.140 -> 0.969 / 0.141, every other figure as before.
FLOORS.update({"tune_merge_precision": 0.965})
# Merged with the merging rules above (lead): tune merge 0.972 / 0.155 (the frame's spurious events no longer
# join two of the pairs the people and truce rules had joined); untouched 0.873 / 0.166.
FLOORS.update({"tune_merge_recall": 0.15})
# Fifteenth round (docs/ledger.md, "Fifteenth round: commitments"): an act told as agreed by a participle on
# its own noun ("five months of truce agreed between the parties") is a promise of that act by the parties it
# names, made no later than the act began: tune found 39 -> 40 of 49 (0.816), status 31/39 -> 32/40 (0.800;
# the Ethiopian truce of March 2022, read broken as the gold has it). No untouched article changed; every
# untouched figure, the timeline, multi-source and merging unchanged.
FLOORS.update({"tune_commitments_recall": 0.81, "tune_status_accuracy": 0.79})
# Fifteenth round (docs/ledger.md, "Fifteenth round: merging"): an act to come dated by the day it was
# announced and by the day it is due is one act (the two January 2025 truce-deal clusters of israel-hamas
# t11 join), and a truce or talks told undated in the days after another outlet dated them join by a shared
# country (the 24 November 2023 truce): tune merge 0.972 / 0.155 -> 0.973 / 0.162; every other figure, tune
# and untouched, unchanged.
FLOORS.update({"tune_merge_recall": 0.16})
# Fifteenth round, second part (docs/ledger.md, "the promised act"): a meeting to come told with its host
# ("a summit scheduled for the end of July ... at the invitation of President Donald Trump", "we look forward
# hosting a Summit") is the host's undertaking to receive the guests (CONSULT visit): tune found 40 -> 41 of
# 49 (0.837), status 32/40 -> 33/41 (0.805; the White House summit, overdue as the gold has it). No untouched
# article changed; every untouched figure, the timeline, multi-source and merging unchanged.
FLOORS.update({"tune_commitments_recall": 0.83, "tune_status_accuracy": 0.795})
# Fifteenth round, second part (docs/events.md, "stopped attacks"): a stopped attack is a ceasefire ("Israel will
# halt its military offensive in Gaza" is Israel's CONCEDE, no THREATEN). That report now joins the
# 22 November 2023 truce-deal event its outlets' articles report (tune key event t05): tune merge 0.973 / 0.162
# -> 0.974 / 0.170, ledger commitments 124 -> 126; every other figure, tune and untouched, unchanged.
FLOORS.update({"tune_merge_recall": 0.165})
# Fifteenth round, third part (docs/events.md, "an end to the fighting"): a pause noun whose object is the
# attack is a ceasefire ("agreed on a humanitarian pause in Gaza hostilities" is the parties' CONCEDE, no
# AGREE; "put an end to the repeated attacks" a CONCEDE, no ASSAULT): tune merge 0.974 / 0.170 -> 0.975 /
# 0.174 (israel-hamas); every other figure, tune and untouched, unchanged.
FLOORS.update({"tune_merge_recall": 0.17})


@pytest.fixture(scope="module")
def dev_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The dev corpus ingested once (as ``eval process`` does) for the tests below."""
    from peacewatch.config import load_config
    from peacewatch.evaluate.process_ledger import corpus_documents, ingest_corpus
    from peacewatch.pipeline import registered
    from tests.conftest import shared_path

    gold = shared_path("data", "docs")
    if "actors" not in registered():
        pytest.skip("ledger parties need the 'actors' component")
    db = tmp_path_factory.mktemp("dev") / "dev.db"
    ingest_corpus(db, corpus_documents(gold_files(gold)[0]), load_config())
    return db


def test_gate_process_gold(dev_db: Path) -> None:
    from peacewatch.config import load_config
    from peacewatch.evaluate.process import evaluate
    from tests.conftest import shared_path

    report = evaluate(shared_path("data", "docs"), load_config(), db=dev_db)
    assert report.counts["processes"] == 7
    low = {k: round(report.scores[k], 3) for k, floor in FLOORS.items() if report.scores[k] < floor}
    assert not low, f"below the floors: {low}"
    assert set(report.breakdown["per part"]) == {"tune", "untouched"} == set(report.breakdown["dating"])
    assert report.errors and all(e.split(":")[0] in TUNE_PROCESSES for e in report.errors)
    # every undated key event is counted once by its articles' day, read from the stored documents
    by_day = report.breakdown["timeline misses undated, by their articles' day and their ledger event"]
    for part, misses in report.breakdown["timeline misses (per part)"].items():
        assert sum(row.get(part, 0.0) for row in by_day.values()) == misses.get("undated", 0.0)


def test_the_order_of_the_articles_changes_nothing(dev_db: Path) -> None:
    """The stored ledger of the dev corpus is the ledger of its records in any order: the same
    merged events with the same reports, the same commitments with the same status and deciding
    events (in memory, from the stored records, forwards, backwards and shuffled)."""
    import random

    from peacewatch.resolve import build_ledger
    from peacewatch.store.reads import Reader
    from peacewatch.store.source import StoredSource
    from peacewatch.types import Timex

    conn = sqlite3.connect(dev_db)
    source = StoredSource(conn, 1000)
    entities: dict[str, list[Any]] = {}
    for doc, entity in source.entities():
        entities.setdefault(doc, []).append(entity)
    promises: dict[str, list[Any]] = {}
    for doc, _published, commitment in source.commitments():
        promises.setdefault(doc, []).append(commitment)
    timexes: dict[str, list[Any]] = {}  # the days an undated article's year is read from (story_year.py)
    for doc, record in conn.execute("SELECT doc_id, record FROM timexes ORDER BY doc_id, idx"):
        timexes.setdefault(doc, []).append(Timex.from_dict(json.loads(record)))
    results, texts = [], {}
    for batch, spans in source.event_batches():
        for r in batch:
            r.entities, r.commitments = entities.get(r.id, []), promises.get(r.id, [])
            r.timexes = timexes.get(r.id, [])
        results += batch
        texts.update(spans)
    conn.close()

    def summary(events: list[dict[str, Any]], commitments: list[dict[str, Any]]) -> tuple[Any, Any]:
        return (sorted((e["id"], sorted((m["doc"], m["event"]) for m in e["mentions"]), e["date"]) for e in events),
                sorted((c["id"], c["status"], c["fulfilled_by"], c["broken_by"], c.get("fulfilled_on"), c["level"])
                       for c in commitments))

    reader = Reader(dev_db)
    stored = summary(list(reader.export_rows("events")), list(reader.export_rows("commitments")))
    reader.close()
    shuffled = list(results)
    random.Random(14).shuffle(shuffled)
    for order in (results, results[::-1], shuffled):
        ledger = build_ledger(order, None, texts)
        built = summary([e.to_dict() for e in ledger.events], [c.to_dict() for c in ledger.commitments])
        assert built == stored
    assert len(stored[0]) > 750 and len(stored[1]) > 80  # 793 merged events since the tenth round


def test_the_command_ingests_once_into_the_database_it_is_given(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from peacewatch.cli import main
    from tests.conftest import shared_path

    gold = shared_path("data", "docs", "sudan.process.json")
    db = tmp_path / "dev.db"
    args = ["eval", "process", str(gold), "--db", str(db), "--limit", "3", "--errors", "0"]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    scores = json.loads(first.output.strip().splitlines()[-1])
    assert scores["task"] == "process" and "untouched_timeline_recall" in scores["scores"]
    again = CliRunner().invoke(main, args)
    assert again.exit_code == 0 and json.loads(again.output.strip().splitlines()[-1]) == scores
    with sqlite3.connect(db) as conn:  # the three articles, stored once
        assert conn.execute("SELECT count(*) FROM documents").fetchone() == (3,)


def test_a_made_miss_is_counted_by_where_its_articles_promise_got_its_date(tmp_path: Path) -> None:
    """A gold commitment missed as ``made`` is counted by the source of the date of the nearest promise of its
    act by a gold obligor in its own articles (stated in the promise's sentence, inherited, the document's
    day), else ``no promise``; the tuning part lists each such promise."""
    from peacewatch.evaluate.process_commitment_misses import NO_PROMISE

    def scored(promises: dict[str, list[dict[str, Any]]], process: str) -> Any:
        ledger = _ledger()
        ledger.promises = promises
        gold = dict(GOLD, process=process, commitments=[dict(GOLD["commitments"][1], docs=["d4"])])
        return scores_of(tmp_path, [gold], ledger)

    def promise(source: str, made: str = "2024-02-01", obligor: str = "BBB") -> dict[str, Any]:
        return {"type": "RETREAT", "obligor": frozenset({obligor}), "made": made, "anchor": "2024-02-01",
                "from": source}

    key = "made misses by their articles' promise (per part)"
    assert scored({}, "sudan").breakdown[key] == {"untouched": {NO_PROMISE: 1.0}}
    # the other party's promise, or one in an article the gold does not list, is not its articles' promise
    assert scored({"d4": [promise("stated", obligor="CCC")], "d9": [promise("stated")]},
                  "sudan").breakdown[key] == {"untouched": {NO_PROMISE: 1.0}}
    # the nearest of two: the inherited one is 200 days off, the document's day 31
    scores = scored({"d4": [promise("inherited", made="2024-07-19"), promise("publication")]}, TUNE_PROCESSES[0])
    assert scores.breakdown[key] == {"tune": {"publication": 1.0}}
    assert any("c2 as made: publication; d4 made 2024-07-19 (inherited, 200 days off); "
               "d4 made 2024-02-01 (publication, 31 days off)" in e for e in scores.errors)


def test_a_promise_made_is_stated_inherited_or_the_documents_day() -> None:
    from peacewatch.evaluate.process_ledger import made_source
    from peacewatch.types import Event

    def event(date: str | None, date_span: tuple[int, int] | None) -> Event:
        return Event(id="ev1", type="AGREE", trigger_span=(10, 16), span=(0, 80), date=date, date_span=date_span)

    assert made_source("2024-03-04", event("2024-03-04", (40, 48)), "2024-03-06") == "stated"
    # the event's date, from a time expression of another sentence
    assert made_source("2024-03-04", event("2024-03-04", (120, 128)), "2024-03-06") == "inherited"
    assert made_source("2024-03-06", event(None, None), "2024-03-06T10:00") == "publication"
    # neither the event's date nor the document's day: an agreement's day the document reports
    assert made_source("2024-02-27", event(None, None), "2024-03-06") == "inherited"
    assert made_source(None, None, "2024-03-06") == "none"
