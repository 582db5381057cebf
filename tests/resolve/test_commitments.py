from __future__ import annotations

from typing import Any

from peacewatch.resolve import LedgerSettings, build_ledger
from peacewatch.resolve.records import LedgerCommitment
from peacewatch.types import Argument, Commitment, Entity, Event, Result

ENTS = [Entity("e1", "Azerbaijan", "state", "AZE", "GOV"), Entity("e2", "Armenia", "state", "ARM", "GOV")]
AZE = Argument("e1", "AZE", "GOV", "Azerbaijan")
ARM = Argument("e2", "ARM", "GOV", "Armenia")


def ev(eid: str, type_: str, actor: list[Argument], recipient: list[Argument], **fields: Any) -> Event:
    return Event(eid, type_, (0, 5), (0, 20), actor=actor, recipient=recipient, **fields)


def promise(action: dict[str, Any], obligor: list[str], beneficiary: list[str], **fields: Any) -> Result:
    event = ev("p", action["type"], [], [], mode=action.get("mode"), status="future")
    c = Commitment("c1", "p", obligor, beneficiary, action, made="2023-12-07", **fields)
    return Result("promise", "2023-12-07", entities=ENTS, events=[event], commitments=[c])


def later(did: str, published: str, *events: Event) -> Result:
    return Result(did, published, entities=ENTS, events=list(events))


def judge(*docs: Result, **opts: Any) -> LedgerCommitment:
    [c] = build_ledger(docs, LedgerSettings(**opts)).commitments
    return c


CEASEFIRE = {"type": "RETREAT", "mode": "ceasefire"}


def test_open_without_later_events() -> None:
    c = judge(promise(CEASEFIRE, ["e1"], ["e2"]))
    assert (c.status, c.fulfilled_by, c.broken_by) == ("open", [], [])


def test_a_ceasefire_that_took_effect_stays_kept_when_fighting_resumes() -> None:
    """Coding guide and gold: a truce that took effect was carried out (the Pretoria truce, the
    four-day Gaza pause); fighting after it ends it, recorded in ``broken_by``, without undoing it.
    A truce never reported in force is broken by the fighting."""
    kept = later("b", "2023-12-10", ev("x", "RETREAT", [AZE], [ARM], mode="ceasefire", date="2023-12-09"))
    assert judge(promise(CEASEFIRE, ["e1"], ["e2"]), kept).status == "fulfilled"
    attack = later("c", "2024-02-14", ev("y", "ASSAULT", [AZE], [ARM], date="2024-02-13"))
    c = judge(promise(CEASEFIRE, ["e1"], ["e2"]), kept, attack)
    assert (c.status, c.fulfilled_on, len(c.broken_by)) == ("fulfilled", "2023-12-09", 1) and "ended by" in c.why
    c = judge(promise(CEASEFIRE, ["e1"], ["e2"]), attack)
    assert c.status == "broken" and "ceasefire" in c.why


def test_a_kept_withdrawal_is_still_broken_by_moving_back_in() -> None:
    withdraw = {"type": "RETREAT", "mode": "withdraw"}
    done = later("b", "2023-12-10", ev("x", "RETREAT", [AZE], [ARM], mode="withdraw", date="2023-12-09"))
    back = later("c", "2024-02-14", ev("y", "ASSAULT", [AZE], [ARM], date="2024-02-13"))
    assert judge(promise(withdraw, ["e1"], ["e2"]), done, back).status == "broken"


def test_an_assault_before_the_promise_or_by_the_other_side_breaks_nothing() -> None:
    before = later("b", "2023-12-05", ev("x", "ASSAULT", [AZE], [ARM], date="2023-12-01"))
    other = later("c", "2023-12-20", ev("y", "ASSAULT", [ARM], [AZE], date="2023-12-19"))
    assert judge(promise(CEASEFIRE, ["e1"], ["e2"]), before, other).status == "open"


def test_a_one_off_release_stays_fulfilled_after_a_later_arrest() -> None:
    done = later("b", "2023-12-14", ev("x", "RETREAT", [AZE], [ARM], mode="release", date="2023-12-13"))
    arrest = later("c", "2024-01-10", ev("y", "COERCE", [AZE], [ARM], mode="arrest", date="2024-01-09"))
    c = judge(promise({"type": "RETREAT", "mode": "release"}, ["e1"], ["e2"]), done, arrest)
    assert c.status == "fulfilled"
    # an arrest is not the opposite of a promised release: the people arrested are seldom those
    # promised release (West Bank arrests during the Gaza swaps); only a later report that the
    # release failed or was refused breaks it
    c = judge(promise({"type": "RETREAT", "mode": "release"}, ["e1"], ["e2"]), arrest)
    assert c.status == "open"


