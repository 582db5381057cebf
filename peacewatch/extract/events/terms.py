"""Retreat nouns told as the terms of an agreed text, not as carried out: the noun an agreed text or its
part is named through ("the ceasefire deal", "the first phase of the truce"), a truce told by the terms it
sets out ("the truce includes the release of 33 prisoners") and an agreed or promised retreat told by a
participle ("the agreed withdrawal"). The status reading (``status``) makes each CONCEDE ``future``
(coding guide, "Retreats": agreed but not carried out retreats)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .matching import coarse_pos, is_provision
from .tables import trigger_rules, words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .triggers import Found

# Participles that tell a retreat noun as agreed, not done: "the agreed withdrawal", "the ceasefire
# agreed in Doha", "the promised release".
AGREED_PARTICIPLES = ("agree", "promise", "pledge", "announce")


def text_phrase(token: Token) -> Token:
    """The noun a retreat noun names an agreed text or its part through ("the ceasefire deal", "the
    first phase of the truce", "the truce's terms"), else the noun itself."""
    head = token.head
    if token.dep_ in ("compound", "poss") and coarse_pos(head) == "NOUN":
        return head
    if token.dep_ == "pobj" and head.lower_ == "of" and coarse_pos(head.head) == "NOUN" \
            and head.head.lemma_.lower() in words("provision_text"):
        return head.head
    return token


def agreed_participle(item: Found) -> Token | None:
    """The participle that tells a retreat noun as agreed or promised ("the agreed withdrawal", "the
    ceasefire agreed in Doha will take effect"), unless the noun is the subject of a past verb that
    tells it carried out ("the exchange agreed in Doha took place on Sunday")."""
    trig = item.token
    if coarse_pos(trig) != "NOUN":
        return None
    found = next((c for c in trig.children if c.dep_ in ("amod", "acl")
                  and c.lemma_.lower() in AGREED_PARTICIPLES), None)
    if found is None:
        return None
    head = trig.head
    if trig.dep_ in ("nsubj", "nsubjpass") and head.tag_ == "VBD" and not any(
            c.dep_ == "neg" for c in head.children):
        return None
    return found


def sets_out(item: Found) -> Token | None:
    """The provision verb a truce is the subject of, told in the present ("the truce includes the release
    of 33 prisoners", "the ceasefire deal calls for a withdrawal", "the first phase of the truce
    provides for …"): a ceasefire told by its terms is agreed, not one carried out."""
    trig = item.token
    if coarse_pos(trig) != "NOUN" or item.rule.mode != "ceasefire":
        return None
    phrase = text_phrase(trig)
    verb = phrase.head
    if phrase.dep_ != "nsubj" or not is_provision(verb) or verb.tag_ not in ("VBZ", "VBP"):
        return None
    return verb


def named_beside_text(item: Found) -> Token | None:
    """The agreed text a sentence names beside a ceasefire noun that is no subject ("the deal paves the way
    for a ceasefire", "signed an agreement, opening the way to a ceasefire"): the ceasefire is the one the
    text sets out, agreed and not yet carried out. A ceasefire that is the subject of its verb, or stands
    beside one ("the ceasefire took effect / has held", "the accord, a truce, took effect"), is told as
    happening, and one in the background of another act ("during the ceasefire") is no term of it: both
    stay as they are."""
    trig = item.token
    phrase = trig
    while phrase.dep_ in ("appos", "conj") and phrase.head.i != phrase.i:
        phrase = phrase.head  # "the Lindi accord, a truce signed in March, took effect": the accord's subject
    if item.rule.mode != "ceasefire" or coarse_pos(trig) != "NOUN" or item.background \
            or phrase.dep_ in ("nsubj", "nsubjpass"):
        return None
    rules = trigger_rules()
    texts = {w for w in words("provision_text") if not any(r.mode == "ceasefire" for r in rules.get(w, ()))}
    return next((t for t in trig.sent if t.i != trig.i and t.lemma_.lower() in texts), None)
