"""A word cut at the edge of a rule window is no calendar word. The rules run on windows around
trigger words (``rules.windows``); a regex run up to a window's end sees the text end there, so before
the fix a word the edge cut after a calendar word's letters passed the word edge that closes every rule:
"eastern DRC" gave Easter (found on the peace corpus: "ending the violence in eastern DRC" was
2025-04-20), "Mayor" May, "junta" June, "novel" November, "nowhere" now, "Augustine" August. Each sentence puts the word
where the window of the date before it ends; the publication day is Tuesday 26 December 2023."""

from __future__ import annotations

import pytest

from peacewatch.extract.timex import rules

from .timex_support import run

DATE = "On June 27, 2023 the"


def cut_at(word: str, letters: int) -> str:
    """A sentence whose word ``word`` the window of "2023" ends inside, after ``letters`` letters."""
    edge = DATE.index("2023") + 4 + rules.AFTER
    gap = edge - letters - len(DATE)
    assert gap >= 1
    return f"{DATE}{' ' * gap}{word} spoke."


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("timex")


@pytest.mark.parametrize(("word", "letters"), [
    ("eastern", 6), ("Mayor", 3), ("junta", 3), ("novel", 3), ("nowhere", 3), ("Augustine", 6),
])
def test_a_word_cut_by_the_window_is_no_timex(pipe, word: str, letters: int) -> None:  # type: ignore[no-untyped-def]
    text = cut_at(word, letters)
    assert [(t.text, t.value) for t in run(pipe, text)] == [("June 27, 2023", "2023-06-27")]
    assert text[:rules.windows(text)[0][1]].endswith(word)  # the window takes the whole word


def test_a_calendar_word_at_the_edge_is_still_found(pipe) -> None:  # type: ignore[no-untyped-def]
    text = cut_at("Easter", 6)  # the word ends where the window would: nothing to extend
    assert [t.value for t in run(pipe, text)] == ["2023-06-27", "2023-04-09"]

