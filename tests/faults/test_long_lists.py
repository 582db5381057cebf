"""A list of thousands of short lines (released detainees, one per line) that the parser reads as one
paragraph: each event looked back through every sentence before it for a date to inherit, and asked
spaCy for the whole text (which it joins anew from every token) at every sentence passed, so a piece
of 20,000 characters took a minute in the events component and the document failed with E032
(docs/reliability.md, thirteenth round). The walk is now bounded and the text read once per event:
counted here, not timed."""

from __future__ import annotations

from typing import Any

import pytest

from peacewatch.extract.events import dating
from peacewatch.types import Document

NAMES = ["Ahmed Hassan", "Olena Petrova", "Jean Mbeki", "Tigist Alemu", "Maria Ortiz", "Yusuf Haddad"]


def _listing(lines: int) -> str:
    rows = [f"{n}. {NAMES[n % len(NAMES)]}, {20 + n % 50}, was released" for n in range(lines)]
    return "On 3 May 2024 the prisoners were freed. The list:\n" + "\n".join(rows)


def test_each_event_looks_back_a_bounded_number_of_sentences(make_pipeline: Any,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[bool] = []
    real = dating._future

    def counted(doc: Any, sent: Any, text: str | None = None) -> bool:
        asked.append(text is not None)
        return real(doc, sent, text)

    walks: list[int] = []
    inherit = dating.inherited_timex

    def walk(*args: Any, **kw: Any) -> Any:
        walks.append(1)
        return inherit(*args, **kw)

    monkeypatch.setattr(dating, "_future", counted)
    monkeypatch.setattr("peacewatch.extract.events.inherited_timex", walk)
    pipeline = make_pipeline("timex", "actors", "events")
    [result] = list(pipeline.annotate([Document("list", _listing(240), "2024-05-04")]))
    assert result.error is None, result.error
    events = len(result.events)
    assert events >= 100  # "was released": an event per line
    # at most the event's own sentence and LOOK_BACK before it, per look (it was about half the list)
    assert walks and len(asked) <= len(walks) * (dating.LOOK_BACK + 1), (len(asked), len(walks))
    assert all(asked)  # the text handed down, never rebuilt from the tokens per sentence
