"""The ``peacewatch`` command line. Only this module prints.

Exit codes: 0 when every document was processed, 1 when some failed (each failure is reported with
its code), 2 on usage errors (click's own convention, kept for ours).
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Any, BinaryIO, cast

import click

from . import __version__
from .config import Config, load_config
from .errors import PeacewatchError


class Context:
    def __init__(self, config: Config) -> None:
        self.config = config


def _fail_usage(e: PeacewatchError) -> None:
    click.echo(f"error {e}", err=True)
    sys.exit(2)


@click.group()
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
    source = click.open_file(input_path, "rb")
    with source as fin, click.open_file(output, "w", encoding="utf-8") as fout:
        try:
            for result in extract_stream(cast(BinaryIO, fin), config):
                failed += result.error is not None
                fout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        except PeacewatchError as e:
            _fail_usage(e)
    if failed:
        click.echo(f"{failed} document(s) failed; see their 'error' field", err=True)
    sys.exit(1 if failed else 0)


EVAL_TASKS = ("timex", "quotes", "events", "ner")


@main.command("eval")
@click.argument("task", type=click.Choice(EVAL_TASKS))
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--limit", type=int, default=None, help="Only the first N gold records.")
@click.option("--baseline", default=None, help="Also score a baseline system (task-specific).")
@click.option("--errors", "show_errors", type=int, default=20,
              help="Print up to N misses and false alarms (0 for none).")
@click.option("--actors-only", is_flag=True, help="events: score only the actor codes.")
@click.pass_obj
def evaluate(obj: Context, task: str, gold: str, limit: int | None, baseline: str | None,
             show_errors: int, actors_only: bool) -> None:
    """Score the pipeline on a gold file (formats of shared/data/SOURCES.md)."""
    import importlib

    module = importlib.import_module(f".evaluate.{task}", __package__)
    options: dict[str, Any] = {"limit": limit, "baseline": baseline}
    if task == "events":
        options["actors_only"] = actors_only
    try:
        report = module.evaluate(Path(gold), obj.config, **options)
    except PeacewatchError as e:
        _fail_usage(e)
    from .serve.text import render_report

    click.echo(render_report(report, show_errors))
    click.echo(report.to_json())


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default=None, help="The SQLite database (default: config 'db', ./peacewatch.db).")
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
    try:
        sources = [Source(p, fmt, published, text_column, id_column, published_column, title_column,
                          url_column, delimiter) for p in paths]
    except PeacewatchError as e:
        _fail_usage(e)
    store = _open_store(db, config)
    with store, progress_bar(enabled=not quiet and sys.stderr.isatty()) as tick:
        try:
            stats = run_ingest(sources, store, config, on_document=tick)
        except PeacewatchError as e:
            _fail_usage(e)
    for item, code, message in stats.failures[:50]:
        click.echo(f"failed {item}: {code} {message}", err=True)
    if len(stats.failures) > 50:
        click.echo(f"… and {len(stats.failures) - 50} more failures (see the 'failures' table)", err=True)
    if not quiet:
        click.echo(f"read {stats.read}, stored {stats.stored}, already stored {stats.duplicates}, "
                   f"failed {stats.failed}", err=True)
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
                                            "events", "commitments", "versions")))
@click.option("--format", "fmt", type=click.Choice(("jsonl", "csv", "parquet")), default="jsonl",
              show_default=True)
@click.option("--db", default=None, help="The database (default: config 'db', ./peacewatch.db).")
@click.option("-o", "--output", default="-", help="Output path; '-' is standard output (not for parquet).")
@click.option("--per-document", is_flag=True,
              help="events/commitments/entities as extracted per document, not the merged ledger view.")
@click.pass_obj
def export(obj: Context, table: str, fmt: str, db: str | None, output: str, per_document: bool) -> None:
    """Write a table of the database as JSON Lines, CSV or Parquet.

    events, commitments and entities are the merged cross-document view (stable entity ids, one
    event per real-world event with every report in 'mentions'); the other tables are per document;
    versions are the earlier texts of corrected documents.
    """
    from .store import export as exporter

    if fmt == "parquet" and output == "-":
        raise click.UsageError("parquet needs a file: give -o PATH")
    with _open_reader(db, obj.config) as reader:
        records = reader.export_rows(table, per_document)
        try:
            n = exporter.write(records, fmt, sys.stdout) if output == "-" else exporter.write_file(
                records, fmt, output)
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


def _read(db: str | None, config: Config, fn: Any) -> Any:
    """``fn(reader)`` on the database opened read-only; coded errors end the command (exit 2)."""
    with _open_reader(db, config) as reader:
        try:
            return fn(reader)
        except PeacewatchError as e:
            _fail_usage(e)


@main.command("events")
@click.option("--dyad", nargs=2, metavar="A B", default=None,
              help="Two actors: country codes (AZE ARM) or ledger entity ids.")
@click.option("--since", default=None, help="First day (YYYY-MM-DD).")
@click.option("--until", default=None, help="Last day (YYYY-MM-DD).")
@click.option("--type", "type_", default=None, help="Only this PLOVER type (AGREE, RETREAT, …).")
@click.option("--db", default=None, help="The database (default: config 'db').")
@click.option("--json", "as_json", is_flag=True, help="One merged event per line as JSON.")
@click.pass_obj
def events(obj: Context, dyad: tuple[str, str] | None, since: str | None, until: str | None,
           type_: str | None, db: str | None, as_json: bool) -> None:
    """Merged events (one per real-world event), of a dyad or all, in timeline order."""
    from .serve.text import render_events

    wanted = type_.upper() if type_ else None
    if dyad is None:
        found = _read(db, obj.config, lambda r: r.events(since=since, until=until, type=wanted).items)
    else:
        found = _read(db, obj.config, lambda r: r.events_for_dyad(dyad[0], dyad[1], since, until, wanted))
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

    view = _read(db, obj.config, lambda r: r.timeline(a, b))
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

    html = _read(db, obj.config, lambda r: report_html(r, a, b))
    try:
        with output_file(output) as out:
            out.write(html)
    except PeacewatchError as e:
        _fail_output(e)
    click.echo(f"report written to {output}", err=True)


@main.command("migrate")
@click.option("--db", default=None, help="The database (default: config 'db').")
@click.pass_obj
def migrate(obj: Context, db: str | None) -> None:
    """Bring the database's schema up to this peacewatch (creating the file if there is none).

    Reading commands never change a database; run this when they report an older schema.
    """
    store = _open_store(db, obj.config)
    with store:
        version = store.conn.execute("PRAGMA user_version").fetchone()[0]
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
    from .store.sqlite import resolve as rebuild

    store = _open_store(db, obj.config)
    with store:
        try:
            rebuild(store, obj.config.ledger, force=force)
        except PeacewatchError as e:
            _fail_usage(e)
    counts = _read(db, obj.config, lambda r: r.summary())
    click.echo(f"ledger: {counts.merged_events} merged events from {counts.event_reports} reports, "
               f"{sum(counts.ledger_commitments.values())} commitments", err=True)


if __name__ == "__main__":
    main()
