"""spaCy's names made to agree with a name's form (``names.settle_labels``), before the actors
component reads them (docs/ner.md, eighth round): event names."""

from __future__ import annotations

from spacy.tokens import Span

from peacewatch.extract.actors.names import settle_labels


def _labelled(nlp, text: str, names: dict[str, str]):  # type: ignore[no-untyped-def]
    """``text`` parsed, its names set by hand (so the test does not hang on the model's reading)."""
    doc = nlp(text)
    ents = []
    for name, label in names.items():
        span = doc.char_span(text.index(name), text.index(name) + len(name))
        assert span is not None
        ents.append(Span(doc, span.start, span.end, label=label))
    doc.ents = sorted(ents, key=lambda e: e.start)
    return doc


def _labels(doc) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {e.text: e.label_ for e in doc.ents}


def test_a_run_ending_in_an_event_head_is_one_event(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = _labelled(nlp, "Sampras won the U.S. Open and Norman led the World Series of Golf at the British Masters.",
                    {"Sampras": "PERSON", "U.S.": "GPE", "Norman": "PERSON", "the British Masters": "ORG"})
    settle_labels(doc)
    assert _labels(doc) == {"Sampras": "PERSON", "U.S. Open": "EVENT", "Norman": "PERSON",
                            "World Series of Golf": "EVENT", "British Masters": "EVENT"}


def test_an_event_run_that_a_name_crosses_is_left(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = _labelled(nlp, "Fans of the Bank of Open Cup watched.", {"Bank of Open": "ORG"})
    settle_labels(doc)
    assert _labels(doc) == {"Bank of Open": "ORG"}
