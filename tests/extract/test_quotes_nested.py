"""A report nested in another one by the same speaker ("X said she believed …") is part of the
outer quote, not a quote of its own (PolNeAR gives "she believed …" to X as one attribution).
Every text here is written for the test."""

from __future__ import annotations

import pytest

from tests.extract.annotate import annotated as run
from tests.extract.annotate import quotes_of as found


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("mentions", "quotes")


def test_a_pronoun_report_in_the_clause_of_its_own_speaker_is_folded_in(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "Amina Hassan said she believed the talks would resume in March."
    quotes = run(pipe, text).quotes
    assert found(pipe, text) == [("she believed the talks would resume in March", "Amina Hassan")]
    assert "nested in it ('believed')" in (quotes[0].why or "")


def test_the_folded_report_extends_the_outer_content_to_its_end(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "Amina Hassan said she suspected the convoy was delayed by the floods - a delay the monitors also reported."
    contents = [c for c, _ in found(pipe, text)]
    assert len(contents) == 1 and contents[0].startswith("she suspected the convoy was delayed")


def test_a_report_of_another_speaker_in_the_clause_is_not_folded(pipe) -> None:  # type: ignore[no-untyped-def]
    # Not folded (that is for a pronoun of the same speaker); inside.py drops it as part of the
    # outer quote (tests/extract/test_quotes_inside.py), so the outer content stays as drawn.
    text = "Amina Hassan said the colonel believed the talks would resume in March."
    [quote] = run(pipe, text).quotes
    assert "nested in it" not in (quote.why or "")
    assert text[quote.content_span[0]:quote.content_span[1]] == "the colonel believed the talks would resume in March"


def test_a_second_verb_of_speech_conjoined_in_the_clause_stays_its_own(pipe) -> None:  # type: ignore[no-untyped-def]
    text = ("Amina Hassan said that the footage did not settle the question, but she said that the other "
            "evidence supports what the witnesses described.")
    quotes = found(pipe, text)
    assert ("that the other evidence supports", "she") in quotes
    assert quotes[0] == ("that the footage did not settle the question", "Amina Hassan")

