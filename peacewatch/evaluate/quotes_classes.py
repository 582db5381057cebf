"""Misses, false quotes and edges by class: aggregate counts per fold for ``eval quotes``.

Each class says where an error stands, from the spans and the parse alone, so the untouched fold is
counted without its instances being read (docs/quotes.md, "Evaluation"):

- a *miss* (a gold attribution no quote of ours matched) is ``merged`` when it overlaps a quote of
  ours that matched another gold attribution (we drew one where the gold draws two); an indirect one
  is ``cue found, content elsewhere`` when a quote of ours has its cue on the gold cue; otherwise
  ``cue not found``, by the part of speech of the gold cue's head word and the shape of the gold
  content (a that/wh clause, an infinitive, a finite clause, a noun phrase); a direct one with no
  quote of ours on it is ``not attributed``;
- a *false quote* (a quote of ours that matched nothing) is ``inside a matched gold`` when it
  overlaps a gold attribution that another quote of ours matched (we split what the gold draws as
  one), else ``no gold``; by directness and by the kind of cue that made it (its ``why``);
- an *edge* of a matched pair whose trimmed content ranges differ: the start ours earlier or later,
  the end ours shorter or longer, each by the shape of the stretch in between (a sentence break, a
  clause, words); a direct pair whose number of parts differs is ``parts`` fewer or more.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

Range = tuple[int, int]
_OPENERS = frozenset({"that", "whether", "if", "how", "what", "why", "who", "when", "where", "which"})
_CUE_KINDS = (("cues.tsv", "cues.tsv verbs"), ("clause_verbs.tsv", "verbs in a frame"),
              ("according", "according to"), ("nouns.tsv", "reporting noun"), ("sources.tsv", "poll or view"),
              ("colon", "colon"), ("transcript", "transcript turn"), ("stand-alone", "stand-alone quotation"),
              ("dash", "dash"))


class Attributed(Protocol):
    """What the classes read of an attribution (``evaluate.quotes.Attribution``)."""

    @property
    def content(self) -> tuple[Range, ...]: ...
    @property
    def direct(self) -> bool: ...
    @property
    def why(self) -> str: ...
    @property
    def cue(self) -> tuple[Range, ...]: ...


def _shares(a: tuple[Range, ...], b: tuple[Range, ...]) -> bool:
    return any(min(e1, e2) > max(s1, s2) for s1, e1 in a for s2, e2 in b)


def _span(doc: Doc, ranges: tuple[Range, ...]) -> Span | None:
    if not ranges:
        return None
    start, end = min(s for s, _ in ranges), max(e for _, e in ranges)
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None and len(span) > 0 else None


def content_shape(doc: Doc, ranges: tuple[Range, ...]) -> str:
    """The shape of a content: a that/wh clause, an infinitive, a finite clause, a noun phrase."""
    span = _span(doc, ranges)
    if span is None:
        return "empty"
    words = [t for t in span if not t.is_punct and not t.is_space]
    if not words:
        return "empty"
    if words[0].lower_ in _OPENERS:
        return "that/wh clause"
    if words[0].lower_ == "to" and len(words) > 1 and words[1].pos_ in ("VERB", "AUX"):
        return "infinitive"
    if any(t.dep_ in ("nsubj", "nsubjpass", "expl") and t.head.i >= span.start and t.head.i < span.end
           for t in span):
        return "finite clause"
    return "noun phrase"


def cue_kind(doc: Doc, ranges: tuple[Range, ...]) -> str:
    """The part of speech of the gold cue's head word (a colon or dash is punctuation)."""
    span = _span(doc, ranges)
    if span is None:
        return "no cue"
    pos = span.root.pos_
    return {"AUX": "VERB", "PROPN": "NOUN"}.get(pos, pos)


def rule_kind(why: str) -> str:
    """The kind of cue that made a quote of ours, read from its ``why``."""
    head = why.split("; speaker:")[0]
    for key, name in _CUE_KINDS:
        if key in head:
            return name
    return "other"


def _stretch(doc: Doc, start: int, end: int) -> str:
    """The shape of the text between two offsets: a sentence break, a clause (a verb), or words."""
    if end <= start:
        return "words"
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return "words"
    if any(t.is_sent_start and t.i > span.start for t in span) or any(t.text in ".?!" for t in span[:-1]):
        return "a sentence"
    if any(t.pos_ in ("VERB", "AUX") for t in span):
        return "a clause"
    return "words"


def edge_classes(doc: Doc, gold: Range, ours: Range, kind: str) -> list[str]:
    """The edge classes of one matched pair (trimmed outer ranges); none when both edges agree."""
    out = []
    if ours[0] != gold[0]:
        side = "earlier" if ours[0] < gold[0] else "later"
        out.append(f"edge {kind}: start ours {side}, {_stretch(doc, min(ours[0], gold[0]), max(ours[0], gold[0]))}")
    if ours[1] != gold[1]:
        side = "longer" if ours[1] > gold[1] else "shorter"
        out.append(f"edge {kind}: end ours {side}, {_stretch(doc, min(ours[1], gold[1]), max(ours[1], gold[1]))}")
    return out


def miss_class(doc: Doc, g: Attributed, pred: Sequence[Attributed], matched_p: set[int]) -> str:
    """The class of one gold attribution no quote of ours matched."""
    kind = "direct" if g.direct else "indirect"
    if any(_shares(g.content, pred[i].content) for i in matched_p):
        return f"miss {kind}: merged into a match of ours"
    if g.direct:
        return "miss direct: not attributed"
    if g.cue and any(_shares(g.cue, p.cue) for p in pred):
        return "miss indirect: cue found, content elsewhere"
    return f"miss indirect: cue not found, {cue_kind(doc, g.cue)} x {content_shape(doc, g.content)}"


def false_class(p: Attributed, gold: Sequence[Attributed], matched_g: set[int]) -> str:
    """The class of one quote of ours that matched no gold attribution."""
    kind = "direct" if p.direct else "indirect"
    where = "inside a matched gold" if any(_shares(p.content, gold[i].content) for i in matched_g) else "no gold"
    return f"false {kind}: {where}, {rule_kind(p.why)}"


def count(doc: Doc, trimmed: dict[tuple[int, int], tuple[Range, Range]], gold: Sequence[Attributed],
          pred: Sequence[Attributed], pairs: list[tuple[int, int]]) -> Counter[str]:
    """All classes of one document: ``trimmed`` maps each pair to its (gold, ours) trimmed outer ranges."""
    found: Counter[str] = Counter()
    matched_g, matched_p = {g for g, _ in pairs}, {p for _, p in pairs}
    for gi, g in enumerate(gold):
        if gi not in matched_g:
            found[miss_class(doc, g, pred, matched_p)] += 1
    for pi, p in enumerate(pred):
        if pi not in matched_p:
            found[false_class(p, gold, matched_g)] += 1
    for gi, pi in pairs:
        kind = "direct" if gold[gi].direct else "indirect"
        found.update(edge_classes(doc, *trimmed[(gi, pi)], kind))
        if gold[gi].direct and len(gold[gi].content) != len(pred[pi].content):
            found["parts direct: ours " + ("fewer" if len(pred[pi].content) < len(gold[gi].content) else "more")] += 1
    return found
