"""The defects issue #15 found in report.html, each pinned: links only for http(s) sources, what a
commitment promised, documents named by title (or file), sources by date, a readable time axis with
gaps left as gaps, counts that add up or say why, dates that do not wrap, "32 people"."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

import pytest

from peacewatch.resolve import build_ledger
from peacewatch.resolve.dyads import dyad_view
from peacewatch.resolve.records import MergedEvent
from peacewatch.serve.chart import axis_ticks
from peacewatch.serve.present import quantity_text
from peacewatch.serve.report import ReportDocument, render_report, timeline_svg
from peacewatch.types import Argument
from tests.resolve.helpers import golden_documents, golden_results


@pytest.fixture(scope="module")
def scenario():  # type: ignore[no-untyped-def]
    ledger = build_ledger(golden_results())
    view = dyad_view(ledger.events, "AZE", "ARM")
    docs = [ReportDocument(d.id, d.title, d.published, d.url, d.text) for d in golden_documents()]
    return ledger, view, docs


def test_http_sources_are_links_and_other_schemes_stay_text(scenario) -> None:  # type: ignore[no-untyped-def]
    ledger, view, docs = scenario
    docs = [replace(docs[0], url="https://example.org/a?x=1&y=2"), replace(docs[1], url="javascript:alert(1)"),
            *docs[2:]]
    html = render_report(view, ledger.commitments, docs)
    assert '<a href="https://example.org/a?x=1&amp;y=2"' in html
    assert 'href="javascript:' not in html
    assert "javascript:alert(1)" in html


def test_a_commitment_row_says_what_was_promised(scenario) -> None:  # type: ignore[no-untyped-def]
    ledger, view, docs = scenario
    html = render_report(view, ledger.commitments, docs)
    texts = {d.id: d.text for d in docs}
    events = {e.id: e for e in view.events}
    checked = 0
    for c in ledger.commitments:
        if c.event not in events:
            continue
        row = re.search(rf'<tr id="{c.id}">(.*?)</tr>', html, re.S)
        assert row, c.id
        m = events[c.event].mentions[0]
        words = texts[m.doc][m.trigger_span[0]:m.trigger_span[1]]
        assert '<span class="said">' in row.group(1) and words in row.group(1)
        checked += 1
    assert checked >= 3


def test_a_mutual_promise_is_to_each_other_not_to_its_own_makers(scenario) -> None:  # type: ignore[no-untyped-def]
    ledger, view, docs = scenario
    mutual = replace(ledger.commitments[0], obligor=["state:AZE", "state:ARM"], beneficiary=["state:ARM", "state:AZE"])
    html = render_report(view, [mutual], docs)
    row = re.search(rf'<tr id="{mutual.id}">(.*?)</tr>', html, re.S)
    assert row and "<td>each other</td>" in row.group(1)


def test_sources_are_named_by_title_or_file_and_ordered_by_date(scenario) -> None:  # type: ignore[no-untyped-def]
    ledger, view, docs = scenario
    hashed = replace(docs[0], id="0f3a9c1d2e4b5a69", title=None, source="news/exchange-2023-12-14.txt")
    others = sorted(docs[1:], key=lambda d: d.published or "", reverse=True)
    events = [replace(e, mentions=[replace(m, doc=hashed.id) if m.doc == docs[0].id else m for m in e.mentions])
              for e in view.events]
    html = render_report(replace(view, events=events), ledger.commitments, [*others, hashed])
    assert "exchange-2023-12-14.txt" in html
    assert re.search(r'class="src"[^>]*>0f3a9c1d2e4b5a69', html) is None
    sections = re.findall(r'<section class="doc"><h3>.*?</h3><p class="meta"><span class="day">([^<]+)</span>', html)
    assert len(sections) >= 2 and sections == sorted(sections)


def _event(i: int, day: str, score: float) -> MergedEvent:
    return MergedEvent(id=f"ev-{i}", type="CONSULT", status="occurred", date=day, first_reported=day, score=score,
                       actor=[Argument(None, "AZE", "GOV", "Baku")],
                       recipient=[Argument(None, "ARM", "GOV", "Yerevan")])


def test_the_axis_is_labelled_and_a_gap_breaks_the_line() -> None:
    view = dyad_view([_event(1, "2023-01-10", 2.0), _event(2, "2023-02-10", 3.0), _event(3, "2024-09-05", -4.0),
                      _event(4, "2024-10-05", 1.0)], "AZE", "ARM")
    svg = timeline_svg(view)
    ticks = re.findall(r'<text class="tick"[^>]*>([^<]+)</text>', svg)
    assert len(ticks) >= 4 and all(re.fullmatch(r"([A-Z][a-z]{2} )?\d{4}", t) for t in ticks)
    lines = re.findall(r'<polyline class="mean" points="([^"]+)"', svg)
    assert len(lines) == 2, "the mean line must not run across the 18 empty months"
    assert '<rect class="gap"' in svg and "18 months without events" in svg


def test_ticks_thin_out_over_long_spans() -> None:
    assert len(axis_ticks(dt.date(2015, 1, 1), dt.date(2024, 12, 31))) <= 11
    assert [label for _, label in axis_ticks(dt.date(2023, 12, 3), dt.date(2024, 2, 9))] == [
        "Dec 2023", "Jan 2024", "Feb 2024", "Mar 2024"]


def test_monthly_counts_add_up_or_say_why(scenario) -> None:  # type: ignore[no-untyped-def]
    ledger, view, docs = scenario
    html = render_report(view, ledger.commitments, docs)
    counted = sum(p.events for p in view.months)
    assert f'<tr class="total"><td>total</td><td class="num">{counted}</td>' in html
    if counted != len(view.events):
        assert f"other {len(view.events) - counted} of the {len(view.events)}" in html


def test_dates_do_not_wrap_and_quantities_read_as_words(scenario) -> None:  # type: ignore[no-untyped-def]
    ledger, view, docs = scenario
    html = render_report(view, ledger.commitments, docs)
    assert re.search(r"<td>\d{4}-\d{2}", html) is None, "a date cell without the no-wrap class"
    assert ".day { white-space: nowrap" in html
    assert quantity_text({"value": 32, "unit": "person"}) == "32 people"
    assert quantity_text({"value": 1, "unit": "soldier"}) == "1 soldier"
    assert " person<" not in html
