"""A web page's link line ("ALSO READ: …", "Related", "Watch: …") is a sentence boundary: the parser
read such a line, which has no final punctuation, and the story's next sentence as one sentence, and
the events of that sentence were lost or took the wrong actors. A link line is another story's
headline: its events take no actor from the story, nor leave theirs to it."""

from __future__ import annotations

import pytest

from peacewatch.contract import LINK_LINES
from peacewatch.pipeline import LINK_LINE_BREAKS

from .annotate import annotated, events_pipeline

STORY = "Ethiopia and Eritrea signed a border accord in Nairobi on Monday.\n\n"
WITHDREW = "The Ethiopian army withdrew from the disputed town on Wednesday."


def _sentences(nlp, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.text.strip() for s in nlp(text).sents]


@pytest.mark.parametrize(("line", "after"), [
    ("Watch: Envoys arrive in Nairobi ahead of the summit", WITHDREW),
    ("ALSO READ: Regional bloc names new envoy for the Horn of Africa",
     "Eritrea released 40 Ethiopian prisoners on Tuesday."),
    ("Related", "Eritrea said it had freed 40 Ethiopian prisoners."),
])
def test_the_line_after_a_link_line_starts_a_sentence_of_its_own(nlp, line, after):
    text = f"{STORY}{line}\n{after}"
    sentences = _sentences(nlp, text)
    assert after in sentences  # whole: neither joined to the link line nor cut after its first word
    assert not any(line in s and after in s for s in sentences)


def test_the_parser_alone_joined_them(nlp):
    text = f"{STORY}Watch: Envoys arrive in Nairobi ahead of the summit\n\nThe Ethiopian army withdrew on Wednesday."
    with nlp.select_pipes(disable=[LINK_LINE_BREAKS]):
        joined = _sentences(nlp, text)
    assert "The Ethiopian army withdrew on Wednesday." not in joined  # what the boundary is for
    assert "The Ethiopian army withdrew on Wednesday." in _sentences(nlp, text)


def test_a_text_without_link_lines_is_split_as_before(nlp):
    text = STORY + "Related talks resume on Monday in Addis Ababa.\nThe Ethiopian army withdrew on Wednesday."
    with nlp.select_pipes(disable=[LINK_LINE_BREAKS]):
        before = _sentences(nlp, text)
    assert _sentences(nlp, text) == before
    assert LINK_LINES not in nlp(text).user_data  # nothing left for the components


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return events_pipeline(make_pipeline)


def test_the_event_after_a_link_line_is_found(pipe):
    text = f"{STORY}Watch: Envoys arrive in Nairobi ahead of the summit\n\n{WITHDREW}"
    result = annotated(pipe, text, "2025-03-01")
    withdrew = [e for e in result.events if text[e.trigger_span[0]:e.trigger_span[1]] == "withdrew"]
    assert [(e.type, [a.code for a in e.actor]) for e in withdrew] == [("RETREAT", ["ETH"])]


def test_a_link_line_takes_no_actor_from_the_story(pipe):
    text = ("Ethiopia and Eritrea held talks in Nairobi on Monday.\n\nALSO READ: Border talks between neighbours "
            "resume in Oslo next week\n\nThe accord, which builds on the framework signed in Addis Ababa on May 3, "
            "commits both sides to withdraw their troops.")
    result = annotated(pipe, text, "2025-03-01")
    line = text.index("ALSO READ")
    in_line = [e for e in result.events if line <= e.trigger_span[0] < text.index("\n", line)]
    assert in_line, [(e.type, text[e.trigger_span[0]:e.trigger_span[1]]) for e in result.events]
    assert all(not e.actor for e in in_line)  # the story's Ethiopia and Eritrea are not the headline's
    after = [e for e in result.events if e.trigger_span[0] > text.index("\n", line)]
    assert any({a.code for a in e.actor} == {"ETH", "ERI"} for e in after)  # and the story keeps them
