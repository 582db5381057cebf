"""``peacewatch eval docs``: the matching definitions on small cases, and the gate on the project's
document gold (../shared/data/docs), with the processes never tuned on reported apart."""

from __future__ import annotations

import pytest

from peacewatch.config import load_config
from peacewatch.errors import EvalError
from peacewatch.evaluate.docs import (
    TUNE_PROCESSES,
    _quote_match,
    article_texts,
    code_set,
    dates_agree,
    doc_part,
    evaluate,
    gold_events,
    match_events,
    predicted_events,
)
from peacewatch.evaluate.docs_breakdown import Breakdown, add_document
from peacewatch.pipeline import registered
from peacewatch.types import Argument, Entity, Event, Result
from tests.conftest import shared_path

# Floors: measured minus about 0.01; they only move up. The untouched figures are those of the
# three processes the learned coder never saw (colombia-eln, ethiopia-tplf, israel-hamas).
# Third round (agreed texts' provisions): whole 0.565 / 0.662, tune 0.622 / 0.733, untouched 0.483 / 0.559.
# Announced releases as CONCEDE (follow-up): whole 0.570 / 0.671, tune 0.625 / 0.737, untouched 0.492 / 0.576.
# Fifth round (noun acts, their "of" phrase): whole 0.576 / 0.677, tune 0.629 / 0.742, untouched 0.502 / 0.586.
# Sixth round (a truce told by its terms): whole 0.583 / 0.681, tune 0.629 / 0.742, untouched 0.519 / 0.594;
# (+ acts told aside in a relative clause): whole 0.595 / 0.691, tune 0.637 / 0.749, untouched 0.535 / 0.609;
# (+ talks as the means or aim of another act): whole 0.597 / 0.693, tune 0.639 / 0.751, untouched 0.537 / 0.612.
# Seventh round (an agreed text's terms: the guide's retreats only), from the retrained model's 0.601 / 0.695,
# 0.643 / 0.755, 0.543 / 0.615: whole 0.601 / 0.700, tune 0.643 / 0.755, untouched 0.543 / 0.623; only the
# type floors move (the type+actor figures did not rise).
# Follow-up (precision: talks words naming a kind of noun; no model CONCEDE on a reporting verb): whole
# 0.607 / 0.707, tune 0.649 / 0.762, untouched 0.549 / 0.631.
# Eighth round (one CONCEDE per agreed retreat; one side's retreat given both sides is no new act), from the
# lead's 0.608 / 0.708, 0.651 / 0.764, 0.549 / 0.631: whole 0.614 / 0.711, tune 0.653 / 0.766, untouched
# 0.560 / 0.634.
# Ninth round (an agreement noun and the infinitive it wraps no longer take each other in): whole 0.616 / 0.713,
# tune 0.653 / 0.766 (unchanged), untouched 0.566 / 0.639; (+ a ceasefire named beside an agreed text is its
# term, CONCEDE): whole 0.619 / 0.723, tune unchanged, untouched 0.574 / 0.664.
# Tenth round (services and links restored or resumed are COOPERATE, gratitude expressed is SUPPORT): whole
# 0.631 / 0.731, tune 0.653 / 0.766 (unchanged), untouched 0.602 / 0.683; (+ an objection is REJECT): whole
# 0.633 / 0.733, tune 0.657 / 0.770, untouched unchanged.
# Eleventh round (a dateline is never an actor: docs/actors.md), from main's 0.632 / 0.732, tune 0.655 / 0.768,
# untouched 0.602 / 0.683: whole 0.639 / 0.732, tune 0.661 / 0.768, untouched 0.610 / 0.683.
# Twelfth round (talks called or broken off are SANCTION, not CONCEDE: docs/ledger.md), from main's 0.636 /
# 0.728, tune 0.655 / 0.761, untouched 0.610 / 0.683: whole 0.639 / 0.732, tune unchanged, untouched 0.618 / 0.691.
# Twelfth round (talks named by their mediator alone are the parties'), from main's 0.636 / 0.728, tune
# 0.655 / 0.761, untouched 0.610 / 0.683: whole 0.639 / 0.728, tune 0.661 / 0.761, untouched unchanged; the
# floors already stand at these figures minus 0.01.
# Twelfth round (a handover told as begun is a begun disarmament: docs/ledger.md, "partial implementation"),
# from the lead's 0.643 / 0.732, tune 0.661 / 0.761, untouched 0.618 / 0.691: whole 0.645 / 0.734, tune
# unchanged, untouched 0.623 / 0.696 (all in ethiopia-tplf, whose articles eval process tunes on).
# Thirteenth round (an agreed extension of a truce in force is RETREAT/ceasefire: docs/ledger.md, "Thirteenth
# round: key events with no type"), from main's 0.645 / 0.734, tune 0.661 / 0.761, untouched 0.623 / 0.696:
# whole 0.648 / 0.737, tune unchanged, untouched 0.632 / 0.704 (in colombia-eln, whose articles eval process
# tunes on: not a clean figure).
# Thirteenth round (second part: acts told as owed, "was to", "were due to", are not done; docs/events.md,
# "scheduled acts"): status agreement of matched events 0.858 -> 0.863, type figures unchanged.
# Fifteenth round (second part: a stopped attack is a ceasefire; docs/events.md, "stopped attacks"): status
# agreement 0.863 -> 0.868 (untouched 0.897 -> 0.910), type figures unchanged.
STATUS_AGREE_FLOOR = 0.858
TYPE_ACTOR_F1_FLOOR = 0.638
TYPE_F1_FLOOR = 0.727
TUNE_TYPE_ACTOR_F1_FLOOR = 0.651
UNTOUCHED_TYPE_ACTOR_F1_FLOOR = 0.622
UNTOUCHED_TYPE_F1_FLOOR = 0.694
QUOTES_F1_FLOOR = 0.74


