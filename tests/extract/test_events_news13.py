"""The rules' reading of news sentences, thirteenth round (docs/events.md, "Thirteenth round: news
sentences"): a thing given back whose "to" the parse hangs on a participle, eased restrictions and
tariffs, supplied goods, and troops deployed on a peacekeeping mission told as a noun. Sentences written
for these tests."""

from __future__ import annotations

import pytest

from .annotate import main_type


@pytest.mark.parametrize("text", [
    "The museum returned a statue that was looted in 2003 from Baghdad to the Iraqi government.",
    "Customs officers returned a manuscript, missing since 1950, to Poland.",
])
def test_a_thing_given_back_to_its_owner_past_a_participle(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    # the parse hangs the trailing "to" on "looted" / "missing": before this round no owner was found
    assert main_type(nlp, text) == "RETREAT"


@pytest.mark.parametrize("text", [
    "The company returned a profit that was reported to the regulator.",
    "The rebels returned the weapons that were sold to the militia.",
])
def test_a_participles_own_to_is_no_owner(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    # the participle's first phrase is its own: reported to, sold to
    assert main_type(nlp, text) is None


@pytest.mark.parametrize("text", [
    "Washington reduced tariffs on Chinese steel from 25 percent to 10 percent.",
    "The government relaxed restrictions on travel to the north.",
    "The council loosened the blockade of the port on Tuesday.",
])
def test_easing_restrictions_and_tariffs_is_a_concession(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert main_type(nlp, text) == "CONCEDE"


def test_reducing_aid_stays_a_sanction(nlp) -> None:  # type: ignore[no-untyped-def]
    # the rows with needs are read by their nouns: "reduce aid" is the older SANCTION row
    assert main_type(nlp, "The donors reduced aid to the regime after the coup.") == "SANCTION"


def test_supplied_weapons_are_aid(nlp) -> None:  # type: ignore[no-untyped-def]
    assert main_type(nlp, "Iran has supplied 80% of the weapons the militia has used since 2019.") == "AID"
    assert main_type(nlp, "The plant supplied the city.") is None


def test_a_deployment_on_a_peacekeeping_mission_is_aid(nlp) -> None:  # type: ignore[no-untyped-def]
    # the parse hangs "on a peacekeeping mission" on "announced", not on the noun "deployment"
    text = "Ghana on Monday announced the deployment of 400 soldiers to Mali on a peacekeeping mission."
    assert main_type(nlp, text) == "AID"
    assert main_type(nlp, "Ghana on Monday announced the deployment of 400 soldiers to the border.") == "MOBILIZE"
