"""A run of nouns the parser reads as a participle clause ("the ceasefire monitoring mechanism":
"monitoring" a participle of "ceasefire" with "mechanism" its object) is one noun phrase, so a date
hung on its "participle" dates the act the phrase belongs to (``extract/events/dating.compound_misread``;
docs/ledger.md, "Twelfth round: dating the timeline"). The texts are made up for these tests."""

from __future__ import annotations

import pytest

from peacewatch.extract.events.dating import compound_misread

from .annotate import events_by_trigger


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("timex", "mentions", "events")


def test_a_date_after_a_run_of_nouns_dates_the_act_of_the_phrase(pipe):  # type: ignore[no-untyped-def]
    text = "Following agreement on the ceasefire monitoring mechanism on October 14, talks began."
    found = events_by_trigger(pipe, text, "2025-11-01")
    assert found["agreement"].date == "2025-10-14"


@pytest.mark.parametrize("text, word, misread", [
    ("Following agreement on the ceasefire monitoring mechanism on October 14, talks began.", "monitoring", True),
    # a doer and what it does (plural nouns), an object with its determiner, an adjective between:
    # real clauses, whose date is their own act's
    ("The mediators praised the rebels holding talks in Doha on Monday.", "holding", False),
    ("Officials met the army holding the town on Monday.", "holding", False),
    ("Rubble following Israeli strikes in Rafah on November 22 blocked the road.", "following", False),
])
def test_which_participles_are_a_misread_run_of_nouns(nlp, text: str, word: str, misread: bool):  # type: ignore[no-untyped-def]
    token = next(t for t in nlp(text) if t.text == word)
    assert compound_misread(token) is misread
