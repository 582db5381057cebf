from __future__ import annotations

from peacewatch.resolve.entities import entity_key, normalize_name
from peacewatch.resolve.ledger import resolve_entities
from peacewatch.types import Entity, Mention, Result


def person(eid: str, name: str, code: str | None) -> Entity:
    return Entity(eid, name, "person", code, "GOV", None, None, "test")


def test_keys() -> None:
    assert entity_key(Entity("e1", "Azerbaijan", "state", "AZE")) == "state:AZE"
    assert entity_key(Entity("e1", "Republic of Azerbaijan", "state", "AZE")) == "state:AZE"
    assert entity_key(Entity("e1", "European Union", "igo", "IGO")) == "igo:european-union:IGO"
    assert entity_key(Entity("e1", "OSCE", "igo", "IGO")) != entity_key(Entity("e2", "EU", "igo", "IGO"))
    assert entity_key(person("e1", "Nikol Pashinyan", "ARM")) == "person:nikol-pashinyan:ARM"


def test_normalize_name_is_idempotent_and_accent_free() -> None:
    assert normalize_name("José  Muñoz-Pérez") == "jose-munoz-perez"
    assert normalize_name(normalize_name("Jeyhun Bayramov")) == "jeyhun-bayramov"


def test_surname_joins_the_one_known_full_name() -> None:
    a = Result("a", entities=[person("e1", "Nikol Pashinyan", "ARM")],
               mentions=[Mention(0, 15, "Nikol Pashinyan", "PERSON", "e1")])
    b = Result("b", entities=[person("e7", "Pashinyan", "ARM"), person("e8", "Smith", "USA")],
               mentions=[Mention(10, 19, "Pashinyan", "PERSON", "e7")])
    ledger, id_map = resolve_entities([a, b])
    assert id_map[("b", "e7")] == id_map[("a", "e1")] == "person:nikol-pashinyan:ARM"
    assert id_map[("b", "e8")] == "person:smith:USA"
    merged = next(e for e in ledger if e.id == "person:nikol-pashinyan:ARM")
    assert merged.name == "Nikol Pashinyan"
    assert [(m.doc, m.text) for m in merged.mentions] == [("a", "Nikol Pashinyan"), ("b", "Pashinyan")]
    assert "surname" in merged.why


def test_an_ambiguous_surname_stays_apart() -> None:
    docs = [Result("a", entities=[person("e1", "Ilham Aliyev", "AZE")]),
            Result("b", entities=[person("e1", "Heydar Aliyev", "AZE")]),
            Result("c", entities=[person("e1", "Aliyev", "AZE")])]
    _, id_map = resolve_entities(docs)
    assert id_map[("c", "e1")] == "person:aliyev:AZE"


def test_an_uncoded_person_joins_the_coded_one_of_that_name() -> None:
    docs = [Result("a", entities=[person("e1", "Ararat Mirzoyan", "ARM")]),
            Result("b", entities=[person("e2", "Ararat Mirzoyan", None)])]
    _, id_map = resolve_entities(docs)
    assert id_map[("b", "e2")] == "person:ararat-mirzoyan:ARM"


def test_order_of_documents_does_not_change_ids() -> None:
    docs = [Result("a", entities=[person("e1", "Pashinyan", "ARM")]),
            Result("b", entities=[person("e1", "Nikol Pashinyan", "ARM")])]
    forward, _ = resolve_entities(docs)
    backward, _ = resolve_entities(list(reversed(docs)))
    assert forward == backward


def test_an_uncoded_organization_or_place_joins_the_coded_one() -> None:
    docs = [Result("a", entities=[Entity("e1", "United Nations", "igo", "IGO"),
                                  Entity("e2", "Jeddah", "place", "SAU")]),
            Result("b", entities=[Entity("e1", "United Nations", "organization", None),
                                  Entity("e2", "Jeddah", "place", None),
                                  Entity("e3", "Jeddah", "organization", None)])]
    _, id_map = resolve_entities(docs)
    assert id_map[("b", "e1")] == "igo:united-nations:IGO"
    assert id_map[("b", "e2")] == "place:jeddah:SAU"
    assert id_map[("b", "e3")] == "organization:jeddah"