def test_a_joint_promise_needs_every_obligor() -> None:
    swap = {"type": "RETREAT", "mode": "release"}
    one = later("b", "2023-12-14", ev("x", "RETREAT", [AZE], [ARM], mode="release", date="2023-12-13"))
    c = judge(promise(swap, ["e1", "e2"], ["e1", "e2"]), one)
    assert c.status == "open" and len(c.fulfilled_by) == 1 and "partly" in c.why
    two = later("c", "2023-12-14", ev("y", "RETREAT", [ARM], [AZE], mode="release", date="2023-12-13"))
    assert judge(promise(swap, ["e1", "e2"], ["e1", "e2"]), one, two).status == "fulfilled"


def test_a_side_is_kept_by_any_of_its_parties_but_government_and_rebels_are_two_sides() -> None:
    """Obligors of one country token are one side: a release promised by "Azerbaijan" and "the
    Azerbaijani army" is kept when the army releases; the rebels of a country are another side."""
    ents = ENTS + [Entity("e3", "Azerbaijani army", "organization", "AZE", "MIL"),
                   Entity("e4", "the rebels", "armed_group", "AZE", "REB")]
    army, rebels = Argument("e3", "AZE", "MIL", "Azerbaijani army"), Argument("e4", "AZE", "REB", "the rebels")
    release = {"type": "RETREAT", "mode": "release"}

    def made_by(*obligor: str) -> Result:
        made = promise(release, list(obligor), ["e2"])
        return Result(made.id, made.published, entities=ents, events=made.events, commitments=made.commitments)

    done = Result("b", "2023-12-14", entities=ents,
                  events=[ev("x", "RETREAT", [army], [ARM], mode="release", date="2023-12-13")])
    assert judge(made_by("e1", "e3"), done).status == "fulfilled"
    c = judge(made_by("e1", "e4"), done)
    assert c.status == "open" and "partly" in c.why
    both = Result("c", "2023-12-15", entities=ents,
                  events=[ev("y", "RETREAT", [rebels], [ARM], mode="release", date="2023-12-14")])
    assert judge(made_by("e1", "e4"), done, both).status == "fulfilled"


def test_overdue_is_judged_against_the_newest_publication_or_as_of() -> None:
    talks = {"type": "CONSULT", "mode": None}
    quiet = later("b", "2024-02-20", ev("x", "SUPPORT", [AZE], [ARM]))
    assert judge(promise(talks, ["e1", "e2"], [], due="2024-01"), quiet).status == "overdue"
    assert judge(promise(talks, ["e1", "e2"], [], due="2024-01"), quiet, as_of="2024-01-15").status == "open"
    met = later("c", "2024-01-20", ev("y", "CONSULT", [AZE, ARM], [], date="2024-01-19"))
    assert judge(promise(talks, ["e1", "e2"], [], due="2024-01"), quiet, met).status == "fulfilled"


def test_a_promise_to_sign_is_kept_by_signing_and_broken_by_walking_out() -> None:
    sign = {"type": "AGREE", "mode": None}
    signed = later("b", "2024-01-05", ev("x", "SUPPORT", [AZE], [ARM], mode="sign", date="2024-01-04"))
    assert judge(promise(sign, ["e1"], ["e2"]), signed).status == "fulfilled"
    # praise or an endorsement (SUPPORT with no mode) is no signature
    praised = later("b", "2024-01-05", ev("x", "SUPPORT", [AZE], [ARM], date="2024-01-04"))
    assert judge(promise(sign, ["e1"], ["e2"]), praised).status == "open"
    walked = later("c", "2024-03-01", ev("y", "SANCTION", [AZE], [ARM], mode="withdraw", date="2024-02-28"))
    assert judge(promise(sign, ["e1"], ["e2"]), signed, walked).status == "broken"


def test_events_beyond_the_horizon_keep_or_break_nothing() -> None:
    swap = {"type": "RETREAT", "mode": "release"}
    much_later = later("b", "2025-03-01", ev("x", "RETREAT", [AZE], [ARM], mode="release", date="2025-02-27"))
    assert judge(promise(swap, ["e1"], ["e2"]), much_later).status == "open"
    assert judge(promise(swap, ["e1"], ["e2"]), much_later, horizon_days=800).status == "fulfilled"


