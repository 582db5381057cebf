"""The commands that read the database: export, summary, events, commitments, process, timeline,
report and the web server. None of them writes, except the server when a write token lets analysts
send corrections."""

from __future__ import annotations

import json
import sys

import click

from ..errors import PeacewatchError
from .base import (
    Context,
    check_ledger,
    check_period,
    day_option,
    echo_records,
    event_type_option,
    fail_output,
    fail_usage,
    main,
    open_reader,
    with_dyad,
    with_reader,
)


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
    from ..store import export as exporter

    if fmt == "parquet" and output == "-":
        raise click.UsageError("parquet needs a file: give -o PATH")
    with open_reader(db, obj.config) as reader:
        if table in ("events", "commitments", "entities", "agreements") and not per_document:
            try:
                check_ledger(reader, db or obj.config.db, needs_ledger=False)
            except PeacewatchError as e:
                fail_usage(e)
        records = reader.export_rows(table, per_document, machine)
        try:
            n = exporter.write(records, fmt, sys.stdout, table) if output == "-" else exporter.write_file(
                records, fmt, output, table)
        except PeacewatchError as e:
            if e.code == "E046":
                fail_output(e)
            fail_usage(e)
    if output != "-":
        click.echo(f"{n} {table} written to {output}", err=True)


@main.command("summary")
@click.option("--db", default=None, help="The database (default: config 'db').")
@click.pass_obj
def summary(obj: Context, db: str | None) -> None:
    """Print what the database holds: documents, entities by kind, events by type, commitments."""
    from ..serve.text import render_summary

    click.echo(render_summary(with_reader(db, obj.config, lambda r: r.summary())))


@main.command("events")
@click.option("--dyad", nargs=2, metavar="A B", default=None,
              help="Two actors: country codes (AZE ARM) or ledger entity ids.")
@click.option("--since", default=None, callback=day_option, help="First day (YYYY-MM-DD).")
@click.option("--until", default=None, callback=day_option, help="Last day (YYYY-MM-DD).")
@click.option("--type", "type_", default=None, callback=event_type_option,
              help="Only this PLOVER type (AGREE, RETREAT, …).")
@click.option("--db", default=None, help="The database (default: config 'db').")
@click.option("--json", "as_json", is_flag=True, help="One merged event per line as JSON.")
@click.pass_obj
def events(obj: Context, dyad: tuple[str, str] | None, since: str | None, until: str | None,
           type_: str | None, db: str | None, as_json: bool) -> None:
    """Merged events (one per real-world event), of a dyad or all, in timeline order."""
    from ..serve.text import render_events

    check_period(since, until)
    if dyad is None:
        found = with_reader(db, obj.config, lambda r: r.events(since=since, until=until, type=type_).items)
    else:
        found = with_dyad(db, obj.config, dyad[0], dyad[1],
                           lambda r: r.events_for_dyad(dyad[0], dyad[1], since, until, type_))
    echo_records(found, as_json, render_events)


@main.command("commitments")
@click.option("--status", type=click.Choice(("open", "fulfilled", "overdue", "broken")), default=None)
@click.option("--db", default=None, help="The database (default: config 'db').")
@click.option("--json", "as_json", is_flag=True, help="One commitment per line as JSON.")
@click.pass_obj
def commitments(obj: Context, status: str | None, db: str | None, as_json: bool) -> None:
    """Commitments across documents with their status (open, fulfilled, overdue, broken)."""
    from ..serve.text import render_commitments

    echo_records(with_reader(db, obj.config, lambda r: r.commitments(status)), as_json, render_commitments)


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
    from ..serve.text import render_process

    view, names = with_dyad(db, obj.config, a, b, lambda r: (r.process(a, b), r.entity_names()))
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
    from ..serve.text import render_timeline

    view = with_dyad(db, obj.config, a, b, lambda r: r.timeline(a, b))
    click.echo(json.dumps(view.to_dict(), ensure_ascii=False) if as_json else render_timeline(view, by))


@main.command("report")
@click.argument("a")
@click.argument("b")
@click.option("-o", "--output", default="report.html", show_default=True, help="The HTML file to write.")
@click.option("--db", default=None, help="The database (default: config 'db').")
@click.pass_obj
def report(obj: Context, a: str, b: str, output: str, db: str | None) -> None:
    """Write a self-contained HTML report of a dyad: timeline plot, events, commitments, sources."""
    from ..serve.report import report_html
    from ..store.export import output_file

    html = with_dyad(db, obj.config, a, b, lambda r: report_html(r, a, b), needs_ledger=True)
    try:
        with output_file(output) as out:
            out.write(html)
    except PeacewatchError as e:
        fail_output(e)
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
    from ..serve.web.server import Server

    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {host}: anyone who can reach this machine on port {port} can read "
                   "the whole database (there is no login); use --host 127.0.0.1 to keep it to this machine",
                   err=True)
    try:
        server = Server(db or obj.config.db, host, port, write_token or None, obj.config.ledger)
    except PeacewatchError as e:
        fail_usage(e)
    click.echo(f"peacewatch serving {db or obj.config.db} at {server.address} "
               f"({'corrections need the write token' if write_token else 'read-only'}; Ctrl-C stops it)", err=True)
    try:
        server.run()
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
