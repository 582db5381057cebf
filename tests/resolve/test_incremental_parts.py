"""What the update in place keeps in parts (``store.entity_parts``): a ledger entity that gains
sources and mentions in an update reads back, byte for byte, as the rebuild's and the pure build's
record, though its stored head was not written whole again."""

from __future__ import annotations

import json
from pathlib import Path

from peacewatch.resolve import build_ledger
from peacewatch.store.reads import Reader
from peacewatch.store.sqlite import Store
from peacewatch.types import Document, Entity, Mention, Result

from .test_incremental_store import Pair, assert_same, sparse, two_ways


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
