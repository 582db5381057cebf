"""No document may stop a run: past ``document_timeout`` it fails with E032 and the next one goes on.

Two test components misbehave on cue: ``test-spin`` loops in Python (the in-process alarm stops it)
and ``test-stuck`` blocks the alarm signal and sleeps, as code stuck inside a C extension would (only
the worker watchdog can stop that). Both give up on their own after ``GIVE_UP`` seconds, so a broken
time limit makes the test fail rather than hang.
"""

from __future__ import annotations

import signal
import time

import pytest

from peacewatch.config import load_config
from peacewatch.engines import LocalEngine
from peacewatch.flow import extract
from peacewatch.pipeline import Overtime, Pipeline, register, time_limit
from peacewatch.types import Document

GIVE_UP = 120.0  # generous: a loaded machine starts worker processes slowly


class Spin:
    name = "test-spin"
    requires = ("tokens",)
    provides = ()

    def __call__(self, ann):  # type: ignore[no-untyped-def]
        if "spin" in ann.document.text:
            begun = time.monotonic()
            while time.monotonic() - begun < GIVE_UP:
                pass
        return ann


class Stuck:
    name = "test-stuck"
    requires = ("tokens",)
    provides = ()

    def __call__(self, ann):  # type: ignore[no-untyped-def]
        if "stuck" in ann.document.text:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            try:
                time.sleep(GIVE_UP)
            finally:
                signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGALRM})
        return ann


register("test-spin", requires=("tokens",), provides=())(lambda config: Spin())
register("test-stuck", requires=("tokens",), provides=())(lambda config: Stuck())

TEXTS = ["Kenya and Uganda met in Nairobi.", "The talks spin on and on.", "Talks resumed in Addis Ababa."]


def docs(texts: list[str]) -> list[Document]:
    return [Document(f"d{i}", text) for i, text in enumerate(texts)]


def test_a_looping_document_fails_with_e032_and_the_run_goes_on(nlp):
    config = load_config(pipeline=["mentions", "test-spin"], document_timeout=1, batch_size=2)
    engine = LocalEngine(config, Pipeline.build(config, nlp=nlp))
    begun = time.monotonic()
    results = list(extract(docs(TEXTS), config, engine))
    assert time.monotonic() - begun < GIVE_UP
    assert [r.id for r in results] == ["d0", "d1", "d2"]
    assert results[1].error is not None and results[1].error.code == "E032"
    assert results[0].error is None and any(m.text == "Nairobi" for m in results[0].mentions)
    assert results[2].error is None and results[2].mentions


def test_no_limit_when_the_timeout_is_zero(make_pipeline):
    pipe = make_pipeline("mentions", document_timeout=0)
    assert pipe.config.document_timeout == 0
    [result] = list(pipe.annotate(docs(["Kenya and Uganda met in Nairobi."])))
    assert result.error is None


def test_the_alarm_handler_and_an_outer_alarm_are_restored():
    fired: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: fired.append(signum))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.6)
        with time_limit(5):
            pass
        assert 0 < signal.getitimer(signal.ITIMER_REAL)[0] <= 0.6
        with pytest.raises(Overtime), time_limit(0.05):
            time.sleep(GIVE_UP)
        time.sleep(1.0)  # the outer alarm still fires, into the handler that was there before
        assert fired == [signal.SIGALRM]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_off_the_main_thread_the_block_runs_without_an_alarm():
    import threading

    seen: list[float] = []

    def body() -> None:
        with time_limit(1):
            seen.append(signal.getitimer(signal.ITIMER_REAL)[0])

    thread = threading.Thread(target=body)
    thread.start()
    thread.join()
    assert seen == [0.0]


def test_workers_replace_a_stuck_worker_and_fail_only_its_document():
    texts = ["Kenya and Uganda met in Nairobi.", "Talks got stuck in Geneva.", "Talks resumed in Doha.",
             "The talks spin in Oslo.", "Serbia and Kosovo met in Brussels."]
    config = load_config(pipeline=["mentions", "test-spin", "test-stuck"], document_timeout=1,
                         batch_size=2, workers=2)
    begun = time.monotonic()
    results = list(extract(docs(texts), config))
    assert time.monotonic() - begun < GIVE_UP
    assert [r.id for r in results] == [f"d{i}" for i in range(5)]
    assert [r.error.code if r.error else None for r in results] == [None, "E032", None, "E032", None]
    assert "replaced" in results[1].error.message  # the watchdog, not the alarm
    assert any(m.text == "Doha" for m in results[2].mentions)


class Counting:
    """Counts the pieces it runs on; spins on a piece that says "spin" (until the time limit)."""

    name = "test-count"
    requires = ("tokens",)
    provides = ()
    seen: list[str] = []

    def __call__(self, ann):  # type: ignore[no-untyped-def]
        Counting.seen.append(ann.document.text[:12])
        return Spin()(ann)


register("test-count", requires=("tokens",), provides=())(lambda config: Counting())


def test_after_a_piece_fails_the_rest_of_its_document_is_not_annotated(nlp):
    """A piece that fails fails its document; its later pieces were annotated all the same, each up to
    the time limit (a list of 4,000 names took seven minutes to fail). The next document still runs."""
    config = load_config(pipeline=["mentions", "test-count"], document_timeout=1, batch_size=2, piece_chars=200)
    long_text = "\n\n".join(f"Part {n} of the talks would spin for ever in Nairobi." * 3 for n in range(6))
    Counting.seen = []
    engine = LocalEngine(config, Pipeline.build(config, nlp=nlp))
    begun = time.monotonic()
    results = list(extract([Document("long", long_text), Document("next", "Talks resumed in Addis Ababa.")],
                           config, engine))
    assert time.monotonic() - begun < GIVE_UP / 2
    assert [r.id for r in results] == ["long", "next"]
    assert results[0].error is not None and results[0].error.code == "E032"
    assert "piece from character 0" in results[0].error.message
    assert Counting.seen == ["Part 0 of th", "Talks resumed"[:12]], Counting.seen
    assert results[1].error is None and results[1].mentions
