"""A corrected article (same id, new text) replaces the stored one: its records and its part of the
ledger are replaced, not added to; the text it replaced is kept as a version. The same text again,
or the older text sent after the newer one, changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from peacewatch.cli import main
from peacewatch.store.ledger import rebuild_ledger
from peacewatch.store.reads import Reader
from peacewatch.store.sqlite import Store
from peacewatch.types import Document

from ..resolve.helpers import golden_documents, golden_results
from .support import dump


def corrected(doc: Document) -> Document:
    """The same article with a correction appended (the event spans still slice the same words)."""
    return Document(doc.id, doc.text + "\n\nCorrection: an earlier version misspelt a name.", doc.published,
                    doc.url, doc.title, doc.extra)


def stored(path: Path, pairs: list[tuple[Document, object]]) -> Store:
    store = Store(path)
    for doc in store.only_new([d for d, _ in pairs]):
        assert isinstance(doc, Document)
        store.save(doc, dict((d.id, r) for d, r in pairs)[doc.id])  # type: ignore[arg-type]
    rebuild_ledger(store.conn)
    return store


def test_a_corrected_document_replaces_the_old_and_counts_once(tmp_path: Path) -> None:
    docs, results = golden_documents(), golden_results()
    pairs = list(zip(docs, results, strict=True))
    stored(tmp_path / "a.db", pairs).close()
    with Reader(tmp_path / "a.db") as reader:
        before = reader.summary()
        events_before = [e.to_dict() for e in reader.events().items]
    store = stored(tmp_path / "a.db", [(corrected(docs[0]), results[0])])
    assert (store.stats.stored, store.stats.replaced) == (1, 1)
    store.close()
    with Reader(tmp_path / "a.db") as reader:
        after = reader.summary()
        assert (after.documents, after.event_reports, after.merged_events) == (
            before.documents, before.event_reports, before.merged_events)
        assert after.versions == 1
        [old] = reader.versions(docs[0].id)
        assert (old.version, old.text, old.content_hash) == (1, docs[0].text, _hash(docs[0].text))
        now = reader.document(docs[0].id)
        assert now is not None and now[0].text == corrected(docs[0]).text
        assert [e.to_dict() for e in reader.events().items] == events_before  # same spans, same ledger


def test_the_same_text_again_and_an_older_text_change_nothing(tmp_path: Path) -> None:
    docs, results = golden_documents(), golden_results()
    path = tmp_path / "b.db"
    stored(path, list(zip(docs, results, strict=True))).close()
    stored(path, [(corrected(docs[0]), results[0])]).close()
    state = dump(path)
    for doc in (corrected(docs[0]), docs[0]):  # the current text; the text it replaced
        again = stored(path, [(doc, results[0])])
        assert (again.stats.stored, again.stats.duplicates) == (0, 1)
        again.close()
        assert dump(path) == state


def test_a_third_version_numbers_on_and_versions_export(tmp_path: Path) -> None:
    docs, results = golden_documents(), golden_results()
    path = tmp_path / "c.db"
    stored(path, list(zip(docs, results, strict=True))).close()
    second = corrected(docs[1])
    third = Document(second.id, second.text + " A second correction.", second.published)
    for doc in (second, third):
        stored(path, [(doc, results[1])]).close()
    out = CliRunner().invoke(main, ["export", "versions", "--db", str(path)])
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in out.output.splitlines()]
    assert [(r["id"], r["version"], r["text"]) for r in rows] == [(docs[1].id, 1, docs[1].text),
                                                                 (docs[1].id, 2, second.text)]
    summary = CliRunner().invoke(main, ["summary", "--db", str(path)])
    assert "earlier versions     2" in summary.output


def _hash(text: str) -> str:
    from peacewatch.store.sqlite import content_hash

    return content_hash(text)
