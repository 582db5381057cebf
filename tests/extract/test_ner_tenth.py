"""The tenth round's names (docs/ner.md, tenth round): nationalities and the persons they stand before,
titles out of a person's name, states and events on all-caps lines, teams named by their city in
team-sports copy, scores cut off a name."""

from __future__ import annotations

import pytest

from peacewatch.config import load_config
from peacewatch.extract.actors.headlines import recase_caps_lines
from peacewatch.extract.actors.names import settle_labels
from peacewatch.extract.actors.teams import settle_teams

from .annotate import annotated, ent_labels, labelled


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("actors")


def test_a_nationality_before_a_person_is_a_name_of_its_own(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = labelled(nlp, "Spaniard Carlos Costa beat Kenyan Moses Kiptanui and Namibian Frankie Fredericks .",
                    {"Spaniard Carlos Costa": "PERSON", "Kenyan": "NORP", "Kiptanui": "PERSON",
                     "Namibian Frankie Fredericks": "WORK_OF_ART"})
    settle_labels(doc)
    assert ent_labels(doc) == {"Spaniard": "NORP", "Carlos Costa": "PERSON", "Kenyan": "NORP",
                            "Moses Kiptanui": "PERSON", "Namibian": "NORP", "Frankie Fredericks": "PERSON"}


def test_a_nationality_read_as_a_place_or_missed_is_norp(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = labelled(nlp, "The Dutchman beat two Kurds in Rotterdam .", {"Dutchman": "GPE", "Rotterdam": "GPE"})
    settle_labels(doc)
    assert ent_labels(doc) == {"Dutchman": "NORP", "Kurds": "NORP", "Rotterdam": "GPE"}


def test_offices_names_and_two_nationalities_are_left(nlp) -> None:  # type: ignore[no-untyped-def]
    names = {"Palestinian": "NORP", "Yasser Arafat": "PERSON", "British Airways": "ORG", "Bosnian Serb": "NORP",
             "Radovan Karadzic": "PERSON", "French Revolution": "EVENT"}
    doc = labelled(nlp, "Palestinian President Yasser Arafat flew British Airways ; Bosnian Serb leader "
                         "Radovan Karadzic read on the French Revolution .", names)
    settle_labels(doc)
    assert ent_labels(doc) == names


def test_a_persons_name_starts_after_a_title(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = labelled(nlp, "Lt-Gen Ratko Mladic met Mrs Ogata and General Motors .",
                    {"Lt-Gen Ratko Mladic": "PERSON", "Mrs Ogata": "PERSON", "General Motors": "ORG"})
    settle_labels(doc)
    assert ent_labels(doc) == {"Ratko Mladic": "PERSON", "Ogata": "PERSON", "General Motors": "ORG"}


def test_states_and_events_on_a_caps_line(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("NIGERIA OPPOSITION LEADER STAYS IN JAIL .\nGOLF - MONTGOMERIE LEADS AT BRITISH MASTERS .\n"
              "SOCCER - GERMANY QUALIFY FOR WORLD CUP FINALS .\nThe court met.")
    recase_caps_lines(doc, load_config().model)
    got = {(e.text, e.label_) for e in doc.ents}
    assert {("NIGERIA", "GPE"), ("GERMANY", "GPE"), ("BRITISH MASTERS", "EVENT"), ("WORLD CUP", "EVENT")} <= got


def test_an_ambiguous_state_name_on_a_caps_line_is_left_to_the_model(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("JORDAN SCORES 40 AS BULLS WIN .\nThe Bulls won.")
    recase_caps_lines(doc, load_config().model)
    assert ("JORDAN", "GPE") not in {(e.text, e.label_) for e in doc.ents}


def test_cities_are_teams_in_team_sports_copy(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "BASEBALL - BOSTON BEAT DETROIT\nCLEVELAND 1996-08-28\nSeattle beat Oakland and Italy in London ."
    doc = labelled(nlp, text,
                    {"BOSTON": "GPE", "CLEVELAND": "GPE", "Seattle": "GPE", "Oakland": "GPE", "Italy": "GPE",
                     "London": "GPE"})
    settle_teams(doc)
    assert ent_labels(doc) == {"BOSTON": "ORG", "CLEVELAND": "GPE", "Seattle": "ORG", "Oakland": "ORG", "Italy": "GPE",
                            "London": "GPE"}  # the dateline, a state (a national team), a place after "in"


def test_cities_stay_places_outside_team_sports_and_scores_are_cut(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = labelled(nlp, "TENNIS - SELES WINS\nSeles won in Montreal ; Liverpool beat Arsenal 2-0 .",
                    {"Montreal": "GPE", "Liverpool": "GPE", "Arsenal 2-0": "ORG"})
    settle_teams(doc)
    assert ent_labels(doc) == {"Montreal": "GPE", "Liverpool": "GPE", "Arsenal": "ORG"}


def test_an_outlets_name_is_an_organization(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = labelled(nlp, "The daily Hurriyet and the Tanjug news agency said the Turkish newspaper Milliyet erred .",
                    {"Hurriyet": "PERSON", "Tanjug": "GPE", "Turkish": "NORP", "Milliyet": "NORP"})
    settle_labels(doc)
    assert ent_labels(doc) == {"Hurriyet": "ORG", "Tanjug": "ORG", "Turkish": "NORP", "Milliyet": "NORP"}


def test_the_name_of_an_outlets_designation_is_added(pipe) -> None:  # type: ignore[no-untyped-def]
    result = annotated(pipe, "China 's official Xinhua news agency said talks would resume .")
    names = {(m.text, m.label) for m in result.mentions}
    assert ("Xinhua", "ORG") in names and ("Xinhua news agency", "ORG") in names  # the designation stays


def test_a_nationality_alone_in_a_short_text_does_not_break_the_pass(pipe) -> None:  # type: ignore[no-untyped-def]
    for text in ("Azerbaijani", "South African", "Latin"):
        assert annotated(pipe, text).error is None


def test_a_caps_line_reads_names_as_the_body_does(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "MUSEVENI WARNS REBELS IN MOLDOVA\nPresident Yoweri Museveni spoke of Moldova and Nkore Mills ."
    doc = labelled(nlp, text,
                    {"Yoweri Museveni": "PERSON", "Moldova": "ORG", "Nkore Mills": "ORG"})
    recase_caps_lines(doc, load_config().model)
    got = {(e.text, e.label_) for e in doc.ents}
    assert ("MUSEVENI", "PERSON") in got  # the body's person, by the surname
    assert ("MOLDOVA", "GPE") in got  # a state's name stays one whatever the body reads
