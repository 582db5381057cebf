"""A deal named as the frame of another act: "*under the deal*, 33 hostages are to be freed", "*as part of
the ceasefire*, the ELN is to suspend …", "*under the terms of the truce*, the army will leave", "*pursuant
to* / *(as) per* the accord", "*within the framework of* the agreement", "the first exchange *under the
truce*".

Where the article told the deal before (``_told_before``), the deal or truce noun there refers back to it:
it is no new agreement or truce of its sentence, and the sentence's subject is not its party (coding
guide, "Which events": one event per act). ``framed`` tells such a noun, and the trigger match
(``matching.match``) reads it as no event. The act the frame governs keeps its reading: the frame is no
object of it (``matching.under_provision``).

Not a frame's reference, and read as before: a frame that is the article's first word of its deal (its
only report of it, a background act the guide codes); a deal told with its making ("under a deal reached
on Tuesday", "the Qatar-brokered truce", "the deal between X and Y": ``_made_here``), which reports the
agreeing and its parties; talks ("as part of the talks in Jeddah": the docs gold codes them CONSULT);
"the terms of the truce" outside a frame ("violated the terms of the truce"); and "in line with" / "in
accordance with", measured and left out (docs/events.md, "Fourteenth round: a deal named as a frame").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .tables import words

if TYPE_CHECKING:
    from spacy.tokens import Token

# Words of ``provision_text`` that name a part of a deal, not a deal an article tells ("the first phase").
PART_WORDS = ("phase", "stage", "term")
# Participles that tell who made a deal besides ``deal_reached`` ("the Qatar-brokered truce").
BROKERED = ("broker", "brokered", "mediate", "mediated")
# Prepositions whose object is a frame on their own: "under the deal", "(as) per the accord".
FRAME_PREPOSITIONS = ("under", "per")
# "<word> of the deal": "as part of", "within the framework of", "(under) the provisions / terms of".
OF_WORDS = ("part", "framework", "provision", "term")


def framed(token: Token) -> bool:
    """Whether ``token`` is a deal or truce noun (or a word of its compound, "a ceasefire deal") that is the
    object of a frame phrase, or a conjunct of one ("under the truce and the exchange deal"), in an article
    that told a deal before its sentence."""
    if token.pos_ not in ("NOUN", "PROPN") or not _text_noun(token):
        return False
    return _in_frame(token) and not _made_here(token) and _told_before(token)


def _made_here(token: Token) -> bool:
    """Whether the frame's deal is told with its making: a participle of reaching or signing it ("under a deal
    reached on Tuesday", "as part of the Qatar-brokered truce", ``deal_reached`` and ``BROKERED``) or the
    parties it was made between ("under last month's deal between the government and the rebels"). The
    noun then reports the agreeing, a background act the guide codes, with its parties."""
    noun = token.head if token.dep_ == "compound" and token.head.i != token.i else token
    for child in noun.children:
        lemma = child.lemma_.lower()
        if child.dep_ in ("acl", "amod") and (lemma in words("deal_reached") or lemma in BROKERED
                                              or any(g.lemma_.lower() in BROKERED for g in child.children)):
            return True
        if child.dep_ == "prep" and child.lower_ == "between":
            return True
    return False


def _in_frame(token: Token) -> bool:
    """Whether a deal noun, its compound's head or the first of its conjuncts is the object of a frame."""
    noun = token
    if token.dep_ == "compound" and token.head.i != token.i and _text_noun(token.head):
        noun = token.head  # "as part of a ceasefire deal": the compound names the same deal
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    return noun.dep_ == "pobj" and _frame_preposition(noun.head)


def _told_before(token: Token) -> bool:
    """Whether the article told a deal in an earlier sentence, outside a frame: the deal the frame refers back
    to. A frame that is the article's first word of its deal ("were released on 19 January as part of a
    ceasefire deal") is its only report of the deal, which the guide codes as a background event."""
    start = token.sent.start
    return any(_text_noun(t) and t.lemma_.lower() not in PART_WORDS and not _in_frame(t)
               for t in token.doc[:start] if t.pos_ in ("NOUN", "PROPN"))


def _text_noun(token: Token) -> bool:
    return token.lemma_.lower() in words("provision_text")


def _frame_preposition(prep: Token) -> bool:
    """Whether a preposition makes its object a frame: "under", "per", "pursuant to", "as part of", "within
    the framework of", and "the provisions / terms of" inside one of them."""
    word = prep.lower_
    if prep.dep_ != "prep" or prep.head.i == prep.i:
        return False
    above = prep.head
    if word in FRAME_PREPOSITIONS:
        return True
    if word == "to":
        return above.lower_ == "pursuant"
    if word == "of":  # the "of" of "as part of", "within the framework of", "under the terms of"
        lemma = above.lemma_.lower()
        if above.head.i == above.i or lemma not in OF_WORDS:
            return False
        if lemma == "part":
            return above.head.lower_ == "as"
        if lemma == "framework":
            return above.head.lower_ in ("within", "in", "under")
        # "the terms / provisions of the truce" only inside a frame: "violated the terms of the truce" is no frame
        return above.dep_ == "pobj" and _frame_preposition(above.head)
    return False
