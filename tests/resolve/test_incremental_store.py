"""The incremental ledger in the store (``store.incremental.update_ledger``): ingesting B into the
ledger of A gives, table by table and export by export, the ledger a full rebuild of A and B gives,
whichever path ran; untouched merged events keep their ids; and every change that is not local
falls back to the full rebuild, saying why."""

from __future__ import annotations

import random
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peacewatch.config import load_config
from peacewatch.flow import resolve
from peacewatch.resolve import LedgerSettings
from peacewatch.store.corrections import append, event_mentions
from peacewatch.store.incremental import update_ledger
from peacewatch.store.ledger import LedgerStats, rebuild_ledger
from peacewatch.store.reads import MERGED, Reader
from peacewatch.store.sqlite import Store
from peacewatch.types import Argument, Document, Entity, Event, Result

from ..store.test_rebuild import random_document, tiny_caches

Pair = tuple[Document, Result]
LEDGER_TABLES = ("ledger_entities", "ledger_entity_sources", "ledger_events", "ledger_event_mentions",
                 "ledger_dyads", "ledger_commitments", "ledger_agreements", "ledger_corrections",
                 "ledger_correction_reports", "ledger_reports", "ledger_deciding", "ledger_toward",
                 "ledger_entity_keys", "ledger_links", "ledger_entity_counts", "ledger_promises",
                 "ledger_commitment_reach", "ledger_commitment_due")


def tables(conn: Any) -> dict[str, list[tuple[Any, ...]]]:
    """Every ledger table, rows sorted; of the meta, what it was built with (not when, nor the rows
    the documents were stored in). On PostgreSQL the ``rowid`` column, which numbers rows as
    SQLite's hidden one does, is left out as SQLite's is."""
    found = {t: sorted(_without_rowid(conn.execute(f"SELECT * FROM {t}"))) for t in LEDGER_TABLES}
    meta = "SELECT * FROM ledger_meta WHERE key IN ('as_of', 'settings', 'actions')"
    found["ledger_meta"] = sorted(_without_rowid(conn.execute(meta)))
    return found


def _without_rowid(cursor: Any) -> list[tuple[Any, ...]]:
    names = [d[0] for d in cursor.description]
    return [tuple(v for name, v in zip(names, row, strict=True) if name != "rowid") for row in cursor]


def exported(path: str | Path) -> dict[str, list[dict[str, Any]]]:
    """What ``peacewatch export`` writes of each merged table."""
    with Reader(path) as reader:
        return {t: list(reader.export_rows(t)) for t in MERGED}


@contextmanager
def two_ways(folder: Path, first: list[Pair], then: list[Pair], options: LedgerSettings | None = None,
             where: tuple[str, str] | None = None) -> Iterator[tuple[Store, Store, LedgerStats]]:
    """A store that ingested ``first`` then ``then`` (each followed by ``update_ledger``), and one
    that stored both and rebuilt once, with the second update's stats; ``where`` names the two
    databases (files of ``folder`` by default)."""
    step = Store(where[0] if where else folder / "step.db")
    whole = Store(where[1] if where else folder / "whole.db")
    try:
        for document, result in first:
            step.save(document, result)
        update_ledger(step.conn, options)
        for document, result in then:
            step.save(document, result)
        stats = update_ledger(step.conn, options)
        assert stats is not None
        for document, result in sorted(first + then, key=lambda p: p[0].id):
            whole.save(document, result)
        rebuild_ledger(whole.conn, options)
        yield step, whole, stats
    finally:
        step.close()
        whole.close()


def assert_same(step: Store, whole: Store) -> None:
    assert tables(step.conn) == tables(whole.conn)
    assert exported(step.path) == exported(whole.path)


def test_on_both_backends_ingesting_b_into_the_ledger_of_a_is_the_ledger_of_a_and_b(databases: Any,
                                                                                    tmp_path: Path) -> None:
    """The same update path on SQLite and on PostgreSQL (there in a local scratch file, under the
    write lock): dense random documents, sparse ones and undated ones, each split in two."""
    rng = random.Random(41)
    pairs = [random_document(rng, n) for n in range(24)] + sparse(40, seed=8)
    pairs += [sparse_document(rng, 200 + n, undated=True) for n in range(4)]
    rng.shuffle(pairs)
    cut = len(pairs) - 9
    where = (databases.make("step.db"), databases.make("whole.db"))
    with two_ways(tmp_path, pairs[:cut], pairs[cut:], where=where) as (step, whole, stats):
        assert stats.path == "incremental", stats.why
        assert_same(step, whole)
        assert update_ledger(step.conn) is None  # current, on either backend
        step.save(*sparse_document(rng, 300))
        again = update_ledger(step.conn)
        assert again is not None and again.path == "incremental" and "1 new document(s)" in again.why, again


