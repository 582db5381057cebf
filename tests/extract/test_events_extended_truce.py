"""A truce in force that the parties agree to extend goes on by that agreement: "agreed to extend the
ceasefire", "reached an agreement to prolong the truce", "agreed on an extension of the truce" are the
truce's RETREAT/ceasefire, occurred, on the day of the agreement, as the process gold codes an extension
("Bilateral ceasefire extended for 180 days"). An agreed new truce stays the announced retreat it was
(CONCEDE future), and so does an extension only offered, promised, to come or on a condition. On sentences
of an invented conflict written for these tests (docs/ledger.md, "Thirteenth round: key events with no
type")."""

from __future__ import annotations

import pytest

from .annotate import annotated, events_pipeline

DAY = "2024-05-10"  # a Friday


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return events_pipeline(make_pipeline)


def _events(pipe, text: str) -> list[tuple[str, str | None, str, str | None]]:  # type: ignore[no-untyped-def]
    return [(e.type, e.mode, e.status, e.date) for e in annotated(pipe, text, DAY).events]


def test_an_agreed_extension_is_the_truce_going_on(pipe) -> None:  # type: ignore[no-untyped-def]
    # before: CONCEDE future (an agreed truce, not yet carried out)
    assert _events(pipe, "Ostland and the Harlan rebels agreed on Tuesday to extend the ceasefire for "
                         "three months.") == [("RETREAT", "ceasefire", "occurred", "2024-05-07")]


def test_an_agreement_reached_to_prolong_or_an_extension_agreed(pipe) -> None:  # type: ignore[no-untyped-def]
    # before: AGREE (the agreement's own inner act is the truce, read as background)
    reached = _events(pipe, "Ostland and Westland said on Wednesday that they had reached an agreement to "
                            "prolong for six months the truce in force since March.")
    assert ("RETREAT", "ceasefire", "occurred", "2024-05-08") in reached
    assert not [e for e in reached if e[0] in ("AGREE", "CONCEDE")]
    extension = _events(pipe, "Ostland and Westland agreed on Monday on an extension of the truce.")
    assert extension == [("RETREAT", "ceasefire", "occurred", "2024-05-06")]


def test_an_agreed_new_truce_stays_announced(pipe) -> None:  # type: ignore[no-untyped-def]
    assert _events(pipe, "Ostland and Westland agreed on Monday to a ceasefire.") == [
        ("CONCEDE", None, "future", "2024-05-06")]


@pytest.mark.parametrize("text", [
    "Ostland and Westland will agree to extend the ceasefire.",
    "The Harlan rebels offered to extend the truce.",
    "The Harlan rebels pledged to extend the truce.",
    "If Westland agrees to extend the truce, the talks will resume.",
    "Ostland and Westland did not agree to extend the ceasefire.",
])
def test_an_extension_not_agreed_is_no_retreat(pipe, text: str) -> None:  # type: ignore[no-untyped-def]
    events = annotated(pipe, text, DAY).events
    assert not [e for e in events if e.type == "RETREAT" and e.status == "occurred"], \
        [(e.type, e.status, e.why) for e in events]
