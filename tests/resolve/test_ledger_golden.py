"""The golden scenario: six outlets report the December 2023 prisoner exchange, its promise and
what followed, with differing date expressions; the ledger must merge and judge exactly as
tests/golden/ledger_expected.json says, whatever order the documents come in."""

from __future__ import annotations

import random

import pytest

from peacewatch.resolve import LedgerSettings, build_ledger
from peacewatch.resolve.records import Ledger

from .helpers import canonical, event_reports, golden_expected, golden_results, reports_of


@pytest.fixture(scope="module")
def ledger() -> Ledger:
    return build_ledger(golden_results())


def test_merged_events_are_exactly_the_expected_ones(ledger: Ledger) -> None:
    expected = golden_expected()["events"]
    got = event_reports(ledger)
    assert set(got) == {frozenset(e["reports"]) for e in expected}
    for want in expected:
        event = got[frozenset(want["reports"])]
        assert (event.type, event.status, event.date, event.first_reported) == (
            want["type"], want["status"], want["date"], want["first_reported"]
        )


def test_commitment_statuses(ledger: Ledger) -> None:
    expected = golden_expected()["commitments"]
    got = {frozenset(f"{s.doc}#{s.commitment}" for s in c.sources): c for c in ledger.commitments}
    assert set(got) == {frozenset(c["sources"]) for c in expected}
    for want in expected:
        c = got[frozenset(want["sources"])]
        assert c.status == want["status"], c.why
        assert reports_of(ledger, c.fulfilled_by) == want["fulfilled_by"]
        assert reports_of(ledger, c.broken_by) == want["broken_by"]
        assert c.why


def test_entities_are_stable_across_documents(ledger: Ledger) -> None:
    for want in golden_expected()["entities"]:
        entity = ledger.entity(want["id"])
        assert entity is not None
        assert sorted(f"{s.doc}#{s.entity}" for s in entity.sources) == sorted(want["sources"])


def test_as_of_is_the_newest_publication_date(ledger: Ledger) -> None:
    assert ledger.as_of == golden_expected()["as_of"]


def test_every_merged_event_explains_itself(ledger: Ledger) -> None:
    for event in ledger.events:
        assert event.why
        assert event.mentions
        assert event.first_reported == min(m.published for m in event.mentions if m.published)


def test_the_result_does_not_depend_on_document_order(ledger: Ledger) -> None:
    results = golden_results()
    for seed in range(5):
        random.Random(seed).shuffle(results)
        assert canonical(build_ledger(results)) == canonical(ledger)


def test_the_same_document_twice_changes_nothing(ledger: Ledger) -> None:
    results = golden_results()
    assert canonical(build_ledger(results + results[:3])) == canonical(ledger)


def test_a_rebuild_with_other_settings_undoes_and_redoes_merges(ledger: Ledger) -> None:
    strict = build_ledger(golden_results(), LedgerSettings(undated_window_days=0, date_slack_days=0))
    # the undated repeat in weekly-d now stands alone, as does the undated announcement in wire-b
    assert frozenset({"weekly-d#ev3"}) in event_reports(strict)
    assert frozenset({"wire-b#ev2"}) in event_reports(strict)
    assert len(strict.events) > len(ledger.events)
    assert canonical(build_ledger(golden_results())) == canonical(ledger)


def test_the_ledger_round_trips_through_json(ledger: Ledger) -> None:
    assert Ledger.from_dict(ledger.to_dict()) == ledger
