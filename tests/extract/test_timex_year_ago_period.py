"""A year-ago comparison in a clause in the past tense looks back from a quarter whose results are out,
not from a quarter a forecast named ahead of publication: "losses through the second quarter of 2024 …
In the year-ago period, the company earned …" was dated the quarter a year before the forecast's
(2023-Q2, a quarter still ahead in a report of October 2023). Found on the fourteenth round's tuning
fold of TimeBank (docs/time.md); the sentences here were written for the round."""

from __future__ import annotations

import pytest

from .timex_support import run

PUBLISHED = "2023-10-26"  # in the fourth quarter; the latest quarter reported is 2023-Q3
FORECAST = ("Acme Steel said its third-quarter profit fell 40%. Analysts expect losses through the "
            "second quarter of 2024. ")


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("timex")


def value_of(pipe, text: str, words: str) -> str:  # type: ignore[no-untyped-def]
    [found] = [t.value for t in run(pipe, text, PUBLISHED) if t.text == words]
    return found


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("In the year-ago period, Acme earned $12 million.", "the year-ago period"),
        ("Sales were lower than in the year-ago quarter.", "the year-ago quarter"),
        ("Its year-earlier results included a gain on a sale.", "year-earlier results"),
    ],
)
def test_a_reported_comparison_looks_back_from_the_latest_quarter(pipe, sentence: str, words: str) -> None:
    assert value_of(pipe, FORECAST + sentence, words) == "2022-Q3"


def test_a_comparison_about_the_quarter_ahead_keeps_it(pipe) -> None:  # type: ignore[no-untyped-def]
    # the clause is about the forecast's quarter: its year-ago quarter is a year before that one
    text = FORECAST + "Sales in that quarter will fall below the year-ago quarter."
    assert value_of(pipe, text, "the year-ago quarter") == "2023-Q2"


def test_a_named_past_quarter_stays_in_focus(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "Acme reported second-quarter results. In the year-ago period, Acme earned $12 million."
    assert value_of(pipe, text, "the year-ago period") == "2022-Q2"
