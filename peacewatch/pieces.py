"""Long texts in bounded pieces: where to cut them, and how the pieces' results become one.

spaCy's parser and several of our components cost more than linearly in the length of one Doc
(an event looks at every time expression of its document, say), so a text longer than
``piece_chars`` is annotated piece by piece: cut at a paragraph break, else a line break, else a
sentence end, else a space, in the second half of the allowed length. ``merge`` then shifts every
span of a piece by the piece's offset, so each one slices the original text, and renumbers the ids
of later pieces after those of earlier ones (``ev1``… ``ev9`` then ``ev10``…); an entity already
met in an earlier piece (same name, kind, code, sector, role) keeps its first id. A text no longer
than ``piece_chars`` is one piece and its result is left exactly as it was.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .types import Argument, Commitment, Entity, Event, Mention, Quote, Result, Span

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc

# Where a piece may end, best first: after a paragraph break, a line break, a sentence, a word.
_CUTS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?][\"'”’)]*\s"), re.compile(r"\s"))


def split(text: str, size: int) -> list[tuple[int, int]]:
    """``(start, end)`` of pieces of at most ``size`` characters that cover ``text`` end to end."""
    pieces: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        end = _cut(text, start, start + size)
        pieces.append((start, end))
        start = end
    pieces.append((start, len(text)))
    return pieces


def _cut(text: str, start: int, limit: int) -> int:
    """The best place to end a piece that starts at ``start`` and may not pass ``limit``."""
    floor = start + (limit - start) // 2
    for pattern in _CUTS:
        ends = [m.end() for m in pattern.finditer(text, floor, limit)]
        if ends:
            return ends[-1]
    return limit


# spaCy's tokenizer strips punctuation off a run of text without spaces one mark at a time, copying
# the rest each time: 9,600 dashes or colons took 26-31 s, a piece of 20,000 about two minutes, and
# the parse is outside the document time limit. Runs longer than this are tokenized in slices.
LONG_RUN = 400
_RUN = re.compile(r"\S{%d,}" % (LONG_RUN + 1))


class BoundedTokenizer:
    """spaCy's tokenizer, given no run without whitespace longer than ``LONG_RUN`` characters: a text
    with one is cut inside such runs, each slice tokenized alone and the Docs joined, so the Doc's
    text is the text (a cut always ends a token there). Text without such runs goes straight through."""

    def __init__(self, inner: Callable[[str], Doc]) -> None:
        self.inner = inner

    def __call__(self, text: str) -> Doc:
        if _RUN.search(text) is None:
            return self.inner(text)
        from spacy.tokens import Doc

        cuts = [cut for m in _RUN.finditer(text) for cut in range(m.start() + LONG_RUN, m.end(), LONG_RUN)]
        bounds = zip([0, *cuts], [*cuts, len(text)], strict=True)
        return Doc.from_docs([self.inner(text[lo:hi]) for lo, hi in bounds], ensure_whitespace=False)


class _Ids:
    """New ids for the records of later pieces: the same prefix, numbered after the earlier ones."""

    def __init__(self) -> None:
        self.last: dict[str, int] = {}
        self.used: set[str] = set()

    def keep(self, record_id: str) -> str:
        prefix, number = _parts(record_id)
        self.last[prefix] = max(self.last.get(prefix, 0), number)
        self.used.add(record_id)
        return record_id

    def fresh(self, record_id: str) -> str:
        prefix, _ = _parts(record_id)
        self.last[prefix] = self.last.get(prefix, 0) + 1
        new = f"{prefix}{self.last[prefix]}"
        while new in self.used:  # an id of another shape took it
            self.last[prefix] += 1
            new = f"{prefix}{self.last[prefix]}"
        self.used.add(new)
        return new


def _parts(record_id: str) -> tuple[str, int]:
    match = re.fullmatch(r"(.*?)(\d+)", record_id)
    return (match.group(1), int(match.group(2))) if match else (record_id, 0)


def merge(parts: list[tuple[int, Result]]) -> Result:
    """One result from the results of the pieces starting at the given offsets (in text order).

    The first piece starts at 0 and keeps its ids; error results are not merged (the caller fails
    the document instead).
    """
    first = parts[0][1]
    merged = Result(id=first.id, published=first.published)
    ids = _Ids()
    known: dict[tuple[object, ...], str] = {}
    for index, (offset, part) in enumerate(parts):
        entities = _entity_ids(part.entities, ids, known, first_piece=index == 0)
        events = {e.id: (ids.keep(e.id) if index == 0 else ids.fresh(e.id)) for e in part.events}
        _add(merged, part, _Shift(offset, entities, events, ids, index == 0))
    return merged


def _entity_ids(
    entities: list[Entity], ids: _Ids, known: dict[tuple[object, ...], str], first_piece: bool
) -> dict[str, str]:
    """Each entity of a piece -> its id in the merged result (an entity met before keeps its id)."""
    out: dict[str, str] = {}
    for entity in entities:
        key = (entity.name, entity.kind, entity.code, entity.sector, entity.role, entity.wikidata)
        if first_piece:
            out[entity.id] = ids.keep(entity.id)
            known.setdefault(key, entity.id)
        elif key in known and not entity.members:
            out[entity.id] = known[key]
        else:
            out[entity.id] = ids.fresh(entity.id)
            known.setdefault(key, out[entity.id])
    return out


class _Shift:
    """Moves one piece's records into the merged result: offsets shifted, ids mapped."""

    def __init__(self, offset: int, entities: dict[str, str], events: dict[str, str], ids: _Ids,
                 first: bool) -> None:
        self.offset, self.entities, self.events, self.ids, self.first = offset, entities, events, ids, first

    def span(self, span: Span) -> Span:
        return (span[0] + self.offset, span[1] + self.offset)

    def maybe_span(self, span: Span | None) -> Span | None:
        return None if span is None else self.span(span)

    def entity(self, entity_id: str | None) -> str | None:
        return None if entity_id is None else self.entities.get(entity_id, entity_id)

    def argument(self, arg: Argument) -> Argument:
        return replace(arg, entity=self.entity(arg.entity))


