"""Merging needs evidence, not just the absence of a contradiction (evidence.evidence).

The texts are written for these tests: a small fictional conflict between a government (code
NRD, with its army) and a rebel movement (the "Valley Front", also code NRD), reported by a few
outlets.
"""

from __future__ import annotations

import random
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peacewatch import tables as shared_tables
from peacewatch.errors import ConfigError
from peacewatch.resolve import LedgerSettings, build_ledger, span_texts_of, tables
from peacewatch.types import Argument, Document, Entity, Event, Result

GOV = Entity("e1", "Nordavia", "state", "NRD", "GOV")
ARMY = Entity("e2", "Nordavian army", "organization", "NRD", "MIL")
FRONT = Entity("e3", "Valley Front", "armed_group", "NRD", "REB")
TOWN = Entity("e4", "Harlow", "place", "NRD", None)
UN = Entity("e5", "United Nations", "igo", "IGO", "IGO")
EU = Entity("e6", "European Union", "igo", "IGO", "IGO")
OST = Entity("e7", "Ostland", "state", "OST", "GOV")
ENTS = [GOV, ARMY, FRONT, TOWN, UN, EU, OST]


def arg(e: Entity) -> Argument:
    return Argument(e.id, e.code, e.sector, e.name)


def ev(eid: str, type_: str, span: tuple[int, int], actor: list[Entity], recipient: list[Entity],
       **fields: Any) -> Event:
    return Event(eid, type_, (span[0], span[0] + 4), span, actor=[arg(a) for a in actor],
                 recipient=[arg(r) for r in recipient], **fields)


def doc(did: str, published: str | None, *events: Event) -> Result:
    return Result(did, published, entities=ENTS, events=list(events))


def groups(*docs: Result, texts: dict[tuple[str, int, int], str] | None = None, **opts: Any) -> list[list[str]]:
    ledger = build_ledger(docs, LedgerSettings(**opts), texts)
    return sorted(sorted(f"{m.doc}#{m.event}" for m in e.mentions) for e in ledger.events)


def test_two_sentences_of_one_article_about_different_attacks_stay_apart() -> None:
    # "The Valley Front killed four villagers in Harlow. Two soldiers were killed in another raid."
    a = doc("a", "2024-03-02",
            ev("x", "ASSAULT", (0, 50), [FRONT], [TOWN], quantity={"value": 4, "unit": "killed"}),
            ev("y", "ASSAULT", (51, 100), [], [ARMY], quantity={"value": 2, "unit": "killed"}))
    assert groups(a) == [["a#x"], ["a#y"]]
    # without counts, the unknown actor still needs a stated date and a shared recipient
    a.events[0].quantity = a.events[1].quantity = None
    assert groups(a) == [["a#x"], ["a#y"]]


def test_one_clause_with_two_triggers_is_one_event() -> None:
    # "The army shelled Harlow overnight, killing six people."
    a = doc("a", "2024-03-02", ev("x", "ASSAULT", (0, 60), [ARMY], [TOWN]),
            ev("y", "ASSAULT", (30, 60), [], [], quantity={"value": 6, "unit": "killed"}))
    [event] = build_ledger([a]).events
    assert len(event.mentions) == 2 and "same clause" in event.why


def test_a_sentence_repeated_in_a_caption_is_one_event_when_the_text_is_known() -> None:
    sentence = "Rebels freed nine hostages in Harlow on Monday."
    text = f"{sentence} Photo: {sentence}"
    a = doc("a", "2024-03-05", ev("x", "RETREAT", (0, 47), [FRONT], [], mode="release"),
            ev("y", "RETREAT", (55, 102), [], [], mode="release"))
    article = Document(id="a", text=text, published="2024-03-05")
    assert groups(a) == [["a#x"], ["a#y"]]
    texts = span_texts_of([article], [a])
    [event] = build_ledger([a], None, texts).events
    assert len(event.mentions) == 2 and "repeated wording" in event.why
    assert groups(a, texts=texts, repeat_similarity=1.0) == [["a#x", "a#y"]]  # the same words
    other = dict(texts)
    other[("a", 55, 102)] = "Photo: villagers queue for water outside the clinic."
    assert groups(a, texts=other) == [["a#x"], ["a#y"]]


