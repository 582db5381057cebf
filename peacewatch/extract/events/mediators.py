"""Who an article names as mediator, facilitator, guarantor or host of a peace process.

The coding guide codes a mediator as actor only of its own acts (mediating, hosting, proposing):
an actorless truce or fight ("the truce collapsed") is the parties' act, never the mediator's,
however recently the text named it. ``mediators`` reads the whole article once for the entities it
names in that role: "brokered/mediated/hosted by X", "the X-brokered deal", "X, the mediator",
"the Saudi and US mediators", "the mediation of X", "X acted as guarantor", "X hosted the talks".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .tables import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .arguments import Index

# Dependents of a mediating verb or participle that name the mediator ("brokered by X", "the
# X-brokered deal", "X mediated").
VERB_DEPS = ("nsubj", "npadvmod", "compound", "nmod")
# Dependents of a mediator noun that name it ("the Saudi mediators", "Qatar's mediation").
NOUN_DEPS = ("amod", "compound", "poss", "nmod")


def mediators(doc: Doc, index: Index) -> set[str]:
    """Entity ids the article names in a mediating role."""
    lemmas = words("mediator") | words("host")
    out: set[str] = set()
    for token in doc:
        if token.lemma_.lower() in lemmas:
            for named in _named(token):
                arg = index.argument(named)
                if arg is not None and arg.entity:
                    out.add(arg.entity)
    return out


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
        if token.dep_ == "appos":  # "Qatar, the mediator"
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
