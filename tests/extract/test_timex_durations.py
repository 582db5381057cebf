"""Bare plural units after 'for', 'within', 'in', 'over', 'just': vague durations (PXW, PXY …)."""

from __future__ import annotations

import pytest

from .timex_support import run


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("timex")


@pytest.mark.parametrize(("text", "span", "value"), [
    ("Troops could reach the border within weeks, the envoy said.", "weeks", "PXW"),
    ("The valley was ruled from the capital for centuries.", "centuries", "PXY"),
    ("Prices fell to their lowest level in years.", "years", "PXY"),
    ("The market lost the gains in just minutes.", "minutes", "PTXM"),
    ("Families had waited for days at the crossing.", "days", "PXD"),
])
def test_a_bare_plural_unit_is_a_vague_duration(pipe, text: str, span: str, value: str) -> None:  # type: ignore[no-untyped-def]
    found = [(t.text, t.type, t.value) for t in run(pipe, text)]
    assert (span, "DURATION", value) in found


@pytest.mark.parametrize("text", [
    "The talks collapsed years ago, the minister said.",
    "In days of old the river was the border.",
])
def test_a_plural_unit_that_is_no_duration(pipe, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [t.value for t in run(pipe, text) if t.type == "DURATION"] == []


# A number written with thousands separators is one amount (it was read from its last group: "1,425
# days" as P425D, a wrong value), and a decimal comma starts no timex (docs/time.md, eleventh round).
@pytest.mark.parametrize(("text", "span", "value"), [
    ("The siege of the city lasted 1,425 days.", "1,425 days", "P1425D"),
    ("Monitors logged 12,500 hours of shelling.", "12,500 hours", "PT12500H"),
])
def test_a_number_with_thousands_separators_is_one_amount(pipe, text: str, span: str, value: str) -> None:  # type: ignore[no-untyped-def]
    assert [(t.text, t.value) for t in run(pipe, text)] == [(span, value)]


def test_no_amount_starts_inside_a_number(pipe) -> None:  # type: ignore[no-untyped-def]
    assert run(pipe, "The convoy took 1,5 days to cross.") == []
    assert [t.value for t in run(pipe, "The truce held for 44 days.")] == ["P44D"]


# A unit closed up with "long" is the same duration as "year-long" (docs/time.md, twelfth round): the
# word was never looked at, since the cheap trigger pass wants a table word standing alone.
@pytest.mark.parametrize(("text", "span", "value"), [
    ("The yearlong blockade of the port ended in March.", "yearlong", "P1Y"),
    ("After a weeklong pause, the talks resumed in Geneva.", "weeklong", "P1W"),
    ("Delegates met for a daylong session on the prisoners.", "daylong", "P1D"),
    ("The monthlong siege left the town without water.", "monthlong", "P1M"),
    ("The hourlong broadcast named no commander.", "hourlong", "PT1H"),
])
def test_a_unit_closed_up_with_long_is_one_unit(pipe, text: str, span: str, value: str) -> None:  # type: ignore[no-untyped-def]
    found = [(t.text, t.type, t.value) for t in run(pipe, text)]
    assert (span, "DURATION", value) in found


def test_long_inside_another_word_is_no_duration(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "The daylonger shifts and the weeklongs of the calendar were cut."
    assert [t.text for t in run(pipe, text)] == []
