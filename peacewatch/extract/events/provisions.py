"""One CONCEDE per agreed retreat (coding guide, "Which events": one event per act; "Retreats": agreed,
not yet carried out retreats are CONCEDE ``future``, and an agreed deal is coded per provision).

"Kenya pledged to withdraw its troops and release the detainees" and "the two sides agreed on a
ceasefire and an exchange of prisoners" each tell two agreed retreats under one word of agreeing. The
trigger nesting (``triggers.find``) makes the agreeing word one event whose inner actions are both
retreats, read CONCEDE for the first; each further retreat is its own CONCEDE, by the same parties,
under the same status and date, its trigger and count its own.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from ...types import Event
from .quantity import quantity
from .status import AGREED_RETREATS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .triggers import Found


def further_retreats(found: Found, event: Event) -> list[Event]:
    """A CONCEDE of its own for each agreed retreat after the first that ``event`` (an agreeing word read
    as CONCEDE) took in; none when it took in one, or is no such event."""
    if event.type != "CONCEDE" or found.rule.type != "AGREE":
        return []
    retreats = [a for a in found.actions() if a.rule.type == "RETREAT" and a.rule.mode in AGREED_RETREATS
                and _agreed_here(a.token, found.token)]
    return [dataclasses.replace(
        event, id="", trigger_span=_span(item.token),
        quantity=quantity(item.token, _objects(item.token)),
        why=f"{event.why}; one agreed retreat of several: '{item.token.text}' ({item.rule.why})",
    ) for item in retreats[1:]]


def _agreed_here(item: Token, agreeing: Token) -> bool:
    """Whether a retreat is one the agreeing word itself governs: not a noun naming a kind of text ("ceasefire
    agreements"), nor one in a clause with a subject of its own ("truces were agreed, but both sides
    violated ceasefire agreements")."""
    if item.dep_ == "compound":
        return False
    current = item
    while current.i != agreeing.i and current.head.i != current.i:
        current = current.head
        if current.i != agreeing.i and current.pos_ in ("VERB", "AUX") and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in current.children):
            return False
    return current.i == agreeing.i


def _span(token: Token) -> tuple[int, int]:
    return token.idx, token.idx + len(token.text)


def _objects(token: Token) -> list[Token]:
    """The heads a retreat's count may sit on: its object, or the "of" phrase of a retreat noun."""
    return [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")] + [
        g for c in token.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
