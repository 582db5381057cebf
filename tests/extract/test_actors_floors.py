"""Floors of entity recall on the project's document gold (../shared/data/docs), tuning processes
(colombia-eln, drc-rwanda-m23, israel-hamas: the only ones whose errors were read) and untouched ones
(ethiopia-tplf, russia-ukraine, serbia-kosovo, sudan) apart. Figures of 2026-12-06 in docs/actors.md;
each floor sits just under the figure measured, so a change that loses a found entity fails here."""

from __future__ import annotations

import pytest

from peacewatch.config import load_config
from peacewatch.evaluate.docs import ACTOR_TUNE_PROCESSES, evaluate
from peacewatch.pipeline import registered
from tests.conftest import shared_path

FLOORS = {
    # tuning: 0.837 (113/135) before this session's changes, 0.904 (122/135) after
    "actors_tune_entities_recall": 0.90,
    "actors_tune_entities_armed_group_recall": 0.99,  # 18/18
    "actors_tune_entities_organization_recall": 0.81,  # 18/22 (17/22 before the eighth round's second part)
    "actors_tune_entities_group_recall": 0.94,  # 18/19
    # untouched: 0.850 (142/167) before, 0.862 (144/167) after; 0.880 (147/167) on 2026-12-06, third session
    # 0.916 (153/167) on 2026-12-06, fifth session (issue 13: collectives, IGO speakers, news agencies)
    # 0.922 (154/167) on 2026-12-06, sixth session (a person out of office introduced by a body speaks for it)
    # 0.952 (159/167) on 2026-12-06, seventh session (blocs and allies uncoded, regions' fighters, bodies by head noun)
    "actors_untouched_entities_recall": 0.95,
    "actors_untouched_entities_person_recall": 0.99,  # 37/37 (36/37 before)
    "actors_untouched_entities_group_recall": 0.83,  # 10/12 (8/12 before the seventh session, 4/12 before that)
    "actors_untouched_entities_organization_recall": 0.90,  # 28/31 (26/31 before the seventh session)
    "actors_untouched_entities_armed_group_recall": 0.92,  # 13/14 (12/14 before "fighters from a region")
}


@pytest.fixture(scope="module")
def scores() -> dict[str, float]:
    gold = shared_path("data", "docs", "dev.docs.jsonl")
    if "actors" not in registered():
        pytest.skip("entities need the 'actors' component")
    return evaluate(gold, load_config()).scores


def test_the_actor_split_is_the_one_docs_actors_md_reports() -> None:
    assert ACTOR_TUNE_PROCESSES == ("colombia-eln", "drc-rwanda-m23", "israel-hamas")


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_entity_recall_floor(scores: dict[str, float], name: str) -> None:
    assert scores[name] >= FLOORS[name], f"{name} = {scores[name]:.3f} < floor {FLOORS[name]}"
