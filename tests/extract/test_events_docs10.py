"""Whole articles, tenth round (docs/events.md, "Tenth round"): the agent of an act told as a noun, an objection,
services and links restored or resumed (COOPERATE), gratitude expressed (SUPPORT), and acts scheduled
or due (announced). On texts of an invented conflict written for these tests."""

from __future__ import annotations

import pytest

from peacewatch.extract.events import arguments as args
from peacewatch.extract.events.triggers import find

from .annotate import acts, annotated, events_pipeline


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return events_pipeline(make_pipeline)


@pytest.mark.parametrize("text", [
    "Drone attacks carried out by Ugandan forces hit the port on Sunday.",
    "Kenya said the attack on the port was carried out by Ugandan forces.",
    "The attack on the port was launched by Ugandan forces on Sunday.",
])
def test_the_agent_of_a_verb_of_doing_is_who_attacked(pipe, text: str) -> None:  # type: ignore[no-untyped-def]
    # "carried out / launched by X" on an attack noun: X attacked (before, no actor, or the subject
    # of the clause above)
    assert ("ASSAULT", frozenset({"UGA"})) in [(t, a) for t, _s, a in acts(pipe, text)]


def test_a_verb_of_no_doing_names_no_attacker(pipe) -> None:  # type: ignore[no-untyped-def]
    # "condemned by X": X judged the attack, it did not carry it out
    text = "The attack on the port, condemned by Uganda, killed two soldiers."
    doc = pipe.nlp(text)
    index = args.Index.build(doc, annotated(pipe, text))
    assert args.performers(index, next(t for t in doc if t.lower_ == "attack")) == []
    text = "The attack on the port was carried out by Ugandan forces."
    doc = pipe.nlp(text)
    index = args.Index.build(doc, annotated(pipe, text))
    assert [a.code for a in args.performers(index, next(t for t in doc if t.lower_ == "attack"))] == ["UGA"]


@pytest.mark.parametrize("text", [
    "Kenya restored electricity and banking services in the border region on Monday.",
    "Kenya and Uganda resumed trade on Monday.",
    "Kenya resumed flights to Kampala on Monday.",
])
def test_services_and_links_restored_or_resumed_are_cooperation(pipe, text: str) -> None:  # type: ignore[no-untyped-def]
    # PLOVER's material cooperation; before this round no row read them and the sentence had no event
    assert [t for t, _s, _a in acts(pipe, text)] == ["COOPERATE"]


def test_restored_ties_stay_support_and_a_restored_order_no_cooperation(nlp) -> None:  # type: ignore[no-untyped-def]
    # the rules' own reading (the learned model may retype a main event beside them)
    def rule_types(text: str) -> list[str]:
        return [f.rule.type for f in find(next(nlp(text).sents))]

    assert rule_types("Kenya and Uganda restored diplomatic ties on Monday.") == ["SUPPORT"]
    assert "COOPERATE" not in rule_types("The army restored order in the town on Monday.")


def test_gratitude_expressed_is_support(pipe) -> None:  # type: ignore[no-untyped-def]
    # the guide's thanks (SUPPORT), told with "gratitude" or "appreciation" as "thanks" already was
    for text in ("Kenya expressed gratitude to Uganda for its mediation on Monday.",
                 "Kenya conveyed its appreciation to Uganda on Monday."):
        assert ("SUPPORT", "occurred", frozenset({"KEN"})) in acts(pipe, text)


@pytest.mark.parametrize("text", [
    "Ugandan troops are due to withdraw from the town by Friday.",
    "The withdrawal of Ugandan troops is scheduled to be completed by Friday.",
])
def test_a_retreat_scheduled_or_due_is_announced(pipe, text: str) -> None:  # type: ignore[no-untyped-def]
    # like "expected to" or "set to": not yet carried out, so CONCEDE future (coding guide, "Retreats")
    assert [(t, s) for t, s, _a in acts(pipe, text)] == [("CONCEDE", "future")]


def test_due_to_as_a_cause_announces_nothing(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "Kenya suspended the deal due to drone attacks on the port by Ugandan forces."
    assert ("ASSAULT", "occurred", frozenset({"UGA"})) in acts(pipe, text)


@pytest.mark.parametrize("text", [
    "Nairobi informed Uganda of Kenya's objection to extending the grain deal.",
    "Kenya voiced its objection to the plan on Monday.",
])
def test_an_objection_voiced_is_a_rejection(pipe, text: str) -> None:  # type: ignore[no-untyped-def]
    # like "refusal": a statement that is the act (coding guide, "Which events"), its possessor the actor
    assert ("REJECT", "occurred", frozenset({"KEN"})) in acts(pipe, text)
