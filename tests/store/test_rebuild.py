"""One resolve stage, two spaces: driven over the store's temporary tables (``store.space.SqliteSpace``,
``rebuild_ledger``) it writes exactly the ledger it computes in memory (``resolve.memory``,
``build_ledger``), also when the caches hold one item and everything is read back from the tables,
on dense random ledgers (many reports of few dyads in few weeks). And the ledger is rebuilt when it
is out of date, which a reader can tell without writing (``ledger_state``)."""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import peacewatch.resolve.stage as stage
import peacewatch.store.ledger as stored
import peacewatch.store.scratch as scratch
from peacewatch.config import load_config
from peacewatch.flow import ingest
from peacewatch.ingest.sources import Source
from peacewatch.resolve import LedgerSettings, build_ledger, span_texts_of
from peacewatch.resolve.commitments import deciding_types
from peacewatch.store.dialect import dialect_of
from peacewatch.store.ledger import ledger_state, rebuild_ledger
from peacewatch.store.sqlite import Store
from peacewatch.types import Argument, Commitment, Document, Entity, Event, Result

from ..resolve.helpers import canonical, golden_documents, golden_results
from .reading import ledger_of

STATES = ["AZE", "ARM", "RUS", "UKR", "SRB"]
TYPES = [("RETREAT", "release"), ("RETREAT", "ceasefire"), ("ASSAULT", None), ("AGREE", None),
         ("SUPPORT", None), ("CONSULT", None)]
DATES = [None, "2024-03-04", "2024-03-05", "2024-03-06", "2024-03", "2024-W10", "2024", "2024-03-11"]


def random_document(rng: random.Random, n: int) -> tuple[Document, Result]:
    """A made-up document: a few events among few states in a few days, some promised, some with
    counts, person names that link across documents, a commitment now and then."""
    sentence = "Officials said both sides acted on the matter again. "
    text = sentence * 6 + f"(report {n})"
    entities = [Entity(f"e{i}", name, "state", code, "GOV") for i, (name, code) in
                enumerate([("Azerbaijan", "AZE"), ("Armenia", "ARM"), ("Russia", "RUS"), ("Ukraine", "UKR"),
                           ("Serbia", "SRB")])]
    entities += [Entity("p1", rng.choice(["Jeyhun Bayramov", "Bayramov"]), "person", rng.choice(["AZE", None]),
                        "GOV"), Entity("o1", "Red Cross", rng.choice(["organization", "igo"]), None)]
    events, commitments = [], []
    for k in range(rng.randrange(1, 6)):
        type_, mode = rng.choice(TYPES)
        a, b = rng.sample(range(5), 2)
        actor = [Argument(f"e{a}", STATES[a], "GOV", STATES[a])] if rng.random() > 0.1 else []
        if rng.random() < 0.2:
            actor.append(Argument("p1", None, None, "Bayramov"))
        recipient = [Argument(f"e{b}", STATES[b], "GOV", STATES[b])] if rng.random() > 0.2 else []
        start = len(sentence) * k
        status = rng.choice(["occurred", "occurred", "future", "historical"])
        quantity = {"value": rng.choice([2, 32]), "unit": "prisoners"} if rng.random() < 0.3 else None
        events.append(Event(f"ev{k}", type_, (start, start + 9), (start, start + len(sentence) - 1), mode=mode,
                            status=status, actor=actor, recipient=recipient, date=rng.choice(DATES),
                            quantity=quantity))
        if status == "future" and rng.random() < 0.7:
            commitments.append(Commitment(f"c{k}", f"ev{k}", [f"e{a}"] if actor else [],
                                          [f"e{b}"] if recipient else [], {"type": type_, "mode": mode},
                                          made=rng.choice([None, "2024-03-01", "2024-02"]),
                                          due=rng.choice([None, "2024-03-20"])))
    published = f"2024-03-{rng.randrange(4, 14):02d}" if rng.random() > 0.1 else None
    doc_id = f"doc-{n:03d}"
    return (Document(doc_id, text, published),
            Result(doc_id, published, entities=entities, events=events, commitments=commitments))


def filled(path: Path | str, pairs: list[tuple[Document, Result]]) -> Store:
    store = Store(path)
    for document, result in pairs:
        store.save(document, result)
    return store


def without_rowid(rows: Any) -> list[tuple[Any, ...]]:
    """Rows without PostgreSQL's ``rowid`` column (SQLite's is hidden from ``SELECT *``)."""
    return [tuple(v for k, v in zip(r.keys(), r, strict=True) if k != "rowid") for r in rows]


