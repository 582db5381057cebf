"""A dateline ("Nairobi – ", "CAIRO, Egypt — ", "KYIV, March 3 (Reuters) -") is where a story was filed:
never the actor of an event or the speaker of a quote, even where spaCy parses it as the subject of
the first sentence (``actors.datelines``), on sentences written for these tests."""

from __future__ import annotations

import pytest

from peacewatch.extract.actors.datelines import dateline_tokens

from .annotate import annotated, arg_codes, dated, typed_events


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    from .annotate import events_pipeline

    return events_pipeline(make_pipeline)


def test_a_subject_in_apposition_to_the_dateline_is_the_actor(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "Addis Ababa – Sudan's army on Tuesday shelled rebel positions near the border."
    [attack] = typed_events(pipe, text, "ASSAULT")
    assert arg_codes(attack.actor) == ["SDN"] and all("Ababa" not in a.text for a in attack.actor)


def test_a_dateline_beside_the_real_subject_is_no_actor(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "Havana – The Government of Peru and the Shining Path announced a ceasefire on Monday."
    events = dated(pipe, text).events
    assert events and all(a.text != "Havana" for e in events for a in e.actor)
    assert any("PER" in [a.code for a in e.actor] for e in events)


def test_the_speaker_is_not_the_dateline(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "CAIRO, Egypt — Mediator Qatar said Wednesday that Kenya and Somalia had agreed to a truce."
    result = dated(pipe, text)
    [quote] = result.quotes
    assert quote.speaker_span is not None
    assert text[quote.speaker_span[0]:quote.speaker_span[1]] == "Qatar"
    assert quote.speaker_span[0] > text.index("—")


def test_the_dateline_runs_to_its_dash(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "KYIV, March 3 (Reuters) - Ukraine said on Monday that talks would resume."
    result = dated(pipe, text)
    doc = pipe.nlp(text)
    words = {doc[i].text for i in dateline_tokens(doc, result.mentions)}
    assert words == {"KYIV", ",", "March", "3", "(", "Reuters", ")", "-"}


@pytest.mark.parametrize("text", [
    "Russia–Ukraine grain deal extended\nThe deal was extended on Monday.",
    "Israel-Hamas truce holds\nThe truce held on Monday.",
])
def test_a_dash_joining_two_names_is_no_dateline(pipe, text: str) -> None:  # type: ignore[no-untyped-def]
    result = annotated(pipe, text)
    assert not [m for m in result.mentions if (m.why or "").startswith("dateline:")]


@pytest.mark.parametrize("text", [
    "Kinshasa, June 27 – Angola and Zambia signed a border agreement on Friday.",
    "Kinshasa, DRC, June 27 (AFP) – Angola and Zambia signed a border agreement on Friday.",
])
def test_a_place_in_title_case_with_a_date_before_the_dash_is_a_dateline(pipe, text: str) -> None:  # type: ignore[no-untyped-def]
    result = dated(pipe, text)
    assert [m.text for m in result.mentions if (m.why or "").startswith("dateline:")] == ["Kinshasa"]
    assert all(a.text != "Kinshasa" for e in result.events for a in e.actor)


def test_places_listed_at_a_line_opening_are_no_dateline(pipe) -> None:  # type: ignore[no-untyped-def]
    result = dated(pipe, "Moscow, Kyiv and Washington were named in the report on Monday.")
    assert not [m for m in result.mentions if (m.why or "").startswith("dateline:")]
