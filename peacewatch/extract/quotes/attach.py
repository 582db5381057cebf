"""Attach quotations to the cues beside them, and tell stand-alone quotations from scare quotes.

- ``before``: the quotation ends, then (after punctuation and spaces only) the clause of the cue
  begins, on the same line: '"...," he said', '"...," said Caddell', '"...," Rep. Moore said'.
  A quotation that ends in a full stop closes its sentence and takes no cue after it; one that
  does not open its sentence (a title: 'on "The Morning Show," she said') takes none either.
- ``after``: the cue clause ends, then at most a short stretch ending in ":" or "," (or nothing)
  before the quotation opens ('He said: "..."'; with nothing between, only a quotation that is a
  whole sentence: 'He said "We will win."'), the second half of a broken quote
  '"...," he said, "..."', or 'She added:' at the end of a paragraph before a quote paragraph.
- ``colon``: any other clause ending in a colon right before the quotation (on the same line or
  the line before): its main verb is the cue and that verb's subject the speaker ('McCaskill
  scolded him: "..."', 'Sanders made the following comment:' + a quote paragraph).
- ``dash``: a quotation that opens its paragraph, followed by a dash and a short name ending it
  ('"..." ― Sonya Herridge'); the dash is the cue and the word after it the speaker.
- ``turn``: a quotation opening its paragraph with a name in capitals and a colon is a turn of a
  transcript ('"PENCE: Well, look, …'): the name speaks, the colon is the cue and the content starts
  after it; the paragraphs the turn runs on into (without a name of their own) are that turn's too.
- ``stand-alone``: a quotation that fills its sentence (nothing but punctuation between it and
  the sentence or paragraph edges on both sides). With no cue of its own it inherits the speaker
  of the nearest preceding attributed quote.
- Anything else is a scare quote or a title in running text ("positive signs"): it is not a quote
  of its own; inside the content of an indirect quote it makes that quote mixed (``direct``).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc, Token

from .cues import Cue
from .marks import Quotation
from .page import FirstAtLeast, char_after, char_before

_ONLY_PUNCT = re.compile(r"[^\w\"“”«»]*")
_LEAD_IN = re.compile(r"[^\"“”«».!?]{0,60}[:,]\s*")
_LEAD_IN_LONGEST = 61  # of _LEAD_IN without its trailing blanks
_SENTENCE_END = ".!?:"
_TURN = re.compile(r"([A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3}):[ \t]+(?=\S)")
_DASH = re.compile(r"[ \t\u00a0]*([―—–]+)[ \t\u00a0]*(?=\w)")


def _clause_range(doc: Doc, cue: Cue) -> tuple[int, int]:
    start, end = cue.cue
    if cue.subject is not None:
        subj, right = cue.subject, cue.subject.right_edge
        left, last = subj.left_edge.idx, right.idx + len(right)
        if left <= start < last:  # 'Said Ellis: "..."' parsed with the name as the head of it all
            left, last = subj.idx, subj.idx + len(subj)
        start, end = min(start, left), max(end, last)
    return start, end


class Clauses:
    """The cues of a document (in reading order) with where each cue's clause starts and ends, indexed
    so that the cue beside a quotation is found by binary search, not by looking at every cue."""

    def __init__(self, doc: Doc, cues: list[Cue]) -> None:
        self.cues = cues
        ranges = [_clause_range(doc, c) for c in cues]
        self.starts = [r[0] for r in ranges]
        self.ends = [r[1] for r in ranges]
        self.cue_starts = [c.cue[0] for c in cues]
        self.starting = FirstAtLeast(self.starts)
        self.ending = FirstAtLeast([-e for e in reversed(self.ends)])

    def first_starting_at(self, pos: int) -> int | None:
        """The first cue, in reading order, whose clause starts at or after ``pos`` (a clause starts
        no later than its cue, so every cue before ``pos`` is passed over at once)."""
        k = self.starting.first(bisect_left(self.cue_starts, pos), pos)
        return k if k < len(self.cues) else None

    def last_ending_by(self, pos: int) -> int | None:
        """The last cue, in reading order, whose clause ends at or before ``pos``."""
        last = bisect_left(self.cue_starts, pos) - 1  # a clause ends after its cue starts
        n = len(self.cues)
        k = n - 1 - self.ending.first(n - 1 - last, -pos)
        return k if k >= 0 else None


def cue_before(text: str, clauses: Clauses, q: Quotation) -> Cue | None:
    """The cue whose clause starts right after the quotation closes (not after a full stop, and
    only for a quotation that opens its sentence: a title inside a phrase takes no cue)."""
    if text[q.content_end - 1] == "." or not _opens_sentence(text, q):
        return None
    k = clauses.first_starting_at(q.end)
    if k is None:
        return None
    gap = text[q.end:clauses.starts[k]]
    if len(gap) > 4 or "\n" in gap or not _ONLY_PUNCT.fullmatch(gap):
        return None
    return clauses.cues[k]


def cue_after(text: str, clauses: Clauses, q: Quotation) -> Cue | None:
    """The cue whose clause ends right before the quotation opens."""
    k = clauses.last_ending_by(q.start)
    if k is None:
        return None
    end = clauses.ends[k]
    blank = q.start
    while blank > end and text[blank - 1].isspace():
        blank -= 1
    if blank == end:
        return clauses.cues[k] if "\n" not in text[end:q.start] and _whole_sentence(text, q) else None
    if blank - end > _LEAD_IN_LONGEST:  # the lead-in (at most 60 characters and ":" or ",") is shorter
        return None
    return clauses.cues[k] if _LEAD_IN.fullmatch(text, end, q.start) else None


def colon_clause(text: str, doc: Doc, q: Quotation) -> Token | None:
    """The main verb of the sentence that ends in a colon right before the quotation."""
    end = q.start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if text[end - 1:end] != ":" or "\n\n\n" in text[end:q.start]:
        return None
    colon = doc.char_span(end - 1, end, alignment_mode="expand")
    if colon is None or len(colon) == 0:
        return None
    verb = colon[0].head  # the verb the colon closes, even when the parse runs on into the quote
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i > colon[0].i:
        return None
    return verb


def dash_after(text: str, q: Quotation) -> tuple[int, int, int] | None:
    """'"...." ― Sonya Herridge': the dash (cue) between a quotation opening its paragraph and a
    short name closing it. Returns the dash's start and end and where the name starts."""
    m = _DASH.match(text, q.end)
    short = "\n" in text[q.end:q.end + 61] or len(text) - q.end <= 60  # the rest of its line
    if m is None or not short or char_before(text, q.start, " \t\u00a0") not in ("", "\n"):
        return None
    return m.start(1), m.end(1), m.end()


