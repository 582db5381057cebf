"""The ledger tables (migration 0002) and the functions the CLI calls, over a real SQLite store."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from peacewatch.resolve import LedgerSettings, build_ledger, span_texts_of
from peacewatch.store.ledger import generate_events, rebuild_ledger, stored_results
from peacewatch.store.reads import merged_event
from peacewatch.store.sqlite import Store
from peacewatch.types import Argument, Document, Event, Result

from ..store.reading import ledger_of, reader_of
from .helpers import canonical, golden_documents, golden_results


def fill(path: Path, order: list[int] | None = None) -> Store:
    store = Store(path)
    docs, results = golden_documents(), golden_results()
    for i in order or range(len(docs)):
        store.save(docs[i], results[i])
    return store


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    s = fill(tmp_path / "ledger.db")
    rebuild_ledger(s.conn)
    yield s
    s.close()


def test_stored_results_round_trip(store: Store) -> None:
    assert sorted(json.dumps(r.to_dict(), sort_keys=True) for r in stored_results(store.conn)) == sorted(
        json.dumps(r.to_dict(), sort_keys=True) for r in golden_results()
    )


def test_the_stored_ledger_is_the_pure_one(store: Store) -> None:
    stored = ledger_of(store)
    texts = span_texts_of(golden_documents(), golden_results())
    assert canonical(stored) == canonical(build_ledger(golden_results(), None, texts))


def test_insertion_order_does_not_matter(tmp_path: Path, store: Store) -> None:
    other = fill(tmp_path / "other.db", order=[5, 3, 1, 4, 0, 2])
    rebuild_ledger(other.conn)
    assert canonical(ledger_of(other)) == canonical(ledger_of(store))
    other.close()


def test_rebuild_is_idempotent_and_reversible(store: Store) -> None:
    before = canonical(ledger_of(store))
    stats = rebuild_ledger(store.conn, {"undated_window_days": 0, "date_slack_days": 0})
    assert stats is not None and stats.events == len(ledger_of(store).events)
    assert canonical(ledger_of(store)) != before
    rebuild_ledger(store.conn, LedgerSettings())
    rebuild_ledger(store.conn)
    assert canonical(ledger_of(store)) == before


def test_dyad_queries(store: Store) -> None:
    with reader_of(store) as r:
        events = r.events_for_dyad("ARM", "AZE")
        assert events == r.events_for_dyad("AZE", "ARM")
        assert [e.id for e in events] == [e.id for e in r.timeline("AZE", "ARM").events]
        assert {e.type for e in r.events_for_dyad("AZE", "ARM", type="ASSAULT")} == {"ASSAULT"}
        december = r.events_for_dyad("AZE", "ARM", since="2023-12-10", until="2023-12-31")
    assert {e.date for e in december} == {"2023-12-13"}


def test_commitments_by_status(store: Store) -> None:
    with reader_of(store) as r:
        assert sorted(c.status for c in r.commitments()) == ["broken", "fulfilled", "open", "overdue"]
        [broken] = r.commitments("broken")
    assert broken.broken_by and broken.action["mode"] == "ceasefire"


def test_export_rows_are_merged_records(store: Store) -> None:
    with reader_of(store) as r:
        rows = list(r.export_rows("events"))
        assert rows and all("mentions" in r and "first_reported" in r for r in rows)
        assert {r["id"] for r in r.export_rows("entities")} >= {"state:AZE", "state:ARM"}


def test_a_dyad_query_is_one_range_search_of_the_dyad_index(tmp_path: Path) -> None:
    """Behaviour, not timing: the dyad timeline reads the primary key's range of the pair (no table
    scan, whatever the ledger's size) and returns exactly the events naming both parties, in day order."""
    with Store(tmp_path / "bench.db") as s:
        generate_events(s.conn, 3_000, parties=20)
        with reader_of(s) as r:
            statements: list[str] = []
            r.conn.set_trace_callback(statements.append)
            found = r.events_for_dyad("QAA", "QAB")
            r.conn.set_trace_callback(None)
            every = [merged_event(json.loads(row[0])) for row in r.conn.execute("SELECT record FROM ledger_events")]
            query = next(q for q in statements if "ledger_dyads" in q)
            plan = [str(row[3]) for row in r.conn.execute(f"EXPLAIN QUERY PLAN {query}")]

    def codes(args: list[Argument]) -> set[str | None]:
        return {a.code for a in args}

    wanted = {e.id for e in every if {"QAA", "QAB"} <= codes(e.actor) | codes(e.recipient)}
    assert found and {e.id for e in found} == wanted
    assert [e.date for e in found] == sorted(e.date for e in found)
    assert any(p.startswith("SEARCH d USING PRIMARY KEY (a=? AND b=?") for p in plan), plan
    assert not any(p.startswith("SCAN") for p in plan), plan


