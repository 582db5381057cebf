"""The commitments component: on hand-made events (no spaCy), which events bind whom to what; on
parsed golden texts, that every commitment binds named, bindable actors of its own event."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from peacewatch.extract.commitments import CommitmentsComponent
from peacewatch.pipeline import Annotation, registered
from peacewatch.types import Argument, Document, Event, Result

A = Argument("e1", "AZE", "GOV", "Baku")
B = Argument("e2", "ARM", "GOV", "Yerevan")


def _run(events: list[Event], notes: dict[str, Any]) -> Result:
    result = Result(id="d", events=events)
    ann = Annotation(Document(id="d", text="x"), None, result, dt.date(2023, 12, 26),  # type: ignore[arg-type]
                     notes={"events": notes})
    return CommitmentsComponent()(ann).result


def _event(eid: str, etype: str, status: str, **kw: Any) -> Event:
    return Event(id=eid, type=etype, trigger_span=(0, 1), span=(0, 1), status=status, **kw)


def test_agreement_on_a_swap_binds_both_parties_to_release() -> None:
    ev = _event("ev1", "AGREE", "occurred", actor=[A, B], date="2023-12")
    nested = {"inner": {"ev1": [{"type": "RETREAT", "mode": "release", "why": "swap"}]}}
    [c] = _run([ev], nested).commitments
    assert c.action == {"type": "RETREAT", "mode": "release"}
    assert c.obligor == ["e1", "e2"] and c.beneficiary == ["e1", "e2"]
    assert c.made == "2023-12" and c.due is None and c.status == "open" and c.why


def test_announced_withdrawal_commits_to_the_withdrawal_with_due_date() -> None:
    ev = _event("ev1", "CONCEDE", "future", actor=[A], recipient=[B], date="2024-03")
    own = {"action": {"ev1": {"type": "RETREAT", "mode": "withdraw", "why": "withdrawal"}}}
    [c] = _run([ev], own).commitments
    assert c.action == {"type": "RETREAT", "mode": "withdraw"}
    assert c.obligor == ["e1"] and c.beneficiary == ["e2"]
    assert c.made == "2023-12-26" and c.due == "2024-03"


def test_no_commitment_without_a_named_party_or_from_other_events() -> None:
    events = [
        _event("ev1", "AGREE", "future"),  # nobody bound
        _event("ev2", "RETREAT", "occurred", actor=[A]),  # an act, not a promise
        _event("ev3", "AGREE", "negated", actor=[A]),
        _event("ev4", "AGREE", "hypothetical", actor=[A]),
    ]
    assert _run(events, {}).commitments == []


# --- on parsed text: every commitment binds named, bindable actors of its own event -------------

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "events.jsonl"


@pytest.fixture(scope="module")
def parsed(make_pipeline):  # type: ignore[no-untyped-def]
    if "actors" not in registered():
        pytest.skip("commitment parties need entity kinds from the 'actors' component")
    pipe = make_pipeline("timex", "actors", "quotes", "events", "commitments")
    cases = [json.loads(line) for line in GOLDEN.read_text("utf-8").splitlines() if line.strip()]
    docs = [Document(id=c["id"], text=c["text"], published=c.get("published")) for c in cases]
    return list(pipe.annotate(docs))


def test_obligors_are_bindable_actors_of_the_event(parsed) -> None:  # type: ignore[no-untyped-def]
    bindable = {"state", "person", "organization", "armed_group", "igo", "group"}
    seen = 0
    for result in parsed:
        entities = {e.id: e for e in result.entities}
        events = {e.id: e for e in result.events}
        for c in result.commitments:
            seen += 1
            event = events[c.event]
            actors = {a.entity for a in event.actor}
            if not actors:  # a provision naming no party binds the parties of the document's agreement
                actors = {a.entity for e in result.events if e.type in ("AGREE", "SUPPORT")
                          for a in e.actor + e.recipient}
            members = {m for a in actors if a in entities for m in entities[a].members}
            assert set(c.obligor) <= actors | members, (result.id, c)
            assert all(entities[o].kind in bindable for o in c.obligor + c.beneficiary), (result.id, c)
            assert event.type in ("AGREE", "CONCEDE") and c.status == "open"
            assert "obligors named by" in c.why or "parties of the agreement" in c.why, c.why
    assert seen >= 10


def test_one_obligation_told_twice_is_kept_once(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    if "actors" not in registered():
        pytest.skip("commitment parties need entity kinds from the 'actors' component")
    pipe = make_pipeline("timex", "actors", "quotes", "events", "commitments")
    line = "Armenia and Azerbaijan agreed on an exchange of prisoners."
    [result] = list(pipe.annotate([Document(id="twice", text=f"{line}\n\n{line}", published="2024-05-02")]))
    assert [c.action["type"] for c in result.commitments] == ["RETREAT"]


@pytest.fixture(scope="module")
def full(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("timex", "actors", "events", "commitments")


@pytest.mark.parametrize("text, due", [
    ("Chad and Niger agreed to reopen the border by July 29.", "2025-07-29"),
    ("Russia promised to withdraw its troops by the end of the year.", "2025"),
    ("Armenia and Azerbaijan agreed on Monday to exchange prisoners.", None),
])
def test_a_deadline_in_the_promise_is_its_due_date(full, text: str, due: str | None) -> None:  # type: ignore[no-untyped-def]
    [result] = list(full.annotate([Document(id="d", text=text, published="2025-07-20")]))
    [c] = result.commitments
    assert c.due == due and c.made is not None and c.made <= "2025-07-20"
    assert ("due:" in (c.why or "")) == (due is not None)


@pytest.mark.parametrize("text, bound", [
    ("Armenia and Azerbaijan signed a peace agreement in Washington on Monday. "
     "The ceasefire will enter into force on August 3.", 2),
    ("The ceasefire will enter into force on August 3.", 0),
])
def test_a_provision_naming_no_party_binds_the_parties_of_the_documents_agreement(
        full, text: str, bound: int) -> None:  # type: ignore[no-untyped-def]
    [result] = list(full.annotate([Document(id="d", text=text, published="2025-07-20")]))
    truce = [c for c in result.commitments if c.action == {"type": "RETREAT", "mode": "ceasefire"}]
    assert len(truce) == (1 if bound else 0)
    if bound:
        assert len(truce[0].obligor) == bound and "parties of the agreement" in (truce[0].why or "")


@pytest.mark.parametrize("text, actions", [
    # provisions told as acts, after the deal: each binds the parties of the agreement
    ("Azerbaijan and Armenia signed a peace agreement on Tuesday in Washington. "
     "The main provisions include the exchange of prisoners between Azerbaijan and Armenia.",
     [("RETREAT", "release")]),
    # an undertaking told as "committed to" an act
    ("Azerbaijan and Armenia signed a peace agreement on Tuesday in Washington. "
     "Both sides committed to resuming negotiations on the border.", [("CONSULT", None)]),
    # the same act with no provision cue is no promise, and a denied provision binds nobody
    ("Azerbaijan and Armenia signed a peace agreement on Tuesday in Washington. "
     "Azerbaijan and Armenia exchanged prisoners.", []),
    ("Azerbaijan and Armenia signed a peace agreement on Tuesday in Washington. "
     "Nothing in the provisions covers the exchange of prisoners between Azerbaijan and Armenia.", []),
    # no agreement reported: a provision of what?
    ("The main provisions include the exchange of prisoners between Azerbaijan and Armenia.", []),
])
def test_an_agreed_provision_told_as_an_act_is_a_commitment(
        full, text: str, actions: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    [result] = list(full.annotate([Document(id="d", text=text, published="2024-03-01")]))
    found = [c for c in result.commitments if "agreed provision" in (c.why or "")]
    assert [(c.action["type"], c.action["mode"]) for c in found] == actions
    for c in found:
        assert len(c.obligor) == 2 and c.made == "2024-02-27" and c.due is None


def test_a_promise_dated_over_a_year_back_was_made_on_publication() -> None:
    # "33 hostages seized in the October 7 attack will be released": the date is the seizure's
    ev = _event("ev1", "AGREE", "future", actor=[A, B], date="2022-10-07")
    nested = {"inner": {"ev1": [{"type": "RETREAT", "mode": "release", "why": "release"}]}}
    [c] = _run([ev], nested).commitments
    assert c.made == "2023-12-26"
    recent = _event("ev1", "AGREE", "future", actor=[A, B], date="2023-12-20")
    [c] = _run([recent], nested).commitments
    assert c.made == "2023-12-20"


@pytest.mark.parametrize("text, until", [
    # the day it starts is not read as its due date, so its end is not known (seventh round, follow-up:
    # counted from the day of the deal, it ended four days early)
    ("Armenia and Azerbaijan agreed to a ceasefire for six months starting on Sunday.", None),
    ("Armenia and Azerbaijan agreed to a ceasefire until January 2.", "2024-01-02"),
    ("Israel and Hamas agreed to a truce ending their 48-day war.", None),  # the war's length
])
def test_the_term_of_a_truce_is_read_from_its_length(full, text: str, until: str | None) -> None:  # type: ignore[no-untyped-def]
    [result] = list(full.annotate([Document(id="d", text=text, published="2023-11-22")]))
    [c] = [c for c in result.commitments if c.action.get("mode") == "ceasefire"]
    assert c.action.get("until") == until
    assert ("lasts until" in (c.why or "")) == (until is not None)


@pytest.mark.parametrize("text, actions", [
    # what a deal holds, told as nouns no event reads: each a promised act of the agreement's parties
    ("Rwanda and Congo signed a peace agreement on Tuesday in Washington. "
     "The agreement includes a framework for regional economic integration and the disarmament of armed groups.",
     [("COOPERATE", None), ("RETREAT", "disarm")]),
    ("Rwanda and Congo signed a peace agreement on Tuesday in Washington. "
     "It also establishes a Joint Security Coordination Mechanism.", [("COOPERATE", None)]),
    # a joint body in the plural, or a committee (tenth round)
    ("Rwanda and Congo signed a peace agreement on Tuesday in Washington. "
     "The agreement includes the participation of civil society in verification and monitoring mechanisms.",
     [("COOPERATE", None)]),
    ("Rwanda and Congo signed a peace agreement on Tuesday in Washington. "
     "The agreement provides for a joint implementation committee.", [("COOPERATE", None)]),
    # a denial between the cue and the act, or no agreement reported: no promise
    ("Rwanda and Congo signed a peace agreement on Tuesday in Washington. "
     "The agreement includes nothing on humanitarian access.", []),
    ("The agreement includes a framework for regional economic integration.", []),
    # the phrase with no cue of what was agreed before it is news, not a provision
    ("Rwanda and Congo signed a peace agreement on Tuesday in Washington. "
     "Disarmament of armed groups has been slow for years.", []),
])
def test_a_provision_told_as_a_noun_is_a_commitment_of_its_act(
        full, text: str, actions: list[tuple[str, str | None]]) -> None:  # type: ignore[no-untyped-def]
    [result] = list(full.annotate([Document(id="d", text=text, published="2024-03-01")]))
    found = [c for c in result.commitments if "named as agreed" in (c.why or "")]
    assert [(c.action["type"], c.action["mode"]) for c in found] == actions
    for c in found:
        assert len(c.obligor) == 2 and c.made == "2024-02-27" and c.event


def test_the_provision_table_reads_each_kind_of_act_once_in_order() -> None:
    from peacewatch.extract.commitment_acts import phrases

    found = phrases("the deal provides for the exchange of prisoners, humanitarian access and a prisoner swap.")
    assert [(row.type, row.mode) for _, row in found] == [("RETREAT", "release"), ("RETREAT", "access")]
    assert phrases("the talks resumed in doha.") == []
    assert [(r.type, r.mode) for _, r in phrases("it sets up joint monitoring teams and a ceasefire commission.")] \
        == [("COOPERATE", None)]
    assert phrases("a commission of inquiry was named.") == []


def test_a_provision_noun_in_an_article_recounting_the_process_dates_from_its_latest_deal(
        full) -> None:  # type: ignore[no-untyped-def]
    text = ("Colombia and the ELN signed a peace agreement on Monday in Mexico. "
            "In the first round, Colombia and the ELN signed a memorandum on December 13, 2022. "
            "The agreement includes humanitarian access to the region.")
    [result] = list(full.annotate([Document(id="d", text=text, published="2023-12-20")]))
    found = [c for c in result.commitments if "named as agreed" in (c.why or "")]
    assert [(c.action["mode"], c.made) for c in found] == [("access", "2023-12-18")]


@pytest.mark.parametrize("text, action", [
    ("Azerbaijan has pledged to provide information about the missing persons to Armenia.", ("COOPERATE", None)),
    ("Azerbaijan has pledged to work with Armenia.", ("AGREE", None)),
])
def test_a_bare_pledge_promises_the_act_its_sentence_names(full, text: str, action: tuple[str, str | None]
                                                           ) -> None:  # type: ignore[no-untyped-def]
    [result] = list(full.annotate([Document(id="d", text=text, published="2024-03-01")]))
    assert [(c.action["type"], c.action["mode"]) for c in result.commitments] == [action]


def test_a_passive_promise_binds_the_party_of_the_deal_not_those_it_frees(full) -> None:  # type: ignore[no-untyped-def]
    # the deal's headline reads "hostage" as an actor: civilians make two sides of a deal but
    # are bound by none of it, so the release binds the ELN alone
    text = "Colombia announces hostage deal with the ELN. The first hostages will be released on Friday."
    [result] = list(full.annotate([Document(id="d", text=text, published="2025-03-05")]))
    names = {e.id: e.name for e in result.entities}
    [c] = [c for c in result.commitments if c.action["mode"] == "release"]
    assert [names[o] for o in c.obligor] == ["National Liberation Army"] and c.due == "2025-03-07"
    assert "hostages" not in " ".join(names[o] for o in c.obligor).lower()


def test_a_promise_of_one_act_carries_its_count(full) -> None:  # type: ignore[no-untyped-def]
    text = ("Colombia and the ELN reached a deal on Monday. The ELN will free 20 hostages in the first phase. "
            "The first hostages will be released on Friday.")
    [result] = list(full.annotate([Document(id="d", text=text, published="2025-03-05")]))
    releases = [c for c in result.commitments if c.action["mode"] == "release"]
    assert sorted(str(c.action.get("quantity")) for c in releases) == ["None", "{'unit': 'person', 'value': 20}"]
    counted = next(c for c in releases if c.action.get("quantity"))
    assert counted.due is None and "promised count 20" in (counted.why or "")


def test_a_promise_naming_no_party_binds_those_of_the_deal_carried_over_as_its_doers() -> None:
    from peacewatch.extract.commitments import _doers

    # "the first prisoners will be released": the events component carried Armenia over as the doer
    found = _doers(_event("ev2", "AGREE", "future", actor=[B]), ["e1", "e2"])
    assert found is not None and found[0] == ["e2"] and "carries over as its doers" in found[1]
    # carried over, but no party of the deal: every party of the deal
    nobody = _event("ev3", "AGREE", "future", actor=[Argument("e9", "PSE", "CVL", "hostages")])
    found = _doers(nobody, ["e1", "e2"])
    assert found is not None and found[0] == ["e1", "e2"]
    assert _doers(nobody, []) is None


def test_a_provision_told_as_an_act_dates_from_the_newest_deal_of_its_article(full) -> None:  # type: ignore[no-untyped-def]
    # an article recounting a process restates the terms of its news: the July declaration's,
    # not the April agreement to talk
    text = ("In April, Colombia and the ELN reached an agreement on talks. On July 19, Colombia and the ELN "
            "signed a declaration in Doha. Main provisions include the exchange of prisoners between Colombia "
            "and the ELN.")
    [result] = list(full.annotate([Document(id="d", text=text, published="2024-07-25")]))
    [c] = [c for c in result.commitments if "agreed provision" in (c.why or "")]
    assert (c.action["mode"], c.made) == ("release", "2024-07-19")
