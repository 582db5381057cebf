"""The words that govern an event: wrappers and the chain of them above a trigger.

A wrapper is a word that makes another event its content ("agreed to withdraw", "ready to talk",
"call for a ceasefire", "the deal provides for the release"): ``wrapper_role`` names its role (its
``wrap:`` list in ``words.tsv``, or ``provision`` for an agreed text's verb), ``governor`` finds the
wrapper above a token (through clauses, objects, "about" prepositions, lists and verbs of doing) and
``wrapper_chain`` the wrappers above a trigger, innermost first. ``triggers.find`` nests events by
them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .matching import coarse_pos, is_provision
from .tables import words, wrapper_roles

if TYPE_CHECKING:
    from spacy.tokens import Token

# Dependencies through which a noun trigger is the thing another trigger acts on.
OBJECT_DEPS = ("dobj", "nsubjpass", "attr")
# Prepositions that introduce what an agreement, demand or talk is about.
ABOUT_PREPS = ("on", "to", "for", "upon", "over", "about", "of")
LISTING_PREPS = ("including", "like")  # "concessions including the release of prisoners"


def is_infinitive(token: Token) -> bool:
    """A to-infinitive the parser attached as an adverbial clause ("sworn to fight")."""
    return token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def wrapper_role(token: Token) -> str | None:
    """The role of a word that governs another event: ``provision`` for an agreed text's verb
    (``is_provision``), else its ``wrap:`` list in ``words.tsv`` (``target`` for nouns only), else None."""
    if is_provision(token):
        return "provision"
    role = wrapper_roles().get(token.lemma_.lower())
    if role == "target" and coarse_pos(token) != "NOUN":
        return None  # "targeted the convoy" is an attack, not a deadline
    if role == "request" and is_phone_call(token):
        return None  # "called Erdogan to discuss Syria" tells a call and its purpose, not a demand
    return role


def is_phone_call(token: Token) -> bool:
    """"X called Y (on Friday) to discuss …": a verb of ``phone_call`` in ``words.tsv`` with a named party as
    its object, not followed by "on", "upon" or "for" (a demand: "called on Y to …"), is a call placed to Y
    (coding guide, "Talks": a phone call, the caller is the actor). What the call is for is read as its own
    act ("to discuss", "to congratulate"), not as a demand."""
    if token.lemma_.lower() not in words("phone_call") or coarse_pos(token) != "VERB":
        return False
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else token
    if following.lower_ in ("on", "upon", "for"):
        return False  # "on Friday" later in the clause is the call's day
    return any(c.dep_ in ("dobj", "oprd") and c.pos_ == "PROPN" for c in token.children)


def governor(token: Token) -> Token | None:
    """The wrapper word that governs ``token`` ("agreed to X", "ready to X", "call for X")."""
    roles = wrapper_roles()
    head = token.head
    if head.i == token.i:
        return None
    if token.dep_ in ("xcomp", "ccomp", "acl") or token.dep_ in OBJECT_DEPS or is_infinitive(token):
        if wrapper_role(head) is not None:
            return head
        # "it was possible to sign": the adjective is a sibling under the copula; "reiterated its
        # demand today that Israel ease…": the clause hangs on the verb, the wrapper is its object.
        for sib in head.children:
            if sib.dep_ == "acomp" and sib.lemma_.lower() in roles and token.dep_ == "xcomp":
                return sib
            if sib.dep_ == "dobj" and sib.lemma_.lower() in roles and token.dep_ == "ccomp":
                return sib
    if token.dep_ in ("pobj", "pcomp") and head.dep_ == "prep" and head.lower_ in ABOUT_PREPS:
        if wrapper_role(head.head) is not None:
            return head.head
    if coarse_pos(token) == "NOUN" and (listed := _listed_under(token)) is not None:
        return governor(listed)
    if token.dep_ == "dobj" and coarse_pos(token) == "NOUN" and head.lemma_.lower() in words("perform"):
        return governor(head)  # "expected to launch attacks": the verb of doing carries the noun act
    return None


def _listed_under(token: Token) -> Token | None:
    """The noun a noun is listed with or under ("guarantees and a withdrawal", "concessions, including the
    release of prisoners"): it shares that noun's wrapper; a release listed among demands is demanded."""
    head = token.head
    if token.dep_ in ("appos", "dep") and (previous := _list_before(token)) is not None:
        return previous
    if token.dep_ in ("conj", "appos") and coarse_pos(head) == "NOUN":
        return head
    if token.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in LISTING_PREPS \
            and coarse_pos(head.head) == "NOUN":
        return head.head
    return None


def _list_before(token: Token) -> Token | None:
    """The item before an appositive the parser hung on the subject across the verb ("the deal provides for
    a ceasefire, the release of prisoners and …": "release" made an appositive of "deal"), or a loose
    dependent it hung on the verb ("agreed to a ceasefire, the release of prisoners and …"): the noun
    phrase before the comma ("a ceasefire"), with which it is listed."""
    if token.dep_ == "dep":  # "agreed to a ceasefire, the release of …": "release" hung on the verb
        head = verb = token.head
        if coarse_pos(verb) != "VERB" or not verb.i < token.i or token.left_edge.i < 1:
            return None
    else:
        head, verb = token.head, token.head.head
        if not head.i < verb.i < token.i or token.left_edge.i < 1:
            return None
    comma = token.doc[token.left_edge.i - 1]
    if comma.text != "," or comma.i - 1 <= verb.i:
        return None
    item = token.doc[comma.i - 1]
    while item.dep_ == "pobj" and item.head.dep_ == "prep" and item.head.head.i > verb.i \
            and coarse_pos(item.head.head) == "NOUN":
        item = item.head.head  # "the release of all prisoners": the item is "release"
    return item if coarse_pos(item) == "NOUN" and item.i > verb.i else None


def wrapper_chain(token: Token) -> list[Token]:
    """Wrappers above ``token``, innermost first (at most three)."""
    chain: list[Token] = []
    current = token
    while len(chain) < 3:
        up = governor(current)
        if up is None or up in chain:
            break
        chain.append(up)
        current = up
    return chain
