"""Talks the promised counterpart sat in keep a promise to meet it, whoever mediated them: "Azerbaijan
agreed to meet Armenia", then "Azerbaijan and Armenia met in Brussels under EU mediation" (both sides
the talks' actors, the mediator their recipient) is the meeting promised. A beneficiary among the
actors of any other act is not its target: such an act keeps or breaks nothing."""

from __future__ import annotations

from pathlib import Path

from peacewatch.store.ledger import rebuild_ledger
from peacewatch.store.sqlite import Store
from peacewatch.types import Argument, Document, Entity

from ..store.reading import ledger_of
from .test_commitments import ARM, AZE, ENTS, ev, judge, later, promise

EU = Argument("e3", "IGO", "IGO", "the EU")
WITH_EU = [*ENTS, Entity("e3", "the EU", "igo", "IGO", "IGO")]
MEET = {"type": "AGREE", "mode": "meet"}


def _later(did: str, published: str, *events):  # type: ignore[no-untyped-def]
    doc = later(did, published, *events)
    doc.entities = WITH_EU
    return doc


def test_talks_of_both_sides_under_a_mediator_keep_a_promise_to_meet() -> None:
    talks = _later("b", "2024-01-16", ev("x", "CONSULT", [AZE, ARM], [EU], date="2024-01-15", mode="third-party"))
    c = judge(promise(MEET, ["e1"], ["e2"]), talks)
    assert (c.status, len(c.fulfilled_by), c.fulfilled_on) == ("fulfilled", 1, "2024-01-15")


def test_talks_without_the_counterpart_keep_nothing() -> None:
    talks = _later("b", "2024-01-16", ev("x", "CONSULT", [AZE], [EU], date="2024-01-15"))
    c = judge(promise(MEET, ["e1"], ["e2"]), talks)
    assert (c.status, c.fulfilled_by) == ("open", [])


def test_the_counterpart_among_the_actors_of_another_act_is_not_its_target() -> None:
    # a joint release handed to the mediator is no release to the other side
    release = _later("b", "2024-01-16", ev("x", "RETREAT", [AZE, ARM], [EU], date="2024-01-15", mode="release"))
    c = judge(promise({"type": "RETREAT", "mode": "release"}, ["e1"], ["e2"]), release)
    assert (c.status, c.fulfilled_by) == ("open", [])


def test_the_stored_ledger_finds_the_talks_too(tmp_path: Path) -> None:
    # the store picks a promise's candidates by the tokens of their recipients (``pw_toward``): the
    # sides at the table are among them
    store = Store(tmp_path / "met.db")
    talks = _later("b", "2024-01-16", ev("x", "CONSULT", [AZE, ARM], [EU], date="2024-01-15", mode="third-party"))
    for result in (promise(MEET, ["e1"], ["e2"]), talks):
        store.save(Document(id=result.id, text=f"{result.id}: Azerbaijan and Armenia met under EU mediation.",
                            published=result.published), result)
    rebuild_ledger(store.conn)
    [stored] = ledger_of(store).commitments
    store.close()
    assert (stored.status, stored.fulfilled_on) == ("fulfilled", "2024-01-15")
