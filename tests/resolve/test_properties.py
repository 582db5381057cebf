"""Invariants of the ledger over any subset of the golden documents, in any order, with repeats."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from peacewatch.resolve import build_ledger

from .helpers import canonical, golden_documents, golden_results

RESULTS = golden_results()
TEXTS = {d.id: d.text for d in golden_documents()}


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(0, len(RESULTS) - 1), min_size=1, max_size=12))
def test_any_order_and_repeats_give_the_same_ledger(picks: list[int]) -> None:
    chosen = [RESULTS[i] for i in picks]
    once = [RESULTS[i] for i in sorted(set(picks))]
    assert canonical(build_ledger(chosen)) == canonical(build_ledger(once))


@settings(max_examples=20, deadline=None)
@given(st.sets(st.integers(0, len(RESULTS) - 1), min_size=1))
def test_every_report_is_in_exactly_one_merged_event_and_spans_slice_the_text(picks: set[int]) -> None:
    chosen = [RESULTS[i] for i in sorted(picks)]
    ledger = build_ledger(chosen)
    reports = [(m.doc, m.event) for e in ledger.events for m in e.mentions]
    assert sorted(reports) == sorted((r.id, e.id) for r in chosen for e in r.events)
    for event in ledger.events:
        for m in event.mentions:
            start, end = m.trigger_span
            assert 0 <= start < end <= len(TEXTS[m.doc])
        assert event.first_reported == min(m.published for m in event.mentions if m.published)
    known = {e.id for e in ledger.events}
    for c in ledger.commitments:
        assert set(c.fulfilled_by) <= known and set(c.broken_by) <= known
        assert c.status in ("open", "fulfilled", "overdue", "broken")
