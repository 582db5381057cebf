"""The incremental update over the memory space (``memory.UpdatingMemorySpace``), driven by the same
``incremental.update`` as the store's: the ledger of A brought up to date with B is ``build_ledger``
of A and B, on random dense and sparse documents."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from peacewatch.resolve import LedgerSettings, build_ledger, span_texts_of
from peacewatch.resolve.incremental import update
from peacewatch.resolve.ledger import unique_results
from peacewatch.resolve.memory import MemorySource, UpdatingMemorySpace
from peacewatch.resolve.records import Ledger

from ..store.test_rebuild import random_document
from .helpers import canonical
from .test_incremental_store import Pair, sparse, split


def updated(old: Ledger, pairs: list[Pair], options: LedgerSettings) -> tuple[Ledger, str]:
    """The ledger ``old`` brought up to date with every result of ``pairs`` (why, when it gave up)."""
    results = unique_results(r for _, r in pairs)
    source = MemorySource(results, span_texts_of([d for d, _ in pairs], results))
    space = UpdatingMemorySpace(old, {r.id for r in results} - set(old.documents), source.mentions())
    done = update(source, space, options)
    if done.built is None:
        return old, done.why
    as_of = done.built.as_of.isoformat() if done.built.as_of else None
    return Ledger(as_of, [r.id for r in results], space.entities, space.events, space.commitments,
                  space.agreements), ""


def pure(pairs: list[Pair], options: LedgerSettings) -> Ledger:
    results = [r for _, r in pairs]
    return build_ledger(results, options, span_texts_of([d for d, _ in pairs], results))


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 10**6), st.integers(0, 3), st.booleans())
def test_the_ledger_of_a_updated_with_b_is_the_ledger_of_a_and_b(seed: int, slack: int, dense: bool) -> None:
    rng = random.Random(seed)
    pairs = [random_document(rng, n) for n in range(rng.randrange(2, 30))] if dense else sparse(40, seed)
    options = LedgerSettings.from_dict({"date_slack_days": slack})
    first, then = split(rng, pairs)
    found, why = updated(pure(first, options), first + then, options)
    assert not why
    assert canonical(found) == canonical(pure(first + then, options))


def test_a_few_new_documents_keep_most_events_of_a_sparse_ledger() -> None:
    pairs = sparse(120)
    options = LedgerSettings()
    old = pure(pairs[:115], options)
    found, why = updated(old, pairs, options)
    assert not why and canonical(found) == canonical(pure(pairs, options))
    kept = {e.id for e in old.events} & {e.id for e in found.events}
    assert len(kept) > len(old.events) * 3 / 4
