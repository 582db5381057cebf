"""The compiled actor lexicon: table forms as token n-grams, looked up in one pass over a Doc.

Every form of every table is tokenized once with spaCy's English tokenizer (the rules the model's
own tokenizer uses), so "Armenia's" or "Russian-brokered" split the same way in the table and in the
text. Names are matched case-sensitively (so "turkey" in a recipe is no country); offices and group
nouns case-insensitively. The lexicon is built once per pipeline (the component's factory).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from . import tables
from .datelines import REACH, dated_after
from .tables import ActorEntry, Seat, SectorTerm

if TYPE_CHECKING:
    from spacy.tokens import Doc

Key = tuple[str, ...]

SOURCES = {"state": "state name", "capital": "capital", "demonym": "demonym",
           "seat": "seat of government", "region": "region", "dateline": "dateline"}
# Priorities when one form has several readings: lower wins.
USER, SEAT, STATE_NAME, NAMED, CAPITAL, REGION, ISO_NAME, DEMONYM = range(8)


@dataclass(frozen=True)
class LexItem:
    """One reading of a form: what it names and which table said so."""

    kind: str  # "state" | "capital" | "demonym" | "seat" | "region" | "entry" | "dateline"
    form: str
    priority: int
    code: str | None = None
    seat: Seat | None = None
    entry: ActorEntry | None = None
    ambiguous: bool = False

    def valid_on(self, day: dt.date | None) -> bool:
        return self.entry is None or self.entry.valid_on(day)

    @property
    def source(self) -> str:
        if self.entry is not None:
            return f"dictionary {self.entry.source}"
        return SOURCES[self.kind]


@dataclass(frozen=True)
class Match:
    """A lexicon hit: tokens ``start:end`` and the reading chosen for the document's date."""

    start: int
    end: int
    item: LexItem


@dataclass(frozen=True)
class TermMatch:
    start: int
    end: int
    term: SectorTerm


@lru_cache(maxsize=1)
def _tokenizer():  # type: ignore[no-untyped-def]
    import spacy

    return spacy.blank("en").tokenizer


# Typographic apostrophes made plain; invisible format characters (soft hyphen, zero-width space and
# joiners, direction marks, word joiner, byte-order mark) dropped, so "Azer\u00adbaijan" is Azerbaijan.
_INVISIBLE: dict[int, str | None] = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"))
APOSTROPHES = str.maketrans({ord("\u2019"): "'", ord("\u02bc"): "'", ord("\u2018"): "'", **_INVISIBLE})


def norm(text: str) -> str:
    """Token text as the lexicon keys it (typographic apostrophes made plain, invisible characters gone)."""
    return text.translate(APOSTROPHES)


def glued_possessive(text: str) -> bool:
    """Whether a token carries a possessive the tokenizer did not split off ("Ukraineʼs")."""
    return len(text) > 3 and norm(text[-2:]) == "'s" and text[0].isupper()


def stem(text: str) -> str:
    """Token text for lookup: normalized, without a glued possessive."""
    return norm(text[:-2]) if glued_possessive(text) else norm(text)


def tokens_of(form: str) -> Key:
    return tuple(norm(t.text) for t in _tokenizer()(form))


