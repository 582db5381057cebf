"""The names pass of the actors component (``extract/actors/names.py``): names as CoNLL draws them,
added after the mentions that hold them, which stay as they are."""

from __future__ import annotations

import pytest

from peacewatch.extract.actors.names import add_names
from peacewatch.types import Mention
from tests.extract.annotate import annotated


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("actors")


def _spans(result, text: str) -> list[tuple[str, str, str | None]]:  # type: ignore[no-untyped-def]
    return [(m.text, m.label, m.entity) for m in result.mentions if m.text == text]


def test_a_name_inside_a_designation_is_added_after_it(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "Hamas militants fired rockets on Tuesday."
    result = annotated(pipe, text)
    texts = [m.text for m in result.mentions]
    assert "Hamas militants" in texts and "Hamas" in texts
    assert texts.index("Hamas militants") < texts.index("Hamas")  # the longer one stays first
    [(_, label, entity)] = _spans(result, "Hamas")
    [(_, _, host)] = _spans(result, "Hamas militants")
    assert label == "ORG" and entity == host


def test_article_and_possessive_are_trimmed_from_a_name(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Officials of the Penske Automotive Group met General Motors 's board.")
    text = doc.text
    a, b = text.index("the Penske"), text.index("General Motors")
    given = [Mention(a, text.index(" met"), text[a:text.index(" met")], "ORG", "e1", why="test"),
             Mention(b, text.index(" board"), text[b:text.index(" board")], "ORG", "e2", why="test")]
    out = add_names(doc, given)
    assert [m.text for m in out[:2]] == ["Penske Automotive Group", "General Motors"]
    assert [m.entity for m in out[:2]] == ["e1", "e2"] and "trimmed" in (out[0].why or "")


def test_a_designation_that_is_no_name_keeps_its_article(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Then the army withdrew.")
    start = doc.text.index("the army")
    given = [Mention(start, start + 8, "the army", "ORG", "e1", why="test")]
    assert add_names(doc, given)[0] == given[0]


def test_misc_names_come_with_no_entity(pipe) -> None:  # type: ignore[no-untyped-def]
    result = annotated(pipe, "Both sides said they would respect the Geneva Convention in the talks.")
    misc = [m for m in result.mentions if m.text == "Geneva Convention"]
    assert misc and misc[0].label in ("EVENT", "LAW", "WORK_OF_ART") and misc[0].entity is None


def test_a_clause_tagged_as_a_title_is_no_name(nlp) -> None:  # type: ignore[no-untyped-def]
    # the small model tags this transcript turn a WORK_OF_ART; as a mention it took the turn's speaker
    doc = nlp('Partial transcript as follows:\n\n"WALLACE: Let\u2019s start with breaking news on the debate story.')
    labels = {e.label_ for e in doc.ents if "WALLACE" in e.text}
    assert labels == {"WORK_OF_ART"}  # what the test is about: such a tag is there
    out = add_names(doc, [])
    assert not any("WALLACE" in m.text for m in out), labels


def test_a_dictionary_name_before_a_noun_keeps_the_actor_label(pipe) -> None:  # type: ignore[no-untyped-def]
    result = annotated(pipe, "M23 rebels seized Goma. TPLF fighters left Mekelle.")
    for name, host in (("M23", "M23 rebels"), ("TPLF", "TPLF fighters")):
        [(_, label, entity)] = _spans(result, name)
        [(_, host_label, host_entity)] = _spans(result, host)
        assert (label, entity) == (host_label, host_entity) == ("ORG", host_entity)  # not spaCy's GPE for "M23"
