"""Byline and update stamps: tagged with their values, marked in ``why``, never governing an event.

Texts are written for these tests.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peacewatch.extract.timex import governing_timex
from peacewatch.extract.timex.stamps import STAMP, is_stamp
from peacewatch.types import Document, Result


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("timex")


def run(pipe, text: str) -> Result:  # type: ignore[no-untyped-def]
    [result] = list(pipe.annotate([Document(id="s", text=text, published="2024-03-04")]))
    assert result.error is None, result.error
    return result


def stamped(result: Result) -> dict[str, bool]:
    return {t.text: (t.why or "").endswith(STAMP) for t in result.timexes}


@pytest.mark.parametrize("text, date", [
    ("Truce holds in the north\nUpdated: 03/02/2024\n\nThe guns fell silent on Sunday.", "03/02/2024"),
    ("Truce holds\nPublished March 2, 2024\nThe guns fell silent on Sunday.", "March 2, 2024"),
    ("Truce holds\nLast updated on March 2, 2024 at 9:15 AM\nThe guns fell silent.", "March 2, 2024"),
    ("Truce holds\nAmina Diallo Published - March 2, 2024\nThe guns fell silent.", "March 2, 2024"),
    ("Truce holds\nUpdated:\n03/02/2024\nThe guns fell silent.", "03/02/2024"),
    ("Truce holds\nJoe Bloggs\n03/01/2024\nUpdated:\n03/02/2024\nThe guns fell silent.", "03/01/2024"),
    ("Truce holds\nPosted Saturday, March 2, 2024 by Jane Doe in World News\nThe guns fell silent.",
     "Saturday, March 2, 2024"),
])
def test_stamps_are_tagged_and_marked(pipe, text: str, date: str) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, text)
    marks = stamped(r)
    assert marks.get(date) is True, marks
    assert marks.get("Sunday", False) is False


def test_clock_after_a_stamp_is_part_of_it_and_keeps_its_day(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Truce holds\nUpdated - March 2, 2024 07:45 pm\nThe guns fell silent.")
    [clock] = [t for t in r.timexes if t.type == "TIME"]
    assert clock.value == "2024-03-02T19:45"
    assert (clock.why or "").endswith(STAMP)


@pytest.mark.parametrize("text, date", [
    ("The report was published on March 2, 2024, and the guns fell silent.", "March 2, 2024"),
    ("Published on the front page, the truce of March 2, 2024 held.", "March 2, 2024"),
    ("The agreement is dated March 2, 2024 and signed by both envoys.", "March 2, 2024"),
    # a name and a cue open the line, but the sentence goes on: news of what was published, no byline
    ("Hamas published on Monday a list of the hostages it would free.", "Monday"),
    ("Israel published Tuesday the names of 300 prisoners eligible for release.", "Tuesday"),
    ("The army posted on March 2, 2024 a video of the raid on the camp.", "March 2, 2024"),
])
def test_dates_in_running_text_are_not_stamps(pipe, text: str, date: str) -> None:  # type: ignore[no-untyped-def]
    assert stamped(run(pipe, text)).get(date) is False


def test_a_stamp_never_governs_an_event(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "Published March 2, 2024 The envoys signed the truce in Geneva."
    r = run(pipe, text)
    doc = pipe.nlp(text)
    signed = next(t.i for t in doc if t.text == "signed")
    assert governing_timex(r.timexes, doc, signed) is None
    plain = "The envoys signed the truce in Geneva on March 2, 2024."
    found = governing_timex(run(pipe, plain).timexes, pipe.nlp(plain), 2)
    assert found is not None and found.value == "2024-03-02"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="Updated: Published 0123456789/\n-|©,", max_size=60), st.integers(0, 59))
def test_is_stamp_never_crashes(text: str, at: int) -> None:
    start = min(at, len(text))
    reason = is_stamp(text, start, min(start + 4, len(text)), None)
    assert reason is None or isinstance(reason, str)
