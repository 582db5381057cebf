"""An act told as arranged or owed — "was to", "were due to", "is set to", "are slated to" — has not
happened in that sentence: it is announced (future, with the future type), or negated when the sentence
says it then did not happen. The act may be the verb, a noun that is the subject of the "be" ("the
ceasefire was to take effect") or the object of the owed verb ("were to begin peace talks"). A verb of
state after "was to" ("was to become the largest offensive") tells what an act came to, not an act owed.
On sentences of an invented conflict written for these tests (docs/events.md, "Thirteenth round (second
part): scheduled acts")."""

from __future__ import annotations

import pytest

from peacewatch.types import Document

from .annotate import annotated, events_pipeline

LATER = "2024-09-01"  # published after every day the sentences name


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return events_pipeline(make_pipeline)


def _events(pipe, text: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(e.type, e.status) for e in annotated(pipe, text, LATER).events]


@pytest.mark.parametrize("text, expected", [
    # before: RETREAT occurred (a noun subject of "was to" read as the truce carried out)
    ("The ceasefire between Ostland and the Harlan rebels was to take effect at midnight.", ("CONCEDE", "future")),
    ("The truce between Ostland and the Harlan rebels was due to come into force on Sunday.",
     ("CONCEDE", "future")),
    ("The withdrawal of Ostland's troops was to begin on Monday.", ("CONCEDE", "future")),
    # before: CONSULT occurred
    ("Talks between Ostland and Westland were to resume on Monday.", ("AGREE", "future")),
    ("Ostland and Westland were to begin peace talks on August 8.", ("AGREE", "future")),
    ("Talks between Ostland and Westland are slated to resume on Monday.", ("AGREE", "future")),
])
def test_an_act_owed_is_announced(pipe, text: str, expected: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    assert expected in _events(pipe, text)
    assert not [e for e in _events(pipe, text) if e[1] == "occurred"]


@pytest.mark.parametrize("text, expected", [
    # before: CONCEDE future (read as still owed) and CONSULT occurred
    ("The Harlan rebels were to free the hostages on Sunday but did not.", ("RETREAT", "negated")),
    ("Talks between Ostland and Westland were to resume on Monday but did not.", ("CONSULT", "negated")),
])
def test_an_act_owed_that_did_not_happen_is_negated(pipe, text: str,  # type: ignore[no-untyped-def]
                                                    expected: tuple[str, str]) -> None:
    assert _events(pipe, text) == [expected]


def test_a_verb_of_state_owes_no_act(pipe) -> None:  # type: ignore[no-untyped-def]
    # what the offensive came to: it took place, neither announced nor threatened
    assert _events(pipe, "The Harlan offensive was to become the largest of the war.") == [("ASSAULT", "occurred")]


@pytest.mark.parametrize("text, expected", [
    ("The ceasefire between Ostland and the Harlan rebels took effect at midnight.", ("RETREAT", "occurred")),
    ("Talks between Ostland and Westland resumed on Monday.", ("CONSULT", "occurred")),
])
def test_an_act_told_done_stays_occurred(pipe, text: str, expected: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    assert _events(pipe, text) == [expected]


def test_a_headline_is_to_is_announced(pipe) -> None:  # type: ignore[no-untyped-def]
    assert _events(pipe, "Harlan rebels to free 50 prisoners on Sunday") == [("CONCEDE", "future")]


def test_the_parts_of_a_scheduled_act(nlp) -> None:  # type: ignore[no-untyped-def]
    from peacewatch.extract.events.status import scheduled_act

    doc = nlp("The truce was due to come into force on Sunday.")
    verb = scheduled_act(doc[1])
    assert verb is not None and verb.text == "come"
    assert scheduled_act(nlp("The truce came into force on Sunday.")[1]) is None
    assert scheduled_act(nlp("The offensive was to become the largest of the war.")[1]) is None


@pytest.mark.parametrize("text, expected", [
    # before: RETREAT occurred, CONSULT occurred
    ("Ostland to withdraw troops from the border", ("CONCEDE", "future")),
    ("Ostland and Westland to hold talks in Geneva", ("AGREE", "future")),
])
def test_a_headline_without_is_is_announced(pipe, text: str,  # type: ignore[no-untyped-def]
                                            expected: tuple[str, str]) -> None:
    assert _events(pipe, text) == [expected]


@pytest.mark.parametrize("text", [
    # before: CONSULT occurred (the owed talks read as held)
    "Under the deal, Ostland and Westland were to begin peace talks on August 8, but the deadline has expired.",
    "Ostland and Westland were to begin talks on August 8, but the deadline passed.",
])
def test_an_act_owed_whose_deadline_passed_is_negated(pipe, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _events(pipe, text) == [("CONSULT", "negated")]


def test_the_subject_of_an_infinitive_is_an_act_owed(pipe) -> None:  # type: ignore[no-untyped-def]
    # before: CONSULT occurred ("for peace talks to begin" read as talks held, when the parse does not hang
    # "for" on "called")
    events = _events(pipe, "The agreement signed in Ostburg had called for peace talks to begin by August 8, "
                           "following the release of prisoners.")
    assert ("AGREE", "future") in events and ("CONSULT", "occurred") not in events
    # how long a truce goes on is no act owed: the truce stays what it was read as
    assert ("CONCEDE", "future") not in _events(pipe, "Ostland wants the ceasefire with the Harlan rebels to hold.")


def test_a_negated_act_owed_under_a_deal_is_still_its_provision(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    # a guard: before, the act read CONSULT occurred made this commitment; read negated (the deadline
    # passed) it must still make it, for the ledger to judge it overdue from its due day
    pipe = make_pipeline("timex", "actors", "quotes", "events", "commitments")
    text = ("Ostland and the Harlan rebels signed a peace deal in Ostburg on July 19. Under the terms of the "
            "deal, the parties were to begin peace talks on August 8, but the deadline has expired.")
    [result] = list(pipe.annotate([Document(id="d", text=text, published=LATER)]))
    owed = [c for c in result.commitments if c.action["type"] == "CONSULT"]
    assert [c.due for c in owed] == ["2024-08-08"], [(c.action, c.due, c.why) for c in result.commitments]
