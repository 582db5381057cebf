"""The dyad report: one self-contained HTML file whose every event row links to the sentences it
was reported in, with the event's trigger highlighted."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from peacewatch.resolve import build_ledger
from peacewatch.resolve.dyads import dyad_view
from peacewatch.serve.report import ReportDocument, anchor, render_report, report_html
from peacewatch.store.ledger import rebuild_ledger
from peacewatch.store.reads import Reader
from peacewatch.store.sqlite import Store
from tests.resolve.helpers import golden_documents, golden_results


class Page(HTMLParser):
    """Collects ids, links per event row, highlighted spans per anchor, and external references."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.rows: dict[str, list[str]] = {}
        self.marks: dict[str, tuple[int, int, str]] = {}
        self.external: list[str] = []
        self._row: str | None = None
        self._para: str | None = None
        self._mark: list[str] | None = None
        self._mark_at: tuple[int, int] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.add(a["id"])
        for key in ("src", "href"):
            if key in a and not a[key].startswith("#"):
                self.external.append(a[key])
        if tag in ("link", "script") and ("href" in a or "src" in a):
            self.external.append(tag)
        if tag == "tr" and a.get("id", "").startswith("ev-"):
            self._row = a["id"]
            self.rows[self._row] = []
        if tag == "a" and self._row and a.get("href", "").startswith("#s-"):
            self.rows[self._row].append(a["href"][1:])
        if tag == "p" and a.get("id", "").startswith("s-"):
            self._para = a["id"]
        if tag == "mark" and self._para:
            self._mark, self._mark_at = [], (int(a["data-start"]), int(a["data-end"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "tr":
            self._row = None
        if tag == "mark" and self._para and self._mark is not None and self._mark_at:
            self.marks[self._para] = (*self._mark_at, "".join(self._mark))
            self._mark = None
        if tag == "p":
            self._para = None

    def handle_data(self, data: str) -> None:
        if self._mark is not None:
            self._mark.append(data)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Page]:
    folder = tmp_path_factory.mktemp("report")
    with Store(folder / "ledger.db") as store:
        for doc, result in zip(golden_documents(), golden_results(), strict=True):
            store.save(doc, result)
        rebuild_ledger(store.conn)
    with Reader(folder / "ledger.db") as reader:
        html = report_html(reader, "AZE", "ARM")
    page = Page()
    page.feed(html)
    return html, page


def test_every_event_row_links_to_an_existing_highlighted_span(report: tuple[str, Page]) -> None:
    _, page = report
    texts = {d.id: d.text for d in golden_documents()}
    starts = {d.id: anchor(d.id, (0, 0))[:-4] for d in golden_documents()}
    assert len(page.rows) >= 8
    for row, links in page.rows.items():
        assert links, f"event row {row} links to no sentence"
        for target in links:
            assert target in page.ids, f"{row} links to missing #{target}"
            start, end, marked = page.marks[target]
            doc = next(d for d, prefix in starts.items() if target.startswith(prefix + "-"))
            assert texts[doc][start:end] == marked


def test_the_file_is_self_contained(report: tuple[str, Page]) -> None:
    html, page = report
    assert page.external == []
    assert "<style>" in html and "<svg" in html
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=", html)


def test_commitments_table_shows_every_status_and_links_events(report: tuple[str, Page]) -> None:
    html, page = report
    for status in ("fulfilled", "broken", "overdue", "open"):
        assert f"status-{status}" in html
    commitment_rows = re.findall(r'<tr id="cm-[^"]+">.*?</tr>', html, flags=re.S)
    assert len(commitment_rows) == 4
    for row in commitment_rows:
        targets = re.findall(r'href="#([^"]+)"', row)
        assert any(t.startswith("s-") for t in targets), "a commitment row links to no source sentence"
        for target in targets:
            assert target in page.ids


def test_the_timeline_plots_each_dated_event_as_a_linked_mark(report: tuple[str, Page]) -> None:
    html, page = report
    svg = html[html.index("<svg"):html.index("</svg>")]
    marks = re.findall(r'<a href="#(ev-[^"]+)"><circle', svg)
    assert set(marks) == set(page.rows)


def test_text_is_escaped() -> None:
    ledger = build_ledger(golden_results())
    view = dyad_view(ledger.events, "AZE", "ARM")
    doc = golden_documents()[0]
    evil = ReportDocument(doc.id, "<script>alert(1)</script>", doc.published, None, doc.text)
    html = render_report(view, ledger.commitments, [evil])
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html


def test_marks_sit_inside_the_plot_with_conflict_below_cooperation() -> None:
    from peacewatch.serve.report import timeline_svg

    ledger = build_ledger(golden_results())
    svg = timeline_svg(dyad_view(ledger.events, "AZE", "ARM"))
    marks = re.findall(r'<a href="#(ev-[^"]+)"><circle class="([^"]+)" cx="([\d.]+)" cy="([\d.]+)"', svg)
    by_id = {e.id: e for e in ledger.events}
    for _, _, cx, cy in marks:
        assert 0 <= float(cx) <= 960 and 0 <= float(cy) <= 300
    height = {by_id[i].type: float(cy) for i, _, _, cy in marks}
    assert height["ASSAULT"] > height["AGREE"] > 0
    assert all("planned" in cls for i, cls, _, _ in marks if by_id[i].status == "future")
