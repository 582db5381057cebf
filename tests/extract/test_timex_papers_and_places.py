"""Calendar words that name a newspaper, a show or a place, not a time (docs/time.md, tenth round of
the project). Found on news text outside the timex gold: "The Daily Beast", "Breitbart News Daily" and
"Easter Island" were sets and Easter's date; "the daily said" was a set. A capitalised frequency word
inside running text is a name word like "This Week" (``namewords.tsv``); a holiday before "Island" is a
place (``nameheads.tsv``); a determined noun "daily" or "weekly" that says something, stands beside a
name or follows a preposition is a paper (``names.publication``). Every sentence was written for these
tests; the publication day is Tuesday 26 December 2023."""

from __future__ import annotations

import pytest

from peacewatch.types import Timex

from .timex_support import run


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("timex")


def found(timexes: list[Timex]) -> dict[str, str]:
    return {t.text: t.value for t in timexes}


NO_TIME = [
    ("The story was first reported by The Daily Beast, which cited two officials.", "Daily"),
    ("The envoy told Breitbart News Daily host Alex Marlow that the talks had stalled.", "Daily"),
    ("The essay on the ceasefire first ran in The Weekly Standard last spring, its author said.", "Weekly"),
    ("The daily said the army had withdrawn from the border towns.", "daily"),
    ("A German weekly reported that the envoy would resign after the vote.", "weekly"),
    ("Yedioth Ahronoth, Israel's largest daily, said the deal was close.", "daily"),
    ("According to the daily, the rally drew thousands of people.", "daily"),
    ("Societies that vanished from Easter Island were studied by the panel.", "Easter"),
    ("Asylum seekers are held in a detention centre on Christmas Island.", "Christmas"),
]


@pytest.mark.parametrize(("text", "word"), NO_TIME)
def test_a_paper_a_show_or_a_place_is_no_timex(pipe, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    assert not [t for t in run(pipe, text) if word in t.text]


STILL_TIMES = [
    ("Aid convoys cross daily into Gaza, the agency said.", "daily", "P1D"),
    ("The monitors brief the ambassadors weekly on the truce.", "weekly", "P1W"),
    ("The army publishes a daily tally of casualties.", "daily", "P1D"),
    ("Christians across the region marked Easter with prayers for the hostages.", "Easter", "2023-04-09"),
    ("Talks broke down on Christmas Eve, the mediators said.", "Christmas Eve", "2023-12-24"),
]


@pytest.mark.parametrize(("text", "span", "value"), STILL_TIMES)
def test_the_same_words_as_times_keep_their_values(pipe, text: str, span: str, value: str) -> None:  # type: ignore[no-untyped-def]
    assert found(run(pipe, text)).get(span) == value
