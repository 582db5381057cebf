"""One event per real event across outlets: the merges that reports of different documents get
beyond the rules of one document, and the conflicts a merged event keeps in view."""

from __future__ import annotations

from typing import Any

from peacewatch.config import LedgerSettings
from peacewatch.resolve import build_ledger
from peacewatch.types import Argument, Entity, Event, Result

ENTS = [Entity("e1", "Azerbaijan", "state", "AZE", "GOV"), Entity("e2", "Armenia", "state", "ARM", "GOV"),
        Entity("h1", "Luis Diaz Sr.", "organization", None, None),
        Entity("h2", "Luis Manuel Diaz", "person", None, None),
        Entity("g1", "the rebels", "armed_group", "AZE", "REB")]
AZE = Argument("e1", "AZE", "GOV", "Azerbaijan")
ARM = Argument("e2", "ARM", "GOV", "Armenia")
REBELS = Argument("g1", "AZE", "REB", "the rebels")


def ev(eid: str, type_: str, actor: list[Argument], recipient: list[Argument], at: int = 0, **fields: Any) -> Event:
    return Event(eid, type_, (at, at + 5), (at, at + 20), actor=actor, recipient=recipient, **fields)


def doc(did: str, published: str, *events: Event) -> Result:
    return Result(did, published, entities=ENTS, events=list(events))


def groups(*docs: Result) -> list[list[str]]:
    return sorted(sorted(f"{m.doc}#{m.event}" for m in e.mentions) for e in build_ledger(docs).events)


def test_a_signing_and_an_agreement_reported_on_one_day_are_one_event_the_signing() -> None:
    a = doc("a", "2023-12-08", ev("x", "AGREE", [AZE, ARM], [], date="2023-12-07"))
    b = doc("b", "2023-12-08", ev("y", "SUPPORT", [AZE], [], mode="sign", date="2023-12-07"))
    [event] = build_ledger([a, b]).events
    assert (event.type, event.mode, event.sources) == ("SUPPORT", "sign", 2)


def test_two_outlets_counting_one_release_differently_merge_and_the_conflict_is_kept() -> None:
    a = doc("a", "2023-12-13", ev("x", "RETREAT", [AZE], [ARM], mode="release", date="2023-12-13",
                                  quantity={"value": 13, "unit": "person"}))
    b = doc("b", "2023-12-14", ev("y", "RETREAT", [AZE], [ARM], mode="release", date="2023-12-13",
                                  quantity={"value": 24, "unit": "person"}))
    [event] = build_ledger([a, b]).events
    assert event.conflicts == ["person: 13 (a); 24 (b)"]
    # within one document two counts are two acts
    assert len(build_ledger([doc("c", "2023-12-13", *a.events, ev("z", "RETREAT", [AZE], [ARM], mode="release",
                                                                   date="2023-12-13", at=30,
                                                                   quantity={"value": 24, "unit": "person"}))])
                            .events) == 2


def test_outlets_naming_a_hostage_differently_still_report_one_abduction() -> None:
    a = doc("a", "2023-10-29", ev("x", "ASSAULT", [REBELS], [Argument("h1", None, None, "Luis Diaz Sr.")],
                                  mode="abduct", date="2023-10-28"))
    b = doc("b", "2023-10-30", ev("y", "ASSAULT", [REBELS], [Argument("h2", None, None, "Luis Manuel Diaz")],
                                  mode="abduct", date="2023-10-28"))
    assert groups(a, b) == [["a#x", "b#y"]]
    # two country-coded recipients that differ are a real contradiction
    c = doc("c", "2023-10-30", ev("z", "ASSAULT", [REBELS], [ARM], mode="abduct", date="2023-10-28"))
    d = doc("d", "2023-10-30", ev("w", "ASSAULT", [REBELS], [AZE], mode="abduct", date="2023-10-28"))
    assert groups(c, d) == [["c#z"], ["d#w"]]


def test_an_act_whose_doer_one_outlet_leaves_out_joins_by_its_mode_and_day() -> None:
    a = doc("a", "2023-06-10", ev("x", "SUPPORT", [REBELS], [], mode="sign", date="2023-06-09"))
    b = doc("b", "2023-06-10", ev("y", "SUPPORT", [], [AZE], mode="sign", date="2023-06-09"))
    assert groups(a, b) == [["a#x", "b#y"]]
    c = doc("c", "2023-06-10", ev("z", "SUPPORT", [], [AZE], mode="sign", date="2023-06-12"))
    assert groups(a, c) == [["a#x"], ["c#z"]]


def test_an_agreement_whose_outlets_name_different_sides_of_one_country_is_one() -> None:
    a = doc("a", "2022-11-03", ev("x", "AGREE", [REBELS], [], date="2022-11-02"))
    b = doc("b", "2022-11-03", ev("y", "AGREE", [AZE], [], date="2022-11-02"))
    assert groups(a, b) == [["a#x", "b#y"]]
    # an attack is not a joint act: the army and the rebels are two sides
    c = doc("c", "2022-11-03", ev("p", "ASSAULT", [REBELS], [], date="2022-11-02"))
    d = doc("d", "2022-11-03", ev("q", "ASSAULT", [AZE], [], date="2022-11-02"))
    assert groups(c, d) == [["c#p"], ["d#q"]]


