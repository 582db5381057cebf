"""What the update in place keeps in parts (``store.entity_parts``): a ledger entity that gains
sources and mentions in an update reads back, byte for byte, as the rebuild's and the pure build's
record, though its stored head was not written whole again."""

from __future__ import annotations

import json
from pathlib import Path

from peacewatch.resolve import build_ledger
from peacewatch.store.reads import Reader
from peacewatch.store.sqlite import Store
from peacewatch.types import Argument, Commitment, Document, Entity, Event, Mention, Result

from .test_incremental_store import STATES, Pair, assert_same, sparse, two_ways


def with_mentions(pair: Pair, name: str) -> Pair:
    """The pair with a person of that name (coded AZE) added, named twice in its text."""
    document, result = pair
    text = f"{name} spoke. Later {name} left. " + document.text
    second = text.index(name, len(name))
    mentions = [Mention(0, len(name), name, "PERSON", "p1"), Mention(second, second + len(name), name, "PERSON", "p1")]
    person = Entity("p1", name, "person", "AZE", "GOV")
    return (Document(document.id, text, document.published),
            Result(result.id, result.published, mentions=[*result.mentions, *mentions],
                   entities=[*result.entities, person], events=result.events, commitments=result.commitments))


def _records(path: Path) -> dict[str, str]:
    with Reader(path) as reader:
        return {row["id"]: json.dumps(row, ensure_ascii=False) for row in reader.export_rows("entities")}


def test_an_entity_gaining_a_source_in_an_update_reads_back_as_the_rebuild_and_the_pure_build_give_it(
        tmp_path: Path) -> None:
    pairs = sparse(30, seed=5)
    names = ["Jeyhun Bayramov", "Jeyhun Bayramov", "Jeyhun BAYRAMOV"]
    first = [with_mentions(p, n) for p, n in zip(pairs[:3], names, strict=True)] + pairs[3:25]
    then = [with_mentions(pairs[25], "Jeyhun BAYRAMOV"), *pairs[26:]]  # a tie, which the new name wins
    key = "person:jeyhun-bayramov:AZE"
    with two_ways(tmp_path, first, then) as (step, whole, stats):
        assert stats.path == "incremental", stats.why
        assert_same(step, whole)
        (head,) = step.conn.execute("SELECT record FROM ledger_entities WHERE id = ?", (key,)).fetchone()
        assert json.loads(head)["sources"] == [] and json.loads(head)["mentions"] == []  # kept in parts
        counted = dict(step.conn.execute("SELECT field, n FROM ledger_entity_counts WHERE key = ? AND value = ''",
                                         (key,)).fetchall())
        assert counted == {"#items": 4, "#docs": 4}
        step_path, whole_path = step.path, whole.path
    stepped, rebuilt = _records(step_path), _records(whole_path)
    assert stepped == rebuilt
    everything = sorted(first + then, key=lambda p: p[0].id)
    pure = build_ledger([r for _, r in everything], None, None)
    made = {e.id: json.dumps(e.to_dict(), ensure_ascii=False) for e in pure.entities}
    assert stepped == made
    person = json.loads(stepped[key])
    assert len(person["sources"]) == 4 and len(person["mentions"]) == 8
    assert person["name"] == "Jeyhun BAYRAMOV" and person["names"] == ["Jeyhun BAYRAMOV", "Jeyhun Bayramov"]
    assert person["why"].startswith("4 per-document entities in 4 document(s); ")


def test_a_whole_record_written_before_the_parts_is_read_as_it_is(tmp_path: Path) -> None:
    with Store(tmp_path / "old.db") as store:
        for document, result in sparse(4, seed=2):
            store.save(document, result)
        store.conn.execute("INSERT INTO ledger_entities VALUES ('state:OLD', 'state', 'OLD', 'Old', ?)", (json.dumps(
            {"id": "state:OLD", "key": "state:OLD", "name": "Old", "kind": "state", "code": "OLD", "sector": None,
             "role": None, "wikidata": None, "names": ["Old"], "mentions": [],
             "sources": [{"doc": "sp-0000", "entity": "e9", "name": "Old", "why": "key state:OLD"}],
             "why": "1 per-document entity in 1 document(s); key state:OLD"}),))
        store.conn.commit()
    with Reader(tmp_path / "old.db") as reader:
        (found,) = reader.entities().items
    assert [s.entity for s in found.sources] == ["e9"] and found.mentions == []


