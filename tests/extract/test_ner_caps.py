"""Wire copy as the actors component reads it (``extract/actors/headlines.py``): all-caps lines read
again in sentence case, a wire dateline's place and a results line's teams set by their shape."""

from __future__ import annotations

import pytest

from peacewatch.config import load_config
from peacewatch.evaluate.ner import named_predictions
from peacewatch.extract.actors.headlines import recase_caps_lines, shaped_lines
from tests.extract.annotate import annotated


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("actors")


def _labels(result) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {m.text: m.label for m in result.mentions}


def test_a_caps_headline_is_read_in_sentence_case(pipe, nlp) -> None:  # type: ignore[no-untyped-def]
    text = "TURKEY BOMBS KURDISH REBEL BASES IN NORTHERN IRAQ .\nThe army said the raids went on."
    upper = {e.text for e in nlp(text).ents}
    assert "KURDISH" not in upper  # the small model misses it in upper case: what the pass is for
    labels = _labels(annotated(pipe, text))
    assert labels.get("KURDISH") == "NORP" and labels.get("IRAQ") == "GPE"


def test_a_line_with_lower_case_keeps_spacy_names(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Turkish warplanes bombed camps in northern Iraq on Sunday.\nThe army said so.")
    before = [(e.start, e.end, e.label_) for e in doc.ents]
    recase_caps_lines(doc, "no model is loaded for a document without caps lines")
    assert [(e.start, e.end, e.label_) for e in doc.ents] == before


def test_the_place_of_a_wire_dateline_is_a_place(pipe) -> None:  # type: ignore[no-untyped-def]
    labels = _labels(annotated(pipe, "LAGOS 1996-08-21\nA court refused bail to the opposition leader."))
    assert labels.get("LAGOS") == "GPE"
    labels = _labels(annotated(pipe, "AKRON , Ohio 1996-08-23\nNorman shot a 65 on Friday."))
    assert labels.get("AKRON") == "GPE" and labels.get("Ohio") == "GPE"


def test_a_results_line_names_two_teams(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Results on Saturday :\nBayern Munich 3 Hamburg 1\nGermany 2 Italy 0\nHe scored 3 goals in 2 games")
    shaped_lines(doc)
    got = {e.text: e.label_ for e in doc.ents}
    assert got["Bayern Munich"] == "ORG" and got["Hamburg"] == "ORG"
    assert got["Germany"] == "GPE" and got["Italy"] == "GPE"  # national teams: by the state's name
    assert "He" not in got and "He scored" not in got


def test_a_group_noun_capitalized_by_a_headline_is_no_name(pipe) -> None:  # type: ignore[no-untyped-def]
    result = annotated(pipe, "LIBERIA FACTIONS SIGN NEW PEACE DEAL .\nThe rebels signed in Abuja.")
    assert "FACTIONS" in {m.text for m in result.mentions}  # the designation stays in the records
    assert "FACTIONS" not in {n.text for n in named_predictions(result.mentions)}


def test_a_slug_and_its_headline_are_read_apart(pipe) -> None:  # type: ignore[no-untyped-def]
    result = annotated(pipe, "CRICKET - ENGLAND V PAKISTAN SCOREBOARD .\nEngland batted first.")
    labels = _labels(result)
    assert labels.get("ENGLAND") == "GPE" and labels.get("PAKISTAN") == "GPE"
    assert not any(m.text.startswith("CRICKET") for m in result.mentions)  # not "Cricket - England"


def test_dictionary_names_keep_their_case_in_a_recased_line(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("SOCCER - GERMAN FIRST DIVISION RESULTS .\nResults on Saturday :")
    recase_caps_lines(doc, load_config().model)
    assert ("GERMAN", "NORP") in {(e.text, e.label_) for e in doc.ents}


def test_a_name_running_into_a_caps_line_gives_way(nlp) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Span

    doc = nlp("By The Associated Press\nISRAEL AND HAMAS AGREE TRUCE")
    start = next(t.i for t in doc if t.text == "Associated")
    doc.ents = [Span(doc, start, start + 4, label="ORG")]  # "Associated Press\nISRAEL", as layout misleads
    recase_caps_lines(doc, load_config().model)
    assert all("\n" not in e.text for e in doc.ents)
    assert "ISRAEL" in {e.text for e in doc.ents}


def test_a_dated_line_in_title_case_names_no_place(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Updated 2023-05-01\nThe talks resumed.")
    shaped_lines(doc)
    assert "Updated" not in {e.text for e in doc.ents if e.label_ == "GPE"}
