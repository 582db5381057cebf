"""A stopped attack: "the rebels are expected to *suspend all attacks*", "Togo *halted its offensive*",
"the deal will *halt the fighting*".

By the coding guide ("Retreats") stopping one's own attacks is a ceasefire (RETREAT ``ceasefire``; CONCEDE
where it is announced or agreed), and the attack so stopped is no attack of its own. The stopping words'
rows at the end of ``triggers.tsv`` (suspend, suspension, halt, stop, beside the older "cease" and
"cessation") read it so. A row's ``needs`` are met by any word of the trigger's frame, a prepositional
object too; ``stops_nothing`` keeps a row only where the attack noun is what the word stops, so that
"suspended its participation in the deal after a drone attack" stays a withdrawal told after an attack.
The nouns of a pause (end, pause, lull, halt, respite: "an end to the fighting", "a pause in hostilities")
follow the same rule, and stop nothing inside a phrase of time ("at the end of the fighting", "after a lull
in the shelling": the pause dates another act); "came to a halt" names no attack it stops (docs/events.md,
"Fifteenth round (third part): an end to the fighting").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .tables import TriggerRule

# Words whose ceasefire rows hold only where the stopped act is their object.
STOPPING = frozenset({"suspend", "suspension", "halt", "stop", "cease", "cessation",
                      "end", "pause", "lull", "respite"})
# The pause nouns, and the prepositions that make such a noun a time rather than an act.
PAUSES = frozenset({"end", "pause", "lull", "halt", "respite"})
TIME_PREPS = frozenset({"at", "after", "before", "until", "till", "since", "following", "by", "during", "upon",
                        "toward", "towards"})
# The prepositions by which a stopping noun names what it stops ("the cessation of hostilities").
STOPPED_BY = frozenset({"to", "of", "in", "on"})


def _stopped(token: Token) -> list[Token]:
    """The heads of what ``token`` stops: a verb's direct object (its subject when passive), a noun's
    "of/to/in/on" object, with their conjuncts."""
    heads = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    preps = [p for p in token.children if p.dep_ == "prep" and p.lower_ in STOPPED_BY]
    if token.lemma_.lower() in PAUSES and token.dep_ == "dobj":  # "put an end to", "bring a halt to"
        preps += [p for p in token.head.children if p.dep_ == "prep" and p.lower_ == "to"]
    heads += [o for p in preps for o in p.children if o.dep_ == "pobj"]
    return heads + [c for h in heads for c in h.conjuncts]


def _in_time_phrase(token: Token) -> bool:
    """Whether a pause noun is the object of a preposition of time ("at the end of", "after a lull in")."""
    return token.dep_ == "pobj" and token.head.lower_ in TIME_PREPS


def stopped_words(token: Token) -> set[str]:
    """For a pause noun, the lemmas of what it stops: a need of its rows may be the "to" object of the verb
    it is the object of ("put an end to the attacks"), which the noun's own frame does not hold."""
    if token.lemma_.lower() not in PAUSES:
        return set()
    return {h.lemma_.lower() for h in _stopped(token)}


def stopper(token: Token, triggers: dict[int, TriggerRule]) -> Token | None:
    """The stopping trigger whose stopped act ``token`` is ("a pause in the fighting", "put an end to the
    attacks"): the attack is what it stops, no attack of its own. Only a pobj (or its conjunct) is looked
    at; a verb's direct object is absorbed as any object is."""
    first = token.head if token.dep_ == "conj" and token.head.i != token.i else token
    if first.dep_ != "pobj" or first.head.lower_ not in STOPPED_BY:
        return None
    holder = first.head.head
    for word in (holder, *(c for c in holder.children if c.dep_ == "dobj")):
        rule = triggers.get(word.i)
        if rule is not None and rule.mode == "ceasefire" and rule.lemma in STOPPING \
                and any(h.i == token.i for h in _stopped(word)):
            return word
    return None


def stops_nothing(token: Token, rule: TriggerRule) -> bool:
    """Whether a stopping word's ceasefire row matched on a word that is not what the word stops:
    no need is the head, or a compound of the head, of what ``_stopped`` finds."""
    if rule.mode != "ceasefire" or rule.lemma not in STOPPING:
        return False
    if rule.lemma in PAUSES and _in_time_phrase(token):
        return True
    words = {t.lemma_.lower() for h in _stopped(token)
             for t in (h, *(c for c in h.children if c.dep_ == "compound"))}
    return not any(need in words for need in rule.needs)
