"""The year of an undated article that writes none, read from the dated articles of its story
(``resolve/story_year.py``): one witnessed year gives the article's events dated by a witnessed
year-less day their year; two years, or witnesses of another story, give nothing; the choice depends on the set of
documents, not their order, and an update in place gives what a rebuild gives."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from peacewatch.resolve import build_ledger
from peacewatch.resolve.memory import MemorySource
from peacewatch.resolve.story_year import choose, dated_by_story
from peacewatch.types import Argument, Document, Entity, Event, Result, Timex

from .helpers import canonical
from .test_incremental_store import assert_same, two_ways

ETH = Entity("e1", "Ethiopia", "state", "ETH", "GOV")
TPLF = Entity("e2", "TPLF", "armed group", "ETH", "REB")
COL = Entity("e1", "Colombia", "state", "COL", "GOV")
TEXT = "Federal forces and TPLF commanders met in Mekelle on December 19 to discuss the handover."


def _talks(doc: str, date: str | None) -> Event:
    return Event(f"{doc}-x", "CONSULT", (40, 43), (0, 60), date=date, status="occurred",
                 actor=[Argument("e1", "ETH", "GOV", "federal forces"), Argument("e2", "ETH", "REB", "TPLF")])


def _undated(doc: str = "a") -> Result:
    """An article with no publication day and no year: "on December 19"."""
    return Result(doc, None, timexes=[Timex(60, 71, "December 19", "DATE", "XXXX-12-19")],
                  entities=[ETH, TPLF], events=[_talks(doc, "XXXX-12-19")])


def _dated(doc: str, published: str, day: str, parties: tuple[Entity, ...] = (ETH, TPLF)) -> Result:
    """A dated article stating ``day`` with its year."""
    return Result(doc, published, timexes=[Timex(60, 71, "December 19", "DATE", day)],
                  entities=list(parties), events=[_talks(doc, day)] if parties[0].code == "ETH" else [])


def _chosen(results: list[Result]) -> dict[str, int]:
    return {doc: found.year for doc, found in choose(MemorySource(results).story_documents()).items()}


def test_one_witnessed_year_is_the_undated_article_s() -> None:
    found = choose(MemorySource([_undated(), _dated("b", "2022-12-20", "2022-12-19")]).story_documents())
    assert list(found) == ["a"]
    assert (found["a"].year, found["a"].days, found["a"].witnesses) == (2022, frozenset({"12-19"}), ("b",))
    assert found["a"].why == "its year 2022 from its story: 'December 19' as b state it"


def test_a_publication_day_on_the_day_is_a_witness_too() -> None:
    other = Result("b", "2022-12-19", entities=[ETH])
    assert _chosen([_undated(), other]) == {"a": 2022}


def test_the_event_takes_the_year_and_says_why() -> None:
    found = choose(MemorySource([_undated(), _dated("b", "2022-12-20", "2022-12-19")]).story_documents())
    (event,) = dated_by_story(_undated(), found).events
    assert event.date == "2022-12-19" and event.why is not None and "from its story" in event.why


def test_a_year_less_day_no_witness_states_keeps_no_year() -> None:
    lone = replace(_undated(), events=[_talks("a", "XXXX-12-19"), _talks("a2", "XXXX-11-03")])
    found = choose(MemorySource([lone, _dated("b", "2022-12-20", "2022-12-19")]).story_documents())
    assert [e.date for e in dated_by_story(lone, found).events] == ["2022-12-19", "XXXX-11-03"]


def test_two_years_that_fit_give_no_year() -> None:
    results = [_undated(), _dated("b", "2022-12-20", "2022-12-19"), _dated("c", "2023-12-21", "2023-12-19")]
    assert _chosen(results) == {}


def test_the_articles_of_another_story_are_no_evidence() -> None:
    assert _chosen([_undated(), _dated("b", "2022-12-20", "2022-12-19", parties=(COL,))]) == {}


def test_an_article_with_a_publication_day_is_never_given_another() -> None:
    dated = Result("a", "2024-01-02", timexes=[Timex(60, 71, "December 19", "DATE", "XXXX-12-19")],
                   entities=[ETH, TPLF])
    assert _chosen([dated, _dated("b", "2022-12-20", "2022-12-19")]) == {}


def test_the_undated_report_joins_the_dated_one_of_its_year() -> None:
    ledger = build_ledger([_undated(), _dated("b", "2022-12-20", "2022-12-19")])
    (merged,) = [e for e in ledger.events if e.type == "CONSULT"]
    assert merged.date == "2022-12-19"
    assert sorted(m.doc for m in merged.mentions) == ["a", "b"]


def test_without_a_witnessed_year_the_reports_stay_apart() -> None:
    results = [_undated(), _dated("b", "2022-12-20", "2022-12-19"), _dated("c", "2023-12-21", "2023-12-19")]
    events = [e for e in build_ledger(results).events if e.type == "CONSULT"]
    assert sorted(len(e.mentions) for e in events) == [1, 1, 1]


def test_the_order_of_the_documents_changes_nothing() -> None:
    results = [_undated(), _dated("b", "2022-12-20", "2022-12-19"), _dated("c", "2022-12-22", "2022-12-19")]
    assert canonical(build_ledger(results)) == canonical(build_ledger(list(reversed(results))))


def _pair(result: Result) -> tuple[Document, Result]:
    return Document(result.id, f"{TEXT} ({result.id})", result.published), result


def test_a_witness_ingested_later_gives_what_a_rebuild_gives(tmp_path: Path) -> None:
    first = [_pair(_undated())]
    then = [_pair(_dated("b", "2022-12-20", "2022-12-19"))]
    with two_ways(tmp_path, first, then) as (step, whole, stats):
        assert stats.path == "full" and "witness the year of undated a" in stats.why, stats.why
        assert_same(step, whole)


def test_an_undated_article_ingested_after_its_witness_updates_in_place(tmp_path: Path) -> None:
    first = [_pair(_dated("b", "2022-12-20", "2022-12-19"))]
    then = [_pair(_undated())]
    with two_ways(tmp_path, first, then) as (step, whole, stats):
        assert stats.path == "incremental", stats.why
        assert_same(step, whole)


def test_many_witnesses_give_the_year_and_the_why_names_the_first_three() -> None:
    # six dated articles of the story state the day in 2022; an article of another story states it in
    # 2023 and is no witness, however many articles of the story there are
    dated = [_dated(f"w{i}", "2022-12-20", "2022-12-19") for i in (5, 3, 1, 6, 2, 4)]
    other = _dated("z", "2023-12-20", "2023-12-19", (COL,))
    found = choose(MemorySource([_undated(), other, *dated]).story_documents())
    assert (found["a"].year, found["a"].witnesses) == (2022, ("w1", "w2", "w3"))
    assert found["a"].why == "its year 2022 from its story: 'December 19' as w1, w2, w3 state it"
