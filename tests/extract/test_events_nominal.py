"""Acts told only as a noun made from a trigger verb ("the signing of", "the kidnapping of"): read
with the verb's row as weak triggers, with their arguments from the noun's dependents. On sentences
written for these tests (docs/events.md, "Fifth round")."""

from __future__ import annotations

import pytest

from peacewatch.extract.events.matching import verb_of

from .annotate import annotated, events_pipeline


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return events_pipeline(make_pipeline)


@pytest.mark.parametrize(("noun", "verb"), [
    ("signing", ("sign", "")), ("killing", ("kill", "")), ("kidnapping", ("kidnap", "")),
    ("seizure", ("seize", "")), ("abduction", ("abduct", "")), ("mobilization", ("mobilize", "")),
    ("deportation", ("deport", "")), ("disarmament", ("disarm", "")), ("pullout", ("pull", "out")),
    ("handover", ("hand", "over")),
])
def test_a_noun_made_from_a_trigger_verb_is_traced_to_it(noun: str, verb: tuple[str, str]) -> None:
    assert verb_of(noun) == verb


@pytest.mark.parametrize("noun", ["government", "statement", "commitment", "withdrawal", "nation", "union"])
def test_other_nouns_and_nouns_the_table_lists_are_not(noun: str) -> None:
    # "withdrawal" has rows of its own; the others are made from no trigger verb
    assert verb_of(noun) is None


def _events(pipe, text: str) -> list[tuple[str, str | None, list[str | None]]]:  # type: ignore[no-untyped-def]
    return [(e.type, e.mode, sorted(a.code or "" for a in e.actor))
            for e in annotated(pipe, text, "2024-05-10").events]


@pytest.mark.parametrize(("text", "expected"), [
    ("Monday saw the signing of a border accord by Armenia and Azerbaijan.", ("SUPPORT", "sign", ["ARM", "AZE"])),
    ("The handover of the prisoners by Azerbaijan took place at the border.", ("RETREAT", "release", ["AZE"])),
    ("Armenia's pullout from the disputed villages began on Monday.", ("RETREAT", "withdraw", ["ARM"])),
])
def test_an_act_told_only_as_a_noun_is_an_event(pipe, text: str,  # type: ignore[no-untyped-def]
                                                expected: tuple[str, str, list[str]]) -> None:
    assert _events(pipe, text) == [expected]


def test_a_noun_act_under_another_event_stays_part_of_it(pipe) -> None:  # type: ignore[no-untyped-def]
    # what is welcomed is the signing: one SUPPORT, no second event for the noun
    events = _events(pipe, "Azerbaijan welcomed the signing of the accord by the two delegations.")
    assert [e[0] for e in events] == ["SUPPORT"]


def test_a_noun_act_without_the_verbs_needs_is_none(pipe) -> None:  # type: ignore[no-untyped-def]
    # "sign" needs a text signed: the signing of autographs is no act of the peace process
    assert _events(pipe, "The signing of autographs by Armenian players drew a crowd.") == []


def _arguments(pipe, text: str) -> list[tuple[str, list[str], list[str]]]:  # type: ignore[no-untyped-def]
    return [(e.type, sorted(a.code or "" for a in e.actor), sorted(r.code or "" for r in e.recipient))
            for e in annotated(pipe, text, "2024-05-10").events]


def test_the_of_phrase_of_a_retreat_names_who_moves(pipe) -> None:  # type: ignore[no-untyped-def]
    # who withdraws is in the "of" phrase
    assert _arguments(pipe, "The withdrawal of Armenian troops began on Friday.") == [("RETREAT", ["ARM"], [])]
    assert _arguments(pipe, "Armenia's withdrawal from Azerbaijan began on Friday.") == [("RETREAT", ["ARM"], ["AZE"])]


def test_an_of_phrase_of_other_acts_is_left_alone(pipe) -> None:  # type: ignore[no-untyped-def]
    # "the support of X" may name who supports or what is supported: it is not read as either
    events = _arguments(pipe, "The talks ended with the support of Turkey for the plan.")
    assert all("TUR" not in recipients for _t, _a, recipients in events)


def test_the_model_reads_a_sentence_without_its_noun_acts(nlp) -> None:  # type: ignore[no-untyped-def]
    # the learned model trained on sentences as the table's own rows find them (scripts/train_events.py)
    from peacewatch.extract.events.triggers import find, model_view

    sent = next(iter(nlp("Monday saw the signing of a border accord by the two delegations.").sents))
    found = find(sent)
    assert [f.token.lower_ for f in found] == ["signing"] and found[0].rule.derived
    assert model_view(found) == []
