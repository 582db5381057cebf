"""The places a document names: the actor layer's place mentions, and gazetteer names spaCy missed.

A mention labelled GPE, LOC or FAC is a place ("Kharkiv", "the Gaza Strip"); a region word right after
it joins it ("Kherson region") and asks for a division. A run of capitalized words spaCy did not take
for a place (or took for a person, "the village of Kozacha Lopan") is a place only when the gazetteer
knows it, a locative word stands before it ("in", "near", "village of" …), and it lies in a country of
the document's focus or is a large town (``BIG``): a surname after "from" is no village in Brazil.
Datelines and capitals standing for their government keep the actor layer's reading in ``why``
("dateline: …", "metonymy: …") so the place of an event never comes from them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...types import Mention, Place, Result
from ..actors.datelines import is_dateline
from .gazetteer import Gazetteer, fold
from .pick import REGION_WORDS, Choice, pick, state
from .site import GROUND

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

PLACE_LABELS = ("GPE", "LOC", "FAC")
CUES = ("in", "at", "near", "outside", "from", "into", "around", "toward", "towards", "across", "through",
        "inside", "to", "of", "between")
SETTLEMENTS = ("village", "villages", "town", "towns", "city", "settlement", "settlements", "hamlet", "district",
               "region", "province", "outskirts", "suburbs", "suburb", "area", "neighbourhood", "neighborhood")
BIG = 100000
MAX_WORDS = 4
_JOINERS = ("al", "el", "de", "la", "le", "du", "ad", "an", "as", "ash", "ar", "az", "bin", "ibn", "-")


def focus_countries(result: Result, kinds: tuple[str, ...] = ("place",), keep: bool = False) -> tuple[str, ...]:
    """The countries of the document's actors (states, groups, persons … by their codes), most
    mentioned first; entities of ``kinds`` (places, whose country the actor layer may have guessed
    from the name alone) are left out, or with ``keep`` the only ones counted."""
    counts: dict[str, int] = {}
    entities = {e.id: e for e in result.entities}
    for m in result.mentions:
        entity = entities.get(m.entity or "")
        if entity is None or not entity.code or len(entity.code) != 3 or entity.code == "IGO" \
                or (entity.kind in kinds) != keep:
            continue
        counts[entity.code] = counts.get(entity.code, 0) + 1
    return tuple(sorted(counts, key=lambda c: -counts[c]))


def find_places(doc: Doc, result: Result, gaz: Gazetteer, focus: tuple[str, ...], text: str) -> list[Place]:
    """Every place named in the document (``text``: the parsed text, which spaCy would rebuild from
    its tokens on every ``doc.text``), in text order, resolved where the gazetteer allows."""
    places = _from_mentions(doc, result, gaz, focus, text)
    taken = {i for p in places for i in _token_range(doc, p.start, p.end)}
    near = (*focus, *(p.code for p in places if p.code and p.code not in focus))
    places.extend(_from_gazetteer(doc, result, gaz, near, taken, text))
    places.sort(key=lambda p: (p.start, p.end))
    for n, place in enumerate(places, 1):
        place.id = f"p{n}"
    return places


def _from_mentions(doc: Doc, result: Result, gaz: Gazetteer, focus: tuple[str, ...], text: str) -> list[Place]:
    out: list[Place] = []
    covered: list[tuple[int, int]] = []
    for m in sorted(result.mentions, key=lambda m: (m.start, -m.end)):
        entity = result.entity(m.entity)
        is_place = m.label in PLACE_LABELS or (entity is not None and entity.kind == "place")
        if not is_place or any(s <= m.start and m.end <= e for s, e in covered):
            continue
        end, region = _region_word(doc, m.start, m.end)
        code = entity.code if entity is not None and entity.code and len(entity.code) == 3 else None
        choice = pick(gaz, text[m.start:end], code, focus, region)
        if choice is None and entity is not None and entity.kind == "state" and code:
            choice = state(gaz, code)  # "the U.S.", "DRC", "Saudi"
        out.append(_place(text, m.start, end, choice, code, _reading(m)))
        covered.append((m.start, end))
    return out


def _reading(m: Mention) -> str:
    if is_dateline(m):
        return "dateline: "
    return "metonymy: " if m.metonymy else ""


def _region_word(doc: Doc, start: int, end: int) -> tuple[int, bool]:
    """The end of a place mention with a region word after it ("Kherson region"), and whether it has one."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return end, False
    after = doc[span.end]
    if after.lower_ in REGION_WORDS and after.idx - end <= 1:
        return after.idx + len(after.text), True
    return end, False