def test_an_unchanged_database_is_not_rebuilt(tmp_path: Path) -> None:
    docs, results = golden_documents(), golden_results()
    with Store(tmp_path / "skip.db") as s:
        for doc, result in zip(docs[:3], results[:3], strict=True):
            s.save(doc, result)
        assert rebuild_ledger(s.conn) is not None
        assert rebuild_ledger(s.conn) is None
        assert rebuild_ledger(s.conn, force=True) is not None
        assert rebuild_ledger(s.conn, {"horizon_days": 30}) is not None
        s.save(docs[3], results[3])
        stats = rebuild_ledger(s.conn, {"horizon_days": 30})
        assert stats is not None and stats.documents == 4


def test_the_fast_decoder_equals_from_dict() -> None:
    from peacewatch.resolve.records import MergedEvent

    for event in build_ledger(golden_results()).events:
        data = json.loads(json.dumps(event.to_dict()))
        assert merged_event(data) == MergedEvent.from_dict(data) == event


def test_the_rebuild_sees_a_sentence_repeated_in_a_stored_document(tmp_path: Path) -> None:
    sentence = "Troops left the northern valley on Monday."
    doc = Document(id="cap", text=f"{sentence} Caption: {sentence}", published="2024-04-02")
    first, second = (0, len(sentence)), (len(sentence) + 10, 2 * len(sentence) + 10)
    assert doc.text[second[0]:second[1]] == sentence
    result = Result("cap", "2024-04-02", events=[
        Event("ev1", "RETREAT", (0, 6), first, mode="withdraw", actor=[Argument(None, "NRD", "MIL", "Troops")]),
        Event("ev2", "RETREAT", (second[0], second[0] + 6), second, mode="withdraw"),
    ])
    s = Store(tmp_path / "cap.db")
    s.save(doc, result)
    rebuild_ledger(s.conn)
    [event] = ledger_of(s).events
    assert len(event.mentions) == 2 and "repeated wording" in event.why
    s.close()


def test_a_rebuild_in_small_batches_is_the_whole_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading two documents at a time, with a failed document among them, changes nothing: same
    merges, same entity mentions (joined by SQL), same commitments, same raw rows."""
    import peacewatch.store.ledger as stored

    whole = fill(tmp_path / "whole.db")
    rebuild_ledger(whole.conn)
    monkeypatch.setattr(stored, "_BATCH", 2)
    batched = fill(tmp_path / "batched.db", order=[4, 2, 0, 5, 1, 3])
    failed = Result.from_dict({"id": "aaa-failed", "error": {"code": "E001", "message": "unreadable"}})
    batched.save(Document(id="aaa-failed", text="Nothing could be read here."), failed)
    status = batched.conn.execute("SELECT error_code FROM documents WHERE id = 'aaa-failed'").fetchone()
    assert tuple(status) == ("E001",)
    rebuild_ledger(batched.conn)
    texts = span_texts_of(golden_documents(), golden_results())
    assert canonical(ledger_of(batched)) == canonical(build_ledger(golden_results(), None, texts))
    assert any(e.mentions for e in ledger_of(batched).entities)
    for table in ("ledger_entities", "ledger_events", "ledger_commitments", "ledger_dyads",
                  "ledger_entity_sources", "ledger_event_mentions"):
        rows = f"SELECT * FROM {table} ORDER BY 1, 2"
        assert batched.conn.execute(rows).fetchall() == whole.conn.execute(rows).fetchall()
    whole.close()
    batched.close()


def test_the_rebuild_is_the_pure_build_under_other_settings(store: Store) -> None:
    """``rebuild_ledger`` writes the ledger ``build_ledger`` computes over the stored results, with
    default and with other settings (events, commitments and their order)."""
    texts = span_texts_of(golden_documents(), golden_results())
    for settings in (LedgerSettings(), LedgerSettings.from_dict({"date_slack_days": 0, "horizon_days": 30})):
        rebuild_ledger(store.conn, settings, force=True)
        built, pure = ledger_of(store), build_ledger(stored_results(store.conn), settings, texts)
        assert built.as_of == pure.as_of and built.commitments
        assert [e.to_dict() for e in built.events] == [e.to_dict() for e in pure.events]
        assert [c.to_dict() for c in built.commitments] == [c.to_dict() for c in pure.commitments]