def test_on_both_backends_what_is_not_local_still_rebuilds_whole(databases: Any, tmp_path: Path) -> None:
    pairs = sparse(20, seed=12)
    with Store(databases.make("f.db")) as store:
        for document, result in pairs[:15]:
            store.save(document, result)
        first = update_ledger(store.conn)
        assert first is not None and (first.path, first.why) == ("full", "no ledger yet")
        for document, result in pairs[15:]:
            store.save(document, result)
        forced = update_ledger(store.conn, force=True)
        assert forced is not None and (forced.path, forced.why) == ("full", "forced")
        other = update_ledger(store.conn, LedgerSettings(horizon_days=30))
        assert other is not None and (other.path, other.why) == ("full", "the [ledger] settings changed")


def split(rng: random.Random, pairs: list[Pair]) -> tuple[list[Pair], list[Pair]]:
    order = list(pairs)
    rng.shuffle(order)
    cut = rng.randrange(1, len(order))
    return order[:cut], order[cut:]


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 10**6), st.integers(0, 3))
def test_ingesting_b_into_the_ledger_of_a_is_the_ledger_of_a_and_b(seed: int, slack: int) -> None:
    rng = random.Random(seed)
    pairs = [random_document(rng, n) for n in range(rng.randrange(2, 30))]
    options = LedgerSettings.from_dict({"date_slack_days": slack})
    first, then = split(rng, pairs)
    with tempfile.TemporaryDirectory() as tmp, two_ways(Path(tmp), first, then, options) as (step, whole, stats):
        assert stats.path in ("incremental", "full") and stats.why
        assert_same(step, whole)


# --- sparse documents: the incremental path, and what it leaves alone ------------------------------------

STATES = [("Azerbaijan", "AZE"), ("Armenia", "ARM"), ("Serbia", "SRB"), ("Kosovo", "XKX")]
TYPES = [("RETREAT", "release"), ("ASSAULT", None), ("AGREE", None), ("CONSULT", None)]


def sparse_document(rng: random.Random, n: int, *, undated: bool = False) -> Pair:
    """A made-up report of one or two events among fixed states over a year (so most events stand
    far apart), sometimes a promise, sometimes no date at all."""
    sentence = "The two governments said they had acted as agreed. "
    entities = [Entity(f"e{i}", name, "state", code, "GOV") for i, (name, code) in enumerate(STATES)]
    events, commitments = [], []
    for k in range(rng.randrange(1, 3)):
        (type_, mode), (a, b) = rng.choice(TYPES), rng.sample(range(len(STATES)), 2)
        status = rng.choice(["occurred", "occurred", "future"])
        date = None if undated else f"2024-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        start = len(sentence) * k
        events.append(Event(f"ev{k}", type_, (start, start + 8), (start, start + len(sentence) - 1), mode=mode,
                            status=status, date=date, actor=[Argument(f"e{a}", STATES[a][0], "GOV", STATES[a][1])],
                            recipient=[Argument(f"e{b}", STATES[b][0], "GOV", STATES[b][1])]))
        if status == "future":
            commitments.append(_promise(k, a, b, type_, mode, date))
    published = None if undated else "2024-12-31"
    doc_id = f"sp-{n:04d}"
    return (Document(doc_id, sentence * 3 + f"(report {n})", published),
            Result(doc_id, published, entities=entities, events=events, commitments=commitments))


def _promise(k: int, a: int, b: int, type_: str, mode: str | None, date: str | None) -> Any:
    from peacewatch.types import Commitment

    return Commitment(f"c{k}", f"ev{k}", [f"e{a}"], [f"e{b}"], {"type": type_, "mode": mode}, made=date)


def sparse(count: int, seed: int = 3) -> list[Pair]:
    rng = random.Random(seed)
    return [sparse_document(rng, n) for n in range(count)]


