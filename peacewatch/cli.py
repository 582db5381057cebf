"""The ``peacewatch`` command line. Only this module prints.

Exit codes: 0 when every document was processed, 1 when some failed (each failure is reported with
its code) or the command failed at run time (the database, an output file, an internal error), 2 on
usage errors (click's own convention, kept for ours: a bad option value, configuration or input path).
Every failure is one coded line (``error E0NN: …``), never a traceback; ``PEACEWATCH_DEBUG=1`` lets
an unexpected exception through with its traceback.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, BinaryIO

import click

from . import __version__
from .config import Config, load_config
from .errors import InputError, OutputError, PeacewatchError, StoreError, UsageError
from .types import EVENT_TYPES

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


def _fail_usage(e: PeacewatchError) -> None:
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


class GuardedGroup(click.Group):
    """The command group with one guard for every command: a ``PeacewatchError`` becomes its coded
    message and exit code, any other exception a coded internal error (E099), never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except PeacewatchError as e:
            _fail_usage(e)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except BrokenPipeError:  # the reader of our output went away (`| head`): nothing to report
            _silence_stdout()
            sys.exit(1)
        except Exception as e:
            if os.environ.get("PEACEWATCH_DEBUG", "") not in ("", "0"):
                raise
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
        _fail_usage(e)


@main.command("config")
def show_config() -> None:
    """Print the commented default configuration."""
    from .config import default_config_text

    click.echo(default_config_text(), nl=False)


def _overrides(config: Config, **values: Any) -> Config:
    try:
        return config.with_overrides(**values)
    except PeacewatchError as e:
        _fail_usage(e)
        raise  # unreachable: _fail_usage exits


def _engine_options(command: Any) -> Any:
    """``--engine`` and ``--scheduler``, shared by ``extract`` and ``ingest``."""
    command = click.option("--scheduler", default=None, metavar="ADDRESS",
                           help="Dask engine: an existing scheduler (tcp://host:8786), not a local cluster.")(command)
    return click.option("--engine", default=None,
                        help="What runs the pipeline: local or dask (default: config 'engine').")(command)


@main.command()
@click.argument("input_path", default="-", type=click.Path(allow_dash=True, dir_okay=False))
@click.option("-o", "--output", default="-", type=click.Path(allow_dash=True, dir_okay=False),
              help="Where to write the results (JSON Lines); '-' is standard output.")
@click.option("--workers", type=int, default=None, help="Worker processes (default: config 'workers').")
@click.option("--batch-size", type=int, default=None, help="Documents per spaCy batch.")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra actor dictionary CSV (repeatable).")
@_engine_options
@click.pass_obj
def extract(obj: Context, input_path: str, output: str, workers: int | None,
            batch_size: int | None, actor_files: tuple[str, ...], engine: str | None, scheduler: str | None) -> None:
    """Annotate documents (JSON Lines, one per line) and write one result per line, in order."""
    from .flow import extract_stream

    config = _overrides(obj.config, workers=workers, batch_size=batch_size, engine=engine, dask_scheduler=scheduler,
                        actors=(obj.config.actors + actor_files) if actor_files else None)
    failed = 0
    with _input(input_path) as fin, _atomic_output(output) as fout:
        for result in extract_stream(fin, config):
            failed += result.error is not None
            fout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
    if failed:
        click.echo(f"{failed} document(s) failed; see their 'error' field", err=True)
    sys.exit(1 if failed else 0)


def _check_inputs(paths: tuple[str, ...] | list[str]) -> None:
    """E008 (a usage error, exit 2) for an input path named on the command line that does not exist."""
    for path in paths:
        if path != "-" and not os.path.exists(path):
            raise InputError(f"no such file or folder: {path}; check the path", "E008")


@contextlib.contextmanager
def _input(path: str) -> Iterator[BinaryIO]:
    """The input file's bytes (stdin for '-'); E008 when it is missing or cannot be opened."""
    _check_inputs([path])
    if path == "-":
        yield sys.stdin.buffer
        return
    try:
        stream = open(path, "rb")
    except OSError as e:
        raise InputError(f"cannot read {path} ({e.strerror}); check the path and its permissions", "E008") from e
    with stream:
        yield stream


