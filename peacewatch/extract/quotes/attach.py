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

from spacy.tokens import Doc, Token

from .cues import Cue
from .marks import Quotation

_ONLY_PUNCT = re.compile(r"[^\w\"“”«»]*")
_LEAD_IN = re.compile(r"[^\"“”«».!?]{0,60}[:,]\s*")
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


def cue_before(text: str, doc: Doc, q: Quotation, cues: list[Cue]) -> Cue | None:
    """The cue whose clause starts right after the quotation closes (not after a full stop, and
    only for a quotation that opens its sentence: a title inside a phrase takes no cue)."""
    if text[q.content_end - 1] == "." or not _opens_sentence(text, q):
        return None
    for cue in cues:
        start, _ = _clause_range(doc, cue)
        if start < q.end:
            continue
        gap = text[q.end:start]
        if len(gap) > 4 or "\n" in gap or not _ONLY_PUNCT.fullmatch(gap):
            return None
        return cue
    return None


def cue_after(text: str, doc: Doc, q: Quotation, cues: list[Cue]) -> Cue | None:
    """The cue whose clause ends right before the quotation opens."""
    for cue in reversed(cues):
        _, end = _clause_range(doc, cue)
        if end > q.start:
            continue
        gap = text[end:q.start]
        if gap.strip() == "" and "\n" not in gap:
            return cue if _whole_sentence(text, q) else None
        return cue if _LEAD_IN.fullmatch(gap) else None
    return None


def colon_clause(text: str, doc: Doc, q: Quotation) -> Token | None:
    """The main verb of the sentence that ends in a colon right before the quotation."""
    before = text[:q.start].rstrip()
    if not before.endswith(":") or "\n\n\n" in text[len(before):q.start]:
        return None
    colon = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
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
    line_end = text.find("\n", q.end)
    rest = text[q.end:] if line_end < 0 else text[q.end:line_end]
    if m is None or len(rest) > 60 or text[:q.start].rstrip(" \t\u00a0")[-1:] not in ("", "\n"):
        return None
    return m.start(1), m.end(1), m.end()


def turn_name(text: str, q: Quotation) -> tuple[int, int, int] | None:
    """'"WALLACE: Do you really see …': where the name of a transcript turn starts and ends (the colon
    follows it) and where its content starts, for a quotation opening its paragraph that way."""
    m = _TURN.match(text, q.content_start)
    if m is None or text[:q.start].rstrip(" \t\u00a0")[-1:] not in ("", "\n"):
        return None
    return m.start(1), m.end(1), m.end()


def _whole_sentence(text: str, q: Quotation) -> bool:
    """'He said "We will win."': the quotation opens with a capital and closes its sentence."""
    first = text[q.content_start]
    after = text[q.end:].lstrip(" \t")
    closes = text[q.content_end - 1] in _SENTENCE_END or after == "" or after[0] in "\n" + _SENTENCE_END
    return first.isupper() and closes


def _opens_sentence(text: str, q: Quotation) -> bool:
    before = text[:q.start].rstrip(" \t\u00a0")
    return before == "" or before[-1] in "\n.!?:;,—–―-”\"'"


def stands_alone(text: str, q: Quotation) -> bool:
    """True when the quotation fills its sentence (or paragraph)."""
    before = text[:q.start].rstrip(" \t")
    left_ok = before == "" or before[-1] in "\n" + _SENTENCE_END or before[-1] in "”\""
    after = text[q.end:].lstrip(" \t")
    inner_end = text[q.content_end - 1] if q.content_end > q.content_start else ""
    right_ok = (
        after == "" or after[0] in "\n" + _SENTENCE_END or inner_end in _SENTENCE_END
        or q.continued
    )
    return left_ok and right_ok
