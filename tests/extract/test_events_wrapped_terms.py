"""Agreed acts a noun tells: an agreement noun and the infinitive it wraps ("an agreement to exchange
prisoners"), and the terms of an agreed text told in a relative clause on the text's noun ("signed a
deal under which X will withdraw"). The coding guide codes an agreed deal per provision ("Retreats":
announced or agreed retreats are CONCEDE `future`; promises and agreements AGREE). On texts of an
invented conflict written for these tests (docs/events.md, "Ninth round")."""

from __future__ import annotations

import pytest

from .annotate import acts, annotated, events_pipeline


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return events_pipeline(make_pipeline)


KE_UG = frozenset({"KEN", "UGA"})


def test_an_agreement_to_act_is_one_agreed_act(pipe) -> None:  # type: ignore[no-untyped-def]
    # the noun and its infinitive each took the other in, and the sentence had no event at all
    assert acts(pipe, "Kenya and Uganda announced an agreement to exchange prisoners.") == [
        ("AGREE", "occurred", KE_UG)]
    assert acts(pipe, "Kenya and Uganda announced an agreement to withdraw their troops.") == [
        ("CONCEDE", "future", KE_UG)]
    assert [t for t, _s, _a in acts(pipe, "An agreement to exchange prisoners was announced on Monday.")] == [
        "AGREE"]


def test_a_participle_on_talks_still_tells_who_mediates(pipe) -> None:  # type: ignore[no-untyped-def]
    # guard: "talks mediated by X" is one mediated meeting, the participle taking the talks in
    events = annotated(pipe, "Talks mediated by Kenya began in Nairobi on Monday.", "2024-05-10").events
    assert [(e.type, e.mode) for e in events] == [("CONSULT", "third-party")]


def test_a_term_told_under_which_is_agreed_beside_the_signing(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "Kenya and Uganda signed a deal under which Uganda will withdraw its troops from Arvo."
    assert acts(pipe, text) == [("SUPPORT", "occurred", KE_UG), ("CONCEDE", "future", frozenset({"UGA"}))]
    text = "Kenya and Uganda reached an agreement under which Uganda would free 30 prisoners and Kenya would " \
           "release 90 detainees."
    assert acts(pipe, text) == [("AGREE", "occurred", KE_UG), ("CONCEDE", "future", frozenset({"UGA"})),
                                 ("CONCEDE", "future", frozenset({"KEN"}))]


def test_a_term_a_relative_clause_sets_out_is_agreed(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "Kenya and Uganda signed a deal that would see Uganda withdraw its troops from Arvo."
    assert acts(pipe, text) == [("SUPPORT", "occurred", KE_UG), ("CONCEDE", "future", frozenset({"UGA"}))]
    text = "Kenya welcomed the deal, which calls for the withdrawal of Ugandan troops."
    assert [(t, s) for t, s, _a in acts(pipe, text)] == [("SUPPORT", "occurred"), ("CONCEDE", "future")]
    text = "Kenya and Uganda signed a deal which includes a ceasefire and the release of prisoners."
    assert [(t, s) for t, s, _a in acts(pipe, text)] == [("SUPPORT", "occurred")] + [("CONCEDE", "future")] * 2


def test_a_term_told_done_and_a_clause_about_the_deal_itself(pipe) -> None:  # type: ignore[no-untyped-def]
    # a past tense tells the term carried out (it was dropped as background beside the signing); a clause
    # telling what happened to the deal itself is background, not a term (a guard)
    text = "Kenya and Uganda signed a deal in 2019 under which Uganda withdrew its troops from Arvo."
    assert [(t, s) for t, s, _a in acts(pipe, text)] == [("SUPPORT", "historical"), ("RETREAT", "historical")]
    text = "Kenya rejected the deal, which Uganda signed in Nairobi."
    assert [t for t, _s, _a in acts(pipe, text)] == ["REJECT"]
