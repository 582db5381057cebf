"""Headline-style names that spaCy joins into one: "Serbia Aleksandar Vucic", "Kosovo & Serbia".

A state name directly followed by a person's name (a dictionary person, or two or three capitalized
words that are no office, no other known name and hold no institution word of
``data/actors/institution_words.tsv``) is a state mention plus a person of that
state. Two state names joined by "&" or "and" inside one spaCy name are two states.
"""

from __future__ import annotations

from ...types import Entity
from .lexicon import Match
from .tables import institution_words
from .work import Work, entries_by_name

JOINERS = frozenset({"&", "and"})


def joined_states(w: Work, names: list[Match], start: int, end: int) -> bool:
    """Whether the spaCy name ``start:end`` is "<state> and <state>", or begins with "<state> & <state>"
    (a headline: "Kosovo & Serbia Agree …")."""
    inside = sorted((m for m in names if start <= m.start and m.end <= end), key=lambda m: m.start)
    if len(inside) < 2 or any(m.item.kind != "state" for m in inside[:2]):
        return False
    a, b = inside[:2]
    joiner = w.doc[a.end].lower_
    if a.start != start or b.start != a.end + 1 or joiner not in JOINERS:
        return False
    return b.end == end and len(inside) == 2 or joiner == "&"


def headline_person(w: Work, names: list[Match], m: Match, end: int) -> bool:
    """Whether a state name ``m`` is followed, up to ``end``, by a person's name; if so record it."""
    doc = w.doc
    if m.item.kind != "state" or not m.item.code:
        return False
    rest = doc[m.end:end]
    entry = entries_by_name().get(rest.text)
    if entry is not None and entry.kind != "person":
        return False
    if entry is None:
        if not 2 <= len(rest) <= 3 or any(not (t.is_title and t.is_alpha) for t in rest):
            return False
        if any(t.i in w.terms or t.lower_ in institution_words() for t in rest) or any(
                m.end <= n.start < end for n in names):
            return False
    w.headline_persons.append((m.end, end, m.item.code, m.item.form))
    return True


def adjacent_persons(w: Work) -> None:
    """A state name right before a separate spaCy PERSON name ("North Macedonia | Hristijan Mickoski")."""
    persons = {e.start: e.end for e in w.doc.ents if e.label_ == "PERSON"}
    for m in w.names:
        end = persons.get(m.end)
        if end is not None and "\n" not in w.doc[m.end - 1].whitespace_:
            headline_person(w, w.names, m, end)


def add_persons(w: Work) -> None:
    """Person mentions for the names split off a state name ("Serbia | Aleksandar Vucic")."""
    for start, end, code, form in w.headline_persons:
        if not w.free(start, end):
            continue
        text = w.doc[start:end].text
        why = f"headline apposition: state name {form!r} followed by a person's name"
        entry = entries_by_name().get(text)
        if entry is not None:
            key = w.named(entry, f"{why} (dictionary)")
        else:
            key = w.surnames.get(text) or w.surnames.get(w.doc[end - 1].text) or f"person:{text}"
            w.entity(key, Entity("", text, "person", code, why=why))
            if w.entities[key].code is None:
                w.entities[key].code = code
        w.mention(start, end, "PERSON", key, why)
        w.surnames.setdefault(w.doc[end - 1].text, key)
