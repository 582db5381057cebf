"""Quotes on unseen text (issue 13): nested quotations, and the cues and spans the PolNeAR tune fold
showed missing. Every text here is written for the test."""

from __future__ import annotations

import pytest

from peacewatch.extract.quotes.marks import find_quotations
from tests.extract.annotate import annotated as run


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("mentions", "quotes")


def marked(text: str) -> list[str]:
    return [text[q.content_start:q.content_end] for q in find_quotations(text)]


def contents(pipe, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [text[q.content_span[0]:q.content_span[1]] for q in run(pipe, text).quotes]


# --- nested quotation marks ------------------------------------------------------------------


def test_a_curly_quotation_inside_another_is_part_of_it() -> None:
    text = "\u201cI would rather stay in what he calls \u201cthe swamp\u201d than leave,\u201d the farmer said."
    assert marked(text) == ["I would rather stay in what he calls \u201cthe swamp\u201d than leave"]


def test_an_outer_quotation_that_never_closes_keeps_the_inner_one() -> None:
    text = "The mayor said \u201cthe plan, the \u201cgreen corridor\u201d, is dead.\nNext paragraph."
    assert marked(text) == ["green corridor"]


def test_a_nested_quotation_running_over_paragraphs_continues() -> None:
    text = ("\u201cWe call it \u201cthe long road\u201d and we will walk it.\n"
            "\u201cNobody else will,\u201d the envoy said.")
    found = find_quotations(text)
    assert [(text[q.content_start:q.content_end], q.continued) for q in found] == [
        ("We call it \u201cthe long road\u201d and we will walk it.", True), ("Nobody else will", False)]
