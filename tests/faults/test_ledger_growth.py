"""The ledger rebuild does work in proportion to the archive, not to its square.

``bench/ledger_growth.py`` times every stage after extraction over 1 to 16 copies of the dev corpus
(``docs/reliability.md``, "Costs that outgrow the corpus"). Timings do not make a test; counts do:
here an archive of synthetic documents (``bench/incremental.py``'s, made without spaCy) is copied
two and four times, each copy renamed and moved on in time past the last, and the rebuild of each is
counted — the SQL statements it runs, every Python call it makes, and the comparisons of the steps
that once grew as their input squared (clusters: a report against a candidate cluster; commitments:
a promise against a deciding event; agreements: a commitment against an agreement's draft). Twice the
archive must cost at most a little over twice as many of each; a lookup that went back to scanning
every earlier record would give four times as many.
"""

from __future__ import annotations

import cProfile
import pstats
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

from peacewatch.store.ledger import rebuild_ledger
from peacewatch.store.sqlite import Store

from ..scripts import load_script

DOCUMENTS = 60  # of one copy
YEARS = 12  # each copy moved on past the synthetic archive's ten years (a multiple of 4)
LIMIT = 2.3  # at most this many times the work for twice the archive (n log n from 120 to 240 is 2.3)
STEPS = ("fold_entities", "merge_events", "track_commitments", "gather_agreements")
COMPARISONS = ("merge_kind", "_fulfils", "_contradicts", "_provision_gap")


def promises(n: int) -> list[dict[str, Any]]:
    """``n`` documents a few days apart in which one state promises another a release of prisoners
    and releases some: every promise has a beneficiary and every event is toward it, so a lookup of
    the events toward a beneficiary that reads the whole archive shows in the count."""
    import datetime as dt

    from peacewatch.types import Argument, Commitment, Document, Entity, Event, Result

    sentence = "State QA promised to release prisoners held from State QB, and released some. "
    rows = []
    for i in range(n):
        day = (dt.date(2020, 1, 1) + dt.timedelta(days=7 * i)).isoformat()
        a, b = Argument("a", "QAA", "GOV", "State QA"), Argument("b", "QAB", "GOV", "State QB")
        events = [Event("ev0", "RETREAT", (0, 7), (0, len(sentence) - 1), mode="release", status="future",
                        actor=[a], recipient=[b], date=day),
                  Event("ev1", "RETREAT", (50, 58), (0, len(sentence) - 1), mode="release", status="occurred",
                        actor=[a], recipient=[b], date=day)]
        result = Result(f"p{i}", day, entities=[Entity("a", "State QA", "state", "QAA", "GOV"),
                                                Entity("b", "State QB", "state", "QAB", "GOV")], events=events,
                        commitments=[Commitment("c0", "ev0", ["a"], ["b"], {"type": "RETREAT", "mode": "release"},
                                                made=day)])
        rows.append({"document": Document(f"p{i}", sentence + f"(report {i})", day).to_dict(),
                     "result": result.to_dict()})
    return rows


def growth() -> ModuleType:
    return load_script("bench/ledger_growth.py", "bench_ledger_growth")


def counted(tmp: Path, copies: int, rows: list[dict[str, Any]] | None = None) -> dict[str, int]:
    """The SQL statements, the Python calls and, for each step of the build, the hundreds of SQLite
    virtual-machine instructions (the rows a query visits, which no call count sees) of one rebuild
    over ``copies`` copies."""
    from peacewatch.resolve import stage

    rows = rows or [{"document": d.to_dict(), "result": r.to_dict()}
                    for d, r in load_script("bench/incremental.py", "bench_incremental").synthetic(0, DOCUMENTS, 5)]
    statements, steps, found = [0], [0], {}
    with Store(tmp / f"growth{copies}-{len(rows)}.db") as store:
        for document, result in growth().replicate(rows, 0, copies, YEARS):
            store.save(document, result)
        store.conn.set_trace_callback(lambda _sql: statements.__setitem__(0, statements[0] + 1))
        store.conn.set_progress_handler(lambda: steps.__setitem__(0, steps[0] + 1), 100)
        with _steps_of(stage, STEPS, steps, found):
            profile = cProfile.Profile()
            profile.enable()
            rebuild_ledger(store.conn, force=True)
            profile.disable()
        store.conn.set_progress_handler(None, 0)
        store.conn.set_trace_callback(None)
    stats: dict[Any, Any] = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    found.update(sql=statements[0], calls=sum(s[1] for s in stats.values()))
    for name in COMPARISONS:
        found[name] = sum(s[1] for (_, _, function), s in stats.items() if function == name)
    return found


