"""The units new reports reach (``resolve.incremental.reached``): reports of one bucket whose date
windows overlap, give or take the slack, and every report of a document with an undated report."""

from __future__ import annotations

import datetime as dt

from peacewatch.resolve.incremental import Placing, placing, reached, renamed_apart
from peacewatch.resolve.reports import Report
from peacewatch.timespan import interval
from peacewatch.types import Event

BUCKET = ("ASSAULT", "happened")


def at(row: int, first: int | None, last: int | None, *, doc: str = "d", new: bool = False,
       bucket: tuple[str, str] = BUCKET, actors: str = "") -> Placing:
    return Placing(row, bucket, doc if doc != "d" else f"d{row}", first, last, new, frozenset(actors.split()))


def test_a_chain_of_overlapping_windows_is_one_unit_and_a_gap_wider_than_the_slack_ends_it() -> None:
    rows = [at(1, 10, 12), at(2, 12, 15), at(3, 16, 16), at(4, 30, 31), at(5, 40, 40, new=True)]
    assert reached(rows, 1) == {5}  # 40 is 9 days past 31: nothing old is reached
    rows.append(at(6, 17, 17, new=True))
    assert reached(rows, 1) == {1, 2, 3, 5, 6}  # 17 touches 16 within the day of slack, 16 touches 15
    assert reached(rows, 0) == {5, 6}  # without slack 17 does not touch 16


def test_the_slack_is_what_joins_two_windows_a_few_days_apart() -> None:
    rows = [at(1, 10, 10), at(2, 13, 13, new=True)]
    assert reached(rows, 2) == {2}
    assert reached(rows, 3) == {1, 2}


def test_a_long_window_reaches_every_report_it_covers_even_past_a_short_one() -> None:
    rows = [at(1, 1, 365), at(2, 5, 5), at(3, 300, 300), at(4, 400, 400), at(5, 2, 2, new=True)]
    assert reached(rows, 0) == {1, 2, 3, 5}


def test_reports_naming_no_common_actor_are_apart_unless_one_naming_none_lies_between() -> None:
    rows = [at(1, 10, 10, actors="AZE"), at(2, 10, 10, actors="ARM"), at(3, 10, 10, new=True, actors="ARM SRB"),
            at(4, 11, 11, actors="SRB"), at(5, 30, 30, actors="AZE")]
    assert reached(rows, 0) == {2, 3}  # AZE on day 10 could never share a cluster with ARM or SRB
    assert reached(rows, 1) == {2, 3, 4}  # SRB a day later, within the slack
    rows.append(at(6, 10, 10))  # no actors: it could join AZE's and ARM's, so they depend on each other
    assert reached(rows, 1) == {1, 2, 3, 4, 6}
    later = [at(1, 10, 10, actors="AZE"), at(2, 12, 12), at(3, 12, 12, new=True, actors="ARM"),
             at(4, 11, 14, actors="ARM")]
    assert reached(later, 0) == {2, 3, 4}  # the one naming none reaches ARM's, not AZE's two days before
    assert reached(later, 2) == {1, 2, 3, 4}


def test_other_buckets_are_never_reached() -> None:
    rows = [at(1, 10, 10), at(2, 10, 10, bucket=("AGREE", "happened")), at(3, 10, 10, new=True)]
    assert reached(rows, 1) == {1, 3}
    assert reached([at(1, 10, 10), at(2, 10, 10)], 1) == set()  # nothing new, nothing reached


def test_an_undated_report_reaches_its_own_document_only() -> None:
    rows = [at(1, None, None, doc="a", new=True), at(2, 100, 100, doc="a", new=True), at(3, 101, 101, doc="b"),
            at(4, None, None, doc="c"), at(5, 500, 500, doc="a", new=True), at(6, 501, 501, doc="e")]
    # the undated report of a joins a's dated ones (and through them what overlaps them), never c's
    assert reached(rows, 1) == {1, 2, 3, 5, 6}
    old_undated = [at(1, None, None, doc="a"), at(2, 100, 100, doc="a"), at(3, 300, 300, doc="b", new=True)]
    assert reached(old_undated, 1) == {3}
    old_undated.append(at(4, 100, 100, doc="c", new=True))
    assert reached(old_undated, 1) == {1, 2, 3, 4}


def test_a_placing_reads_the_bucket_and_window_of_its_report() -> None:
    event = Event("ev1", "ASSAULT", (0, 4), (0, 10), status="occurred", date="2024-03")
    window = interval("2024-03")
    assert window is not None
    rep = Report("doc-1", dt.date(2024, 3, 9), event, (), (), window, window)
    found = placing(7, rep, True)
    assert (found.row, found.doc, found.new, found.actors) == (7, "doc-1", True, frozenset())
    assert found.bucket[0] == "ASSAULT"
    assert (found.start, found.end) == (dt.date(2024, 3, 1).toordinal(), dt.date(2024, 3, 31).toordinal())
    undated = placing(8, Report("doc-1", None, event, (frozenset({"state:AZE", "code:AZE"}),), (), None, None), False)
    assert (undated.start, undated.end, undated.new) == (None, None, False)
    assert undated.actors == {"state:AZE", "code:AZE"}
    joint = Event("ev2", "AGREE", (0, 4), (0, 10), status="occurred", date="2024-03")
    agreed = Report("doc-1", None, joint, (frozenset({"code:AZE"}),), (), None, None,
                    countries=frozenset({"AZE", "ARM"}))
    assert placing(9, agreed, False).actors == {"code:AZE", "country AZE", "country ARM"}
    nobody = Report("doc-1", None, joint, (), (), None, None, countries=frozenset({"AZE"}))
    assert placing(10, nobody, False).actors == set()  # naming no actor, it may join any cluster


def test_a_joint_act_reaches_joint_acts_of_its_countries_not_every_one_of_its_days() -> None:
    def agreed(row: int, *tokens: str, new: bool = False) -> Placing:
        return Placing(row, ("AGREE", "happened"), f"d{row}", 10, 10, new, frozenset(tokens))

    rows = [agreed(1, "code:AZE", "country AZE", "country ARM"), agreed(2, "code:SRB", "country SRB", "country XKX"),
            agreed(3, "code:ARM", "country ARM", "country TUR", new=True), agreed(4, "code:GEO", "country GEO")]
    assert reached(rows, 1) == {1, 3}  # Serbia and Kosovo's, Georgia's agreement that day could not merge with it
    rows.append(agreed(5))  # an agreement naming no party could join any of them: all hang together
    assert reached(rows, 1) == {1, 2, 3, 4, 5}


def test_old_events_of_renamed_documents_are_made_again_alone_unless_they_hold_a_changed_report() -> None:
    clusters = {"e1": frozenset({"r1", "o1"}), "e2": frozenset({"r2", "new"}), "e3": frozenset({"r2", "r3"}),
                "e4": frozenset({"r4"})}
    turned, remade = renamed_apart(clusters, {"r1", "r2", "r3", "r4"}, {"new"})
    # r2 shares e2 with a new report: it reaches like a new one, and so does r3, which shares e3 with it
    assert (turned, remade) == ({"r2", "r3"}, {"e1", "e4"})
    assert renamed_apart(clusters, {"r1", "r4"}, set()) == (set(), {"e1", "e2", "e3", "e4"})
