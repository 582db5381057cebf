"""Speaker codes on texts of conflicts none of the dev sets covers (issue 13 item 2): a spokesperson
of a body or of "the government", an army spokesman, an officer titled with no country, in news of
Nigeria's delta and of talks in Madagascar written for these tests. A speaker speaks for the body or
state they speak for (the coding guide)."""

from __future__ import annotations

import pytest

from tests.extract.annotate import annotated


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("actors", "quotes")


def speaker_code(pipe, text: str, content: str) -> str | None:  # type: ignore[no-untyped-def]
    """The code of the speaker of the quote whose content starts with ``content``."""
    result = annotated(pipe, text, "2025-03-01")
    [quote] = [q for q in result.quotes if text[q.content_span[0]:q.content_span[1]].startswith(content)]
    ent = result.entity(quote.speaker) if quote.speaker else None
    return ent.code if ent is not None else None


DELTA = ("Nigeria's army said it had killed 12 fighters of the Delta Liberation Front in the creeks. "
         "\"We will not stop until the pipelines are safe,\" the army spokesman said. "
         "\"The government remains open to talks,\" a government spokeswoman told reporters. "
         "\"Civilians must be protected,\" said a spokesperson for the Niger Delta Development Commission.")


@pytest.mark.parametrize("content", ["We will not stop", "The government remains", "Civilians must"])
def test_spokespeople_of_the_state_s_bodies_speak_for_it(pipe, content: str) -> None:  # type: ignore[no-untyped-def]
    assert speaker_code(pipe, DELTA, content) == "NGA"


def test_a_bare_spokesman_is_nobody_s_by_default(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "Nigeria's army fought in the delta. Nigeria said talks would start. \"We are ready,\" a spokesman said."
    assert speaker_code(pipe, text, "We are ready") is None


TALKS = ("Madagascar's government and the Southern Highlands Movement resumed talks in Antananarivo on Monday. "
         "\"The ceasefire holds,\" said Colonel Jean Rakoto, the army spokesman. "
         "\"Progress was made,\" a government spokesman said.")


@pytest.mark.parametrize("content", ["The ceasefire holds", "Progress was made"])
def test_officers_and_spokesmen_are_the_only_state_named_s(pipe, content: str) -> None:  # type: ignore[no-untyped-def]
    assert speaker_code(pipe, TALKS, content) == "MDG"
