"""The dateline of a story ("ADDIS ABABA, Nov 2 (Reuters) -", "Havana – ", "DOHA, Qatar —"): where it
was filed, never a party to what it reports. The one home of what a dateline's tokens are.

The lexicon marks the dateline's place (``Lexicon._dateline_at``: a mention whose ``why`` begins
with ``DATELINE``); its **tokens** are that place and what follows it on its line up to the dash or
colon that closes it: a region after a comma, a date, a wire agency in brackets ("DOHA, Qatar —",
"KYIV, March 3 (Reuters) -"). spaCy often parses the dateline as the first sentence's subject
("Addis Ababa – Ethiopia's parliament on Wednesday removed …" gives "Ababa" the subject and
"parliament" its apposition; "Havana – The Government … announced" two subjects); ``set_aside``
mends that parse once, right after the actors are read, so that every later reader of subjects
(events' arguments, quotes' speakers, commitments) takes the real subject: the dateline becomes an
adverbial modifier (``npadvmod``, as the parser itself reads "BRUSSELS – The leaders … welcomed"),
and an apposition of it outside the dateline ("Mediator Qatar") takes its place as the subject.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .tables import DATELINE

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc, Span, Token

    from ...types import Mention

__all__ = ["dated_after", "dateline_tokens", "is_dateline", "set_aside"]

# What closes a dateline: a dash ("Havana – ", "KYIV —", "BOGOTA - ") or a colon.
CLOSERS = frozenset({"-", "–", "—", "--", ":"})
# How many tokens past its place a dateline may run to its closer ("DOHA, Qatar —" 2, "KYIV, March 3
# (Reuters) -" 6, "ADDIS ABABA, Nov 2, 2022 (Reuters) -" 8).
REACH = 10
SUBJECTS = ("nsubj", "nsubjpass")
MONTH = re.compile(r"^(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
                   r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?$")


def dated_after(words: list[str]) -> bool:
    """Whether the words after a place's comma open a dateline's date and reach its closer: "June 27 –",
    "Nov. 2 (Reuters) -", "Ethiopia, Nov 2, 2022 -" (at most one region before the month)."""
    if len(words) > 1 and words[0][:1].isupper() and not MONTH.match(words[0]) and words[1] == ",":
        words = words[2:]  # "Kinshasa, DRC, June 27 –": a region first
    if len(words) < 2 or not MONTH.match(words[0]) or not words[1].isdigit():
        return False
    return any(w in CLOSERS for w in words[2:REACH])


def is_dateline(mention: Mention) -> bool:
    """Whether a mention is a dateline's place (the lexicon marked it so)."""
    return (mention.why or "").startswith(DATELINE)


def dateline_tokens(doc: Doc, mentions: Iterable[Mention]) -> set[int]:
    """The indices of every dateline token of ``doc``: each dateline place and the tokens after it on
    its line up to the dash or colon that closes it (only the place when none closes it nearby)."""
    out: set[int] = set()
    for m in mentions:
        if not is_dateline(m):
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        out.update(t.i for t in span)
        out.update(_tail(doc, span))
    return out


def _tail(doc: Doc, place: Span) -> range:
    """The tokens after a dateline's place up to and with its closer, or none."""
    for tok in doc[place.end : min(len(doc), place.end + REACH)]:
        if tok.is_space:
            return range(0)  # a dateline never runs past its line
        if tok.text in CLOSERS:
            return range(place.end, tok.i + 1)
        if not _in_dateline(tok):
            return range(0)
    return range(0)


def _in_dateline(tok: Token) -> bool:
    """A token a dateline holds between its place and its closer: punctuation, a capitalized word (a
    region, a month, an agency), a number ("3", "2022")."""
    return tok.is_punct or tok.like_num or tok.text[:1].isupper()


def set_aside(doc: Doc, mentions: Iterable[Mention]) -> None:
    """Mend the parse so that no dateline token is the subject of a clause: a subject apposition
    outside the dateline takes its place, and the dateline token modifies the verb as an adverbial."""
    inside = dateline_tokens(doc, mentions)
    for i in sorted(inside):
        tok = doc[i]
        if tok.dep_ not in SUBJECTS or tok.head.i == tok.i or tok.head.i in inside:
            continue
        verb = tok.head
        others = [c for c in verb.children if c.dep_ in SUBJECTS and c.i not in inside]
        if not others:
            stand_in = _apposition(tok, inside)
            if stand_in is not None:
                stand_in.head = verb
                stand_in.dep_ = tok.dep_
        tok.dep_ = "npadvmod"


def _apposition(tok: Token, inside: set[int]) -> Token | None:
    """The first apposition of a dateline token (or of a dateline token it heads) that lies outside
    the dateline: "Addis Ababa – Ethiopia's parliament", "DOHA, Qatar — Mediator Qatar"."""
    for child in tok.children:
        if child.i in inside and child.i != tok.i and (found := _apposition(child, inside)) is not None:
            return found
        if child.dep_ == "appos" and child.i not in inside:
            return child
    return None
