"""An event sentence with no time expression of its own takes the date of the act the text is
telling of (``extract/events/dating.inherited_timex``), and only then."""

from __future__ import annotations

from typing import Any

import pytest

from peacewatch.extract.events.dating import same_family
from peacewatch.types import Document, Event

DAY = "2023-12-26"  # a Tuesday: "on Monday" is 2023-12-25


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("timex", "mentions", "events", "commitments")


def events(pipe: Any, text: str) -> dict[str, Event]:
    [result] = list(pipe.annotate([Document(id="i", text=text, published=DAY)]))
    assert result.error is None, result.error
    return {text[slice(*e.trigger_span)]: e for e in result.events}


@pytest.mark.parametrize("text, trigger", [
    ("Chad and Peru signed a truce in Lima on Monday. Chad also agreed with Peru on a prisoner exchange.",
     "agreed"),
    ("Chad and Peru signed a truce in Lima on Monday.\n\nChad also agreed with Peru on a prisoner exchange.",
     "agreed"),
    ("Rebels from Chad attacked a Peruvian convoy on Monday. The rebels also seized two Peruvian soldiers.",
     "seized"),
])
def test_an_undated_sentence_about_the_same_act_takes_its_date(pipe, text: str,  # type: ignore[no-untyped-def]
                                                               trigger: str) -> None:
    found = events(pipe, text)
    assert found[trigger].date == "2023-12-25"
    assert "inherited" in (found[trigger].why or "")
    assert found[trigger].date_span is not None and text[slice(*found[trigger].date_span)] == "Monday"


@pytest.mark.parametrize("text, trigger", [
    # a sentence between, across a paragraph break: the narrative has moved on
    ("Chad and Peru signed a truce in Lima on Monday.\n\nThe two sides met again.\n\n"
     "Chad also agreed with Peru on a prisoner exchange.", "agreed"),
    # a background date ("since"), though of the same act
    ("Chad has accused Peru of shelling since March 2023. Chad also accused Peru of raids on farms.",
     "accused Peru of raids"),
    # a day to come is no date of what was done
    ("Chad and Peru will sign a truce in Lima on Friday. Chad also agreed with Peru on a prisoner exchange.",
     "agreed"),
    # nor is an act told as future dated by what was done
    ("Chad and Peru signed a truce on Monday. Chad will agree with Peru on a prisoner exchange.", "agree"),
])
def test_no_date_is_inherited_across_a_break_from_background_or_into_the_future(
        pipe, text: str, trigger: str) -> None:  # type: ignore[no-untyped-def]
    found = events(pipe, text)
    key = trigger.split()[0]
    assert found[key].date is None, found[key].why


def test_a_date_is_never_inherited_into_a_headline(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "Chad and Peru signed a truce in Lima on Monday. Chad agreed with Peru on a prisoner swap\nThe truce holds."
    found = events(pipe, text)
    assert found["signed"].date == "2023-12-25"
    assert found["agreed"].date is None, found["agreed"].why


def test_type_families_tell_of_one_act() -> None:
    assert same_family("AGREE", "SUPPORT") and same_family("COERCE", "ASSAULT")
    assert same_family("CONSULT", "CONSULT") and not same_family("AGREE", "ASSAULT")