def _add(merged: Result, part: Result, s: _Shift) -> None:
    merged.timexes += [replace(t, start=t.start + s.offset, end=t.end + s.offset) for t in part.timexes]
    merged.mentions += [_mention(m, s) for m in part.mentions]
    taken = {e.id for e in merged.entities}
    for entity in part.entities:
        if s.entities[entity.id] not in taken:
            taken.add(s.entities[entity.id])
            merged.entities.append(_entity(entity, s))
    merged.quotes += [_quote(q, s) for q in part.quotes]
    merged.events += [_event(e, s) for e in part.events]
    merged.commitments += [_commitment(c, s) for c in part.commitments]


def _mention(m: Mention, s: _Shift) -> Mention:
    return replace(m, start=m.start + s.offset, end=m.end + s.offset, entity=s.entity(m.entity))


def _entity(e: Entity, s: _Shift) -> Entity:
    return replace(e, id=s.entities[e.id], members=[s.entity(m) or m for m in e.members])


def _quote(q: Quote, s: _Shift) -> Quote:
    return replace(q, content_span=s.span(q.content_span), speaker=s.entity(q.speaker),
                   speaker_span=s.maybe_span(q.speaker_span), cue_span=s.maybe_span(q.cue_span))


def _event(e: Event, s: _Shift) -> Event:
    return replace(
        e, id=s.events[e.id], trigger_span=s.span(e.trigger_span), span=s.span(e.span),
        date_span=s.maybe_span(e.date_span), actor=[s.argument(a) for a in e.actor],
        recipient=[s.argument(a) for a in e.recipient], reported_by=s.entity(e.reported_by),
    )


def _commitment(c: Commitment, s: _Shift) -> Commitment:
    return replace(
        c, id=s.ids.keep(c.id) if s.first else s.ids.fresh(c.id), event=s.events.get(c.event, c.event),
        obligor=[s.entity(o) or o for o in c.obligor], beneficiary=[s.entity(b) or b for b in c.beneficiary],
    )

