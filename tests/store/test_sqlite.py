import json
import sqlite3

import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from peacewatch.errors import StoreError
from peacewatch.store import export
from peacewatch.store.reads import Reader
from peacewatch.store.sqlite import Store, migrations, schema_version
from peacewatch.types import Commitment, Document, Entity, ErrorInfo, Event, Mention, Quote, Result, Timex


def result_for(doc: Document) -> Result:
    return Result(
        id=doc.id, published=doc.published,
        timexes=[Timex(0, 3, doc.text[:3], "DATE", "2024")],
        mentions=[Mention(0, 3, doc.text[:3], "GPE", "e1")],
        entities=[Entity("e1", doc.text[:3], "state", "KEN", "GOV")],
        events=[Event("ev1", "CONSULT", (0, 3), (0, len(doc.text)))],
        quotes=[Quote((0, 3), speaker="e1")],
        commitments=[Commitment("c1", "ev1", obligor=["e1"])],
    )


def ingest(store: Store, docs: list[Document]) -> None:
    for doc in store.only_new(docs):
        assert isinstance(doc, Document)
        store.save(doc, result_for(doc))


def table_counts(store: Store) -> dict[str, int]:
    return {t: store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("documents", "timexes", "mentions", "entities", "events")}


def test_migrations_are_numbered_and_applied(databases):
    numbers = [n for n, _, _ in migrations()]
    assert numbers == sorted(numbers) and numbers[0] == 1
    with Store(databases.make("a.db")) as store:
        assert schema_version(store.conn) == numbers[-1]
    with Store(store.path) as again:  # opening a current database again migrates nothing
        assert schema_version(again.conn) == numbers[-1]


def test_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    with pytest.raises(StoreError) as err:
        Store(path)
    assert err.value.code == "E041"


def test_not_a_database_is_a_coded_error(tmp_path):
    path = tmp_path / "x.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError) as err:
        Store(path)
    assert err.value.code == "E044"


def test_the_writer_leaves_another_programs_sqlite_file_alone(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError) as err:
        Store(path)
    assert err.value.code == "E044" and path.read_bytes() == before


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(min_size=4, max_size=40), min_size=1, max_size=5))
def test_re_ingesting_changes_nothing(module_databases, texts):
    # PostgreSQL's text cannot hold NUL (docs/scaling.md says so); SQLite's can
    assume(module_databases.backend == "sqlite" or not any("\x00" in t for t in texts))
    docs = [Document(f"d{i}", t) for i, t in enumerate(texts)]
    with Store(module_databases.make("p.db")) as store:
        ingest(store, docs)
        first = table_counts(store)
        with Reader(store.path) as reader:
            dump = list(reader.export_rows("events", per_document=True))
        ingest(store, docs)
        assert table_counts(store) == first
        with Reader(store.path) as reader:
            assert list(reader.export_rows("events", per_document=True)) == dump
        assert first["documents"] == len(set(texts))


def test_an_interrupted_save_leaves_no_half_document(databases):
    with Store(databases.make()) as store:
        doc = Document("a", "Kenya hosted talks.")
        bad = result_for(doc)
        bad.events.append(Event("ev1", "CONSULT", (0, 3), (0, 5)))  # duplicate key: insert fails
        with pytest.raises(StoreError):
            store.save(doc, bad)
        assert table_counts(store) == {"documents": 0, "timexes": 0, "mentions": 0, "entities": 0,
                                       "events": 0}
        store.save(doc, result_for(doc))
        assert table_counts(store)["documents"] == 1


def test_failures_are_recorded_with_their_code(databases):
    with Store(databases.make()) as store:
        store.save(None, Result(id="file.bin", error=ErrorInfo("E006", "binary")))
        store.save(Document("b", "text"), Result(id="b", error=ErrorInfo("E030", "component failed")))
        assert store.conn.execute("SELECT code FROM failures").fetchall()[0][0] == "E006"
        assert store.conn.execute("SELECT error_code FROM documents").fetchone()[0] == "E030"
        assert store.stats.failed == 2


def test_same_id_with_other_text_is_a_new_version_that_replaces_the_old(databases):
    db = databases.make()
    with Store(db) as store:
        ingest(store, [Document("a", "first text"), Document("a", "second text")])
        assert store.stats.replaced == 1
        assert [tuple(r) for r in store.conn.execute("SELECT id, text FROM documents")] == [("a", "second text")]
        assert store.conn.execute("SELECT count(*) FROM events").fetchone()[0] == 1
    with Reader(db) as reader:
        [old] = reader.versions("a")
        assert (old.version, old.text) == (1, "first text") and reader.summary().versions == 1


def test_stored_records_round_trip(databases):
    db = databases.make()
    doc = Document("r", "Kenya and Uganda met.", published="2024-01-02")
    with Store(db) as store:
        store.save(doc, result_for(doc))
    with Reader(db) as reader:
        assert reader.result("r") == result_for(doc)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_every_table_exports_in_every_format(databases, tmp_path, fmt):
    db = databases.make()
    with Store(db) as store:
        ingest(store, [Document("x", "Kenya and Uganda met.", url="https://example.org/x")])
    with Reader(db) as reader:
        for table in export.TABLES:
            path = tmp_path / f"{table}.{fmt}"
            n = export.write_file(reader.export_rows(table, per_document=True), fmt, path)
            if fmt == "parquet":
                assert pq.read_table(path).num_rows == n
            assert n >= (0 if table in ("versions", "agreements") else 1)  # no agreement among the words
        if fmt == "jsonl":
            first = json.loads((tmp_path / "events.jsonl").read_text().splitlines()[0])
            assert first["doc"] == "x" and first["type"] == "CONSULT" and first["trigger_span"] == [0, 3]


def test_unknown_export_table_is_refused(databases):
    db = databases.make()
    Store(db).close()
    with Reader(db) as reader, pytest.raises(StoreError) as err:
        list(reader.export_rows("nope"))
    assert err.value.code == "E042"