TERM = {**CEASEFIRE, "until": "2024-01-02"}


def test_a_ceasefire_with_a_term_is_not_broken_after_it() -> None:
    after = later("b", "2024-02-14", ev("x", "ASSAULT", [AZE], [ARM], date="2024-02-13"))
    assert judge(promise(TERM, ["e1"], ["e2"], due="2024-01-02"), after).status == "overdue"
    within = later("c", "2023-12-21", ev("y", "ASSAULT", [AZE], [ARM], date="2023-12-20"))
    assert judge(promise(TERM, ["e1"], ["e2"], due="2024-01-02"), within).status == "broken"


def test_the_due_date_of_a_truce_is_the_day_it_takes_effect() -> None:
    """Coding guide: the due date is when the act is due; a truce "from December 10" is kept by the
    truce in force from then, not by one reported the day it was agreed, and broken by fighting
    after it started, however long after (no term given)."""
    agreed_day = later("b", "2023-12-07", ev("x", "RETREAT", [AZE], [ARM], mode="ceasefire", date="2023-12-07"))
    in_force = later("c", "2023-12-11", ev("y", "RETREAT", [AZE], [ARM], mode="ceasefire", date="2023-12-10"))
    c = judge(promise(CEASEFIRE, ["e1"], ["e2"], due="2023-12-10"), agreed_day, in_force)
    assert (c.status, c.fulfilled_on, c.fulfilled_by) == ("fulfilled", "2023-12-10", [c.fulfilled_by[0]])
    assert judge(promise(CEASEFIRE, ["e1"], ["e2"], due="2023-12-10"), agreed_day, as_of="2023-12-20").status \
        == "overdue"
    fighting = later("d", "2024-03-02", ev("z", "ASSAULT", [AZE], [ARM], date="2024-03-01"))
    assert judge(promise(CEASEFIRE, ["e1"], ["e2"], due="2023-12-10"), agreed_day, fighting).status == "broken"


def test_a_truce_agreed_on_one_day_by_the_same_states_is_one_commitment() -> None:
    """"Agreed to a ceasefire" and "the ceasefire will come into force on Sunday", two events of
    two articles, are one promise: one commitment, due when it takes effect, kept from that day."""
    agreed = promise(CEASEFIRE, ["e1", "e2"], ["e1", "e2"])
    told = Result("other", "2023-12-07", entities=ENTS,
                  events=[ev("q", "AGREE", [AZE, ARM], [], status="future", date="2023-12-10")],
                  commitments=[Commitment("c1", "q", ["e1", "e2"], ["e1", "e2"], CEASEFIRE, made="2023-12-07",
                                          due="2023-12-10")])
    reported = later("b", "2023-12-07", ev("x", "RETREAT", [AZE], [ARM], mode="ceasefire", date="2023-12-07"))
    in_force = later("c", "2023-12-11", ev("y", "RETREAT", [AZE], [ARM], mode="ceasefire", date="2023-12-10"))
    [c] = build_ledger([agreed, told, reported, in_force], LedgerSettings()).commitments
    assert (len(c.sources), c.due, c.status, c.fulfilled_on) == (2, "2023-12-10", "fulfilled", "2023-12-10")
    other_day = Result("late", "2023-12-20", entities=ENTS, events=told.events,
                       commitments=[Commitment("c1", "q", ["e1", "e2"], ["e1", "e2"], CEASEFIRE, made="2023-12-20")])
    assert len(build_ledger([agreed, other_day], LedgerSettings()).commitments) == 2


def test_fighting_within_ones_own_side_breaks_no_promise_to_the_other() -> None:
    """A mutual withdrawal of Azerbaijan and Armenia is broken by an attack on Armenia, not by the
    Azerbaijani army's fighting in a town of its own country (read as a party of that country)."""
    town = Entity("e5", "Beni", "person", "AZE", None)
    ents = ENTS + [town]
    withdraw = {"type": "RETREAT", "mode": "withdraw"}
    made = promise(withdraw, ["e1", "e2"], ["e1", "e2"])
    made = Result(made.id, made.published, entities=ents, events=made.events, commitments=made.commitments)
    own = Result("b", "2024-01-10", entities=ents,
                 events=[ev("x", "ASSAULT", [AZE], [Argument("e5", "AZE", None, "Beni")], date="2024-01-09")])
    assert judge(made, own).status == "open"
    other = later("c", "2024-01-10", ev("y", "ASSAULT", [AZE], [ARM], date="2024-01-09"))
    assert judge(made, other).status == "broken"


