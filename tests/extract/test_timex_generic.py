"""Third-round timex rules: "today" and "tomorrow" standing for an age rather than a day."""

from __future__ import annotations

import pytest

from .timex_support import run


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("timex")


@pytest.mark.parametrize("text", [
    "The mediator said the war scars today's youth more than any treaty could heal.",
    "Today's world has little patience for long negotiations, the envoy wrote.",
    "Even today's personal computers could run the old registry of displaced families.",
    "The accord has to be written for the leaders of tomorrow, not for the generals.",
    "Tomorrow's generations will judge the ceasefire, the bishop told the crowd.",
])
def test_an_age_is_not_a_day(pipe, text):  # type: ignore[no-untyped-def]
    assert [t.text for t in run(pipe, text)] == []


@pytest.mark.parametrize(("text", "word", "value"), [
    ("The text appeared in today's editions of the party paper.", "today", "2023-12-26"),
    ("Tomorrow's vote on the truce is expected to pass.", "Tomorrow", "2023-12-27"),
    # a generic noun past the end of the noun phrase says nothing
    ("Today's meeting of world leaders ended without a statement.", "Today", "2023-12-26"),
])
def test_a_day_of_its_own_stays_a_day(pipe, text, word, value):  # type: ignore[no-untyped-def]
    hits = [t for t in run(pipe, text) if t.text == word]
    assert [(t.type, t.value) for t in hits] == [("DATE", value)]
    assert hits[0].why.startswith("rule dayref")


@pytest.mark.parametrize(("text", "value"), [
    # what a plan in the simple past was for is still ahead: the report would say "left" otherwise
    ("The monitoring team planned to leave the capital on Thursday for the border.", "2023-12-28"),
    ("The envoys intended to meet the rebels Friday, an aide said.", "2023-12-29"),
    # a past perfect still points back
    ("The team had planned to leave the capital on Thursday but stayed.", "2023-12-21"),
])
def test_a_plan_in_the_simple_past_points_through_its_infinitive(pipe, text, value):  # type: ignore[no-untyped-def]
    [hit] = [t for t in run(pipe, text) if t.type == "DATE"]
    assert hit.value == value, hit.why
