"""Unnamed officials: "an official said", "one senior official", "a government spokeswoman".

News names a source it may not name as "an official" or "a senior official" with nothing else. As
"officials" are (``focus.collectives``), one such official is an official of the state in focus
(sector GOV); one named with a coded body or place after the noun ("an official of the UN", "an
official in Goma") or with a name ("an official, Ali Musa,") is left to that name, and with no
state in focus the official has no code. "A government spokesman" is one too, of the state in
focus or, with none, of the only state named.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...types import Entity
from . import phrases
from .sides import Focus
from .work import Work

if TYPE_CHECKING:
    from spacy.tokens import Token

# Determiners of one unnamed official ("an official", "one senior official", "another official").
ONE = frozenset({"a", "an", "one", "another"})
OFFICIAL = frozenset({"official"})
# Spokespeople, one of the state only as "a government spokesman" (a bare one may be anyone's).
SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson"})


def unnamed(w: Work, focus: Focus) -> None:
    """'an official', 'one senior official', 'a government official' with no name, state, body or
    place of their own: an official of the state in focus, as "officials" are. One named with a
    body or a place after the noun ("an official of the health ministry", "an official in Goma")
    is left to that name (the speaker speaks for it)."""
    doc = w.doc
    for _, tm in sorted(w.terms.items()):
        if tm.term.term not in OFFICIAL | SPOKES or not w.free(tm.start, tm.end):
            continue
        start = phrases.left_start(w, tm.start, tm.end)
        head = doc[tm.end - 1]
        if start == 0 or doc[start - 1].lower_ not in ONE or head.tag_ != "NN" or _named_after(w, head):
            continue
        code = _whose(w, tm.term.term, start, tm.start, focus)
        if code is None:
            continue
        key = f"official:{code}:{doc[start - 1].idx}"
        text = doc[start - 1:tm.end].text
        why = f"{text!r} with no state or body named: an official of the {focus.why}"
        w.entity(key, Entity("", text, "person", code, "GOV", tm.term.role, why=why))
        w.mention(start - 1, tm.end, "PERSON", key, f"unnamed official → {code} in focus")


def _whose(w: Work, term: str, start: int, noun: int, focus: Focus) -> str | None:
    """The state an unnamed official speaks for: the state in focus; a spokesperson only as "a
    government spokesperson", then also the only state named (``Focus.government``)."""
    if term in OFFICIAL:
        return focus.state
    return focus.government() if any(t.lower_ == "government" for t in w.doc[start:noun]) else None


def _named_after(w: Work, head: Token) -> bool:
    """Whether a coded actor or a name of no mention follows inside the noun's phrase ("of the UN",
    ", Ali"); an uncoded body ("of the health ministry") is the state in focus's like the official."""
    after = [t for t in head.subtree if t.i > head.i]
    if not after:
        return False
    span = (after[0].idx, after[-1].idx + len(after[-1]))
    coded = any(span[0] <= m.start < span[1] and w.entities.get(m.entity or "") is not None
                and w.entities[m.entity or ""].code for m in w.mentions)
    return coded or any(t.pos_ == "PROPN" and t.i not in w.claimed for t in after)
