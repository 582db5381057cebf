"""Agreed acts a noun tells: an agreement noun and the infinitive it wraps ("an agreement to exchange
prisoners"). The coding guide codes announced or agreed retreats CONCEDE `future`, promises and agreements
AGREE ("Retreats"). On texts of an invented conflict written for these tests (docs/events.md, "Ninth
round")."""

from __future__ import annotations

import pytest

from .annotate import annotated, events_pipeline


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return events_pipeline(make_pipeline)


def _acts(pipe, text: str) -> list[tuple[str, str, frozenset[str | None]]]:  # type: ignore[no-untyped-def]
    return [(e.type, e.status, frozenset(a.code for a in e.actor))
            for e in annotated(pipe, text, "2024-05-10").events]


KE_UG = frozenset({"KEN", "UGA"})


def test_an_agreement_to_act_is_one_agreed_act(pipe) -> None:  # type: ignore[no-untyped-def]
    # the noun and its infinitive each took the other in, and the sentence had no event at all
    assert _acts(pipe, "Kenya and Uganda announced an agreement to exchange prisoners.") == [
        ("AGREE", "occurred", KE_UG)]
    assert _acts(pipe, "Kenya and Uganda announced an agreement to withdraw their troops.") == [
        ("CONCEDE", "future", KE_UG)]
    assert [t for t, _s, _a in _acts(pipe, "An agreement to exchange prisoners was announced on Monday.")] == [
        "AGREE"]


def test_a_participle_on_talks_still_tells_who_mediates(pipe) -> None:  # type: ignore[no-untyped-def]
    # guard: "talks mediated by X" is one mediated meeting, the participle taking the talks in
    events = annotated(pipe, "Talks mediated by Kenya began in Nairobi on Monday.", "2024-05-10").events
    assert [(e.type, e.mode) for e in events] == [("CONSULT", "third-party")]
