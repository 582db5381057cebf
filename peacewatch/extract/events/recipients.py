"""Whom an act is aimed at: the places of the parse a recipient is read from, each named.

``arguments`` reads a noun phrase as arguments; this module says which phrases of a trigger are its
targets. Each finder returns a ``Targets``: the arguments and where they came from (``source``:
``object``, a preposition such as ``to`` or ``with``, ``inner``, ``clause``, ``condition``,
``nearest``), so that an event's ``why`` can name it and ``eval docs`` can count its disagreements by
source (``evaluate/docs_recipients.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...types import Argument
from .arguments import Index, dedupe, noun_actors, phrase, pobjs, subject
from .matching import coarse_pos
from .places import PLACE_PREPS
from .tables import words

if TYPE_CHECKING:
    from spacy.tokens import Token

RECIPIENT_PREPS = ("to", "with", "against", "on", "from", "for", "toward", "towards", "into")
# The "by" phrase of the object names whose it is: "rejected a proposal by Togo", "welcomed the decision
# by the AU", "condemned an attack by Togolese troops" (the act is aimed at its author).
AUTHOR_PREPS = ("by",)
# Obliques of the verb itself that name what an act is about ("complained over Israeli raids").
ABOUT_PREPS = ("over", "about")


@dataclass
class Targets:
    """Recipients found one way, and which way (``source``; empty when none were found)."""

    args: list[Argument] = field(default_factory=list)
    source: str = ""

    def __bool__(self) -> bool:
        return bool(self.args)


def recipients_of(index: Index, verb: Token, skip: tuple[str, ...] = ()) -> Targets:
    """Objects and to/with/against obliques of a verb (or of its direct object); ``skip`` names
    prepositions that introduce an audience rather than a target ("complained to the UN")."""
    out: list[Argument] = []
    sources: list[str] = []
    for child in verb.children:
        found: list[tuple[str, list[Argument]]] = []
        if child.dep_ in ("dobj", "dative", "iobj", "nsubjpass"):
            found.append(("object", phrase(index, child, fallback=False)))
            found.extend((f"object {g.lower_}", pobjs(index, g)) for g in child.children
                         if g.dep_ in ("prep", "agent") and g.lower_ in RECIPIENT_PREPS + AUTHOR_PREPS)
        elif child.dep_ == "prep" and child.lower_ in RECIPIENT_PREPS + ABOUT_PREPS and child.lower_ not in skip:
            found.append((child.lower_, pobjs(index, child)))
        elif child.dep_ == "prt":
            found.extend((p.lower_, pobjs(index, p)) for p in child.children if p.dep_ == "prep")
        for source, args in found:
            if args:
                out.extend(args)
                sources.append(source)
    return Targets(dedupe(out), _joined(sources))


def _joined(sources: list[str]) -> str:
    return "+".join(dict.fromkeys(sources))


# Types whose place is a venue, not a party (coding guide: places are not actors unless they
# host): "talks held in Istanbul", "inked a deal in Washington" have no Turkish or US recipient.
VENUE_TYPES = ("CONSULT", "AGREE", "SUPPORT", "COOPERATE")


def inner_recipients(index: Index, inner: Token) -> Targets:
    """The recipients of an inner action ("agreed to lift the embargoes on Iran and Libya")."""
    if coarse_pos(inner) != "VERB":
        return Targets(noun_actors(index, inner)[1], "inner noun")
    if inner.dep_ in ("ccomp", "acl"):  # "demanded that Israel ease", "its demand that Israel ease"
        subj = subject(inner)
        if subj is not None and (found := phrase(index, subj)):
            return Targets(found, "inner subject")
    found_of = recipients_of(index, inner)
    return Targets(found_of.args, f"inner {found_of.source}")


def clause_recipients(index: Index, token: Token) -> Targets:
    """Recipients of the clause a trigger governs: "demanded that the US cancel", "offered to
    hand over to Britain"."""
    for child in token.children:
        if child.dep_ not in ("ccomp", "xcomp") or coarse_pos(child) != "VERB":
            continue
        if child.dep_ == "ccomp" and (subj := subject(child)) is not None:
            found = phrase(index, subj, fallback=False)
            if found:
                return Targets(found, "clause subject")
        targets = recipients_of(index, child)
        if targets:
            return Targets(targets.args, f"clause {targets.source}")
    return Targets()


# Dependents not searched for a recipient: the actor's side and other clauses.
NOT_RECIPIENT_DEPS = ("nsubj", "nsubjpass", "csubj", "agent", "punct", "advcl", "relcl", "ccomp",
                      "parataxis", "conj", "cc", "mark", "appos")


# Below the first level, other clauses are still out; a party farther than this is unrelated.
NOT_BELOW_DEPS = ("punct", "relcl", "appos", "advcl", "ccomp", "parataxis")
MAX_PARTY_DEPTH = 6


def nearest_party(index: Index, trigger: Token, actors: list[Argument], *, venue: bool = False) -> Targets:
    """The nearest coded party below the trigger that is not an actor ("aid to refugees fleeing
    the war in Liberia", "calls by Belarus's rulers"): breadth first over objects and obliques.
    With ``venue`` (talks, agreements, signings), the place the act happened in is no party ("signed
    in Washington")."""
    taken = {a.code for a in actors if a.code}
    queue = [(c, 1) for c in trigger.children if c.dep_ not in NOT_RECIPIENT_DEPS]
    while queue:
        tok, depth = queue.pop(0)
        if venue and depth <= 2 and tok.dep_ == "prep" and tok.lower_ in PLACE_PREPS:
            continue  # where it happened (on the trigger or its object); deeper down a place can be
            # a party ("aid to refugees fleeing the war in Liberia")
        arg = index.argument(tok)
        if arg is not None and arg.code and arg.code not in taken and not is_outlet(arg):
            # "to Iran, Libya and Sudan": the coordinated parties come along
            found = [a for a in phrase(index, tok, fallback=False) if a.code and a.code not in taken] or [arg]
            return Targets(found, "nearest")
        if depth < MAX_PARTY_DEPTH:
            queue.extend((c, depth + 1) for c in tok.children if c.dep_ not in NOT_BELOW_DEPS)
    return Targets()


def is_outlet(arg: Argument) -> bool:
    """A news agency, an outlet or its staff (sector ``JRN``): a source or a photo credit the parser
    hung under the act ("opened fire on Monday, according to AFP"), never the party an act is aimed
    at found by nearness alone (the coding guide: outlets and credits are not entities). An outlet
    that is the object of the act ("attacked the offices of AFP") is still its recipient."""
    return arg.sector == "JRN"


def condition_parties(index: Index, trigger: Token) -> Targets:
    """The subject of an "if/unless" clause under the trigger: whom a conditional threat is aimed
    at ("threatened to stop the talks if the United States deploys the missiles")."""
    for tok in trigger.subtree:
        if tok.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in words("condition")
                                       for g in tok.children):
            subj = subject(tok)
            if subj is not None:
                return Targets(phrase(index, subj, fallback=False), "condition")
    return Targets()
