"""The read layer: a Reader opens read-only, says what a file is without writing to it, and answers
every query the commands and the web API make, from several threads at once."""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from peacewatch.errors import StoreError
from peacewatch.store.dialect import DatabaseErrors
from peacewatch.store.event_query import EventQuery
from peacewatch.store.ledger import rebuild_ledger
from peacewatch.store.reads import Reader
from peacewatch.store.sqlite import Store

from ..resolve.helpers import golden_documents, golden_results


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("reads") / "golden.db"
    with Store(path) as store:
        for doc, result in zip(golden_documents(), golden_results(), strict=True):
            store.save(doc, result)
        rebuild_ledger(store.conn)
    return path


@pytest.fixture(scope="module")
def any_db(module_databases) -> str:  # type: ignore[no-untyped-def]
    """The golden database on each backend."""
    path = module_databases.make("golden.db")
    with Store(path) as store:
        for doc, result in zip(golden_documents(), golden_results(), strict=True):
            store.save(doc, result)
        rebuild_ledger(store.conn)
    return path


@pytest.fixture()
def reader(any_db: str) -> Iterator[Reader]:
    with Reader(any_db) as r:
        yield r


def foreign_db(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.execute("INSERT INTO invoices VALUES (1, 9.5)")
    conn.commit()
    conn.close()
    return path


def test_a_missing_database_is_a_coded_error_and_no_file_is_made(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as err:
        Reader(tmp_path / "typo.db")
    assert err.value.code == "E043" and "no peacewatch database at" in err.value.message
    assert list(tmp_path.iterdir()) == []


def test_a_foreign_sqlite_file_is_named_and_left_byte_identical(tmp_path: Path) -> None:
    path = foreign_db(tmp_path / "other.db")
    before = path.read_bytes()
    with pytest.raises(StoreError) as err:
        Reader(path)
    assert err.value.code == "E044" and "is not a peacewatch database" in err.value.message
    assert path.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]


def test_a_file_that_is_not_sqlite_is_not_a_peacewatch_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"plain words, not a database " * 50)
    with pytest.raises(StoreError) as err:
        Reader(path)
    assert err.value.code == "E044" and path.read_bytes() == b"plain words, not a database " * 50


def test_an_older_schema_is_not_migrated_by_a_reader(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE documents (id TEXT PRIMARY KEY)")
    conn.execute("PRAGMA user_version = 2")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError) as err:
        Reader(path)
    assert err.value.code == "E045" and "peacewatch migrate" in err.value.message
    assert path.read_bytes() == before


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE documents (id TEXT PRIMARY KEY)")
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    with pytest.raises(StoreError) as err:
        Reader(path)
    assert err.value.code == "E041"


def test_the_reader_connection_cannot_write(reader: Reader) -> None:
    """Root ignores file permissions, so the read-only open itself is what is tested here."""
    with pytest.raises(DatabaseErrors, match="readonly|read-only"):
        reader.conn.execute("DELETE FROM documents")
    with pytest.raises(DatabaseErrors, match="readonly|read-only"):
        reader.conn.execute("CREATE TABLE scribble (x INTEGER)")


