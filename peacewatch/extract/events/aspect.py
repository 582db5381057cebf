"""The partial aspect of an act: words that tell it as a part of a larger one, or as only begun ("handed
over a first batch of heavy weapons", "released some of the prisoners", "partially withdrew", "began
withdrawing"). The ledger reads it: such an act keeps a promise in part, never whole
(``resolve/implementation``).

Three shapes, each from ``data/events/words.tsv``:

- the act's object is a part noun (``partial_noun``: round, batch, part, some, …) or has a first
  or initial before it ("handed over a first round of heavy weapons", "released part of the prisoners",
  "freed the first detainees");
- an adverb or adjective on the act (``partial_adverb``: partially, partly, "a partial withdrawal");
- the act is the complement or subject of a verb of beginning, or the "of" phrase of such a noun
  (``partial_begin``: "began handing over", "started to withdraw", "the start of the withdrawal"),
  ``begun``, which also lets a handover told as begun be read at all (``matching.handover``).

A stage noun ("the first phase of the withdrawal", "the third phase of the exchange") was measured and
left out (docs/ledger.md, "Twelfth round: partial implementation"): a phase of a swap is itself a swap.

Only a retreat has the aspect (``TYPES``). An agreement's stage is not a part of an act: the deal and
truce nouns (``partial_whole``: "the first phase of the ceasefire") have no partial aspect.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .tables import words

if TYPE_CHECKING:
    from spacy.tokens import Token

FIRST = frozenset({"first", "initial", "second", "third"})
# the types a part of can keep a promise in part: handovers, releases, withdrawals, disarmament (a
# "first round of talks" held is talks held, a "second wave of strikes" no promise's act)
TYPES = frozenset({"RETREAT"})


def partial(token: Token, event_type: str, objects: list[Token]) -> str | None:
    """The words that tell an act as a part or a start (see the module docstring), else None."""
    lemma = token.lemma_.lower()
    if event_type not in TYPES or lemma in words("partial_whole"):
        return None
    for obj in objects:
        if obj.lemma_.lower() in words("partial_noun"):
            return _phrase(obj)
        if any(c.dep_ in ("amod", "advmod") and c.lower_ in FIRST for c in obj.children):
            return _phrase(obj)
    for child in token.children:
        if child.dep_ in ("advmod", "amod") and child.lemma_.lower() in words("partial_adverb"):
            return child.lower_
    return begun(token)


def begun(token: Token) -> str | None:
    """The words that tell an act as begun (``partial_begin``): its verb of beginning, when the act is
    that verb's complement, object or subject ("began handing over", "started to withdraw", "began the
    withdrawal", "the withdrawal began on Monday"), or the "of" phrase of such a noun ("the start of the
    withdrawal", "the start of handing over heavy weapons"). None otherwise."""
    head = token.head
    if head.i == token.i:
        return None
    begin = words("partial_begin")
    if token.dep_ in ("xcomp", "dobj", "nsubj") and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in begin:
        return f"{head.lower_} {token.lower_}" if token.i > head.i else f"{token.lower_} {head.lower_}"
    if token.dep_ in ("pobj", "pcomp") and head.lower_ == "of" and head.head.i != head.i:
        noun = head.head
        if noun.pos_ in ("NOUN", "PROPN") and noun.lemma_.lower() in begin:
            return f"{noun.lower_} of {token.lower_}"
    return None


def _phrase(noun: Token) -> str:
    """A part noun with the words before it in its phrase ("a first round")."""
    left = [c for c in noun.lefts if c.dep_ in ("amod", "advmod", "nummod", "det", "quantmod")]
    start = min([c.i for c in left] + [noun.i])
    return noun.doc[start:noun.i + 1].text.lower()