def event_ids(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT id FROM ledger_events")}


def test_a_few_new_documents_recluster_a_few_units_and_leave_every_other_event_and_its_id(tmp_path: Path) -> None:
    pairs = sparse(120)
    first, then = pairs[:115], pairs[115:]
    with two_ways(tmp_path, first, then) as (step, whole, stats):
        assert stats.path == "incremental", stats.why
        clustered = int(stats.why.split(": ")[1].split(" of ")[0])
        assert 0 < clustered < stats.reports / 2, stats.why
        assert_same(step, whole)
    with Store(tmp_path / "before.db") as before:
        for document, result in first:
            before.save(document, result)
        update_ledger(before.conn)
        old = event_ids(before.conn)
    with Store(tmp_path / "step.db") as after:
        new = event_ids(after.conn)
    assert len(old - new) < len(old) / 4  # the ids of events the new reports could not reach stay
    assert len(old & new) > len(old) / 2


def test_the_order_of_ingest_does_not_change_the_ledger(tmp_path: Path) -> None:
    pairs = sparse(60, seed=5)
    a, b, c = pairs[:20], pairs[20:40], pairs[40:]
    found = []
    for name, order in (("abc", (a, b, c)), ("cab", (c, a, b)), ("bca", (b, c, a))):
        with Store(tmp_path / f"{name}.db") as store:
            for part in order:
                for document, result in part:
                    store.save(document, result)
                update_ledger(store.conn)
            found.append(tables(store.conn))
    assert found[0] == found[1] == found[2]


def test_with_caches_of_one_the_update_is_the_rebuild(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tiny_caches(monkeypatch)
    rng = random.Random(23)
    pairs = [random_document(rng, n) for n in range(25)] + sparse(30, seed=9)
    with two_ways(tmp_path, pairs[::2], pairs[1::2]) as (step, whole, stats):
        assert stats.path in ("incremental", "full")
        assert_same(step, whole)


def test_undated_documents_update_in_place_too(tmp_path: Path) -> None:
    rng = random.Random(4)
    pairs = sparse(40, seed=4) + [sparse_document(rng, 100 + n, undated=True) for n in range(6)]
    with two_ways(tmp_path, pairs[:-3], pairs[-3:]) as (step, whole, stats):
        assert stats.path == "incremental", stats.why
        assert_same(step, whole)


def test_nothing_new_is_nothing_to_do_and_force_rebuilds_whole(tmp_path: Path) -> None:
    with Store(tmp_path / "n.db") as store:
        for document, result in sparse(10):
            store.save(document, result)
        assert update_ledger(store.conn).path == "full"  # type: ignore[union-attr]
        assert update_ledger(store.conn) is None
        forced = update_ledger(store.conn, force=True)
        assert forced is not None and (forced.path, forced.why) == ("full", "forced")


# --- what is not local: the full rebuild, and why --------------------------------------------------------

def fallback(tmp_path: Path, change: Any, first: list[Pair] | None = None, then: list[Pair] | None = None,
             options: LedgerSettings | None = None, compare: bool = True) -> LedgerStats:
    """Build the ledger of ``first``, apply ``change`` to the store, store ``then``, update; check
    the result against a full rebuild (when ``change`` is not itself part of the ledger) and return
    the update's stats."""
    pairs = sparse(30)
    first = pairs[:25] if first is None else first
    then = pairs[25:] if then is None else then
    with Store(tmp_path / "f.db") as store, Store(tmp_path / "w.db") as whole:
        for document, result in first:
            store.save(document, result)
        update_ledger(store.conn)
        change(store)
        for document, result in then:
            store.save(document, result)
        stats = update_ledger(store.conn, options)
        assert stats is not None
        for document, result in _latest(first + then):
            whole.save(document, result)
        rebuild_ledger(whole.conn, options)
        if compare:
            assert tables(store.conn) == tables(whole.conn)
    return stats


def _latest(pairs: list[Pair]) -> list[Pair]:
    """The last version of each document id."""
    return list({p[0].id: p for p in pairs}.values())


def test_other_settings_rebuild_whole(tmp_path: Path) -> None:
    stats = fallback(tmp_path, lambda store: None, options=LedgerSettings(horizon_days=30))
    assert (stats.path, stats.why) == ("full", "the [ledger] settings changed")


def test_other_code_rebuilds_whole(tmp_path: Path) -> None:
    def upgrade(store: Store) -> None:  # what a ledger built by other code looks like: another fingerprint
        store.conn.execute("UPDATE ledger_meta SET value = 'built-by-other-code' WHERE key = 'fingerprint'")
        store.conn.commit()

    stats = fallback(tmp_path, upgrade)
    assert stats.path == "full" and stats.why.startswith("the code that builds the ledger")


def test_corrections_rebuild_whole(tmp_path: Path) -> None:
    def correct(store: Store) -> None:
        event = store.conn.execute("SELECT id FROM ledger_events ORDER BY id LIMIT 1").fetchone()[0]
        append(store.conn, "reject", {"mentions": event_mentions(store.conn, event)}, {}, by="analyst",
               at="2024-12-31T00:00:00+00:00", note="not an event")
        rebuild_ledger(store.conn)  # as the corrections command does

    stats = fallback(tmp_path, correct, compare=False)
    assert (stats.path, stats.why) == ("full", "analysts' corrections are applied across the whole ledger")


def test_a_replaced_document_rebuilds_whole(tmp_path: Path) -> None:
    pairs = sparse(30)
    document, result = pairs[3]
    again = (Document(document.id, document.text + " Updated.", document.published), result)
    stats = fallback(tmp_path, lambda store: None, pairs[:25], pairs[25:] + [again])
    assert (stats.path, stats.why) == ("full", "a stored document was replaced by a new version")


def with_person(pair: Pair, name: str) -> Pair:
    """The pair with a person of that name added to its document, acting in its first event."""
    document, result = pair
    person = Entity("p1", name, "person", "AZE", "GOV")
    event = result.events[0]
    event.actor = [*event.actor, Argument("p1", "AZE", "GOV", name)]
    return document, Result(result.id, result.published, entities=[*result.entities, person],
                            events=result.events, commitments=result.commitments)


def test_a_new_full_name_that_relinks_an_old_surname_remakes_the_events_of_that_document(tmp_path: Path) -> None:
    pairs = sparse(30)
    first = [with_person(pairs[0], "Bayramov"), *pairs[1:25]]
    then = [with_person(pairs[25], "Jeyhun Bayramov"), *pairs[26:]]
    stats = fallback(tmp_path, lambda store: None, first, then)
    assert stats.path == "incremental" and "1 earlier one(s) whose entities moved" in stats.why, stats.why


def test_a_renamed_person_remakes_the_events_of_the_documents_naming_it_and_not_their_units(tmp_path: Path) -> None:
    pairs = sparse(30)
    named = ["Jeyhun Bayramov", "Jeyhun Bayramov", "Jeyhun BAYRAMOV"]  # one key, the first name commonest
    first = [with_person(p, n) for p, n in zip(pairs[:3], named, strict=True)] + pairs[3:25]
    then = [with_person(p, "Jeyhun BAYRAMOV") for p in pairs[25:27]] + pairs[27:]  # now the second is
    stats = fallback(tmp_path, lambda store: None, first, then)
    assert stats.path == "incremental", stats.why
    assert "the events of 3 whose entities were renamed" in stats.why and "moved" not in stats.why, stats.why
    with Store(tmp_path / "f.db") as store:
        (name,) = store.conn.execute("SELECT name FROM ledger_entities WHERE id = 'person:jeyhun-bayramov:AZE'"
                                     ).fetchone()
    assert name == "Jeyhun BAYRAMOV"


def test_an_old_event_reaching_past_its_unit_stops_the_update_and_the_ledger_is_rebuilt(tmp_path: Path) -> None:
    pairs = sparse(25)
    document, result = pairs[0]
    again = (Document("sp-9999", document.text + " Again.", document.published), result)  # the same reports

    def straddle(store: Store) -> None:
        """A ledger no rule of today makes: a report far from the new one's unit in its event."""
        home, day = store.conn.execute(
            "SELECT m.ledger_event, e.day FROM ledger_event_mentions m JOIN ledger_events e ON e.id = m.ledger_event"
            " WHERE m.doc_id = ? AND m.event = 'ev0'", (document.id,)).fetchone()
        far = store.conn.execute(
            "SELECT m.doc_id, m.event FROM ledger_event_mentions m JOIN ledger_events e ON e.id = m.ledger_event"
            " WHERE e.day <> '9999-12-31' ORDER BY abs(julianday(e.day) - julianday(?)) DESC LIMIT 1",
            (day,)).fetchone()
        store.conn.execute("UPDATE ledger_event_mentions SET ledger_event = ? WHERE doc_id = ? AND event = ?",
                           (home, *far))
        store.conn.commit()

    stats = fallback(tmp_path, straddle, pairs, [again])
    assert stats.path == "full" and "reaches past" in stats.why, stats.why


def test_resolve_says_which_path_ran(tmp_path: Path) -> None:
    config = load_config(db=str(tmp_path / "r.db"))
    pairs = sparse(40)
    with Store(tmp_path / "r.db") as store:
        for document, result in pairs[:35]:
            store.save(document, result)
        assert (built := resolve(store, config)) is not None and built.why == "no ledger yet"
        for document, result in pairs[35:]:
            store.save(document, result)
        built = resolve(store, config)
        assert built is not None and built.path == "incremental" and "5 new document(s)" in built.why
        assert resolve(store, config) is None