def test_reading_works_on_a_read_only_file_in_a_read_only_folder(db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "media"
    folder.mkdir()
    copy = folder / "golden.db"
    copy.write_bytes(db.read_bytes())
    copy.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    folder.chmod(0o555)
    try:
        with Reader(copy) as r:
            assert r.summary().documents == len(golden_documents())
        assert copy.read_bytes() == db.read_bytes()
    finally:
        folder.chmod(0o755)


def test_immutable_fallback_reads_when_the_wal_index_cannot_be_made(db: Path, monkeypatch: pytest.MonkeyPatch
                                                                   ) -> None:
    import peacewatch.store.readonly as readonly

    real = readonly.open_uri
    seen: list[str] = []

    def refuse_wal(uri: str, path: str | Path) -> sqlite3.Connection:
        seen.append(uri)
        if "immutable" not in uri:
            raise_later = real(":memory:", path)
            raise_later.execute("PRAGMA query_only = ON")
            return _Unopenable(raise_later, "unable to open database file")  # type: ignore[return-value]
        return real(uri, path)

    monkeypatch.setattr(readonly, "open_uri", refuse_wal)
    with Reader(db) as r:
        assert r.summary().documents == len(golden_documents())
    assert "immutable=1" in seen[-1] and "mode=ro" in seen[-1]


def test_a_locked_database_is_not_read_as_immutable(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """immutable=1 is for media nobody writes to: a lock (a writer recovering the file) is an error."""
    import peacewatch.store.readonly as readonly

    real = readonly.open_uri
    seen: list[str] = []

    def locked(uri: str, path: str | Path) -> sqlite3.Connection:
        seen.append(uri)
        return _Unopenable(real(":memory:", path), "database is locked")  # type: ignore[return-value]

    monkeypatch.setattr(readonly, "open_uri", locked)
    with pytest.raises(StoreError) as err:
        Reader(db)
    assert err.value.code == "E040" and "locked" in err.value.message
    assert not any("immutable" in uri for uri in seen)


class _Unopenable:
    """A connection whose first query fails with ``message`` (as SQLite's would)."""

    def __init__(self, conn: sqlite3.Connection, message: str) -> None:
        self._conn, self._message = conn, message

    def execute(self, *args: object) -> object:
        raise sqlite3.OperationalError(self._message)

    def close(self) -> None:
        self._conn.close()


def test_event_filters_agree_with_each_other(reader: Reader) -> None:
    everything = reader.events()
    assert everything.total == len(everything.items) == len(reader.load_ledger().events) > 0
    dyad = reader.events(dyad=("AZE", "ARM"))
    assert [e.id for e in dyad.items] == [e.id for e in reader.events_for_dyad("ARM", "AZE")]
    assaults = reader.events(type="assault").items
    assert assaults and {e.type for e in assaults} == {"ASSAULT"}
    page = reader.events(EventQuery(limit=2, offset=1))
    assert page.total == everything.total and [e.id for e in page.items] == [e.id for e in everything.items[1:3]]
    newest_first = reader.events(sort="-day").items
    assert [e.id for e in newest_first][0] == everything.items[-1].id or newest_first[0].id != everything.items[0].id
    aze = reader.events(actor="AZE").items
    assert aze and all(any(a.code == "AZE" for a in e.actor + e.recipient) for e in aze)
    doc = everything.items[0].mentions[0].doc
    assert all(any(m.doc == doc for m in e.mentions) for e in reader.events(document=doc).items)


def test_full_text_search_finds_an_evidence_sentence(reader: Reader) -> None:
    first = reader.events().items[0]
    detail = reader.event(first.id)
    assert detail is not None and detail.event == first
    word = max(detail.evidence[0].sentence.split(), key=len).strip(".,;:'\"")
    found = reader.events(q=word.upper()).items
    assert first.id in {e.id for e in found}
    assert reader.events(q="zzqx-no-such-words").total == 0


def test_one_event_carries_the_sentence_of_each_report(reader: Reader) -> None:
    texts = {d.id: d.text for d in golden_documents()}
    for event in reader.events().items[:5]:
        detail = reader.event(event.id)
        assert detail is not None and len(detail.evidence) == len(event.mentions)
        for ev, m in zip(detail.evidence, event.mentions, strict=True):
            assert ev.sentence == texts[m.doc][m.span[0]:m.span[1]] and ev.trigger in ev.sentence
    assert reader.event("no-such-event") is None


def test_commitments_by_status_and_obligor(reader: Reader) -> None:
    every = reader.commitments()
    assert every and reader.commitments("broken") == [c for c in every if c.status == "broken"]
    obligor = every[0].obligor[0]
    assert every[0] in reader.commitments(obligor=obligor)
    assert reader.commitments(obligor="nobody:at-all") == []


def test_documents_entities_quotes_and_results(reader: Reader) -> None:
    docs = reader.documents(limit=2)
    assert docs.total == len(golden_documents()) and len(docs.items) == 2
    found = reader.document(docs.items[0].id)
    assert found is not None
    document, result = found
    golden = {r.id: r for r in golden_results()}
    assert result == golden[document.id]
    assert reader.document("missing") is None
    states = reader.entities(kind="state")
    assert states.total >= 2 and all(e.kind == "state" for e in states.items)
    aze = reader.entities(code="aze").items
    assert "state:AZE" in {e.id for e in aze} and {e.code for e in aze} == {"AZE"}
    quotes = reader.quotes()
    for q in quotes.items:
        assert q.content == {d.id: d.text for d in golden_documents()}[q.doc][slice(*q.quote.content_span)]
    assert reader.versions() == [] and reader.summary().versions == 0


def test_an_unknown_sort_is_a_coded_error(reader: Reader) -> None:
    with pytest.raises(StoreError) as err:
        reader.events(sort="sideways")
    assert err.value.code == "E047"


def test_threads_share_a_reader_each_with_its_own_connection(reader: Reader) -> None:
    expected = ([e.id for e in reader.events().items], reader.summary(), reader.timeline("AZE", "ARM").to_dict())
    answers: list[object] = []
    connections: set[int] = set()
    lock = threading.Lock()

    def work() -> None:
        for _ in range(5):
            got = ([e.id for e in reader.events().items], reader.summary(), reader.timeline("AZE", "ARM").to_dict())
            with lock:
                answers.append(got)
                connections.add(id(reader.conn))

    threads = [threading.Thread(target=work) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(answers) == 30 and all(a == expected for a in answers)
    assert len(connections) == 6 and id(reader.conn) not in connections


def test_readers_do_not_block_a_writer(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "busy.db"
    path.write_bytes(db.read_bytes())
    with Reader(path) as r:
        cursor = r.conn.execute("SELECT id FROM documents")
        cursor.fetchone()  # a read transaction stays open
        with Store(path) as w:
            w.conn.execute("DELETE FROM failures")
            w.conn.execute("INSERT INTO failures VALUES ('x', 'E006', 'binary', 'now')")
        assert cursor.fetchone() is not None  # the reader's snapshot went on meanwhile
        cursor.close()
        assert r.summary().failed_inputs == 1
    assert os.path.exists(path)


def test_the_inferred_day_of_an_undated_document_reads_back(tmp_path: Path) -> None:
    import dataclasses

    from peacewatch.types import Dated

    document, result = golden_documents()[0], golden_results()[0]
    document = dataclasses.replace(document, published=None)
    dated = Dated(day="2020-11-09", how="latest date in text", span=None, text="9 November 2020")
    result = dataclasses.replace(result, published=None, dated=dated)
    with Store(tmp_path / "dated.db") as store:
        store.save(document, result)
    with Reader(tmp_path / "dated.db") as reader:
        assert reader.result(document.id).dated == dated


def test_a_dyads_commitments_are_chosen_by_the_database_as_by_their_events(reader: Reader) -> None:
    """The dyad's commitments are those whose promise, fulfilment or breach is one of the dyad's
    events: the query picks the same ones, in the same order, as reading every commitment would."""
    every = reader.commitments()
    assert every, "the golden ledger has commitments"
    for a, b in (("AZE", "ARM"), ("ARM", "AZE"), ("AZE", "RUS"), ("XXX", "YYY")):
        view = reader.timeline(a, b)
        ids = {e.id for e in view.events}
        expected = [c.id for c in every if c.event in ids or set(c.fulfilled_by) & ids or set(c.broken_by) & ids]
        assert [c.id for c in reader.dyad_commitments(view)] == expected
    assert reader.dyad_commitments(reader.timeline("AZE", "ARM")), "the golden dyad has commitments"