def temporary_tables(conn: Any) -> int:
    if dialect_of(conn) == "postgresql":
        return int(conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname LIKE 'pg_temp%'").fetchone()[0])
    return int(conn.execute("SELECT count(*) FROM sqlite_temp_master").fetchone()[0])


def tiny_caches(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("CACHE", "CLUSTERS", "DECIDING", "WRITE"):
        monkeypatch.setattr(scratch, name, 1)
    monkeypatch.setattr(stage, "EVENTS", 1)


def test_with_caches_of_one_the_rebuild_is_the_pure_build(databases: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(11)
    pairs = [random_document(rng, n) for n in range(120)]
    whole = filled(databases.make("whole.db"), pairs)
    rebuild_ledger(whole.conn)
    tiny_caches(monkeypatch)
    small = filled(databases.make("small.db"), pairs[::-1])
    rebuild_ledger(small.conn)
    results, documents = [r for _, r in pairs], [d for d, _ in pairs]
    pure = build_ledger(results, None, span_texts_of(documents, results))
    built = ledger_of(small)
    assert len(built.events) < sum(len(r.events) for r in results), "the random ledger should merge something"
    assert {c.status for c in built.commitments} >= {"open", "fulfilled"}
    assert canonical(built) == canonical(pure)
    for table in ("ledger_entities", "ledger_events", "ledger_commitments", "ledger_dyads",
                  "ledger_entity_sources", "ledger_event_mentions"):
        rows = f"SELECT * FROM {table} ORDER BY 1, 2"
        assert without_rowid(small.conn.execute(rows)) == without_rowid(whole.conn.execute(rows))
    assert temporary_tables(small.conn) == 0
    whole.close()
    small.close()


@settings(max_examples=12, deadline=None)
@given(st.integers(0, 10**6), st.integers(0, 3), st.integers(0, 10), st.booleans())
def test_any_dense_ledger_and_settings(seed: int, slack: int, window: int, mode_none: bool) -> None:
    import tempfile

    rng = random.Random(seed)
    pairs = [random_document(rng, n) for n in range(rng.randrange(1, 40))]
    options = LedgerSettings.from_dict({"date_slack_days": slack, "undated_window_days": window,
                                        "mode_none_matches": mode_none})
    with tempfile.TemporaryDirectory() as tmp:
        store = filled(Path(tmp) / "l.db", pairs)
        rebuild_ledger(store.conn, options)
        results, documents = [r for _, r in pairs], [d for d, _ in pairs]
        assert canonical(ledger_of(store)) == canonical(
            build_ledger(results, options, span_texts_of(documents, results)))
        store.close()


def test_the_golden_scenario_with_caches_of_one(databases: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    tiny_caches(monkeypatch)
    store = filled(databases.make("g.db"), list(zip(golden_documents(), golden_results(), strict=True)))
    rebuild_ledger(store.conn)
    texts = span_texts_of(golden_documents(), golden_results())
    assert canonical(ledger_of(store)) == canonical(build_ledger(golden_results(), None, texts))
    store.close()


def test_the_event_types_that_can_decide_a_promise() -> None:
    assert deciding_types({"type": "RETREAT", "mode": "ceasefire"}) == {"RETREAT", "ASSAULT", "COERCE", "SANCTION"}
    # an agreement is kept by a signing or, to meet, a meeting; withdrawing from it (SANCTION) breaks it, and
    # neither a retreat of some kind nor a rejection of something says anything of it (docs/ledger.md, sixth round)
    assert deciding_types({"type": "AGREE", "mode": "meet"}) == {"CONSULT", "SUPPORT", "SANCTION"}
    assert "CONSULT" not in (deciding_types({"type": "AGREE", "mode": None}) or set())
    assert deciding_types({}) == frozenset()


def test_a_database_lookup_answers_but_cannot_be_listed() -> None:
    lookup: scratch.Lookup[str, int] = scratch.Lookup(lambda key: len(key) or None)
    assert lookup.get("abc") == 3 and lookup["ab"] == 2 and lookup.get("", -1) == -1
    with pytest.raises(KeyError):
        lookup[""]
    with pytest.raises(TypeError):
        list(lookup)


def test_a_reader_tells_a_missing_a_stale_and_a_fresh_ledger_apart(databases: Any) -> None:
    docs, results = golden_documents(), golden_results()
    store = Store(databases.make("state.db"))
    assert ledger_state(store.conn) == "fresh"  # nothing stored, nothing to build
    store.save(docs[0], results[0])
    assert ledger_state(store.conn) == "missing"  # a first ingest killed before its rebuild
    rebuild_ledger(store.conn)
    assert ledger_state(store.conn) == "fresh"
    assert ledger_state(store.conn, LedgerSettings(horizon_days=30)) == "stale"  # other settings
    store.save(docs[1], results[1])
    assert ledger_state(store.conn) == "stale"  # a later ingest killed before its rebuild
    store.close()


def test_ledger_state_only_reads(tmp_path: Path) -> None:
    docs, results = golden_documents(), golden_results()
    with Store(tmp_path / "ro.db") as store:
        store.save(docs[0], results[0])
        rebuild_ledger(store.conn)
        store.save(docs[1], results[1])
    reader = sqlite3.connect(f"file:{tmp_path / 'ro.db'}?mode=ro", uri=True)
    assert ledger_state(reader) == "stale"
    reader.close()


def test_an_ingest_that_stores_nothing_new_rebuilds_a_ledger_left_stale(databases: Any, tmp_path: Path) -> None:
    """Robustness item 9: after a killed ingest the documents were there and the ledger was not, and
    an ingest of the same files (all already stored) left it so."""
    docs, results = golden_documents(), golden_results()
    db = databases.make("killed.db")
    with Store(db) as killed:
        for document, result in zip(docs, results, strict=True):
            killed.save(document, result)  # stored, then killed before the rebuild
    store = Store(db)
    assert ledger_state(store.conn) == "missing"
    source = tmp_path / "same.jsonl"
    source.write_text("".join(json.dumps({"id": d.id, "text": d.text, "published": d.published}) + "\n"
                              for d in docs), "utf-8")
    stats = ingest([Source(str(source), "jsonl")], store, load_config())
    assert stats.stored == 0 and stats.duplicates == len(docs)
    assert ledger_state(store.conn) == "fresh"
    assert canonical(ledger_of(store)) == canonical(build_ledger(results, None, span_texts_of(docs, results)))
    store.close()


def test_the_fingerprint_covers_every_store_module_that_writes_the_ledger() -> None:
    folder = Path(stored.__file__).parent
    writers = sorted(p.name for p in folder.glob("*.py") if "INTO ledger_" in p.read_text("utf-8"))
    covered = {name for where, name in stored._SHAPERS if where == "store"}
    assert writers and set(writers) <= covered
