"""An act told as agreed by a participle on its own noun: "after five months of humanitarian truce agreed
between the parties", "the prisoner exchange agreed by the two sides in March".

The event rules read two events there: the act's noun (a truce in force, an exchange that took place) and
the agreeing participle (an AGREE that happened, about nothing it governs: the act is the word it
modifies, not its object). So no promise was read, though the sentence says the parties undertook the
act. An AGREE that happened (or is historical) whose trigger is a participle of agreeing (``AGREEING``)
on the trigger of an act a deal provides for is a promise of that act (``extract/commitments.py``
``_agreed_participle``): bound on the parties the participle names ("between X and Y", "by X"), else on
the agreement's own bindable arguments (the sides it carried over); made when it was agreed, and no later
than the act it provided for began (an agreement comes before the truce it sets up: "five months of truce
agreed", told after fighting in August, was agreed five months before, not in August).

The parser may hang the participle on the noun (``acl``) or read it as a verb of its own right after the
noun ("the exchange agreed by ...": the noun its subject); either way it has no object, no clause and no
"to" of its own: "the ceasefire reached its third day" and "the truce agreed to hold" agree no act.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..timespan import interval
from ..types import Event
from .events import promise
from .events.dating import is_later

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..contract import Annotation

AGREEING = frozenset({"agree", "sign", "broker", "reach", "strike", "negotiate", "mediate", "seal", "conclude"})
HAPPENED = ("occurred", "historical")
PARTY_PREPS = frozenset({"between", "by", "with", "among"})
OWN_OBJECTS = ("dobj", "nsubjpass", "xcomp")


def agreed_act(ann: Annotation, event: Event, kinds: tuple[str, ...]) -> Event | None:
    """The event of the act ``event`` (an AGREE that happened) agrees as a participle on its noun, when the
    act is of ``kinds`` and not negated; else None."""
    if ann.doc is None or event.type != "AGREE" or event.status not in HAPPENED:
        return None
    token = promise.trigger_token(ann.doc, event)
    if token is None or token.lemma_.lower() not in AGREEING or token.tag_ not in ("VBN", "VBD") \
            or any(c.dep_ in OWN_OBJECTS or c.lower_ == "to" for c in token.children):
        return None
    for other in ann.result.events:
        if other.id != event.id and other.type in kinds and other.status != "negated":
            head = promise.trigger_token(ann.doc, other)
            if head is not None and _modifies(token, head):
                return other
    return None


def _modifies(token: Token, noun: Token) -> bool:
    """Whether a participle modifies an act's noun: the parser hangs it on the noun, or it follows the
    noun at once ("a truce agreed between the parties", which the parser may read as a verb of its own)."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    return (token.dep_ == "acl" and token.head.i == noun.i) or token.i == noun.i + 1


def agreed_parties(ann: Annotation, event: Event) -> list[str]:
    """The bindable parties of an act agreed by a participle: those its "between", "by", "with" phrase
    names, else the agreement's own bindable actors and recipients."""
    if ann.doc is None:
        return []
    entities = {e.id: e for e in ann.result.entities}
    token = promise.trigger_token(ann.doc, event)
    named: list[str] = []
    preps = [c for c in token.children if c.dep_ in ("prep", "agent") and c.lower_ in PARTY_PREPS] \
        if token is not None else []
    for prep in preps:
        named += [i for i in promise.named_by(prep, ann.result.mentions, entities) if i not in named]
    return named or promise.bindable(event.actor + event.recipient, entities)


def agreed_made(event: Event, act: Event) -> str | None:
    """The day an act agreed by a participle was agreed: the agreement's date, unless the act it provided
    for is dated before it (then the act's: no later than the act began)."""
    span = interval(act.date)
    if act.date and span is not None and (not event.date or is_later(event.date, span.start)):
        return act.date
    return event.date
