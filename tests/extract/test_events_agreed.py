"""Acts an agreed text sets out, and acts that are "to" happen, are announced, not done: a retreat so
told is CONCEDE with status ``future`` (coding guide, "Retreats"). On texts written for these tests
(docs/events.md, "Third round")."""

from __future__ import annotations

import pytest

from .annotate import annotated, events_pipeline
from .annotate import types_and_status as _events


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return events_pipeline(make_pipeline)


def test_what_an_agreed_text_provides_for_is_agreed_not_done(pipe) -> None:  # type: ignore[no-untyped-def]
    text = ("Mozambique and Renamo signed a peace accord in Maputo. "
            "The accord provides for the release of 40 prisoners held by Renamo.")
    events = annotated(pipe, text, "2024-05-10").events
    assert [(e.type, e.status) for e in events] == [("SUPPORT", "occurred"), ("CONCEDE", "future")]
    assert {a.code for a in events[1].actor} == {"MOZ"}  # the parties of the accord
    # "calls for" in an agreed text is no demand
    text = "The Philippines and the MILF reached a deal. The deal calls for the withdrawal of army troops."
    assert _events(pipe, text) == [("AGREE", "occurred"), ("CONCEDE", "future")]
    assert _events(pipe, "The first phase of the truce includes the exchange of 50 prisoners.")[-1] == (
        "CONCEDE", "future")


def test_a_demand_by_someone_stays_a_demand(pipe) -> None:  # type: ignore[no-untyped-def]
    # only a text of agreement sets out provisions: a state calling for a withdrawal requests it
    assert _events(pipe, "Kenya called for the withdrawal of foreign troops from Somalia.") == [
        ("REQUEST", "requested")]


def test_an_act_that_is_to_happen_is_announced(pipe) -> None:  # type: ignore[no-untyped-def]
    # an announced release is an announced retreat, CONCEDE like the withdrawal (coding guide, "Retreats")
    assert _events(pipe, "The Ugandan army is to release 30 rebel prisoners on Sunday.") == [("CONCEDE", "future")]
    assert _events(pipe, "The Ugandan army is to withdraw from the border town by June.") == [("CONCEDE", "future")]


def test_a_promised_withdrawal_or_ceasefire_is_an_announced_retreat(pipe) -> None:  # type: ignore[no-untyped-def]
    # a binding wrapper over a withdrawal or ceasefire: CONCEDE future, not AGREE (issue #12,
    # CONCEDE read as RETREAT/AGREE); a second wrapper above it keeps the agreed retreat
    assert _events(pipe, "The rebels committed to withdrawing from Goma.") == [("CONCEDE", "future")]
    assert ("CONCEDE", "future") in _events(
        pipe, "Kinshasa agreed to a deal in July that commits both sides to a permanent ceasefire.")
    # readiness is no promise: it stays AGREE, as the PLOVER gold codes it
    assert _events(pipe, "The rebels said they were ready to withdraw from Goma.")[-1][0] == "AGREE"


def test_a_promised_release_and_an_agreed_retreat_noun_are_announced(pipe) -> None:  # type: ignore[no-untyped-def]
    # a unilateral promise of a release is an announced release: CONCEDE future, not AGREE occurred
    assert _events(pipe, "The M23 pledged the release of 50 prisoners.") == [("CONCEDE", "future")]
    assert _events(pipe, "The M23 commits to the release of all prisoners.") == [("CONCEDE", "future")]
    # "the agreed withdrawal" is agreed, not carried out
    assert _events(pipe, "The agreed withdrawal of Rwandan troops has been delayed.") == [("CONCEDE", "future")]


def test_a_present_passive_under_a_deal_is_a_term_not_a_deed(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "Under the deal, 50 hostages are released in exchange for 150 prisoners."
    assert ("CONCEDE", "future") in _events(pipe, text)
    # a past passive tells the release carried out
    text = "Under the deal, 50 hostages were released in exchange for 150 prisoners."
    assert ("CONCEDE", "future") not in _events(pipe, text)
