"""Analysts' corrections on the command line (docs/corrections.md): ``correct …`` writes one
and rebuilds the ledger with it; ``corrections …`` lists, exports and imports them."""

from __future__ import annotations

import json
from typing import Any

import click

from ..config import Config
from ..errors import PeacewatchError
from .base import Context, event_type_option, fail_output, fail_usage, main, open_reader, open_store, with_reader

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
    from ..flow import resolve as rebuild
    from ..store.corrections import rebuilt_or_forgotten

    how = {"by": how.pop("author"), **how}
    store = open_store(db, obj.config)
    with store:
        try:
            number = write(store.conn, **how)
            rebuilt_or_forgotten(store.conn, [number], lambda: rebuild(store, obj.config))
        except PeacewatchError as e:
            fail_usage(e)
    state = next((c["state"] for c in with_reader(db, obj.config, lambda r: r.corrections()) if c["id"] == number), "?")
    click.echo(f"correction {number} written ({state}); the ledger is rebuilt with it", err=True)


@main.group("correct")
def correct() -> None:
    """Correct the ledger: an analyst's fix, kept as data and applied at every rebuild.

    IDs are the current ledger ids (peacewatch events --json, commitments --json); the correction
    keeps the documents and evidence spans, so it survives rebuilds, new models and new versions.
    """


_EVENT_FIELDS = (
    click.option("--type", "type_", default=None, callback=event_type_option, help="PLOVER type."),
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
    except ValueError as e:  # not JSON, or a number too long to read
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
    from ..store import corrections as log

    change = _change(type_, mode, status, actor, recipient, date, quantity)
    _write_correction(obj, db, lambda conn, **h: log.correct_event(conn, event_id, change, **h), how)


@correct.command("reject")
@click.argument("event_id")
@_how
def correct_reject(obj: Context, event_id: str, db: str | None, **how: Any) -> None:
    """Reject a merged event: not an event (every report of it is dropped)."""
    from ..store import corrections as log

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
    from ..store import corrections as log

    change = _change(type_, mode, status, actor, recipient, date, quantity)
    _write_correction(obj, db, lambda conn, **h: log.add_event(conn, doc, span[0], span[1], change, **h), how)


@correct.command("merge")
@click.argument("event_ids", nargs=-1, required=True)
@_how
def correct_merge(obj: Context, event_ids: tuple[str, ...], db: str | None, **how: Any) -> None:
    """Merge two (or more) merged events into one."""
    from ..store import corrections as log

    _write_correction(obj, db, lambda conn, **h: log.merge_events(conn, event_ids, **h), how)


@correct.command("split")
@click.argument("event_id")
@click.option("--mentions", "mentions", multiple=True, required=True, metavar="DOC#EVENT",
              help="A report to take out into an event of its own (repeat for several).")
@_how
def correct_split(obj: Context, event_id: str, mentions: tuple[str, ...], db: str | None, **how: Any) -> None:
    """Split reports off a merged event into an event of their own."""
    from ..store import corrections as log

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
    from ..store import corrections as log

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
    from ..store import corrections as log

    _write_correction(obj, db, lambda conn, **h: log.correct_actor(conn, name, code, sector, start, end, **h), how)


@correct.command("withdraw")
@click.argument("correction", type=int)
@_how
def correct_withdraw(obj: Context, correction: int, db: str | None, **how: Any) -> None:
    """Withdraw an earlier correction (itself a correction: nothing is deleted)."""
    from ..store import corrections as log

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
    from ..serve.text import render_corrections

    found = with_reader(db, ctx.obj.config, lambda r: r.corrections(orphaned))
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
    from ..store import export as exporter

    with open_reader(db, config) as reader:
        try:
            return exporter.write_file(rows(reader), "jsonl", path)
        except PeacewatchError as e:
            fail_output(e)
            raise  # unreachable: fail_output exits


@corrections.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@_DB
@click.pass_obj
def corrections_import(obj: Context, path: str, db: str | None) -> None:
    """Add the corrections of a JSON Lines file not already here, then rebuild the ledger."""
    from ..flow import resolve as rebuild
    from ..store.corrections import read_log, rebuilt_or_forgotten

    store = open_store(db, obj.config)
    with store:
        try:
            before = store.conn.execute("SELECT coalesce(max(id), 0) FROM corrections").fetchone()[0]
            added = read_log(store.conn, path)
            numbers = [r[0] for r in store.conn.execute("SELECT id FROM corrections WHERE id > ?", (before,))]
            rebuilt_or_forgotten(store.conn, numbers, lambda: rebuild(store, obj.config))
        except PeacewatchError as e:
            fail_usage(e)
    click.echo(f"{added} corrections added from {path}", err=True)


@corrections.command("training")
@click.argument("path")
@_DB
@click.pass_obj
def corrections_training(obj: Context, path: str, db: str | None) -> None:
    """Write the corrections of event types and actors as sentence + label lines (JSON Lines)."""
    from ..store.training import training_rows

    n = _write_jsonl(db, obj.config, path, lambda reader: training_rows(reader.conn, reader.corrections()))
    click.echo(f"{n} training lines written to {path}", err=True)
