"""A closed watchdog leaves the interpreter as it found it.

``PyThreadState_SetAsyncExc`` sets a flag of the whole interpreter that CPython clears only when a
thread raises the exception; the watchdog used to withdraw its ``Overtime`` on closing (``None``),
which left the flag set. Code running under a profiler afterwards then never finished: the ledger
growth tests, which count calls with cProfile, spun for ever when they ran after these engines'
tests in one process. Each case runs in a child process, so a regression fails within its bound
instead of hanging the suite.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

BOUND = 120  # seconds; the profiled loop takes well under one

CHILD = textwrap.dedent("""
    import cProfile, threading, time
    from peacewatch.engines.partition import Watchdog
    from peacewatch.pipeline import Overtime

    def watched(send):
        with Watchdog(60, lambda: None) as watch:
            watch.allow(1)
            if send:  # an Overtime sent and not yet raised when the work ends
                watch._deadline = time.monotonic()
                with watch._cond:
                    watch._cond.notify()
                time.sleep(0.5)  # C code: no bytecode runs, so it waits unraised
        return "closed"

    def run(send):
        out = []
        def body():
            try:
                out.append(watched(send))
            except Overtime:
                out.append("overtime")
        t = threading.Thread(target=body)
        t.start()
        t.join()
        return out[0]

    def profiled():
        def f():
            return 1
        p = cProfile.Profile()
        p.enable()
        for _ in range(20000):
            f()
        p.disable()
        return "profiled"

    print(run(SEND), profiled(), flush=True)
""")


def child(send: bool) -> str:
    code = CHILD.replace("SEND", repr(send))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=BOUND, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


def test_code_under_a_profiler_runs_after_a_watchdog_that_sent_nothing() -> None:
    assert child(False) == "closed profiled"


def test_an_overtime_sent_as_the_work_ended_neither_leaks_nor_stalls_what_runs_next() -> None:
    assert child(True) in ("closed profiled", "overtime profiled")
