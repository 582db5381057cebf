"""The other half of an exchange of people (coding guide, "Exchanges": where the text gives each side's
numbers, one RETREAT ``release`` per direction with its quantity).

"Kenya will free 30 Ugandan soldiers in exchange for 50 Kenyan prisoners" tells two releases: Kenya's
of the soldiers, and the other side's of the prisoners. The trigger table reads the first (the verb);
the second has no verb of its own, only the people given in return ("in exchange for", "in return for",
or "for" after a verb of exchanging: "swapped 30 soldiers for 50 prisoners"). Its actor is whoever holds
them ("prisoners held by Kenya"), else the side the first release is made to, else the other of the two
sides the article last named together; its recipient the side that released first. A bare "exchanged
prisoners", or people given in return with no number ("in exchange for the hostages"), stays one event.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from ...types import Argument, Event
from . import arguments as args
from .matching import is_person
from .quantity import number

if TYPE_CHECKING:
    from spacy.tokens import Token

# "in exchange for", "in return for": the noun under "in" that brings the other half.
RETURN_NOUNS = ("exchange", "return")
# Verbs of exchanging whose own "for" phrase names what is given in return ("swapped X for Y").
SWAP_VERBS = ("exchange", "swap", "trade")
RELEASE_TYPES = ("RETREAT", "CONCEDE")
COUNT_NOUNS = ("hundred", "thousand", "dozen", "score")  # "hundreds of prisoners"


def given_in_return(trigger: Token) -> tuple[Token, Token] | None:
    """The people a release is made in return for, and the word that says so ("exchange" of "in
    exchange for"); None when the trigger tells no such exchange."""
    for prep in trigger.children:
        if prep.dep_ != "prep":
            continue
        if prep.lower_ == "in":
            for noun in prep.children:
                if noun.dep_ == "pobj" and noun.lemma_.lower() in RETURN_NOUNS \
                        and (people := _for_people(noun)) is not None:
                    return people, noun
        elif prep.lower_ == "for" and trigger.lemma_.lower() in SWAP_VERBS \
                and (people := _people(prep)) is not None:
            return people, prep
    return None


def _for_people(noun: Token) -> Token | None:
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "for" and (people := _people(prep)) is not None:
            return people
    return None


def _people(prep: Token) -> Token | None:
    """The pobj of a preposition when it names people by their number ("for 50 prisoners", "for hundreds
    of prisoners"), not an act or a thing; the guide splits an exchange only where each side's number is
    told."""
    for obj in prep.children:
        if obj.dep_ != "pobj":
            continue
        if is_person(obj) and _count(obj) is not None:
            return obj
        if obj.lemma_.lower() in COUNT_NOUNS:  # "hundreds of prisoners"
            for of in obj.children:
                if of.dep_ == "prep" and of.lower_ == "of":
                    return next((p for p in of.children if p.dep_ == "pobj" and is_person(p)), None)
    return None


def other_half(index: args.Index, event: Event, trigger: Token, mode: str | None) -> Event | None:
    """The release the other side makes in return for the one ``event`` tells (module docstring), or None
    when ``event`` is no release, names no exchange, or the other side cannot be told."""
    if event.type not in RELEASE_TYPES or mode != "release" or not event.actor:
        return None
    found = given_in_return(trigger)
    if found is None:
        return None
    people, word = found
    first = {a.code for a in event.actor if a.code}
    actors = (_holders(index, people) or [r for r in event.recipient if r.code and r.code not in first]
              or [a for a in index.last_group if a.code and a.code not in first])
    if not actors:
        return None
    taken = {a.code for a in actors}
    recipients = [a for a in event.actor if a.code and a.code not in taken]
    return dataclasses.replace(
        event, id="", actor=actors, recipient=recipients,
        trigger_span=(word.idx, word.idx + len(word.text)),
        quantity=_count(people),
        why=f"{event.why}; '{word.text} for {people.text}': the other side's release in return "
            f"(one release per direction)",
    )


def _holders(index: args.Index, people: Token) -> list[Argument]:
    """Who holds the people given in return ("50 prisoners held by Kenya")."""
    for clause in people.children:
        if clause.dep_ != "acl":
            continue
        for agent in clause.children:
            if agent.dep_ == "agent":
                for obj in agent.children:
                    if obj.dep_ == "pobj" and (found := [a for a in args.phrase(index, obj) if a.code]):
                        return found
    return []


def _count(people: Token) -> dict[str, object] | None:
    """The number of the people given in return, when a number token tells it."""
    for child in people.children:
        if child.dep_ == "nummod" and (value := number(child)) is not None:
            return {"value": value, "unit": "person"}
    return None
