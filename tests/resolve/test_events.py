from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from peacewatch.resolve import LedgerSettings, build_ledger
from peacewatch.types import Argument, Entity, Event, Result

AZE = Entity("e1", "Azerbaijan", "state", "AZE", "GOV")
ARM = Entity("e2", "Armenia", "state", "ARM", "GOV")


def ev(eid: str, type_: str = "RETREAT", **fields: Any) -> Event:
    fields.setdefault("actor", [Argument("e1", "AZE", "GOV", "Azerbaijan")])
    fields.setdefault("recipient", [Argument("e2", "ARM", "GOV", "Armenia")])
    return Event(eid, type_, (0, 5), (0, 20), **fields)


def doc(did: str, published: str, *events: Event) -> Result:
    return Result(did, published, entities=[AZE, ARM], events=list(events))


def groups(*docs: Result, **opts: Any) -> list[list[str]]:
    ledger = build_ledger(docs, LedgerSettings(**opts))
    return sorted(sorted(f"{m.doc}#{m.event}" for m in e.mentions) for e in ledger.events)


def test_same_event_different_granularity_merges() -> None:
    a = doc("a", "2023-12-13", ev("x", mode="release", date="2023-12-13"))
    b = doc("b", "2024-01-04", ev("y", mode="release", date="2023-12"))
    assert groups(a, b) == [["a#x", "b#y"]]


def test_different_days_type_mode_status_or_sides_stay_apart() -> None:
    base = doc("a", "2023-12-13", ev("x", mode="release", date="2023-12-13"))
    others = [
        ev("y", mode="release", date="2023-12-20"),
        ev("y", mode="withdraw", date="2023-12-13"),
        ev("y", "ASSAULT", date="2023-12-13"),
        ev("y", mode="release", date="2023-12-13", status="future"),
        ev("y", mode="release", date="2023-12-13", actor=[Argument("e2", "ARM", "GOV", "Armenia")],
           recipient=[Argument("e1", "AZE", "GOV", "Azerbaijan")]),
        ev("y", mode="release", date="2023-12-13", quantity={"value": 5, "unit": "person"}),
    ]
    base.events[0].quantity = {"value": 32, "unit": "person"}
    for other in others:
        assert groups(base, doc("b", "2023-12-14", other)) == [["a#x"], ["b#y"]], other


def test_a_year_cannot_chain_two_different_days() -> None:
    a = doc("a", "2023-12-13", ev("x", date="2023-03-01"))
    b = doc("b", "2023-12-14", ev("y", date="2023-09-01"))
    c = doc("c", "2024-01-02", ev("z", date="2023"))
    # the year joins the first day-level cluster in canonical order, never both
    assert groups(a, b, c) == [["a#x", "c#z"], ["b#y"]]


def test_undated_reports_are_placed_before_their_publication() -> None:
    a = doc("a", "2023-12-13", ev("x", date="2023-12-13"))
    near = doc("b", "2023-12-15", ev("y"))
    far = doc("c", "2024-03-01", ev("z"))
    assert groups(a, near, far) == [["a#x", "b#y"], ["c#z"]]
    assert groups(a, near, undated_window_days=0, date_slack_days=0) == [["a#x"], ["b#y"]]


def test_repeats_in_one_document_merge() -> None:
    a = doc("a", "2023-12-13", ev("x", date="2023-12-13"), ev("y"))
    assert groups(a) == [["a#x", "a#y"]]


def test_mode_none_matches_is_a_setting() -> None:
    a = doc("a", "2023-12-13", ev("x", mode="release", date="2023-12-13"))
    b = doc("b", "2023-12-13", ev("y", date="2023-12-13"))
    assert groups(a, b) == [["a#x", "b#y"]]
    assert groups(a, b, mode_none_matches=False) == [["a#x"], ["b#y"]]


def test_merged_arguments_use_ledger_ids_and_scores_come_from_the_table() -> None:
    ledger = build_ledger([doc("a", "2023-12-13", ev("x", mode="release", date="2023-12-13"))])
    [event] = ledger.events
    assert [a.entity for a in event.actor] == ["state:AZE"]
    assert (event.score, event.quad) == (6.5, "material_cooperation")


@settings(max_examples=40, deadline=None)
@given(st.permutations(range(6)), st.lists(st.sampled_from(["2023-12-13", "2023-12", None, "2023-12-20"]),
                                           min_size=6, max_size=6))
def test_clusters_never_depend_on_order(order: list[int], dates: list[str | None]) -> None:
    docs = [doc(f"d{i}", "2023-12-21", ev("x", date=d)) for i, d in enumerate(dates)]
    assert groups(*docs) == groups(*[docs[i] for i in order])


def test_across_documents_a_shared_party_and_a_date_are_needed() -> None:
    nobody = {"actor": [], "recipient": []}
    a = doc("a", "2023-12-13", ev("x", date="2023-12-13", **nobody), ev("y", **nobody))
    b = doc("b", "2023-12-13", ev("z", date="2023-12-13", **nobody))
    # repeats inside one document merge; the other outlet's bare report does not join them
    assert groups(a, b) == [["a#x", "a#y"], ["b#z"]]
    undated = Result("c", None, entities=[AZE, ARM], events=[ev("w")])
    assert groups(doc("d", "2023-12-13", ev("v", date="2023-12-13")), undated) == [["c#w"], ["d#v"]]


def test_merged_ids_are_unique_even_when_a_document_reuses_a_span_or_an_id() -> None:
    a = doc("a", "2023-12-13", ev("x", date="2023-12-13"), ev("x", "ASSAULT", date="2023-12-13"),
            ev("x", date="2023-12-13", actor=[Argument("e2", "ARM", "GOV", "Armenia")],
               recipient=[Argument("e1", "AZE", "GOV", "Azerbaijan")]))
    ledger = build_ledger([a])
    assert len(ledger.events) == 3 and len({e.id for e in ledger.events}) == 3