def test_different_sentences_merge_on_the_same_count_or_the_same_explicit_date() -> None:
    count = {"value": 120, "unit": "person"}
    a = doc("a", "2024-03-05",
            ev("x", "RETREAT", (0, 50), [GOV], [FRONT], mode="release", quantity=count),
            ev("y", "RETREAT", (200, 250), [GOV], [], mode="release", quantity=dict(count)))
    assert groups(a) == [["a#x", "a#y"]]
    b = doc("b", "2024-03-05",
            ev("x", "RETREAT", (0, 50), [GOV], [], mode="release", date="2024-03-04"),
            ev("y", "RETREAT", (200, 250), [GOV], [], mode="release", date="2024-03-04"),
            ev("z", "RETREAT", (300, 350), [GOV], [], mode="release", date="2024"))
    assert groups(b) == [["b#x", "b#y"], ["b#z"]]


def test_same_actor_and_the_same_countries_link_two_sentences() -> None:
    # "Nordavia and Ostland agreed to swap prisoners. Nordavia would free 30 Ostlanders."
    a = doc("a", "2024-03-01", ev("x", "AGREE", (0, 50), [GOV, OST], [], status="future"),
            ev("y", "AGREE", (60, 110), [GOV], [OST], status="future"))
    assert groups(a) == [["a#x", "a#y"]]
    # one country between them is not enough (every party of a civil war carries its code)
    b = doc("b", "2024-03-01", ev("x", "AGREE", (0, 50), [GOV, FRONT], [], status="future"),
            ev("y", "AGREE", (60, 110), [GOV], [FRONT], status="future"))
    assert groups(b) == [["b#x"], ["b#y"]]


def test_counts_of_different_units_are_different_events() -> None:
    a = doc("a", "2024-03-02", ev("x", "ASSAULT", (0, 50), [FRONT], [ARMY], date="2024-03-01",
                                  quantity={"value": 3, "unit": "killed"}))
    b = doc("b", "2024-03-02", ev("y", "ASSAULT", (0, 50), [FRONT], [ARMY], date="2024-03-01",
                                  quantity={"value": 11, "unit": "injured"}))
    assert groups(a, b) == [["a#x"], ["b#y"]]


def test_unknown_actors_across_documents_need_a_stated_date_and_a_count_or_recipient() -> None:
    a = doc("a", "2024-03-02", ev("x", "ASSAULT", (0, 50), [FRONT], [ARMY], date="2024-03-01",
                                  quantity={"value": 3, "unit": "killed"}))
    same_count = doc("b", "2024-03-03", ev("y", "ASSAULT", (0, 50), [], [], date="2024-03-01",
                                           quantity={"value": 3, "unit": "killed"}))
    assert groups(a, same_count) == [["a#x", "b#y"]]
    bare = doc("c", "2024-03-03", ev("z", "ASSAULT", (0, 50), [], [], date="2024-03-01"))
    assert groups(a, bare) == [["a#x"], ["c#z"]]
    undated = doc("d", "2024-03-02", ev("w", "ASSAULT", (0, 50), [], [ARMY],
                                        quantity={"value": 3, "unit": "killed"}))
    assert groups(a, undated) == [["a#x"], ["d#w"]]


def test_an_undated_report_elsewhere_needs_more_than_a_shared_actor() -> None:
    a = doc("a", "2024-03-02", ev("x", "AGREE", (0, 50), [GOV], [], date="2024-03-01"))
    b = doc("b", "2024-03-04", ev("y", "AGREE", (0, 50), [GOV], []))
    # beside a second agreement of Nordavia told on a day of its week, a shared actor does not tell which
    # it is; alone in its week, the one told on a day takes it (``clusters.place``, the lone fit)
    second = doc("s", "2024-03-04", ev("z", "AGREE", (0, 50), [GOV], [], date="2024-03-03"))
    assert groups(a, b, second) == [["a#x"], ["b#y"], ["s#z"]]
    assert groups(a, b) == [["a#x", "b#y"]]
    a.events[0].recipient = b.events[0].recipient = [arg(FRONT)]
    assert groups(a, b) == [["a#x", "b#y"]]
    joint = [arg(GOV), arg(FRONT)]
    c = doc("c", "2024-03-02", ev("x", "AGREE", (0, 50), [], [], date="2024-03-01"))
    d = doc("d", "2024-03-04", ev("y", "AGREE", (0, 50), [], []))
    c.events[0].actor, d.events[0].actor = joint, list(joint)
    assert groups(c, d) == [["c#x", "d#y"]]