def test_undated_events_are_no_evidence() -> None:
    unplaced = Result("b", None, entities=ENTS, events=[ev("x", "ASSAULT", [AZE], [ARM])])
    assert judge(promise(CEASEFIRE, ["e1"], ["e2"]), unplaced).status == "open"


def test_an_agreement_is_kept_by_a_meeting_only_when_it_was_an_agreement_to_meet() -> None:
    talks = later("b", "2024-01-16", ev("x", "CONSULT", [AZE], [ARM], date="2024-01-15"))
    truce = judge(promise({"type": "AGREE", "mode": None}, ["e1"], ["e2"]), talks)
    assert truce.status == "open" and truce.fulfilled_by == []
    meet = judge(promise({"type": "AGREE", "mode": "meet"}, ["e1"], ["e2"]), talks)
    assert meet.status == "fulfilled" and len(meet.fulfilled_by) == 1


def test_a_promise_that_cannot_be_placed_in_time_is_kept_by_nothing() -> None:
    undated = promise(CEASEFIRE, ["e1"], ["e2"])
    undated.published = None
    undated.commitments[0].made = None
    kept = later("b", "2023-12-10", ev("x", "RETREAT", [AZE], [ARM], mode="ceasefire", date="2023-12-09"))
    c = judge(undated, kept)
    assert (c.made, c.status, c.fulfilled_by) == (None, "open", [])


def test_a_promise_is_made_no_later_than_its_first_report() -> None:
    # "the ceasefire takes effect tomorrow": the date read as made is the day it names
    announced = promise(CEASEFIRE, ["e1"], ["e2"])
    announced.commitments[0].made = "2023-12-08"
    same_day = later("b", "2023-12-09", ev("x", "RETREAT", [AZE], [ARM], mode="ceasefire", date="2023-12-08"))
    c = judge(announced, same_day)
    assert c.made == "2023-12-07" and c.status == "fulfilled"


def test_an_earlier_one_of_unknown_date_neither_keeps_nor_breaks_a_promise() -> None:
    """"A previous ceasefire" (date PAST_REF) happened some time before its report: not evidence
    that the promise was kept, even when reported after the promise was made."""
    earlier = ev("x", "RETREAT", [AZE], [ARM], mode="ceasefire", date="PAST_REF")
    c = judge(promise(CEASEFIRE, ["e1"], ["e2"]), later("d2", "2023-12-20", earlier))
    assert (c.status, c.fulfilled_by) == ("open", [])
    kept = ev("y", "RETREAT", [AZE], [ARM], mode="ceasefire", date="2023-12-19")
    assert judge(promise(CEASEFIRE, ["e1"], ["e2"]), later("d3", "2023-12-20", kept)).status == "fulfilled"


def test_an_earlier_one_does_not_merge_with_a_dated_report_or_sit_on_the_report_day() -> None:
    from peacewatch.resolve.events import timeline_day

    earlier = ev("x", "RETREAT", [AZE], [ARM], mode="ceasefire", date="PAST_REF")
    dated = ev("y", "RETREAT", [AZE], [ARM], mode="ceasefire", date="2023-12-19")
    ledger = build_ledger([later("d1", "2023-12-20", earlier), later("d2", "2023-12-20", dated)])
    assert len(ledger.events) == 2
    [past] = [e for e in ledger.events if e.date == "PAST_REF"]
    assert timeline_day(past) is None


def test_what_starts_after_the_due_date_does_not_keep_the_promise() -> None:
    """A truce "until January 2" is not kept by a truce agreed in June; a withdrawal promised by the
    end of the year and done in March is late: overdue, and its why names the late act."""
    june = ev("j", "RETREAT", [AZE], [ARM], mode="ceasefire", date="2024-06-10")
    c = judge(promise(TERM, ["e1"], ["e2"], due="2024-01-02"), later("d2", "2024-06-11", june))
    assert (c.status, c.fulfilled_by) == ("overdue", []) and "done after the due date by" in c.why
    on_time = ev("t", "RETREAT", [AZE], [ARM], mode="ceasefire", date="2023-12-20")
    c = judge(promise(TERM, ["e1"], ["e2"]), later("d3", "2023-12-21", on_time))
    assert c.status == "fulfilled"


