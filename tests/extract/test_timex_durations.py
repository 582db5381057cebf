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
