"""Tenth round (docs/quotes.md): a speaker's clause that holds a quotation taken by a cue inside it, of
the same speaker, is one attribution ("X said she recalled thinking, '…'"); a main verb whose subject
the parse hung on the phrase before it, across a comma, takes that name as its speaker."""

from __future__ import annotations

import pytest

from peacewatch.extract.quotes.component import take_quotations
from peacewatch.types import Quote
from tests.extract.annotate import annotated as run


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("mentions", "quotes")


def shown(pipe, text: str) -> list[tuple[str, str, bool]]:  # type: ignore[no-untyped-def]
    return [(text[q.content_span[0]:q.content_span[1]], text[q.speaker_span[0]:q.speaker_span[1]] if q.speaker_span
             else "", q.direct) for q in run(pipe, text).quotes]


def test_the_clause_introducing_a_quotation_of_the_same_speaker_is_one_attribution(pipe) -> None:  # type: ignore[no-untyped-def]
    # failed before: only the quotation was a quote, its speaker the pronoun of the inner cue
    text = 'The envoy Maria Lopez said she remembered thinking, "Nobody in this room is listening to us."'
    said = 'she remembered thinking, "Nobody in this room is listening to us.'
    assert shown(pipe, text) == [(said, "Maria Lopez", True)]


def test_a_quotation_of_another_speaker_keeps_its_own_attribution(pipe) -> None:  # type: ignore[no-untyped-def]
    text = 'According to the radio, the minister said on Friday that if talks failed, "the border will stay closed."'
    assert shown(pipe, text) == [("the border will stay closed.", "the minister", True)]


def _quote(content: tuple[int, int], cue: tuple[int, int], speaker: str | None) -> Quote:
    return Quote(content, speaker, (0, 2), cue, True, "quotation (straight double) with cue after")


def test_the_outer_report_replaces_only_quotations_whose_cue_lies_in_its_clause() -> None:
    inner, elsewhere = _quote((30, 60), (20, 26), "e1"), _quote((90, 120), (80, 84), "e1")
    quotes = [inner, elsewhere]
    outer = Quote((10, 40), "e1", (0, 5), (6, 10), True, "clausal content, mixed with quotation")
    assert take_quotations(outer, quotes)
    assert [q.content_span for q in quotes] == [(90, 120), (10, 60)]


def test_another_speaker_or_none_leaves_the_quotations_as_they_are() -> None:
    quotes = [_quote((30, 60), (20, 26), "e2")]
    for speaker in ("e1", None):
        outer = Quote((10, 40), speaker, (0, 5), (6, 10), True, "clausal content, mixed with quotation")
        assert not take_quotations(outer, quotes)
        assert [q.content_span for q in quotes] == [(30, 60)]


@pytest.mark.parametrize("text, speaker", [
    ("In a panel discussion this weekend in Washington, Marc Morial, the chief executive of the Urban League, "
     "forcefully told a young woman that voting matters.", "Marc Morial"),
    ("At a meeting last week in Nairobi, Grace Wanjiru, the chair of the women's caucus, firmly told reporters "
     "that the ceasefire must hold.", "Grace Wanjiru"),
])
def test_a_subject_hung_on_the_phrase_before_it_speaks(pipe, text, speaker) -> None:  # type: ignore[no-untyped-def]
    # failed before: the parse made the name a conjunct of the place before the comma, so "no subject"
    assert [who for _, who, _ in shown(pipe, text)] == [speaker]


def test_a_subject_in_its_place_is_still_the_speaker(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "In Paris, the minister said the talks had failed."
    assert shown(pipe, text) == [("the talks had failed", "the minister", False)]