@dataclass
class Lexicon:
    names: dict[Key, list[LexItem]] = field(default_factory=dict)
    terms: dict[Key, SectorTerm] = field(default_factory=dict)
    longest: dict[str, int] = field(default_factory=dict)

    @classmethod
    def build(cls, user_entries: Iterable[ActorEntry] = ()) -> Lexicon:
        lex = cls()
        for item in _state_items():
            lex._add_name(item)
        for name, code in tables.regions():
            lex._add_name(LexItem("region", name, REGION, code=code or None))
        for seat in tables.seats():
            lex._add_name(LexItem("seat", seat.name, SEAT, code=seat.stands_for, seat=seat))
        for entry in tables.shipped_entries():
            lex._add_entry(entry, NAMED)
        for entry in user_entries:
            lex._add_entry(entry, USER)
        for term in tables.sector_terms():
            key = tuple(t.lower() for t in tokens_of(term.term))
            lex.terms[key] = term
            lex.longest[key[0]] = max(lex.longest.get(key[0], 0), len(key))
        for items in lex.names.values():
            items.sort(key=lambda i: i.priority)
        return lex

    def _add_entry(self, entry: ActorEntry, priority: int) -> None:
        for form in (entry.name, *entry.aliases):
            # A user entry overrides a shipped one of the same form: it sorts first and is later in
            # the list among equals, so reverse insertion keeps the newest first.
            self._add_name(LexItem("entry", form, priority, code=entry.code, entry=entry), first=True)

    def _add_name(self, item: LexItem, first: bool = False) -> None:
        key = tokens_of(item.form)
        if not key:
            return
        items = self.names.setdefault(key, [])
        items.insert(0, item) if first else items.append(item)
        self.longest[key[0]] = max(self.longest.get(key[0], 0), len(key))
        lower = key[0].lower()
        self.longest[lower] = max(self.longest.get(lower, 0), len(key))

    def scan(self, doc: Doc, day: dt.date | None) -> tuple[list[Match], dict[int, TermMatch]]:
        """Longest non-overlapping name matches, and term matches keyed by their first token."""
        texts = [stem(t.text) for t in doc]
        glued = frozenset(t.i for t in doc if not t.whitespace_)
        names: list[Match] = []
        terms: dict[int, TermMatch] = {}
        i = 0
        while i < len(texts):
            match = self._name_at(texts, i, day, glued)
            term = self._term_at(texts, i)
            if term is not None:
                terms[i] = term
            if match is not None:
                names.append(match)
                i = match.end
            else:
                i += 1
        return names, terms

    def _name_at(self, texts: list[str], i: int, day: dt.date | None, glued: frozenset[int]) -> Match | None:
        if (i == 0 or "\n" in texts[i - 1]) and (filed := self._dateline_at(texts, i, glued, opening=True)):
            return filed  # "Havana – The government …": a line opening with a place and a dash
        for n in range(min(self.longest.get(texts[i], 0), len(texts) - i), 0, -1):
            items = self.names.get(tuple(texts[i : i + n]), ())
            for item in items:
                if item.valid_on(day):
                    return Match(i, i + n, _ended(item) if day is None else item)
            person = next((it for it in items if it.entry is not None and it.entry.kind == "person"), None)
            if person is not None:
                return Match(i, i + n, _out_of_office(person))
        return self._dateline_at(texts, i, glued)

    def _dateline_at(self, texts: list[str], i: int, glued: frozenset[int], opening: bool = False) -> Match | None:
        """'MOSCOW (Sputnik) -', 'NEW YORK —': a capitalized place where a story was filed; at the
        opening of a line also in title case when a dash follows ('Havana – ', 'Addis Ababa – ') or a
        comma and a date before the dash ('Kinshasa, June 27 – ', ``datelines.dated_after``). A
        dash written between two words with no space ('Russia–Ukraine grain deal', 'Israel-Hamas
        ceasefire', tokens in ``glued`` have no space after them) joins names: no dateline."""
        shape = (lambda w: w.isupper() or w.istitle()) if opening else str.isupper
        if not shape(texts[i]) or len(texts[i]) < 3 or not texts[i].isalpha():
            return None
        follow = ("-", "\u2013", "\u2014") if opening and not texts[i].isupper() else (
            "(", "-", "\u2013", "\u2014", ",", ":")
        for n in (2, 1):
            words = texts[i : i + n]
            if len(words) < n or not all(shape(w) and w.isalpha() for w in words):
                continue
            after = texts[i + n] if i + n < len(texts) else ""
            items = self.names.get(tuple(w.title() for w in words), ())
            place = next((it for it in items if it.kind in ("capital", "region", "state", "seat")), None)
            joined = after in ("-", "\u2013", "\u2014") and {i + n - 1, i + n} <= glued
            dated = opening and after == "," and dated_after(texts[i + n + 1 : i + n + 1 + REACH])
            if place is not None and (after in follow or dated) and not joined:
                code = place.seat.country if place.seat is not None else place.code
                return Match(i, i + n, replace(place, kind="dateline", code=code, seat=None))
        return None

    def _term_at(self, texts: list[str], i: int) -> TermMatch | None:
        window = texts[i : i + self.longest.get(texts[i].lower(), 0)]
        lowered = [t.lower() for t in window]
        for n in range(len(lowered), 0, -1):
            term = self.terms.get(tuple(lowered[:n]))
            # Abbreviations ("PM") match only as written: "5 pm" is no prime minister.
            if term is not None and (term.term.islower() or " ".join(window[:n]) == term.term):
                return TermMatch(i, i + n, term)
        return None


def _state_items() -> Iterable[LexItem]:
    for s in tables.states():
        def item(kind: str, form: str, priority: int, s: tables.StateRow = s) -> LexItem:
            return LexItem(kind, form, priority, code=s.code, ambiguous=form in s.ambiguous)

        yield from (item("state", f, STATE_NAME) for f in s.names)
        yield from (item("state", f, ISO_NAME) for f in s.iso_names)
        yield from (item("capital", f, CAPITAL) for f in s.capitals)
        yield from (item("demonym", f, DEMONYM) for f in s.demonyms)


def _ended(item: LexItem) -> LexItem:
    """A dictionary person read in a document with no date, by a row whose office has ended: the row
    still codes them, and its source says the office ended, so a body the text names around them now
    may say whom they speak for (``affiliation.stale``)."""
    entry = item.entry
    if entry is None or entry.kind != "person" or entry.valid_to is None:
        return item
    return replace(item, entry=replace(entry, source=f"{entry.source} (an office that ended {entry.valid_to})"))


def _out_of_office(item: LexItem) -> LexItem:
    """A dictionary person on a date outside every office of theirs: the person, without the office."""
    entry = item.entry
    if entry is None:
        return item
    code = None if entry.code == "IGO" else entry.code
    bare = replace(entry, code=code, sector=None, role=None, valid_from=None, valid_to=None,
                   source=f"{entry.source} (not in that office on this date)")
    return replace(item, entry=bare, code=code)