@contextmanager
def _steps_of(module: Any, names: tuple[str, ...], steps: list[int], found: dict[str, int]) -> Iterator[None]:
    """While open, each function of ``module`` named in ``names`` adds the SQLite steps it took to
    ``found["sqlite NAME"]``."""
    real = {name: getattr(module, name) for name in names}

    def counting(name: str) -> Any:
        def call(*args: Any, **kwargs: Any) -> Any:
            before = steps[0]
            try:
                return real[name](*args, **kwargs)
            finally:
                found[f"sqlite {name}"] = found.get(f"sqlite {name}", 0) + steps[0] - before
        return call

    try:
        for name in names:
            setattr(module, name, counting(name))
        yield
    finally:
        for name, function in real.items():
            setattr(module, name, function)


def test_twice_the_archive_costs_about_twice_the_work(tmp_path: Path) -> None:
    two, four = counted(tmp_path, 2), counted(tmp_path, 4)
    assert all(two[k] > 0 for k in two), f"a counted step did no work at all: {two}"
    grew = {k: round(four[k] / two[k], 2) for k in two}
    assert all(g <= LIMIT for g in grew.values()), f"work that outgrew the archive: {grew}"


def test_a_promise_reads_the_events_near_it_not_every_event_toward_its_beneficiary(tmp_path: Path) -> None:
    """The defect the growth benchmark found: a promise's deciding events were filtered by
    "event IN (SELECT event FROM pw_toward WHERE token IN …)", which SQLite makes into the list of
    every event toward the beneficiary, the archive over, once per promise. Now each candidate row
    seeks its own (token, event). Before: the commitments step's SQLite work grew 2.73 times for twice
    the archive; after: 2.0."""
    rows = promises(40)
    two, four = counted(tmp_path, 2, rows), counted(tmp_path, 4, rows)
    assert two["sqlite track_commitments"] > 0 and two["_fulfils"] > 0
    assert four["sqlite track_commitments"] / two["sqlite track_commitments"] <= LIMIT


def test_the_copies_are_new_documents_later_in_time() -> None:
    rows = [{"document": {"id": "a", "text": "Talks.", "published": "2024-02-29"},
             "result": {"id": "a", "published": "2024-02-29",
                        "timexes": [{"start": 0, "end": 5, "text": "Talks", "type": "DATE",
                                     "value": "2024-W09"}]}}]
    (d0, r0), (d1, r1) = growth().replicate(rows, 0, 2, 8)
    assert (d0.id, d1.id, r1.id) == ("a-copy0", "a-copy1", "a-copy1")
    assert d0.text != d1.text and d1.text.startswith("Talks.")
    assert (d1.published, r1.published, r1.timexes[0].value) == ("2032-02-29", "2032-02-29", "2032-W09")
    assert r0.timexes[0].value == "2024-W09"


def test_the_count_sees_work_that_outgrows_the_archive(tmp_path: Path, monkeypatch: Any) -> None:
    """The net holds: a commitment step that tries every promise against every stored event (the
    shape the promise lookup had before its index) makes the count grow as the square, past the limit."""
    from peacewatch.resolve import commitments, stage

    real = stage.track_commitments

    def quadratic(source: Any, *args: Any, **kwargs: Any) -> Any:
        events = [e for results, _ in source.event_batches() for r in results for e in r.events]
        for _, _, promise in source.commitments():
            for event in events:
                commitments._fulfils(promise.action, event)
        return real(source, *args, **kwargs)

    monkeypatch.setattr(stage, "track_commitments", quadratic)
    two, four = counted(tmp_path, 2), counted(tmp_path, 4)
    assert four["_fulfils"] / two["_fulfils"] > 3.5