def _event(etype: str, actor: list[str], recipient: list[str], date: str | None = None,
           status: str = "occurred") -> dict[str, object]:
    return {"type": etype, "actor": code_set(actor), "recipient": code_set(recipient), "date": date,
            "status": status, "made": None}


def test_codes_and_dates_compare_at_the_coarser_precision() -> None:
    assert code_set(["IGO:EU", "ukr", None]) == {"IGO", "UKR"}
    assert dates_agree("2023-05", "2023-05-12", "2023-06-01")
    assert not dates_agree("2023-04", "2023-05-12", "2023-06-01")
    assert dates_agree("PRESENT_REF", "2023-06-01", "2023-06-01")
    assert dates_agree(None, None, None) and not dates_agree(None, "2023", None)


def test_events_match_one_to_one_on_type_and_a_shared_actor() -> None:
    gold = [_event("AGREE", ["SDN"], []), _event("ASSAULT", ["RUS"], ["UKR"], "2024-01-02")]
    pred = [_event("ASSAULT", ["RUS", "BLR"], ["POL"], "2024-01-02"), _event("ASSAULT", ["RUS"], ["UKR"], "2024-01"),
            _event("AGREE", ["USA"], [])]
    [(gi, pi, agree)] = match_events(gold, pred, "2024-01-03")
    # the pair agreeing on more attributes wins: same recipient and (coarser) date
    assert (gi, pi) == (1, 1) and agree == {"recipient": True, "status": True, "date": True}


def test_quotes_match_by_containment_or_half_overlap() -> None:
    text = 'He said "we will never give up the fight" on Monday.'
    start = text.index('"')
    assert _quote_match(text, (start, start + 34), "we will never give up the fight") > 0.9
    assert _quote_match(text, (0, 8), "we will never give up the fight") == 0.0


def test_the_processes_split_in_two_fixed_parts() -> None:
    assert len(TUNE_PROCESSES) == 4
    assert doc_part("dev-031", {"dev-031": "sudan"}) == "tune"
    assert doc_part("dev-006", {"dev-006": "ethiopia-tplf"}) == "untouched"


def test_an_unknown_baseline_is_a_coded_error() -> None:
    with pytest.raises(EvalError) as err:
        evaluate(shared_path("data", "docs", "dev.docs.jsonl"), load_config(), baseline="bogus")
    assert err.value.code == "E051"


def test_gate_document_gold() -> None:
    gold = shared_path("data", "docs", "dev.docs.jsonl")
    if "actors" not in registered():
        pytest.skip("event actors and quote speakers need the 'actors' component")
    report = evaluate(gold, load_config(), baseline="rules")
    scores, rules = report.scores, report.baselines["rules"]
    assert report.counts == {"documents": 28, "gold_events": 280}
    assert scores["type_actor_f1"] >= TYPE_ACTOR_F1_FLOOR and scores["type_f1"] >= TYPE_F1_FLOOR
    assert scores["tune_type_actor_f1"] >= TUNE_TYPE_ACTOR_F1_FLOOR
    assert scores["untouched_type_actor_f1"] >= UNTOUCHED_TYPE_ACTOR_F1_FLOOR
    assert scores["untouched_type_f1"] >= UNTOUCHED_TYPE_F1_FLOOR
    assert scores["quotes_f1"] >= QUOTES_F1_FLOOR
    assert scores["status_agree"] >= STATUS_AGREE_FLOOR
    # on the processes the model never saw, the combination scores above the rules alone
    assert scores["untouched_type_actor_f1"] > rules["untouched_type_actor_f1"]
    assert scores["untouched_type_f1"] > rules["untouched_type_f1"]
    assert report.errors and set(report.breakdown["entities by kind"]) >= {"state", "person"}
    # only the tuning part's misses are listed: the untouched processes are counted, never read
    processes = {i: str(a.get("process", "")) for i, a in article_texts(gold).items()}
    assert {doc_part(line.split(":", 1)[0], processes) for line in report.errors} == {"tune"}
    # the aggregates by part: every gold event has one outcome
    outcomes = report.breakdown["gold events by outcome (share)"]
    assert set(outcomes) >= {"tune", "untouched", "untouched:ethiopia-tplf"}
    assert all(abs(sum(row.values()) - 1.0) < 1e-9 for row in outcomes.values())
    # every no_event gold event of a part is sorted into one kind of sentence
    kinds = report.breakdown["no event: kind of sentence (count)"]
    counts = report.breakdown["gold events by type and outcome (count)"]
    for part in ("tune", "untouched"):
        no_event = sum(row["no_event"] for key, row in counts.items() if key.startswith(f"{part}:"))
        assert sum(kinds[part].values()) == no_event


