"""The aggregate causes ``eval process`` counts for a missed commitment's date and for a gold broken
commitment the ledger leaves unbroken (``process_commitment_misses.act_told``, ``nearest_promise``,
``breach_evidence``): they tell a promise dated wrong from one no article tells as a promise, and
which condition of the status rules keeps the obligors' contrary acts from breaking a promise."""

from __future__ import annotations

from typing import Any

from peacewatch.evaluate.process import interval, types_compatible
from peacewatch.evaluate.process_commitment_misses import (
    act_told,
    agreement_frame,
    breach_evidence,
    made_days,
    nearest_promise,
)
from peacewatch.evaluate.process_ledger import Ledger
from peacewatch.resolve.tables import contradiction

GOLD = {"id": "c1", "made": "2024-03-01", "obligor": ["BBB"], "docs": ["d1"],
        "action": {"type": "RETREAT", "mode": "ceasefire"}, "status": "broken"}


def _report(status: str, kind: str = "RETREAT", party: str = "BBB") -> dict[str, Any]:
    return {"type": kind, "status": status, "mode": "ceasefire", "codes": frozenset({party}), "date": None,
            "anchor": "2024-03-01", "ledger": "ev-1"}


def test_a_made_miss_is_told_by_how_its_articles_tell_the_act() -> None:
    def told(reports: list[dict[str, Any]], promises: list[dict[str, Any]] | None = None) -> str:
        ledger = Ledger([], [], reports={"d1": reports}, promises={"d1": promises or []})
        return act_told(GOLD, ledger, types_compatible)

    assert told([]) == "not told"
    assert told([_report("occurred"), _report("historical")]) == "told done"
    assert told([_report("occurred"), _report("future")]) == "told otherwise"
    # another party's act, or another act, is not the gold act told
    assert told([_report("occurred", party="CCC"), _report("occurred", kind="AID")]) == "not told"
    promise = {"type": "RETREAT", "obligor": frozenset({"BBB"}), "made": "2024-04-01", "anchor": None}
    assert told([_report("occurred")], [promise]) == "promised"


def test_a_made_miss_is_counted_by_the_days_its_articles_tell_near_the_gold_day() -> None:
    def days(*reports: dict[str, Any], made: str = "2024-03-01") -> str:
        ledger = Ledger([], [], reports={"d1": list(reports)}, promises={})
        return made_days({**GOLD, "made": made}, ledger, types_compatible, interval)

    def report(kind: str, date: str | None, mode: str | None = None, party: str = "BBB") -> dict[str, Any]:
        return {"type": kind, "status": "occurred", "mode": mode, "codes": frozenset({party}), "date": date,
                "anchor": "2024-05-01", "ledger": "ev-1"}

    # the article's day is two months off: only the deal signed that week, or the act dated then, is near
    assert days(report("SUPPORT", "2024-03-04", "sign")) == "agreement"
    assert days(report("RETREAT", "2024-02-27", "ceasefire")) == "act"
    assert days(report("AGREE", "2024-03-01"), report("RETREAT", "2024-03-02")) == "agreement+act"
    assert days(report("RETREAT", "2024-04-01")) == "none"
    assert days(report("RETREAT", None)) == "none"
    assert days(report("RETREAT", "2024-04-27"), made="2024-04-28") == "act+article"
    # another party's deal, praise (SUPPORT of no mode), or a gold day not placed
    assert days(report("AGREE", "2024-03-01", party="CCC"), report("SUPPORT", "2024-03-01")) == "none"
    assert days(report("RETREAT", "2024-03-01"), made="XXXX") == "undated"


def test_a_made_miss_is_counted_by_where_the_nearest_ledger_promise_lies() -> None:
    def nearest(*made: str | None, obligor: str = "BBB") -> str:
        commitments = [{"type": "RETREAT", "obligor": frozenset({obligor}), "made": m, "anchor": None} for m in made]
        return nearest_promise(GOLD, commitments, types_compatible, interval)

    assert nearest("2024-03-20") == "after, within a month"
    assert nearest("2024-06-01", "2023-12-01") == "before, further"  # 91 days before, 92 after
    assert nearest("2024-02-10", "2024-05-01") == "before, within a month"
    assert nearest(None) == "undated"
    assert nearest("2024-03-20", obligor="CCC") == "undated"  # another party's promise is not the act's


def _event(eid: str, kind: str, date: str | None, recipient: str | None = "AAA", actor: str = "BBB") -> dict[str, Any]:
    return {"id": eid, "type": kind, "mode": None, "status": "occurred", "actor": frozenset({actor}),
            "recipient": frozenset({recipient}) if recipient else frozenset(), "date": date, "anchor": date}


def test_a_gold_broken_promise_left_unbroken_is_counted_by_what_stops_its_contrary_acts() -> None:
    truce = {"type": "RETREAT", "mode": "ceasefire", "obligor": frozenset({"BBB"}), "beneficiary": frozenset({"AAA"}),
             "made": "2024-03-01", "anchor": "2024-03-01", "due": None, "until": "2024-03-07"}

    def why(*events: dict[str, Any], **change: Any) -> str:
        return breach_evidence({**truce, **change}, list(events), contradiction, interval)

    # talks are no contrary act of a truce, and the other party's attack is not an obligor's
    assert why(_event("e1", "CONSULT", "2024-03-03"), _event("e2", "ASSAULT", "2024-03-03", actor="AAA")) \
        == "none by an obligor"
    assert why(_event("e1", "ASSAULT", "2024-02-20"), _event("e2", "ASSAULT", None)) == "only before it"
    assert why(_event("e1", "ASSAULT", "2024-03-10")) == "only after its term"
    assert why(_event("e1", "ASSAULT", "2024-03-10"), until=None) == "other"
    # a truce's due date is the day it takes effect, not the end of its term
    assert why(_event("e1", "ASSAULT", "2024-03-10"), until=None, due="2024-03-02") == "other"
    assert why(_event("e1", "ASSAULT", "2024-03-04", recipient=None)) == "no recipient"
    assert why(_event("e1", "ASSAULT", "2024-03-04", recipient="CCC")) == "reaching no beneficiary"
    # a withdrawal's due date ends the time in which an attack breaks it
    withdraw = {"mode": "withdraw", "until": None, "due": "2024-03-05"}
    assert why(_event("e1", "ASSAULT", "2024-03-10"), **withdraw) == "only after its term"


def test_a_made_miss_is_counted_by_an_agreement_frame_on_its_act() -> None:
    gold = {**GOLD, "description": "Rebels hand over heavy weapons to the army"}

    def frame(*sentences: str) -> str:
        ledger = Ledger([], [], sentences={"d1": [(s.lower(), frozenset()) for s in sentences]})
        return agreement_frame(gold, ledger)

    assert frame("The rebels began handing over heavy weapons in line with the November peace deal.") \
        == "on the act, done"
    assert frame("Under the agreement, the rebels were to hand over their heavy weapons by Saturday.") \
        == "on the act, to come"
    assert frame("The army confirmed the receipt of heavy weapons, as agreed.") == "on the act, done"
    # a frame on another act, a frame with no deal noun near it, and no frame at all
    assert frame("Prisoners were freed as part of the truce.", "Rebels hand over heavy weapons.") == "elsewhere"
    assert frame("Under pressure from the army, rebels hand over heavy weapons.") == "none"
    assert frame("Rebels hand over heavy weapons.") == "none"
    # the act done under a deal wins over its other readings in the same articles
    assert frame("Under the deal the rebels would hand over heavy weapons.",
                 "They handed over heavy weapons as part of the accord.") == "on the act, done"
