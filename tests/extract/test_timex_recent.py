""""Recent", the adjective, is a reference to the past (``PAST_REF``), as "recently" is: "the recent
closing of a bakery", "a recent filing", "recent reports indicated". "Most recent" and "more recent"
rank one of a series ("its most recent model"), so they are no time; "in recent weeks" stays a vague
duration and "recently" keeps its row. Found on the fifteenth round's tuning folds (docs/time.md); the
sentences here were written for the round."""

from __future__ import annotations

import pytest

from .timex_support import run

PUBLISHED = "2024-03-06"


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("timex")


def values(pipe, text: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {t.text.lower(): t.value for t in run(pipe, text, PUBLISHED)}


@pytest.mark.parametrize(
    "text",
    [
        "The mediators blamed the recent shelling of the border towns on both sides.",
        "According to a recent filing, the group holds 15% of the shares.",
        "Recent reports indicated that at least five villages had been emptied.",
    ],
)
def test_recent_is_a_reference_to_the_past(pipe, text: str) -> None:
    assert values(pipe, text) == {"recent": "PAST_REF"}


@pytest.mark.parametrize(
    "text",
    [
        "The company unveiled its most recent model at the fair.",
        "More recent reports put the toll far higher.",
    ],
)
def test_most_and_more_recent_rank_a_series(pipe, text: str) -> None:
    assert values(pipe, text) == {}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The front had been quiet in recent weeks.", {"recent weeks": "PXW"}),
        ("The envoy recently returned from Doha.", {"recently": "PAST_REF"}),
        ("Until recently, the talks were held in secret.", {"until recently": "PAST_REF"}),
    ],
)
def test_the_longer_forms_keep_their_readings(pipe, text: str, found: dict[str, str]) -> None:
    assert values(pipe, text) == found