def _predicted(etype: str, span: tuple[int, int], actors: list[tuple[str, str | None]], why: str = "") -> Event:
    return Event(id="", type=etype, trigger_span=span, span=span, why=why,
                 actor=[Argument(entity=eid, code=code, sector=None, text=eid) for eid, code in actors])


def test_breakdown_sorts_each_gold_event_by_what_its_sentence_holds() -> None:
    # four sentences: a match; a wrong actor (the mediator); another type; nothing at all
    text = "Rebels freed ten men. Talks were held. The army shelled a town. The rebels laid down arms."
    s = [(0, 21), (22, 38), (39, 63), (64, 90)]
    record = {"id": "x", "entities": [{"text": "Rebels", "code": "MOZ", "sector": "REB", "kind": "armed_group"}],
              "events": [
                  {"type": "RETREAT", "actor": ["MOZ"], "recipient": [], "evidence": "Rebels freed ten men"},
                  {"type": "CONSULT", "mode": "third-party", "actor": ["MOZ"], "recipient": ["ZAF"],
                   "evidence": "Talks were held"},
                  {"type": "ASSAULT", "actor": ["MOZ"], "recipient": [], "evidence": "shelled a town"},
                  {"type": "RETREAT", "actor": ["MOZ"], "recipient": [], "evidence": "laid down arms"}]}
    result = Result(id="x", entities=[Entity(id="e1", name="Rebels", kind="armed_group", code="MOZ"),
                                      Entity(id="e2", name="South Africa", kind="state", code="ZAF")],
                    events=[_predicted("RETREAT", s[0], [("e1", "MOZ")]),
                            _predicted("CONSULT", s[1], [("e2", "ZAF")]),
                            _predicted("COERCE", s[2], [("e1", "MOZ")])])
    gold, pred = gold_events(record), predicted_events(result)
    out = Breakdown()
    add_document(out, ("tune", "tune:p"), record, result, text, gold, pred, match_events(gold, pred, None))
    row = out.rows["tune"]
    assert (row["matched"], row["actor_wrong"], row["other_type"], row["no_event"]) == (1, 1, 1, 1)
    assert row["cause:state:mediator"] == 1 and row["false_same_type"] == 1 and row["false_other_type"] == 1
    assert out.rows["confusion:tune:ASSAULT>COERCE/occurred"]["count"] == 1
    tables = out.tables()
    assert tables["events by part and process"]["tune:p"]["ta_r"] == 0.25
    assert tables["gold events by outcome (share)"]["tune"]["no_event"] == 0.25
    assert tables["gold events by type and outcome (count)"]["tune:RETREAT"] == {
        "gold": 2.0, "pred": 1.0, "matched": 1.0, "actor_wrong": 0.0, "type_taken": 0.0, "other_type": 0.0,
        "no_event": 1.0}


def test_breakdown_counts_false_events_by_type_and_how_they_were_told() -> None:
    # a talk inherited by an actorless sentence and a truce the model added: both false, by type
    text = "Kenya met Uganda. Talks were held. A truce was in force."
    s = [(0, 17), (18, 34), (35, 56)]
    record = {"id": "x", "entities": [], "events": [
        {"type": "CONSULT", "actor": ["KEN"], "recipient": ["UGA"], "evidence": "Kenya met Uganda"}]}
    result = Result(id="x", entities=[Entity(id="e1", name="Kenya", kind="state", code="KEN")],
                    events=[_predicted("CONSULT", s[0], [("e1", "KEN")]),
                            _predicted("CONSULT", s[1], [("e1", "KEN")], why="talk; no actor in its sentence: …"),
                            _predicted("RETREAT", s[2], [("e1", "KEN")], why="model: YIELD 0.9; added (…)")])
    gold, pred = gold_events(record), predicted_events(result)
    out = Breakdown()
    add_document(out, ("untouched", "untouched:p"), record, result, text, gold, pred, match_events(gold, pred, None))
    table = out.tables()["predicted events not matched, by type (count)"]
    assert table["untouched:CONSULT"]["false_no_gold"] == 1 and table["untouched:CONSULT"]["inherited"] == 1
    assert table["untouched:RETREAT"]["model"] == 1 and table["untouched:RETREAT"]["inherited"] == 0
    # per part only, and the part tables still hold parts alone
    assert set(table) == {"untouched:CONSULT", "untouched:RETREAT"}
    assert set(out.tables()["events by part and process"]) == {"untouched", "untouched:p"}
