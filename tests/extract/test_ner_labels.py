"""spaCy's names made to agree with a name's form (``names.settle_labels``), before the actors
component reads them (docs/ner.md, eighth round): event names."""

from __future__ import annotations

from peacewatch.extract.actors.names import settle_labels

from .annotate import ent_labels, labelled


def test_a_run_ending_in_an_event_head_is_one_event(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = labelled(nlp, "Sampras won the U.S. Open and Norman led the World Series of Golf at the British Masters.",
                    {"Sampras": "PERSON", "U.S.": "GPE", "Norman": "PERSON", "the British Masters": "ORG"})
    settle_labels(doc)
    assert ent_labels(doc) == {"Sampras": "PERSON", "U.S. Open": "EVENT", "Norman": "PERSON",
                            "World Series of Golf": "EVENT", "British Masters": "EVENT"}


def test_an_event_run_that_a_name_crosses_is_left(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = labelled(nlp, "Fans of the Bank of Open Cup watched.", {"Bank of Open": "ORG"})
    settle_labels(doc)
    assert ent_labels(doc) == {"Bank of Open": "ORG"}
