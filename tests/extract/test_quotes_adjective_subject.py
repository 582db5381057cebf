"""A cue verb in the infinitive of an adjective ("unable to …", "quick to …") speaks for the subject
of the adjective's copula, but an "it" there names nobody ("It is worth noting that …"); the climb to
a subject goes up the whole chain of such verbs: docs/quotes.md, "Eighth round", follow-up."""

from __future__ import annotations

import pytest

from tests.extract.annotate import annotated as run


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("mentions", "quotes")


def speakers(pipe, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [text[q.speaker_span[0]:q.speaker_span[1]] if q.speaker_span else "" for q in run(pipe, text).quotes]


def test_a_conjoined_cue_under_an_adjective_borrows_its_subject(pipe) -> None:  # type: ignore[no-untyped-def]
    # failed before: the climb from "accuse" stopped at "unable" and named no speaker
    text = "The general will be unable to win over the crowd and accuse the mediators of being paid by the government."
    assert speakers(pipe, text) == ["The general"]


def test_a_dummy_it_before_an_adjective_names_nobody(pipe) -> None:  # type: ignore[no-untyped-def]
    assert speakers(pipe, "It is worth noting that the mediators were never paid.") == [""]


def test_a_long_chain_of_infinitives_still_reaches_the_subject(pipe) -> None:  # type: ignore[no-untyped-def]
    # failed before: the climb stopped after four steps (deny → be → be → seen → wanted) with no speaker
    text = "The army wanted to be seen to be ready to deny that it had shelled the town."
    assert speakers(pipe, text) == ["The army"]
