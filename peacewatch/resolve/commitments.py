"""Commitment tracking across the ledger: the status of a promise.

A per-document commitment is tied to the event that states the promise; reports of the same
promise (the same merged event and action) become one ledger commitment (``commitment_reports``).
Its status is then computed over every merged event, so it is the same whatever order documents
arrived in:

- ``broken``: a later event that happened, by an obligor toward a beneficiary, contradicts the
  promise (``data/resolve/contradicts.tsv``: a ceasefire then an ASSAULT, a deal then a withdrawal
  from it). For a lasting promise (a withdrawal, an agreement) this holds even after it was
  first kept; a truce that took effect stays ``fulfilled`` (the coding guide's and the gold's
  reading: it was carried out), the fighting that ended it listed in ``broken_by``. The opposite
  act before the promise was first kept broke it then; fighting told with no recipient breaks a
  truce when a side bound by it is among its actors (a clash of its two sides, one ASSAULT with both
  as actors, or one party's attack whose target is not named).
- ``fulfilled``: for every obligor, a later event that happened and that the ledger dates
  (``shows_done``), by that obligor toward a beneficiary, carries out the promised action (a row
  of ``data/resolve/fulfils.tsv``: the same type and mode for actions, signing or meeting for an
  AGREE); ``fulfilled_by`` lists those events. Obligors of one country token (the state and its
  army; the rebels of a country) are one side, which any of them keeps the promise for. When
  only some obligors acted, ``fulfilled_by`` lists what was done and the status stays open (or
  overdue). A promise's own count (``action.quantity``) is what it is judged by, and reports of one
  merged event with different counts are different promises (``commitment_reports.group_key``).
- ``overdue``: its due date ended before the ledger's ``as_of`` day with neither of the above.
- ``open``: otherwise.

"Later" means the event's date (or, when undated, its first report) ends after the first day the
promise was made and starts within ``horizon_days`` of it; an event that cannot be placed in time
is not evidence either way. An event that starts after the due date neither keeps nor breaks it.
As the coding guide asks for a *later report*, an undated event keeps or breaks a promise only when
first reported after the day it was made, and the opposite act breaks it only when it certainly
began after that day (and after the day the promise was kept, for a lasting one). An act only the
articles telling the promise report, undated within ``TELLING_DAYS`` of it or dated on the day it
was made, is its terms or its announcement (``told_apart``), never its keeping.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from ..timespan import Interval, before_unknown, day, interval
from .events import HAPPENED, event_day
from .implementation import count_share, counted, partial_level, partly
from .records import LedgerCommitment, MergedEvent
from .reports import JOINT_MODES, code_token
from .tables import ActionRule, contradict_rules, contradiction, fulfil_rules, fulfilling

# Before ``as_of`` in the why of a commitment overdue for want of deeds (an update rewrites the day in it).
OVERDUE_WHY = "nothing carrying it out by "

# An undated act reported only by the articles telling a promise, within these days of it, is its terms.
TELLING_DAYS = 3


def may_decide(actions: Iterable[dict], event: MergedEvent) -> bool:
    """Whether an event could fulfil or break a promise of one of these actions, or, a report that
    the act missed its target (``MergedEvent.missed``), make one overdue."""
    if event.status not in HAPPENED:
        return event.status == "negated" and event.missed is not None and any(_fulfils(a, event) for a in actions)
    return any(_fulfils(a, event) or _contradicts(a, event) is not None for a in actions)


def deciding_types(action: dict) -> frozenset[str] | None:
    """The event types that could fulfil or break a promise of this action (None: any type)."""
    a_type, a_mode = action.get("type"), action.get("mode")
    if not a_type:
        return frozenset()
    found: set[str] = set()
    for rule in (*fulfil_rules(), *contradict_rules()):
        if not (rule.action_type in ("*", a_type) and rule.action_mode in ("*", a_mode or "")):
            continue
        if rule.event_type == "*":
            return None
        found.add(a_type if rule.event_type == "=" else rule.event_type)
    return frozenset(found)


def _parties(ids: list[str], codes: Mapping[str, str | None]) -> dict[str, frozenset[str]]:
    """Each ledger entity id → the tokens it is matched by (itself and, as ``party_codes.tsv``
    allows, its country code: all IGOs share the code IGO, which links nothing)."""
    return {i: frozenset({i} | ({token} if (token := codes.get(i)) else set())) for i in ids}


def _sides(parties: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """The obligors grouped by side: those of one country token (``code:AZE`` for the state side,
    ``code:COL:REB`` for the rebels of a country, as ``party_codes.tsv`` links parties) are one
    side, which any of them keeps the promise for (a ministry or the army for its state); an
    obligor with no country token (an IGO, a person unplaced) is a side of its own. The government
    and the rebels of one country stay two sides."""
    sides: dict[str, frozenset[str]] = {}
    for entity, tokens in parties.items():
        key = next((t for t in sorted(tokens) if t.startswith("code:")), entity)
        sides[key] = sides.get(key, frozenset()) | tokens
    return sides


def side_tokens(args: list) -> frozenset[str]:
    tokens = set()
    for a in args:
        if a.entity:
            tokens.add(a.entity)
        if code := code_token(a.code, a.sector):
            tokens.add(code)
    return frozenset(tokens)


def event_span(event: MergedEvent) -> Interval | None:
    stated = interval(event.date)
    if stated is not None:
        return stated
    if before_unknown(event.date):
        return None
    first = day(event.first_reported)
    return Interval(first, first) if first else None


def date_stated(event: MergedEvent) -> bool:
    """Whether a report states the event's date: not a day the ledger gave it from its first report
    (a statement's, or an act told in an article's lead, ``events._best_date``), which is only when
    it was told, so an act so dated is judged as an undated one (``_follows``, ``told_apart``)."""
    return interval(event.date) is not None and any(interval(m.date) is not None for m in event.mentions)


@dataclass(frozen=True)
class Placed:
    """An event that happened, with what every promise asks of it worked out once."""

    event: MergedEvent
    span: Interval | None
    actors: frozenset[str]
    recipients: frozenset[str]  # with the sides at the table of talks (``met``), which any filter reads
    stated: bool = True
    met: frozenset[str] = frozenset()  # talks of two sides or more: the parties they reached (``_met``)


def placed(event: MergedEvent) -> Placed:
    """The event placed for deciding promises, without its reports and reasons (many are held at
    once), and with whether a report states its date (``date_stated``), which needs its reports."""
    slim = replace(event, mentions=[], why="")
    actors = side_tokens(event.actor)
    met = _met(event, actors)
    return Placed(slim, event_span(event), actors, side_tokens(event.recipient) | met, date_stated(event), met)


def _met(event: MergedEvent, actors: frozenset[str]) -> frozenset[str]:
    """The parties talks reached beside their recipients: talks held by two sides or more are toward
    each side at the table, so a promise to meet the other side ("Kosovo agreed to meet Serbia") is
    kept by talks both sides sat in though a mediator took the recipient's place ("the two leaders
    met in Brussels under EU mediation", actors both sides, recipient the EU; ``_toward``). Only
    talks: the parties among the actors of any other act are not its target (and no contrary act is
    talks, so this decides no breach)."""
    if event.type != "CONSULT" or len({t for t in actors if t.startswith("code:")}) < 2:
        return frozenset()
    return actors


def told_apart(c: LedgerCommitment, happened: list[Placed], merged: Mapping[str, MergedEvent]) -> list[Placed]:
    """The deciding events less the acts only the articles telling the promise report, undated within
    ``TELLING_DAYS`` of the day it was made or dated on that day: those are its terms or its
    background, not a later report of the act ("the agreement also included unhindered access to
    humanitarian supplies", a day after the signing; "a deal to free hostages" announced that day).
    The articles telling it are those of its sources and of the event that states it."""
    made = interval(c.made)
    own = merged.get(c.event or "") if c.event else None
    telling = {s.doc for s in c.sources} | ({m.doc for m in own.mentions} if own is not None else set())
    if made is None or not telling:
        return happened
    last = made.end + dt.timedelta(days=TELLING_DAYS)

    def terms(p: Placed) -> bool:
        stated = p.stated
        if p.span is None or p.span.start > last or (stated and p.span.end > made.end):
            return False
        full = merged.get(p.event.id)
        return full is not None and bool(full.mentions) and all(m.doc in telling for m in full.mentions)

    return [p for p in happened if not terms(p)]


def decide(c: LedgerCommitment, happened: list[Placed], codes: Mapping[str, str | None],
           as_of: dt.date | None, promised: dict | None, horizon_days: int) -> None:
    missing = [p for p in happened if p.event.status not in HAPPENED]  # reports of a missed target
    happened = [p for p in happened if p.event.status in HAPPENED]
    obligors = _sides(_parties(c.obligor, codes))
    beneficiaries = frozenset().union(*_parties(c.beneficiary, codes).values()) if c.beneficiary else None
    made = interval(c.made)
    by = frozenset().union(*obligors.values()) if obligors else None
    toward = [p.event for p in happened if p.event.id != c.event
              and _follows(p.span, made, horizon_days, stated=p.stated)
              and (by is None or p.actors & by)
              and _toward(p, beneficiaries, by)]
    # a promised count binds one obligor; a joint promise's count is usually one side's share
    own = c.action.get("quantity")
    promised = own if isinstance(own, dict) else promised
    promised = promised if len(obligors) == 1 else None
    doing = [e for e in toward if _fulfils(c.action, e) and shows_done(e)]
    # what starts after the due date does not keep the promise: a truce "until January 2" is not
    # kept by a truce signed in June (a new decision), a withdrawal "by the end of the year" done
    # in March is late (the promise stays overdue; its why names the late act)
    last = _last_day(c)
    late = [e for e in doing if _after_due(e, last)]
    candidates = [e for e in doing if not _after_due(e, last) and not _before_start(e, c)]
    # an act told as a part or a start ("a first round of heavy weapons", "began withdrawing") keeps its
    # obligor's share in part: an obligor is covered by a whole act, else by its first part
    whole = _first_per_obligor([e for e in candidates if not e.partial], obligors, c.action)
    fulfilling = _first_per_obligor(candidates, obligors, c.action) if not whole else whole + [
        e for e in _first_per_obligor([e for e in candidates if e.partial], obligors, c.action)
        if not _covers(whole, e, obligors, c.action)]
    share = count_share(promised, candidates)
    if share is not None and share < 1.0:
        # part of a promised count (3 of 33 hostages): every release so far is evidence, none keeps it
        fulfilling = [e for e in candidates if counted(promised, e)]
    c.fulfilled_by = [e.id for e in fulfilling]
    covered = _covered(fulfilling, obligors, c.action)
    done = _covered(whole, obligors, c.action)  # by whole acts
    fulfilled = bool(fulfilling) and done == 1.0 and covered == 1.0 and (share is None or share >= 1.0)
    c.level = 3 if fulfilled else partial_level(fulfilling, covered, share, done)
    kept = max((d for e in fulfilling if (d := done_day(e, made)) is not None), default=None) if fulfilled else None
    # the opposite act must reach another party than the one acting: a party's fighting within its
    # own side (the army against a town read as of its own country) breaks no promise to the other
    at_other = {p.event.id for p in happened if beneficiaries is None or (p.recipients & beneficiaries) - p.actors}
    # fighting told with no recipient (a two-sided clash, coding guide: one event with both sides as
    # actors; or an attack whose target is not named) breaks a truce, which binds every side at once,
    # when one of its sides is among the fighters
    clashes = {p.event.id for p in happened if c.action.get("mode") in JOINT_MODES and not p.event.recipient
               and _clash(p.actors, obligors, p.stated)}
    against = [(e, rule) for e in toward if (rule := _contradicts(c.action, e)) is not None
               and (((beneficiaries is None or e.recipient) and e.id in at_other) or e.id in clashes)
               and not _after_due(e, last) and _surely_after(e, made, None) and not _before_truce(e, c)]
    opposed = [(e, rule) for e, rule in against if _surely_after(e, made, kept)]
    # the opposite act before the promise was first kept broke it then: a truce agreed in July,
    # fighting in August, and a report in October of the truce in force is a broken truce
    first = min((d for e in fulfilling if (d := done_day(e, made)) is not None), default=None) if fulfilled else None
    early = [(e, rule) for e, rule in against if first is not None and _ended_before(e, first)]
    # a truce that took effect was carried out: fighting after it ends the truce, it does not undo it
    ended = fulfilled and c.action.get("mode") in JOINT_MODES and not early
    breaking = early + [(e, rule) for e, rule in opposed if not fulfilled or (rule.lasting and not ended)]
    c.broken_by = [e.id for e, _ in (opposed if ended else breaking)]
    c.late_by = [e.id for e in late]
    if breaking:
        e, rule = breaking[0]
        when = e.date or e.first_reported
        c.status, c.why = "broken", f"{e.id} ({e.type}, {when}) contradicts it: {rule.note}"
    elif fulfilled:
        c.status, c.why = "fulfilled", f"carried out by {', '.join(c.fulfilled_by)}"
        if c.broken_by:
            c.why += f"; in force, then ended by {', '.join(c.broken_by)} (a truce that took effect stays kept)"
        c.fulfilled_on = kept.isoformat() if kept is not None else None
    elif _past_due(c.due, as_of):
        c.status, c.why = "overdue", f"due {c.due}, {OVERDUE_WHY}{as_of}"
        c.why += partly(fulfilling, share) + (
            f"; done after the due date by {', '.join(e.id for e in late)}" if late else "")
    elif missed := _missed_reports(c, missing, by, made):
        c.missed_by = [e.id for e in missed]
        news = missed[0]
        c.status = "overdue"
        c.why = (f"{news.id} ({news.type}, {news.date or news.first_reported}) reports its {news.missed}"
                 + partly(fulfilling, share))
    else:
        c.status, c.why = "open", "no later event carries it out or contradicts it" + partly(fulfilling, share)
    # part done: ``fulfilled_by`` lists what was done (as it always has), ``partly_by`` says it is a part
    c.partly_by = list(c.fulfilled_by) if c.status != "fulfilled" else []


def _toward(p: Placed, beneficiaries: frozenset[str] | None, by: frozenset[str] | None) -> bool:
    """Whether an act reaches a beneficiary of the promise, or nobody named: by its recipients, or,
    for talks of two sides or more (``_met``), by a beneficiary at the table who is not an obligor,
    the other side a promise to meet names. A joint promise of the parties to meet one another
    (its obligors its beneficiaries) still asks talks toward one of them: talks between them under a
    mediator in the month such a promise is dated by are as often the talks that made it."""
    if beneficiaries is None or not p.event.recipient:
        return True
    if not p.met:
        return bool(p.recipients & beneficiaries)
    if side_tokens(p.event.recipient) & beneficiaries:
        return True
    return bool((p.met & beneficiaries) - (by or frozenset()))


def done_day(event: MergedEvent, made: Interval | None) -> dt.date | None:
    """The day an act that keeps a promise happened (``events.event_day``: the start of its stated
    date, else its first report), never before the promise was made: an act a report dates only by
    its month or week ("in November", for a truce agreed on 2 November) follows the promise, so it
    happened in the part of that month on or after the day the promise was made."""
    found = event_day(event)
    if found is None or made is None:
        return found
    return max(found, made.start)


def shows_done(event: MergedEvent) -> bool:
    """Whether an act can show a promise kept (coding guide: a later report shows the act, with its
    date): the ledger dates it (a report states its day, says "now", or tells it as its article's
    news). An act no report dates is as often the topic of talks or the terms of a deal read as done
    ("the talks included ... an exchange of prisoners"), and keeps nothing."""
    return interval(event.date) is not None


def _missed_reports(c: LedgerCommitment, missing: list[Placed], by: frozenset[str] | None,
                    made: Interval | None) -> list[MergedEvent]:
    """Later reports that the promised act missed its target or deadline ("the parties failed to meet
    their target of signing a peace agreement by August"), by an obligor, in timeline order: the
    coding guide's overdue (the due date passed, not fulfilled) when the text names no due date
    but says it passed. A promise of unknown obligors is not judged by them."""
    found = [p.event for p in missing if by and p.actors & by and _fulfils(c.action, p.event)
             and _surely_after(p.event, made, None)]
    return sorted(found, key=lambda e: (event_day(e) or dt.date.max, e.id))


def _covered(fulfilling: list[MergedEvent], obligors: dict[str, frozenset[str]], action: dict) -> float:
    """The share of obligors that carried the action out (1.0 when none is known). A ceasefire in
    force binds every side, so one event of it by any obligor covers them all."""
    if not obligors:
        return 1.0 if fulfilling else 0.0
    if fulfilling and action.get("mode") in JOINT_MODES:
        return 1.0
    done = sum(1 for tokens in obligors.values() if any(side_tokens(e.actor) & tokens for e in fulfilling))
    return done / len(obligors)


def _covers(whole: list[MergedEvent], event: MergedEvent, obligors: dict[str, frozenset[str]],
            action: dict) -> bool:
    """Whether the whole acts already cover every obligor the partial act is by (for a ceasefire, or
    with no obligor known: whether there is a whole act at all)."""
    if not obligors or action.get("mode") in JOINT_MODES:
        return bool(whole)
    mine = [tokens for tokens in obligors.values() if side_tokens(event.actor) & tokens]
    return all(any(side_tokens(w.actor) & tokens for w in whole) for tokens in mine)


def _first_per_obligor(
    candidates: list[MergedEvent], obligors: dict[str, frozenset[str]], action: dict
) -> list[MergedEvent]:
    """For each obligor, the earliest event by it that carries the action out (all of them when the
    obligor is unknown, or for a ceasefire: the first event of it in force); later ones of the same
    kind are new events, not this promise kept."""
    ordered = sorted(candidates, key=lambda e: (event_day(e) or dt.date.max, e.id))
    if not obligors or action.get("mode") in JOINT_MODES:
        return ordered[:1]
    chosen = {e.id: e for tokens in obligors.values()
              for e in [next((e for e in ordered if side_tokens(e.actor) & tokens), None)] if e is not None}
    return [e for e in ordered if e.id in chosen]


def _follows(span: Interval | None, made: Interval | None, horizon_days: int, stated: bool = True) -> bool:
    """Whether an event may have followed the promise: it ends after the promise's first day and
    starts within ``horizon_days`` of it (an act on the day the promise is made, reported as a
    promise that morning and done by evening, follows it). An event with no stated date, placed by
    its first report, must be reported after the day the promise was made: the coding guide asks
    for a later report of the act, and an undated act told the day a deal is struck is its terms
    or its background ("there will be a ceasefire with the army withdrawing"). An event, or a
    promise, that cannot be placed in time is never taken as evidence either way."""
    if span is None or made is None:
        return False
    if not stated and span.start <= made.start:
        return False
    return span.end >= made.start and span.start <= made.end + dt.timedelta(days=horizon_days)


def _surely_after(event: MergedEvent, made: Interval | None, kept: dt.date | None) -> bool:
    """Whether the opposite act certainly came after the promise, and after the day it was kept when
    it was: only a later report of the opposite act breaks a promise (coding guide), so fighting on
    the day a truce was agreed or took effect, or on a day unknown, breaks nothing; nor does fighting
    within the month or week of a promise dated only by it ("in December"), which may have preceded it."""
    span = event_span(event)
    if span is None or made is None:
        return False
    return span.start > made.end and (kept is None or span.start > kept)


def _clash(actors: frozenset[str], obligors: dict[str, frozenset[str]], stated: bool) -> bool:
    """Whether fighting with no recipient is by the sides of the promise: the fighting between its
    parties ("clashes between the army and the M23"), or one party's attack whose target the text
    does not name ("the RSF shelled the city") when a report states its date. Coding guide: a breach
    is an act of the obligor contrary to the promise, after it; fighting is contrary to a truce
    whoever it reached, but an attack told with neither its target nor its day is too little to
    place after the promise ("the army and the ELN will stop offensive operations" read as one)."""
    sides = sum(1 for tokens in obligors.values() if actors & tokens)
    return sides >= 2 or (sides == 1 and stated)


def _ended_before(event: MergedEvent, day_: dt.date) -> bool:
    span = event_span(event)
    return span is not None and span.end < day_


def _before_truce(event: MergedEvent, c: LedgerCommitment) -> bool:
    """Whether fighting lies wholly before the day a truce was to take effect (its due date, when
    that is not the end of its term, "until January 2"): fighting before a truce began breaks none."""
    start, span = interval(c.due), event_span(event)
    return (c.action.get("mode") in JOINT_MODES and start is not None and span is not None
            and c.due != c.action.get("until") and span.end < start.start)


def _last_day(c: LedgerCommitment) -> str | None:
    """The date after which an act neither keeps nor breaks the promise: the due date, but for a
    truce the end of its term (``action.until``: "until January 2", "a four-day pause"), when
    known. The due date of a truce is the day it takes effect (coding guide: when the act is
    due), so fighting after it breaks the truce and the truce in force after it keeps it."""
    if c.action.get("mode") in JOINT_MODES:
        until = c.action.get("until")
        return until if isinstance(until, str) else None
    return c.due


def _before_start(event: MergedEvent, c: LedgerCommitment) -> bool:
    """Whether an event lies wholly before the day a truce was to take effect: a ceasefire "from
    Sunday" reported in force on Wednesday, the day it was agreed, is the agreement read as done or
    an earlier truce, not this one kept."""
    start, span = interval(c.due), event_span(event)
    return (c.action.get("mode") in JOINT_MODES and start is not None and span is not None
            and span.end < start.start)


def _after_due(event: MergedEvent, due: str | None) -> bool:
    """A promise with a term (a ceasefire "until January 2") cannot be broken after the term."""
    span, term = event_span(event), interval(due)
    return span is not None and term is not None and span.start > term.end


def _fulfils(action: dict, event: MergedEvent) -> bool:
    a_type = action.get("type")
    return fulfilling(a_type, action.get("mode"), event.type, event.mode) if a_type else False


def _contradicts(action: dict, event: MergedEvent) -> ActionRule | None:
    a_type = action.get("type")
    return contradiction(a_type, action.get("mode"), event.type, event.mode) if a_type else None


def _past_due(due: str | None, as_of: dt.date | None) -> bool:
    span = interval(due)
    return span is not None and as_of is not None and span.end < as_of