@contextlib.contextmanager
def _atomic_output(path: str) -> Iterator[IO[str]]:
    """A text file written under a temporary name beside ``path`` and renamed to it only when the
    command finishes, so a failure never leaves a half-written file; '-' is standard output.
    E046 when the folder is missing or cannot be written."""
    if path == "-":
        yield sys.stdout
        return
    target = os.path.abspath(path)
    partial = os.path.join(os.path.dirname(target), f".{os.path.basename(target)}.{os.getpid()}.part")
    try:
        out = open(partial, "x", encoding="utf-8")
    except OSError as e:
        raise OutputError(f"cannot write {path} ({e.strerror}); check that its folder exists and is "
                          "writable", "E046") from e
    try:
        with out:
            yield out
        _replace(partial, target, path)
    finally:
        if os.path.exists(partial):
            os.unlink(partial)


def _replace(partial: str, target: str, path: str) -> None:
    try:
        os.replace(partial, target)
    except OSError as e:
        raise OutputError(f"cannot write {path} ({e.strerror}); nothing was written", "E046") from e


EVAL_TASKS = ("timex", "quotes", "events", "ner", "places", "docs", "process")


@main.command("eval")
@click.argument("task", type=click.Choice(EVAL_TASKS))
@click.argument("gold", type=click.Path(exists=True))
@click.option("--limit", type=int, default=None, help="Only the first N gold records.")
@click.option("--baseline", default=None, help="Also score a baseline system (task-specific).")
@click.option("--errors", "show_errors", type=int, default=20,
              help="Print up to N misses and false alarms (0 for none).")
@click.option("--actors-only", is_flag=True, help="events: score only the actor codes.")
@click.option("--db", default=None, help="process: ingest into (and reuse) this database, not a temporary one.")
@click.pass_obj
def evaluate(obj: Context, task: str, gold: str, limit: int | None, baseline: str | None,
             show_errors: int, actors_only: bool, db: str | None) -> None:
    """Score the pipeline on a gold file (formats of shared/data/SOURCES.md)."""
    import importlib

    module = importlib.import_module(f".evaluate.{task}", __package__)
    options: dict[str, Any] = {"limit": limit, "baseline": baseline}
    if task == "events":
        options["actors_only"] = actors_only
    if task == "process":
        options["db"] = Path(db) if db else None
    try:
        scores = module.evaluate(Path(gold), obj.config, **options)
    except PeacewatchError as e:
        _fail_usage(e)
    from .serve.text import render_scores

    click.echo(render_scores(scores, show_errors))
    click.echo(scores.to_json())


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default=None, help="The SQLite database file or a postgresql:// URL (default: config 'db', "
              "./peacewatch.db).")
@click.option("--published", default=None, help="Publication date for documents that carry none.")
@click.option("--format", "fmt", type=click.Choice(("auto", "txt", "html", "jsonl", "csv", "rss")),
              default="auto", show_default=True, help="Input format (auto: by extension and content).")
