"""A later report by an obligor that the promised act missed its target or deadline ("the parties
failed to meet their target of signing") makes the promise overdue, in memory, in a stored rebuild
and in an incremental update alike (the words ride on the merged event, which the store keeps)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from peacewatch.resolve import build_ledger
from peacewatch.resolve.records import LedgerCommitment
from peacewatch.store.reads import Reader
from peacewatch.types import Argument, Commitment, Document, Entity, Event, Result

from .test_incremental_store import assert_same, two_ways

ENTS = [Entity("e1", "Azerbaijan", "state", "AZE", "GOV"), Entity("e2", "Armenia", "state", "ARM", "GOV")]
AZE = Argument("e1", "AZE", "GOV", "Azerbaijan")
ARM = Argument("e2", "ARM", "GOV", "Armenia")
SIGN = {"type": "AGREE", "mode": None}
MISSED = "sign -> SUPPORT/sign; target 'target' missed ('failed to meet'): the act did not happen"


def promised() -> Result:
    event = Event("p", "AGREE", (0, 5), (0, 20), status="future", actor=[AZE], recipient=[ARM])
    c = Commitment("c1", "p", ["e1"], ["e2"], SIGN, made="2023-12-07")
    return Result("a-promise", "2023-12-07", entities=ENTS, events=[event], commitments=[c])


def report(actor: Argument, why: str | None, date: str = "2024-01") -> Result:
    event = Event("x", "SUPPORT", (0, 5), (0, 20), mode="sign", status="negated", actor=[actor], recipient=[ARM],
                  date=date, why=why)
    return Result("b-report", "2024-02-03", entities=ENTS, events=[event])


def judge(*docs: Result) -> LedgerCommitment:
    [c] = build_ledger(docs).commitments
    return c


def test_a_report_that_an_obligor_missed_the_target_makes_the_promise_overdue() -> None:
    c = judge(promised(), report(AZE, MISSED))
    assert c.status == "overdue" and len(c.missed_by) == 1
    assert "target 'target' missed ('failed to meet')" in c.why


def test_only_a_later_report_by_an_obligor_saying_the_target_was_missed_counts() -> None:
    assert judge(promised(), report(AZE, "negated: 'not' on 'sign'")).status == "open"  # not signed (yet)
    assert judge(promised(), report(ARM, MISSED)).status == "open"  # not the obligor
    assert judge(promised(), report(AZE, MISSED, date="2023-11")).status == "open"  # before the promise


def _pair(result: Result) -> tuple[Document, Result]:
    text = {"a-promise": "Azerbaijan will sign the deal with Armenia.",
            "b-report": "Azerbaijan failed to meet its target of signing the deal with Armenia."}[result.id]
    return Document(id=result.id, text=text, published=result.published), result


def _stored(path: Path) -> list[dict[str, Any]]:
    with Reader(path) as reader:
        return list(reader.export_rows("commitments"))


def test_a_stored_rebuild_and_an_update_read_the_missed_target_alike(tmp_path: Path) -> None:
    for first, then in (([promised()], [report(AZE, MISSED)]), ([report(AZE, MISSED)], [promised()])):
        folder = tmp_path / first[0].id
        folder.mkdir()
        with two_ways(folder, [_pair(r) for r in first], [_pair(r) for r in then]) as (step, whole, _stats):
            assert_same(step, whole)
            [c] = _stored(whole.path)
            assert c["status"] == "overdue" and c["missed_by"]
