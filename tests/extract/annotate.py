"""One test text through a test module's pipeline, and the entity a mention of it names: the helpers
the component test modules share."""

from __future__ import annotations

from typing import Any

from peacewatch.types import Document, Entity, Result

DAY = "2025-03-01"  # the publication day of the dated texts


def events_pipeline(make_pipeline: Any) -> Any:
    """The pipeline the event tests run (timex, actors, quotes, events); the test module is skipped
    when the actors component is not registered, as events need its codes."""
    import pytest

    from peacewatch.pipeline import registered

    if "actors" not in registered():
        pytest.skip("events need actor codes from the 'actors' component")
    return make_pipeline("timex", "actors", "quotes", "events")


def annotated(pipe: Any, text: str, published: str | None = None) -> Result:
    """The result of ``text`` as document "t", which must not have failed."""
    [result] = list(pipe.annotate([Document(id="t", text=text, published=published)]))
    assert result.error is None, result.error
    return result


def dated(pipe: Any, text: str) -> Result:
    """``annotated`` for a text published on ``DAY``."""
    return annotated(pipe, text, DAY)


def quotes_of(pipe: Any, text: str) -> list[tuple[str, str | None]]:
    """(content, speaker span) of every quote of ``text``, in order."""
    return [(text[q.content_span[0]:q.content_span[1]],
             None if q.speaker_span is None else text[q.speaker_span[0]:q.speaker_span[1]])
            for q in annotated(pipe, text).quotes]


def types_and_status(pipe: Any, text: str) -> list[tuple[str, str]]:
    """(type, status) of every event of ``text`` published on 2024-05-10, in order."""
    return [(e.type, e.status) for e in annotated(pipe, text, "2024-05-10").events]


def entity_of(result: Result, text: str) -> Entity:
    """The entity of the first mention whose text is ``text``."""
    found = [m for m in result.mentions if m.text == text]
    assert found, f"no mention {text!r} in {[m.text for m in result.mentions]}"
    ent = result.entity(found[0].entity)
    assert ent is not None
    return ent


def typed_events(pipe: Any, text: str, etype: str) -> list[Any]:
    """The events of type ``etype`` in ``text``, which must hold at least one (the message lists what
    was found instead, with each event's ``why``)."""
    events = annotated(pipe, text).events
    found = [e for e in events if e.type == etype]
    assert found, f"no {etype} in {[(e.type, e.why) for e in events]}"
    return found


def arg_codes(args: list[Any]) -> list[str | None]:
    """The codes of an event's actor or recipient arguments, sorted."""
    return sorted(a.code for a in args)


def acts(pipe: Any, text: str) -> list[tuple[str, str, frozenset[str | None]]]:
    """(type, status, actor codes) of every event of ``text``, published 2024-05-10."""
    return [(e.type, e.status, frozenset(a.code for a in e.actor))
            for e in annotated(pipe, text, "2024-05-10").events]


def labelled(nlp: Any, text: str, names: dict[str, str]) -> Any:
    """``text`` parsed, its names set by hand (so a test does not hang on the model's reading)."""
    from spacy.tokens import Span

    doc = nlp(text)
    ents = []
    for name, label in names.items():
        span = doc.char_span(text.index(name), text.index(name) + len(name))
        assert span is not None
        ents.append(Span(doc, span.start, span.end, label=label))
    doc.ents = sorted(ents, key=lambda e: e.start)
    return doc


def ent_labels(doc: Any) -> dict[str, str]:
    """The document's names with their labels."""
    return {e.text: e.label_ for e in doc.ents}


def events_by_trigger(pipe: Any, text: str, day: str) -> dict[str, Any]:
    """The events of ``text`` published on ``day``, by their trigger's words."""
    [result] = list(pipe.annotate([Document(id="b", text=text, published=day)]))
    assert result.error is None, result.error
    return {text[slice(*e.trigger_span)]: e for e in result.events}


def main_type(nlp: Any, text: str) -> str | None:
    """The type of the rules' main event of the text's longest sentence (None: no event)."""
    from peacewatch.extract.events.learned import main_event
    from peacewatch.extract.events.status import read
    from peacewatch.extract.events.triggers import find, model_view

    sent = max(nlp(text).sents, key=len)
    main = main_event(model_view(find(sent)))
    return None if main is None else read(main).type


def direct_object(nlp: Any, text: str) -> Any:
    """The first direct object of the parsed text."""
    return next(t for t in nlp(text) if t.dep_ == "dobj")
