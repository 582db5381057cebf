"""Which way in time a relative expression points, from the verb that governs it.

News reports the past: "said Monday" is the latest Monday on or before publication, "will meet on
Monday" the next one. We climb from the expression to its verb in spaCy's parse and read the tags:
a future auxiliary (will, 'll, shall, going to) or a progressive present ("is meeting Friday") points
forward; a past tag (VBD, or VBN under have/be) points back. Other modals (would, could) and
infinitives ("to acquire Friday") proved unreliable on the dev data and say nothing, as does the
present tense and a possessive ("Wednesday's ruling"): ``None``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "ll"})
PAST_AUX = frozenset({"was", "were", "had", "did", "has", "have"})


def governing_verb(token: Token, max_steps: int = 6) -> Token | None:
    """The nearest verb or auxiliary above ``token`` in the parse (itself included)."""
    for _ in range(max_steps):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def verb_direction(verb: Token) -> str | None:
    """``"future"``, ``"past"`` or None for one verb and its auxiliaries."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & FUTURE_AUX or _going_to(verb):
        return "future"
    if verb.tag_ == "VBD" or words & PAST_AUX or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBG" and words & {"is", "are", "'s", "'re", "am"}:
        return "future"
    return None


def _going_to(verb: Token) -> bool:
    head = verb.head
    return verb.dep_ == "xcomp" and head.lower_ == "going" and head.tag_ == "VBG"


def direction(doc: Doc, start: int, end: int) -> str | None:
    """The tense direction of the clause holding the characters ``start:end`` of ``doc``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    if span.root.dep_ == "poss" or (span.end < len(doc) and doc[span.end].tag_ == "POS"):
        return None
    verb = governing_verb(span.root)
    return verb_direction(verb) if verb is not None else None
