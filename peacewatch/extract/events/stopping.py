"""A stopped attack: "the rebels are expected to *suspend all attacks*", "Togo *halted its offensive*",
"the deal will *halt the fighting*".

By the coding guide ("Retreats") stopping one's own attacks is a ceasefire (RETREAT ``ceasefire``; CONCEDE
where it is announced or agreed), and the attack so stopped is no attack of its own. The stopping words'
rows at the end of ``triggers.tsv`` (suspend, suspension, halt, stop, beside the older "cease" and
"cessation") read it so. A row's ``needs`` are met by any word of the trigger's frame, a prepositional
object too; ``stops_nothing`` keeps a row only where the attack noun is what the word stops, so that
"suspended its participation in the deal after a drone attack" stays a withdrawal told after an attack.
Measured and left out: the noun "end" and "pause" (docs/events.md, "Fifteenth round: acts in whole
articles").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .tables import TriggerRule

# Words whose ceasefire rows hold only where the stopped act is their object.
STOPPING = frozenset({"suspend", "suspension", "halt", "stop", "cease", "cessation"})
# The prepositions by which a stopping noun names what it stops ("the cessation of hostilities").
STOPPED_BY = frozenset({"to", "of", "in", "on"})


def _stopped(token: Token) -> list[Token]:
    """The heads of what ``token`` stops: a verb's direct object (its subject when passive), a noun's
    "of/to/in/on" object, with their conjuncts."""
    heads = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    heads += [o for p in token.children if p.dep_ == "prep" and p.lower_ in STOPPED_BY
              for o in p.children if o.dep_ == "pobj"]
    return heads + [c for h in heads for c in h.conjuncts]


def stops_nothing(token: Token, rule: TriggerRule) -> bool:
    """Whether a stopping word's ceasefire row matched on a word that is not what the word stops:
    no need is the head, or a compound of the head, of what ``_stopped`` finds."""
    if rule.mode != "ceasefire" or rule.lemma not in STOPPING:
        return False
    words = {t.lemma_.lower() for h in _stopped(token)
             for t in (h, *(c for c in h.children if c.dep_ == "compound"))}
    return not any(need in words for need in rule.needs)
