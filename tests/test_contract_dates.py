"""The record contract refuses a date no calendar has in every date field (issue 13, E035)."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peacewatch.contract import check_dates, impossible_dates, register
from peacewatch.errors import ProcessingError
from peacewatch.timespan import impossible
from peacewatch.types import Commitment, Dated, Document, Event, Result, Timex


def record(day: str) -> Result:
    """A result with ``day`` in each of its date fields."""
    return Result(
        id="d", published=day,
        timexes=[Timex(0, 5, "March", "DATE", day)],
        events=[Event(id="ev1", type="AGREE", trigger_span=(0, 1), span=(0, 5), date=day)],
        commitments=[Commitment(id="c1", event="ev1", made=day, due=day)],
        dated=Dated(day=day, how="dateline", span=(0, 5), text="March"),
    )


def test_every_date_field_is_checked() -> None:
    found = impossible_dates(record("2024-02-31"))
    assert [f.split(":")[0] for f in found] == [
        "published", "dated.day", "timexes[0].value", "events[0].date", "commitments[0].made",
        "commitments[0].due",
    ]


@pytest.mark.parametrize("value", ["2024-02-30", "2023-02-29", "2023-13", "2023-13-01", "2023-00",
                                   "2023-12-00", "XXXX-04-31", "2021-W53", "2023-W54", "2023-12-26T25:00",
                                   "2023-12-26T10:70", "2023-12-26T24:30"])
def test_an_impossible_value_fails_the_record(value: str) -> None:
    with pytest.raises(ProcessingError) as caught:
        check_dates(record(value))
    assert caught.value.code == "E035"
    assert value in caught.value.message


@pytest.mark.parametrize("value", ["2024-02-29", "XXXX-02-29", "2020-W53", "2023-12-26T24:00", "2023-12",
                                   "2023-Q4", "2023-H2", "2023-WI", "199", "P3D", "PXY", "PRESENT_REF",
                                   "XXXX-WXX-4", "2023-12-26TNI", "2023-12-26T16:00Z", "FY2012", "2023-12-XX"])
def test_a_possible_value_passes(value: str) -> None:
    check_dates(record(value))
    assert impossible_dates(record(value)) == []


def test_a_record_with_no_dates_passes() -> None:
    assert impossible_dates(Result(id="empty")) == []


@given(st.integers(1, 9999), st.integers(0, 14), st.integers(0, 33))
def test_a_day_is_impossible_exactly_when_the_calendar_has_no_such_day(year: int, month: int, day: int) -> None:
    value = f"{year:04d}-{month:02d}-{day:02d}"
    try:
        dt.date(year, month, day)
        real = True
    except ValueError:
        real = False
    assert impossible(value) is not real
    with_unknown_year = f"XXXX-{month:02d}-{day:02d}"
    # a day with no year is possible when some year has it (29 February in a leap year)
    possible_somewhere = 1 <= month <= 12 and 1 <= day <= calendar.monthrange(2000, month)[1]
    assert impossible(with_unknown_year) is not possible_somewhere


@given(st.integers(1, 9998), st.integers(0, 55))
def test_a_week_is_impossible_exactly_when_the_iso_year_has_no_such_week(year: int, week: int) -> None:
    try:
        dt.date.fromisocalendar(year, week, 1)
        real = True
    except ValueError:
        real = False
    assert impossible(f"{year:04d}-W{week:02d}") is not real


class WritesDate:
    """A component that writes one timex with a fixed value (a stand-in for a buggy component)."""

    requires = ("tokens",)
    provides = ("timexes",)

    def __init__(self, name: str, value: str) -> None:
        self.name, self.value = name, value

    def __call__(self, ann):  # type: ignore[no-untyped-def]
        ann.result.timexes.append(Timex(0, 3, ann.document.text[:3], "DATE", self.value))
        return ann


register("test-writes-impossible-date", requires=("tokens",), provides=("timexes",))(
    lambda config: WritesDate("test-writes-impossible-date", "2024-02-31"))
register("test-writes-possible-date", requires=("tokens",), provides=("timexes",))(
    lambda config: WritesDate("test-writes-possible-date", "2024-02-29"))


def test_the_pipeline_fails_a_document_holding_an_impossible_date(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    pipe = make_pipeline("test-writes-impossible-date")
    [result] = list(pipe.annotate([Document(id="d", text="The talks ended.", published="2024-03-01")]))
    assert result.error is not None and result.error.code == "E035"
    assert "timexes[0].value: 2024-02-31" in result.error.message
    assert result.timexes == []


def test_the_pipeline_keeps_a_document_whose_dates_are_all_possible(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    pipe = make_pipeline("test-writes-possible-date")
    [result] = list(pipe.annotate([Document(id="d", text="The talks ended.", published="2024-03-01")]))
    assert result.error is None
    assert [t.value for t in result.timexes] == ["2024-02-29"]
