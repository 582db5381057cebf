"""Golden expectations for the quotes component (tests/golden/quotes.jsonl).

Each line: ``{id, note, text, must: [{content, speaker, direct}], must_not: [{content} | {exact}]}``.
A ``must`` item is met by a quote whose content text contains ``content``, whose speaker entity
name and expected ``speaker`` contain one another (case-insensitively; ``null`` = no speaker) and
whose ``direct`` flag is as given. ``must_not`` forbids any quote whose content contains
``content``, or whose content is exactly ``exact``. The expectations name texts and people, not
rules, so they survive a rewrite of the rules.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from peacewatch.types import Document, Quote, Result

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "quotes.jsonl"
CASES = [json.loads(line) for line in GOLDEN.read_text("utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("mentions", "quotes")


def _speaker_name(result: Result, quote: Quote) -> str | None:
    entity = result.entity(quote.speaker)
    return None if entity is None else entity.name


def _meets(result: Result, text: str, quote: Quote, want: dict[str, Any]) -> bool:
    content = text[quote.content_span[0]:quote.content_span[1]]
    if want["content"] not in content or quote.direct != want.get("direct", quote.direct):
        return False
    expected, name = want.get("speaker"), _speaker_name(result, quote)
    if expected is None or name is None:
        return expected is None and name is None
    return expected.casefold() in name.casefold() or name.casefold() in expected.casefold()


def _describe(result: Result, text: str) -> list[str]:
    return [f"{text[q.content_span[0]:q.content_span[1]]!r} by {_speaker_name(result, q)} "
            f"direct={q.direct} ({q.why})" for q in result.quotes]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_golden_quotes(pipe, case: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    text = case["text"]
    [result] = list(pipe.annotate([Document(id=case["id"], text=text)]))
    assert result.error is None, result.error
    found = _describe(result, text)
    for want in case["must"]:
        assert any(_meets(result, text, q, want) for q in result.quotes), (want, found)
    for banned in case["must_not"]:
        for q in result.quotes:
            content = text[q.content_span[0]:q.content_span[1]]
            assert "content" not in banned or banned["content"] not in content, (banned, found)
            assert "exact" not in banned or banned["exact"] != content, (banned, found)


def test_golden_file_covers_every_rule() -> None:
    notes = " ".join(c["note"] for c in CASES)
    rules = ("cue after", "colon", "broken quote", "paragraph", "according.tsv", "pronoun",
             "trap: a quoted phrase", "trap: quoted words inside", "naming verb", "curly",
             "set off by commas", "dash", "colon after a name")
    for rule in rules:
        assert rule in notes, f"no golden case for {rule!r}"
