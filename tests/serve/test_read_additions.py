"""What the web API added to the read layer: the actor filter through the dyad index (the same
events as reading every record), the orders off their indexes, and the many-rows-at-once reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from peacewatch.resolve.dyads import party_token, side_tokens
from peacewatch.resolve.records import MergedEvent
from peacewatch.store.event_query import SORTS
from peacewatch.store.ledger import insert_events
from peacewatch.store.reads import Reader
from peacewatch.store.sqlite import Store
from peacewatch.types import Argument
from tests.serve.webdb import golden_database


def _arg(code: str | None, entity: str | None = None) -> Argument:
    return Argument(entity, code, "GOV", code or entity or "")


LONE = [  # events in no pair: one party, recipients only, one party on both sides
    MergedEvent(id="ev-lone-1", type="ASSAULT", date="2024-03-01", first_reported="2024-03-01", actor=[_arg("SDN")],
                location={"name": "El Fasher", "code": "SDN", "lat": None, "lon": None}),
    MergedEvent(id="ev-lone-2", type="ACCUSE", date="2024-03-02", first_reported="2024-03-02",
                recipient=[_arg("SDN"), _arg(None, "organization:rsf:SDN")]),
    MergedEvent(id="ev-lone-3", type="CONSULT", date="2024-03-03", first_reported="2024-03-03",
                actor=[_arg("TCD")], recipient=[_arg("TCD")]),
]


@pytest.fixture(scope="module")
def reader(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    path = golden_database(tmp_path_factory.mktemp("reads") / "reads.db")
    with Store(path) as store:
        store.conn.execute("BEGIN")
        insert_events(store.conn, LONE)
        store.conn.execute("COMMIT")
    with Reader(path) as r:
        yield r


def test_the_actor_filter_finds_what_reading_every_record_finds(reader: Reader) -> None:
    events = reader.events().items
    tokens = {t for e in events for t in side_tokens(e.actor) | side_tokens(e.recipient)}
    assert {"code:SDN", "organization:rsf:SDN", "code:TCD", "code:AZE"} <= tokens
    for token in sorted(tokens):
        wanted = {e.id for e in events if token in side_tokens(e.actor) | side_tokens(e.recipient)}
        asked = token.removeprefix("code:")
        found = reader.events(actor=asked)
        assert {e.id for e in found.items} == wanted and found.total == len(wanted), token
    assert reader.events(actor="nobody").total == 0
    assert party_token("sdn") == "code:SDN" and {e.id for e in reader.events(actor="sdn").items} == {
        "ev-lone-1", "ev-lone-2"}


def test_the_place_filter_reads_the_place_name(reader: Reader) -> None:
    assert [e.id for e in reader.events(place="fasher").items] == ["ev-lone-1"]
    assert [e.id for e in reader.events(place="El Fasher", actor="SDN").items] == ["ev-lone-1"]
    assert reader.events(place="Geneva").total == 0


@pytest.mark.parametrize("sort", [s for s in SORTS if s.startswith("-")])
def test_a_descending_order_is_the_reverse_of_its_ascending_one(reader: Reader, sort: str) -> None:
    up = [e.id for e in reader.events(sort=sort[1:]).items]
    down = [e.id for e in reader.events(sort=sort).items]
    assert down == up[::-1]


def test_pages_of_an_order_add_up_to_the_whole(reader: Reader) -> None:
    whole = [e.id for e in reader.events(sort="-score").items]
    pages = [e.id for offset in range(0, len(whole), 7) for e in reader.events(sort="-score", limit=7,
                                                                               offset=offset).items]
    assert pages == whole


def test_reports_cut_each_sentence_and_order_sources_by_date(reader: Reader) -> None:
    events = reader.events().items
    reports = reader.reports([e.id for e in events])
    texts = {d.id: d.text for d in reader.source_documents(sorted({m.doc for e in events for m in e.mentions}))}
    for e in events:
        assert len(reports[e.id]) == len(e.mentions)
        days = [r.document.published or "" for r in reports[e.id]]
        assert days == sorted(days)
        for r in reports[e.id]:
            assert texts[r.document.id][r.start:r.start + len(r.sentence)] == r.sentence
            t0, t1 = r.event.trigger_span
            assert r.start <= t0 < t1 <= r.start + len(r.sentence)


def test_counts_and_names(reader: Reader, tmp_path: Path) -> None:
    dyads = reader.top_dyads(3)
    assert dyads and dyads == sorted(dyads, key=lambda d: -d.events)
    assert dyads[0].first is None or dyads[0].first <= (dyads[0].last or "9999")
    first, last = reader.event_days()
    assert first is not None and last is not None and first <= last
    heads = reader.document_heads([e.doc for e in reader.events().items[0].mentions])
    assert all(h.title for h in heads.values())
    assert reader.events_by_id(["ev-lone-1", "ev-none"]).keys() == {"ev-lone-1"}
