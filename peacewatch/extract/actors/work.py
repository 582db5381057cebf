"""The working state of actor resolution in one document: matches, entities and mentions so far.

Resolution passes (``persons``, ``collectives``, ``resolve``) read the spaCy Doc and the lexicon
matches, and record what they decide here. Entities are keyed while passes run ("state:AZE",
"person:Jeyhun Bayramov"); ``finish`` numbers them e1, e2 … in order of first mention.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from ...types import Entity, Mention
from . import tables
from .lexicon import LexItem, Match, TermMatch, glued_possessive

if TYPE_CHECKING:
    from spacy.tokens import Doc


@lru_cache(maxsize=1)
def state_rows() -> dict[str, tables.StateRow]:
    return {s.code: s for s in tables.states()}


@lru_cache(maxsize=1)
def entries_by_name() -> dict[str, tables.ActorEntry]:
    return {e.name: e for e in tables.shipped_entries()}


@dataclass
class Work:
    doc: Doc
    day: dt.date | None
    names: list[Match]
    terms: dict[int, TermMatch]
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    claimed: set[int] = field(default_factory=set)
    surnames: dict[str, str] = field(default_factory=dict)  # surname → person key
    # A lexicon match dropped because it lies inside a longer spaCy name ("Washington Post").
    inner: dict[int, Match] = field(default_factory=dict)
    # Person names split off a state name in a headline: (start, end, state code, state form).
    headline_persons: list[tuple[int, int, str, str]] = field(default_factory=list)
    # Persons titled with a past office ("former President X"): person key → that office's (code, sector).
    former: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)

    def names_at(self, start: int) -> Match | None:
        """The lexicon match that starts at token ``start``, if any."""
        return next((m for m in self.names if m.start == start), None)

    def free(self, start: int, end: int) -> bool:
        """Whether no token of ``start:end`` is claimed by a mention yet."""
        return not any(i in self.claimed for i in range(start, end))

    def entity(self, key: str, made: Entity) -> Entity:
        """The entity under ``key``: the one recorded already, else ``made`` (recorded now)."""
        if key not in self.entities:
            made.id = key
            self.entities[key] = made
        return self.entities[key]

    def mention(self, start: int, end: int, label: str, key: str | None, why: str,
                metonymy: bool = False) -> Mention:
        """Record a mention of tokens ``start:end`` (claiming them) linked to entity ``key``."""
        m = Mention(*self.chars(start, end), label, key, metonymy, why)
        self.mentions.append(m)
        self.claimed.update(range(start, end))
        return m

    def chars(self, start: int, end: int) -> tuple[int, int, str]:
        """Character offsets and text of tokens ``start:end``, without a glued possessive."""
        span = self.doc[start:end]
        cut = 2 if glued_possessive(span[-1].text) else 0
        return span.start_char, span.end_char - cut, span.text[: len(span.text) - cut]

    def state(self, code: str, why: str) -> str:
        """The key of the state entity of ``code`` (made on first use, with ``why``)."""
        row = state_rows().get(code)
        name = row.name if row is not None else code
        self.entity(f"state:{code}", Entity("", name, "state", code, "GOV", why=why))
        return f"state:{code}"

    def named(self, entry: tables.ActorEntry, why: str) -> str:
        """The key of a dictionary entry's entity (a person's is shared with the title rule's, a state's
        with every other name of that state)."""
        if entry.kind == "state" and entry.code in state_rows():
            return self.state(entry.code, why)
        key = f"person:{entry.name}" if entry.kind == "person" else f"entry:{entry.kind}:{entry.name}"
        self.entity(key, Entity(
            "", entry.name, entry.kind, entry.code, entry.sector, entry.role, entry.wikidata, why,
        ))
        return key

    def item_key(self, item: LexItem, why: str) -> str | None:
        """The entity a lexicon reading stands for as an actor (states, capitals, seats, entries)."""
        if item.entry is not None:
            return self.named(item.entry, why)
        if item.seat is not None and item.code not in state_rows():
            entry = entries_by_name().get(item.seat.stands_for)
            return self.named(entry, why) if entry is not None else None
        if item.seat is not None and item.seat.sector != "GOV":
            seat = item.seat
            key = f"seat:{seat.name}"
            self.entity(key, Entity("", seat.name, "organization", seat.stands_for, seat.sector,
                                            why=why))
            return key
        return self.state(item.code, why) if item.code else None

    def finish(self) -> tuple[list[Mention], list[Entity]]:
        """Mentions in text order, entities numbered in order of first mention."""
        self.mentions.sort(key=lambda m: (m.start, -m.end))
        ids: dict[str, str] = {}
        for m in self.mentions:
            if m.entity is not None and m.entity not in ids:
                ids[m.entity] = f"e{len(ids) + 1}"
        for m in self.mentions:
            m.entity = ids.get(m.entity) if m.entity is not None else None
        out = []
        for key, new_id in ids.items():
            ent = self.entities[key]
            ent.id = new_id
            if ent.members:
                ent.members = [ids[k] for k in ent.members if k in ids]
            out.append(ent)
        return self.mentions, out
