"""What the ledger keeps between builds (``store.state``): each row says what the resolve stage's
own functions say, so an update that reads them back decides as a rebuild would."""

from __future__ import annotations

import json
import random

from peacewatch.config import LedgerSettings
from peacewatch.resolve.entities import Links, normalize_name
from peacewatch.resolve.reports import reports_of
from peacewatch.store.state import _event_out, link_row, relinkable, report_in, report_out
from peacewatch.types import Entity

from .test_rebuild import random_document

KINDS = ["person", "state", "organization", "igo", "armed_group"]
NAMES = ["Bayramov", "Jeyhun Bayramov", "Red Cross", "Minsk Group", "Azerbaijan", "Elmar  Bayramov-Ali"]


def test_a_link_row_is_kept_exactly_when_the_links_see_the_entity() -> None:
    rng = random.Random(5)
    for n in range(300):
        entity = Entity(f"e{n}", rng.choice(NAMES), rng.choice(KINDS), rng.choice([None, "", "AZE", "IGO"]))
        links = Links()
        links.see(entity, "own")
        seen = bool(links.full or links.coded)
        assert (link_row(entity, "own") is not None) == seen, entity


def test_an_entity_is_relinkable_exactly_when_relink_can_move_it() -> None:
    links = Links()
    for name, kind, code in [("Jeyhun Bayramov", "person", "AZE"), ("Bayramov", "person", "AZE"),
                             ("Red Cross", "igo", "IGO"), ("Azerbaijan", "state", "AZE")]:
        links.see(Entity("x", name, kind, code), f"{kind}:{normalize_name(name)}:{code}")
    rng = random.Random(6)
    for n in range(300):
        entity = Entity(f"e{n}", rng.choice(NAMES), rng.choice(KINDS), rng.choice([None, "AZE", "IGO"]))
        if links.relink(entity) is not None:
            assert relinkable(entity.kind, normalize_name(entity.name), entity.code), entity


def test_a_report_read_back_is_the_report_made() -> None:
    rng = random.Random(11)
    results = [random_document(rng, n)[1] for n in range(30)]
    made = reports_of(results, {}, LedgerSettings(), {})
    assert made
    for rep in made:
        assert json.dumps(_event_out(rep.event)) == json.dumps(rep.event.to_dict())
        assert report_in(json.loads(json.dumps(report_out(rep)))) == rep