def test_only_a_later_report_of_the_opposite_act_breaks_a_promise() -> None:
    # fighting told undated on the day the truce was agreed (the war's background) breaks nothing
    same_day = later("b", "2023-12-07", ev("x", "ASSAULT", [AZE], [ARM]))
    assert judge(promise(CEASEFIRE, ["e1"], ["e2"]), same_day).status == "open"
    # nor does fighting on the day a truce took effect; the day after does
    took_effect = later("c", "2023-12-10", ev("y", "RETREAT", [AZE], [ARM], mode="ceasefire", date="2023-12-09"))
    that_day = later("d", "2023-12-10", ev("z", "ASSAULT", [AZE], [ARM], date="2023-12-09"))
    assert judge(promise(CEASEFIRE, ["e1"], ["e2"]), took_effect, that_day).status == "fulfilled"
    next_day = later("e", "2023-12-11", ev("w", "ASSAULT", [AZE], [ARM], date="2023-12-10"))
    assert judge(promise(CEASEFIRE, ["e1"], ["e2"]), took_effect, next_day).broken_by
    assert judge(promise(CEASEFIRE, ["e1"], ["e2"]), next_day).status == "broken"


def test_an_undated_act_told_the_day_the_promise_is_made_does_not_keep_it() -> None:
    # "there will be a ceasefire with the army withdrawing": the terms, read the same day as done
    withdraw = {"type": "RETREAT", "mode": "withdraw"}
    terms = later("b", "2023-12-07", ev("x", "RETREAT", [AZE], [ARM], mode="withdraw"))
    assert judge(promise(withdraw, ["e1"], ["e2"]), terms).status == "open"
    reported_later = later("c", "2023-12-12", ev("y", "RETREAT", [AZE], [ARM], mode="withdraw"))
    c = judge(promise(withdraw, ["e1"], ["e2"]), reported_later)
    assert c.status == "fulfilled" and c.fulfilled_on == "2023-12-12"


def test_an_undated_act_only_the_articles_telling_the_promise_report_is_its_terms() -> None:
    # a day after the signing: "the agreement also included unhindered access to humanitarian
    # supplies", read as an act that happened, told by the article that tells the promise itself
    access = {"type": "RETREAT", "mode": "access"}
    promised = ev("p", "RETREAT", [], [], mode="access", status="future")
    terms = ev("x", "RETREAT", [AZE], [ARM], mode="access")
    told = Commitment("c1", "p", ["e1"], ["e2"], access, made="2023-12-07")
    article = Result("told", "2023-12-08", entities=ENTS, events=[promised, terms], commitments=[told])
    c = judge(article)
    assert (c.status, c.fulfilled_by, c.level) == ("open", [], 0)
    # another article's report of the act, days later, does keep it
    done = later("b", "2023-12-12", ev("y", "RETREAT", [AZE], [ARM], mode="access", date="2023-12-11"))
    c = judge(article, done)
    assert c.status == "fulfilled" and c.fulfilled_on == "2023-12-11"


def test_an_act_dated_the_day_made_told_only_by_the_promise_article_is_not_its_keeping() -> None:
    # "Trump announced on Wednesday a deal to free hostages", read as a release that day
    release = {"type": "RETREAT", "mode": "release"}
    promised = ev("p", "RETREAT", [], [], mode="release", status="future")
    announced = ev("x", "RETREAT", [AZE], [ARM], mode="release", date="2023-12-07")
    told = Commitment("c1", "p", ["e1"], ["e2"], release, made="2023-12-07")
    article = Result("told", "2023-12-08", entities=ENTS, events=[promised, announced], commitments=[told])
    assert (judge(article).status, judge(article).fulfilled_by) == ("open", [])


