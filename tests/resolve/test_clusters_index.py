"""The clusters' index (``clusters.report_keys``, ``MemoryBucket``, the store's ``StoredBucket``) only
spares work: a report is tried against the clusters sharing a week and a party with it, and the
ledger is the one made by trying every cluster of the bucket in creation order (``AllClusters``),
in memory and in the store, on random archives spread over weeks with joint acts, reports naming
no actor, undated documents and coarse dates, seizures told as attacks, two sides' SUPPORT told as
their agreement, and undated reports joining the dated one of their mode days before."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import peacewatch.resolve.memory as memory
from peacewatch.resolve import LedgerSettings, build_ledger, span_texts_of
from peacewatch.resolve.clusters import Cluster, Fit, MemoryBucket, place, report_keys, telling
from peacewatch.resolve.evidence import evidence, strength
from peacewatch.resolve.reports import Report, incompatibility, reports_of
from peacewatch.store.ledger import rebuild_ledger
from peacewatch.store.sqlite import Store
from peacewatch.types import Argument, Document, Entity, Event, Result

from ..store.reading import ledger_of
from ..store.test_rebuild import tiny_caches
from .helpers import canonical

STATES = ["AZE", "ARM", "RUS", "UKR", "SRB", "KEN", "ETH", "COL"]
# seizures merge into the attacks' bucket on strong evidence, and SUPPORT with no mode by two actors
# (a state and its minister, in a fifth of the reports) into the agreements' (``reports.merge_kind``)
TYPES = [("ASSAULT", None), ("ASSAULT", None), ("RETREAT", "release"), ("AGREE", None), ("CONSULT", None),
         ("SUPPORT", "sign"), ("ACCUSE", None), ("COERCE", "seize"), ("SUPPORT", None)]
SENTENCE = "Officials of both sides spoke of the matter once more. "


@dataclass
class AllClusters:
    """A bucket that offers every cluster, in creation order: what the index must agree with."""

    found: list[Cluster] = field(default_factory=list)

    def candidates(self, rep: Report, slack: dt.timedelta, similarity: float = 0.0) -> Iterator[Cluster]:
        return iter(list(self.found))

    def open(self) -> Cluster:
        self.found.append(Cluster(len(self.found)))
        return self.found[-1]

    def grew(self, cluster: Cluster, was_dated: bool, similarity: float = 0.0) -> None:
        pass

    def clusters(self) -> list[Cluster]:
        return self.found


def _date(rng: random.Random, day: dt.date) -> str | None:
    kind = rng.random()
    if kind < 0.6:
        return (day - dt.timedelta(days=rng.randrange(3))).isoformat()
    if kind < 0.7:
        return day.strftime("%Y-%m")
    if kind < 0.8:
        return f"{day.isocalendar()[0]}-W{day.isocalendar()[1]:02d}"
    return None if kind < 0.95 else str(day.year)


def _actor(rng: random.Random, k: int, a: int) -> list[Argument]:
    kind = rng.random()
    if kind < 0.1:
        return []
    if kind < 0.2:
        return [Argument(None, None, None, rng.choice(["the gunmen", "a militia"]))]  # a name, no code
    found = [Argument(f"s{k}a", STATES[a], "GOV", STATES[a])]
    if rng.random() < 0.2:
        found.append(Argument(f"p{k}", STATES[a], "GOV", "Minister Haddad"))
    return found


def archive_document(rng: random.Random, n: int, days: int, states: int) -> tuple[Document, Result]:
    """A made-up document: one to four events among ``states`` states over ``days`` days."""
    day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(days))
    entities, events = [], []
    for k in range(rng.randrange(1, 5)):
        a, b = rng.sample(range(states), 2)
        type_, mode = rng.choice(TYPES)
        entities += [Entity(f"s{k}a", STATES[a], "state", STATES[a], "GOV"),
                     Entity(f"s{k}b", STATES[b], "state", STATES[b], "GOV"),
                     Entity(f"p{k}", "Minister Haddad", "person", STATES[a], "GOV")]
        recipient = [Argument(f"s{k}b", STATES[b], "GOV", STATES[b])] if rng.random() < 0.8 else []
        start = len(SENTENCE) * k
        quantity = {"value": rng.choice([3, 12]), "unit": "prisoners"} if rng.random() < 0.2 else None
        events.append(Event(f"ev{k}", type_, (start, start + 9), (start, start + len(SENTENCE) - 1), mode=mode,
                            status=rng.choice(["occurred", "occurred", "historical", "future"]),
                            actor=_actor(rng, k, a), recipient=recipient, date=_date(rng, day), quantity=quantity))
    published = day.isoformat() if rng.random() < 0.9 else None
    doc_id = f"doc-{n:04d}"
    return (Document(doc_id, SENTENCE * 4 + f"(report {n})", published),
            Result(doc_id, published, entities=entities, events=events))


def every_member_fit(self: Cluster, rep: Report, options: LedgerSettings) -> Fit | None:
    """``Cluster.fit`` asking every member (what the members' index, ``clusters.Members``, must agree
    with): none contradicts the report, and the first member of the strongest evidence names it."""
    if any(incompatibility(rep, m, options) is not None for m in self.members):
        return None
    best: Fit | None = None
    for m in self.members:
        if found := evidence(rep, m, options):
            rank = strength(rep, m, options)
            if best is None or rank > best.rank:
                best = Fit(rank, f"{rep.doc}#{rep.event.id} joined {m.doc}#{m.event.id}: {found}")
    return best or self._lone(rep)


def built(results: list[Result], texts: dict[tuple[str, int, int], str], options: LedgerSettings,
          monkeypatch: pytest.MonkeyPatch, bucket: type) -> str:
    """The ledger of the results with the bucket's clusters; ``AllClusters`` also asks every member of a
    cluster (``every_member_fit``, and every member for ``Cluster.tells``)."""
    with monkeypatch.context() as patch:
        patch.setattr(memory.MemorySpace, "bucket", lambda self: bucket())
        if bucket is AllClusters:
            patch.setattr(Cluster, "fit", every_member_fit)
            patch.setattr(Cluster, "tells", lambda self, rep: any(telling(m, rep) for m in self.members))
        return canonical(build_ledger(results, options, texts))


def _archive(seed: int, documents: int, days: int, states: int) -> tuple[list[Document], list[Result]]:
    rng = random.Random(seed)
    pairs = [archive_document(rng, n, days, states) for n in range(documents)]
    return [d for d, _ in pairs], [r for _, r in pairs]


def test_the_indexed_ledger_is_the_one_made_by_trying_every_cluster(
        databases: object, monkeypatch: pytest.MonkeyPatch) -> None:
    documents, results = _archive(5, 300, 120, 6)
    texts = span_texts_of(documents, results)
    every = built(results, texts, LedgerSettings(), monkeypatch, AllClusters)
    indexed = built(results, texts, LedgerSettings(), monkeypatch, MemoryBucket)
    merged = build_ledger(results, None, texts)
    assert len(merged.events) < sum(len(r.events) for r in results) * 0.9, "the archive should merge"
    assert indexed == every
    tiny_caches(monkeypatch)  # every cluster read back from the tables
    with Store(databases.make("index.db")) as store:  # type: ignore[attr-defined]
        for document, result in zip(documents, results, strict=True):
            store.save(document, result)
        rebuild_ledger(store.conn)
        assert canonical(ledger_of(store)) == every


@settings(max_examples=10, deadline=None)
@given(st.integers(0, 10**6), st.integers(0, 3), st.integers(0, 10), st.booleans(), st.integers(0, 14))
def test_any_archive_and_settings_give_the_same_ledger_indexed(seed: int, slack: int, window: int,
                                                              mode_none: bool, joins: int) -> None:
    documents, results = _archive(seed, random.Random(seed).randrange(2, 60), 40, 4)
    options = LedgerSettings.from_dict({"date_slack_days": slack, "undated_window_days": window,
                                        "mode_none_matches": mode_none, "undated_joins_days": joins})
    texts = span_texts_of(documents, results)
    with pytest.MonkeyPatch.context() as patch:
        assert built(results, texts, options, patch, MemoryBucket) == built(results, texts, options, patch,
                                                                             AllClusters)


def _report(doc: str, actor: str | None, day: str | None, type_: str = "ASSAULT",
            countries: tuple[str, ...] = ()) -> Report:
    args = [Argument(None, actor, "GOV", actor)] if actor else []
    others = [Argument(None, code, "GOV", code) for code in countries]
    event = Event("ev0", type_, (0, 5), (0, 20), status="occurred", actor=args, recipient=others, date=day)
    return reports_of([Result(doc, day, events=[event])], {}, LedgerSettings())[0]


def _seen(bucket: MemoryBucket, rep: Report) -> list[int]:
    return [c.index for c in bucket.candidates(rep, dt.timedelta(days=1))]


def test_a_report_sees_only_the_clusters_of_its_week_and_parties() -> None:
    bucket, options = MemoryBucket(), LedgerSettings()
    for rep in (_report("a", "AZE", "2024-03-04"), _report("b", "ARM", "2024-03-04"),
                _report("c", "AZE", "2024-06-10"), _report("d", None, "2024-03-05")):
        place(bucket, rep, options, dt.timedelta(days=1))
    assert len(bucket.clusters()) == 4
    assert _seen(bucket, _report("e", "AZE", "2024-03-04")) == [0, 3]  # its party, and one naming none
    assert _seen(bucket, _report("f", "RUS", "2024-03-04")) == [3]
    assert _seen(bucket, _report("g", None, "2024-03-04")) == [0, 1, 3]  # naming none: the whole week
    assert _seen(bucket, _report("h", "AZE", None)) == []  # undated: only clusters of its own document
    assert _seen(bucket, _report("a", "AZE", None)) == [0]


def test_a_joint_act_sees_the_clusters_sharing_a_country_on_any_side() -> None:
    bucket, options = MemoryBucket(), LedgerSettings()
    place(bucket, _report("a", "AZE", "2024-03-04", "AGREE", ("ARM",)), options, dt.timedelta(days=1))
    assert report_keys(_report("b", "ARM", "2024-03-04", "AGREE", ("AZE",))) is not None
    assert _seen(bucket, _report("b", "ARM", "2024-03-04", "AGREE", ("AZE",))) == [0]
    assert _seen(bucket, _report("c", "RUS", "2024-03-04", "AGREE", ("UKR",))) == []


def test_a_store_rebuild_seeks_the_index_instead_of_scanning_the_clusters(tmp_path: Path) -> None:
    from peacewatch.store import scratch
    from peacewatch.store.space import StoredBucket

    with Store(tmp_path / "plan.db") as store:
        scratch.create(store.conn)
        bucket = StoredBucket(store.conn)
        place(bucket, _report("a", "AZE", "2024-03-04"), LedgerSettings(), dt.timedelta(days=1))
        report = _report("b", "AZE", "2024-03-05")
        assert [c.index for c in bucket.candidates(report, dt.timedelta(days=1))] == [0]
        for rep in (report, _report("c", None, "2024-03-05"), _report("d", "AZE", None)):
            sql, args = bucket.query(rep, dt.timedelta(days=1))
            steps = " / ".join(row[3] for row in store.conn.execute("EXPLAIN QUERY PLAN " + sql, args))
            assert "SCAN" not in steps, steps
        scratch.drop(store.conn)


def _act(doc: str, type_: str, mode: str | None, day: str | None, published: str,
         actors: tuple[str, ...], recipients: tuple[str, ...] = ()) -> Report:
    """A report whose parties are ledger entities named after their codes (``L-AZE``)."""
    def args(codes: tuple[str, ...], side: str) -> list[Argument]:
        return [Argument(f"{side}{code}", code, "GOV", code) for code in codes]

    event = Event("ev0", type_, (0, 5), (0, 20), mode=mode, status="occurred", actor=args(actors, "a"),
                  recipient=args(recipients, "r"), date=day)
    id_map = {(doc, f"{side}{code}"): f"L-{code}" for side, codes in (("a", actors), ("r", recipients))
              for code in codes}
    return reports_of([Result(doc, published, events=[event])], id_map, LedgerSettings())[0]


@pytest.mark.parametrize("first, second, said", [
    (_act("a", "ASSAULT", None, "2024-03-04", "2024-03-04", ("AZE",)),  # a seizure told as an attack
     _act("b", "COERCE", "seize", "2024-03-04", "2024-03-05", ("AZE",)), "same stated day"),
    (_act("a", "RETREAT", "release", "2024-03-04", "2024-03-04", ("AZE",)),  # "the release", a day later
     _act("b", "RETREAT", "release", None, "2024-03-05", ("AZE",)), "undated release"),
    (_act("a", "AGREE", None, "2024-03-04", "2024-03-04", ("AZE",), ("ARM",)),  # both sides backing the deal
     _act("b", "SUPPORT", None, "2024-03-04", "2024-03-05", ("ARM", "RUS")), "joint act of ARM"),
])
def test_the_merging_engineers_rules_find_their_cluster_through_the_index(first: Report, second: Report,
                                                                           said: str) -> None:
    options, slack = LedgerSettings(), dt.timedelta(days=1)
    assert [c.index for c in _placed(MemoryBucket(), first).candidates(second, slack)] == [0]
    for bucket in (MemoryBucket(), AllClusters()):
        place(_placed(bucket, first), second, options, slack)
        assert len(bucket.clusters()) == 1 and said in bucket.clusters()[0].links[1], bucket.clusters()


def _placed(bucket: MemoryBucket | AllClusters, rep: Report) -> MemoryBucket | AllClusters:
    place(bucket, rep, LedgerSettings(), dt.timedelta(days=1))
    return bucket
