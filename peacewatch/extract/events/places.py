"""Where an event happened: the place a trigger's "in/at/near X" phrase names.

``location`` is the place mention of that phrase, as the event's location; ``place_arguments`` is the
coded state of that place, the party an act was directed at when the text names no other ("lifted the
curfew in Montenegro"). Who did what to whom is ``arguments``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .matching import coarse_pos

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ...types import Argument
    from .arguments import Index

LOCATION_LABELS = ("GPE", "LOC", "FAC")
PLACE_PREPS = ("in", "at", "near", "inside", "outside", "around")


def _place_hosts(trigger: Token) -> list[Token]:
    """The trigger, and for a noun trigger the verb it depends on ("remained on alert in X")."""
    hosts = [trigger]
    head = trigger.head
    if head.dep_ == "prep" and trigger.dep_ == "pobj":
        head = head.head
    if coarse_pos(trigger) == "NOUN" and coarse_pos(head) == "VERB" and head.i != trigger.i:
        hosts.append(head)
    if coarse_pos(trigger) == "VERB":  # "an attack near X killed …": the subject's place
        hosts.extend(c for c in trigger.children if c.dep_ == "nsubj" and coarse_pos(c) == "NOUN")
    return hosts


def place_arguments(index: Index, trigger: Token) -> list[Argument]:
    """The state of the place the event happened in ("lifted the curfew in Montenegro"), as the
    party it was directed at when the text names no other."""
    for child in (c for host in _place_hosts(trigger) for c in host.children):
        if child.dep_ != "prep" or child.lower_ not in PLACE_PREPS:
            continue
        for pobj in child.children:
            mention = index.mention(pobj)
            if pobj.dep_ == "pobj" and mention is not None and mention.label in LOCATION_LABELS:
                arg = index.argument(pobj)
                if arg is not None and arg.code:
                    return [arg]
    return []


def location(index: Index, trigger: Token, taken: set[str]) -> dict[str, Any] | None:
    """A place the trigger happened in/at, when a mention of a place names it ("in Kirkuk",
    "in the capital city of Algiers")."""
    for child in (c for host in _place_hosts(trigger) for c in host.children):
        if child.dep_ != "prep" or child.lower_ not in PLACE_PREPS:
            continue
        # "outside of the Iraqi city of Basra": the object may hang on a second preposition
        pobjs = [*child.children, *(g for c in child.children if c.dep_ == "prep" for g in c.children)]
        for pobj in pobjs:
            if pobj.dep_ != "pobj":
                continue
            for tok in _place_candidates(pobj):
                place = _place(index, tok, taken)
                if place is not None:
                    return place
    return None


def _place_candidates(pobj: Token) -> list[Token]:
    """A place object and the places it names with "of" ("the capital city of Algiers")."""
    out = [pobj]
    for c in pobj.children:
        if c.lower_ == "of":
            for g in c.children:
                out.extend([g, *(h for d in g.children if d.lower_ == "of" for h in d.children)])
    return out


def _place(index: Index, tok: Token, taken: set[str]) -> dict[str, Any] | None:
    mention = index.mention(tok)
    if mention is None or mention.label not in LOCATION_LABELS:
        return None
    entity = index.entities.get(mention.entity or "")
    if entity is not None and entity.id in taken:
        return None
    return {"name": mention.text, "code": entity.code if entity else None, "lat": None, "lon": None}
