"""The timex component: synthetic sentences for each rule, the seed article, no-anchor behaviour,
and the properties every output keeps (spans slice the text, nothing crashes)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peacewatch.extract.timex.rules import rules
from peacewatch.types import Document, Timex
from tests.conftest import shared_path

from .timex_support import run


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("timex")


def find(timexes: list[Timex], text: str) -> Timex:
    hits = [t for t in timexes if t.text == text]
    assert hits, f"{text!r} not tagged; got {[(t.text, t.value) for t in timexes]}"
    return hits[0]


# (sentence, timex text, type, value, mod) — sentences written for these tests.
CASES = [
    ("The envoy said Monday that the talks would resume.", "Monday", "DATE", "2023-12-25", None),
    ("The ministers will meet on Friday in Geneva.", "Friday", "DATE", "2023-12-29", None),
    ("The delegation arrived in the capital in November.", "November", "DATE", "2023-11", None),
    ("A summit will be held in March.", "March", "DATE", "2024-03", None),
    ("Officials met on Sept. 19 to discuss the corridor.", "Sept. 19", "DATE", "2023-09-19", None),
    ("The accord was signed on 12 March 2021 in Sochi.", "12 March 2021", "DATE", "2021-03-12", None),
    ("The truce began on January 5, 2022.", "January 5, 2022", "DATE", "2022-01-05", None),
    ("The rebels withdrew in the fall of 2020.", "the fall of 2020", "DATE", "2020-FA", None),
    ("Clashes erupted again in late 2020.", "late 2020", "DATE", "2020", "END"),
    ("Soldiers held since April 2023 were freed.", "April 2023", "DATE", "2023-04", None),
    ("The war lasted 44 days.", "44 days", "DURATION", "P44D", None),
    ("The talks lasted three hours.", "three hours", "DURATION", "PT3H", None),
    ("The mission stayed for 2 1/2 years.", "2 1/2 years", "DURATION", "P2Y6M", None),
    ("Earlier this month, the parties agreed to a swap.", "Earlier this month", "DATE", "2023-12", "START"),
    ("The border was closed last year.", "last year", "DATE", "2022", None),
    ("The envoys return next week.", "next week", "DATE", "2024-W01", None),
    ("A vote is expected in the first quarter of 2024.", "the first quarter of 2024", "DATE", "2024-Q1",
     None),
    ("Monitors report daily on the ceasefire line.", "daily", "SET", "P1D", None),
    ("Peace may come in the near future.", "the near future", "DATE", "FUTURE_REF", None),
    ("The camps are now empty.", "now", "DATE", "PRESENT_REF", None),
    ("Yesterday the minister resigned.", "Yesterday", "DATE", "2023-12-25", None),
    ("The 1990s saw repeated clashes in the valley.", "The 1990s", "DATE", "199", None),
    ("Talks were held last summer in Vienna.", "last summer", "DATE", "2023-SU", None),
    ("The convoy left at 3 p.m. on Monday.", "3 p.m.", "TIME", "2023-12-25T15:00", None),
    ("Inspectors visit every week.", "every week", "SET", "P1W", None),
    ("The camp had been quiet in recent months.", "recent months", "DURATION", "PXM", None),
    ("The hostages were freed on Christmas Day.", "Christmas Day", "DATE", "2023-12-25", None),
    ("Delegates met in February this year.", "February this year", "DATE", "2023-02", None),
    ("The border was drawn in nineteen ninety-six.", "nineteen ninety-six", "DATE", "1996", None),
    ("Aid ran short toward the end of the year.", "the end of the year", "DATE", "2023", "END"),
    ("Dispatch filed 10:09 GMT 01.01.2023 from the border.", "01.01.2023", "DATE", "2023-01-01", None),
    ("Markets ended the day lower.", "the day", "DATE", "2023-12-26", None),
]


@pytest.mark.parametrize(("sentence", "text", "typ", "value", "mod"), CASES)
def test_synthetic_sentences(pipe, sentence, text, typ, value, mod):  # type: ignore[no-untyped-def]
    t = find(run(pipe, sentence), text)
    assert (t.type, t.value, t.mod) == (typ, value, mod), t.why
    assert t.why and t.why.startswith("rule ")


def test_anaphoric_dates_follow_the_date_in_focus(pipe):  # type: ignore[no-untyped-def]
    text = ("The ceasefire took hold on March 3, 2022. Two days later it collapsed. "
            "The following week was calm.")
    timexes = run(pipe, text)
    assert find(timexes, "Two days later").value == "2022-03-05"
    assert find(timexes, "The following week").value == "2022-W10"


def test_year_ago_quarter_keeps_the_quarter(pipe):  # type: ignore[no-untyped-def]
    timexes = run(pipe, "Profit rose in the third quarter from a loss a year earlier.", "1989-11-02")
    assert find(timexes, "the third quarter").value == "1989-Q3"
    assert find(timexes, "a year earlier").value == "1988-Q3"


def test_without_anchor_nothing_is_invented(pipe):  # type: ignore[no-untyped-def]
    text = ("The envoy said Monday that the swap happened in November, after talks on Sept. 19 "
            "and a meeting last year; elections follow in 2024.")
    timexes = run(pipe, text, published=None)
    assert find(timexes, "Monday").value == "XXXX-WXX-1"
    assert find(timexes, "November").value == "XXXX-11"
    assert find(timexes, "Sept. 19").value == "XXXX-09-19"
    assert find(timexes, "last year").value == "XXXX"
    assert find(timexes, "2024").value == "2024"


@pytest.mark.parametrize("text", [
    "May the talks succeed.",            # a modal, not a month
    "Czech Foreign Minister Jan Kavan spoke.",  # a name, not January
    "Thousands joined the March for Peace.",    # a name's head
    "The company sent 2000 troops north.",      # a count, not a year
    "A 6-year-old girl was rescued.",           # an age
])
def test_false_friends_are_not_tagged(pipe, text):  # type: ignore[no-untyped-def]
    assert run(pipe, text) == []


SEED_EXPECTED = [
    ("Monday", "2023-12-25", None), ("November", "2023-11", None), ("Earlier this month", "2023-12", "START"),
    ("2024", "2024", None), ("late 2020", "2020", "END"), ("April 2023", "2023-04", None),
    ("September", "2023-09", None), ("Sept. 19", "2023-09-19", None), ("the fall of 2020", "2020-FA", None),
    ("44 days", "P44D", None), ("the near future", "FUTURE_REF", None),
]


def test_seed_article(pipe):  # type: ignore[no-untyped-def]
    text = shared_path("seed", "azerbaijan_armenia_treaty_talks.txt").read_text("utf-8")
    timexes = run(pipe, text)
    for surface, value, mod in SEED_EXPECTED:
        t = find(timexes, surface)
        assert (t.value, t.mod) == (value, mod), t.why
    assert find(timexes, "recent months").value in ("PAST_REF", "PXM")


def test_seed_article_without_published(pipe):  # type: ignore[no-untyped-def]
    text = shared_path("seed", "azerbaijan_armenia_treaty_talks.txt").read_text("utf-8")
    timexes = run(pipe, text, published=None)
    assert find(timexes, "Monday").value == "XXXX-WXX-1"
    assert find(timexes, "November").value == "XXXX-11"
    for surface, value in (("April 2023", "2023-04"), ("Sept. 19", "XXXX-09-19"),
                           ("the fall of 2020", "2020-FA"), ("44 days", "P44D"), ("late 2020", "2020")):
        assert find(timexes, surface).value == value


def test_rule_ids_are_unique():
    ids = [r.id for r in rules()]
    assert len(ids) == len(set(ids))


WORDS = st.sampled_from(["Monday", "in", "November", "last", "year", "Sept.", "19", "2020", "the", "fall",
                         "of", "44", "days", "ago", "later", "earlier", "this", "month", "a.m.", "3",
                         "quarter", "third", "early", "mid-", "daily", ",", "said", "will", "meet", "\n"])
TEXTS = st.one_of(st.text(max_size=80), st.lists(WORDS, max_size=25).map(" ".join))
DATES = st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)).map(dt.date.isoformat))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS, published=DATES)
def test_spans_slice_the_text_and_nothing_crashes(pipe, text, published):  # type: ignore[no-untyped-def]
    if not text.strip():
        return
    [result] = list(pipe.annotate([Document(id="h", text=text, published=published)]))
    assert result.error is None, result.error
    for t in result.timexes:
        assert text[t.start:t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert t.value
