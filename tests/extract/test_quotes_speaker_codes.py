"""Speaker codes: what a speaker named by 'it' or by an institution speaks for (actors + quotes)."""

from __future__ import annotations

import pytest

from peacewatch.types import Document, Result


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("actors", "quotes")


def run(pipe, text: str) -> Result:  # type: ignore[no-untyped-def]
    [result] = list(pipe.annotate([Document(id="t", text=text, published="2025-03-01")]))
    assert result.error is None, result.error
    return result


def codes(r: Result) -> dict[str, str | None]:
    """Content text (of ``TEXT``) → the speaker entity's code."""
    out = {}
    for q in r.quotes:
        ent = r.entity(q.speaker) if q.speaker else None
        out[TEXT[q.content_span[0]:q.content_span[1]]] = ent.code if ent else None
    return out


TEXT = ("The ELN said on Monday it would free two soldiers. It added that talks must resume. "
        "Colombia's defence ministry said the troops were ready. It said the truce held.")


def test_it_is_the_last_actor_that_spoke(pipe) -> None:  # type: ignore[no-untyped-def]
    found = codes(run(pipe, TEXT))
    assert found["that talks must resume"] == "COL"
    assert found["the truce held"] == "COL"
    r = run(pipe, TEXT)
    last = [q for q in r.quotes if TEXT[q.content_span[0]:q.content_span[1]] == "the truce held"][0]
    assert "defence ministry" in (last.why or "")  # the ministry, named last, not the ELN


def test_a_state_s_ministry_named_by_spacy_is_that_state_s(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, TEXT)
    [m] = [m for m in r.mentions if m.text == "defence ministry"]
    ent = r.entity(m.entity)
    assert ent is not None and (ent.kind, ent.code, ent.sector) == ("organization", "COL", "MIL")
