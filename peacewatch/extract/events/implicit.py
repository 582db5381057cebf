"""PLOVER's implicit recipient: the actor's own country for a domestic act with no named target.

PLOVER coders give "Turkish police prevented the demonstration" the recipient TUR (the police act
on their own country's people) but "Jordan and Britain agreed to hold exercises" none (a joint act
has no other party). Which kinds of event read which way is the data table
``implicit_recipient.tsv``; this module applies its first matching row to an event that has no
coded recipient. A recipient added this way is marked ``implicit`` (entity ``None``, empty text),
and the event's ``why`` names the row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...types import Argument
from .tables import ImplicitRule, implicit_rules, words

if TYPE_CHECKING:
    from spacy.tokens import Token

# Dependencies that lead out of the trigger's own phrase into another clause.
CLAUSE_DEPS = ("advcl", "relcl", "ccomp", "conj", "parataxis", "acl", "xcomp", "csubj", "punct")


def frame_lemmas(triggers: list[Token]) -> frozenset[str]:
    """The lemmas of the triggers' own phrases: the words, objects and modifiers, not other clauses
    ("lifted the sanctions" → lift, the, sanction)."""
    out: set[str] = set()
    stack = list(triggers)
    while stack:
        tok = stack.pop()
        out.add(tok.lemma_.lower())
        stack.extend(c for c in tok.children if c.dep_ not in CLAUSE_DEPS)
    return frozenset(out)


def matching_rule(event_type: str, mode: str | None, actors: list[Argument],
                  lemmas: frozenset[str]) -> ImplicitRule | None:
    """The first row of ``implicit_recipient.tsv`` that matches the event, if any."""
    sectors = {a.sector for a in actors if a.code}
    for rule in implicit_rules():
        if rule.type != event_type:
            continue
        if rule.modes is not None and (mode or "-") not in rule.modes:
            continue
        if rule.actor_sectors is not None and not rule.actor_sectors & sectors:
            continue
        if rule.words is not None and not rule.words & lemmas:
            continue
        return rule
    return None


def own_country(actors: list[Argument]) -> str | None:
    """The one state all actors are coded with, if there is one (not an IGO, not several states)."""
    codes = {a.code for a in actors}
    if len(codes) != 1 or None in codes:
        return None
    code = next(iter(codes))
    return None if code is None or code in words("nonstate_code") else code


def implicit_recipients(event_type: str, mode: str | None, actors: list[Argument],
                        recipients: list[Argument], lemmas: frozenset[str],
                        why: list[str]) -> list[Argument]:
    """The recipients after the implicit-recipient convention (``why`` gets the deciding row).

    A coded recipient is never replaced. With none, a matching ``own`` row gives the actor's own
    country: as an implicit argument when the text names no recipient, as the code of a recipient
    the text names but the actors component could not code ("accepted demands from rebels")."""
    if any(r.code for r in recipients):
        return recipients
    rule = matching_rule(event_type, mode, actors, lemmas)
    code = own_country(actors) if rule is not None and rule.own else None
    if rule is None or code is None:
        return recipients
    if recipients:
        why.append(f"uncoded recipient is the actor's own country {code} ({rule.why}: {rule.reading})")
        return [Argument(r.entity, code, r.sector, r.text) for r in recipients]
    why.append(f"implicit recipient: the actor's own country {code} ({rule.why}: {rule.reading})")
    return [Argument(None, code, rule.sector, "", implicit=True)]
