"""The learned model adds no CONCEDE on a reporting verb or an auxiliary ("Lindi announced the return home of
…"): the coding guide's CONCEDE is an announced or agreed retreat, an admission or a pardon, each told by a
word of its own, and a YIELD read on a word the trigger table knows as no retreat names none of them. On
texts of an invented conflict (docs/events.md, "Seventh round", follow-up on precision)."""

from __future__ import annotations

import pytest

from .annotate import events_pipeline
from .annotate import types_and_status as _events


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return events_pipeline(make_pipeline)


def test_no_concede_is_added_on_a_reporting_verb(pipe) -> None:  # type: ignore[no-untyped-def]
    # before: CONCEDE `occurred` on "announced", added by the model (YIELD 0.58) where the rules found nothing
    text = ("Lindi announced the return home of 40 soldiers and civilians, while on the other side the "
            "released fighters numbered 35.")
    assert "CONCEDE" not in [event_type for event_type, _status in _events(pipe, text)]


def test_a_retreat_word_is_still_read(pipe) -> None:  # type: ignore[no-untyped-def]
    assert _events(pipe, "Lindi withdrew its troops from Tumbo on Sunday.") == [("RETREAT", "occurred")]
    assert ("CONCEDE", "future") in _events(pipe, "Lindi agreed to withdraw its troops from Tumbo.")