def test_an_undated_act_joins_the_dated_one_of_its_mode_and_actor_just_before_it() -> None:
    # "the rebels released the hostages" in a paper of the 15th; another dated the release the 13th
    a = doc("a", "2023-12-14", ev("x", "RETREAT", [REBELS], [], mode="release", date="2023-12-13"))
    b = doc("b", "2023-12-15", ev("y", "RETREAT", [REBELS], [], mode="release"))
    assert groups(a, b) == [["a#x", "b#y"]]
    [event] = build_ledger([a, b]).events
    assert (event.date, event.sources) == ("2023-12-13", 2)
    # five days after the dated release (still in its week) it is no news of the days just before; it
    # joins only as the one release of the rebels told on a day of its week (clusters.place, the lone
    # fit), not when another outlet tells a second one that week; without a mode in common it stays apart
    late = doc("c", "2023-12-18", ev("z", "RETREAT", [REBELS], [], mode="release"))
    assert groups(a, late) == [["a#x", "c#z"]]
    assert "the only RETREAT of a shared actor" in build_ledger([a, late]).events[0].why
    second = doc("f", "2023-12-16", ev("u", "RETREAT", [REBELS], [ARM], mode="release", date="2023-12-15",
                                       quantity={"value": 5, "unit": "person"}))
    assert groups(a, late, second) == [["a#x"], ["c#z"], ["f#u"]]
    modeless = doc("d", "2023-12-15", ev("w", "RETREAT", [REBELS], []))
    assert groups(a, modeless) == [["a#x"], ["d#w"]]
    # a month-level date is no day to anchor an undated report to
    month = doc("e", "2023-12-14", ev("v", "RETREAT", [REBELS], [], mode="release", date="2023-12"))
    assert groups(month, b) == [["b#y"], ["e#v"]]
    # the rule can be turned off: b then joins only as the one release of the rebels told in its week
    [off] = build_ledger([a, b], LedgerSettings(undated_joins_days=0)).events
    assert "undated release" not in off.why and "the only RETREAT of a shared actor" in off.why


def test_an_undated_ceasefire_joins_the_later_of_two_in_its_week() -> None:
    # agreed on the 15th (one outlet calls the deal "the ceasefire"), in force on the 19th
    agreed = doc("a", "2025-01-16", ev("x", "RETREAT", [AZE, REBELS], [], mode="ceasefire", date="2025-01-15"))
    begun = doc("b", "2025-01-19", ev("y", "RETREAT", [REBELS], [], mode="ceasefire", date="2025-01-19"))
    monday = doc("c", "2025-01-20", ev("z", "RETREAT", [REBELS], [], mode="ceasefire"))
    assert groups(agreed, begun, monday) == [["a#x"], ["b#y", "c#z"]]


def test_a_seizure_and_an_attack_of_one_group_on_one_stated_day_are_one_event_the_attack() -> None:
    # one outlet: the rebels attacked on the 7th; another: the rebels seized hostages that day
    a = doc("a", "2023-10-08", ev("x", "ASSAULT", [REBELS], [], date="2023-10-07"))
    b = doc("b", "2023-10-09", ev("y", "COERCE", [REBELS], [ARM], mode="seize", date="2023-10-07"))
    [event] = build_ledger([a, b]).events
    assert (event.type, event.mode, event.sources) == ("ASSAULT", None, 2)
    # strong evidence only: a seizure the next day, or by the state (a code, no shared entity), stays apart
    later = doc("c", "2023-10-10", ev("z", "COERCE", [REBELS], [ARM], mode="seize", date="2023-10-09"))
    assert groups(a, later) == [["a#x"], ["c#z"]]
    undated = doc("d", "2023-10-08", ev("w", "COERCE", [REBELS], [ARM], mode="seize"))
    assert groups(a, undated) == [["a#x"], ["d#w"]]
    # other kinds of coercion are not attacks
    arrest = doc("e", "2023-10-09", ev("v", "COERCE", [REBELS], [ARM], mode="arrest", date="2023-10-07"))
    assert groups(a, arrest) == [["a#x"], ["e#v"]]


def test_both_sides_backing_a_deal_is_their_agreement_and_a_third_states_welcome_is_not() -> None:
    a = doc("a", "2023-11-23", ev("x", "AGREE", [AZE, REBELS], [], date="2023-11-22"))
    b = doc("b", "2023-11-24", ev("y", "SUPPORT", [AZE, REBELS], [], date="2023-11-22"))
    [event] = build_ledger([a, b]).events
    # no report says it was signed: the merged event is the agreement, not a signing
    assert (event.type, event.mode, event.sources) == ("AGREE", None, 2)
    welcome = doc("c", "2023-11-24", ev("z", "SUPPORT", [ARM], [AZE, REBELS], date="2023-11-22"))
    assert groups(a, welcome) == [["a#x"], ["c#z"]]


def test_one_clause_telling_of_an_attack_and_a_seizure_is_one_event_without_a_date() -> None:
    raid = doc("a", "2023-10-08", ev("x", "ASSAULT", [REBELS], [], at=0),
               ev("y", "COERCE", [REBELS], [ARM], mode="seize", at=3))
    assert groups(raid) == [["a#x", "a#y"]]
    # two sentences of one article need the same stated day as well
    apart = doc("b", "2023-10-08", ev("x", "ASSAULT", [REBELS], [], at=0),
                ev("y", "COERCE", [REBELS], [ARM], mode="seize", at=60))
    assert groups(apart) == [["b#x"], ["b#y"]]
