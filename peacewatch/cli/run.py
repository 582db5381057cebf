"""The commands that run the pipeline or change the database: extract, ingest, eval, migrate,
resolve."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from ..errors import PeacewatchError
from .base import Context, engine_options, fail_usage, main, open_store, overrides, with_reader
from .files import atomic_output, check_inputs, open_input


@main.command()
@click.argument("input_path", default="-", type=click.Path(allow_dash=True, dir_okay=False))
@click.option("-o", "--output", default="-", type=click.Path(allow_dash=True, dir_okay=False),
              help="Where to write the results (JSON Lines); '-' is standard output.")
@click.option("--workers", type=int, default=None, help="Worker processes (default: config 'workers').")
@click.option("--batch-size", type=int, default=None, help="Documents per spaCy batch.")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra actor dictionary CSV (repeatable).")
@engine_options
@click.pass_obj
def extract(obj: Context, input_path: str, output: str, workers: int | None,
            batch_size: int | None, actor_files: tuple[str, ...], engine: str | None, scheduler: str | None) -> None:
    """Annotate documents (JSON Lines, one per line) and write one result per line, in order."""
    from ..flow import extract_stream

    config = overrides(obj.config, workers=workers, batch_size=batch_size, engine=engine, dask_scheduler=scheduler,
                        actors=(obj.config.actors + actor_files) if actor_files else None)
    failed = 0
    with open_input(input_path) as fin, atomic_output(output) as fout:
        for result in extract_stream(fin, config):
            failed += result.error is not None
            fout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
    if failed:
        click.echo(f"{failed} document(s) failed; see their 'error' field", err=True)
    sys.exit(1 if failed else 0)


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

    module = importlib.import_module(f"..evaluate.{task}", __package__)
    options: dict[str, Any] = {"limit": limit, "baseline": baseline}
    if task == "events":
        options["actors_only"] = actors_only
    if task == "process":
        options["db"] = Path(db) if db else None
    try:
        scores = module.evaluate(Path(gold), obj.config, **options)
    except PeacewatchError as e:
        fail_usage(e)
    from ..serve.text import render_scores

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
@engine_options
@click.pass_obj
def ingest(obj: Context, paths: tuple[str, ...], db: str | None, published: str | None, fmt: str,
           text_column: str | None, id_column: str | None, published_column: str | None,
           title_column: str | None, url_column: str | None, delimiter: str | None, workers: int | None,
           actor_files: tuple[str, ...], quiet: bool, engine: str | None, scheduler: str | None) -> None:
    """Read files, folders (recursively), gzip files or '-' (stdin) into the database."""
    from ..flow import ingest as run_ingest
    from ..ingest.sources import Source
    from ..serve.progress import progress_bar

    config = overrides(obj.config, workers=workers, engine=engine, dask_scheduler=scheduler,
                        actors=(obj.config.actors + actor_files) if actor_files else None)
    sources = [Source(p, fmt, published, text_column, id_column, published_column, title_column,
                      url_column, delimiter) for p in paths]
    check_inputs(paths)
    store = open_store(db, config)
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


@main.command("migrate")
@click.option("--db", default=None, help="The database (default: config 'db').")
@click.pass_obj
def migrate(obj: Context, db: str | None) -> None:
    """Bring the database's schema up to this peacewatch (creating the file if there is none).

    Reading commands never change a database; run this when they report an older schema.
    """
    from ..store.sqlite import schema_version

    store = open_store(db, obj.config)
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
    from ..flow import resolve as run_resolve

    store = open_store(db, obj.config)
    with store:
        try:
            built = run_resolve(store, obj.config, force=force)
        except PeacewatchError as e:
            fail_usage(e)
    click.echo("ledger: up to date" if built is None else f"ledger: {built.path} ({built.why})", err=True)
    counts = with_reader(db, obj.config, lambda r: r.summary())
    click.echo(f"ledger: {counts.merged_events} merged events from {counts.event_reports} reports, "
               f"{sum(counts.ledger_commitments.values())} commitments", err=True)
