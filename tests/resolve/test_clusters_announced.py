"""An act to come dated two ways across outlets (``reports.announced_and_due``): one outlet dates the
concession by the day it was announced ("agreed on Wednesday to a truce"), another by the day it is
due ("the truce begins on Sunday"). The two agree on dates when the announced day had come when its
article was written, the due day had not, and it is at most ``DUE_DAYS`` later; the clusters' index and
the incremental ledger's units look that far in the bucket of acts to come (``reports.reach_days``).

Made-up parties: Nordavia (NRD) and the Nordavian Front (NRD, sector REB); Ostland (OST).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from peacewatch.resolve import LedgerSettings, span_texts_of
from peacewatch.resolve.clusters import MemoryBucket
from peacewatch.resolve.incremental import Placing, reached
from peacewatch.resolve.reports import DUE_DAYS, announced_and_due, incompatibility, reach_days
from peacewatch.store.ledger import rebuild_ledger
from peacewatch.store.sqlite import Store
from peacewatch.types import Document, Entity, Event, Result
from tests.resolve.helpers import argument, docs_of_events, reports_by_doc

from ..store.reading import ledger_of
from ..store.test_rebuild import tiny_caches
from .helpers import canonical
from .test_clusters_index import AllClusters, built
from .test_incremental_memory import pure, updated

NRD = Entity("n", "Nordavia", "state", "NRD", "GOV")
FRONT = Entity("f", "Nordavian Front", "armed_group", "NRD", "REB")
OST = Entity("o", "Ostland", "state", "OST", "GOV")
ENTITIES = [NRD, FRONT, OST]
DIFFER = "dates differ"


def _truce(doc: str, written: str, date: str | None, *, status: str = "future", cameo: str = "0871",
           actors: tuple[Entity, ...] = (NRD, FRONT), event_id: str = "ev1", start: int = 0) -> Result:
    event = Event(event_id, "CONCEDE", (start, start + 6), (start, start + 40), status=status, cameo=cameo,
                  actor=[argument(a) for a in actors], date=date)
    return Result(doc, written, entities=ENTITIES, events=[event])


def test_the_day_announced_and_the_day_due_are_one_concession() -> None:
    # "Nordavia and the Front agreed on Wednesday (the 15th) to a truce" / "the truce begins on Sunday (the 19th)"
    said, due = _truce("a", "2025-01-16", "2025-01-15"), _truce("b", "2025-01-15", "2025-01-19")
    reps = reports_by_doc(said, due)
    assert announced_and_due(reps["a"], reps["b"]) and announced_and_due(reps["b"], reps["a"])
    assert incompatibility(reps["a"], reps["b"], LedgerSettings()) is None
    assert docs_of_events(said, due) == [["a", "b"]]


def test_two_days_to_come_or_two_days_announced_stay_two_acts() -> None:
    # "13 freed on Friday" and "10 freed on Monday", both still to come: two handovers
    reps = reports_by_doc(_truce("a", "2025-01-15", "2025-01-17"), _truce("b", "2025-01-15", "2025-01-20"))
    assert incompatibility(reps["a"], reps["b"], LedgerSettings()) == DIFFER
    # agreed on the 15th, agreed on the 18th: two announcements
    reps = reports_by_doc(_truce("a", "2025-01-15", "2025-01-15"), _truce("b", "2025-01-19", "2025-01-18"))
    assert incompatibility(reps["a"], reps["b"], LedgerSettings()) == DIFFER


def test_a_due_day_too_far_or_before_the_announcement_stays_apart() -> None:
    far = f"2025-01-{15 + DUE_DAYS + 1}"
    reps = reports_by_doc(_truce("a", "2025-01-15", "2025-01-15"), _truce("b", "2025-01-15", far))
    assert incompatibility(reps["a"], reps["b"], LedgerSettings()) == DIFFER
    # the later day had come when written: it is no day due
    reps = reports_by_doc(_truce("a", "2025-01-16", "2025-01-15"), _truce("b", "2025-01-20", "2025-01-19"))
    assert incompatibility(reps["a"], reps["b"], LedgerSettings()) == DIFFER


def test_acts_that_happened_keep_their_days() -> None:
    reps = reports_by_doc(_truce("a", "2025-01-16", "2025-01-15", status="occurred"),
                    _truce("b", "2025-01-15", "2025-01-19", status="occurred"))
    assert not announced_and_due(reps["a"], reps["b"])
    assert incompatibility(reps["a"], reps["b"], LedgerSettings()) == DIFFER


def test_other_conceded_acts_and_other_parties_still_differ() -> None:
    # a release (0841) announced and a truce (0871) due are two concessions
    due = _truce("b", "2025-01-15", "2025-01-19")
    reps = reports_by_doc(_truce("a", "2025-01-16", "2025-01-15", cameo="0841"), due)
    assert incompatibility(reps["a"], reps["b"], LedgerSettings()) == "conceded acts differ"
    reps = reports_by_doc(_truce("a", "2025-01-16", "2025-01-15", actors=(OST,)), due)
    assert incompatibility(reps["a"], reps["b"], LedgerSettings()) == "actors or recipients differ"


def test_units_of_acts_to_come_reach_as_far_as_a_due_day() -> None:
    def at(row: int, day: int, new: bool, status: str) -> Placing:
        return Placing(row, ("CONCEDE", status), f"d{row}", day, day, new)
    assert reach_days("future", 1) == 1 + DUE_DAYS and reach_days("occurred", 1) == 1
    assert reached([at(1, 10, False, "future"), at(2, 14, True, "future")], 1) == {1, 2}
    assert reached([at(1, 10, False, "happened"), at(2, 14, True, "happened")], 1) == {2}


def _archive(seed: int, documents: int) -> tuple[list[Document], list[Result]]:
    """Concessions to come of the parties above, dated by an announced or a due day, in made-up documents
    written over three weeks."""
    rng = random.Random(seed)
    docs, results = [], []
    for n in range(documents):
        written = rng.randrange(1, 22)
        events = []
        for k in range(rng.randrange(1, 3)):
            day = written + rng.choice([-2, -1, 0, 0, 1, 2, 4, 6, 9])
            date = f"2025-01-{day:02d}" if 1 <= day <= 31 and rng.random() < 0.85 else None
            actors = rng.choice([(NRD, FRONT), (NRD,), (FRONT,), (OST,)])
            cameo = rng.choice(["0871", "0871", "0841"])
            events.append(Event(f"ev{k}", "CONCEDE", (50 * k, 50 * k + 6), (50 * k, 50 * k + 40), status="future",
                                cameo=cameo, actor=[argument(a) for a in actors], date=date))
        doc = f"doc-{n:03d}"
        # a text of its own: the store keeps one document per text
        docs.append(Document(doc, f"{doc} " + "x" * 200, f"2025-01-{written:02d}"))
        results.append(Result(doc, f"2025-01-{written:02d}", entities=ENTITIES, events=events))
    return docs, results


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_index_offers_every_cluster_a_due_day_lets_a_report_join(seed: int, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    documents, results = _archive(seed, 60)
    texts = span_texts_of(documents, results)
    every = built(results, texts, LedgerSettings(), monkeypatch, AllClusters)
    assert built(results, texts, LedgerSettings(), monkeypatch, MemoryBucket) == every
    tiny_caches(monkeypatch)  # the store's bucket, every cluster read back from its tables
    with Store(tmp_path / "due.db") as store:
        for document, result in zip(documents, results, strict=True):
            store.save(document, result)
        rebuild_ledger(store.conn)
        assert canonical(ledger_of(store)) == every


@pytest.mark.parametrize("seed", [1, 2])
def test_the_ledger_updated_with_due_days_is_the_ledger_built_at_once(seed: int) -> None:
    documents, results = _archive(seed, 40)
    pairs = list(zip(documents, results, strict=True))
    old = pure(pairs[:25], LedgerSettings())
    new, why = updated(old, pairs, LedgerSettings())
    assert why == ""
    assert canonical(new) == canonical(pure(pairs, LedgerSettings()))
