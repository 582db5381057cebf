"""The actors component on the seed article (read from ../shared at run time): the issue's checklist."""

from __future__ import annotations

import json

import pytest

from peacewatch.types import Document, Entity, Result
from tests.conftest import shared_path


@pytest.fixture(scope="module")
def seed(make_pipeline) -> Result:  # type: ignore[no-untyped-def]
    record = json.loads(shared_path("seed", "seed.jsonl").read_text("utf-8").splitlines()[0])
    doc = Document(id=record["id"], text=record["text"], published=record.get("published"))
    [result] = list(make_pipeline("actors").annotate([doc]))
    assert result.error is None
    return result


def linked(result: Result, text: str) -> list[Entity]:
    out = [result.entity(m.entity) for m in result.mentions if m.text == text]
    assert out, f"no mention {text!r}"
    return [e for e in out if e is not None]


def test_bayramov_and_every_later_reference(seed: Result) -> None:
    [person] = linked(seed, "Jeyhun Bayramov")
    assert (person.kind, person.code, person.sector) == ("person", "AZE", "GOV")
    assert person.role == "Foreign Minister"
    assert all(e is person for e in linked(seed, "Bayramov"))
    assert len(linked(seed, "Bayramov")) == 4  # every surname-only mention
    pronouns = [m for m in seed.mentions if m.text.lower() == "he"]
    assert pronouns and all(m.label == "PRON" and seed.entity(m.entity) is person for m in pronouns)
    assert linked(seed, "the minister") == [person]


def test_pashinyan(seed: Result) -> None:
    [person] = linked(seed, "Nikol Pashinyan")
    assert (person.kind, person.code, person.sector) == ("person", "ARM", "GOV")
    assert person.role == "Prime Minister"


def test_capitals_stand_for_governments(seed: Result) -> None:
    for capital, code in (("Baku", "AZE"), ("Yerevan", "ARM")):
        mentions = [m for m in seed.mentions if m.text == capital]
        assert mentions and all(m.metonymy and m.label == "GPE" for m in mentions)
        assert {(e.kind, e.code, e.sector) for e in linked(seed, capital)} == {("state", code, "GOV")}


def test_states_and_peoples(seed: Result) -> None:
    assert {(e.kind, e.code) for e in linked(seed, "Azerbaijan")} == {("state", "AZE")}
    assert {(e.kind, e.code) for e in linked(seed, "Armenia")} == {("state", "ARM")}
    [armenians] = linked(seed, "Armenians")
    assert (armenians.kind, armenians.code) == ("group", "ARM")
    [separatists] = linked(seed, "Armenian separatist forces")
    assert (separatists.kind, separatists.code, separatists.sector) == ("armed_group", "ARM", "REB")
    [soldiers] = linked(seed, "Azerbaijani soldiers")
    assert (soldiers.kind, soldiers.code, soldiers.sector) == ("group", "AZE", "MIL")


def test_third_parties(seed: Result) -> None:
    assert {e.kind for e in linked(seed, "European Union")} == {"igo"}
    assert {e.code for e in linked(seed, "United States")} == {"USA"}
    assert {e.code for e in linked(seed, "Russia")} == {"RUS"}
    assert {e.code for e in linked(seed, "Russian")} == {"RUS"}
    assert {e.code for e in linked(seed, "Türkiye")} == {"TUR"}


def test_the_pair_is_both_states(seed: Result) -> None:
    for phrase in ("the pair", "The pair"):
        for group in linked(seed, phrase):
            members = [seed.entity(i) for i in getattr(group, "members", [])]
            assert sorted(m.code for m in members if m) == ["ARM", "AZE"]
