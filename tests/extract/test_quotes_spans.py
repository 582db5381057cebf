"""Quote spans drawn as the PolNeAR gold draws them: what a naming verb says of its object."""

from __future__ import annotations

import pytest

from tests.extract.annotate import annotated as run


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("mentions", "quotes")


def contents(pipe, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [text[q.content_span[0]:q.content_span[1]] for q in run(pipe, text).quotes]


def test_a_comparison_quotes_what_the_object_is_likened_to(pipe) -> None:  # type: ignore[no-untyped-def]
    text = 'The senator likened the refugees to a "vicious snake" in a song.'
    assert contents(pipe, text) == ['a "vicious snake" in a song']


def test_called_on_leaves_the_preposition_out(pipe) -> None:  # type: ignore[no-untyped-def]
    text = 'Schiff called on the administration to "really push back" against Moscow.'
    [content] = contents(pipe, text)
    assert content.startswith("the administration") and content.endswith("against Moscow")


def test_a_predicate_of_the_object_keeps_the_object(pipe) -> None:  # type: ignore[no-untyped-def]
    text = 'The union called Clinton a "champion" for its members.'
    assert contents(pipe, text) == ['Clinton a "champion" for its members']


def test_said_then_the_name_then_a_colon_attributes_the_quotation(pipe) -> None:  # type: ignore[no-untyped-def]
    text = ("Experts say her plans would make the code more complicated. Said Ellis: \u201cI don\u2019t get "
            "the sense she\u2019s the least bit interested in tax reform.\u201d")
    r = run(pipe, text)
    [q] = [q for q in r.quotes if q.direct]
    assert text[q.speaker_span[0]:q.speaker_span[1]] == "Ellis"
    assert text[q.content_span[0]:q.content_span[1]].startswith("I don\u2019t get the sense")


def test_a_said_clause_parsed_as_adverbial_is_still_what_was_said(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "Trump said after the convention he would not accept Cruz's endorsement if it were offered."
    assert contents(pipe, text) == ["he would not accept Cruz's endorsement if it were offered"]


def test_a_second_said_clause_is_a_quote_of_its_own(pipe) -> None:  # type: ignore[no-untyped-def]
    text = ("She said fathers and parents who adopt would not be eligible for the six weeks of paid leave, "
            "and when pressed on why the plan leaves them out, she said the plan was a start.")
    assert contents(pipe, text) == [
        "fathers and parents who adopt would not be eligible for the six weeks of paid leave",
        "the plan was a start",
    ]


def test_reported_speech_inside_the_content_stays(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "He said that she said the plan was a start."
    assert "that she said the plan was a start" in contents(pipe, text)


def test_any_clause_ending_in_a_colon_attributes_the_quotation_after_it(pipe) -> None:  # type: ignore[no-untyped-def]
    text = ("Democratic Sen. Claire McCaskill (D-Mo.) scolded him: \u201cThe scientific community is almost "
            "monolithic against you.\u201d")
    r = run(pipe, text)
    [q] = r.quotes
    assert q.direct and "cue colon" in (q.why or "")
    assert text[q.speaker_span[0]:q.speaker_span[1]] == "Claire McCaskill"


def test_spoke_about_reports_what_was_spoken_of(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "She spoke about her deep ties to black churches."
    assert contents(pipe, text) == ["her deep ties to black churches"]


def test_considers_that_is_a_belief_attribution(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "The delegation considers that the kidnapping has placed the dialogue in a critical situation."
    assert contents(pipe, text) == ["that the kidnapping has placed the dialogue in a critical situation"]


def test_wanting_and_seeking_are_not_reported_speech(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "The M23 wants confidence-building gestures before signing. The rebels seek their own ceasefire."
    assert contents(pipe, text) == []


def test_content_does_not_open_with_a_conjunction(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "And Mrs. Clinton now holds a gaping lead among black voters, according to a recent poll."
    assert contents(pipe, text) == ["Mrs. Clinton now holds a gaping lead among black voters"]
