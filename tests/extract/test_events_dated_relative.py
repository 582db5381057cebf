"""An act told in a restrictive relative clause with a stated day or year of its own ("resumed peace talks
that were suspended in 2019") is an event of its own, as the guide codes background acts: the clause's
relative pronoun stands for the noun the act is on, so that noun is in the trigger's frame (the
``suspend`` row needs talks) and the clause is no longer background (``triggers.dated_relative``). A
clause with no stated day, or telling a statement, still only names which one is meant. The texts are made
up for these tests (docs/ledger.md, "Twelfth round: key events with no type")."""

from __future__ import annotations

import pytest

from .annotate import annotated, events_pipeline


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return events_pipeline(make_pipeline)


def _acts(pipe, text: str) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    return [(e.type, e.date) for e in annotated(pipe, text, "2025-03-01").events]


def test_talks_suspended_in_a_stated_year_are_halted_then(pipe) -> None:  # type: ignore[no-untyped-def]
    # before: the resumed talks alone (the suspension was background, and its frame lacked the talks)
    acts = _acts(pipe, "Ostland and the Harlow Front resumed peace talks that were suspended in 2019 on February 20.")
    assert ("SANCTION", "2019") in acts
    assert ("CONSULT", "2025-02-20") in acts


def test_a_truce_signed_on_a_stated_day_is_a_signing(pipe) -> None:  # type: ignore[no-untyped-def]
    acts = _acts(pipe, "Ostland respected the truce that was signed on 3 February by both sides.")
    assert [a for a in acts if a[0] == "SUPPORT"] == [("SUPPORT", "2025-02-03")]


@pytest.mark.parametrize("text", [
    "Ostland respected the truce that was signed by both sides.",  # no day: which truce is meant
    "Ostland resumed the talks that were suspended last year.",  # no stated day or year
])
def test_a_clause_without_a_stated_day_stays_background(pipe, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [a for a in _acts(pipe, text) if a[0] in ("SUPPORT", "SANCTION")]
