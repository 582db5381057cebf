"""An agreed text named in the "of" phrase of a noun that is no act ("the provisions of the accord") is
referred to, its agreeing not told: no AGREE of its own (coding guide, "Which events"; docs/events.md,
"Ninth round", the precision follow-up). On texts of an invented conflict written for these tests."""

from __future__ import annotations

import pytest

from .annotate import events_pipeline
from .annotate import types_and_status as _events


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return events_pipeline(make_pipeline)


def test_a_text_named_by_its_provisions_is_no_agreement(pipe) -> None:  # type: ignore[no-untyped-def]
    # each gave an AGREE `occurred` before
    assert "AGREE" not in [t for t, _s in _events(pipe, "Until Kenya fulfils all provisions of the Lindi "
                                                        "accord, no payments will be made.")]
    assert "AGREE" not in [t for t, _s in _events(pipe, "Observers from Tanzania studied the annex of the "
                                                        "agreement in Arusha.")]


def test_a_text_reached_stays_an_agreement(pipe) -> None:  # type: ignore[no-untyped-def]
    # guards: the text reached by a verb, or the texts a party's noun names as its own
    assert "AGREE" in [t for t, _s in _events(pipe, "Kenya received Uganda's new package of proposals for the "
                                                    "treaty in May.")]
    assert "AGREE" in [t for t, _s in _events(pipe, "Kenya and Uganda agreed on a new border in Arusha.")]
    assert "AGREE" in [t for t, _s in _events(pipe, "Kenya and Uganda reached an agreement on the border.")]
