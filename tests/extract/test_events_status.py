"""Acts that a deadline or target was set for have not happened: negated when the text says the
target was missed, announced (future) when it says nothing of the outcome (coding guide, "Status").
On texts written for these tests (docs/events.md, "Status of targets")."""

from __future__ import annotations

import pytest

from peacewatch.pipeline import registered

from .annotate import annotated, events_pipeline
from .annotate import types_and_status as _events


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return events_pipeline(make_pipeline)


@pytest.mark.parametrize("text, expected", [
    ("The government missed its deadline to disarm the militia.", ("RETREAT", "negated")),
    ("The deadline for the withdrawal of the rebels passed without any pullout.", ("RETREAT", "negated")),
    ("The two sides failed to meet their target of signing a peace deal by August.", ("SUPPORT", "negated")),
    ("The sides did not meet the deadline for the exchange of prisoners.", ("RETREAT", "negated")),
])
def test_an_act_whose_target_was_missed_did_not_happen(pipe, text: str,  # type: ignore[no-untyped-def]
                                                      expected: tuple[str, str]) -> None:
    assert _events(pipe, text) == [expected]


def test_an_act_with_a_target_not_yet_reached_is_announced(pipe) -> None:  # type: ignore[no-untyped-def]
    # a target set for a retreat, the outcome not told: the retreat is announced, CONCEDE future
    assert _events(pipe, "Their deadline for the withdrawal of the militia is the end of June.") == [
        ("CONCEDE", "future")]


def test_target_as_a_verb_is_no_deadline(nlp) -> None:  # type: ignore[no-untyped-def]
    from peacewatch.extract.events.wrappers import wrapper_role

    verb = nlp("The army targeted the convoy.")[2]
    noun = nlp("The target was the convoy.")[1]
    assert (verb.lemma_, wrapper_role(verb)) == ("target", None)
    assert wrapper_role(noun) == "target"


@pytest.mark.parametrize("text", [
    "Under the deal, the rebels would withdraw from the northern towns within 30 days.",
    "Under the agreement, the army is to release 40 prisoners held since March.",
    "Under the terms of the pact, the militia releases 20 captives in the first week.",
])
def test_a_retreat_told_as_a_term_of_a_deal_is_agreed_not_done(pipe, text: str) -> None:  # type: ignore[no-untyped-def]
    # the deal in "under the deal" is the text the act is a term of, never what is withdrawn from
    assert _events(pipe, text)[-1] == ("CONCEDE", "future")


def test_a_retreat_carried_out_under_a_deal_happened(pipe) -> None:  # type: ignore[no-untyped-def]
    assert _events(pipe, "Under the deal, the rebels withdrew from the northern towns on Monday.") == [
        ("RETREAT", "occurred")]
    assert _events(pipe, "The rebels withdrew from the deal.") == [("REJECT", "occurred")]


def test_what_talks_focused_on_is_their_topic(pipe) -> None:  # type: ignore[no-untyped-def]
    # the release and the truce are what the talks were about, not acts: no event of their own
    assert _events(pipe, "The talks focused on the release of prisoners and a ceasefire.") == [
        ("CONSULT", "occurred")]
    assert _events(pipe, "The negotiations in Doha centred on the withdrawal of foreign troops.") == [
        ("CONSULT", "occurred")]
    # a subject that is no talks: the act is the army's own
    assert _events(pipe, "The army focused on the withdrawal of its troops from the border.") == [
        ("RETREAT", "occurred")]


def test_what_a_meeting_discusses_compliance_with_is_a_topic(pipe) -> None:  # type: ignore[no-untyped-def]
    # the truce whose compliance is discussed is no truce carried out that day
    assert _events(pipe, "The delegations met in Nairobi to discuss compliance with the truce.") == [
        ("CONSULT", "occurred")]
    # what talks included is what they were about
    assert _events(pipe, "The talks included discussions on a new mechanism, alongside an exchange of detainees.") == [
        ("CONSULT", "occurred")]
    # a truce complied with is an act of its own
    assert _events(pipe, "The rebels complied with the ceasefire.") == [("RETREAT", "occurred")]


@pytest.mark.parametrize("text, expected", [
    # an announced release is an announced retreat: CONCEDE future (coding guide, "Retreats")
    ("The rebels will release the twelve aid workers next week.", ("CONCEDE", "future")),
    ("The militia will free the abducted engineers on Sunday.", ("CONCEDE", "future")),
    # told as done, it stays the release itself
    ("The rebels released the twelve aid workers on Tuesday.", ("RETREAT", "occurred")),
])
def test_an_announced_release_is_a_concession(pipe, text: str,  # type: ignore[no-untyped-def]
                                              expected: tuple[str, str]) -> None:
    assert expected in _events(pipe, text)


def test_an_announced_release_keeps_its_act_for_the_commitments(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    # the act conceded, not CONCEDE's missing mode, is what the ledger tells two concessions apart by
    # (resolve/reports.py): the commitment of an announced release promises a release
    if "actors" not in registered():
        pytest.skip("events need actor codes from the 'actors' component")
    pipe = make_pipeline("timex", "actors", "events", "commitments")
    result = annotated(pipe, "The ELN will release the twelve aid workers next week.", "2024-05-10")
    [event] = [e for e in result.events if e.type == "CONCEDE"]
    assert [(c.action["type"], c.action["mode"]) for c in result.commitments if c.event == event.id] == [
        ("RETREAT", "release")]
    assert event.cameo == "0841"  # CAMEO's "release persons", not the bare root of a concession
