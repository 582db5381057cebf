"""One test text through a test module's pipeline, and the entity a mention of it names: the helpers
the component test modules share."""

from __future__ import annotations

from typing import Any

from peacewatch.types import Document, Entity, Result

DAY = "2025-03-01"  # the publication day of the dated texts


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


def entity_of(result: Result, text: str) -> Entity:
    """The entity of the first mention whose text is ``text``."""
    found = [m for m in result.mentions if m.text == text]
    assert found, f"no mention {text!r} in {[m.text for m in result.mentions]}"
    ent = result.entity(found[0].entity)
    assert ent is not None
    return ent
