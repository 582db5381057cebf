"""Which time expression belongs to which act when the trigger's own clause states none: a second date
closing a relative clause that already has a date of its own is the sentence's ("resumed talks that
were suspended in 2019 on February 20"), and a date of the act an event agrees, promises or tries to
do is the event's, the day that act is due ("agreed to hold talks in early February")
(``extract/events/dating._second_date``, ``_in_complement``); an act in a "when" clause of an earlier
act told without a date is an earlier one too ("earlier peace efforts were disrupted when two soldiers
were killed": ``PAST_REF``, ``earlier_one``). The texts are made up for these tests."""

from __future__ import annotations

import pytest

from .annotate import events_by_trigger


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("timex", "mentions", "events")


@pytest.mark.parametrize("text, trigger, date", [
    # the relative clause has its date; the one after it, which it cannot also have, is the sentence's
    ("The government resumed peace talks that were suspended in 2019 on February 20.", "peace talks",
     "2025-02-20"),
    ("The government resumed peace talks with the rebels that had been broken off in May 2023 on Monday.",
     "peace talks", "2025-02-24"),
])
def test_a_second_date_closing_another_clause_dates_the_sentence(pipe, text: str, trigger: str,  # type: ignore[no-untyped-def]
                                                                 date: str):
    found = events_by_trigger(pipe, text, "2025-03-01")
    assert found[trigger].date == date


@pytest.mark.parametrize("text", [
    # one date: the clause's own
    "The government resumed peace talks that were suspended on February 20.",
    # two dates of one time ("in February", "on February 20"): both the clause's
    "The government resumed peace talks that were suspended in February on February 20.",
])
def test_the_date_of_another_clause_stays_its_own(pipe, text: str):  # type: ignore[no-untyped-def]
    found = events_by_trigger(pipe, text, "2025-03-01")
    assert found["peace talks"].date is None


@pytest.mark.parametrize("text, trigger, date", [
    # the act agreed or promised states when it is done or due
    ("The rebels agreed to hold talks with the government in early February.", "agreed", "2025-02"),
    ("The rebels agreed to withdraw from Harlow by March 10.", "agreed", "2025-03-10"),
    ("The rebels pledged to free the hostages on March 8.", "pledged", "2025-03-08"),
    # the event's own date wins over its complement's
    ("The rebels agreed on Monday to release the hostages on Friday.", "agreed", "2025-02-24"),
])
def test_the_act_agreed_to_dates_the_agreement(pipe, text: str, trigger: str,  # type: ignore[no-untyped-def]
                                               date: str):
    found = events_by_trigger(pipe, text, "2025-03-01")
    assert found[trigger].date == date


@pytest.mark.parametrize("text", [
    # a span the act runs over or covers, not when it is done
    "The rebels agreed to extend the truce until June.",
    "The rebels agreed to implement a disengagement plan for 2025.",
])
def test_a_span_of_the_act_agreed_to_dates_nothing(pipe, text: str):  # type: ignore[no-untyped-def]
    found = events_by_trigger(pipe, text, "2025-03-01")
    assert found["agreed"].date is None


def test_an_act_at_the_time_of_an_earlier_one_is_an_earlier_one(pipe):  # type: ignore[no-untyped-def]
    text = "Earlier peace efforts were disrupted when two soldiers were killed in a rebel attack near the border."
    found = events_by_trigger(pipe, text, "2025-01-17")
    assert found["killed"].date == "PAST_REF"


@pytest.mark.parametrize("text, date", [
    # no earlier one in the clause it hangs on
    ("The talks collapsed when Ostland shelled Harlow.", None),
    # a stated date of that clause dates it, as before
    ("Earlier peace talks collapsed in May 2023 when Ostland shelled Harlow.", "2023-05"),
])
def test_a_when_clause_of_a_clause_that_is_no_earlier_one_keeps_its_date(  # type: ignore[no-untyped-def]
        pipe, text: str, date: str | None):
    found = events_by_trigger(pipe, text, "2025-01-17")
    assert found["shelled"].date == date
