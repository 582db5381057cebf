"""One signing told in several ways is one type with one set of signers (coding guide, "Type and mode":
signing, initialling, ratifying and concluding a text are SUPPORT), so that two articles' reports of one
ceremony can meet in the ledger. On texts of an invented ceremony written for these tests
(docs/events.md, "Seventh round")."""

from __future__ import annotations

import pytest

from .annotate import annotated, events_pipeline


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return events_pipeline(make_pipeline)


def _acts(pipe, text: str) -> list[tuple[str, frozenset[str | None]]]:  # type: ignore[no-untyped-def]
    """(type, actor codes) of every event of ``text``."""
    return [(e.type, frozenset(a.code for a in e.actor)) for e in annotated(pipe, text, "2024-05-10").events]


SIGNED = ("SUPPORT", frozenset({"KEN", "UGA"}))


@pytest.mark.parametrize("text", [
    "Kenya and Uganda signed a ceasefire deal in Nairobi on Friday.",
    # the parser makes "deal" a clause of "inked": it is still what was inked
    "Kenya and Uganda inked a ceasefire deal in Nairobi on Friday.",
    "The ceasefire deal was signed by Kenya and Uganda in Nairobi on Friday.",
    # told aside, with signers of its own: an act, not a name for the text
    "The ceasefire deal, signed by Kenya and Uganda in Nairobi on Friday, took effect on Monday.",
    # "by" hangs on the text, not on the noun of the signing
    "The signing of the peace agreement by Kenya and Uganda took place on Friday.",
])
def test_a_signing_is_support_by_its_signers_however_it_is_told(pipe, text: str) -> None:  # type: ignore[no-untyped-def]
    assert SIGNED in _acts(pipe, text)


def test_a_text_named_by_a_participle_without_signers_stays_a_name(pipe) -> None:  # type: ignore[no-untyped-def]
    # no comma and no "by": "inked in May" says which agreement is meant
    acts = _acts(pipe, "Uganda accused Kenya of breaking an agreement inked in May.")
    assert [t for t, _codes in acts if t == "SUPPORT"] == []


def test_a_deal_brokered_aside_is_no_talks_of_its_broker(pipe) -> None:  # type: ignore[no-untyped-def]
    # the broker of a deal is its mediator, not the actor of talks
    acts = _acts(pipe, "The deal, brokered by Tanzania and the African Union, allowed trade to restart.")
    assert not [codes for t, codes in acts if t == "CONSULT" and "TZA" in codes]
