"""Talks named as the means or aim of another act ("freed thanks to the mediation of …", "paving the
way for talks") are its background, not a second event of the sentence; talks told as the act itself
stay CONSULT. On texts of an invented conflict written for these tests (docs/events.md, "Sixth round",
follow-up on false CONSULT and AGREE)."""

from __future__ import annotations

import pytest

from .annotate import events_pipeline
from .annotate import types_and_status as _events


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return events_pipeline(make_pipeline)


@pytest.mark.parametrize("text", [
    "Lindi freed 40 prisoners of the Northern Front, paving the way for talks in Tumbo.",
    "Lindi freed 40 prisoners of the Northern Front thanks to the mediation of the Ruvu council.",
    "The Northern Front freed 12 soldiers of Lindi through negotiations with the Ruvu council.",
])
def test_talks_as_the_setting_of_an_act_are_no_event_of_their_own(pipe, text) -> None:  # type: ignore[no-untyped-def]
    assert "CONSULT" not in [event_type for event_type, _status in _events(pipe, text)]


def test_talks_held_stay_an_event(pipe) -> None:  # type: ignore[no-untyped-def]
    # talks after which an act followed are an earlier act of their own (the seed article's "struck an
    # agreement … following bilateral talks")
    text = "Lindi and the Northern Front said they had struck an agreement on a truce following bilateral talks."
    assert "CONSULT" in [event_type for event_type, _status in _events(pipe, text)]
    text = "Lindi and the Northern Front held talks in Tumbo on Sunday."
    assert _events(pipe, text) == [("CONSULT", "occurred")]
    # talks named at the place of a meeting with no other act are still the talks
    text = "Envoys of Lindi met the Northern Front at the talks in Tumbo on Sunday."
    assert [event_type for event_type, _status in _events(pipe, text)] == ["CONSULT"]
