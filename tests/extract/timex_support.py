"""What the timex tests share: the publication day they anchor to, and running the component."""

from __future__ import annotations

from peacewatch.types import Document, Timex

PUBLISHED = "2023-12-26"  # a Tuesday


def run(pipe, text: str, published: str | None = PUBLISHED) -> list[Timex]:  # type: ignore[no-untyped-def]
    """The timexes the pipeline finds in one document published on ``published``."""
    [result] = list(pipe.annotate([Document(id="t", text=text, published=published)]))
    assert result.error is None, result.error
    return result.timexes
