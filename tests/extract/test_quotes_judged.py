"""A naming verb with a predicate of its object reports the judgement ("called the strike a
provocation"): PolNeAR's content is the object and what it is called (docs/quotes.md, "Eighth round")."""

from __future__ import annotations

import pytest

from tests.extract.annotate import annotated as run


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("mentions", "quotes")


def quoted(pipe, text: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    out = []
    for q in run(pipe, text).quotes:
        who = text[q.speaker_span[0]:q.speaker_span[1]] if q.speaker_span else ""
        out.append((text[q.content_span[0]:q.content_span[1]], who))
    return out


def test_called_the_object_a_name_reports_both(pipe) -> None:  # type: ignore[no-untyped-def]
    assert quoted(pipe, "Moscow called the strike a provocation.") == [("the strike a provocation", "Moscow")]


def test_a_date_after_the_judgement_is_not_its_content(pipe) -> None:  # type: ignore[no-untyped-def]
    # "on Sunday" used to be taken for the "called on …" content
    assert quoted(pipe, "Moscow called the strike a provocation on Sunday.") == [
        ("the strike a provocation", "Moscow")]


def test_an_adjective_predicate_is_a_judgement_too(pipe) -> None:  # type: ignore[no-untyped-def]
    assert quoted(pipe, "Kyiv called the talks useless.") == [("the talks useless", "Kyiv")]


def test_calling_someone_somewhere_names_nothing(pipe) -> None:  # type: ignore[no-untyped-def]
    assert quoted(pipe, "The general called his troops to the front.") == []
    assert quoted(pipe, "Republicans had called the hearing because the agency stalled.") == []
