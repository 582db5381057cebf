"""The writer of the corrections log (migration 0005): analysts' corrections as append-only rows.

Every function here turns what a user names (a current ledger id, a document and offsets) into a
stable anchor (``peacewatch.resolve.corrections``: document, content hash, spans, sentence text)
and appends one row; nothing is ever updated or deleted. ``write_outcomes`` records, during a
rebuild, what each correction did (applied or orphaned); the read layer (``reads``) shows them.
"""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from ..errors import CorrectionError, InputError, PeacewatchError
from ..inputs import read_named_text
from ..resolve.corrections import KINDS, Correction, Mention, Outcome
from ..types import COMMITMENT_STATUSES, EVENT_MODES, EVENT_STATUSES, EVENT_TYPES
from .dialect import Connection, DatabaseErrors, write_failed

_log = logging.getLogger(__name__)
SKIPPED = "E074"  # the warning of a stored correction a rebuild cannot apply (``stored``)
LEVELS = range(0, 4)  # implementation level of a commitment: 0 none … 3 complete


def default_author() -> str:
    """The OS user, the author of a correction when none is given."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a container): say so rather than guess
        return "unknown"


def append(conn: Connection, kind: str, anchor: Mapping[str, Any], change: Mapping[str, Any], *,
           by: str | None = None, note: str = "", supersedes: int | None = None, at: str | None = None) -> int:
    """Append one correction and return its id; the same correction (same kind, anchor, change,
    author, time and note) appended again is the row already there. So is the same correction
    (time apart) while it is **pending**: in the log, not withdrawn or superseded, and not yet met
    by a rebuild (no outcome in ``ledger_corrections``). That is a command interrupted between
    writing its correction and rebuilding the ledger (Ctrl-C, ``kill``), run again as its message
    says: before, the log then held the correction twice. An identical correction made once the
    ledger was rebuilt with the first is appended, as before."""
    if kind not in KINDS:
        raise CorrectionError(f"unknown correction kind {kind!r}; choose one of {', '.join(KINDS)}", "E066")
    if supersedes is not None and conn.execute("SELECT 1 FROM corrections WHERE id = ?",
                                               (supersedes,)).fetchone() is None:
        raise CorrectionError(f"there is no correction {supersedes} to supersede", "E065")
    by = by or default_author()
    at = at or dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    key = _key(kind, anchor, change, by, at, note)
    try:
        conn.execute("BEGIN IMMEDIATE")  # the write lock, as a document's write takes it
        pending = _pending(conn, kind, _j(anchor), _j(change), by, note, supersedes)
        if pending is None:
            conn.execute("INSERT OR IGNORE INTO corrections (kind, anchor, change, by, at, note, supersedes, key)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         (kind, _j(anchor), _j(change), by, at, note, supersedes, key))
        conn.execute("COMMIT")
    except DatabaseErrors as e:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise write_failed("write the correction", e) from e
    if pending is not None:
        return pending
    return int(conn.execute("SELECT id FROM corrections WHERE key = ?", (key,)).fetchone()[0])


def _pending(conn: Connection, kind: str, anchor: str, change: str, by: str, note: str,
             supersedes: int | None) -> int | None:
    """The id of the same correction already in the log and pending (see ``append``), or None."""
    row = conn.execute(
        "SELECT id FROM corrections c WHERE kind = ? AND anchor = ? AND change = ? AND by = ? AND note = ?"
        " AND coalesce(supersedes, 0) = ?"
        " AND NOT EXISTS (SELECT 1 FROM corrections s WHERE s.supersedes = c.id)"
        " AND NOT EXISTS (SELECT 1 FROM ledger_corrections o WHERE o.correction = c.id)"
        " ORDER BY id DESC LIMIT 1", (kind, anchor, change, by, note, supersedes or 0)).fetchone()
    return None if row is None else int(row[0])


def _key(kind: str, anchor: Mapping[str, Any], change: Mapping[str, Any], by: str, at: str, note: str) -> str:
    return hashlib.sha256(_j([kind, anchor, change, by, at, note]).encode()).hexdigest()[:32]


def _j(data: Any) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


# --- anchors: current ids to what survives a rebuild -----------------------------------------------------

def event_mentions(conn: Connection, event_id: str) -> list[dict[str, Any]]:
    """The anchor of every report of a current ledger event."""
    row = conn.execute("SELECT record FROM ledger_events WHERE id = ?", (event_id,)).fetchone()
    if row is None:
        raise CorrectionError(f"no event {event_id!r} in the ledger (see peacewatch events --json)", "E065")
    return [_mention(conn, m["doc"], m["trigger_span"], m["span"], m["event"]) for m in json.loads(row[0])["mentions"]]


def _mention(conn: Connection, doc: str, trigger: list[int], span: list[int],
             event: str | None = None) -> dict[str, Any]:
    found = conn.execute("SELECT content_hash, substr(text, ? + 1, ? - ?) FROM documents WHERE id = ?",
                         (span[0], span[1], span[0], doc)).fetchone()
    if found is None:
        raise CorrectionError(f"no document {doc!r} in the database", "E065")
    out = {"doc": doc, "hash": found[0], "trigger": list(trigger), "span": list(span), "text": found[1]}
    if event is not None:
        out["event"] = event  # the per-document id when the correction was made: for people, not for matching
    return out


def span_mention(conn: Connection, doc: str, start: int, end: int) -> dict[str, Any]:
    """The anchor of a span of a stored document (an event the coder missed)."""
    row = conn.execute("SELECT length(text) FROM documents WHERE id = ?", (doc,)).fetchone()
    if row is None:
        raise CorrectionError(f"no document {doc!r} in the database", "E065")
    if not 0 <= start < end <= row[0]:
        raise CorrectionError(f"span {start}–{end} is not inside document {doc!r} (0–{row[0]})", "E066")
    return _mention(conn, doc, [start, end], [start, end])


def commitment_event(conn: Connection, commitment_id: str) -> str:
    """The ledger event of the promise a current ledger commitment was made in."""
    row = conn.execute("SELECT json_extract(record, '$.event') FROM ledger_commitments WHERE id = ?",
                       (commitment_id,)).fetchone()
    if row is None or row[0] is None:
        raise CorrectionError(f"no commitment {commitment_id!r} in the ledger (see peacewatch commitments --json)",
                              "E065")
    return str(row[0])


# --- checks of the analyst's values ---------------------------------------------------------------------

def check_event_change(change: Mapping[str, Any]) -> dict[str, Any]:
    """The event fields to set, checked; unset ones (None) left out."""
    out = {k: v for k, v in change.items() if v is not None and v != ()}
    for key in ("mode", "date"):
        if key in out and not isinstance(out[key], str):
            raise CorrectionError(f"the {key} must be a string, not a JSON {type(out[key]).__name__}", "E066")
    if "type" in out and out["type"] not in EVENT_TYPES:
        raise CorrectionError(f"unknown event type {out['type']!r}; choose one of {', '.join(EVENT_TYPES)}", "E066")
    if "status" in out and out["status"] not in EVENT_STATUSES:
        raise CorrectionError(f"unknown event status {out['status']!r}; choose one of "
                              f"{', '.join(EVENT_STATUSES)}", "E066")
    for side in ("actor", "recipient"):
        if side in out:
            codes = out[side]
            if isinstance(codes, str) or not isinstance(codes, list | tuple) \
                    or not all(isinstance(c, str) and c.strip() for c in codes):
                raise CorrectionError(f"the {side} must be a list of codes or entity ids such as [\"AZE\"], "
                                      "none of them empty", "E066")
            out[side] = [code.strip() for code in codes]
    if "date" in out:
        out["date"] = _calendar_value(out["date"])
    if "quantity" in out and not isinstance(out["quantity"], dict):
        raise CorrectionError("a quantity is an object such as {\"value\": 12, \"unit\": \"killed\"}", "E066")
    return out


def _calendar_value(value: Any) -> str:
    """An event's date as the ledger writes one (``2024``, ``2024-05``, ``2024-05-03``) of a real
    calendar; E066 otherwise ("yesterday" or "2024-02-31" were kept and carried into the ledger)."""
    text = value.strip() if isinstance(value, str) else ""
    try:
        if len(text) == 4 and text.isdigit() and text != "0000":
            return text
        if len(text) == 7 and text[4] == "-":
            dt.date.fromisoformat(text + "-01")
            return text
        if len(text) == 10 and text[4] == "-" and text[7] == "-":
            return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    raise CorrectionError(f"the date {str(value)[:40]!r} is no calendar day, month or year; give YYYY-MM-DD, "
                          "YYYY-MM or YYYY", "E066")


def check_mode(type_: str | None, mode: str) -> None:
    """E066 unless ``mode`` is one of the modes of the PLOVER type ``type_`` (``types.EVENT_MODES``;
    of any type when the type is not known)."""
    modes = EVENT_MODES.get(type_ or "") if type_ else frozenset().union(*EVENT_MODES.values())
    if modes is None or mode in modes:
        return
    if not modes:
        raise CorrectionError(f"{type_} has no modes (ledger events of it have none); leave out the mode", "E066")
    where = f"of {type_}" if type_ else "of any PLOVER type"
    raise CorrectionError(f"unknown mode {mode[:40]!r} {where}; choose one of {', '.join(sorted(modes))}", "E066")


def _event_type(conn: Connection, event_id: str) -> str | None:
    row = conn.execute("SELECT type FROM ledger_events WHERE id = ?", (event_id,)).fetchone()
    return None if row is None else row[0]


def check_commitment_change(status: str, level: int | None) -> dict[str, Any]:
    if status not in COMMITMENT_STATUSES:
        raise CorrectionError(f"unknown commitment status {status!r}; choose one of "
                              f"{', '.join(COMMITMENT_STATUSES)}", "E066")
    if level is not None and level not in LEVELS:
        raise CorrectionError(f"implementation level {level} is not 0–3", "E066")
    return {"status": status} | ({"level": level} if level is not None else {})


# --- the commands' corrections --------------------------------------------------------------------------

def correct_event(conn: Connection, event_id: str, change: Mapping[str, Any], **how: Any) -> int:
    values = check_event_change(change)
    if not values:
        raise CorrectionError("say what to change: --type, --mode, --status, --actor, --recipient, --date or"
                              " --quantity", "E066")
    mentions = event_mentions(conn, event_id)  # E065 first: no event, no type to check the mode against
    if "mode" in values:
        check_mode(values.get("type") or _event_type(conn, event_id), values["mode"])
    return append(conn, "event", {"mentions": mentions}, values, **how)


def reject_event(conn: Connection, event_id: str, **how: Any) -> int:
    return append(conn, "reject", {"mentions": event_mentions(conn, event_id)}, {"reject": True}, **how)


def add_event(conn: Connection, doc: str, start: int, end: int, change: Mapping[str, Any],
              **how: Any) -> int:
    values = check_event_change(change)
    if "type" not in values:
        raise CorrectionError("an added event needs its --type", "E066")
    if "mode" in values:
        check_mode(values["type"], values["mode"])
    return append(conn, "add", {"mentions": [span_mention(conn, doc, start, end)]}, values, **how)


def merge_events(conn: Connection, event_ids: Iterable[str], **how: Any) -> int:
    groups = [event_mentions(conn, e) for e in dict.fromkeys(event_ids)]
    if len(groups) < 2:
        raise CorrectionError("a merge needs two different events", "E066")
    return append(conn, "merge", {"groups": groups}, {"merge": True}, **how)


def split_event(conn: Connection, event_id: str, mentions: Iterable[str], **how: Any) -> int:
    """Split the reports named ``DOC#EVENT`` (per-document ids, as ``mentions`` of the event show
    them) off an event into one of their own."""
    every = event_mentions(conn, event_id)
    wanted = set(mentions)
    taken = [m for m in every if f"{m['doc']}#{m.get('event')}" in wanted]
    if not taken or len(taken) != len(wanted):
        names = ", ".join(f"{m['doc']}#{m.get('event')}" for m in every)
        raise CorrectionError(f"name reports of event {event_id} as DOC#EVENT, from: {names}", "E065")
    if len(taken) == len(every):
        raise CorrectionError("a split leaves at least one report in the event", "E066")
    return append(conn, "split", {"mentions": taken, "of": every}, {"split": True}, **how)


def correct_commitment(conn: Connection, commitment_id: str, status: str, deciding: str | None,
                       level: int | None, **how: Any) -> int:
    change = check_commitment_change(status, level)
    anchor: dict[str, Any] = {"mentions": event_mentions(conn, commitment_event(conn, commitment_id))}
    if deciding:
        anchor["deciding"] = event_mentions(conn, deciding)
        change["by_event"] = deciding
    return append(conn, "commitment", anchor, change, **how)


def correct_actor(conn: Connection, name: str, code: str, sector: str | None, start: str | None,
                  end: str | None, **how: Any) -> int:
    if not name.strip() or not code.strip():
        raise CorrectionError("an actor entry needs a name and a --code", "E066")
    if sector is not None and not isinstance(sector, str):
        raise CorrectionError("the sector must be a string such as \"GOV\"", "E066")
    start, end = (_calendar_value(d) if d else None for d in (start, end))
    if start and end and start > end:
        raise CorrectionError(f"the entry's start {start} is after its end {end}", "E066")
    change = {k: v for k, v in {"code": code, "sector": sector, "start": start, "end": end}.items() if v}
    return append(conn, "actor", {"name": name.strip()}, change, **how)


def rebuilt_or_forgotten(conn: Connection, numbers: Iterable[int], rebuild: Callable[[], object]) -> None:
    """Run ``rebuild``, the ledger's rebuild with the corrections ``numbers`` just appended (by the command
    line or the web). A coded error (a lock wait) leaves them pending; a bug takes them back first
    (``forget``), then goes on up."""
    try:
        rebuild()
    except PeacewatchError:
        raise
    except Exception:
        forget(conn, numbers)
        raise


def forget(conn: Connection, numbers: Iterable[int]) -> None:
    """Delete corrections just appended whose rebuild failed with a bug: kept, such a row would fail
    every later rebuild and listing of the log, and the database could not be mended from peacewatch
    (a web correction of ``"mode": 5`` did that). The caller reports the bug (E099) after this."""
    wanted = [(n,) for n in numbers]
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("DELETE FROM corrections WHERE id = ?", wanted)
        conn.execute("COMMIT")
    except DatabaseErrors as e:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise write_failed("take back the correction", e) from e


def withdraw(conn: Connection, correction: int, **how: Any) -> int:
    return append(conn, "withdraw", {"correction": correction}, {"withdraw": True}, supersedes=correction, **how)


# --- sharing --------------------------------------------------------------------------------------------

def log(conn: Connection) -> Iterator[dict[str, Any]]:
    """Every row of the log, as exported (``supersedes`` also by key, so it survives an import); a
    row that cannot be applied (``stored``) is left out, as an import would refuse the whole file."""
    keys = dict(conn.execute("SELECT id, key FROM corrections").fetchall())
    for c in stored(conn):
        if c.fault is None:
            yield {"id": c.id, "kind": c.kind, "anchor": c.anchor, "change": c.change, "by": c.by, "at": c.at,
                   "note": c.note, "supersedes": c.supersedes, "supersedes_key": keys.get(c.supersedes),
                   "key": keys[c.id]}


def import_rows(conn: Connection, rows: Iterable[Mapping[str, Any]]) -> int:
    """Append the corrections of an exported log not already here (by key); returns how many.

    Every row is checked before the first is appended (``check_row``): a file with one bad line adds
    nothing and names the line (E067). A row of the wrong shape used to be appended, and every later
    rebuild of the ledger, and every listing of the log, then failed on it (E099)."""
    rows = list(rows)
    earlier: set[str] = set()
    for n, row in enumerate(rows, 1):
        check_row(n, row)
        wanted = row.get("supersedes_key")
        if wanted and wanted not in earlier and conn.execute(
                "SELECT 1 FROM corrections WHERE key = ?", (wanted,)).fetchone() is None:
            raise CorrectionError(f"line {n} supersedes a correction that is neither here nor earlier in"
                                  " the file", "E067")
        earlier.add(_key(row["kind"], row["anchor"], row["change"], row["by"], row["at"], row.get("note") or ""))
    added = 0
    for n, row in enumerate(rows, 1):
        kind, anchor, change, by, at = row["kind"], row["anchor"], row["change"], row["by"], row["at"]
        note = row.get("note") or ""
        key = _key(kind, anchor, change, by, at, note)
        if conn.execute("SELECT 1 FROM corrections WHERE key = ?", (key,)).fetchone() is not None:
            continue
        supersedes = None
        if row.get("supersedes_key"):
            found = conn.execute("SELECT id FROM corrections WHERE key = ?", (row["supersedes_key"],)).fetchone()
            if found is None:
                raise CorrectionError(f"line {n} supersedes a correction that is neither here nor earlier in"
                                      " the file", "E067")
            supersedes = found[0]
        append(conn, kind, anchor, change, by=by, note=note, supersedes=supersedes, at=at)
        added += 1
    return added


_MENTION_LISTS = ("mentions", "deciding", "of")


def check_row(n: int, row: Any) -> None:
    """E067 naming line ``n`` unless ``row`` has the shape of an exported correction (``fault``)."""
    if (what := fault(row)) is not None:
        raise CorrectionError(f"line {n} is not an exported correction: {what}", "E067")


def fault(row: Any) -> str | None:
    """What keeps ``row`` from being a correction the rebuild can apply, or None: its kind, an anchor
    of mentions the rebuild can read (a document, a trigger and a span of whole numbers), a change of
    values a correction of that kind can hold, text where text goes. The one check of an imported
    line (``check_row``) and of a stored row (``stored``: one written by an older version or by hand)."""
    if not isinstance(row, Mapping):
        return "not a JSON object"
    missing = [k for k in ("kind", "anchor", "change", "by", "at") if k not in row]
    if missing:
        return f"no {', '.join(missing)}"
    kind, anchor, change = row["kind"], row["anchor"], row["change"]
    if kind not in KINDS:
        return f"unknown kind {str(kind)[:40]!r} (one of {', '.join(KINDS)})"
    if not isinstance(anchor, Mapping) or not isinstance(change, Mapping):
        return "its anchor and change must be JSON objects"
    for key in ("by", "at", "note", "supersedes_key"):
        if row.get(key) is not None and not isinstance(row[key], str):
            return f"'{key}' must be a string"
    try:
        for key in _MENTION_LISTS:
            for mention in anchor.get(key) or []:
                Mention.from_dict(mention)
        for group in anchor.get("groups") or []:
            for mention in group:
                Mention.from_dict(mention)
    except (KeyError, TypeError, ValueError, IndexError, AttributeError, OverflowError) as e:
        return f"a mention of its anchor cannot be read ({type(e).__name__}: {str(e)[:80]})"
    try:
        if kind in ("event", "add"):
            check_event_change(change)
            if "mode" in change and change["mode"] is not None:
                check_mode(change.get("type"), change["mode"])
        elif kind == "commitment":
            check_commitment_change(str(change.get("status")), change.get("level"))
        elif kind == "actor" and not (isinstance(change.get("code"), str) and change["code"].strip()):
            return "an actor correction needs its code"
    except CorrectionError as e:
        return e.message
    return None


def stored(conn: Connection) -> Iterator[Correction]:
    """Every row of the log in id order. A row the rebuild cannot apply (written by an older version
    of peacewatch or by hand with SQL: not JSON, or ``fault`` finds something) comes with its
    ``fault`` set: the rebuild skips it (E074) and the listing says why, rather than failing on it."""
    for cid, kind, anchor, change, by, at, note, supersedes in conn.execute(
            "SELECT id, kind, anchor, change, by, at, note, supersedes FROM corrections ORDER BY id"):
        try:
            row = {"kind": kind, "anchor": json.loads(anchor), "change": json.loads(change), "by": by, "at": at,
                   "note": note}
            what = fault(row)
        except (TypeError, ValueError) as e:  # not JSON text, or a number too long to read
            row, what = {}, f"its anchor or change is not JSON ({type(e).__name__})"
        if what is None and supersedes is not None and not isinstance(supersedes, int):
            what = "'supersedes' must be a correction id"
        if what is None:
            yield Correction(cid, kind, row["anchor"], row["change"], by, at, note or "", supersedes)
        else:
            yield Correction(cid, str(kind), {}, {}, str(by), str(at), str(note or ""), None, fault=what)


def to_correction(row: Mapping[str, Any]) -> Correction:
    return Correction(row["id"], row["kind"], row["anchor"], row["change"], row["by"], row["at"], row["note"],
                      row["supersedes"])


# --- outcomes of a rebuild ------------------------------------------------------------------------------

def write_outcomes(conn: Connection, outcomes: Iterable[Outcome]) -> None:
    """Record, inside the rebuild's transaction, what each active correction did."""
    for o in outcomes:
        record = {"kind": o.kind, "reports": [list(w) for w in o.reports], "machine": o.machine,
                  "commitment": o.commitment, "analyst": o.analyst, "missing": o.missing}
        if o.state == "skipped":
            record["why"] = o.why
            _log.warning("warning %s: correction %d cannot be applied and was skipped (%s); see peacewatch"
                         " corrections", SKIPPED, o.correction, o.why)
        conn.execute("INSERT INTO ledger_corrections VALUES (?, ?, ?)", (o.correction, o.state, _j(record)))
        conn.executemany("INSERT OR IGNORE INTO ledger_correction_reports VALUES (?, ?, ?)",
                         [(o.correction, doc, event) for doc, event in o.reports])


def read_log(conn: Connection, path: str) -> int:
    """Import an exported JSON Lines log (``import_rows``); returns how many corrections were added."""
    try:
        rows = [json.loads(line) for line in read_named_text(path).splitlines() if line.strip()]
    except (OSError, ValueError, InputError) as e:  # ValueError: not UTF-8, not JSON, or a number too long
        raise CorrectionError(f"cannot read corrections from {path}: {e}", "E067") from e
    if not all(isinstance(r, dict) for r in rows):
        raise CorrectionError(f"{path}: every line must be a JSON object", "E067")
    return import_rows(conn, rows)
