"""Parties that outlets name differently across documents (``reports.incompatibility``): the people an
act is done to, named as a country's civilians by one outlet and as its state or a group of it by
another, agree (``reports._one_people``); and a truce, told as one side's by one outlet and as the
other's or both sides' by another, is a joint act whose parties agree by a shared country
(``reports.joint_act``). Doers of one country are still not matched by country (the army and the
rebels of one state are the two sides of its war), and two reports of one document are held to what
they say.

Made-up parties: Nordavia (NRD) with its army, its civilians (sector CVL) and the Nordavian Front (NRD,
sector REB); Ostland (OST).
"""

from __future__ import annotations

import random

import pytest

from peacewatch.resolve import LedgerSettings, build_ledger, span_texts_of
from peacewatch.resolve.clusters import MemoryBucket
from peacewatch.resolve.reports import Report, incompatibility, joint_act, reports_of
from peacewatch.types import Argument, Document, Entity, Event, Result

from .test_clusters_index import AllClusters, built

NRD = Entity("n", "Nordavia", "state", "NRD", "GOV")
ARMY = Entity("m", "Nordavian army", "organization", "NRD", "MIL")
FRONT = Entity("f", "Nordavian Front", "armed_group", "NRD", "REB")
PRISONERS = Entity("p", "Nordavian prisoners", "group", "NRD", "CVL")
OST = Entity("o", "Ostland", "state", "OST", "GOV")
OSTLANDERS = Entity("c", "Ostlander civilians", "group", "OST", "CVL")
ENTITIES = [NRD, ARMY, FRONT, PRISONERS, OST, OSTLANDERS]
DAY = "2024-05-02"
DIFFER = "actors or recipients differ"


def _arg(e: Entity) -> Argument:
    return Argument(e.id, e.code, e.sector, e.name)


def _doc(doc: str, *events: Event) -> Result:
    return Result(doc, "2024-05-03", entities=ENTITIES, events=list(events))


def _act(event_id: str, type_: str, mode: str | None, actors: list[Entity], recipients: list[Entity] = (),
         date: str | None = DAY, start: int = 0) -> Event:
    return Event(event_id, type_, (start, start + 6), (start, start + 40), mode=mode, status="occurred",
                 actor=[_arg(a) for a in actors], recipient=[_arg(r) for r in recipients], date=date)


def _reports(*docs: Result) -> dict[tuple[str, str], Report]:
    ids = {(r.id, e.id): f"{e.kind}:{e.id}" for r in docs for e in r.entities}
    return {(rep.doc, rep.event.id): rep for rep in reports_of(list(docs), ids, LedgerSettings())}


def _docs_of_events(*docs: Result) -> list[list[str]]:
    return sorted(sorted({m.doc for m in e.mentions}) for e in build_ledger(list(docs)).events)


def _release(doc: str, recipient: Entity, date: str | None = DAY) -> Result:
    return _doc(doc, _act("ev1", "RETREAT", "release", [OST], [recipient], date))


def test_the_civilians_released_and_their_state_are_one_recipient_across_outlets() -> None:
    # "Ostland freed Nordavian prisoners" / "Ostland handed the prisoners to Nordavia"
    civilians, state = _release("a", PRISONERS), _release("b", NRD)
    reps = _reports(civilians, state)
    assert incompatibility(reps[("a", "ev1")], reps[("b", "ev1")], LedgerSettings()) is None
    assert _docs_of_events(civilians, state) == [["a", "b"]]


def test_an_armed_group_and_the_civilians_of_its_country_are_one_recipient() -> None:
    # "Ostland released Front members" / "Ostland released Nordavian prisoners": the same country
    reps = _reports(_release("a", PRISONERS), _release("b", FRONT))
    assert incompatibility(reps[("a", "ev1")], reps[("b", "ev1")], LedgerSettings()) is None


def test_civilians_of_another_country_still_differ() -> None:
    reps = _reports(_release("a", OSTLANDERS), _release("b", NRD))
    assert incompatibility(reps[("a", "ev1")], reps[("b", "ev1")], LedgerSettings()) == DIFFER
    assert _docs_of_events(_release("a", OSTLANDERS), _release("b", NRD)) == [["a"], ["b"]]


def test_a_state_and_an_armed_group_need_civilians_on_one_side() -> None:
    # no civilians named: the state and the Front of one country stay two recipients, as before
    reps = _reports(_release("a", FRONT), _release("b", NRD))
    assert incompatibility(reps[("a", "ev1")], reps[("b", "ev1")], LedgerSettings()) == DIFFER


