"""A list whose lines share a template of a few words ("The army detained X Y Z.", "… in the village of
V", "On March 4 …"), in one article or spread over the articles of a week: a line is found by the
rarest words of its article it shares with others (``clusters._wording_keys``), and in a cluster of
hundreds it is compared only with the members that may contradict it or give it evidence
(``clusters.Members``); the ledger is the one made by asking every member of every cluster, in memory
and in the store (docs/scaling.md, "Fourteenth round")."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace
from pathlib import Path

import pytest

import peacewatch.resolve.clusters as clusters
from peacewatch.resolve import LedgerSettings, span_texts_of
from peacewatch.resolve.clusters import Cluster, MemoryBucket
from peacewatch.resolve.reports import Report
from peacewatch.types import Argument, Document, Entity, Event, Result

from . import test_clusters_index as clusters_index
from .test_clusters_index import AllClusters, built
from .test_long_lists import SYLLABLES, against_every_cluster

VILLAGES = ("Tubas", "Jenin", "Hebron", "Nablus")


def template_list(lines: int, doc: str = "list", seed: int = 7, day: str = "2024-03-05", *, places: bool = False,
                  dated: bool = False) -> tuple[Document, Result]:
    """One article of ``lines`` arrests by the army, each of a made-up person coded ``ISR`` as the coder
    gives them, in the village of one of a few places (``places``) or on one of the three days before
    its article (``dated``); the names are drawn from few words, so lines share names and, at the
    default ``repeat_similarity``, merge by their wording."""
    rng = random.Random(seed)
    words = ["".join(rng.choice(SYLLABLES) for _ in range(2)).capitalize() for _ in range(lines // 4 + 2)]
    published = dt.date.fromisoformat(day)
    text = "The army detained dozens of people:\n"
    entities, events = [Entity("e-army", "army", "organization", "ISR", "MIL")], []
    for k in range(lines):
        name = " ".join(rng.sample(words, 3))
        when = published - dt.timedelta(days=rng.randrange(3)) if dated else None
        line = f"The army detained {name}"
        line = f"On {when:%B} {when.day} {line[0].lower()}{line[1:]}" if when else line
        line += f" in the village of {rng.choice(VILLAGES)}." if places else "."
        begin = len(text)
        text += line + "\n"
        trigger = text.index("detained", begin)
        entities.append(Entity(f"{doc}-p{k}", name, "person", "ISR"))
        events.append(Event(f"ev{k}", "COERCE", (trigger, trigger + 8), (begin, len(text) - 2), mode="arrest",
                            status="occurred", actor=[Argument("e-army", "ISR", "MIL", "the army")],
                            recipient=[Argument(f"{doc}-p{k}", "ISR", None, name)],
                            date=when.isoformat() if when else None))
    return Document(doc, text, day), Result(doc, day, entities=entities, events=events)


@pytest.mark.parametrize("similarity", [0.0, 0.3, 0.5, 0.8, 1.0])
def test_a_template_list_gives_the_ledger_of_asking_every_member(similarity: float, monkeypatch: pytest.MonkeyPatch,
                                                                  tmp_path: Path) -> None:
    pairs = [template_list(160), template_list(60, "other", seed=8, day="2024-03-07")]  # two articles of a week
    merged = against_every_cluster(pairs, similarity, monkeypatch, tmp_path)
    assert merged is None or merged < 150, "lines sharing names should merge by their wording"


@pytest.mark.parametrize("shape", ["places", "dated"])
def test_template_lists_with_places_or_dates_give_the_ledger_of_asking_every_member(
        shape: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    pairs = [template_list(120, **{shape: True}), template_list(40, "other", seed=9, day="2024-03-08", **{shape: True})]
    against_every_cluster(pairs, 0.5, monkeypatch, tmp_path)
    against_every_cluster(pairs, 0.8, monkeypatch, tmp_path)


@pytest.mark.parametrize(("shape", "most"), [({}, 5), ({"places": True}, 50), ({"dated": True}, 20)])
def test_a_template_list_is_compared_with_few_members(shape: dict[str, bool], most: int,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Through the index a line is compared for evidence with the members sharing one of its rarest words
    (each of the list's 102 name words is in about twelve lines) or its person, and no further once one
    gives the strongest evidence it could have (with a place or a date, every line of the article is
    like it: the first member does); asking every member of every cluster compares it with every line
    before it."""
    document, result = template_list(400, **shape)
    texts = span_texts_of([document], [result])
    count = [0]
    found = clusters.evidence

    def counted(*args: object) -> object:
        count[0] += 1
        return found(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(clusters, "evidence", counted)
    monkeypatch.setattr(clusters_index, "evidence", counted)
    every = built([result], texts, LedgerSettings(), monkeypatch, AllClusters)
    asked, count[0] = count[0], 0
    assert every == built([result], texts, LedgerSettings(), monkeypatch, MemoryBucket)
    reports = len(result.events)
    assert asked > reports * reports / 4  # every line against every line before it
    assert count[0] < asked / most, (count[0], asked)


def test_members_alike_but_for_their_recipients_are_each_asked_when_the_report_shares_not_all() -> None:
    """Two members alike in all but their recipients (coded X and Y, then Y and Z) form one group whose
    common party is Y: a report done to Y agrees with both, one done to X contradicts the second member
    (``Members.contradicts`` then asks each), one done to no one agrees with any."""
    options, base = LedgerSettings(), clusters_index._report("a", "AZE", "2024-03-04")

    def done_to(*codes: str, name: str = "ev9") -> Report:
        return replace(base, event=replace(base.event, id=name),
                       recipients=tuple(frozenset({f"code:{c}"}) for c in codes))

    cluster = Cluster(0)
    cluster.add(done_to("X", "Y", name="ev1"), "first report")
    cluster.add(done_to("Y", "Z", name="ev2"), "same clause")
    assert len(cluster.members_seen(options.repeat_similarity).groups) == 1
    for rep, joins in ((done_to("Y"), True), (done_to("X"), False), (done_to(), True)):
        found = cluster.fit(rep, options)
        assert found == clusters_index.every_member_fit(cluster, rep, options)
        assert (found is not None) == joins
