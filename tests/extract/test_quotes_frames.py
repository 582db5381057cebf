"""Cue frames (issue 13, the long tail of cue verbs): a cue of cues.tsv in an "as" clause, and the
verbs of clause_verbs.tsv, which report only with a finite complement clause. Every text here is
written for the test."""

from __future__ import annotations

import pytest

from peacewatch.extract.quotes.cues import find_cues
from peacewatch.extract.quotes.lexicon import load_lexicon
from tests.extract.annotate import quotes_of as found
from tests.extract.test_quotes_unseen import parsed


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("mentions", "quotes")


def test_a_cue_in_an_as_clause_reports_the_clause_it_modifies(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "As the envoy has pointed out, the ceasefire is holding in the north."
    assert found(pipe, text) == [("the ceasefire is holding in the north", "the envoy")]


def test_an_as_clause_without_a_subject_or_of_comparison_reports_nothing(pipe) -> None:  # type: ignore[no-untyped-def]
    assert found(pipe, "The army withdrew from the town as promised.") == []
    assert found(pipe, "The deal is not as generous as the minister claims.") == []


def test_a_verb_of_conjecture_reports_its_finite_clause(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "Many diplomats suspect the militia was armed by its neighbours."
    assert found(pipe, text) == [("the militia was armed by its neighbours", "Many diplomats")]


def test_a_verb_of_speaking_reports_its_that_clause(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "The commander boasted that his troops had taken the bridge."
    assert found(pipe, text) == [("that his troops had taken the bridge", "The commander")]


def test_a_clause_verb_without_a_finite_clause_is_no_cue(pipe) -> None:  # type: ignore[no-untyped-def]
    assert found(pipe, "The commander boasted about the bridge.") == []
    assert found(pipe, "The envoy reminded the rebels to leave the city.") == []


def test_a_question_complement_is_not_a_claim(pipe) -> None:  # type: ignore[no-untyped-def]
    assert found(pipe, "The court will decide who can vote in the referendum.") == []


def test_the_clause_verbs_are_not_cues_by_themselves() -> None:
    lex = load_lexicon()
    assert lex.clause_verbs and not set(lex.clause_verbs) & set(lex.cues)


def test_a_clause_verb_is_the_cue_of_a_quotation_beside_it(pipe) -> None:  # type: ignore[no-untyped-def]
    text = '"We hold the bridge and we will hold the valley," the commander boasted.'
    assert found(pipe, text) == [("We hold the bridge and we will hold the valley", "the commander")]


def test_of_two_complements_the_that_clause_after_the_cue_is_reported() -> None:
    # The parse as the small model draws it on such sentences: the conditional clause before the
    # subject hangs on the cue as a second complement.
    rows = [("Should", "MD", "AUX", "should", 3, "aux"), ("the", "DT", "DET", "the", 2, "det"),
            ("talks", "NNS", "NOUN", "talk", 3, "nsubj"), ("fail", "VB", "VERB", "fail", 6, "ccomp"),
            (",", ",", "PUNCT", ",", 6, "punct"), ("workers", "NNS", "NOUN", "worker", 6, "nsubj"),
            ("worry", "VBP", "VERB", "worry", 6, "ROOT"), ("that", "IN", "SCONJ", "that", 9, "mark"),
            ("costs", "NNS", "NOUN", "cost", 9, "nsubj"), ("rise", "VBP", "VERB", "rise", 6, "ccomp"),
            (".", ".", "PUNCT", ".", 6, "punct")]
    doc = parsed(rows, [True, True, True, False, True, True, True, True, True, False, False])
    cue = next(c for c in find_cues(doc, load_lexicon(), []) if c.rule.startswith("cues.tsv:worry"))
    assert cue.content is not None and doc.text[cue.content[0]:cue.content[1]] == "that costs rise"


def test_an_infinitive_cue_of_a_participle_continues_the_cue_before_it() -> None:
    # As the small model parses it: "going" hangs on the verb inside the quotation, "say" on "going".
    rows = [('"', "``", "PUNCT", '"', 2, "punct"), ("We", "PRP", "PRON", "we", 2, "nsubj"),
            ("failed", "VBD", "VERB", "fail", 6, "ccomp"), (",", ",", "PUNCT", ",", 6, "punct"),
            ('"', "''", "PUNCT", '"', 6, "punct"), ("Ortega", "NNP", "PROPN", "Ortega", 6, "nsubj"),
            ("said", "VBD", "VERB", "say", 6, "ROOT"), (",", ",", "PUNCT", ",", 6, "punct"),
            ("going", "VBG", "VERB", "go", 2, "advcl"), ("on", "RP", "ADP", "on", 8, "prt"),
            ("to", "TO", "PART", "to", 11, "aux"), ("say", "VB", "VERB", "say", 8, "xcomp"),
            ("that", "IN", "SCONJ", "that", 14, "mark"), ("talks", "NNS", "NOUN", "talk", 14, "nsubj"),
            ("stalled", "VBD", "VERB", "stall", 11, "ccomp"), (".", ".", "PUNCT", ".", 6, "punct")]
    doc = parsed(rows, [False, True, False, False, True, True, False, True, True, True, True, True, True, True,
                        False, False])
    cues = find_cues(doc, load_lexicon(), [(0, doc[4].idx + 1)])
    said = next(c for c in cues if c.cue[0] == doc[11].idx)
    assert said.subject is not None and said.subject.text == "Ortega"
