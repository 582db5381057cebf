"""A list of hundreds of lines naming an actor and a person each ("Israel released X.", "Soldiers
detained Y."), stating no date, in one article: a report is tried against the clusters holding a member
of its article that could give it evidence (``clusters.near_keys``) and the clusters of other articles,
not against every cluster of its actor and week; the ledger is the one made by trying every cluster,
in memory and in the store (docs/reliability.md, "The list that named its actor")."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from peacewatch.types import Argument, Document, Entity, Event, Result

from .test_long_lists import SYLLABLES, against_every_cluster, fits_of

ACTORS = (("e-isr", "Israel", "state", "ISR", "GOV", "released", "RETREAT", "release"),
          ("e-army", "Soldiers", "organization", "ISR", "MIL", "detained", "COERCE", "arrest"))


def named_list(lines: int, doc: str = "list", seed: int = 5, start: int = 0) -> tuple[Document, Result]:
    """One article of ``lines`` sentences, each an actor (Israel or soldiers) acting on a made-up
    person coded ``ISR``, as the coder gives them; a tenth of the lines repeat an earlier person (the
    same sides join them), a tenth tell two acts in one clause, and every fifth person has two names in
    common with the one before (similar wordings)."""
    rng = random.Random(seed)

    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

    text, events = "Israel released prisoners and the army detained others:\n", []
    entities = [Entity("e-isr", "Israel", "state", "ISR"), Entity("e-army", "Soldiers", "organization", "ISR")]
    people: list[tuple[str, str]] = []
    for k in range(lines):
        if people and rng.random() < 0.1:
            person, name = people[rng.randrange(len(people))]
        else:
            name = f"{word()} {word()} {word()}"
            if people and k % 5 == 0:
                name = " ".join([*people[-1][1].split()[:2], word()])
            person = f"p{start + k}"
            people.append((person, name))
            entities.append(Entity(person, name, "person", "ISR"))
        entity, actor_text, _, code, sector, verb, kind, mode = ACTORS[k % 2]
        begin = len(text)
        text += f"{actor_text} {verb} {name}.\n"
        end = len(text) - 2
        trigger = text.index(verb, begin)
        for twice in range(2 if rng.random() < 0.1 else 1):
            events.append(Event(f"ev{k}{'b' * twice}", kind, (trigger, trigger + len(verb)), (begin + twice, end),
                                mode=mode, status="occurred", actor=[Argument(entity, code, sector, actor_text)],
                                recipient=[Argument(person, "ISR", None, name)]))
    return Document(doc, text, "2024-03-05"), Result(doc, "2024-03-05", entities=entities, events=events)


@pytest.mark.parametrize("similarity", [0.0, 0.3, 0.5, 0.8, 1.0])
def test_a_named_list_gives_the_ledger_of_trying_every_cluster(similarity: float, monkeypatch: pytest.MonkeyPatch,
                                                                tmp_path: Path) -> None:
    pairs = [named_list(240), named_list(60, "other", seed=6, start=1000)]  # a second article of the week
    merged = against_every_cluster(pairs, similarity, monkeypatch, tmp_path)
    reports = sum(len(r.events) for _, r in pairs)
    assert merged is None or merged < reports, "the repeated people and the clauses should merge"


def test_a_named_list_is_placed_with_a_bounded_number_of_fits(monkeypatch: pytest.MonkeyPatch) -> None:
    document, result = named_list(400)
    reports = len(result.events)
    every, indexed = fits_of(document, result, monkeypatch)
    assert every > reports * reports / 8  # every report against every cluster of its actor before it
    assert indexed < reports * 10, (indexed, reports)  # a few per report: its clause, its person, like wordings
