""""The day" of a market report ("later in the day", "ended the day", "for the day") is the last day the
text gave, also when a month or a year named since is the date in focus: "said on Tuesday that its sales
rose in February … before falling later in the day" was the publication day, since February, a month,
has no day to give. With no day before it, the publication day stays. Found on the fourteenth round's
tuning fold of MEANTIME (docs/time.md); the sentences here were written for the round."""

from __future__ import annotations

import pytest

from .timex_support import run

PUBLISHED = "2024-03-06"  # a Wednesday


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("timex")


def the_day(pipe, text: str) -> str:  # type: ignore[no-untyped-def]
    [found] = [t.value for t in run(pipe, text, PUBLISHED) if t.text.endswith("the day")]
    return found


@pytest.mark.parametrize(
    "text",
    [
        "The carmaker said on Tuesday that its sales rose 12% in February. Its shares rose in morning "
        "trading before falling later in the day.",
        "The exchange reopened on March 5 after a halt in 2023. The index ended the day 2% lower.",
        "Talks resumed Tuesday, the first since January, and the envoys met late in the day.",
    ],
)
def test_the_day_after_a_month_or_year_is_the_last_day_named(pipe, text: str) -> None:
    assert the_day(pipe, text) == "2024-03-05"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Sales rose in February. The shares fell later in the day.", "2024-03-06"),  # no day named
        ("On Monday the shares rose, then fell later in the day.", "2024-03-04"),  # the day in focus
    ],
)
def test_without_a_coarser_focus_nothing_changes(pipe, text: str, value: str) -> None:
    assert the_day(pipe, text) == value
