""""According to X" tells who reports the act, never what the act is done to: the tagger lemmatizes
"according" to "accord", and the rows that take an accord as their object ("withdrew from the accord" is
REJECT) read "withdrew from the town, according to AFP" as a withdrawal from an accord. On sentences of an
invented conflict written for this test (docs/events.md, "Thirteenth round: whole articles")."""

from __future__ import annotations

import pytest

from .annotate import dated, events_pipeline


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return events_pipeline(make_pipeline)


def _types(pipe, text: str) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    return [(e.type, e.mode) for e in dated(pipe, text).events]


def test_a_withdrawal_from_a_town_according_to_an_agency_is_a_retreat(pipe) -> None:  # type: ignore[no-untyped-def]
    # before: [("REJECT", None)], the lemma "accord" taken for the accord withdrawn from
    assert _types(pipe, "The Harlan rebels withdrew from the town of Kere on Monday, according to AFP.") == [
        ("RETREAT", "withdraw")]


def test_a_withdrawal_from_an_accord_stays_a_rejection(pipe) -> None:  # type: ignore[no-untyped-def]
    assert _types(pipe, "The Harlan rebels withdrew from the peace accord on Monday, according to a "
                        "statement.") == [("REJECT", None)]
