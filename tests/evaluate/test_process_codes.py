"""``eval process`` reads an event party without a code of its own by its entity's exported code, as
the shared scorer does, and the same way on every run (it took whichever code a set gave first, so
the untouched figures moved between runs of one database)."""

from __future__ import annotations

from peacewatch.evaluate.process_ledger import load_ledger


def test_a_party_without_a_code_takes_its_entitys_exported_code_on_every_run() -> None:
    # twenty entities exported with the code ZZZ and also named with the code AAA in an earlier event:
    # a later item naming the entity without a code is ZZZ, the entity's code, for all twenty (a set's
    # first code would be AAA for about half of them, differently from one run to the next)
    entities = [{"id": f"e{i}", "code": "ZZZ"} for i in range(20)]
    events = []
    for i in range(20):
        events.append({"id": f"a{i}", "type": "ASSAULT", "actor": [{"entity": f"e{i}", "code": "AAA"}],
                       "recipient": [], "mentions": [{"doc": "d1"}]})
        events.append({"id": f"b{i}", "type": "ASSAULT", "actor": [{"entity": f"e{i}", "code": None}],
                       "recipient": [], "mentions": [{"doc": "d2"}]})
    ledger = load_ledger(events, [], entities)
    later = [e["actor"] for e in ledger.events if e["id"].startswith("b")]
    assert later == [frozenset({"ZZZ"})] * 20


def test_an_entity_not_exported_takes_the_least_code_seen_for_it() -> None:
    events = [{"id": "a", "type": "ASSAULT", "actor": [{"entity": "x", "code": "PPP"}], "mentions": []},
              {"id": "b", "type": "ASSAULT", "actor": [{"entity": "x", "code": "BBB"}], "mentions": []},
              {"id": "c", "type": "ASSAULT", "actor": [{"entity": "x"}], "mentions": []}]
    assert load_ledger(events, [], []).events[2]["actor"] == frozenset({"BBB"})
