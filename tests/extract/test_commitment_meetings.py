"""The promised act: a meeting to come told with its host is the host's undertaking to receive the guests
(``extract/commitment_meetings.py``); an act an agreement names only as the topic of talks it undertakes
gives way to the talks (``extract/commitments._talked_of``). Sentences of our own."""

from __future__ import annotations

import pytest

from tests.extract.annotate import annotated

PUBLISHED = "2024-11-20"
BOTH = ["Armenia", "Azerbaijan"]


@pytest.fixture(scope="module")
def full(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("timex", "actors", "quotes", "events", "commitments")



def _promised(full, text: str) -> list[tuple[str, str | None, list[str], list[str]]]:  # type: ignore[no-untyped-def]
    """(type, mode, obligor names, beneficiary names) of every commitment the text reads."""
    result = annotated(full, text, PUBLISHED)
    names = {e.id: e.name for e in result.entities}
    return [(c.action["type"], c.action["mode"], sorted(names[o] for o in c.obligor),
             sorted(names[b] for b in c.beneficiary)) for c in result.commitments]


@pytest.mark.parametrize("text, host, guests", [
    # a hosting verb to come: its subject is the host (the events component makes it the recipient)
    ("Qatar will host a new round of talks between Armenia and Azerbaijan next week.", ["Qatar"], BOTH),
    # a scheduling participle over the talks, the host the agent of "hosted by"
    ("Talks between Armenia and Azerbaijan are scheduled for next week in Doha, hosted by Qatar.", ["Qatar"], BOTH),
    # a scheduling participle on the summit's noun, the host its inviter
    ("The deal paves the way for a summit scheduled for the end of July at the White House, at the invitation "
     "of President Donald Trump.", ["Donald Trump"], []),
])
def test_a_meeting_to_come_binds_its_host(full, text: str, host: list[str], guests: list[str]) -> None:  # type: ignore[no-untyped-def]
    made = _promised(full, text)
    assert ("CONSULT", "visit", host, guests) in made


@pytest.mark.parametrize("text", [
    # held, not to come
    "Qatar hosted talks between Armenia and Azerbaijan last week.",
    # to come, but nobody named who holds them
    "Talks between Armenia and Azerbaijan are set to continue next week.",
    # called off
    "The summit scheduled for July at the invitation of Donald Trump was cancelled.",
])
def test_no_host_undertaking(full, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [c for c in annotated(full, text, PUBLISHED).commitments if "held by its host" in (c.why or "")] == []


@pytest.mark.parametrize("text", [
    "Armenia and Azerbaijan agreed to hold talks on a prisoner exchange.",
    "Armenia and Azerbaijan agreed to resume negotiations on the withdrawal of troops.",
    "Armenia and Azerbaijan agreed to form a working group to negotiate the exchange of prisoners.",
])
def test_an_act_named_as_the_topic_of_talks_promised_is_the_talks(full, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _promised(full, text) == [("CONSULT", None, BOTH, BOTH)]


@pytest.mark.parametrize("text, act", [
    # the act agreed itself, no talks over it
    ("Armenia and Azerbaijan agreed to a prisoner exchange.", ("RETREAT", "release")),
    # talks already held are no act of the promise: the exchange is what was agreed
    ("After talks on the matter, Armenia and Azerbaijan agreed on a prisoner exchange.", ("RETREAT", "release")),
])
def test_an_act_agreed_outside_talks_stays(full, text: str, act: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    assert act in [(t, m) for t, m, _o, _b in _promised(full, text)]


@pytest.mark.parametrize("text, act", [
    # what is handed over is a list: the prisoners are what it is about (COOPERATE, passing information)
    ("Under the agreement, Azerbaijan will hand over a list of the names of prisoners to be released by Saturday.",
     ("COOPERATE", None)),
    # the object's own head still decides: bodies and weapons are handed over themselves
    ("Under the agreement, Azerbaijan will hand over the bodies of four soldiers by Saturday.", ("RETREAT", "release")),
    ("Under the agreement, Armenia will hand over its heavy weapons by Saturday.", ("RETREAT", "disarm")),
])
def test_what_is_handed_over_is_the_objects_head(full, text: str, act: tuple[str, str | None]) -> None:  # type: ignore[no-untyped-def]
    assert [(t, m) for t, m, _o, _b in _promised(full, text)] == [act]
