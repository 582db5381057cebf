"""An institution's own state, named in it, decides its code before any state in focus (issue 13,
eighth round): a nationality adjective or a state's name before the institution noun, with the rest
of its name after "of" ("the Qatari Ministry of Foreign Affairs"), and a named institution with no
state in its name but the place it is in ("the Ministry of Foreign Affairs in Doha"). Texts written
for these tests about an invented conflict in Madagascar, with states of the region as third parties."""

from __future__ import annotations

import pytest

from tests.extract.annotate import dated as run
from tests.extract.annotate import entity_of


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("actors")


ATTACK = "Madagascar's army said the Southern Highlands Movement attacked a convoy. "


@pytest.mark.parametrize(("sentence", "name", "code", "sector"), [
    ("The Qatari Ministry of Foreign Affairs condemned the attack.",
     "Qatari Ministry of Foreign Affairs", "QAT", "GOV"),
    ("The Comorian Ministry of Foreign Affairs condemned the attack.",
     "Comorian Ministry of Foreign Affairs", "COM", "GOV"),
    ("Kenya\u2019s Ministry of Interior said it had closed the border.", "Ministry of Interior", "KEN", "GOV"),
    ("The Kenyan Ministry of Foreign and Diaspora Affairs condemned the attack.",
     "Kenyan Ministry of Foreign and Diaspora Affairs", "KEN", "GOV"),
    ("The Malagasy Ministry of Defence said two soldiers died.", "Malagasy Ministry of Defence", "MDG", "MIL"),
    ("Qatar Ministry of Foreign Affairs spokesman said the truce should hold.",
     "Qatar Ministry of Foreign Affairs", "QAT", "GOV"),
])
def test_the_state_named_before_an_institution_names_all_of_it(pipe, sentence, name, code, sector) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, ATTACK + sentence)
    # the whole name is one mention (a possessive's state may be in it, as in "Kenya's foreign ministry")
    [ent] = {m.entity: r.entity(m.entity) for m in r.mentions if m.text.endswith(name) and m.entity}.values()
    assert ent is not None and (ent.kind, ent.code, ent.sector) == ("organization", code, sector)


def test_two_ministries_of_one_state_are_two_entities(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, ATTACK + "The Kenyan Ministry of Defence and the Kenyan Ministry of Interior met on Monday.")
    assert entity_of(r, "Kenyan Ministry of Defence").id != entity_of(r, "Kenyan Ministry of Interior").id


def test_a_name_tail_stops_at_a_person_s_title(pipe) -> None:  # type: ignore[no-untyped-def]
    r = run(pipe, ATTACK + "The Qatari Ministry of Foreign Affairs Minister Khalid al-Mansouri condemned it.")
    assert entity_of(r, "Qatari Ministry of Foreign Affairs").code == "QAT"


@pytest.mark.parametrize(("sentence", "name", "code"), [
    ("The Ministry of Foreign Affairs in Doha condemned the attack.", "Ministry of Foreign Affairs", "QAT"),
    ("The Ministry of Health in Mauritius sent doctors.", "Ministry of Health", "MUS"),
])
def test_a_named_institution_is_of_the_place_it_is_in(pipe, sentence, name, code) -> None:  # type: ignore[no-untyped-def]
    assert entity_of(run(pipe, ATTACK + sentence), name).code == code



@pytest.mark.parametrize(("text", "name", "code"), [
    ("Madagascar's army said the Southern Highlands Movement attacked a convoy of the Kenyan firm Safaricom. "
     "Safaricom said two of its engineers were missing.", "Safaricom", "KEN"),
    ("Mexico's agreement helped end the kidnapping of the father of Malagasy football star Sitraka Rakoto of "
     "English club Liverpool, who was released 12 days later.", "Liverpool", "GBR"),
])
def test_a_body_its_nationality_describes_is_that_state_s(pipe, text, name, code) -> None:  # type: ignore[no-untyped-def]
    ent = entity_of(run(pipe, text), name)
    assert (ent.kind, ent.code) == ("organization", code)
