"""Misses, false quotes and edges by class (``eval quotes`` breakdown "errors by class"): each class is
decided from the spans and the parse alone, so the untouched fold is counted, not read. Every text
here is written for the test."""

from __future__ import annotations

import pytest

from peacewatch.evaluate.quotes import Attribution, GoldDoc, error_classes
from peacewatch.evaluate.quotes_classes import content_shape, cue_kind, edge_classes, rule_kind

TEXT = ("The mayor said that the bridge will open in May. Officials hope to finish the road. "
        "The council praised the plan.")


def span(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def stretch(first: str, last: str) -> tuple[int, int]:
    return TEXT.index(first), span(last)[1]


@pytest.fixture(scope="module")
def doc(nlp):  # type: ignore[no-untyped-def]
    return nlp(TEXT)


def test_content_shapes(doc) -> None:  # type: ignore[no-untyped-def]
    assert content_shape(doc, (stretch("that the", "May"),)) == "that/wh clause"
    assert content_shape(doc, (stretch("to finish", "road"),)) == "infinitive"
    assert content_shape(doc, (stretch("the bridge", "May"),)) == "finite clause"
    assert content_shape(doc, (stretch("the plan", "plan"),)) == "noun phrase"


def test_cue_kind_is_the_part_of_speech_of_the_cue(doc) -> None:  # type: ignore[no-untyped-def]
    assert cue_kind(doc, (span("said"),)) == "VERB"
    assert cue_kind(doc, ()) == "no cue"


def test_rule_kind_reads_the_why() -> None:
    assert rule_kind("clausal content; cue cues.tsv:say (speech); speaker: mention 'X'") == "cues.tsv verbs"
    assert rule_kind("clausal content; cue clause_verbs.tsv:boast (say, finite clause); speaker: -") == \
        "verbs in a frame"
    assert rule_kind("clausal content; cue according.tsv:according to; speaker: -") == "according to"
    # the speaker part of a why never decides the kind: "speakers.tsv" is not "sources.tsv"
    assert rule_kind("something else; speaker: speakers.tsv:he") == "other"


def test_edges_by_side_and_by_what_lies_between(doc) -> None:  # type: ignore[no-untyped-def]
    gold = stretch("the bridge", "May")
    assert edge_classes(doc, gold, gold, "indirect") == []
    longer = (gold[0], span("road")[1])
    assert edge_classes(doc, gold, longer, "indirect") == ["edge indirect: end ours longer, a sentence"]
    later = (span("open")[0], gold[1])
    assert edge_classes(doc, gold, later, "direct") == ["edge direct: start ours later, a clause"]


def test_a_document_counts_misses_false_quotes_and_merges(doc) -> None:  # type: ignore[no-untyped-def]
    said, hope, praised = (stretch("that the", "May"),), (stretch("to finish", "road"),), (stretch("the plan", "plan"),)
    gold = [Attribution(said, (span("The mayor"),), False, cue=(span("said"),)),
            Attribution(hope, (span("Officials"),), False, cue=(span("hope"),)),
            Attribution(praised, (span("The council"),), False, cue=(span("praised"),))]
    whole = (stretch("that the", "road"),)  # ours runs over the first two gold contents
    ours = [Attribution(whole, (span("The mayor"),), False, "clausal content; cue cues.tsv:say (speech)",
                        cue=(span("said"),)),
            Attribution((span("council"),), (), False, "clausal content; cue cues.tsv:praise (naming)",
                        cue=(span("council"),))]
    found = error_classes(GoldDoc("d", TEXT, gold), doc, ours)
    assert found["miss indirect: merged into a match of ours"] == 1  # "to finish the road" went into ours
    assert found["miss indirect: cue not found, VERB x noun phrase"] == 1  # "the plan": no quote on "praised"
    assert found["false indirect: no gold, cues.tsv verbs"] == 1  # "council" lies in no gold content
    assert sum(v for k, v in found.items() if k.startswith("false")) == 1
    assert found["edge indirect: end ours longer, a sentence"] == 1
