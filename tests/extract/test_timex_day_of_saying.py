"""The weekday after a verb of saying in the simple past dates the saying ("said Monday", "told reporters on
Monday"), even where the parser hangs it on the reported clause: "said Monday talks would resume" was
next Monday, a wrong absolute date found on sentences written for the eleventh round (docs/time.md)."""

from __future__ import annotations

import pytest

from .timex_support import run


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("timex")


def values(pipe, text: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {t.text: t.value for t in run(pipe, text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # published Tuesday 2023-12-26: the saying was yesterday, the resumption is still ahead
        ("The envoy said Monday talks would resume on Wednesday.", {"Monday": "2023-12-25", "Wednesday": "2023-12-27"}),
        ("The minister told reporters Monday the army would withdraw.", {"Monday": "2023-12-25"}),
        ("The minister told reporters on Monday the army would pull out of the town.", {"Monday": "2023-12-25"}),
    ],
)
def test_the_weekday_after_a_past_verb_of_saying_dates_the_saying(pipe, text: str, expected: dict[str, str]) -> None:
    assert values(pipe, text) == expected


@pytest.mark.parametrize(
    ("text", "monday"),
    [
        ("The envoy will say Monday that the talks failed.", "2024-01-01"),  # the saying is ahead
        ("The talks resume Monday, the envoy said.", "2024-01-01"),  # the weekday is not after the verb
        ("The envoy said the talks would resume Monday.", "2024-01-01"),  # it dates the resumption
        ("The envoy said Monday that the talks had failed.", "2023-12-25"),
    ],
)
def test_other_weekdays_near_a_verb_of_saying_keep_their_reading(pipe, text: str, monday: str) -> None:
    assert values(pipe, text)["Monday"] == monday
