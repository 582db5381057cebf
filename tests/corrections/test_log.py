"""The corrections log and its anchors, on small made-up documents: an anchor is found by overlap
(a trigger moved by a word), in another version by its sentence's text, and is orphaned when that
text is gone; superseding and withdrawing; sharing a log (importing twice adds nothing); a new
correction leaves the ledger stale; the errors users meet."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from peacewatch.errors import CorrectionError
from peacewatch.resolve import build_ledger
from peacewatch.resolve.corrections import Correction, Corrector, Mention, active, locate
from peacewatch.store import corrections as log
from peacewatch.store.ledger import ledger_state, rebuild_ledger
from peacewatch.store.reads import Reader
from peacewatch.store.sqlite import Store, content_hash
from peacewatch.types import Argument, Document, Event, Result

TEXT = "Baku freed 32 soldiers on Wednesday. Yerevan thanked the mediators. Talks resume in May."


def release(ev_id: str = "ev1", trigger: tuple[int, int] = (5, 10), type_: str = "RETREAT") -> Event:
    return Event(ev_id, type_, trigger, (0, 36), mode="release", date="2023-12-13",
                 actor=[Argument("e1", "AZE", "GOV", "Baku")])


def thanks() -> Event:
    return Event("ev2", "CONSULT", (45, 52), (37, 68), actor=[Argument(None, "ARM", "GOV", "Yerevan")])


def stored_ledger(folder: Path, name: str = "ledger.db") -> Path:
    """A SQLite store ``name`` in ``folder`` holding TEXT with its release and thanks, its ledger built."""
    db = folder / name
    with Store(db) as store:
        store.save(Document("d1", TEXT, "2023-12-14"), Result("d1", "2023-12-14", events=[release(), thanks()]))
        rebuild_ledger(store.conn)
    return db


def mention(trigger: tuple[int, int] = (5, 10), digest: str | None = None, text: str = "") -> dict[str, object]:
    return {"doc": "d1", "hash": digest, "trigger": list(trigger), "span": [0, 36], "text": text}


def test_an_anchor_is_found_by_overlap_when_the_trigger_moved_by_a_word() -> None:
    m = Mention.from_dict(mention((0, 10)))  # "Baku freed": the new model's trigger is "freed"
    found = locate(m, [thanks(), release(trigger=(5, 10))], {}, None, "d1")
    assert found is not None and found.id == "ev1"
    nearby = locate(Mention.from_dict(mention((5, 10))), [release(trigger=(14, 22)), thanks()], {}, None, "d1")
    assert nearby is not None and nearby.id == "ev1", "'freed' → 'soldiers': one word on"
    assert locate(Mention.from_dict(mention((70, 75))), [release()], {}, None, "d1") is None


def test_in_another_version_the_sentence_is_found_by_its_text_or_the_anchor_is_orphaned() -> None:
    m = Mention.from_dict(mention((5, 10), "old-hash", TEXT[0:36]))
    moved = Event("evX", "RETREAT", (15, 20), (10, 46))  # the same sentence, ten characters later
    texts = {("d1", 10, 46): TEXT[0:36]}
    assert locate(m, [moved], texts, "new-hash", "d1") is moved
    assert locate(m, [moved], {("d1", 10, 46): "Baku freed 30 soldiers on Wednesday."}, "new-hash", "d1") is None


def test_retype_and_reject_in_memory_keep_the_machine_values_and_report_orphans() -> None:
    result = Result("d1", "2023-12-14", events=[release(), thanks()])
    corrections = [Correction(1, "event", {"mentions": [mention()]}, {"type": "ASSAULT"}),
                   Correction(2, "reject", {"mentions": [mention((45, 52)) | {"span": [37, 68]}]}, {}),
                   Correction(3, "reject", {"mentions": [mention((200, 210))]}, {})]
    corrector = Corrector(corrections)
    [out] = corrector.reports([result], {}, {})
    assert [(e.id, e.type) for e in out.events] == [("ev1", "ASSAULT")]
    assert [e.type for e in result.events] == ["RETREAT", "CONSULT"], "the input is left as it was"
    states = {o.correction: (o.state, o.machine, len(o.missing)) for o in corrector.outcomes()}
    assert states == {1: ("applied", {"type": "RETREAT"}, 0), 2: ("applied", {"type": "CONSULT"}, 0),
                      3: ("orphaned", {}, 1)}


def test_superseded_and_withdrawn_corrections_are_not_applied() -> None:
    rows = [Correction(1, "event", {"mentions": [mention()]}, {"type": "ASSAULT"}),
            Correction(2, "event", {"mentions": [mention()]}, {"type": "COERCE"}, supersedes=1),
            Correction(3, "reject", {"mentions": [mention()]}, {}),
            Correction(4, "withdraw", {"correction": 3}, {}, supersedes=3)]
    assert [c.id for c in active(rows)] == [2]
    ledger = build_ledger([Result("d1", "2023-12-14", events=[release()])], corrections=rows)
    assert [e.type for e in ledger.events] == ["COERCE"]


def test_an_added_event_and_an_actor_entry_reach_the_ledger() -> None:
    added = Correction(1, "add", {"mentions": [mention((69, 74)) | {"span": [69, 89]}]},
                       {"type": "CONSULT", "status": "future", "actor": ["ARM", "AZE"]})
    actor = Correction(2, "actor", {"name": "Yerevan"}, {"code": "ARM", "sector": "MIL"})
    ledger = build_ledger([Result("d1", "2023-12-14", events=[thanks()])], corrections=[added, actor])
    assert sorted((e.type, e.status) for e in ledger.events) == [("CONSULT", "future"), ("CONSULT", "occurred")]
    occurred = next(e for e in ledger.events if e.status == "occurred")
    assert [(a.code, a.sector) for a in occurred.actor] == [("ARM", "MIL")]


@pytest.fixture()
def store(databases: Any) -> Iterator[Store]:
    store = Store(databases.make("c.db"))
    store.save(Document("d1", TEXT, "2023-12-14"), Result("d1", "2023-12-14", events=[release(), thanks()]))
    rebuild_ledger(store.conn)
    yield store
    store.close()


def test_a_correction_stores_the_anchor_not_the_id_and_leaves_the_ledger_stale(store: Store) -> None:
    [first, _] = sorted(e[0] for e in store.conn.execute("SELECT id FROM ledger_events"))
    number = log.reject_event(store.conn, first, by="ana", note="no such event")
    assert ledger_state(store.conn) == "stale"
    row = next(log.log(store.conn))
    assert row["id"] == number and row["by"] == "ana" and first not in json.dumps(row["anchor"])
    assert row["anchor"]["mentions"][0]["hash"] == content_hash(TEXT)
    rebuild_ledger(store.conn)
    assert store.conn.execute("SELECT count(*) FROM ledger_events").fetchone()[0] == 1


def test_exported_corrections_import_once(store: Store, databases: Any, tmp_path: Path) -> None:
    event = store.conn.execute("SELECT id FROM ledger_events WHERE type = 'RETREAT'").fetchone()[0]
    first = log.correct_event(store.conn, event, {"type": "ASSAULT"}, by="ana")
    log.withdraw(store.conn, first, by="ana")
    path = tmp_path / "shared.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in log.log(store.conn)))
    other = Store(databases.make("other.db"))
    other.save(Document("d1", TEXT, "2023-12-14"), Result("d1", "2023-12-14", events=[release(), thanks()]))
    assert log.read_log(other.conn, str(path)) == 2
    assert log.read_log(other.conn, str(path)) == 0
    rebuild_ledger(other.conn)
    with Reader(other.path) as reader:
        assert [(c["kind"], c["state"]) for c in reader.corrections()] == [("event", "withdrawn"),
                                                                          ("withdraw", "applied")]


def test_the_errors_a_user_meets(store: Store, tmp_path: Path) -> None:
    with pytest.raises(CorrectionError) as unknown:
        log.reject_event(store.conn, "ev-nothing", by="ana")
    assert unknown.value.code == "E065"
    event = store.conn.execute("SELECT id FROM ledger_events LIMIT 1").fetchone()[0]
    with pytest.raises(CorrectionError) as bad:
        log.correct_event(store.conn, event, {"type": "PARTY"}, by="ana")
    assert bad.value.code == "E066"
    with pytest.raises(CorrectionError) as outside:
        log.add_event(store.conn, "d1", 80, 500, {"type": "CONSULT"}, by="ana")
    assert outside.value.code == "E066"
    broken = tmp_path / "broken.jsonl"
    broken.write_text("{not json\n")
    with pytest.raises(CorrectionError) as unreadable:
        log.read_log(store.conn, str(broken))
    assert unreadable.value.code == "E067"


def test_an_added_event_follows_its_evidence_into_a_new_version(store: Store) -> None:
    start = TEXT.index("Talks resume")
    log.add_event(store.conn, "d1", start, start + 20, {"type": "CONSULT", "status": "future"}, by="ana")
    moved = "Updated. " + TEXT
    store.save(Document("d1", moved, "2023-12-14"), Result("d1", "2023-12-14", events=[thanks()]))
    rebuild_ledger(store.conn)
    with Reader(store.path) as reader:
        [added] = [e for e in reader.events().items if e.status == "future"]
        assert added.mentions[0].span == (start + 9, start + 29)
        assert moved[slice(*added.mentions[0].span)] == "Talks resume in May."
        assert [c["state"] for c in reader.corrections()] == ["applied"]
    store.save(Document("d1", TEXT.replace("Talks resume in May.", "No talks."), "2023-12-14"),
               Result("d1", "2023-12-14", events=[thanks()]))
    rebuild_ledger(store.conn)
    with Reader(store.path) as reader:
        assert not [e for e in reader.events().items if e.status == "future"]
        assert [c["state"] for c in reader.corrections(orphaned=True)] == ["orphaned"]
