"""A list of hundreds of released names in one article (one report each, naming no actor and stating
no date) is placed by the clauses and wordings of its own members (``clusters.own_keys``): a report
is tried against the few clusters it could join, not against every cluster of its week, and the
ledger is the one made by trying every cluster, in memory and in the store
(docs/reliability.md, "The list that rebuilt in minutes")."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from peacewatch.resolve import LedgerSettings, build_ledger, span_texts_of
from peacewatch.resolve.clusters import Cluster, MemoryBucket
from peacewatch.store.ledger import rebuild_ledger
from peacewatch.store.sqlite import Store
from peacewatch.types import Argument, Document, Entity, Event, Result

from ..store.reading import ledger_of
from ..store.test_rebuild import tiny_caches
from . import test_clusters_index as clusters_index
from .helpers import canonical
from .test_clusters_index import AllClusters, built

SYLLABLES = "al am an ar ba da fa ha ja ka la ma na ra sa ta wa ya za mi ri".split()


def released_list(names: int, seed: int = 3) -> tuple[Document, Result]:
    """One article listing ``names`` released people, a sentence each ("Kafa Rila Sada was
    released."), each a recipient with the country code the coder gave them; a tenth of the names
    told twice (repeated wording joins them) and a tenth of the sentences telling two releases (one
    clause)."""
    rng = random.Random(seed)

    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

    text, entities, events = "The following prisoners were released:\n", [], []
    people = [f"{word()} {word()} {word()}" for _ in range(names)]
    for k in range(names):
        name = people[k - 1] if k and rng.random() < 0.1 else people[k]
        start = len(text)
        text += f"{name} was released.\n"
        end = len(text) - 2
        entities.append(Entity(f"e{k}", name, "person", "ISR"))
        trigger = text.rindex("released", start)
        events.append(Event(f"ev{k}", "RETREAT", (trigger, trigger + 8), (start, end), mode="release",
                            status="occurred", recipient=[Argument(f"e{k}", "ISR", None, name)]))
        if rng.random() < 0.1:  # a second release told in the same clause
            events.append(Event(f"ev{k}b", "RETREAT", (trigger, trigger + 8), (start + 3, end), mode="release",
                                status="occurred", recipient=[Argument(f"e{k}", "ISR", None, name)]))
    return Document("list", text, "2024-03-05"), Result("list", "2024-03-05", entities=entities, events=events)


def _fits(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the fits tried, through the index and (``every_member_fit``) trying every cluster."""
    count = [0]
    for owner, name in ((Cluster, "fit"), (clusters_index, "every_member_fit")):
        fit = getattr(owner, name)

        def counted(self: Cluster, rep: object, settings: LedgerSettings, fit: Any = fit) -> object:
            count[0] += 1
            return fit(self, rep, settings)

        monkeypatch.setattr(owner, name, counted)
    return count


def against_every_cluster(pairs: list[tuple[Document, Result]], similarity: float, monkeypatch: pytest.MonkeyPatch,
                          tmp_path: Path) -> int | None:
    """Check that placing the documents' reports through the bucket's index gives the ledger of trying
    every cluster, in memory and (at similarity 0.5, with every cluster read back from the tables) in the
    store; at 0.5, return how many events the merged ledger has."""
    documents, results = [d for d, _ in pairs], [r for _, r in pairs]
    texts = span_texts_of(documents, results)
    options = LedgerSettings.from_dict({"repeat_similarity": similarity})
    every = built(results, texts, options, monkeypatch, AllClusters)
    assert every == built(results, texts, options, monkeypatch, MemoryBucket)
    if similarity != 0.5:
        return None
    merged = len(build_ledger(results, options, texts).events)
    tiny_caches(monkeypatch)  # every cluster read back from the tables
    with Store(tmp_path / "list.db") as store:
        for document, result in pairs:
            store.save(document, result)
        rebuild_ledger(store.conn)
        assert canonical(ledger_of(store)) == every
    return merged


def fits_of(document: Document, result: Result, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    """The fits tried placing the document's reports: trying every cluster, then through the index."""
    texts = span_texts_of([document], [result])
    fits = _fits(monkeypatch)
    built([result], texts, LedgerSettings(), monkeypatch, AllClusters)
    every, fits[0] = fits[0], 0
    built([result], texts, LedgerSettings(), monkeypatch, MemoryBucket)
    return every, fits[0]


@pytest.mark.parametrize("similarity", [0.0, 0.3, 0.5, 0.8, 1.0])
def test_a_long_list_gives_the_ledger_of_trying_every_cluster(similarity: float, monkeypatch: pytest.MonkeyPatch,
                                                               tmp_path: Path) -> None:
    document, result = released_list(300)
    merged = against_every_cluster([(document, result)], similarity, monkeypatch, tmp_path)
    assert merged is None or 200 < merged < len(result.events), "the list should merge some reports"


def test_a_long_list_is_placed_with_a_bounded_number_of_fits(monkeypatch: pytest.MonkeyPatch) -> None:
    document, result = released_list(400)
    reports = len(result.events)
    every, indexed = fits_of(document, result, monkeypatch)
    assert every > reports * reports / 4  # every report against every cluster before it
    assert indexed < reports * 10, (indexed, reports)  # a few per report: the clauses near it, its like wordings
