"""Whom a person out of office speaks for (issue 13 item 2, the coding guide: an IGO's officials acting
as such take its code): a former head of state whom the text introduces as an envoy, mediator or
panel head of a body, on texts written for these tests."""

from __future__ import annotations

import pytest

from tests.extract.annotate import dated as run
from tests.extract.annotate import entity_of


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("actors", "quotes")


def _speaker_codes(r) -> list[str | None]:  # type: ignore[no-untyped-def]
    return [(r.entity(q.speaker).code if q.speaker else None) for q in r.quotes]


@pytest.mark.parametrize("text", [
    # a past office in the title, the body in the noun phrase the name stands in apposition to
    "The African Union's High Representative for the Horn of Africa, former Nigerian President Olusegun "
    "Obasanjo, opened the talks in Pretoria. \"We are here to end this war,\" Obasanjo said.",
    # a dictionary row out of date, the body in an apposition after the name
    "Olusegun Obasanjo, the African Union's envoy, opened the talks in Pretoria on Tuesday. \"We are here to "
    "end this war,\" he said.",
    # the body in a relative clause set off after the name
    "Olusegun Obasanjo, who heads the African Union panel, opened the talks in Pretoria. \"We are here to "
    "end this war,\" Obasanjo said.",
    "The AU-led talks opened in Pretoria. \"We are here to end this war,\" said Olusegun Obasanjo, the AU "
    "mediator.",
])
def test_a_former_head_of_state_introduced_by_a_body_speaks_for_it(pipe, text) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, text)
    assert entity_of(r, "Olusegun Obasanjo").code == "IGO"
    assert set(_speaker_codes(r)) == {"IGO"}


def test_a_place_set_off_after_the_name_is_not_a_body(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, "Olusegun Obasanjo, who visited Ethiopia last week, said the talks would resume.")
    assert entity_of(r, "Olusegun Obasanjo").code == "NGA"


def test_a_person_in_office_keeps_the_office_s_code(pipe) -> None:  # type: ignore[no-untyped-def]
    # the dictionary row holds on the document's date: a body named after the name does not override it
    r = run(pipe, "Sergei Lavrov, who met the African Union envoy, said the talks would resume.")
    assert entity_of(r, "Sergei Lavrov").code == "RUS"


def test_with_no_date_an_office_that_ended_gives_way_to_the_body(pipe) -> None:  # type: ignore[no-untyped-def]
    # an undated document reads a person by their latest row; a row whose office has ended is no
    # longer what they speak for when the text names a body around them
    from tests.extract.annotate import annotated

    r = annotated(pipe, "Olusegun Obasanjo, the African Union's envoy, opened the talks. \"We are here to end "
                        "this war,\" he said.")
    assert entity_of(r, "Olusegun Obasanjo").code == "IGO"
    assert set(_speaker_codes(r)) == {"IGO"}