def turn_name(text: str, q: Quotation) -> tuple[int, int, int] | None:
    """'"WALLACE: Do you really see …': where the name of a transcript turn starts and ends (the colon
    follows it) and where its content starts, for a quotation opening its paragraph that way."""
    m = _TURN.match(text, q.content_start)
    if m is None or char_before(text, q.start, " \t\u00a0") not in ("", "\n"):
        return None
    return m.start(1), m.end(1), m.end()


def _whole_sentence(text: str, q: Quotation) -> bool:
    """'He said "We will win."': the quotation opens with a capital and closes its sentence."""
    first = text[q.content_start]
    after = char_after(text, q.end, " \t")
    closes = text[q.content_end - 1] in _SENTENCE_END or after == "" or after in "\n" + _SENTENCE_END
    return first.isupper() and closes


def _opens_sentence(text: str, q: Quotation) -> bool:
    before = char_before(text, q.start, " \t\u00a0")
    return before == "" or before in "\n.!?:;,—–―-”\"'"


def stands_alone(text: str, q: Quotation) -> bool:
    """True when the quotation fills its sentence (or paragraph)."""
    before = char_before(text, q.start, " \t")
    left_ok = before == "" or before in "\n" + _SENTENCE_END or before in "”\""
    after = char_after(text, q.end, " \t")
    inner_end = text[q.content_end - 1] if q.content_end > q.content_start else ""
    right_ok = (
        after == "" or after in "\n" + _SENTENCE_END or inner_end in _SENTENCE_END
        or q.continued
    )
    return left_ok and right_ok
