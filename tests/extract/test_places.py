"""The ``places`` component on texts written for these tests: the places named and where each event
happened (``extract/places``: finder, site)."""

from __future__ import annotations

from typing import Any

import pytest

from peacewatch.types import Document, Event, Place, Result

FULL = ("timex", "actors", "quotes", "events", "places")


@pytest.fixture(scope="module")
def run(make_pipeline):  # type: ignore[no-untyped-def]
    pipe = make_pipeline(*FULL)

    def annotate(text: str) -> Result:
        return next(pipe.annotate([Document(id="t", text=text, published="2025-03-14")]))

    return annotate


def event_at(result: Result, text: str, trigger: str) -> Event:
    start = text.index(trigger)
    return next(e for e in result.events if e.trigger_span[0] <= start < e.trigger_span[1])


def location(run: Any, text: str, trigger: str) -> dict[str, Any] | None:
    return event_at(run(text), text, trigger).location


def place(result: Result, text: str) -> Place:
    return next(p for p in result.places if p.text == text)


def test_the_dateline_is_where_the_story_was_filed_not_where_the_shelling_was(run: Any) -> None:
    text = "KHARKIV, Ukraine (AP) — Russian forces shelled the village of Kozacha Lopan on Monday, police said."
    result = run(text)
    loc = event_at(result, text, "shelled").location
    assert loc is not None and loc["geonameid"] == 706587 and loc["precision"] == 1
    assert loc["code"] == "UKR" and loc["admin1"] == "Kharkiv" and loc["feature"] == "PPL"
    assert text[loc["span"][0]:loc["span"][1]] == "Kozacha Lopan"
    assert place(result, "KHARKIV").why.startswith("dateline:")


def test_a_village_spacy_misses_is_found_after_a_settlement_noun(run: Any) -> None:
    text = "KHARKIV, Ukraine (AP) — Russian forces shelled the village of Kozacha Lopan on Monday, police said."
    found = place(run(text), "Kozacha Lopan")
    assert found.ref == "geonames:706587" and "gazetteer name" in found.why


def test_talks_hosted_in_a_third_country_are_located_there(run: Any) -> None:
    text = "Delegations from Armenia and Azerbaijan held talks in Almaty on Friday."
    loc = location(run, text, "talks")
    assert loc is not None and loc["name"] == "Almaty" and loc["code"] == "KAZ" and loc["precision"] == 1


def test_a_host_country_is_the_place_of_the_talks_it_hosts(run: Any) -> None:
    text = "Qatar hosted a new round of talks between the Congolese government and the M23 rebels."
    loc = location(run, text, "hosted")
    assert loc is not None and loc["code"] == "QAT" and loc["feature"] == "PCLI" and loc["precision"] == 3


def test_where_the_speaker_was_is_not_where_the_attack_was(run: Any) -> None:
    text = "Speaking in Kyiv, President Zelensky said Russian drones had attacked Odesa overnight."
    loc = location(run, text, "attacked")
    assert loc is not None and loc["name"] == "Odesa" and loc["precision"] == 1


def test_a_place_named_only_by_a_reporting_clause_locates_nothing(run: Any) -> None:
    text = "Israel and Lebanon agreed to a ceasefire, officials in Washington said."
    assert location(run, text, "agreed") is None


def test_near_a_town_is_precision_two(run: Any) -> None:
    text = "Heavy fighting broke out near Bakhmut as Ukrainian troops tried to hold the town."
    loc = location(run, text, "fighting")
    assert loc is not None and loc["name"] == "Bakhmut" and loc["precision"] == 2
    assert "near" in loc["why"]


def test_the_outskirts_of_a_town_are_near_it(run: Any) -> None:
    text = "Rebels attacked an army post on the outskirts of Goma on Sunday."
    loc = location(run, text, "attacked")
    assert loc is not None and loc["name"] == "Goma" and loc["precision"] == 2


def test_a_town_inside_a_phrase_with_another_preposition_is_the_town(run: Any) -> None:
    text = "Hundreds of students protested outside the parliament in Belgrade on Saturday."
    loc = location(run, text, "protested")
    assert loc is not None and loc["name"] == "Belgrade" and loc["precision"] == 1


def test_a_province_is_precision_three_and_part_of_it_two(run: Any) -> None:
    whole = location(run, "Russian troops attacked Kherson region overnight, the governor said.", "attacked")
    assert whole is not None and whole["feature"] == "ADM1" and whole["precision"] == 3
    part = location(run, "Clashes erupted in northern Tigray between federal forces and militias.", "Clashes")
    assert part is not None and part["ref"] == "geonames-admin1:ET.53" and part["precision"] == 2


def test_an_event_with_no_place_in_its_sentence_has_no_location(run: Any) -> None:
    text = "Colombian President Gustavo Petro announced a ceasefire with five armed groups."
    assert location(run, text, "ceasefire") is None


def test_an_unknown_place_keeps_its_text_without_coordinates(run: Any) -> None:
    result = run("Fighting was reported near Xondorvale, officials in Kyiv said.")
    unknown = [p for p in result.places if p.ref is None]
    assert all(p.lat is None and p.lon is None and p.geonameid is None for p in unknown)
    assert all(result.places[i].id == f"p{i + 1}" for i in range(len(result.places)))


def test_a_capital_standing_for_its_government_is_no_event_place(run: Any) -> None:
    text = "Moscow rejected the proposal on Tuesday."
    for event in run(text).events:
        assert event.location is None


def test_every_place_span_slices_the_text_and_the_result_round_trips(run: Any) -> None:
    text = ("ABUJA, Nigeria (Reuters) - Gunmen killed 12 villagers in Zamfara state on Sunday. "
            "Talks between Sudan's army and the RSF resumed in Jeddah, and Georgia said it would attend.")
    result = run(text)
    assert result.places
    for p in result.places:
        assert text[p.start:p.end] == p.text
    for e in result.events:
        if e.location is not None:
            s, t = e.location["span"]
            assert 0 <= s < t <= len(text)
    assert Result.from_dict(result.to_dict()) == result


def test_events_keep_the_contract_location_keys(run: Any) -> None:
    text = "The Ethiopian government and the TPLF signed the agreement in Pretoria on November 2."
    loc = location(run, text, "signed")
    assert loc is not None
    assert {"name", "code", "lat", "lon"} <= set(loc)
    assert {"geonameid", "admin1", "feature", "precision", "why", "span", "ref"} <= set(loc)
    assert loc["code"] == "ZAF" and isinstance(loc["lat"], float)
