"""Agreements as records, implementation levels of commitments, and the evidence chain."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from peacewatch.resolve import LedgerSettings, build_ledger
from peacewatch.store.ledger import rebuild_ledger
from peacewatch.store.reads import Reader
from peacewatch.store.sqlite import Store
from peacewatch.types import Argument, Commitment, Entity, Event, Result

from .helpers import golden_documents, golden_results

ENTS = [Entity("e1", "Azerbaijan", "state", "AZE", "GOV"), Entity("e2", "Armenia", "state", "ARM", "GOV")]
AZE = Argument("e1", "AZE", "GOV", "Azerbaijan")
ARM = Argument("e2", "ARM", "GOV", "Armenia")
RELEASE = {"type": "RETREAT", "mode": "release"}


def ev(eid: str, type_: str, actor: list[Argument], recipient: list[Argument], **fields: Any) -> Event:
    spans = {"trigger_span": fields.pop("trigger_span", (0, 5)), "span": fields.pop("span", (0, 20))}
    return Event(eid, type_, actor=actor, recipient=recipient, **spans, **fields)


def promise(obligor: list[str], action: dict[str, Any] = RELEASE, **fields: Any) -> Result:
    event = ev("p", action["type"], [], [], mode=action.get("mode"), status="future",
               quantity=fields.pop("quantity", None))
    c = Commitment("c1", "p", obligor, fields.pop("beneficiary", []), action, made="2023-12-07", **fields)
    return Result("promise", "2023-12-07", entities=ENTS, events=[event], commitments=[c])


def later(did: str, published: str, *events: Event) -> Result:
    return Result(did, published, entities=ENTS, events=list(events))


def test_the_golden_joint_statement_is_one_agreement_with_its_provisions() -> None:
    ledger = build_ledger(golden_results())
    [agreement] = ledger.agreements
    assert agreement.signatories == ["state:ARM", "state:AZE"]
    assert agreement.documents == ["wire-a", "wire-b"] and agreement.sources == 2
    assert agreement.date == "2023-12-07"
    provisions = {c.id: c for c in ledger.commitments if c.id in agreement.provisions}
    assert sorted((c.action["type"], c.action.get("mode")) for c in provisions.values()) == [
        ("CONSULT", None), ("RETREAT", "ceasefire"), ("RETREAT", "release")]
    assert all(c.agreement == agreement.id for c in provisions.values())
    # the ceasefire of the statement was broken by the fighting of February, and says so
    assert agreement.ceasefire is not None and agreement.ceasefire.ended == "broken"
    assert agreement.ceasefire.ended_by is not None


def test_an_agreement_of_one_party_with_a_view_is_no_agreement_record() -> None:
    said = later("a", "2023-12-08", ev("x", "AGREE", [AZE], [], date="2023-12-08"))
    assert build_ledger([said]).agreements == []


def test_a_count_released_in_part_is_open_at_a_partial_level_then_fulfilled_when_complete() -> None:
    made = promise(["e1"], beneficiary=["e2"], quantity={"value": 50, "unit": "person"})
    first = later("b", "2023-12-10", ev("r1", "RETREAT", [AZE], [ARM], mode="release", date="2023-12-10",
                                        quantity={"value": 24, "unit": "person"}))
    [c] = build_ledger([made, first]).commitments
    assert (c.status, c.level) == ("open", 1)
    assert c.partly_by == c.fulfilled_by and len(c.partly_by) == 1 and "48%" in c.why
    rest = later("c", "2023-12-20", ev("r2", "RETREAT", [AZE], [ARM], mode="release", date="2023-12-20",
                                       quantity={"value": 26, "unit": "person"}))
    [c] = build_ledger([made, first, rest]).commitments
    assert (c.status, c.level, c.partly_by) == ("fulfilled", 3, [])


def test_one_of_two_obligors_acting_is_an_intermediate_level_not_fulfilled() -> None:
    made = promise(["e1", "e2"])
    done = later("b", "2023-12-10", ev("r1", "RETREAT", [AZE], [ARM], mode="release", date="2023-12-10"))
    [c] = build_ledger([made, done]).commitments
    assert (c.status, c.level) == ("open", 2) and "partly" in c.why


def test_a_ceasefire_in_force_keeps_the_promise_of_every_side() -> None:
    made = promise(["e1", "e2"], {"type": "RETREAT", "mode": "ceasefire"})
    done = later("b", "2023-12-10", ev("r1", "RETREAT", [AZE], [], mode="ceasefire", date="2023-12-10"))
    ledger = build_ledger([made, done])
    [c] = ledger.commitments
    assert (c.status, c.level) == ("fulfilled", 3)


def test_a_ceasefire_agreement_records_when_it_took_effect_and_how_it_ended() -> None:
    deal = Result("deal", "2023-12-07", entities=ENTS, events=[
        ev("a", "AGREE", [AZE, ARM], [], date="2023-12-07"),
        ev("p", "RETREAT", [], [], mode="ceasefire", status="future", span=(30, 50), trigger_span=(30, 35))],
        commitments=[Commitment("c1", "p", ["e1", "e2"], ["e1", "e2"],
                                {"type": "RETREAT", "mode": "ceasefire", "until": "2023-12-31"},
                                made="2023-12-07", due="2023-12-09")])
    held = later("b", "2023-12-09", ev("r", "RETREAT", [AZE, ARM], [], mode="ceasefire", date="2023-12-09"))
    [agreement] = build_ledger([deal, held]).agreements
    assert (agreement.stage, agreement.in_force) == ("ceasefire", "2023-12-09")
    assert agreement.ceasefire is not None
    assert (agreement.ceasefire.start, agreement.ceasefire.end, agreement.ceasefire.ended) == (
        "2023-12-09", "2023-12-31", None)
    fought = later("c", "2023-12-20", ev("f", "ASSAULT", [AZE], [ARM], date="2023-12-20"))
    [agreement] = build_ledger([deal, held, fought]).agreements
    assert agreement.ceasefire is not None and agreement.ceasefire.ended == "broken"


def test_an_act_on_the_day_the_promise_was_made_keeps_it() -> None:
    made = promise(["e1"], beneficiary=["e2"])
    done = later("b", "2023-12-07", ev("r1", "RETREAT", [AZE], [ARM], mode="release", date="2023-12-07"))
    [c] = build_ledger([made, done]).commitments
    assert c.status == "fulfilled"


def test_a_release_announced_then_carried_out_is_fulfilled_on_the_day_it_happened() -> None:
    ledger = build_ledger(golden_results())
    [swap] = [c for c in ledger.commitments if c.action == RELEASE]
    days = {e.date for e in ledger.events if e.id in swap.fulfilled_by}
    assert (swap.status, swap.level, days, swap.fulfilled_on) == ("fulfilled", 3, {"2023-12-13"}, "2023-12-13")


def _stored(path: Path, order: list[int]) -> Store:
    store = Store(path)
    docs, results = golden_documents(), golden_results()
    for i in order:
        store.save(docs[i], results[i])
    rebuild_ledger(store.conn)
    return store


def test_ingest_order_does_not_change_the_stored_ledger(tmp_path: Path) -> None:
    n = len(golden_documents())
    orders = [list(range(n)), list(reversed(range(n))), [i for k in (1, 0) for i in range(k, n, 2)]]
    ledgers = []
    for k, order in enumerate(orders):
        with _stored(tmp_path / f"o{k}.db", order) as store, Reader(store.path) as reader:
            ledgers.append(reader.load_ledger().to_dict())
    assert ledgers[0]["agreements"] and ledgers[0]["commitments"]
    assert ledgers[1] == ledgers[0] and ledgers[2] == ledgers[0]


def test_the_evidence_chain_of_a_commitment_runs_in_date_order_with_sentences(tmp_path: Path) -> None:
    with _stored(tmp_path / "e.db", list(range(len(golden_documents())))) as store, Reader(store.path) as reader:
        [swap] = [c for c in reader.commitments() if c.action == RELEASE]
        chain = reader.commitment_evidence(swap.id)
        assert [e.role for e in chain][0] == "made" and "carried out" in {e.role for e in chain}
        assert [e.day for e in chain] == sorted(e.day or "" for e in chain)
        assert all(e.sentence and e.sentence in _text(e.doc) for e in chain)
        [agreement] = reader.agreements("AZE")
        assert reader.agreements("ARM") == [agreement] and reader.agreement(agreement.id) == agreement
        view = reader.process("AZE", "ARM")
        assert [v.agreement.id for v in view.agreements] == [agreement.id]
        assert [c.status for c in view.commitments][:1] in (["overdue"], ["open"])
        assert all(e.sources >= 1 for e in view.timeline)
        assert reader.commitment_evidence("cm-none") == []


def _text(doc: str) -> str:
    return next(d.text for d in golden_documents() if d.id == doc)


def test_settings_still_apply(tmp_path: Path) -> None:
    strict = build_ledger(golden_results(), LedgerSettings(horizon_days=1))
    [swap] = [c for c in strict.commitments if c.action == RELEASE]
    assert (swap.status, swap.level) == ("open", 0)


def test_a_provision_the_agreement_event_itself_states_is_linked_to_it() -> None:
    # "Azerbaijan and Armenia agreed on Thursday to exchange prisoners": the agreement and its provision
    deal = ev("a", "AGREE", [AZE, ARM], [], date="2023-12-07")
    told = Commitment("c1", "a", ["e1", "e2"], ["e1", "e2"], RELEASE, made="2023-12-07")
    ledger = build_ledger([Result("d", "2023-12-08", entities=ENTS, events=[deal], commitments=[told])])
    [agreement] = ledger.agreements
    [c] = ledger.commitments
    assert agreement.provisions == [c.id] and c.agreement == agreement.id
    # one party's "agreed to release the hostages" stays that party's promise, no agreement record
    own = ev("b", "AGREE", [AZE], [], date="2023-12-07")
    pledge = Commitment("c1", "b", ["e1"], ["e2"], RELEASE, made="2023-12-07")
    ledger = build_ledger([Result("d", "2023-12-08", entities=ENTS, events=[own], commitments=[pledge])])
    assert ledger.agreements == [] and ledger.commitments[0].agreement is None