@click.option("--text-column", default=None, help="CSV: the column holding the text.")
@click.option("--id-column", default=None, help="CSV: the column holding the document id.")
@click.option("--published-column", default=None, help="CSV: the column holding the date.")
@click.option("--title-column", default=None, help="CSV: the column holding the title.")
@click.option("--url-column", default=None, help="CSV: the column holding the URL.")
@click.option("--delimiter", default=None, help="CSV: the delimiter (default: tab for .tsv, else comma).")
@click.option("--workers", type=int, default=None, help="Worker processes (default: config 'workers').")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra actor dictionary CSV (repeatable).")
@click.option("--quiet", is_flag=True, help="No progress bar and no summary (for scripts).")
@_engine_options
@click.pass_obj
def ingest(obj: Context, paths: tuple[str, ...], db: str | None, published: str | None, fmt: str,
           text_column: str | None, id_column: str | None, published_column: str | None,
           title_column: str | None, url_column: str | None, delimiter: str | None, workers: int | None,
           actor_files: tuple[str, ...], quiet: bool, engine: str | None, scheduler: str | None) -> None:
    """Read files, folders (recursively), gzip files or '-' (stdin) into the database."""
    from .flow import ingest as run_ingest
    from .ingest.sources import Source
    from .serve.progress import progress_bar

    config = _overrides(obj.config, workers=workers, engine=engine, dask_scheduler=scheduler,
                        actors=(obj.config.actors + actor_files) if actor_files else None)
    sources = [Source(p, fmt, published, text_column, id_column, published_column, title_column,
                      url_column, delimiter) for p in paths]
    _check_inputs(paths)
    store = _open_store(db, config)
    with store, progress_bar(enabled=not quiet and sys.stderr.isatty()) as tick:
        stats = run_ingest(sources, store, config, on_document=tick)
    for item, code, message in stats.failures[:50]:
        click.echo(f"failed {item}: {code} {message}", err=True)
    if len(stats.failures) > 50:
        click.echo(f"… and {len(stats.failures) - 50} more failures (see the 'failures' table)", err=True)
    if not quiet:
        click.echo(f"read {stats.read}, stored {stats.stored}, already stored {stats.duplicates}, "
                   f"failed {stats.failed}", err=True)
        click.echo(f"ledger: {stats.ledger}", err=True)
    sys.exit(1 if stats.failed else 0)


def _open_store(db: str | None, config: Config) -> Any:
    from .store.sqlite import Store

    try:
        return Store(db or config.db)
    except PeacewatchError as e:
        _fail_usage(e)


def _open_reader(db: str | None, config: Config) -> Any:
    """The database opened read-only (nothing is created, migrated or written)."""
    from .store.reads import Reader

    try:
        return Reader(db or config.db)
    except PeacewatchError as e:
        _fail_usage(e)


def _fail_output(e: PeacewatchError) -> None:
    """An output file that cannot be written: one coded line, exit 1."""
    click.echo(f"error {e}", err=True)
    sys.exit(1)


@main.command("export")
@click.argument("table", type=click.Choice(("documents", "mentions", "entities", "timexes", "quotes",
                                            "events", "commitments", "versions", "agreements")))
@click.option("--format", "fmt", type=click.Choice(("jsonl", "csv", "parquet", "geojson")), default="jsonl",
              show_default=True)
@click.option("--db", default=None, help="The database (default: config 'db', ./peacewatch.db).")
@click.option("-o", "--output", default="-", help="Output path; '-' is standard output (not for parquet).")
@click.option("--per-document", is_flag=True,
              help="events/commitments/entities as extracted per document, not the merged ledger view.")
@click.option("--machine", is_flag=True,
              help="The merged view as the machine made it, without the analysts' corrections (to score it).")
@click.pass_obj
def export(obj: Context, table: str, fmt: str, db: str | None, output: str, per_document: bool,
           machine: bool) -> None:
    """Write a table of the database as JSON Lines, CSV or Parquet (events also as GeoJSON).

    events, commitments and entities are the merged cross-document view (stable entity ids, one
    event per real-world event with every report in 'mentions'); commitments carry their evidence
    chain (every report that made or moved them, with its sentence), agreements their provisions;
    the other tables are per document; versions are the earlier texts of corrected documents.
    """
    from .store import export as exporter

    if fmt == "parquet" and output == "-":
        raise click.UsageError("parquet needs a file: give -o PATH")
    with _open_reader(db, obj.config) as reader:
        if table in ("events", "commitments", "entities", "agreements") and not per_document:
            try:
                _check_ledger(reader, db or obj.config.db, needs_ledger=False)
            except PeacewatchError as e:
                _fail_usage(e)
        records = reader.export_rows(table, per_document, machine)
        try:
            n = exporter.write(records, fmt, sys.stdout, table) if output == "-" else exporter.write_file(
                records, fmt, output, table)
        except PeacewatchError as e:
            if e.code == "E046":
                _fail_output(e)
            _fail_usage(e)
    if output != "-":
        click.echo(f"{n} {table} written to {output}", err=True)


