"""The rules' reading of news sentences, eighth round (docs/events.md, "Eighth round: news
sentences"): the codebook's own names of acts as triggers, on sentences written for these tests."""

from __future__ import annotations

import pytest

from peacewatch.extract.events.learned import main_event
from peacewatch.extract.events.status import read
from peacewatch.extract.events.triggers import find, model_view


def main_reading(nlp, text: str) -> tuple[str, str] | None:  # type: ignore[no-untyped-def]
    """The type and status of the rules' main event of the text's longest sentence (None: no event)."""
    sent = max(nlp(text).sents, key=len)
    main = main_event(model_view(find(sent)))
    if main is None:
        return None
    reading = read(main)
    return reading.type, reading.status


@pytest.mark.parametrize("text", [
    "Government forces began their assault on the rebel-held town on Tuesday.",
    "Rebels assaulted an army post near the border.",
])
def test_an_assault_is_assault(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    # PLOVER's own name of the type: before this round "assault" was no trigger at all
    assert main_reading(nlp, text) == ("ASSAULT", "occurred")


def test_a_request_is_request(nlp) -> None:  # type: ignore[no-untyped-def]
    # read as "asked for a meeting" is: the meeting is what is requested
    assert main_reading(nlp, "The foreign ministry requested an urgent meeting of the Security Council.") == (
        "REQUEST", "requested")


@pytest.mark.parametrize("text", [
    "Kenya requested that the rebels release the hostages.",
    "The UN requested Ethiopia to allow access to the region.",
])
def test_what_is_requested_is_not_done(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    # "request" governs the act it asks for as "ask" does (words.tsv wrap:request): no release occurred
    sent = max(nlp(text).sents, key=len)
    readings = [read(f) for f in model_view(find(sent))]
    assert [(r.type, r.status) for r in readings] == [("REQUEST", "requested")]


def test_a_request_told_as_a_noun_is_no_event(nlp) -> None:  # type: ignore[no-untyped-def]
    # "at the request of" says why another act was done; only the verb is a trigger
    assert main_reading(nlp, "The army trains the pilots at the request of the government.") is None


@pytest.mark.parametrize("text", [
    "The United Kingdom and the European Union have agreed a trade and cooperation agreement.",
    "The two sides have agreed a peace deal in Doha.",
])
def test_a_text_agreed_as_an_object_is_concluded(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    # PLOVER: finalizing an agreement is SUPPORT; the coding guide: concluding a text is SUPPORT
    assert main_reading(nlp, text) == ("SUPPORT", "occurred")


@pytest.mark.parametrize(("text", "expected"), [
    ("The sides agreed to a deal on the border.", ("AGREE", "occurred")),
    ("The parties agreed a ceasefire on Sunday.", ("CONCEDE", "future")),
    ("The rebels agreed to release the hostages.", ("AGREE", "future")),
])
def test_agreeing_to_a_deal_or_an_act_is_no_concluded_text(nlp, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert main_reading(nlp, text) == expected