def test_a_promised_count_and_a_first_release_read_as_one_event_are_two_promises() -> None:
    """"Azerbaijan will release 30 prisoners" and, in another article, "the first prisoners will be
    released on Sunday" are reports of one merged event, but two promises: the first three freed
    on Sunday keep the second on that day and are a tenth of the first (open, minimal level)."""
    release = {"type": "RETREAT", "mode": "release"}

    def told(did: str, action: dict[str, Any], **fields: Any) -> Result:
        event = ev("p", "RETREAT", [AZE], [ARM], mode="release", status="future", date="2023-12-10")
        c = Commitment("c1", "p", ["e1"], ["e2"], action, made="2023-12-07", **fields)
        return Result(did, "2023-12-07", entities=ENTS, events=[event], commitments=[c])

    counted = told("a", {**release, "quantity": {"unit": "person", "value": 30}})
    first = told("b", release, due="2023-12-10")
    done = later("c", "2023-12-11", ev("x", "RETREAT", [AZE], [ARM], mode="release", date="2023-12-10",
                                       quantity={"unit": "person", "value": 3}))
    ledger = build_ledger([counted, first, done], LedgerSettings())
    assert len({e.id for e in ledger.events if e.status == "future"}) == 1  # one merged event told twice
    by_count = {bool(c.action.get("quantity")): c for c in ledger.commitments}
    assert (by_count[True].status, by_count[True].level) == ("open", 1) and "10%" in by_count[True].why
    assert (by_count[False].status, by_count[False].fulfilled_on) == ("fulfilled", "2023-12-10")


def test_fighting_before_a_truce_was_first_reported_in_force_broke_it() -> None:
    """A truce agreed in July, fighting in August, a report of the truce in force in October: the
    fighting broke it before it was kept (before, the late report of it in force made it kept and
    the fighting counted for nothing). Fighting before the day it was to take effect breaks none."""
    fight = later("b", "2023-12-20", ev("x", "ASSAULT", [AZE], [ARM], date="2023-12-19"))
    in_force = later("c", "2024-01-15", ev("y", "RETREAT", [AZE], [ARM], mode="ceasefire", date="2024-01-15"))
    c = judge(promise(CEASEFIRE, ["e1"], ["e2"]), fight, in_force)
    assert c.status == "broken" and len(c.broken_by) == 1 and "2023-12-19" in c.why
    # the same fighting before a truce "from December 22" took effect
    c = judge(promise(CEASEFIRE, ["e1"], ["e2"], due="2023-12-22"), fight, in_force)
    assert c.status == "fulfilled" and c.broken_by == []


def test_a_clash_of_the_two_sides_breaks_their_truce_but_not_a_withdrawal() -> None:
    """Coding guide: a two-sided clash is one ASSAULT with both sides as actors and no recipient.
    Between the parties of a truce it breaks the truce; a truce binds every side at once, while a
    clash says nothing of which side failed to withdraw."""
    clash = later("b", "2023-12-20", ev("x", "ASSAULT", [AZE, ARM], [], date="2023-12-19"))
    assert judge(promise(CEASEFIRE, ["e1", "e2"], ["e1", "e2"]), clash).status == "broken"
    withdraw = {"type": "RETREAT", "mode": "withdraw"}
    assert judge(promise(withdraw, ["e1", "e2"], ["e1", "e2"]), clash).status == "open"
    # one side's own fighting with no recipient named is fighting all the same (seventh round,
    # follow-up): it breaks the truce, and still says nothing of a withdrawal
    alone = later("c", "2023-12-20", ev("y", "ASSAULT", [AZE], [], date="2023-12-19"))
    assert judge(promise(CEASEFIRE, ["e1", "e2"], ["e1", "e2"]), alone).status == "broken"
    assert judge(promise(withdraw, ["e1", "e2"], ["e1", "e2"]), alone).status == "open"


def test_a_concession_of_no_named_kind_is_not_kept_by_any_retreat() -> None:
    """"The re-establishment of federal authority" (CONCEDE, no mode) is not carried out by a truce;
    an announced withdrawal (CONCEDE/withdraw) is, by the withdrawal."""
    truce = later("b", "2023-12-20", ev("x", "RETREAT", [AZE], [ARM], mode="ceasefire", date="2023-12-19"))
    c = judge(promise({"type": "CONCEDE", "mode": None}, ["e1"], ["e2"]), truce)
    assert (c.status, c.level) == ("open", 0)
    pulled_out = later("c", "2023-12-20", ev("y", "RETREAT", [AZE], [ARM], mode="withdraw", date="2023-12-19"))
    assert judge(promise({"type": "CONCEDE", "mode": "withdraw"}, ["e1"], ["e2"]), pulled_out).status == "fulfilled"
    assert judge(promise({"type": "CONCEDE", "mode": "withdraw"}, ["e1"], ["e2"]), truce).status == "open"