def test_one_document_is_held_to_the_recipients_it_names() -> None:
    # one writer naming the prisoners in one sentence and the state in another tells two acts
    doc = _doc("a", _act("ev1", "RETREAT", "release", [OST], [PRISONERS]),
               _act("ev2", "RETREAT", "release", [OST], [NRD], start=50))
    reps = _reports(doc)
    assert incompatibility(reps[("a", "ev1")], reps[("a", "ev2")], LedgerSettings()) == DIFFER


def test_doers_of_one_country_are_not_matched_by_country() -> None:
    # the army's shelling of Ostlander civilians and the Front's are two attacks
    army = _doc("a", _act("ev1", "ASSAULT", None, [ARMY], [OSTLANDERS]))
    front = _doc("b", _act("ev1", "ASSAULT", None, [FRONT], [PRISONERS, OST]))
    reps = _reports(army, front)
    assert incompatibility(reps[("a", "ev1")], reps[("b", "ev1")], LedgerSettings()) == DIFFER


def _truce(doc: str, actors: list[Entity], mode: str | None = "ceasefire", date: str | None = DAY) -> Result:
    return _doc(doc, _act("ev1", "RETREAT", mode, actors, date=date))


def test_a_truce_told_as_each_sides_is_one_truce() -> None:
    # "the Front's ceasefire took effect" / "Nordavia's ceasefire took effect" on the same day
    front, state, both = _truce("a", [FRONT]), _truce("b", [NRD]), _truce("c", [NRD, FRONT])
    assert joint_act(front.events[0])
    reps = _reports(front, state)
    assert incompatibility(reps[("a", "ev1")], reps[("b", "ev1")], LedgerSettings()) is None
    assert _docs_of_events(front, state, both) == [["a", "b", "c"]]


def test_other_retreats_of_two_sides_stay_apart() -> None:
    # a withdrawal is one side's act: the army's and the Front's are two
    front, state = _truce("a", [FRONT], "withdraw"), _truce("b", [ARMY], "withdraw")
    assert not joint_act(front.events[0])
    reps = _reports(front, state)
    assert incompatibility(reps[("a", "ev1")], reps[("b", "ev1")], LedgerSettings()) == DIFFER
    # a retreat with no mode beside a truce: only truces are joint, so both must be one
    reps = _reports(_truce("c", [FRONT], None), _truce("d", [NRD]))
    assert incompatibility(reps[("c", "ev1")], reps[("d", "ev1")], LedgerSettings()) == DIFFER


def test_truces_of_two_countries_or_one_document_stay_apart() -> None:
    reps = _reports(_truce("a", [FRONT]), _truce("b", [OST]))
    assert incompatibility(reps[("a", "ev1")], reps[("b", "ev1")], LedgerSettings()) == DIFFER
    doc = _doc("c", _act("ev1", "RETREAT", "ceasefire", [FRONT]), _act("ev2", "RETREAT", "ceasefire", [NRD], start=50))
    reps = _reports(doc)
    assert incompatibility(reps[("c", "ev1")], reps[("c", "ev2")], LedgerSettings()) == DIFFER


def _random_archive(seed: int, documents: int) -> tuple[list[Document], list[Result]]:
    """Truces, releases and withdrawals of the parties above over two weeks, in made-up documents."""
    rng = random.Random(seed)
    sides = [[FRONT], [NRD], [NRD, FRONT], [ARMY], [OST], []]
    recipients = [[PRISONERS], [NRD], [FRONT], [OSTLANDERS], [OST], []]
    docs, results = [], []
    for n in range(documents):
        events = []
        for k in range(rng.randrange(1, 4)):
            mode = rng.choice(["ceasefire", "ceasefire", "release", "withdraw", None])
            day = f"2024-05-{rng.randrange(1, 15):02d}" if rng.random() < 0.8 else None
            events.append(_act(f"ev{k}", "RETREAT", mode, rng.choice(sides), rng.choice(recipients), day, 50 * k))
        doc = f"doc-{n:03d}"
        docs.append(Document(doc, "x" * 200, "2024-05-15"))
        results.append(Result(doc, "2024-05-15", entities=ENTITIES, events=events))
    return docs, results


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_index_offers_every_cluster_these_rules_let_a_report_join(seed: int,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    documents, results = _random_archive(seed, 60)
    texts = span_texts_of(documents, results)
    every = built(results, texts, LedgerSettings(), monkeypatch, AllClusters)
    assert built(results, texts, LedgerSettings(), monkeypatch, MemoryBucket) == every
    assert len(build_ledger(results, None, texts).events) < sum(len(r.events) for r in results) * 0.8