def promise(doc_id: str, published: str, due: str, a: int = 0, b: int = 1) -> Pair:
    """A document in which one state promises another to release prisoners by ``due``."""
    (name_a, code_a), (name_b, code_b) = STATES[a], STATES[b]
    text = f"{name_a} promised {name_b} to release the prisoners. "
    entities = [Entity("e0", name_a, "state", code_a, "GOV"), Entity("e1", name_b, "state", code_b, "GOV")]
    event = Event("ev0", "RETREAT", (len(name_a) + 1, len(name_a) + 9), (0, len(text) - 1), mode="release",
                  status="future", date=published,
                  actor=[Argument("e0", code_a, "GOV", name_a)], recipient=[Argument("e1", code_b, "GOV", name_b)])
    pledge = Commitment("c0", "ev0", ["e0"], ["e1"], {"type": "RETREAT", "mode": "release"}, made=published, due=due)
    return (Document(doc_id, text, published),
            Result(doc_id, published, entities=entities, events=[event], commitments=[pledge]))


def statuses(store: Store) -> dict[str, tuple[str, str]]:
    return {json.loads(r)["due"]: (s, json.loads(r)["why"])
            for s, r in store.conn.execute("SELECT status, record FROM ledger_commitments")}


def test_a_promise_made_overdue_by_as_of_alone_is_decided_again_and_the_overdue_name_the_new_day(
        tmp_path: Path) -> None:
    first = [promise("a-1", "2024-01-10", "2024-02-01"), promise("a-2", "2024-03-01", "2024-06-30", 2, 3)]
    # a later report of states that promised nothing: only ``as_of`` moves, past the second due day
    then = [(Document("b-1", "Kosovo and Serbia met.", "2024-08-15"),
             Result("b-1", "2024-08-15", entities=[Entity("e0", "Kosovo", "state", "XKX", "GOV")]))]
    with two_ways(tmp_path, first, then) as (step, whole, stats):
        assert stats.path == "incremental" and "1 of 2 commitment(s) decided again" in stats.why, stats.why
        assert_same(step, whole)
        found = statuses(step)
    assert found["2024-06-30"] == ("overdue", "due 2024-06-30, nothing carrying it out by 2024-08-15")
    assert found["2024-02-01"] == ("overdue", "due 2024-02-01, nothing carrying it out by 2024-08-15")


def test_a_promise_not_yet_due_stays_open_and_is_not_decided_again(tmp_path: Path) -> None:
    first = [promise("a-1", "2024-01-10", "2024-12-31")]
    then = [(Document("b-1", "Kosovo and Serbia met.", "2024-03-15"),
             Result("b-1", "2024-03-15", entities=[Entity("e0", "Kosovo", "state", "XKX", "GOV")]))]
    with two_ways(tmp_path, first, then) as (step, whole, stats):
        assert stats.path == "incremental" and "0 of 1 commitment(s) decided again" in stats.why, stats.why
        assert_same(step, whole)
        assert statuses(step)["2024-12-31"][0] == "open"


def release(doc_id: str, day: str) -> Pair:
    """A document reporting that Azerbaijan released prisoners to Armenia on ``day``."""
    (name_a, code_a), (name_b, code_b) = STATES[0], STATES[1]
    text = f"{name_a} released the prisoners to {name_b}. "
    entities = [Entity("e0", name_a, "state", code_a, "GOV"), Entity("e1", name_b, "state", code_b, "GOV")]
    event = Event("ev0", "RETREAT", (len(name_a) + 1, len(name_a) + 9), (0, len(text) - 1), mode="release",
                  status="occurred", date=day,
                  actor=[Argument("e0", code_a, "GOV", name_a)], recipient=[Argument("e1", code_b, "GOV", name_b)])
    return Document(doc_id, text, day), Result(doc_id, day, entities=entities, events=[event])


def test_a_new_event_that_keeps_an_earlier_promise_decides_it_again_and_no_other(tmp_path: Path) -> None:
    first = [promise("a-1", "2024-01-10", "2024-12-31"), promise("a-2", "2024-01-12", "2024-12-31", 2, 3)]
    then = [release("b-1", "2024-02-01")]
    with two_ways(tmp_path, first, then) as (step, whole, stats):
        assert stats.path == "incremental" and "1 of 2 commitment(s) decided again" in stats.why, stats.why
        assert_same(step, whole)
        found = {json.loads(r)["obligor"][0]: s for s, r in step.conn.execute(
            "SELECT status, record FROM ledger_commitments")}
    assert found == {"state:AZE": "fulfilled", "state:SRB": "open"}
