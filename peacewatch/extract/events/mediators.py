"""Who an article names as mediator, facilitator, guarantor or host of a peace process.

The coding guide codes a mediator as actor only of its own acts (mediating, hosting, proposing):
an actorless truce or fight ("the truce collapsed") is the parties' act, never the mediator's,
however recently the text named it. ``mediators`` reads the whole article once for the entities it
names in that role: "brokered/mediated/hosted by X", "the X-brokered deal", "X, the mediator",
"the Saudi and US mediators", "the mediation of X", "X acted as guarantor", "X hosted the talks",
"mediator Qatar said", and the seat of talks in apposition ("Cuba, headquarters of the talks", "Cairo,
the venue of the negotiations"; a seat noun names a host only with talks in its "of" phrase: "the UN
headquarters" names none).
``named_by_mediator`` reads talks a noun names by their mediator alone ("the Saudi and US-sponsored
talks") as the parties' talks, the mediator their recipient; ``mediator_receives`` gives the parties'
own talks ("Kenya and Uganda held talks"), told with no one receiving them, the article's mediator as
recipient.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...types import Argument, Event
from .arguments import dedupe
from .matching import coarse_pos
from .tables import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .arguments import Index
    from .triggers import Found

# The statuses of talks that were held: only those had a table the mediator sat at.
HELD = ("occurred", "historical")
# Dependents of a mediating verb or participle that name the mediator ("brokered by X", "the
# X-brokered deal", "X mediated").
VERB_DEPS = ("nsubj", "npadvmod", "compound", "nmod")
# A talks noun's modifiers that may name the talks by their mediator ("the Washington talks").
MODIFIER_DEPS = ("amod", "compound", "nmod")
# Dependents of a mediator noun that name it ("the Saudi mediators", "Qatar's mediation").
NOUN_DEPS = ("amod", "compound", "poss", "nmod")


def mediators(doc: Doc, index: Index) -> set[str]:
    """Entity ids the article names in a mediating role."""
    lemmas = words("mediator") | words("host")
    seats = words("talks_seat")
    out: set[str] = set()
    for token in doc:
        lemma = token.lemma_.lower()
        if lemma in lemmas or (lemma in seats and _of_talks(token)):
            for named in _named(token):
                arg = index.argument(named)
                if arg is not None and arg.entity:
                    out.add(arg.entity)
    return out


def named_by_mediator(event: Event, found: Found, index: Index, third: set[str]
                      ) -> tuple[list[Argument], list[Argument], str | None, str | None] | None:
    """Talks a noun names by their mediator alone ("the Washington talks" where the US mediates, "the
    Saudi and US-sponsored talks"): the parties talk, the mediator receives (coding guide, "Talks"; and
    "Places are not actors"). The mediators become the event's recipients and its actors are emptied,
    for the sides last named to be taken as any actorless event's are; returned is the event as it was
    (actors, recipients, mode, why), to be put back when no side is named. A talks verb ("Qatar met the
    parties") and a mediation row ("the mediation of Qatar") are the mediator's own acts: left alone."""
    if found.rule.type != "CONSULT" or found.rule.mode is not None or coarse_pos(found.token) == "VERB":
        return None
    mediating = (third | _sponsors(found.token, index)) & _modifying(found.token, index)
    if not event.actor or any(a.entity is None or a.entity not in mediating for a in event.actor):
        return None
    before = (event.actor, event.recipient, event.mode, event.why)
    event.recipient = dedupe(event.actor + event.recipient)
    event.actor = []
    if event.type == "CONSULT":
        event.mode = "third-party"
    event.why = f"{event.why}; named by its mediator alone: the mediator receives, the sides talk"
    return before


def mediator_receives(event: Event, token: Token, index: Index, third: set[str]) -> bool:
    """The parties' talks in an article that names their mediator or host: two or more parties talking
    ("Kenya and Uganda held talks", "the DRC and the M23 have restarted peace talks"), told with no one
    receiving them and no mode, are the talks the mediator holds them in (coding guide, "Talks": hosted
    or mediated talks are mode ``third-party``, the host or mediator the recipient). Every mediator the
    article names that is none of the talkers' countries receives. Talks one party holds with another,
    or with the mediator ("Qatar and Egypt held talks", where Qatar mediates), are left alone, as are a
    visit, talks that name whom they are held with, and talks told as held without a go-between
    ("direct talks", "talked directly", "bilateral talks": ``unmediated`` in ``words.tsv``). True when
    the event was changed. Only talks that were held: talks to come, refused or not held had no table a
    mediator sat at, and a promise of talks is kept by any talks of its parties."""
    if event.type != "CONSULT" or event.mode is not None or event.recipient or event.status not in HELD:
        return False
    if not third or _unmediated(token):
        return False
    sides = [a for a in event.actor if a.entity]
    if len(sides) < 2 or any(a.entity in third for a in sides):
        return False
    codes = {a.code for a in event.actor}
    named = [e for key in sorted(third)
             if (e := index.entities.get(key)) is not None and e.code and e.code not in codes]
    if not named:
        return False
    # implicit: the sentence names no one receiving them (the ledger merges them as told, ``resolve.reports``)
    event.recipient = [Argument(e.id, e.code, e.sector, e.name, implicit=True) for e in named]
    event.mode = "third-party"
    hosts = " and ".join(e.name for e in named)
    event.why = f"{event.why}; the parties' talks, the article's mediator ({hosts}) receiving"
    return True


def _unmediated(token: Token) -> bool:
    """Talks their own words tell as held between the parties alone ("direct peace talks", "to talk
    directly", "bilateral talks")."""
    unmediated = words("unmediated")
    return any(c.dep_ in ("amod", "advmod") and c.lemma_.lower() in unmediated for c in token.children)


def _of_talks(token: Token) -> bool:
    """A seat noun whose "of" phrase names talks ("headquarters of the talks", "the venue of the round")."""
    talks = words("talks_noun")
    return any(g.dep_ == "pobj" and g.lemma_.lower() in talks
               for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children)


def _modifying(token: Token, index: Index) -> set[str]:
    """Entities named by the talks noun's own modifiers ("the Washington talks", "the Qatari talks"), not
    by a possessor or the clause around it ("Qatar's talks with Egypt", "Qatar held talks": its own)."""
    return {arg.entity for mod in token.children if mod.dep_ in MODIFIER_DEPS
            for w in (mod, *mod.conjuncts) if (arg := index.argument(w)) is not None and arg.entity}


def _sponsors(token: Token, index: Index) -> set[str]:
    """Entities a talks noun names beside a mediating participle they are coordinated with ("the Saudi and
    US-sponsored talks": Saudi Arabia sponsors them too, though only "US" hangs on "sponsored"). The parser
    makes "sponsored" the conjunct of "Saudi", or leaves "Saudi" with a bare "and" beside it."""
    mediating = words("mediator")
    modifiers = [m for m in token.children if m.dep_ in MODIFIER_DEPS]
    if not any(w.lemma_.lower() in mediating for m in modifiers for w in (m, *m.conjuncts)):
        return set()
    return {arg.entity for mod in modifiers if any(c.dep_ in ("cc", "conj") for c in mod.children)
            and (arg := index.argument(mod)) is not None and arg.entity}


def _named(token: Token) -> list[Token]:
    """The tokens a mediator word names as the mediator, with what they are coordinated with."""
    found: list[Token] = []
    if token.pos_ in ("VERB", "AUX") or token.tag_ == "VBN":
        for child in token.children:
            if child.dep_ == "agent":
                found.extend(g for g in child.children if g.dep_ == "pobj")
            elif child.dep_ in VERB_DEPS:
                found.append(child)
    else:
        found.extend(c for c in token.children if c.dep_ in NOUN_DEPS)
        found.extend(g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj")
        head = token.head
        if token.dep_ in ("appos", "compound"):  # "Qatar, the mediator"; "mediator Qatar said"
            found.append(head)
        elif token.dep_ == "pobj" and head.lower_ == "as":  # "Egypt acted as guarantor"
            found.extend(c for c in head.head.children if c.dep_ == "nsubj")
        elif token.dep_ == "attr":  # "Qatar is the mediator"
            found.extend(c for c in head.children if c.dep_ == "nsubj")
    return _with_conjuncts(found)


def _with_conjuncts(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    stack = list(tokens)
    while stack:
        tok = stack.pop()
        if all(o.i != tok.i for o in out):
            out.append(tok)
            stack.extend(c for c in tok.children if c.dep_ == "conj")
    return out
