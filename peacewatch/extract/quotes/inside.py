"""Reports inside the content of another speaker's quote: part of that quote, not quotes of their own.

In "Regulators said that if the state held up the deal, the company could threaten to sell its
mines", the journalist reports what the regulators said; the company's threat is part of it, and
PolNeAR marks one attribution, the regulators', whose content holds the threat. The rules made a
second, inner quote for "threaten" (and for "said … the union expected …", "noted clients are
beginning to demand …"), which the gold counts as a false alarm about twice for every time it
counts it as an attribution of its own (docs/quotes.md, "Reports inside reports").

So an indirect quote whose content lies inside the content of another quote, and whose speaker is
not that quote's speaker, is dropped. Kept, because they carry a speaker of their own beside the
outer content rather than inside it:

- a report whose cue is coordinated with a verb of the outer content ("… mishandled the inquiry,
  and the opposition accused the ministry of …"): a clause joined by "and" is a statement beside
  the outer one, which the parse hung inside it;
- a report in a relative clause ("the envoy, who says he is hopeful"): the noun it hangs from is
  its speaker, not the outer speaker.

An outer quote whose content holds its own cue was drawn across a misparse (its content runs back
over the verb that introduces it) and swallows nothing.

A report whose clause the same speaker's content holds ("DuVernay said she felt …") is
``component.fold_nested``'s case (folded in). Any other indirect quote lying inside a larger quote of
its own speaker ("the ministry said it believes …", "… the questions he refused to answer", "…
because he doubted …") says again part of what that quote says and is dropped too, unless its cue
heads a sentence or a coordinated clause ("…, but she refuses to …"), a statement beside the other
that the larger content was drawn across. A participle the parse hung on the speaker's own content
("Officials warned that the truce was fragile, saying …") is part of it (docs/quotes.md, "Eighth
round").
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate
from typing import TYPE_CHECKING

from ...types import Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Dependency labels of an inner cue verb that give the report a speaker of its own (kept).
OWN_SPEAKER = frozenset({"conj", "relcl"})

# Dependency labels of an inner cue verb of the same speaker that make its report one of its own (kept).
BESIDE = frozenset({"conj", "ROOT"})

Key = tuple[str, object]  # a speaker's entity id, its span, or a key of its own for a quote with neither


def _key(quote: Quote, own: object) -> Key:
    """The speaker's entity, else the words standing for the speaker (a participle lent the subject
    of its cue: 'Officials warned that …, saying …'), else ``own`` (a key no other quote has)."""
    if quote.speaker is not None:
        return ("entity", quote.speaker)
    return ("span", quote.speaker_span) if quote.speaker_span is not None else ("quote", own)


def _swallows(quote: Quote) -> bool:
    """Whether ``quote`` may hold another speaker's report: not when its content holds its own cue."""
    start, end = quote.content_span
    return quote.cue_span is None or not start <= quote.cue_span[0] < end


class Outers:
    """The quotes that may hold others, by start; ``holds(span, key)`` says whether one whose speaker
    key differs from ``key`` holds ``span`` and is larger. For each prefix of the quotes in order of
    start, the two furthest ends with different speaker keys are kept, so a question is a binary
    search and a look at two entries (plus the quotes that start exactly where the span starts)."""

    def __init__(self, quotes: list[tuple[Quote, Key]]) -> None:
        ordered = sorted(((q.content_span, key) for q, key in quotes), key=lambda x: x[0])
        self.starts = [span[0] for span, _ in ordered]
        self.spans = ordered
        self.best: list[tuple[tuple[int, Key], ...]] = []
        top: tuple[tuple[int, Key], ...] = ()
        for (_, end), key in ordered:
            merged = {k: e for e, k in top}
            merged[key] = max(end, merged.get(key, end))
            top = tuple(sorted(((e, k) for k, e in merged.items()), key=lambda x: -x[0])[:2])
            self.best.append(top)

    def holds(self, span: tuple[int, int], key: Key) -> bool:
        start, end = span
        before = bisect_left(self.starts, start)  # quotes starting strictly before the span
        if before and any(e >= end for e, k in self.best[before - 1] if k != key):
            return True
        same = range(before, bisect_right(self.starts, start))  # quotes starting where it starts
        return any(self.spans[i][0][1] > end and self.spans[i][1] != key for i in same)


class Own:
    """The quotes that may hold others, by speaker key; ``holds(span, key)`` says whether a quote of
    the same speaker holds ``span`` and is larger (a prefix maximum of the ends, per key)."""

    def __init__(self, quotes: list[tuple[Quote, Key]]) -> None:
        by_key: dict[Key, list[tuple[int, int]]] = {}
        for q, key in quotes:
            by_key.setdefault(key, []).append(q.content_span)
        self.spans = {key: sorted(spans) for key, spans in by_key.items()}
        self.reach = {key: list(accumulate((e for _, e in spans), max)) for key, spans in self.spans.items()}

    def holds(self, span: tuple[int, int], key: Key) -> bool:
        spans = self.spans.get(key, [])
        start, end = span
        before = bisect_left(spans, (start, start))  # the same speaker's quotes starting strictly before
        if before and self.reach[key][before - 1] >= end:
            return True
        last = bisect_right(spans, (start, float("inf"))) - 1  # the last (the longest) starting at ``start``
        return last >= before and spans[last][1] > end


def drop_inside(doc: Doc, made: list[Quote], others: list[Quote]) -> list[Quote]:
    """``made`` (quotes from cues) without the indirect ones that lie inside another speaker's quote
    (of ``made`` or ``others``), nor those inside a larger quote of their own speaker; see the
    module's docstring."""
    keys = [_key(q, ("made", k)) for k, q in enumerate(made)]
    holders = [(q, _key(q, ("other", k))) for k, q in enumerate(others) if _swallows(q)] \
        + [(q, key) for q, key in zip(made, keys, strict=True) if _swallows(q)]
    outers, own = Outers(holders), Own(holders)
    return [q for q, key in zip(made, keys, strict=True)
            if not _inside(doc, q, key, outers) and not _repeated(doc, q, key, own)]


def _repeated(doc: Doc, quote: Quote, key: Key, own: Own) -> bool:
    """'The ministry said it believes the plan …', '… the questions he refused to answer': a report
    inside a larger quote of the same speaker is part of what that quote says, no quote of its own;
    unless its cue heads a sentence or a coordinated clause ('…, but he refuses to …'), a statement
    beside the other that the larger content was drawn across."""
    if quote.direct or quote.cue_span is None or not own.holds(quote.content_span, key):
        return False
    cue = doc.char_span(quote.cue_span[0], quote.cue_span[1], alignment_mode="expand")
    return cue is not None and len(cue) > 0 and cue.root.dep_ not in BESIDE


def _inside(doc: Doc, quote: Quote, key: Key, outers: Outers) -> bool:
    if quote.direct or quote.cue_span is None:
        return False
    cue = doc.char_span(quote.cue_span[0], quote.cue_span[1], alignment_mode="expand")
    if cue is None or len(cue) == 0 or cue.root.dep_ in OWN_SPEAKER:
        return False
    return outers.holds(quote.content_span, key)
