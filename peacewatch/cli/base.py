"""The command group, its error guard and what several commands share: options, opening the
database, reading through the read layer, checking the ledger is fresh."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import signal
import sys
import threading
from collections.abc import Iterator
from typing import Any

import click

from .. import __version__
from ..config import Config, load_config
from ..errors import PeacewatchError, StoreError, UsageError
from ..types import EVENT_TYPES

ISSUES = "the peacewatch issue tracker"
INTERNAL = "E099"  # an exception nobody meant to raise (errors.md)


class Context:
    def __init__(self, config: Config) -> None:
        self.config = config


# Codes past E029 that still mean a value given on the command line is wrong: no database at
# ``--db`` (nothing was created), a file that is not a peacewatch database, a bad query option, a
# ``--host``/``--port`` the server cannot listen on.
_USAGE_CODES = frozenset({"E043", "E044", "E047", "E063"})


def exit_status(e: PeacewatchError) -> int:
    """2 for what was wrong before the command could start (an input, option or configuration value
    given on the command line: E001–E029, and a ``--db`` that is no peacewatch database), 1 for a
    failure while it ran (E030 and up)."""
    return 2 if e.code < "E030" or e.code in _USAGE_CODES else 1


def fail_usage(e: PeacewatchError) -> None:
    """Print the coded error and exit: 2 for a usage error, 1 for a runtime one (``exit_status``)."""
    click.echo(f"error {e}", err=True)
    sys.exit(exit_status(e))


def _internal_error(e: Exception) -> None:
    """An exception nobody meant to raise: one coded line pointing to the tracker, exit 1."""
    detail = f"{type(e).__name__}: {e}"
    if len(detail) > 200:
        detail = detail[:200] + "…"
    click.echo(f"error {INTERNAL}: internal error ({detail}). This is a bug in peacewatch: please report it on "
               f"{ISSUES} with the command you ran; PEACEWATCH_DEBUG=1 shows the traceback", err=True)
    sys.exit(1)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that flushing it at exit cannot fail again on the closed pipe."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


class Terminated(KeyboardInterrupt):
    """SIGTERM (``kill``, a service manager stopping the job, ``timeout``) or SIGHUP (the terminal
    closed) while a command runs: ended as Ctrl-C ends it, so that what Ctrl-C cleans up is cleaned
    up too (an output file's temporary ``.part`` file, a worker pool, an open transaction); by the
    default action the process vanished mid-statement and left the ``.part`` file behind."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _terminate(signum: int, frame: object) -> None:
    raise Terminated(signum)


@contextlib.contextmanager
def _stopping_signals() -> Iterator[None]:
    """SIGTERM and SIGHUP raise ``Terminated`` for the command's length (not where they are ignored,
    as ``nohup`` does, nor outside the main thread), then what was there before is put back."""
    before: dict[int, Any] = {}
    if threading.get_ident() == threading.main_thread().ident:
        for signum in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
            if signum is not None and signal.getsignal(signum) not in (signal.SIG_IGN, None):
                before[signum] = signal.signal(signum, _terminate)
    try:
        yield
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)


