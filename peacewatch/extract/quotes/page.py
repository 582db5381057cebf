"""Indexes of one document, built once, so that every quote rule looks things up instead of scanning.

Without them the rules were quadratic inside one long piece of text: each cue searched the whole text
for its line break and walked its sentence to find where it starts, each quotation looked at every
cue for the one beside it and copied the text before it to find the last character, each cue's
content was checked against every quotation. Here each of those is a binary search (``bisect``) or a
jump over a table of block maxima, so a piece costs about n log n in its quotations and cues.

- ``Page``: the text's line breaks and the parse's sentence starts, the characters around a position
  skipping blanks, the tokens where a content ends at the next cue (``cues._before_next_cue``) and the
  kind of entity each mention names (``senses``).
- ``FirstAtLeast``: the first index at or after ``j`` whose value reaches ``x`` (a sparse table of
  block maxima), for the cue whose clause starts right after a quotation, or ends right before it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Token


class FirstAtLeast:
    """``first(j, x)``: the smallest index ``k >= j`` with ``values[k] >= x``, else ``len(values)``.

    ``levels[p][i]`` is the largest of ``values[i:i + 2**p]``; a query jumps over the longest run of
    blocks, halving the block each step, whose maxima stay below ``x`` (O(log n) per query)."""

    def __init__(self, values: Sequence[int]) -> None:
        self.size = len(values)
        self.levels = [list(values)]
        width = 1
        while 2 * width <= self.size:
            row = self.levels[-1]
            self.levels.append([max(row[i], row[i + width]) for i in range(self.size - 2 * width + 1)])
            width *= 2

    def first(self, j: int, x: int) -> int:
        pos = max(j, 0)
        for p in range(len(self.levels) - 1, -1, -1):
            row = self.levels[p]
            if pos < len(row) and row[pos] < x:
                pos += 1 << p
        return min(pos, self.size)


class Page:
    """Line breaks, sentence starts and next-cue tokens of one parsed document."""

    def __init__(self, doc: Doc, text: str, kinds: Sequence[tuple[int, int, str]] = ()) -> None:
        self.doc = doc
        self.kinds = sorted(kinds)  # (start, end, entity kind) of each mention whose entity has a kind
        self._kind_starts = [k[0] for k in self.kinds]
        self.text = text
        self.breaks: list[int] = []
        at = text.find("\n")
        while at >= 0:
            self.breaks.append(at)
            at = text.find("\n", at + 1)
        self._sent_starts: list[int] | None = None  # read from the parse when first asked
        self.words_before = [0]  # words (not punctuation) before each token: a prefix count
        for t in doc:
            self.words_before.append(self.words_before[-1] + (not t.is_punct))
        self.next_cues: list[int] = []

    def mark_next_cues(self, is_next_cue: Callable[[Token], bool]) -> None:
        """Remember, in order, the tokens that start a clause of a cue of their own (see ``cues``)."""
        self.next_cues = [t.i for t in self.doc if is_next_cue(t)]

    def next_cues_in(self, start: int, end: int) -> list[int]:
        """The remembered next-cue tokens with index in ``start``..``end`` (exclusive), in order."""
        return self.next_cues[bisect_left(self.next_cues, start):bisect_left(self.next_cues, end)]

    def kind_at(self, tok: Token) -> str | None:
        """The entity kind of the mention holding token ``tok`` (None when no mention holds it)."""
        i = bisect_right(self._kind_starts, tok.idx)
        for start, end, kind in reversed(self.kinds[max(0, i - 4):i]):
            if start <= tok.idx < end:
                return kind
        return None

    def words(self, start: int, end: int) -> int:
        """How many of the tokens ``start``..``end`` (exclusive) are not punctuation (0 when empty)."""
        return max(0, self.words_before[max(end, start)] - self.words_before[start])

    def line_start(self, pos: int) -> int:
        """Where the line holding character ``pos`` starts (after the last line break before it)."""
        i = bisect_left(self.breaks, pos)
        return self.breaks[i - 1] + 1 if i > 0 else 0

    def line_end(self, pos: int) -> int:
        """The first line break at or after ``pos``, else the end of the text."""
        i = bisect_left(self.breaks, pos)
        return self.breaks[i] if i < len(self.breaks) else len(self.text)

    def sentence(self, i: int) -> tuple[int, int]:
        """Token bounds (start, end) of the sentence holding token ``i``, as ``Token.sent`` draws
        them (which walks the sentence each time it is asked)."""
        if self._sent_starts is None:
            self._sent_starts = [s.start for s in self.doc.sents]
        starts = self._sent_starts
        k = bisect_right(starts, i) - 1
        start = starts[k] if k >= 0 else 0
        end = starts[k + 1] if k + 1 < len(starts) else len(self.doc)
        return start, end


def char_before(text: str, pos: int, blanks: str) -> str:
    """The last character before ``pos`` that is not one of ``blanks`` ("" at the start of the
    text): ``text[:pos].rstrip(blanks)[-1:]`` without copying the text before ``pos``."""
    while pos > 0 and text[pos - 1] in blanks:
        pos -= 1
    return text[pos - 1] if pos > 0 else ""


def char_after(text: str, pos: int, blanks: str) -> str:
    """The first character at or after ``pos`` that is not one of ``blanks`` ("" at the end)."""
    while pos < len(text) and text[pos] in blanks:
        pos += 1
    return text[pos] if pos < len(text) else ""
