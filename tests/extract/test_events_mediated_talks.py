"""Talks a noun names by their mediator alone (docs/events.md, "Twelfth round: whole articles"): the
parties talk, the mediator receives (coding guide, "Talks"). On texts of an invented conflict written for
these tests."""

from __future__ import annotations

import pytest

from .annotate import annotated, events_pipeline


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return events_pipeline(make_pipeline)


def _talks(pipe, text: str) -> list[tuple[frozenset[str], frozenset[str]]]:  # type: ignore[no-untyped-def]
    """(actor codes, recipient codes) of every CONSULT event of ``text``."""
    return [(frozenset(a.code for a in e.actor if a.code), frozenset(r.code for r in e.recipient if r.code))
            for e in annotated(pipe, text, "2024-05-10").events if e.type == "CONSULT"]


def test_sponsored_talks_are_the_parties_with_every_sponsor_receiving(pipe) -> None:  # type: ignore[no-untyped-def]
    # before: Qatar (the adjective) talked and Egypt (the participle's) received
    text = ("On Monday, Kenya and Uganda agreed to a three-day truce as part of the Qatari and "
            "Egyptian-sponsored talks in Doha.")
    assert _talks(pipe, text) == [(frozenset({"KEN", "UGA"}), frozenset({"QAT", "EGY"}))]


def test_talks_named_by_the_mediator_are_the_sides_talks(pipe) -> None:  # type: ignore[no-untyped-def]
    # "the Qatari talks", where Qatar mediates: talks in Qatar's care, not Qatar talking
    text = "Kenya and Uganda signed a truce in May, mediated by Qatar. The Qatari talks resumed on Monday."
    events = annotated(pipe, text, "2024-05-10").events
    talks = [e for e in events if e.type == "CONSULT"]
    assert len(talks) == 1
    assert {a.code for a in talks[0].actor} == {"KEN", "UGA"}
    assert {r.code for r in talks[0].recipient} == {"QAT"}
    assert talks[0].mode == "third-party"


@pytest.mark.parametrize("text, actors, recipients", [
    # no mediator named: the modifier stays the actor
    ("The Washington talks on the border crisis began on Monday.", {"USA"}, set()),
    # the mediator's own talks, told by a possessor or a clause subject: its own act
    ("Kenya and Uganda signed a truce in May, mediated by Qatar. Qatar held talks with Egypt on Tuesday.",
     {"QAT"}, {"EGY"}),
    ("Kenya and Uganda signed a truce in May, mediated by Qatar. Qatar's talks with Egypt lasted hours.",
     {"QAT"}, {"EGY"}),
])
def test_talks_that_are_no_mediated_talks_keep_their_actor(pipe, text: str, actors: set[str],  # type: ignore[no-untyped-def]
                                                           recipients: set[str]) -> None:
    assert _talks(pipe, text) == [(frozenset(actors), frozenset(recipients))]


def test_with_no_side_named_the_talks_keep_what_they_had(pipe) -> None:  # type: ignore[no-untyped-def]
    # Qatar mediates, but no party was named before the talks: there is no side to give them
    text = "Qatar mediated in the crisis last year. The Qatari talks resumed on Monday."
    talks = annotated(pipe, text, "2024-05-10").events[-1]
    assert text[talks.trigger_span[0]:talks.trigger_span[1]] == "talks"
    assert ({a.code for a in talks.actor}, talks.recipient, talks.mode) == ({"QAT"}, [], None)


@pytest.mark.parametrize("text", [
    # the article names the mediator before the talks, beside them, or as their seat
    "Kenya and Uganda signed a truce in May, mediated by Qatar. Kenya and Uganda held talks on Monday.",
    "Kenya and Uganda have restarted peace talks, mediator Qatar said Tuesday.",
    "The Government of Qatar, headquarters of the talks, thanked the delegations. Kenya and Uganda held talks "
    "on Monday.",
])
def test_the_parties_talks_are_received_by_the_articles_mediator(pipe, text: str) -> None:  # type: ignore[no-untyped-def]
    # before: the parties talked with no one receiving, no mode
    talks = [e for e in annotated(pipe, text, "2024-05-10").events if e.type == "CONSULT" and e.actor]
    assert [({a.code for a in e.actor}, {r.code for r in e.recipient}, e.mode) for e in talks] == [
        ({"KEN", "UGA"}, {"QAT"}, "third-party")]
    # no sentence of the talks names it: the ledger merges them as told
    assert all(r.implicit for r in talks[0].recipient)


@pytest.mark.parametrize("text, actors, recipients", [
    # no mediator or host named: the parties' own talks
    ("Kenya and Uganda held talks on Monday.", {"KEN", "UGA"}, set()),
    # a headquarters that is no seat of talks names no host
    ("The UN headquarters thanked the delegations. Kenya and Uganda held talks on Monday.", {"KEN", "UGA"}, set()),
    # the mediator talking with another state is a party itself
    ("Kenya and Uganda signed a truce in May, mediated by Qatar. Qatar and Egypt held talks on Tuesday.",
     {"QAT", "EGY"}, set()),
    # talks told as held without a go-between
    ("Kenya and Uganda signed a truce in May, mediated by Qatar. Kenya and Uganda held direct talks on Monday.",
     {"KEN", "UGA"}, set()),
    # talks not (yet) held: no table the mediator sat at
    ("Kenya and Uganda signed a truce in May, mediated by Qatar. Kenya and Uganda did not hold talks on Monday.",
     {"KEN", "UGA"}, set()),
])
def test_talks_with_no_mediator_outside_them_keep_their_sides(pipe, text: str, actors: set[str],  # type: ignore[no-untyped-def]
                                                             recipients: set[str]) -> None:
    talks = [e for e in annotated(pipe, text, "2024-05-10").events if e.type == "CONSULT" and e.actor]
    assert [({a.code for a in e.actor}, {r.code for r in e.recipient}, e.mode) for e in talks] == [
        (actors, recipients, None)]
