"""Web pages' link lines ("ALSO READ: …", "Related", "Watch: …"): which lines are page furniture."""

from __future__ import annotations

import pytest

from peacewatch.ingest.furniture import link_lines

STORY = "The two ministers met in the capital on Tuesday.\n"
NEXT = "The accord, which builds on the framework signed in May, commits both sides to a truce.\n"


def _lines(text: str) -> list[str]:
    return [text[start:end] for start, end in link_lines(text)]


@pytest.mark.parametrize("line", [
    "ALSO READ: Border talks between the neighbours resume next week",
    "Also Read: Envoys arrive ahead of the summit",
    "read more: Aid convoys cross the river",
    "READ MORE \u00bb",
    "Related",
    "RELATED STORY",
    "Related stories | The ceasefire one month on",
    "Recommended",
    "Watch: Envoys arrive ahead of the summit",
    "WATCH - The signing ceremony",
    "  See also: Timeline of the talks",
    "Advertisement",
])
def test_a_line_that_opens_with_a_link_cue_is_furniture(line):
    text = f"{STORY}\n{line}\n\n{NEXT}"
    assert _lines(text) == [line.strip()]


@pytest.mark.parametrize("line", [
    "Related talks between the two sides resume on Monday.",
    "Watchers of the process expect a deal by June.",
    "The mediators said readers should read more into the delay.",
    "Recommended steps include a joint monitoring team.",
])
def test_a_sentence_that_merely_starts_with_the_word_is_not(line):
    assert link_lines(f"{STORY}{line}\n{NEXT}") == []


def test_a_cue_inside_a_line_is_not_a_link_line():
    assert link_lines("Officials met on Tuesday. READ MORE: Aid convoys cross the river\n" + NEXT) == []


def test_spans_cover_the_line_from_its_cue_to_its_end_without_the_break():
    text = f"{STORY}Also read: Envoys arrive\r\n{NEXT}Related\n"
    spans = link_lines(text)
    assert [text[a:b] for a, b in spans] == ["Also read: Envoys arrive", "Related"]
    assert text[spans[0][1]:spans[0][1] + 2] == "\r\n"


def test_a_text_without_link_lines_has_none():
    assert link_lines(STORY + NEXT) == []
    assert link_lines("") == []
