"""A date written year first with slashes or stops ("2013/03/12", "2013.03.12", as Asian and European
outlets write it) is that day. Before, only the year was found, so a day the text gave was reported as
a year. A date inside a web address is no expression of the text (docs/time.md, eleventh round)."""

from __future__ import annotations

import pytest

from .timex_support import run


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("timex")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The truce was signed on 2023/12/12 in Doha.", "2023/12/12"),
        ("The truce was signed on 2023.12.12 in Doha.", "2023.12.12"),
        ("The truce was signed on 2023-12-12 in Doha.", "2023-12-12"),
    ],
)
def test_a_year_first_date_is_the_day(pipe, text: str, span: str) -> None:
    assert [(t.text, t.value) for t in run(pipe, text)] == [(span, "2023-12-12")]


@pytest.mark.parametrize(
    "text",
    [
        "The text is at https://news.example.org/2023/12/12/truce-signed today.",
        "Release 2023.12.12.4 of the app was withdrawn.",
    ],
)
def test_no_date_inside_an_address_or_a_version(pipe, text: str) -> None:
    assert [t.value for t in run(pipe, text) if t.value.startswith("2023-12-12")] == []
