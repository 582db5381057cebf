"""Random corrections on random dense ledgers: rebuilding twice gives the same ledger (the log is
applied the same way every time), and the store's rebuild equals the pure ``build_ledger`` given the
same log (one stage, two spaces, corrections included)."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from peacewatch.errors import CorrectionError
from peacewatch.resolve import build_ledger, span_texts_of
from peacewatch.resolve.corrections import active
from peacewatch.store import corrections as log
from peacewatch.store.ledger import rebuild_ledger
from peacewatch.store.sqlite import Store
from peacewatch.types import EVENT_TYPES

from ..resolve.helpers import canonical
from ..store.reading import ledger_of
from ..store.test_rebuild import filled, random_document

TABLES = ("ledger_entities", "ledger_events", "ledger_commitments", "ledger_dyads", "ledger_entity_sources",
          "ledger_event_mentions", "ledger_corrections", "ledger_correction_reports")


def dump(store: Store) -> dict[str, list[tuple[object, ...]]]:
    return {t: store.conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in TABLES}


def correct_at_random(store: Store, rng: random.Random, n: int) -> int:
    """Make up to ``n`` random corrections of the current ledger (rebuilding after each, as the
    command does) in at most 4n tries; returns how many were made."""
    made = 0
    for _ in range(4 * n):
        if made == n:
            break
        ledger = ledger_of(store)
        if not ledger.events:
            break
        event = rng.choice(ledger.events)
        kind = rng.choice(["event", "reject", "merge", "split", "commitment", "withdraw"])
        try:
            if kind == "event":
                log.correct_event(store.conn, event.id, {"type": rng.choice(EVENT_TYPES)}, by="t")
            elif kind == "reject":
                log.reject_event(store.conn, event.id, by="t")
            elif kind == "merge":
                log.merge_events(store.conn, [event.id, rng.choice(ledger.events).id], by="t")
            elif kind == "split":
                log.split_event(store.conn, event.id, [f"{event.mentions[0].doc}#{event.mentions[0].event}"], by="t")
            elif kind == "commitment" and ledger.commitments:
                log.correct_commitment(store.conn, rng.choice(ledger.commitments).id,
                                       rng.choice(["fulfilled", "broken", "open"]), event.id, None, by="t")
            elif kind == "withdraw" and made:
                log.withdraw(store.conn, rng.randrange(1, made + 1), by="t")
            else:
                continue
        except CorrectionError:  # a merge of an event with itself, a split of its only report
            continue
        made += 1
        rebuild_ledger(store.conn)
    return made


@settings(max_examples=10, deadline=None)
@given(st.integers(0, 10**6))
def test_random_corrections_rebuilt_twice_give_one_ledger(seed: int) -> None:
    rng = random.Random(seed)
    pairs = [random_document(rng, n) for n in range(rng.randrange(2, 30))]
    with tempfile.TemporaryDirectory() as tmp:
        store = filled(Path(tmp) / "c.db", pairs)
        rebuild_ledger(store.conn)
        assert correct_at_random(store, rng, rng.randrange(1, 7)) > 0
        rebuild_ledger(store.conn, force=True)
        first = dump(store)
        rebuild_ledger(store.conn, force=True)
        assert dump(store) == first
        results, documents = [r for _, r in pairs], [d for d, _ in pairs]
        rows = [log.to_correction(r) for r in log.log(store.conn)]
        assert len(first["ledger_corrections"]) == len(active(rows)), "every active correction has an outcome"
        pure = build_ledger(results, None, span_texts_of(documents, results), rows)
        assert canonical(ledger_of(store)) == canonical(pure)
        store.close()
