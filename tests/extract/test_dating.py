"""Dating an undated article from itself (``extract/dating.py``): datelines with and without a
year, the latest stated day (not a deadline, not a computed day), a dated document left alone, and
the ``dated`` field in the result record and its round trip."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from peacewatch.contract import RESULT_ADDITIONS
from peacewatch.extract.dating import ADDRESS, DATELINE, LATEST, address_day, infer
from peacewatch.types import Dated, Document, Result

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def test_a_dateline_with_its_year(nlp):
    got = infer(nlp("KYIV, March 3, 2022 (Reuters) - Ukraine and Russia held a second round of talks."))
    assert got is not None and (got.day, got.how, got.text) == ("2022-03-03", DATELINE, "March 3, 2022")


def test_a_dateline_takes_its_year_from_the_text(nlp):
    text = ("BRUSSELS, February 27 – The two leaders met on Monday. The plan agreed in "
            "Ohrid builds on the agreement of 2013 and the talks of 2023.")
    got = infer(nlp(text))
    assert got is not None and got.day == "2023-02-27" and got.how == DATELINE
    assert text[got.span[0]:got.span[1]] == "February 27"


def test_a_dateline_without_any_year_anchors_nothing(nlp):
    got = infer(nlp("BRUSSELS, February 27 – The two leaders met on Monday in the city."))
    assert got is not None and got.day == "XXXX-02-27"


def test_a_dateline_before_on(nlp):
    got = infer(nlp("WASHINGTON, USA – On June 27, 2025, the ministers signed the agreement."))
    assert got is not None and (got.day, got.how) == ("2025-06-27", DATELINE)


def test_the_latest_stated_day_not_a_future_deadline(nlp):
    text = ("The parties signed a declaration on July 19, 2025. Under the deal, the rebels must "
            "withdraw by December 31, 2025. The talks resumed on August 14, 2025 in Doha.")
    got = infer(nlp(text))
    assert got is not None and (got.day, got.how, got.text) == ("2025-08-14", LATEST, "August 14, 2025")


def test_a_day_counted_from_another_is_not_stated(nlp):
    got = infer(nlp("The truce began on January 19, 2025. Twelve days later the first hostages were freed."))
    assert got is not None and got.day == "2025-01-19"


def test_a_day_to_come_gives_the_year_of_the_past_days_before_it(nlp):
    text = ("The rebels will hand over their rifles on Saturday, December 3, 2022. They were supposed "
            "to hand them over on 17 November, but asked for more time.")
    got = infer(nlp(text))
    assert got is not None and (got.day, got.how, got.text) == ("2022-11-17", LATEST, "17 November")


def test_a_day_after_the_day_to_come_is_not_placed_in_its_year(nlp):
    text = "The rebels will hand over their rifles on Saturday, December 3, 2022. They met on 20 December."
    assert infer(nlp(text)) is None


def test_a_web_address_in_the_text_or_of_the_document():
    assert address_day("see https://example.org/2023/02/22/talks-resume") == \
        Dated("2023-02-22", ADDRESS, (24, 34), "https://example.org/2023/02/22")
    got = address_day("https://news.example/20230111/heavy-weapons-handover")
    assert got is not None and got.day == "2023-01-11"
    assert address_day("https://news.example/story/12345") is None


def test_the_documents_own_address_dates_it_without_a_span(nlp):
    got = infer(nlp("The rebels freed the prisoners on Monday."), "https://news.example/2022-12-30/story")
    assert got is not None and (got.day, got.how, got.span) == ("2022-12-30", ADDRESS, None)


def test_no_day_in_the_text_gives_none(nlp):
    assert infer(nlp("The rebels and the army exchanged prisoners on Monday, officials said.")) is None


def test_the_pipeline_anchors_an_undated_document_on_its_inferred_day(make_pipeline):
    pipe = make_pipeline("timex")
    text = "DOHA, Qatar, January 15, 2025 - Mediators said on Wednesday that the deal was done."
    result = next(pipe.annotate([Document(id="u", text=text)]))
    assert result.dated is not None and result.dated.day == "2025-01-15"
    wednesday = next(t for t in result.timexes if t.text == "Wednesday")
    assert wednesday.value == "2025-01-15" and wednesday.anchor == "2025-01-15"


def test_a_dated_document_is_not_redated(make_pipeline):
    pipe = make_pipeline("timex")
    text = "DOHA, Qatar, January 15, 2025 - Mediators said on Wednesday that the deal was done."
    result = next(pipe.annotate([Document(id="d", text=text, published="2025-01-20")]))
    assert result.dated is None
    wednesday = next(t for t in result.timexes if t.text == "Wednesday")
    assert wednesday.anchor == "2025-01-20"


def test_the_dated_field_round_trips_through_the_record():
    result = Result(id="u", dated=Dated("2025-01-15", DATELINE, (14, 30), "January 15, 2025"))
    data = json.loads(json.dumps(result.to_dict()))
    assert data["dated"] == {"day": "2025-01-15", "how": DATELINE, "span": [14, 30], "text": "January 15, 2025"}
    assert Result.from_dict(data) == result
    assert Result.from_dict({"id": "d"}).dated is None


def test_the_project_contract_lists_the_field_and_its_page():
    root = Path(__file__).resolve().parents[2]
    assert {"places", "dated"} <= set(RESULT_ADDITIONS)
    assert all(name in Result.__dataclass_fields__ for name in RESULT_ADDITIONS)
    assert "`dated`" in (root / RESULT_ADDITIONS["dated"]).read_text("utf-8")


def test_extract_output_with_dated_passes_the_shared_contract_check(tmp_path, make_pipeline):
    checker = SHARED / "tools" / "check_contract.py"
    if not checker.exists():
        pytest.skip("../shared/tools/check_contract.py is not there")
    docs = [Document(id="u", text="KYIV, March 3, 2022 (Reuters) - Talks resumed on Monday in Belarus."),
            Document(id="d", text="Talks resumed on Monday in Belarus.", published="2022-03-07")]
    results = list(make_pipeline("timex").annotate(docs))
    assert results[0].dated is not None and results[1].dated is None
    given, wrote = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    given.write_text("".join(json.dumps(d.to_dict()) + "\n" for d in docs), "utf-8")
    wrote.write_text("".join(json.dumps(r.to_dict()) + "\n" for r in results), "utf-8")
    run = subprocess.run([sys.executable, str(checker), str(given), str(wrote), "--quiet"],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr


def test_a_promise_made_on_an_inferred_day_says_so() -> None:
    import datetime as dt

    from peacewatch.extract.commitments import CommitmentsComponent
    from peacewatch.pipeline import Annotation
    from peacewatch.types import Argument, Event

    a, b = Argument("e1", "AZE", "GOV", "Baku"), Argument("e2", "ARM", "GOV", "Yerevan")
    event = Event(id="ev1", type="CONCEDE", trigger_span=(0, 1), span=(0, 1), status="future",
                  actor=[a], recipient=[b], date="2024-03")
    notes = {"events": {"action": {"ev1": {"type": "RETREAT", "mode": "withdraw", "why": "withdrawal"}}}}
    whys = []
    for dated in (None, Dated("2023-12-26", DATELINE, (6, 17), "December 26")):
        result = Result(id="d", events=[event], dated=dated)
        ann = Annotation(Document(id="d", text="x"), None, result, dt.date(2023, 12, 26),  # type: ignore[arg-type]
                         notes=notes)
        [c] = CommitmentsComponent()(ann).result.commitments
        assert c.made == "2023-12-26" and c.due == "2024-03"
        whys.append(c.why or "")
    assert "inferred" not in whys[0]
    assert "made on the document's day, inferred from its dateline ('December 26')" in whys[1]


def test_an_undated_article_places_its_undated_reports_on_its_inferred_day(tmp_path) -> None:
    """In memory and through the store alike: the window of a report with no stated date ends on
    the inferred day, as it would on a publication date; a day with no year places nothing."""
    import datetime as dt

    from peacewatch.config import LedgerSettings
    from peacewatch.resolve.reports import reports_of
    from peacewatch.store.source import StoredSource
    from peacewatch.store.sqlite import Store
    from peacewatch.types import Argument, Event

    event = Event(id="ev1", type="RETREAT", trigger_span=(0, 5), span=(0, 20), status="occurred",
                  mode="release", actor=[Argument(None, "COL", None, "ELN")])
    dated = Result(id="u", events=[event], dated=Dated("2023-11-09", LATEST, (30, 46), "November 9, 2023"))
    yearless = Result(id="v", events=[event], dated=Dated("XXXX-11-09", DATELINE, (0, 11), "November 9"))
    week = LedgerSettings().undated_window_days
    [rep] = reports_of([dated], {}, LedgerSettings())
    assert rep.published is None and rep.window is not None
    assert rep.window.end == dt.date(2023, 11, 9) and (rep.window.end - rep.window.start).days == week
    assert reports_of([yearless], {}, LedgerSettings())[0].window is None
    with Store(tmp_path / "d.db") as store:
        store.save(Document(id="u", text="The ELN freed the father of a footballer on November 9, 2023."), dated)
        [[stored]] = [batch for batch, _ in StoredSource(store.conn, 10).event_batches()]
    assert stored.dated == dated.dated
