"""A talks word that only says what kind of team, party or process a noun is ("the negotiating parties",
"the negotiation team") tells no talks of its own; talks named as the act stay CONSULT. On texts of an
invented conflict written for these tests (docs/events.md, "Seventh round", follow-up on precision)."""

from __future__ import annotations

import pytest

from .annotate import events_pipeline
from .annotate import types_and_status as _events


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return events_pipeline(make_pipeline)


@pytest.mark.parametrize("text", [
    "The negotiating parties could not settle the question of the border villages.",
    "Lindi named a new negotiation team on Monday.",
    "The mediation process has cost the Ruvu council a great deal of money.",
])
def test_a_talks_word_naming_a_kind_of_noun_is_no_event(pipe, text) -> None:  # type: ignore[no-untyped-def]
    assert "CONSULT" not in [event_type for event_type, _status in _events(pipe, text)]


@pytest.mark.parametrize("text", [
    "Lindi and the Northern Front held peace talks in Tumbo on Sunday.",
    "Envoys of Lindi negotiated with the Northern Front in Tumbo on Sunday.",
    "The negotiations between Lindi and the Northern Front resumed in Tumbo on Sunday.",
    "The delegation of the Northern Front is still at the talks headquarters in Tumbo.",
    "The Ruvu council launched a mediation effort on Saturday between Lindi and the Northern Front.",
])
def test_talks_told_as_the_act_stay_an_event(pipe, text) -> None:  # type: ignore[no-untyped-def]
    assert [event_type for event_type, _status in _events(pipe, text)] == ["CONSULT"]
