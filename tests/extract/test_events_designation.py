"""A group designated or declared a terrorist organisation is a restriction of it (PLOVER COERCE, mode
restrict), dated by the designation's own time adjunct (docs/ledger.md, "Twelfth round: dating the
timeline"). The rows are weak: the act stands where a party makes it and the sentence tells no other.
The texts are made up for these tests."""

from __future__ import annotations

import pytest

from .annotate import events_by_trigger, events_pipeline


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return events_pipeline(make_pipeline)


@pytest.mark.parametrize("text, trigger, date", [
    ("Ethiopia's parliament declared the Tigray People's Liberation Front a terrorist organisation on Tuesday.",
     "declared", "2025-02-25"),
    ("The government designated the Oromo Liberation Army a terrorist organisation in May 2021.",
     "designated", "2021-05"),
])
def test_a_terrorist_designation_is_a_dated_restriction(pipe, text: str, trigger: str,  # type: ignore[no-untyped-def]
                                                        date: str):
    event = events_by_trigger(pipe, text, "2025-03-01")[trigger]
    assert (event.type, event.mode, event.date) == ("COERCE", "restrict", date)


@pytest.mark.parametrize("text, trigger", [
    # a group named for a task is no listing
    ("The government designated a group of experts to review the plan.", "designated"),
    # the older row of the verb still reads a declared emergency
    ("The president declared a state of emergency to fight what he called a regime of terror.", "declared"),
])
def test_other_designations_are_no_listing(pipe, text: str, trigger: str):  # type: ignore[no-untyped-def]
    event = events_by_trigger(pipe, text, "2025-03-01").get(trigger)
    assert event is None or event.mode != "restrict"
