"""An act told in the background of a sentence with a day of its own is an event of that day: a
past participle of a signed text with its own date ("the declaration of principles signed on April
25"), and talks in an "after"/"during" phrase whose own clause says when they took place ("during the
third round of talks, which began on May 2"), as the guide codes background paragraphs
(``extract/events/matching.participle_aside``, ``extract/events/triggers.dated_aside``). Without a
day of their own they stay what they were: the participle names which text is meant, the talks are
the background of the main event. The texts are made up for these tests."""

from __future__ import annotations

import pytest

from .annotate import events_by_trigger


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("timex", "mentions", "events")


@pytest.mark.parametrize("text, day, trigger, kind, date", [
    # a signed text's participle with its own day: the signing, on that day
    ("The new accord builds on the declaration of principles signed in Lomé on April 25.",
     "2025-06-27", "signed", "SUPPORT", "2025-04-25"),
    ("The new accord builds on the protocol signed by both governments on 3 March 2025, officials said.",
     "2025-06-27", "signed", "SUPPORT", "2025-03-03"),
    # talks in the background whose own clause tells the day they began
    ("The truce was reached during the third round of talks, which began on May 2 and ended on June 8.",
     "2025-06-09", "talks", "CONSULT", "2025-05-02"),
])
def test_a_background_act_with_its_own_day_is_an_event_of_that_day(  # type: ignore[no-untyped-def]
        pipe, text: str, day: str, trigger: str, kind: str, date: str):
    found = events_by_trigger(pipe, text, day)
    assert trigger in found, sorted(found)
    assert found[trigger].type == kind
    assert found[trigger].date == date


@pytest.mark.parametrize("text, day, trigger, main", [
    # no day of its own: the participle only names which text is meant
    ("The new accord builds on the protocol signed by both governments, officials said.", "2025-06-27", "signed",
     None),
    ("The new accord builds on the protocol signed last year, officials said.", "2025-06-27", "signed", None),
    # talks as the background of the main event, told with no day of their own
    ("The truce was reached during the talks in Harlow.", "2025-06-09", "talks", "reached"),
    ("The truce was reached during the talks, which were held in Harlow.", "2025-06-09", "talks", "reached"),
])
def test_without_a_day_of_its_own_the_act_stays_background(pipe, text: str, day: str,  # type: ignore[no-untyped-def]
                                                           trigger: str, main: str | None):
    found = events_by_trigger(pipe, text, day)
    assert trigger not in found, sorted(found)
    assert main is None or main in found, sorted(found)
