"""What an act is about that changes how it is read: the noun a promise takes, the text an agreement
concludes, the punishment a demand asks for, the mission troops are sent on, and a deadline or target
the text says was missed.

Each function only finds the words in the parse; ``status`` decides what they change (and says so in
the event's ``why``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .matching import coarse_pos
from .tables import words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .triggers import Found

# Support told as a noun a promise takes ("pledged / promised support for the reforms"): promising support
# is giving it, PLOVER's SUPPORT, not an agreement to act later (an *offer* of support stays AGREE, as
# offers of good offices are in the coding guide).
SUPPORT_NOUNS = ("support", "backing", "solidarity")
SUPPORT_PROMISES = ("pledge", "promise", "vow")
# What a demand asks for that punishes someone ("called for sanctions against the junta", "demanding
# accountability"): PLOVER codes such a demand as ACCUSE (disapprove), the news set as well.
PUNITIVE = ("sanction", "embargo", "accountability", "punishment", "prosecution")
# Troops sent or deployed to keep the peace: PLOVER's AID (CAMEO 074, "provide military protection or
# peacekeeping"), not a mobilization against anyone.
PEACEKEEPING = ("peacekeeping", "peacekeeper")

# Verbs by which a deadline or target is met: missed when negated or under a target_missed verb.
MEET_VERBS = ("meet", "reach", "hit", "keep", "respect", "honour", "honor")


def promised_support(item: Found) -> bool:
    """"pledged support for X": a promise verb whose object is the noun of support."""
    assert item.inner is not None
    noun = item.inner.token
    return (item.token.lemma_.lower() in SUPPORT_PROMISES and coarse_pos(noun) == "NOUN"
            and noun.lemma_.lower() in SUPPORT_NOUNS and noun.head.i == item.token.i)


def concluded_text(item: Found) -> bool:
    """"agreed a trade agreement", "agreed the declaration": an agreement text as the direct object of
    "agree" is a text concluded, PLOVER's SUPPORT ("finalizing an agreement"; the coding guide's
    "concluding a text"), where "agreed to / on a deal" stays AGREE and an agreed ceasefire CONCEDE."""
    assert item.inner is not None
    noun = item.inner.token
    return (item.rule.type == item.inner.rule.type == "AGREE" and item.token.lemma_.lower() == "agree"
            and noun.dep_ == "dobj" and noun.head.i == item.token.i
            and noun.lemma_.lower() in words("provision_text"))


def punitive_object(token: Token) -> Token | None:
    """The punishment a demand word asks for as its object or "for" object ("called for sanctions",
    "demanded accountability"), or None."""
    for child in token.children:
        heads = [child] if child.dep_ == "dobj" else [
            g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" and child.lower_ == "for" else []
        found = [h for h in heads if h.lemma_.lower() in PUNITIVE]
        if found:
            return found[0]
    return None


def peacekeeping_word(token: Token) -> Token | None:
    """The word below an act that names keeping the peace ("sent troops to the UN peacekeeping force"), or
    None. A noun act that is a verb's object has the verb's prepositions too: the parse hangs there what
    the noun tells ("announced the deployment of 230 troops to Liberia on a peacekeeping mission")."""
    places = [token]
    if token.dep_ == "dobj" and token.pos_ == "NOUN":
        places += [c for c in token.head.children if c.dep_ == "prep" and c.i > token.i]
    return next((t for p in places for t in p.subtree if t.lemma_.lower() in PEACEKEEPING), None)


def missed_target(target: Token) -> str | None:
    """Why a deadline or target noun was missed: "missed the deadline", "the deadline passed/expired",
    "failed to meet / did not meet the target". None when the text does not say it was missed."""
    missed = words("target_missed")
    head = target.head
    if head.i == target.i:
        return None
    if head.lemma_.lower() in missed:
        return f"'{target.text}' under '{head.text}'"
    if head.lemma_.lower() in MEET_VERBS:
        if any(c.dep_ == "neg" for c in head.children):
            return f"'{head.text}' negated"
        if head.head.i != head.i and head.head.lemma_.lower() in missed:
            return f"'{head.head.text} to {head.text}'"
    return None
