"""The incremental ledger over several updates: documents ingested in random batches, in random
orders, each batch followed by ``update_ledger``, give every ledger table (the state kept between
builds included) of one rebuild of them all. The documents name people and bodies whose
cross-document links move as new names arrive (a surname that a full name takes over, then a second
full name that makes it ambiguous; an uncoded body that a coded one of its name takes over), so
the kept entity keys and links are exercised, not only the events."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from peacewatch.store.incremental import update_ledger
from peacewatch.store.ledger import rebuild_ledger
from peacewatch.store.sqlite import Store
from peacewatch.types import Argument, Commitment, Document, Entity, Event, Result

from .test_incremental_store import Pair, tables

STATES = [("Azerbaijan", "AZE"), ("Armenia", "ARM"), ("Serbia", "SRB")]
TYPES = [("RETREAT", "release"), ("ASSAULT", None), ("AGREE", None), ("CONSULT", None), ("ACCUSE", None)]
# (name, code): one-word and full names of two families, coded and not
PEOPLE = [("Bayramov", "AZE"), ("Bayramov", None), ("Jeyhun Bayramov", "AZE"), ("Elmar Bayramov", "AZE"),
          ("Jeyhun Bayramov", None), ("Mirzoyan", "ARM"), ("Ararat Mirzoyan", "ARM"), ("Mirzoyan", None)]
# (name, kind, code): bodies of one name in the organization family, coded and not
BODIES = [("Red Cross", "organization", None), ("Red Cross", "igo", None), ("Red Cross", "igo", "IGO"),
          ("Minsk Group", "organization", None), ("Minsk Group", "igo", "IGO")]


def linked_document(rng: random.Random, n: int) -> Pair:
    """A made-up report naming states, one person and one body, with one to three events in a few
    weeks, a promise now and then."""
    sentence = "Officials said both sides acted on the matter again. "
    entities = [Entity(f"e{i}", name, "state", code, "GOV") for i, (name, code) in enumerate(STATES)]
    person, code = rng.choice(PEOPLE)
    body, kind, body_code = rng.choice(BODIES)
    entities += [Entity("p1", person, "person", code, "GOV"), Entity("o1", body, kind, body_code)]
    events, commitments = [], []
    for k in range(rng.randrange(1, 4)):
        (type_, mode), (a, b) = rng.choice(TYPES), rng.sample(range(len(STATES)), 2)
        actor = [Argument(f"e{a}", STATES[a][1], "GOV", STATES[a][0])]
        if rng.random() < 0.5:
            actor.append(Argument("p1", code, "GOV", person))
        recipient = [Argument("o1", body_code, None, body)] if rng.random() < 0.3 else [
            Argument(f"e{b}", STATES[b][1], "GOV", STATES[b][0])]
        status = rng.choice(["occurred", "occurred", "future"])
        start = len(sentence) * k
        events.append(Event(f"ev{k}", type_, (start, start + 9), (start, start + len(sentence) - 1), mode=mode,
                            status=status, actor=actor, recipient=recipient,
                            date=f"2024-03-{rng.randrange(1, 22):02d}"))
        if status == "future":
            commitments.append(Commitment(f"c{k}", f"ev{k}", [f"e{a}"], [f"e{b}"], {"type": type_, "mode": mode},
                                          made=f"2024-03-{rng.randrange(1, 22):02d}"))
    doc_id, published = f"ln-{n:03d}", f"2024-03-{rng.randrange(1, 28):02d}"
    return (Document(doc_id, sentence * 3 + f"(report {n})", published),
            Result(doc_id, published, entities=entities, events=events, commitments=commitments))


def batches(rng: random.Random, pairs: list[Pair]) -> list[list[Pair]]:
    order = list(pairs)
    rng.shuffle(order)
    cuts = sorted(rng.sample(range(1, len(order)), min(len(order) - 1, rng.randrange(1, 4))))
    return [order[a:b] for a, b in zip([0, *cuts], [*cuts, len(order)], strict=True)]


@settings(max_examples=12, deadline=None)
@given(st.integers(0, 10**6))
def test_batches_in_any_order_give_the_ledger_of_one_rebuild(seed: int) -> None:
    rng = random.Random(seed)
    pairs = [linked_document(rng, n) for n in range(rng.randrange(3, 24))]
    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "step.db") as step:
            paths = []
            for batch in batches(rng, pairs):
                for document, result in batch:
                    step.save(document, result)
                stats = update_ledger(step.conn)
                assert stats is not None
                paths.append(stats.path)
            found = tables(step.conn)
        assert paths[0] == "full" and set(paths[1:]) <= {"incremental"}, paths
        with Store(Path(tmp) / "whole.db") as whole:
            for document, result in sorted(pairs, key=lambda p: p[0].id):
                whole.save(document, result)
            rebuild_ledger(whole.conn)
            assert found == tables(whole.conn), paths


def test_a_surname_taken_over_then_made_ambiguous_follows_the_rebuild(tmp_path: Path) -> None:
    """'Bayramov' alone, then 'Jeyhun Bayramov' (the surname joins him), then 'Elmar Bayramov'
    (two full names: it stands alone again); after each update the ledger is the rebuild's."""
    rng = random.Random(7)
    base = [linked_document(rng, n) for n in range(9)]

    def naming(pair: Pair, name: str) -> Pair:
        document, result = pair
        entities = [e if e.id != "p1" else Entity("p1", name, "person", "AZE", "GOV") for e in result.entities]
        for event in result.events:
            event.actor = [a if a.entity != "p1" else Argument("p1", "AZE", "GOV", name) for a in event.actor]
        return document, Result(result.id, result.published, entities=entities, events=result.events,
                                commitments=result.commitments)

    steps = [[naming(p, "Bayramov") for p in base[:3]], [naming(p, "Jeyhun Bayramov") for p in base[3:6]],
             [naming(p, "Elmar Bayramov") for p in base[6:]]]
    with Store(tmp_path / "step.db") as step:
        for n, batch in enumerate(steps):
            for document, result in batch:
                step.save(document, result)
            stats = update_ledger(step.conn)
            assert stats is not None and (n == 0 or stats.path == "incremental"), stats
            with Store(tmp_path / f"whole{n}.db") as whole:
                for document, result in (p for part in steps[:n + 1] for p in part):
                    whole.save(document, result)
                rebuild_ledger(whole.conn)
                assert tables(step.conn) == tables(whole.conn)
        keys = dict(step.conn.execute("SELECT doc_id, ledger_id FROM ledger_entity_sources WHERE entity = 'p1'"
                                      " AND doc_id <= 'ln-002'"))
    assert set(keys.values()) == {"person:bayramov:AZE"}  # ambiguous at the end: its own key again
