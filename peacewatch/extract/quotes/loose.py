"""The quotations no cue has taken yet, and the spans of the quotes already made, as indexes.

Each cue left over asks whether quoted words sit inside its content (and takes them when it becomes
a quote), and whether its content overlaps a quote already made. Asked of lists, that is every cue
against every quotation; here each question is a binary search, and a quotation taken is skipped
for good (each is passed over at most once, by a pointer to the next one not yet taken).
"""

from __future__ import annotations

from bisect import bisect_left

from .marks import Quotation

Range = tuple[int, int]


class Loose:
    """Quotations in reading order; ``take`` removes those inside a span, ``left`` lists the rest."""

    def __init__(self, quotations: list[Quotation]) -> None:
        self.quotations = sorted(quotations, key=lambda q: q.content_start)  # stable: reading order
        self.starts = [q.content_start for q in self.quotations]
        self.next = list(range(len(self.quotations) + 1))  # the first one not taken at or after i

    def _alive(self, i: int) -> int:
        root = i
        while self.next[root] != root:
            root = self.next[root]
        while self.next[i] != root:  # shorten the path for the next question
            self.next[i], i = root, self.next[i]
        return root

    def _first_in(self, span: Range) -> int | None:
        i = self._alive(bisect_left(self.starts, span[0]))
        return i if i < len(self.quotations) and self.starts[i] < span[1] else None

    def any_in(self, span: Range | None) -> bool:
        """Whether a quotation not yet taken opens its content inside ``span``."""
        return span is not None and self._first_in(span) is not None

    def take(self, span: Range) -> list[Quotation]:
        """The quotations not yet taken that open their content inside ``span``, now taken."""
        found = []
        i = self._first_in(span)
        while i is not None:
            found.append(self.quotations[i])
            self.next[i] = i + 1
            i = self._first_in((self.starts[i], span[1]))
        return found

    def left(self) -> list[Quotation]:
        """The quotations never taken, in reading order."""
        return [q for i, q in enumerate(self.quotations) if self.next[i] == i]


class Spans:
    """Character spans; ``overlaps`` tells whether any of them shares a character with a range."""

    def __init__(self, spans: list[Range]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach: list[int] = []  # the furthest end among the spans up to each one
        for _, end in ordered:
            self.reach.append(max(end, self.reach[-1]) if self.reach else end)

    def overlaps(self, span: Range) -> bool:
        """Some span starts before ``span`` ends and ends after it starts."""
        i = bisect_left(self.starts, span[1]) - 1
        return i >= 0 and self.reach[i] > span[0]
