"""Acts told in lists and in coordinated verbs share how the first of them is told, and a truce told by
its terms is agreed, not carried out (coding guide, "Retreats": an agreed, not yet carried out
ceasefire, release or withdrawal is CONCEDE ``future``). On texts of an invented conflict written for
these tests (docs/events.md, "Sixth round")."""

from __future__ import annotations

import pytest

from .annotate import annotated, events_pipeline
from .annotate import types_and_status as _events


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return events_pipeline(make_pipeline)


def test_every_item_of_an_agreed_list_is_agreed(pipe) -> None:  # type: ignore[no-untyped-def]
    # the parser hangs "the release" on "agreement" as an appositive, across the verb: the list goes on
    text = ("The agreement provides for a ceasefire, the release of all prisoners and the withdrawal "
            "of troops from the border.")
    assert _events(pipe, text) == [("CONCEDE", "future")] * 3


def test_an_appositive_beside_its_noun_is_no_list(pipe) -> None:  # type: ignore[no-untyped-def]
    # an appositive next to the noun it names ("the accord, a ceasefire") is not read as a list item
    text = "The Lindi accord, a truce signed in March, took effect on Sunday."
    assert ("CONCEDE", "future") not in _events(pipe, text)


def test_coordinated_verbs_share_the_modal_and_the_negation(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "The Northern Front will withdraw from the border towns and free all detainees."
    assert _events(pipe, text) == [("CONCEDE", "future")] * 2
    text = "The Northern Front did not withdraw from Tumbo or release the hostages."
    assert [status for _type, status in _events(pipe, text)] == ["negated", "negated"]
    text = "Under the deal, the Northern Front will release 20 soldiers, hand over their weapons and withdraw."
    # three agreed retreats: the weapons handed over are an agreed disarmament (matching.handover)
    assert _events(pipe, text) == [("CONCEDE", "future")] * 3


def test_a_coordinated_verb_of_its_own_keeps_its_own_reading(pipe) -> None:  # type: ignore[no-untyped-def]
    # the same past tense: both done
    text = "The Northern Front withdrew from Tumbo and released the hostages on Sunday."
    assert _events(pipe, text) == [("RETREAT", "occurred")] * 2
    # "but" sets the second verb against the first
    text = "The Northern Front did not withdraw from Tumbo but released the hostages."
    assert [status for _type, status in _events(pipe, text)] == ["negated", "occurred"]


def test_a_truce_told_by_its_terms_is_agreed(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "The truce between Lindi and the Northern Front includes the release of 33 prisoners."
    assert _events(pipe, text) == [("CONCEDE", "future")] * 2
    text = "The first phase of the truce provides for the withdrawal of Lindi troops."
    assert _events(pipe, text)[0] == ("CONCEDE", "future")


def test_a_truce_in_force_is_a_retreat(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "The truce between Lindi and the Northern Front took effect on Sunday."
    assert _events(pipe, text) == [("RETREAT", "occurred")]
    # terms told in the past are the terms of a truce that was in force
    text = "The truce between Lindi and the Northern Front included the release of 33 prisoners."
    assert _events(pipe, text)[0] == ("RETREAT", "occurred")


def _acts(pipe, text: str) -> list[tuple[str, set[str | None]]]:  # type: ignore[no-untyped-def]
    """(type, actor codes) of every event of ``text``."""
    return [(e.type, {a.code for a in e.actor}) for e in annotated(pipe, text, "2024-05-10").events]


def test_an_act_told_aside_in_a_relative_clause_is_an_event_of_its_antecedent(pipe) -> None:  # type: ignore[no-untyped-def]
    # "which signed …" set off by commas tells an act of its own, by the country it stands for
    assert ("SUPPORT", {"ETH"}) in _acts(pipe, "Kenya praised Ethiopia, which signed the accord in March.")
    text = "Kenya thanked Uganda, which withdrew its troops from the border, for its help."
    assert ("RETREAT", {"UGA"}) in _acts(pipe, text)


def test_a_statement_in_a_relative_clause_stays_background(pipe) -> None:  # type: ignore[no-untyped-def]
    # "which accused …" tells what the antecedent is like, not a new act of the article
    text = "Kenya criticized Uganda, which accused Ethiopia of arming the rebels."
    assert [t for t, _codes in _acts(pipe, text)] == ["ACCUSE"]
