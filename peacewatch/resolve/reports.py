"""Event reports and when two of them can be the same real-world event.

Two reports can be the same event (``incompatibility`` is None) when they have the same type and
the same status class (occurred and historical are both "happened"; an announced, requested,
negated or hypothetical event never merges with one that happened), the same mode (or one has
none), compatible actors and recipients (each side shares a party, or one side is empty; a
recipient a report also names among its actors is a misreading and contradicts nothing),
compatible dates (their intervals overlap, see ``dates``; for acts to come, also the day one was
announced and the day it is due, ``announced_and_due``) and compatible quantities (two counts
must have the same unit and agree); two reports without a mode (a CONCEDE) must not concede
different acts, as their CAMEO codes tell (a release, 0841, is no withdrawal, 0874). Reports from
different documents must have a date to compare; their parties agree by a shared country on any side
when both are joint acts (``joint_act``: an agreement, talks, a truce), and their recipients also when
they name the same countries, one side its civilians (``_one_people``).

Not contradicting each other is no evidence of one event: what is, is ``evidence.py``.

A party is a ledger entity, or a country code as ``party_codes.tsv`` allows (the army and the ELN
both carry COL and are not one party; all IGOs share the code IGO).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import sys
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..config import LedgerSettings
from ..timespan import Interval, agree, before_unknown, day, interval
from ..types import Argument, Event, Result
from .entities import normalize_name
from .tables import code_match

HAPPENED = ("occurred", "historical")
_WORD = re.compile(r"\w+")


# Two outlets may disagree on a count of one day's event ("13 hostages", "24 hostages") by up to this
# share of the larger: the reports merge and the merged event lists the conflict. Counts further apart
# (32 and 5) are two events.
DISPUTED_COUNTS = 0.5
# An act announced to come is dated by outlets either by the day it was announced ("agreed on Wednesday
# to a truce") or by the day it is due ("the truce begins on Friday"): two such reports agree on dates
# when the due day is at most this many days after the announced one (``announced_and_due``).
DUE_DAYS = 7
# The sector of a country's civilians (``party_codes.tsv`` links it by code and sector): recipient
# sides naming them and the state or a group of their country agree across documents (``_one_people``).
CIVILIANS = "CVL"
# Acts of two sides together (an agreement, talks): outlets name different signatories or
# delegations ("the government", "the TPLF", "Ethiopia and the AU") of one act, so across
# documents their parties agree when they share a country, whichever side names it.
JOINT = frozenset({"AGREE", "CONSULT"})
# Modes every side does at once: a ceasefire holds between all of its parties, so outlets tell one
# truce as the ELN's, the government's or both sides' (``joint_act``), and a ceasefire in force is
# kept by all of them (``commitments``).
JOINT_MODES = frozenset({"ceasefire"})
# Types that tell of one happening in other words: signing a deal (SUPPORT/sign) is how the news
# reports that the parties agreed it (AGREE that happened), so the two merge as one kind; seizing
# hostages or a town (COERCE/seize) is often how an outlet tells of the raid another calls an attack
# (ASSAULT), so the two are one kind too, but they merge only on strong evidence (``evidence._STRONG``).
_KINDS = {("SUPPORT", "sign"): "AGREE", ("COERCE", "seize"): "ASSAULT"}
# A promise is how one outlet tells the concession another calls announced: the coding guide makes
# promises AGREE and announced or agreed retreats not yet carried out CONCEDE (status future), so "the
# army will pull back" and "the army promised to pull back" are one act to come. A promise (AGREE,
# status future) merges under the concession's kind, except a promise to meet (CAMEO 036, "express
# intent to meet or negotiate"): a meeting to come is no concession.
PROMISED = "CONCEDE"
_MEETING = "036"
# The type and mode a merged event of two types of one kind takes when a member has them: the
# signing (the more precise word for an agreement), the attack (of which the seizure was part, any
# mode), the concession (it says what is promised); without such a member, the kind itself (AGREE for
# parties backing a deal and agreeing it), except promises alone, which stay AGREE (``PROMISED``).
LEADING = {"AGREE": ("SUPPORT", "sign"), "ASSAULT": ("ASSAULT", None), PROMISED: (PROMISED, None)}


def merge_kind(event: Event) -> str:
    """The type a report merges under: its own, except the pairs of ``_KINDS``, SUPPORT without a
    mode by two or more actors ("Israel and Hamas backed the truce": they agreed it, AGREE; one
    actor's SUPPORT, a third state welcoming a deal, stays SUPPORT) and a promise other than one to
    meet (AGREE, status future: the kind of the concession announced, ``PROMISED``)."""
    if event.type == "SUPPORT" and not event.mode and len(event.actor) >= 2:
        return "AGREE"  # two or more parties backing one thing without a mode: they agreed it
    if event.type == "AGREE" and event.status == "future" and not (event.cameo or "").startswith(_MEETING):
        return PROMISED  # a promise to concede: the announced concession's kind
    return _KINDS.get((event.type, event.mode or ""), event.type)


def joint_act(event: Event) -> bool:
    """Whether reports of ``event`` from different documents agree on parties by a shared country on
    any side: acts of two sides together, an agreement or talks (``JOINT``, by the kind it merges
    under: a promise to concede is not one) or a truce (``JOINT_MODES``)."""
    return merge_kind(event) in JOINT or event.mode in JOINT_MODES


def status_class(status: str) -> str:
    """Statuses that may describe the same report: occurred and historical both mean it happened."""
    return "happened" if status in HAPPENED else status


def code_token(code: str | None, sector: str | None) -> str | None:
    """The token a country code links by (``party_codes.tsv``): ``code:AZE`` for the state side,
    ``code:COL:REB`` for a non-state actor, None for a code that names no country (IGO)."""
    if not code:
        return None
    match = code_match(code, sector)
    if match == "state":
        return f"code:{code}"
    return f"code:{code}:{sector}" if match == "own" else None


def argument_parties(arg: Argument, ledger_id: str | None) -> frozenset[str]:
    """The tokens an argument can be matched by: its ledger entity and, as ``party_codes.tsv``
    allows, its country code (alone, or with its sector)."""
    return _parties(arg.code, arg.sector, ledger_id, "" if arg.code or ledger_id else arg.text)


@functools.lru_cache(maxsize=65536)
def _parties(code: str | None, sector: str | None, ledger_id: str | None, text: str) -> frozenset[str]:
    # cached: the same few parties recur in thousands of reports, which then share one set
    tokens = set()
    if token := code_token(code, sector):
        tokens.add(token)
    if ledger_id:
        tokens.add(ledger_id)
    if not tokens and text.strip():
        tokens.add(f"text:{normalize_name(text)}")
    return frozenset(tokens)


@functools.lru_cache(maxsize=65536)
def _one_set(value: frozenset[str]) -> frozenset[str]:
    """One object for equal sets of country codes (they recur in thousands of reports)."""
    return value


@dataclass(frozen=True, slots=True)
class Report:
    """One per-document event, prepared for merging; ``wording`` is the distinct words of its span
    when the document text is known (to recognise a sentence repeated in one document), as a tuple
    (much smaller than a frozenset, and seldom compared) in one order for the whole document: the
    words fewest of its reports say first, then alphabetically (``clusters._wording_keys``)."""

    doc: str
    published: dt.date | None
    event: Event
    actors: tuple[frozenset[str], ...]
    recipients: tuple[frozenset[str], ...]
    stated: Interval | None
    window: Interval | None
    wording: tuple[str, ...] = ()
    countries: frozenset[str] = frozenset()
    # the day its article was written: its publication day, else the day its own byline stamp, web
    # address or dateline gives (``written_day``); never the latest day its text merely states
    written: dt.date | None = None

    @property
    def sort_key(self) -> tuple[object, ...]:
        stated = self.stated or Interval(dt.date.max, dt.date.max)
        return (merge_kind(self.event), status_class(self.event.status), self.event.mode or "",
                stated.days if self.stated else 10**6, stated.start, self.doc, self.event.trigger_span,
                self.event.span, self.event.id)


SpanTexts = Mapping[tuple[str, int, int], str]


def reports_of(results: Iterable[Result], id_map: Mapping[tuple[str, str], str], settings: LedgerSettings,
               span_texts: SpanTexts | None = None) -> list[Report]:
    """Every event of every result as a Report, in canonical order. ``span_texts`` maps
    (document, start, end) to the text of an event's span, when known."""
    out = []
    for r in results:
        published = day(r.published)
        placed = published or inferred_day(r)  # an undated article is placed on its inferred day
        written = written_day(r)
        said = _wordings(r, span_texts or {})
        rarity = Counter(w for words in said for w in words)  # the document's order: rarest first
        for ev, words in zip(r.events, said, strict=True):
            ev = as_told(ev)
            stated = interval(ev.date)
            out.append(Report(
                r.id, published, ev,
                tuple(argument_parties(a, id_map.get((r.id, a.entity or ""))) for a in ev.actor),
                tuple(argument_parties(a, id_map.get((r.id, a.entity or ""))) for a in ev.recipient),
                stated, stated or _undated_window(ev.status, None if before_unknown(ev.date) else placed, settings),
                tuple(sorted(words, key=lambda w: (rarity[w], w))),
                _one_set(frozenset(a.code for a in ev.actor + ev.recipient
                                  if a.code and code_match(a.code, None) != "none")),
                written,
            ))
    return sorted(out, key=lambda rep: rep.sort_key)


def as_told(event: Event) -> Event:
    """The event as its sentence tells it, for merging: talks the events component gave the article's
    mediator as host (mode ``third-party``, every recipient implicit: "Kenya and Uganda held talks" where
    Qatar mediates) are the parties' talks with no mode and no one receiving them. Another outlet tells
    the same talks without naming a mediator, and the host's mode and recipient would keep the two
    apart, or join the article's other talks on a recipient no sentence named."""
    if event.mode != "third-party" or not event.recipient or not all(a.implicit for a in event.recipient):
        return event
    return dataclasses.replace(event, mode=None, recipient=[])


def _wordings(r: Result, span_texts: SpanTexts) -> list[set[str]]:
    """The distinct words of each event's span; none for an event alone in its bucket of the merge
    (wording is only ever compared between reports of one document and one bucket)."""
    kinds = Counter((merge_kind(ev), status_class(ev.status)) for ev in r.events)
    out = []
    for ev in r.events:
        text = span_texts.get((r.id, ev.span[0], ev.span[1]), "")
        alone = kinds[(merge_kind(ev), status_class(ev.status))] <= 1
        out.append(set() if alone else {sys.intern(w) for w in _WORD.findall(text.casefold())})
    return out


def inferred_day(r: Result) -> dt.date | None:
    """The day an undated document was dated by from its own text (``Result.dated``), or None."""
    return day(r.dated.day) if r.dated is not None else None  # a day without its year (XXXX-…) is None


def written_day(r: Result) -> dt.date | None:
    """The day the document was written: its publication day, else the day its byline stamp, web
    address or dateline gives (``Dated.written``), or None: the latest day an undated text states is
    the newest it tells of, which may be days before it was written."""
    published = day(r.published)
    if published is not None or r.dated is None or not r.dated.written:
        return published
    return inferred_day(r)


def _undated_window(status: str, published: dt.date | None, settings: LedgerSettings) -> Interval | None:
    if published is None:
        return None
    return _window(status_class(status), published, settings.undated_window_days)


@functools.lru_cache(maxsize=4096)
def _window(status: str, published: dt.date, days: int) -> Interval:
    width = dt.timedelta(days=days)
    if status == "happened":
        return Interval(published - width, published)
    return Interval(published - width, published + width)


def incompatibility(a: Report, b: Report, settings: LedgerSettings) -> str | None:
    """Why two reports cannot be the same event, or None when they can."""
    ea, eb = a.event, b.event
    if merge_kind(ea) != merge_kind(eb) or status_class(ea.status) != status_class(eb.status):
        return "type or status differs"
    if ea.mode != eb.mode and not (settings.mode_none_matches and (ea.mode is None or eb.mode is None)) \
            and merge_kind(ea) == ea.type == eb.type:
        return "mode differs"
    if ea.type == eb.type and not (ea.mode or eb.mode) and not cameo_agrees(ea.cameo, eb.cameo):
        return "conceded acts differ"
    other = a.doc != b.doc
    joint = other and joint_act(ea) and joint_act(eb) and bool(a.countries & b.countries)
    if not joint and (not _sides_agree(a.actors, b.actors) or not _recipients_agree(a, b, loose=other)):
        return "actors or recipients differ"
    if other and (a.window is None or b.window is None):
        return "no date to place one of them"
    if not agree(a.window, b.window, settings.date_slack_days) and not announced_and_due(a, b):
        return "dates differ"
    if not quantities_agree(ea.quantity, eb.quantity, settings.quantity_tolerance) and not (
            other and _same_day(a, b, settings.date_slack_days)
            and quantities_agree(ea.quantity, eb.quantity, DISPUTED_COUNTS)):
        return "quantities differ"
    return None


def announced_and_due(a: Report, b: Report) -> bool:
    """Whether two reports of an act to come (status ``future``) are one announcement dated two ways:
    one by the day it was announced (a day its article had reached when written), the other by the
    day it is due (a day still to come when its article was written), at most ``DUE_DAYS`` after.
    "Israel and Hamas agreed on Wednesday to a truce" and "the truce will begin on Friday" tell one
    concession; two days still to come ("13 freed on Friday", "10 on Monday") do not, nor do two
    announcement days."""
    if a.event.status != "future" or b.event.status != "future":
        return False
    if not (a.stated and b.stated and a.stated.days == 1 and b.stated.days == 1):
        return False
    said, due = (a, b) if a.stated.start <= b.stated.start else (b, a)
    assert said.stated is not None and due.stated is not None
    if said.written is None or due.written is None:
        return False
    return (said.stated.start <= said.written and due.written < due.stated.start
            and said.stated.start < due.stated.start <= said.stated.start + dt.timedelta(days=DUE_DAYS))


def reach_days(kind: str, slack_days: int) -> int:
    """How many days apart two reports of a (type, status class) bucket whose status class is ``kind``
    may be dated and still agree: the date slack, and for acts to come the days an announcement may
    precede its due day (``announced_and_due``). The clusters' index and the incremental ledger's units
    look that far."""
    return slack_days + (DUE_DAYS if kind == "future" else 0)


def cameo_agrees(a: str | None, b: str | None) -> bool:
    """Whether two CAMEO codes can name one act: equal, one unknown, or one the bare root of the
    other ("080", yield, and "0841", release persons). The events component gives a CONCEDE the code
    of the act conceded, which the type without a mode does not tell."""
    if not a or not b or a == b:
        return True
    return a[:2] == b[:2] and "0" in (a[2:], b[2:])


def _same_day(a: Report, b: Report, slack: int) -> bool:
    """Both reports state a day, and the days agree (within ``slack``): outlets that disagree on a
    count of that day's event tell of one event (the ledger flags the disagreement)."""
    return bool(a.stated and b.stated and a.stated.days == 1 and b.stated.days == 1
                and abs((a.stated.start - b.stated.start).days) <= slack)


def side_parties(side: tuple[frozenset[str], ...]) -> frozenset[str]:
    """Every party token of a side (the actors or the recipients of a report), one set."""
    return frozenset().union(*side) if side else frozenset()


def _sides_agree(a: tuple[frozenset[str], ...], b: tuple[frozenset[str], ...], *, loose: bool = False) -> bool:
    """Each side shares a party with the other, or one is empty; with ``loose`` (reports of two
    documents) also when one side names only parties without a country code: outlets name the
    same hostage or village differently ("Luis Diaz Sr." / "Luis Manuel Diaz"), and such a name
    contradicts nothing."""
    if not a or not b or _shared(a, b):
        return True
    return loose and (_uncoded(a) or _uncoded(b))


def _recipients_agree(a: Report, b: Report, *, loose: bool) -> bool:
    """The recipient sides agree (``_sides_agree``, or across documents ``_one_people``), leaving out
    a recipient a report also names among its own actors: a party on both sides of an act is a
    misreading ("Nduhungirehe and the DRC signed ..., Rwanda"), which says nothing of whom the act was
    done to, so it contradicts nothing, as it shares no side in ``evidence.strength``."""
    return _recipient_sides_agree(a.recipients, b.recipients, loose) or _recipient_sides_agree(
        _done_to(a), _done_to(b), loose)


def _recipient_sides_agree(a: tuple[frozenset[str], ...], b: tuple[frozenset[str], ...], loose: bool) -> bool:
    return _sides_agree(a, b, loose=loose) or (loose and _one_people(a, b))


def _one_people(a: tuple[frozenset[str], ...], b: tuple[frozenset[str], ...]) -> bool:
    """Whether two recipient sides name the same country or countries, one of them its civilians
    (``CIVILIANS``). Outlets name the people an act is done to by their role ("hostages", "Palestinian
    prisoners"), by their nationality ("Palestinians") or by whom they are handed to ("the Israeli
    military"), coded with the country's civilians, its state or a group of it, which the party codes
    keep apart. Told by two documents, such recipients agree; two different countries still do not.
    Recipients only: two doers of one country can be the two sides of its war (the army, the ELN)."""
    countries = _countries(a)
    return bool(countries) and countries == _countries(b) and (_civilian(a) or _civilian(b))


def _countries(side: tuple[frozenset[str], ...]) -> frozenset[str]:
    """The countries a side's parties are coded with (``code:PSE``, ``code:PSE:CVL`` → PSE)."""
    return frozenset(t.split(":")[1] for t in side_parties(side) if t.startswith("code:"))


def _civilian(side: tuple[frozenset[str], ...]) -> bool:
    return any(t.startswith("code:") and t.endswith(f":{CIVILIANS}") for t in side_parties(side))


def _done_to(rep: Report) -> tuple[frozenset[str], ...]:
    """The recipients of a report that are not also among its actors."""
    doers = side_parties(rep.actors)
    return tuple(party for party in rep.recipients if not party & doers)


def _counterparts_differ(a: tuple[frozenset[str], ...], b: tuple[frozenset[str], ...]) -> bool:
    """Whether two sides sharing a party each name another coded party the other does not name at
    all: the DRC agreeing with the M23 and the DRC signing with Rwanda tell two acts. A party one
    side names beside all of the other's (a mediator, a witness) is no such difference, nor is a name
    without a country code (outlets name one party differently). ``evidence`` asks it of a shared
    actor whose dates agree only as a month or a year does."""
    if not _shared(a, b):
        return False
    return _lone_party(a, b) and _lone_party(b, a)


def _lone_party(side: tuple[frozenset[str], ...], other: tuple[frozenset[str], ...]) -> bool:
    """Whether ``side`` names a coded party that shares nothing with any party of ``other``."""
    named = side_parties(other)
    return any(not (party & named) and any(t.startswith("code:") for t in party) for party in side)


def _uncoded(side: tuple[frozenset[str], ...]) -> bool:
    return not any(t.startswith("code:") for t in side_parties(side))


def _shared(a: tuple[frozenset[str], ...], b: tuple[frozenset[str], ...]) -> bool:
    return bool(a and b and side_parties(a) & side_parties(b))


def quantities_agree(a: dict | None, b: dict | None, tolerance: float, *, same_unit: bool = True) -> bool:
    """Two counts agree when either is missing, or they have the same unit and (within the relative
    tolerance) the same value: 12 killed and 30 injured are two different tolls, so two events.
    With ``same_unit=False`` counts of different units are simply not compared."""
    if not a or not b:
        return True
    if a.get("unit") != b.get("unit"):
        return not same_unit
    va, vb = a.get("value"), b.get("value")
    if not isinstance(va, int | float) or not isinstance(vb, int | float):
        return True
    return abs(va - vb) <= tolerance * max(abs(va), abs(vb))