@main.command("summary")
@click.option("--db", default=None, help="The database (default: config 'db').")
@click.pass_obj
def summary(obj: Context, db: str | None) -> None:
    """Print what the database holds: documents, entities by kind, events by type, commitments."""
    from .serve.text import render_summary

    click.echo(render_summary(_read(db, obj.config, lambda r: r.summary())))


def _echo_records(records: list[Any], as_json: bool, render: Any) -> None:
    """Records as JSON Lines (``--json``) or as the text table ``render`` makes of them."""
    if as_json:
        for record in records:
            click.echo(json.dumps(record.to_dict(), ensure_ascii=False))
    else:
        click.echo(render(records))


def _day(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
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


def _event_type(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A ``--type`` value as one of the PLOVER event types (any case); E028 otherwise."""
    if value is None:
        return None
    wanted = value.strip().upper()
    if wanted not in EVENT_TYPES:
        raise UsageError(f"--type {value!r} is not a PLOVER event type; use one of {', '.join(EVENT_TYPES)}",
                         "E028")
    return wanted


def _check_period(since: str | None, until: str | None) -> None:
    if since and until and since > until:
        raise UsageError(f"--since {since} is after --until {until}; no day can be in that period", "E028")


def _check_actors(reader: Any, *parties: str) -> None:
    """E048 (exit 1) when an actor named on the command line is nowhere in the ledger."""
    unknown = [p for p in parties if not reader.known_party(p)]
    if unknown:
        raise StoreError(f"no actor {' or '.join(repr(p) for p in unknown)} in the ledger's entities or "
                         "events; check the code or id (peacewatch export entities)", "E048")


def _read_dyad(db: str | None, config: Config, a: str, b: str, fn: Any, *, needs_ledger: bool = False) -> Any:
    """``fn(reader)`` once both actors are known to the ledger (E048 otherwise)."""
    def checked(reader: Any) -> Any:
        _check_actors(reader, a, b)
        return fn(reader)

    return _read(db, config, checked, needs_ledger=needs_ledger)


def _read(db: str | None, config: Config, fn: Any, *, needs_ledger: bool = False) -> Any:
    """``fn(reader)`` on the database opened read-only; coded errors end the command (exit 1, or 2
    for a usage error). A ledger that is out of date is said on stderr; with ``needs_ledger`` (a
    report would be an empty page) a ledger never built ends the command instead."""
    with _open_reader(db, config) as reader:
        try:
            _check_ledger(reader, db or config.db, needs_ledger)
            return fn(reader)
        except PeacewatchError as e:
            _fail_usage(e)


def _check_ledger(reader: Any, path: str, needs_ledger: bool) -> None:
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


@main.command("events")
@click.option("--dyad", nargs=2, metavar="A B", default=None,
              help="Two actors: country codes (AZE ARM) or ledger entity ids.")
@click.option("--since", default=None, callback=_day, help="First day (YYYY-MM-DD).")
@click.option("--until", default=None, callback=_day, help="Last day (YYYY-MM-DD).")
@click.option("--type", "type_", default=None, callback=_event_type,
              help="Only this PLOVER type (AGREE, RETREAT, …).")
@click.option("--db", default=None, help="The database (default: config 'db').")
@click.option("--json", "as_json", is_flag=True, help="One merged event per line as JSON.")
@click.pass_obj
def events(obj: Context, dyad: tuple[str, str] | None, since: str | None, until: str | None,
           type_: str | None, db: str | None, as_json: bool) -> None:
    """Merged events (one per real-world event), of a dyad or all, in timeline order."""
    from .serve.text import render_events

    _check_period(since, until)
    if dyad is None:
        found = _read(db, obj.config, lambda r: r.events(since=since, until=until, type=type_).items)
    else:
        found = _read_dyad(db, obj.config, dyad[0], dyad[1],
                           lambda r: r.events_for_dyad(dyad[0], dyad[1], since, until, type_))
    _echo_records(found, as_json, render_events)


@main.command("commitments")
@click.option("--status", type=click.Choice(("open", "fulfilled", "overdue", "broken")), default=None)
@click.option("--db", default=None, help="The database (default: config 'db').")
@click.option("--json", "as_json", is_flag=True, help="One commitment per line as JSON.")
@click.pass_obj
def commitments(obj: Context, status: str | None, db: str | None, as_json: bool) -> None:
    """Commitments across documents with their status (open, fulfilled, overdue, broken)."""
    from .serve.text import render_commitments

    _echo_records(_read(db, obj.config, lambda r: r.commitments(status)), as_json, render_commitments)


@main.command("process")
@click.argument("a")
@click.argument("b")
@click.option("--min-sources", type=click.IntRange(1), default=1, show_default=True,
              help="Show timeline events reported by at least this many documents.")
@click.option("--db", default=None, help="The database (default: config 'db').")
@click.option("--json", "as_json", is_flag=True, help="The whole process view as one JSON object.")
@click.pass_obj
def process(obj: Context, a: str, b: str, min_sources: int, db: str | None, as_json: bool) -> None:
    """A peace process: agreements with provisions and implementation levels, open and overdue
    commitments first, and the timeline of events with their source counts."""
    from .serve.text import render_process

    view, names = _read_dyad(db, obj.config, a, b, lambda r: (r.process(a, b), r.entity_names()))
    click.echo(json.dumps(view.to_dict(), ensure_ascii=False) if as_json else render_process(view, names, min_sources))


@main.command("timeline")
@click.argument("a")
@click.argument("b")
@click.option("--by", type=click.Choice(("month", "week")), default="month", show_default=True)
@click.option("--db", default=None, help="The database (default: config 'db').")
@click.option("--json", "as_json", is_flag=True, help="The whole dyad view as one JSON object.")
@click.pass_obj
def timeline(obj: Context, a: str, b: str, by: str, db: str | None, as_json: bool) -> None:
    """A dyad's timeline: events, counts by quad class and scores per period, negotiation record."""
    from .serve.text import render_timeline

    view = _read_dyad(db, obj.config, a, b, lambda r: r.timeline(a, b))
    click.echo(json.dumps(view.to_dict(), ensure_ascii=False) if as_json else render_timeline(view, by))


@main.command("report")
@click.argument("a")
@click.argument("b")
@click.option("-o", "--output", default="report.html", show_default=True, help="The HTML file to write.")
@click.option("--db", default=None, help="The database (default: config 'db').")
@click.pass_obj
def report(obj: Context, a: str, b: str, output: str, db: str | None) -> None:
    """Write a self-contained HTML report of a dyad: timeline plot, events, commitments, sources."""
    from .serve.report import report_html
    from .store.export import output_file

    html = _read_dyad(db, obj.config, a, b, lambda r: report_html(r, a, b), needs_ledger=True)
    try:
        with output_file(output) as out:
            out.write(html)
    except PeacewatchError as e:
        _fail_output(e)
    click.echo(f"report written to {output}", err=True)


@main.command("serve")
@click.option("--db", default=None, help="The database (default: config 'db').")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 0.0.0.0 makes the data visible to the whole network.")
@click.option("--port", type=int, default=8000, show_default=True, help="Port to listen on.")
@click.option("--write-token", envvar="PEACEWATCH_WRITE_TOKEN", default=None,
              help="Enable POST /api/corrections for requests that send this token (Authorization: Bearer "
                   "TOKEN); also read from PEACEWATCH_WRITE_TOKEN. Without it every write answers 403.")
@click.pass_obj
def serve(obj: Context, db: str | None, host: str, port: int, write_token: str | None) -> None:
    """Serve the web dashboard and REST API (/api/, documented at /openapi.json); read-only unless a
    write token enables analyst corrections."""
    from .serve.web.server import Server

    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {host}: anyone who can reach this machine on port {port} can read "
                   "the whole database (there is no login); use --host 127.0.0.1 to keep it to this machine",
                   err=True)
    try:
        server = Server(db or obj.config.db, host, port, write_token or None, obj.config.ledger)
    except PeacewatchError as e:
        _fail_usage(e)
    click.echo(f"peacewatch serving {db or obj.config.db} at {server.address} "
               f"({'corrections need the write token' if write_token else 'read-only'}; Ctrl-C stops it)", err=True)
    try:
        server.run()
    except KeyboardInterrupt:
        click.echo("stopped", err=True)


@main.command("migrate")
@click.option("--db", default=None, help="The database (default: config 'db').")
@click.pass_obj
def migrate(obj: Context, db: str | None) -> None:
    """Bring the database's schema up to this peacewatch (creating the file if there is none).

    Reading commands never change a database; run this when they report an older schema.
    """
    from .store.sqlite import schema_version

    store = _open_store(db, obj.config)
    with store:
        version = schema_version(store.conn)
    click.echo(f"{db or obj.config.db}: schema version {version}", err=True)


@main.command("resolve")
@click.option("--db", default=None, help="The database (default: config 'db').")
@click.option("--force", is_flag=True, help="Rebuild even when nothing changed since the last build.")
@click.pass_obj
def resolve(obj: Context, db: str | None, force: bool) -> None:
    """Rebuild the cross-document ledger with the configuration's [ledger] settings.

    Ingest does this by itself; run it after changing the settings. The ledger is derived from
    the stored per-document records only, so rebuilding with other settings undoes or redoes merges.
    """
    from .flow import resolve as run_resolve

    store = _open_store(db, obj.config)
    with store:
        try:
            built = run_resolve(store, obj.config, force=force)
        except PeacewatchError as e:
            _fail_usage(e)
    click.echo("ledger: up to date" if built is None else f"ledger: {built.path} ({built.why})", err=True)
    counts = _read(db, obj.config, lambda r: r.summary())
    click.echo(f"ledger: {counts.merged_events} merged events from {counts.event_reports} reports, "
               f"{sum(counts.ledger_commitments.values())} commitments", err=True)


# --- analysts' corrections (docs/corrections.md) ----------------------------------------------------------

_DB = click.option("--db", default=None, help="The database (default: config 'db').")
_HOW = (click.option("--note", default="", help="Why: the analyst's reason, kept with the correction."),
        click.option("--by", "author", default=None, help="Who corrects (default: the OS user)."),
        click.option("--supersedes", type=int, default=None, help="The id of an earlier correction this replaces."))


def _how(fn: Any) -> Any:
    for option in reversed(_HOW):
        fn = option(fn)
    return _DB(click.pass_obj(fn))


def _write_correction(obj: Context, db: str | None, write: Any, how: dict[str, Any]) -> None:
    """Append one correction (``write(conn, **how)``) and rebuild the ledger with it."""
    from .flow import resolve as rebuild

    how = {"by": how.pop("author"), **how}
    store = _open_store(db, obj.config)
    with store:
        try:
            number = write(store.conn, **how)
            rebuild(store, obj.config)
        except PeacewatchError as e:
            _fail_usage(e)
    state = next((c["state"] for c in _read(db, obj.config, lambda r: r.corrections()) if c["id"] == number), "?")
    click.echo(f"correction {number} written ({state}); the ledger is rebuilt with it", err=True)


@main.group("correct")
def correct() -> None:
    """Correct the ledger: an analyst's fix, kept as data and applied at every rebuild.

    IDs are the current ledger ids (peacewatch events --json, commitments --json); the correction
    keeps the documents and evidence spans, so it survives rebuilds, new models and new versions.
    """


_EVENT_FIELDS = (
    click.option("--type", "type_", default=None, callback=_event_type, help="PLOVER type."),
    click.option("--mode", default=None, help="PLOVER mode."),
    click.option("--status", default=None, help="occurred, future, negated, hypothetical, requested, historical."),
    click.option("--actor", multiple=True, help="Actor code (repeat for several)."),
    click.option("--recipient", multiple=True, help="Recipient code (repeat for several)."),
    click.option("--date", default=None, help="TIMEX3 value (2023-12-13, 2023-12, 2023-W50)."),
    click.option("--quantity", default=None, help='JSON, e.g. {"value": 12, "unit": "killed"}.'),
)


def _event_fields(fn: Any) -> Any:
    for option in reversed(_EVENT_FIELDS):
        fn = option(fn)
    return fn


def _change(type_: str | None, mode: str | None, status: str | None, actor: tuple[str, ...],
            recipient: tuple[str, ...], date: str | None, quantity: str | None) -> dict[str, Any]:
    try:
        amount = json.loads(quantity) if quantity else None
    except json.JSONDecodeError as e:
        raise click.BadParameter(f"--quantity is not JSON: {e}") from e
    return {"type": type_, "mode": mode, "status": status, "actor": list(actor) or None,
            "recipient": list(recipient) or None, "date": date, "quantity": amount}


@correct.command("event")
@click.argument("event_id")
@_event_fields
@_how
def correct_event(obj: Context, event_id: str, type_: str | None, mode: str | None, status: str | None,
                  actor: tuple[str, ...], recipient: tuple[str, ...], date: str | None, quantity: str | None,
                  db: str | None, **how: Any) -> None:
    """Change a merged event's type, mode, status, actors, recipients, date or quantity."""
    from .store import corrections as log

    change = _change(type_, mode, status, actor, recipient, date, quantity)
    _write_correction(obj, db, lambda conn, **h: log.correct_event(conn, event_id, change, **h), how)


@correct.command("reject")
@click.argument("event_id")
@_how
def correct_reject(obj: Context, event_id: str, db: str | None, **how: Any) -> None:
    """Reject a merged event: not an event (every report of it is dropped)."""
    from .store import corrections as log

    _write_correction(obj, db, lambda conn, **h: log.reject_event(conn, event_id, **h), how)


@correct.command("add")
@click.argument("doc")
@click.option("--span", nargs=2, type=int, required=True, metavar="START END",
              help="Character offsets of the evidence in the document.")
@_event_fields
@_how
def correct_add(obj: Context, doc: str, span: tuple[int, int], type_: str | None, mode: str | None,
                status: str | None, actor: tuple[str, ...], recipient: tuple[str, ...], date: str | None,
                quantity: str | None, db: str | None, **how: Any) -> None:
    """Add an event the coder missed, with its evidence span in a stored document."""
    from .store import corrections as log

    change = _change(type_, mode, status, actor, recipient, date, quantity)
    _write_correction(obj, db, lambda conn, **h: log.add_event(conn, doc, span[0], span[1], change, **h), how)


@correct.command("merge")
@click.argument("event_ids", nargs=-1, required=True)
@_how
def correct_merge(obj: Context, event_ids: tuple[str, ...], db: str | None, **how: Any) -> None:
    """Merge two (or more) merged events into one."""
    from .store import corrections as log

    _write_correction(obj, db, lambda conn, **h: log.merge_events(conn, event_ids, **h), how)


@correct.command("split")
@click.argument("event_id")
@click.option("--mentions", "mentions", multiple=True, required=True, metavar="DOC#EVENT",
              help="A report to take out into an event of its own (repeat for several).")
@_how
def correct_split(obj: Context, event_id: str, mentions: tuple[str, ...], db: str | None, **how: Any) -> None:
    """Split reports off a merged event into an event of their own."""
    from .store import corrections as log

    _write_correction(obj, db, lambda conn, **h: log.split_event(conn, event_id, mentions, **h), how)


@correct.command("commitment")
@click.argument("commitment_id")
@click.option("--status", type=click.Choice(("open", "fulfilled", "overdue", "broken")), required=True)
@click.option("--by-event", "--event", "deciding", default=None, help="The ledger event that decides it.")
@click.option("--level", type=click.IntRange(0, 3), default=None, help="Implementation level, 0–3.")
@_how
def correct_commitment(obj: Context, commitment_id: str, status: str, deciding: str | None, level: int | None,
                       db: str | None, **how: Any) -> None:
    """Set a commitment's status (and implementation level), and the event that decides it."""
    from .store import corrections as log

    _write_correction(obj, db, lambda conn, **h: log.correct_commitment(
        conn, commitment_id, status, deciding, level, **h), how)


@correct.command("actor")
@click.argument("name")
@click.option("--code", required=True, help="Actor code (AZE, ARM, IGO, …).")
@click.option("--sector", default=None, help="Sector (GOV, MIL, REB, …).")
@click.option("--start", default=None, help="First day in office (YYYY-MM-DD).")
@click.option("--end", default=None, help="Last day in office (YYYY-MM-DD).")
@_how
def correct_actor(obj: Context, name: str, code: str, sector: str | None, start: str | None, end: str | None,
                  db: str | None, **how: Any) -> None:
    """Add or edit an actor dictionary entry: events naming NAME as a party get this code and sector."""
    from .store import corrections as log

    _write_correction(obj, db, lambda conn, **h: log.correct_actor(conn, name, code, sector, start, end, **h), how)


@correct.command("withdraw")
@click.argument("correction", type=int)
@_how
def correct_withdraw(obj: Context, correction: int, db: str | None, **how: Any) -> None:
    """Withdraw an earlier correction (itself a correction: nothing is deleted)."""
    from .store import corrections as log

    how.pop("supersedes", None)
    _write_correction(obj, db, lambda conn, **h: log.withdraw(conn, correction, **h), how)


@main.group("corrections", invoke_without_command=True)
@click.option("--orphaned", is_flag=True, help="Only the corrections whose text is gone.")
@click.option("--json", "as_json", is_flag=True, help="One correction per line as JSON.")
@_DB
@click.pass_context
def corrections(ctx: click.Context, orphaned: bool, as_json: bool, db: str | None) -> None:
    """List the analysts' corrections and what each did in the last rebuild (or share them)."""
    if ctx.invoked_subcommand is not None:
        return
    from .serve.text import render_corrections

    found = _read(db, ctx.obj.config, lambda r: r.corrections(orphaned))
    click.echo("\n".join(json.dumps(c, ensure_ascii=False) for c in found) if as_json else render_corrections(found))


@corrections.command("export")
@click.argument("path")
@_DB
@click.pass_obj
def corrections_export(obj: Context, path: str, db: str | None) -> None:
    """Write every correction to PATH as JSON Lines (to share with a team)."""
    n = _write_jsonl(db, obj.config, path, lambda reader: reader.correction_log())
    click.echo(f"{n} corrections written to {path}", err=True)


def _write_jsonl(db: str | None, config: Config, path: str, rows: Any) -> int:
    """Write ``rows(reader)`` to ``path`` as JSON Lines (E046 when it cannot be written); the count."""
    from .store import export as exporter

    with _open_reader(db, config) as reader:
        try:
            return exporter.write_file(rows(reader), "jsonl", path)
        except PeacewatchError as e:
            _fail_output(e)
            raise  # unreachable: _fail_output exits


@corrections.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@_DB
@click.pass_obj
def corrections_import(obj: Context, path: str, db: str | None) -> None:
    """Add the corrections of a JSON Lines file not already here, then rebuild the ledger."""
    from .flow import resolve as rebuild
    from .store.corrections import read_log

    store = _open_store(db, obj.config)
    with store:
        try:
            added = read_log(store.conn, path)
            rebuild(store, obj.config)
        except PeacewatchError as e:
            _fail_usage(e)
    click.echo(f"{added} corrections added from {path}", err=True)


@corrections.command("training")
@click.argument("path")
@_DB
@click.pass_obj
def corrections_training(obj: Context, path: str, db: str | None) -> None:
    """Write the corrections of event types and actors as sentence + label lines (JSON Lines)."""
    from .store.training import training_rows

    n = _write_jsonl(db, obj.config, path, lambda reader: training_rows(reader.conn, reader.corrections()))
    click.echo(f"{n} training lines written to {path}", err=True)


if __name__ == "__main__":
    main()
