"""Which clause a cue stands in (issue 13): a finite clause of its own starts the next attribution
and can be set off by commas; an infinitive or a bare participle does neither. Every text here is
written for the test."""

from __future__ import annotations

import pytest

from tests.extract.annotate import annotated as run


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("mentions", "quotes")


def contents(pipe, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [text[q.content_span[0]:q.content_span[1]] for q in run(pipe, text).quotes]


def test_an_infinitive_of_belief_inside_the_content_does_not_end_it(pipe) -> None:  # type: ignore[no-untyped-def]
    text = ("The former nurse of the ward said that in 2004, the governor allowed his aides and the "
            "press to think that the injury to his knee was a sprain and not a fracture.")
    assert contents(pipe, text)[0] == (
        "that in 2004, the governor allowed his aides and the press to think that the injury to his knee "
        "was a sprain and not a fracture")


def test_a_finite_cue_joined_to_the_content_still_ends_it(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "The envoy said the talks had stalled on the border question, and later he said the delegations would meet."
    found = contents(pipe, text)
    assert "the delegations would meet" in found
    assert not any("later he said" in c for c in found)


def test_an_infinitive_after_a_comma_reports_nothing(pipe) -> None:  # type: ignore[no-untyped-def]
    found = contents(pipe, "Through a lawyer, the director of the mine declined to comment.")
    assert "Through a lawyer" not in found


def test_a_bare_participle_after_a_comma_reports_nothing(pipe) -> None:  # type: ignore[no-untyped-def]
    assert contents(pipe, "In July, the factory closed as predicted.") == []


def test_a_clause_set_off_by_commas_with_its_own_subject_still_reports(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "The ceasefire, the observers said, held through the night."
    assert contents(pipe, text) == ["The ceasefire, the observers said, held through the night"]


def speakers(pipe, text: str) -> list[str | None]:  # type: ignore[no-untyped-def]
    return [None if q.speaker_span is None else text[q.speaker_span[0]:q.speaker_span[1]]
            for q in run(pipe, text).quotes]


def test_a_participle_takes_the_subject_of_a_passive_clause_it_hangs_from(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "After saying the old bridge was still safe, the engineer was taken to the district hospital."
    assert contents(pipe, text) == ["the old bridge was still safe"]
    assert speakers(pipe, text) == ["the engineer"]


def test_a_passive_cue_without_an_agent_names_no_speaker(pipe) -> None:  # type: ignore[no-untyped-def]
    # The one it was said of is no source: PolNeAR leaves the source of an agentless passive unmarked.
    text = "The district governor was accused of hiding the flood figures from the relief agencies."
    assert contents(pipe, text) == ["hiding the flood figures from the relief agencies"]
    assert speakers(pipe, text) == [None]


def test_a_passive_cue_with_an_agent_keeps_it_as_speaker(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "The minister was asked by reporters whether the border would reopen."
    assert contents(pipe, text) == ["whether the border would reopen"]
    assert speakers(pipe, text) == ["reporters"]
