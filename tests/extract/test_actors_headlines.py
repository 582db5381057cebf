"""Headline-style names spaCy joins: a state name + a person's name, and "<state> & <state>".

Texts are written for these tests.
"""

from __future__ import annotations

import pytest

from peacewatch.types import Document, Result


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("actors")


def run(pipe, text: str) -> Result:  # type: ignore[no-untyped-def]
    [result] = list(pipe.annotate([Document(id="t", text=text, published="2024-05-02")]))
    assert result.error is None, result.error
    return result


def kinds(result: Result) -> dict[str, tuple[str, str | None]]:
    out = {}
    for m in result.mentions:
        e = result.entity(m.entity)
        if e is not None:
            out.setdefault(m.text, (e.kind, e.code))
    return out


def test_state_then_person_name_is_two_mentions(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Leaders meet in Ohrid: North Macedonia Hristijan Mickoski and Greece Kyriakos "
                  "Mitsotakis shook hands on Friday.")
    got = kinds(r)
    assert got.get("North Macedonia") == ("state", "MKD")
    assert got.get("Hristijan Mickoski") == ("person", "MKD")
    assert got.get("Kyriakos Mitsotakis") == ("person", "GRC")
    [m] = [m for m in r.mentions if m.text == "Hristijan Mickoski"]
    assert "headline apposition" in m.why


def test_split_person_is_found_again_by_surname(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Talks resume: Armenia Nikol Pashinyan flew to Brussels. Later Pashinyan said the "
                  "text was nearly ready.")
    first = [m for m in r.mentions if m.text == "Nikol Pashinyan"]
    later = [m for m in r.mentions if m.text == "Pashinyan"]
    assert first and later and first[0].entity == later[0].entity
    assert r.entity(first[0].entity).code == "ARM"  # type: ignore[union-attr]


def test_two_states_joined_by_ampersand_are_two_states(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Armenia & Azerbaijan Sign Border Protocol\n\nThe two governments met on Monday.")
    got = kinds(r)
    assert got.get("Armenia") == ("state", "ARM")
    assert got.get("Azerbaijan") == ("state", "AZE")
    assert not any("&" in m.text for m in r.mentions)


@pytest.mark.parametrize("text, name", [
    ("Our reporter Israel Ramirez filed this story from the coast.", "Israel Ramirez"),
    ("Clashes were reported as Sudan Armed Forces shelled the market.", "Sudan Armed Forces"),
    ("Detainees were handed to the Kenya Prison Service on Tuesday.", None),
])
def test_names_that_must_not_split(pipe, text: str, name: str | None) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, text)
    assert name is None or any(m.text == name for m in r.mentions), [m.text for m in r.mentions]
    assert not any(m.why.startswith("headline apposition") for m in r.mentions)