def _place(text: str, start: int, end: int, choice: Choice | None, code: str | None, reading: str) -> Place:
    if choice is None:
        why = f"{reading}not in the gazetteer" + (f"; country {code} from the actor layer" if code else "")
        return Place("", start, end, text[start:end], code=code, why=why)
    e = choice.entry
    return Place("", start, end, text[start:end], name=e.name, ref=e.ref, geonameid=e.geonameid, code=e.code,
                 admin1=e.admin1, lat=e.lat, lon=e.lon, feature=e.feature, why=reading + choice.why)


def _token_range(doc: Doc, start: int, end: int) -> range:
    span = doc.char_span(start, end, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)


def _from_gazetteer(doc: Doc, result: Result, gaz: Gazetteer, focus: tuple[str, ...],
                    taken: set[int], text: str) -> list[Place]:
    """Names spaCy did not mark as places, after a locative cue, that the gazetteer knows."""
    others = _other_mentions(doc, result)
    out: list[Place] = []
    end = 0
    for i in _name_starts(doc):
        if i < end:
            continue
        found = _match_at(doc, i, gaz, taken)
        if found is None:
            continue
        span, settlement = found
        end = span.end
        if (others.isdisjoint(range(span.start, span.end)) or settlement) and \
                (choice := pick(gaz, span.text, None, focus)) is not None and \
                (choice.entry.code in focus or choice.entry.population >= BIG):
            cue = doc[span.start - 1].lower_
            why = f"gazetteer name after '{cue}'" + (" (a settlement's name)" if settlement else "")
            out.append(_place(text, span.start_char, span.end_char, choice, None, f"{why}: "))
            taken.update(range(span.start, span.end))
    return out


def _name_starts(doc: Doc) -> list[int]:
    """Capitalized words after a locative cue or a verb of acts on ground ("shelled Sumy"), in one pass."""
    out = []
    before = None
    for t in doc:
        if before is not None and t.text[:1].isupper() and t.is_alpha and \
                (before.lower_ in CUES or (before.pos_ == "VERB" and before.lemma_.lower() in GROUND)):
            out.append(t.i)
        before = t
    return out


def _match_at(doc: Doc, i: int, gaz: Gazetteer, taken: set[int]) -> tuple[Span, bool] | None:
    """The longest run of capitalized words from token i that the gazetteer names, and whether a
    settlement noun precedes its cue ("the village of X")."""
    best = None
    for n in range(min(MAX_WORDS, len(doc) - i), 0, -1):
        span = doc[i:i + n]
        last = span[-1]
        if any(t.i in taken or t.is_space or not (t.text[:1].isupper() or t.lower_ in _JOINERS) for t in span) \
                or not last.text[:1].isupper():
            continue
        if gaz.lookup_folded(fold(span.text)):
            best = span
            break
    if best is None:
        return None
    settlement = i > 1 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in SETTLEMENTS
    return best, settlement


def _other_mentions(doc: Doc, result: Result) -> set[int]:
    """Tokens inside mentions of persons, organizations and the like (not places)."""
    out: set[int] = set()
    for m in result.mentions:
        entity = result.entity(m.entity)
        if m.label not in PLACE_LABELS and (entity is None or entity.kind != "place"):
            out.update(_token_range(doc, m.start, m.end))
    return out
