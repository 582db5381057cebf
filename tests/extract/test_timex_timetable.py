"""The simple present of a timetable points forward (docs/time.md, eighth round): "the talks resume
Thursday" is next Thursday, as "will resume" is; a verb of saying in the present ("says"), a present
without a date of its own, and a headline's present (which reports the past) keep the default. Every
sentence was written for these tests; the publication day is Tuesday 26 December 2023."""

from __future__ import annotations

import pytest

from peacewatch.types import Timex

from .timex_support import run


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("timex")


def values(timexes: list[Timex]) -> dict[str, str]:
    return {t.text: t.value for t in timexes}


AHEAD = [
    ("The talks resume Thursday.", "Thursday", "2023-12-28"),
    ("The ceasefire expires on Sunday.", "Sunday", "2023-12-31"),
    ("The polls close on Wednesday.", "Wednesday", "2023-12-27"),
    ("The talks, which resume Thursday, will focus on prisoners.", "Thursday", "2023-12-28"),
    ("The mandate of the mission runs out on March 3.", "March 3", "2024-03-03"),
    ("The vote is on Wednesday.", "Wednesday", "2023-12-27"),  # the present of "be"
    ("The next round of talks is due on Friday.", "Friday", "2023-12-29"),
]


@pytest.mark.parametrize(("text", "span", "value"), AHEAD)
def test_a_timetable_in_the_simple_present_points_forward(pipe, text: str, span: str, value: str) -> None:
    timexes = run(pipe, text)
    assert values(timexes) == {span: value}
    assert "future tense" in (timexes[0].why or "")


BACK = [
    ("The envoy says Monday's shelling broke the truce.", "Monday", "2023-12-25"),  # a possessive
    ("The talks resumed Thursday.", "Thursday", "2023-12-21"),  # the simple past
    ("Rebels seize border town Monday", "Monday", "2023-12-25"),  # a headline: the present reports
    # a lede in headline grammar (no article): the events tests read it as done
    ("Ceasefire between the two neighbours takes effect on Monday.", "Monday", "2023-12-25"),
    # the date belongs to the noun ("a proposal … on Sunday"), not to the verb in the present
    ("The talks follow a proposal by the envoy on Sunday to meet in Istanbul.", "Sunday", "2023-12-24"),
    # "hurt" is its own past: the parser's present tag is no timetable
    ("Worries about rates hurt bank shares on Friday.", "Friday", "2023-12-22"),
]


@pytest.mark.parametrize(("text", "span", "value"), BACK)
def test_reports_possessives_and_headlines_keep_their_reading(pipe, text: str, span: str, value: str) -> None:
    assert values(run(pipe, text)) == {span: value}


def test_a_verb_of_saying_in_the_present_is_no_timetable(pipe) -> None:  # type: ignore[no-untyped-def]
    [monday] = run(pipe, "The ministry says the convoy crossed on Monday.")
    assert monday.value == "2023-12-25"
    [monday] = run(pipe, "The ministry says on Monday that talks went well.")
    assert monday.value == "2023-12-25"


def _parsed(between: str):  # type: ignore[no-untyped-def]
    """"The deal commits both sides{between}Monday." parsed by hand, with "Monday" hanging on "commits"
    (as the parser hangs a date written on the line under a photo caption on the caption's verb)."""
    import spacy
    from spacy.tokens import Doc

    words = ["The", "deal", "commits", "both", "sides", between, "Monday", "."]
    return Doc(spacy.blank("en").vocab, words=words, spaces=[True, True, True, True, False, False, False, False],
               tags=["DT", "NN", "VBZ", "DT", "NNS", "_SP", "NNP", "."],
               pos=["DET", "NOUN", "VERB", "DET", "NOUN", "SPACE", "PROPN", "PUNCT"],
               lemmas=["the", "deal", "commit", "both", "side", between, "Monday", "."],
               heads=[1, 2, 2, 4, 2, 2, 2, 2], deps=["det", "nsubj", "ROOT", "det", "dobj", "dep", "npadvmod", "punct"])


@pytest.mark.parametrize(("between", "way"), [(" ", "future"), ("\n", None)])
def test_a_date_on_a_line_of_its_own_is_no_argument_of_the_line_above(between: str, way: str | None) -> None:
    from peacewatch.extract.timex.tense import direction

    doc = _parsed(between)
    start = doc.text.index("Monday")
    assert direction(doc, doc.text, start, start + len("Monday")) == way
