"""The year of an article that writes none, read from the other articles of its story.

An article with no publication day whose text gives no year (``extract/dating.py`` leaves its day
``XXXX-MM-DD`` or gives none) still names days: "on December 19", "since August 18". A dated article
of the same parties that states that day with its year, or was published on it, is a witness of the
year. The ledger sees the whole corpus, so it can do what the per-document inference cannot: give
the undated article that year, when its witnesses name **one year only** (two years witnessed, or
none: no year, never a guess).

Each of its events dated by a year-less day witnessed in that year then takes the year (the cue in
the event's ``why``): its report can be placed and merged with the dated reports of the act. The
article gets no reference day from it: its undated reports stay unplaced (placing them on the latest
witnessed day was measured and left out, docs/ledger.md, "Fourteenth round (second part)"). The
choice depends on the set of documents, never on their order; an incremental update in which a new
document could witness an old article's year gives way to a rebuild (``touched``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from ..timespan import day
from ..types import Result

__all__ = ["StoryDocument", "StoryYear", "choose", "dated_by_story", "touched"]

_YEARLESS = re.compile(r"^XXXX-(\d{2}-\d{2})$")
_FULL = re.compile(r"^(\d{4})-(\d{2}-\d{2})$")
# Codes every story shares (international organisations): they tell no story apart.
_SHARED_BY_ALL = ("IGO",)
WITNESSES = 3  # witnesses named in a `why` (and kept per day, party and year): the year needs one


@dataclass(frozen=True, slots=True)
class StoryDocument:
    """What the year inference reads of one document: its day (publication, else the full day its
    text gave, else None), the country codes of its entities, and the days its text states, as
    (timex value, text) pairs (``YYYY-MM-DD`` or ``XXXX-MM-DD``)."""

    doc: str
    day: dt.date | None
    parties: frozenset[str]
    days: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class StoryYear:
    """The year chosen for an undated document: its year-less days that dated articles of its story
    state in that year (``MM-DD``), the cue (the first such day as the text writes it) and the
    witnesses (the first ``WITNESSES`` in id order)."""

    year: int
    days: frozenset[str]
    cue: str
    witnesses: tuple[str, ...]

    @property
    def why(self) -> str:
        return f"its year {self.year} from its story: '{self.cue}' as {', '.join(self.witnesses)} state it"


def story_document(doc: str, published: str | None, dated: str | None, parties: Iterable[str | None],
                   days: Iterable[tuple[str, str]]) -> StoryDocument:
    """A ``StoryDocument`` from stored fields: ``dated`` is the inferred ``Dated.day``, if any."""
    own = day(published) or (day(dated) if dated and _FULL.match(dated) else None)
    codes = frozenset(p for p in parties if p and not p.startswith(_SHARED_BY_ALL))
    cues = [(v, t) for v, t in days if _YEARLESS.match(v) or _FULL.match(v)]
    if own is None and dated and _YEARLESS.match(dated):
        cues.append((dated, "its dateline"))  # a dateline without its year
    return StoryDocument(doc, own, codes, tuple(sorted(set(cues))))


def choose(documents: Iterable[StoryDocument]) -> dict[str, StoryYear]:
    """Undated document id → the year its story's dated documents witness, for those witnessed in
    one year only (module docstring). Depends on the set of documents only.

    The dated documents are indexed by (day, party) → year → the first ``WITNESSES`` of them in id
    order, so an undated document looks up its own days and parties and never walks the documents
    of a day that every story states ("October 7"): the years found are those of every witness."""
    docs = sorted(documents, key=lambda d: d.doc)
    stated: dict[tuple[str, str], dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for d in docs:
        if d.day is None:
            continue
        seen = {(int(m.group(1)), m.group(2)) for v, _ in d.days if (m := _FULL.match(v))}
        seen.add((d.day.year, d.day.isoformat()[5:]))
        for year, md in seen:
            for party in d.parties:
                first = stated[(md, party)][year]
                if len(first) < WITNESSES:
                    first.append(d.doc)
    out = {}
    for d in docs:
        if d.day is None and d.parties and (found := _year_of(d, stated)) is not None:
            out[d.doc] = found
    return out


def _year_of(d: StoryDocument, stated: Mapping[tuple[str, str], Mapping[int, list[str]]]) -> StoryYear | None:
    years: dict[int, set[str]] = defaultdict(set)
    days: dict[int, dict[str, str]] = defaultdict(dict)
    for value, text in d.days:
        if (m := _YEARLESS.match(value)) is None:
            continue
        for party in sorted(d.parties):
            for year, first in stated.get((m.group(1), party), {}).items():
                years[year].update(first)
                days[year].setdefault(m.group(1), text)
    if len(years) != 1:
        return None  # no witness, or two years fit: no year
    (year, witnesses), = years.items()
    cue = days[year][min(days[year])]
    return StoryYear(year, frozenset(days[year]), cue, tuple(sorted(witnesses)[:WITNESSES]))


def dated_by_story(r: Result, years: Mapping[str, StoryYear]) -> Result:
    """``r`` with each event dated by a year-less day its story witnesses (``choose``) in the year
    witnessed, the cue in the event's ``why``. Unchanged when its story gives no year."""
    found = years.get(r.id)
    if found is None or r.published:
        return r
    events = [replace(ev, date=f"{found.year}-{m.group(1)}", why=_noted(ev.why, found.why))
              if ev.date and (m := _YEARLESS.match(ev.date)) and m.group(1) in found.days else ev for ev in r.events]
    return replace(r, events=events)


def _noted(why: str | None, note: str) -> str:
    return f"{why}; {note}" if why else note


def touched(documents: Iterable[StoryDocument], remade: set[str]) -> str | None:
    """Why an update that makes only the ``remade`` documents' reports again cannot stand: a remade
    document could witness the year of an undated document that is not remade (it may give, confirm or
    take away that year); None when none can."""
    docs = list(documents)
    by_id = {d.doc: d for d in docs}
    for d in docs:
        if d.day is not None or d.doc in remade or not d.parties:
            continue
        cues = {m.group(1) for v, _ in d.days if (m := _YEARLESS.match(v))}
        for other in remade:
            o = by_id.get(other)
            if o is None or o.day is None or not (o.parties & d.parties):
                continue
            theirs = {m.group(2) for v, _ in o.days if (m := _FULL.match(v))} | {o.day.isoformat()[5:]}
            if cues & theirs:
                return f"a new document may witness the year of undated {d.doc}"
    return None
