"""A report inside the content of another speaker's quote is part of that quote ("The regulators
said that … the company could threaten to close its pits": one attribution, the regulators'), unless
it is coordinated with that content or hangs in a relative clause (docs/quotes.md, "Reports inside
reports"). Every text here is written for the test."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peacewatch.extract.quotes.inside import Outers, Own, drop_inside
from peacewatch.types import Quote
from tests.extract.annotate import quotes_of as found


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("mentions", "quotes")


def test_a_threat_reported_inside_a_statement_is_no_quote_of_its_own(pipe) -> None:  # type: ignore[no-untyped-def]
    text = ("The regulators said that if the province blocked the sale, the mining company could threaten "
            "to close its pits.")
    quotes = found(pipe, text)
    assert [speaker for _, speaker in quotes] == ["The regulators"]
    assert quotes[0][0].endswith("could threaten to close its pits")


def test_a_belief_of_another_speaker_reported_in_the_clause_is_part_of_it(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "Amina Hassan said the colonel believed the talks would resume in March."
    assert found(pipe, text) == [("the colonel believed the talks would resume in March", "Amina Hassan")]


def test_a_report_in_a_relative_clause_keeps_its_own_speaker(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "Officials said the envoy, who says he is hopeful, will arrive in the capital on Monday."
    quotes = found(pipe, text)
    assert ("he is hopeful", "who") in quotes and len(quotes) == 2


def _quote(text: str, content: str, cue: str, speaker: str | None, at: int = 0) -> Quote:
    start, verb = text.index(content, at), text.index(cue, at)
    return Quote((start, start + len(content)), speaker, None, (verb, verb + len(cue)), False, "test")


def test_a_report_coordinated_inside_the_content_stays_and_a_subordinate_one_goes(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Officials said the army mishandled the inquiry and hid the report."
    doc = nlp(text)
    verbs = {t.text: t.dep_ for t in doc}
    assert (verbs["mishandled"], verbs["hid"]) == ("ccomp", "conj")  # the parse the test is about
    outer = _quote(text, "the army mishandled the inquiry and hid the report", "said", "e1")
    coordinated = _quote(text, "the report", "hid", "e2")
    subordinate = _quote(text, "the inquiry", "mishandled", "e3")
    assert drop_inside(doc, [outer, coordinated, subordinate], []) == [outer, coordinated]


def test_a_quote_over_its_own_cue_swallows_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Officials said the army mishandled the inquiry and hid the report."
    doc = nlp(text)
    inner = _quote(text, "the inquiry", "mishandled", "e1")
    over_its_cue = _quote(text, "Officials said the army mishandled the inquiry", "said", "e2")
    assert drop_inside(doc, [inner], [over_its_cue]) == [inner]


def test_the_same_speaker_keeps_a_coordinated_report_and_drops_a_subordinate_one(nlp) -> None:  # type: ignore[no-untyped-def]
    # eighth round: a report inside a larger quote of its own speaker is part of it
    text = "Officials said the army mishandled the inquiry and hid the report."
    doc = nlp(text)
    same = _quote(text, "the army mishandled the inquiry and hid the report", "said", "e1")
    subordinate = _quote(text, "the inquiry", "mishandled", "e1")
    coordinated = _quote(text, "the report", "hid", "e1")
    assert drop_inside(doc, [same, subordinate, coordinated], []) == [same, coordinated]


@pytest.mark.parametrize("text", [
    "Daniel Ortiz insisted the panel had new questions, not the ones he refused to answer last year.",
    "Mr. Ruiz said he was not worried about the vote because he doubted any court would enforce the order.",
])
def test_a_report_inside_a_quote_of_its_own_speaker_is_part_of_it(pipe, text: str) -> None:  # type: ignore[no-untyped-def]
    [(content, _)] = found(pipe, text)
    assert content.endswith(("to answer last year", "would enforce the order"))


def test_a_report_of_the_same_speaker_beside_the_content_stays(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "Maria Lopez said the ceasefire was holding, but she refuses to discuss the prisoners."
    assert found(pipe, text) == [("the ceasefire was holding", "Maria Lopez"), ("to discuss the prisoners", "she")]


spans = st.tuples(st.integers(0, 30), st.integers(1, 12)).map(lambda x: (x[0], x[0] + x[1]))
keyed = st.lists(st.tuples(spans, st.sampled_from(["a", "b", "c"])), max_size=12)


@given(keyed, spans, st.sampled_from(["a", "b", "c", "d"]))
def test_outers_answer_as_a_scan_of_every_quote(quotes, span, key) -> None:  # type: ignore[no-untyped-def]
    outers = Outers([(Quote(s, None, None, None, False, None), ("entity", k)) for s, k in quotes])
    expected = any(s[0] <= span[0] and span[1] <= s[1] and s != span and k != key for s, k in quotes)
    assert outers.holds(span, ("entity", key)) == expected


@given(keyed, spans, st.sampled_from(["a", "b", "c", "d"]))
def test_own_answers_as_a_scan_of_every_quote(quotes, span, key) -> None:  # type: ignore[no-untyped-def]
    own = Own([(Quote(s, None, None, None, False, None), ("entity", k)) for s, k in quotes])
    expected = any(s[0] <= span[0] and span[1] <= s[1] and s != span and k == key for s, k in quotes)
    assert own.holds(span, ("entity", key)) == expected
