"""Persons the text gives no country, coded from the sides a document is about.

A titled person of a state office with no country is of the state in focus; a person named with no
affiliation at all is of the state in focus by default; a person with an apposition naming an office
("Ivan Cepeda, a government spokesperson") takes the code of the first actor named in it. Called by
``focus.resolve_unnamed`` (the first two) and ``identify`` (the default, last). Every ``why`` says
where the code came from.
"""

from __future__ import annotations

from ...types import Entity
from .lexicon import TermMatch
from .sides import STATE_SECTORS, Focus
from .work import Work


def stateless_persons(w: Work, focus: Focus) -> None:
    """A titled person of a state office with no country ('then-president Juan Manuel Santos')
    belongs to the state in focus, else to the only state named ("Colonel Jean Rakoto" in a text that
    names Madagascar alone)."""
    code = focus.government()
    if code is None:
        return
    for ent in w.entities.values():
        if ent.kind == "person" and ent.code is None and ent.role and ent.sector in STATE_SECTORS:
            ent.code = code
            ent.why = f"{ent.why}; office with no country → {focus.why}"


def unaffiliated_persons(w: Work, focus: Focus) -> None:
    """A person the text gives no country at all (no title, no apposition, not in the tables) is
    taken to be of the state in focus: in news about one state's conflict its own people are the
    ones named without introduction (on the tuning group of the dev document gold it gave 4 coded
    persons their gold code and 1 a wrong one). The ``why`` marks it as a default."""
    if focus.state is None:
        return
    for ent in w.entities.values():
        if ent.kind == "person" and ent.code is None:
            ent.code = focus.state
            ent.why = f"{ent.why}; no affiliation given, by default of the {focus.why}"


APPOSITION_END = frozenset({",", ".", ";", "(", ")", ":"})
ACTOR_KINDS = frozenset({"state", "person", "organization", "armed_group", "igo"})


def appositions(w: Work, focus: Focus) -> None:
    """'Massad Boulos, US President Donald Trump's Senior Advisor for Africa', 'Ivan Cepeda, a
    government spokesperson', 'Pablo Beltrán, leader of the guerrilla delegation': a person with no
    country takes the code (and, for a group's office, the sector) of the first actor named in the
    apposition after their first mention, or the state in focus for 'government'."""
    doc = w.doc
    seen: set[str] = set()
    for m in sorted(w.mentions, key=lambda x: x.start):
        ent = w.entities.get(m.entity or "")
        if ent is None or ent.kind != "person" or ent.code is not None or ent.id in seen:
            continue
        seen.add(ent.id)
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.end + 1 >= len(doc) or doc[span.end].text != ",":
            continue
        first = span.end + 1
        stop = next((k for k in range(first, min(first + 14, len(doc)))
                     if doc[k].text in APPOSITION_END or "\n" in doc[k].text), min(first + 14, len(doc)))
        office = next((w.terms[k] for k in range(first, stop) if k in w.terms and w.terms[k].term.kind == "person"),
                      None)
        if office is None:
            continue
        _affiliate(w, ent, office, (doc[first].idx, doc[stop - 1].idx + len(doc[stop - 1])), focus,
                   any(doc[k].lower_ == "government" for k in range(first, stop)))


def _affiliate(w: Work, ent: Entity, office: TermMatch, window: tuple[int, int], focus: Focus,
               government: bool) -> None:
    """Give ``ent`` the code of the first actor mentioned inside ``window`` (else the state in focus)."""
    inside = sorted((m for m in w.mentions if window[0] <= m.start and m.end <= window[1] and m.entity),
                    key=lambda m: m.start)
    actors = [w.entities[m.entity] for m in inside if m.entity in w.entities]
    actor = next((a for a in actors if a.code and a.kind in ACTOR_KINDS and a.id != ent.id), None)
    sector = office.term.sector
    if actor is not None:
        code, what = actor.code, actor.name
        if actor.kind == "igo":
            sector = "IGO"
        elif actor.kind in ("armed_group", "organization") and sector == "GOV":
            sector = actor.sector or sector
    elif government and focus.state is not None:
        code, what = focus.state, f"the government ({focus.why})"
    else:
        return
    ent.code, ent.sector, ent.role = code, ent.sector or sector, ent.role or office.term.role
    ent.why = f"{ent.why}; apposition: {office.term.term!r} of {what}"
