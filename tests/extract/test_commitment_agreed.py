"""An act told as agreed by a participle on its own noun ("four months of humanitarian truce agreed between
X and Y", "the prisoner exchange agreed by X and Y in March"): a promise of that act by the parties the
participle names, made when it was agreed and no later than the act began (``extract/commitment_agreed.py``,
``extract/commitments.py`` ``_agreed_participle``); and the shapes that agree no act."""

from __future__ import annotations

import pytest

from peacewatch.extract.commitment_agreed import agreed_made
from peacewatch.types import Event
from tests.extract.annotate import annotated

PUBLISHED = "2024-11-20"
BOTH = ["Armenia", "Azerbaijan"]


@pytest.fixture(scope="module")
def full(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("timex", "actors", "quotes", "events", "commitments")



def _promised(full, text: str) -> list[tuple[str, str | None, list[str], str | None]]:  # type: ignore[no-untyped-def]
    """(type, mode, obligor names, made) of every commitment the text reads."""
    result = annotated(full, text, PUBLISHED)
    names = {e.id: e.name for e in result.entities}
    return [(c.action["type"], c.action["mode"], sorted(names[o] for o in c.obligor), c.made)
            for c in result.commitments]


@pytest.mark.parametrize("text, found", [
    # the participle follows the act's noun; the parties are named after "between" or "by"
    ("Clashes returned in September, ending four months of humanitarian truce agreed between Armenia and "
     "Azerbaijan.", [("RETREAT", "ceasefire", BOTH, "2024-09")]),
    ("The prisoner exchange agreed by Armenia and Azerbaijan in March took place on April 2.",
     [("RETREAT", "release", BOTH, "2024-03")]),
])
def test_an_act_agreed_by_a_participle_is_promised_by_its_parties(
        full, text: str, found: list[tuple[str, str | None, list[str], str | None]]) -> None:  # type: ignore[no-untyped-def]
    assert _promised(full, text) == found


@pytest.mark.parametrize("text", [
    # a verb with an object of its own is no participle on the act: the truce is its subject
    "The ceasefire reached a deal with Azerbaijan, Armenia said.",
    # a participle that names no party, on an act with no actor
    "The officials said the prisoner exchange agreed in March had taken place.",
    # "agreed to" is an agreement to come, read as a promise of its own, not an act agreed
    "The truce agreed to by Armenia and Azerbaijan did not hold.",
])
def test_no_act_agreed_by_a_participle(full, text: str) -> None:  # type: ignore[no-untyped-def]
    result = annotated(full, text, PUBLISHED)
    assert any(e.type == "AGREE" for e in result.events)  # the participle is read, as an agreement
    assert [c.why for c in result.commitments if "participle" in (c.why or "")] == []


def _event(date: str | None) -> Event:
    return Event(id="e", type="AGREE", trigger_span=(0, 1), span=(0, 1), date=date)


@pytest.mark.parametrize("agreed, act, made", [
    ("2024-09", "2024-04", "2024-04"),  # the truce began before the month the sentence names: agreed by then
    ("2024-03", "2024-04-02", "2024-03"),  # the exchange came after the agreement: agreed on its own day
    (None, "2024-04", "2024-04"),  # an undated agreement: no later than the act began
    ("2024-03", None, "2024-03"),
])
def test_an_agreement_is_made_no_later_than_the_act_it_agrees_began(
        agreed: str | None, act: str | None, made: str | None) -> None:
    assert agreed_made(_event(agreed), _event(act)) == made