def test_a_country_code_does_not_make_the_army_and_the_rebels_one_party() -> None:
    a = doc("a", "2024-03-02", ev("x", "ASSAULT", (0, 50), [FRONT], [ARMY], date="2024-03-01"))
    b = doc("b", "2024-03-02", ev("y", "ASSAULT", (0, 50), [ARMY], [FRONT], date="2024-03-01"))
    assert groups(a, b) == [["a#x"], ["b#y"]]


def test_the_igo_code_links_no_two_organisations() -> None:
    a = doc("a", "2024-03-02", ev("x", "CONSULT", (0, 50), [UN], [], date="2024-03-01"))
    b = doc("b", "2024-03-02", ev("y", "CONSULT", (0, 50), [EU], [], date="2024-03-01"))
    assert groups(a, b) == [["a#x"], ["b#y"]]
    c = doc("c", "2024-03-03", ev("z", "CONSULT", (0, 50), [UN], [], date="2024-03-01"))
    assert groups(a, c) == [["a#x", "c#z"]]


def test_announced_and_happened_never_merge_even_in_one_clause() -> None:
    a = doc("a", "2024-03-02", ev("x", "CONSULT", (0, 80), [GOV], [FRONT], date="2024-03-01"),
            ev("y", "CONSULT", (40, 80), [GOV], [FRONT], status="future"))
    assert groups(a) == [["a#x"], ["a#y"]]


def _scenario() -> list[Result]:
    count = {"value": 3, "unit": "killed"}
    return [
        doc("a", "2024-03-02", ev("x", "ASSAULT", (0, 50), [FRONT], [ARMY], date="2024-03-01", quantity=count),
            ev("y", "ASSAULT", (40, 90), [], [], quantity=dict(count)),
            ev("z", "ASSAULT", (200, 250), [FRONT], [TOWN])),
        doc("b", "2024-03-03", ev("x", "ASSAULT", (0, 50), [], [ARMY], date="2024-03-01", quantity=dict(count))),
        doc("c", "2024-03-03", ev("x", "ASSAULT", (0, 50), [FRONT], [ARMY])),
        doc("d", "2024-03-04", ev("x", "ASSAULT", (0, 50), [FRONT], [], date="2024-03")),
        doc("e", "2024-03-02", ev("x", "ASSAULT", (0, 50), [ARMY], [FRONT], date="2024-03-01")),
    ]


def test_every_merge_explains_its_evidence() -> None:
    for event in build_ledger(_scenario()).events:
        if len(event.mentions) > 1:
            assert event.why.count(" joined ") == len(event.mentions) - 1, event.why


@settings(max_examples=30, deadline=None)
@given(st.randoms(use_true_random=False))
def test_evidence_based_clusters_do_not_depend_on_order(rng: random.Random) -> None:
    docs = _scenario()
    shuffled = list(docs)
    rng.shuffle(shuffled)
    for r in shuffled:
        rng.shuffle(r.events)
    assert groups(*shuffled) == groups(*_scenario())


def test_a_broken_ledger_table_row_is_a_coded_error(monkeypatch: pytest.MonkeyPatch) -> None:
    broken = "kind\tvalue\tmatch\n# a comment\nsector\tGOV\n"  # line 3 leaves out its required match
    monkeypatch.setattr(shared_tables, "read_text", lambda folder, name: broken)
    tables.party_code_rules.cache_clear()
    tables.plover_table.cache_clear()
    try:
        with pytest.raises(ConfigError) as bad_codes:
            tables.party_code_rules()
        assert bad_codes.value.code == "E027" and "line 3" in bad_codes.value.message
        with pytest.raises(ConfigError) as bad_plover:
            tables.plover_table()
        assert bad_plover.value.code == "E027"
    finally:
        tables.party_code_rules.cache_clear()
        tables.plover_table.cache_clear()
