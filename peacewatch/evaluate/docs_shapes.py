"""The shape of a false talks or agreement event (``CONSULT``, ``AGREE``): a count ``eval docs`` prints so that
a part never tuned on can be read by its aggregates (docs/events.md, "Ninth round", the precision follow-up).

The shape is read from the parse of the event's sentence and the article's other events, the first that
applies:

- ``twice``: another predicted event of its type, sharing an actor code, is matched in the article: one act
  told again (headline and body, a later "the talks"), which the guide codes once;
- ``background``: its trigger sits in an "after / before / during / since …" phrase or clause;
- ``text_of``: a noun in the "of" phrase of another noun ("the provisions of the agreement");
- a noun as ``subject``, ``object``, in another prepositional phrase (``in_prep``), or ``noun_other``;
- ``reported``: a verb under a verb of saying ("he said the parties agreed");
- ``verb_main`` (the sentence's root or its conjunct) or ``verb_sub`` (any other clause).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..extract.events.tables import words
from ..types import Event

SHAPE_TYPES = ("AGREE", "CONSULT")
SHAPES = ("twice", "background", "text_of", "subject", "object", "in_prep", "noun_other",
          "reported", "verb_main", "verb_sub")
BACKGROUND = ("after", "before", "during", "since", "following", "until", "amid")


def false_shape(event: Event, text: str, parse: Callable[[str], Any], twice: bool) -> str:
    """The shape of one false event (module docstring); ``twice`` when the article's matched events
    already hold its act."""
    if twice:
        return "twice"
    start = event.span[0]
    doc = parse(text[start:event.span[1]])
    tokens = [t for t in doc if event.trigger_span[0] <= start + t.idx < event.trigger_span[1]]
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    if not heads:
        return "noun_other"
    token = heads[0]
    if _in_background(token):
        return "background"
    if token.pos_ in ("NOUN", "PROPN"):
        return _noun_shape(token)
    if any(a.lemma_.lower() in words("report") for a in token.ancestors):
        return "reported"
    return "verb_main" if token.dep_ in ("ROOT", "conj") else "verb_sub"


def _in_background(token: Any) -> bool:
    """In a time phrase ("after the talks") or a clause it opens ("until the talks resumed")."""
    for above in (token, *token.ancestors):
        if above.i != token.i and above.lower_ in BACKGROUND and above.dep_ == "prep":
            return True
        if any(c.dep_ == "mark" and c.lower_ in BACKGROUND for c in above.children):
            return True
    return False


def _noun_shape(token: Any) -> str:
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ in ("NOUN", "PROPN"):
        return "text_of"
    if token.dep_ in ("nsubj", "nsubjpass"):
        return "subject"
    if token.dep_ in ("dobj", "attr"):
        return "object"
    return "in_prep" if token.dep_ == "pobj" else "noun_other"
