"""Speaker codes of persons who speak for an intergovernmental body, or who are introduced by an office
they no longer hold, and of two actors speaking together (issue 13; texts written for these tests)."""

from __future__ import annotations

import pytest

from peacewatch.types import Document, Result


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("actors", "quotes")


def codes(pipe, text: str, published: str = "2024-05-01") -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    """Each quote's content → its speaker's code."""
    [result] = list(pipe.annotate([Document(id="t", text=text, published=published)]))
    assert result.error is None, result.error
    return {text[q.content_span[0]:q.content_span[1]]: _code(result, q.speaker) for q in result.quotes}


def _code(result: Result, key: str | None) -> str | None:
    ent = result.entity(key) if key else None
    return ent.code if ent is not None else None


AU = ("Ethiopia and the TPLF signed a truce in Pretoria on Wednesday. The African Union's envoy, former "
      "Kenyan Vice President Kalonzo Musyoka, said the deal would hold. \"We are on track,\" Musyoka said.")


def test_a_past_office_gives_way_to_the_body_a_person_speaks_for(pipe) -> None:  # type: ignore[no-untyped-def]
    assert codes(pipe, AU)["We are on track"] == "IGO"


SAMPER = ("Colombia and the ELN resumed talks in Caracas. Venezuela hosted them. Former Colombian President "
          "Ernesto Samper said the talks would succeed. \"It is time,\" Samper said.")


def test_a_past_office_is_the_last_resort(pipe) -> None:  # type: ignore[no-untyped-def]
    assert codes(pipe, SAMPER)["It is time"] == "COL"


def test_a_mediator_of_an_igo_named_bare_speaks_for_it(pipe) -> None:  # type: ignore[no-untyped-def]
    text = ("Russia and Ukraine met in Istanbul. \"We are ready to help,\" said Mark Rutte. "
            "\"The guns must fall silent,\" he added.")
    found = codes(pipe, text, "2025-05-16")
    assert (found["We are ready to help"], found["The guns must fall silent"]) == ("IGO", "IGO")


def test_the_same_person_before_the_igo_office_speaks_for_his_state(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "Belgium and the Netherlands met in Brussels. \"We are ready to sign,\" said Mark Rutte."
    assert codes(pipe, text, "2019-06-01")["We are ready to sign"] == "NLD"


def test_an_igo_chief_named_by_surname_later_keeps_the_igo_code(pipe) -> None:  # type: ignore[no-untyped-def]
    text = ("Russia and Ukraine traded blame over the Zaporizhzhia plant. \"The situation is dangerous,\" IAEA "
            "chief Rafael Grossi told reporters. \"We will stay,\" Grossi said.")
    assert codes(pipe, text)["We will stay"] == "IGO"


def test_two_actors_speaking_together_have_no_single_code(pipe) -> None:  # type: ignore[no-untyped-def]
    text = ('The SAF and the RSF met in Jeddah. "Both sides must protect civilians," Saudi Arabia and the US '
            'said in a joint statement.')
    assert codes(pipe, text)["Both sides must protect civilians"] is None


def test_they_after_two_actors_together_have_no_single_code(pipe) -> None:  # type: ignore[no-untyped-def]
    text = ('Saudi Arabia and the United States hosted the talks in Jeddah. "The parties agreed to protect '
            'civilians," they said.')
    assert codes(pipe, text)["The parties agreed to protect civilians"] is None


def test_two_bodies_of_one_side_keep_its_code(pipe) -> None:  # type: ignore[no-untyped-def]
    text = 'Sudan and the RSF met in Jeddah. "We are ready," the army and the government said.'
    assert codes(pipe, text)["We are ready"] == "SDN"