class GuardedGroup(click.Group):
    """The command group with one guard for every command: a ``PeacewatchError`` becomes its coded
    message and exit code, any other exception a coded internal error (E099), never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            with _stopping_signals():
                return super().invoke(ctx)
        except PeacewatchError as e:
            fail_usage(e)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt as e:  # Ctrl-C, SIGTERM, SIGHUP: the shell's code (128 + the signal)
            signum = e.signum if isinstance(e, Terminated) else signal.SIGINT
            click.echo("interrupted: documents already stored stay stored, an output file is left as it was; "
                       "run the same command again to go on", err=True)
            sys.exit(128 + signum)
        except BrokenPipeError:  # the reader of our output went away (`| head`): nothing to report
            _silence_stdout()
            sys.exit(1)
        except Exception as e:
            if os.environ.get("PEACEWATCH_DEBUG", "") not in ("", "0"):
                raise
            from ..store.dialect import database_fault

            if database_fault(e):  # a damaged file or a failing disk met outside the store's own checks
                fail_usage(StoreError(f"the database failed ({type(e).__name__}: {str(e)[:200]}); check the "
                                      "file (sqlite3 PATH 'PRAGMA integrity_check') or the server", "E040"))
            _internal_error(e)


@click.group(cls=GuardedGroup)
@click.version_option(__version__, prog_name="peacewatch")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="A TOML configuration file (see `peacewatch config`).")
@click.pass_context
def main(ctx: click.Context, config_path: str | None) -> None:
    """peacewatch: who did and said what, to whom, when, and which promises were kept."""
    # Readers report unparseable pages through our coded errors; the HTML library's own log
    # lines would only repeat them.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        ctx.obj = Context(load_config(config_path))
    except PeacewatchError as e:
        fail_usage(e)


@main.command("config")
def show_config() -> None:
    """Print the commented default configuration."""
    from ..config import default_config_text

    click.echo(default_config_text(), nl=False)


def overrides(config: Config, **values: Any) -> Config:
    try:
        return config.with_overrides(**values)
    except PeacewatchError as e:
        fail_usage(e)
        raise  # unreachable: fail_usage exits


def engine_options(command: Any) -> Any:
    """``--engine`` and ``--scheduler``, shared by ``extract`` and ``ingest``."""
    command = click.option("--scheduler", default=None, metavar="ADDRESS",
                           help="Dask engine: an existing scheduler (tcp://host:8786), not a local cluster.")(command)
    return click.option("--engine", default=None,
                        help="What runs the pipeline: local or dask (default: config 'engine').")(command)


def open_store(db: str | None, config: Config) -> Any:
    from ..store.sqlite import Store

    try:
        return Store(db or config.db)
    except PeacewatchError as e:
        fail_usage(e)


def open_reader(db: str | None, config: Config) -> Any:
    """The database opened read-only (nothing is created, migrated or written)."""
    from ..store.reads import Reader

    try:
        return Reader(db or config.db)
    except PeacewatchError as e:
        fail_usage(e)


def fail_output(e: PeacewatchError) -> None:
    """An output file that cannot be written: one coded line, exit 1."""
    click.echo(f"error {e}", err=True)
    sys.exit(1)


def echo_records(records: list[Any], as_json: bool, render: Any) -> None:
    """Records as JSON Lines (``--json``) or as the text table ``render`` makes of them."""
    if as_json:
        for record in records:
            click.echo(json.dumps(record.to_dict(), ensure_ascii=False))
    else:
        click.echo(render(records))


def day_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A ``--since``/``--until`` value as a calendar day ``YYYY-MM-DD``; E028 otherwise (the ledger
    compares days as text, so '2023' or 'yesterday' would silently select the wrong events)."""
    if value is None:
        return None
    text = value.strip()
    try:
        if len(text) != 10 or text[4] != "-" or text[7] != "-":
            raise ValueError(text)
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise UsageError(f"--{param.name} {value!r} is not a calendar day; give YYYY-MM-DD "
                         "(2023-12-07)", "E028") from None


def event_type_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A ``--type`` value as one of the PLOVER event types (any case); E028 otherwise."""
    if value is None:
        return None
    wanted = value.strip().upper()
    if wanted not in EVENT_TYPES:
        raise UsageError(f"--type {value!r} is not a PLOVER event type; use one of {', '.join(EVENT_TYPES)}",
                         "E028")
    return wanted


def check_period(since: str | None, until: str | None) -> None:
    if since and until and since > until:
        raise UsageError(f"--since {since} is after --until {until}; no day can be in that period", "E028")


def _check_actors(reader: Any, *parties: str) -> None:
    """E048 (exit 1) when an actor named on the command line is nowhere in the ledger."""
    unknown = [p for p in parties if not reader.known_party(p)]
    if unknown:
        raise StoreError(f"no actor {' or '.join(repr(p) for p in unknown)} in the ledger's entities or "
                         "events; check the code or id (peacewatch export entities)", "E048")


def with_dyad(db: str | None, config: Config, a: str, b: str, fn: Any, *, needs_ledger: bool = False) -> Any:
    """``fn(reader)`` once both actors are known to the ledger (E048 otherwise)."""
    def checked(reader: Any) -> Any:
        _check_actors(reader, a, b)
        return fn(reader)

    return with_reader(db, config, checked, needs_ledger=needs_ledger)


def with_reader(db: str | None, config: Config, fn: Any, *, needs_ledger: bool = False) -> Any:
    """``fn(reader)`` on the database opened read-only; coded errors end the command (exit 1, or 2
    for a usage error). A ledger that is out of date is said on stderr; with ``needs_ledger`` (a
    report would be an empty page) a ledger never built ends the command instead."""
    with open_reader(db, config) as reader:
        try:
            check_ledger(reader, db or config.db, needs_ledger)
            return fn(reader)
        except PeacewatchError as e:
            fail_usage(e)


def check_ledger(reader: Any, path: str, needs_ledger: bool) -> None:
    """E049 when the ledger lags the stored documents (a killed ingest, an upgrade of peacewatch):
    a warning naming the command that rebuilds it, or the error when the ledger was never built and
    the command cannot do without it."""
    state = reader.ledger_state()
    if state == "fresh":
        return
    what = ("was never built from the stored documents" if state == "missing"
            else "is out of date with the stored documents or this peacewatch")
    message = f"the ledger {what}; run `peacewatch resolve --db {path}` to rebuild it"
    if state == "missing" and needs_ledger:
        raise StoreError(message, "E049")
    click.echo(f"warning E049: {message} (showing the ledger as last built)", err=True)
