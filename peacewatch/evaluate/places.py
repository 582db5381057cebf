"""``peacewatch eval places GOLD``: where events happened and what place names stand for.

The gold (``tests/golden/places.jsonl``, docs/places.md) holds two kinds of record, each in a ``split``
(``tune``: the rules were adjusted on it; ``test``: left untouched, the figure to report):

- a text of the project's own: ``{"id", "split", "text", "published", "events": [...], "places": [...]}``;
- a reference into the development corpus, read at run time and never copied:
  ``{"id", "split", "doc": "dev-010", "events": [...]}``; ``doc`` is looked up in
  ``shared/corpus/dev_peace_processes.jsonl`` in a parent folder of the gold file or of the working
  directory, and the record is skipped (counted in ``skipped``) when it cannot be found.

An event item is ``{"trigger_span": [s, e], "place": REF or null, "precision": 1-3 or null}``; a place
item ``{"span": [s, e], "place": REF or null}``. REF is a key of the shipped gazetteer
(``geonames:ID``, ``geonames-admin1:CC.CODE``, ``peacewatch:…``); null: the text gives no place the
gazetteer holds.

Scores, per split and overall:

- ``place_acc``: gold events whose predicted event (the one whose trigger overlaps most) has the
  gold place: the same REF or coordinates within 25 km; for a null gold place, no coordinates;
- ``precision_agree``: the same gold events, predicted precision equal to the gold one (null = null);
- ``mention_acc``: gold place mentions resolved to the gold place (same test) by an overlapping place;
- ``found``: share of gold events the events component found at all (the rest are not scored).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import EvalError
from ..extract.places.gazetteer import Entry, Gazetteer
from ..pipeline import Pipeline
from ..types import Document, Event, Place, Result
from .scores import Scores, read_gold_lines

if TYPE_CHECKING:
    from ..config import Config

CORPUS = Path("shared") / "corpus" / "dev_peace_processes.jsonl"
NEAR_KM = 25.0
SPLITS = ("tune", "test")


@dataclass
class Tally:
    events: int = 0
    found: int = 0
    place_ok: int = 0
    precision_ok: int = 0
    mentions: int = 0
    mention_ok: int = 0

    def scores(self) -> dict[str, float]:
        return {"place_acc": _ratio(self.place_ok, self.found),
                "precision_agree": _ratio(self.precision_ok, self.found),
                "mention_acc": _ratio(self.mention_ok, self.mentions), "found": _ratio(self.found, self.events)}


@dataclass
class Case:
    id: str
    split: str
    text: str
    published: str | None
    events: list[dict[str, Any]]
    places: list[dict[str, Any]] = field(default_factory=list)


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def evaluate(gold_path: Path, config: Config, *, limit: int | None = None,
             baseline: str | None = None) -> Scores:
    """Score the places component on a places gold file."""
    if baseline is not None:
        raise EvalError("the places evaluation has no baseline", "E051")
    cases, skipped = read_gold(gold_path, limit)
    pipe = Pipeline.build(_with_places(config))
    gaz = Gazetteer()
    tallies = {s: Tally() for s in SPLITS}
    errors: list[str] = []
    results = pipe.annotate([Document(id=c.id, text=c.text, published=c.published) for c in cases])
    for case, result in zip(cases, results, strict=True):
        if result.error is not None:
            errors.append(f"{case.id} failed: {result.error.code} {result.error.message}")
        score_case(case, result, gaz, tallies[case.split], errors)
    total = Tally(*(sum(getattr(t, f) for t in tallies.values()) for f in vars(Tally())))
    scores = {f"{split}_{k}": v for split, t in tallies.items() for k, v in t.scores().items()}
    scores.update(total.scores())
    counts = {"cases": len(cases), "skipped": skipped, "events": total.events, "scored": total.found,
              "mentions": total.mentions}
    return Scores(task="places", gold=str(gold_path), scores=scores, counts=counts, errors=errors)


def _with_places(config: Config) -> Config:
    names = list(config.pipeline)
    return config if "places" in names else config.with_overrides(pipeline=[*names, "places"])


def read_gold(path: Path, limit: int | None = None) -> tuple[list[Case], int]:
    """The cases of a places gold file, and how many corpus references could not be read."""
    rows = read_gold_lines(path, ("id", "split", "events"), limit)
    corpus: dict[str, dict[str, Any]] | None = None
    cases, skipped = [], 0
    for number, row in enumerate(rows, 1):
        if row["split"] not in SPLITS:
            raise EvalError(f"{path} record {number}: split must be one of {', '.join(SPLITS)}", "E050")
        if "doc" in row:
            corpus = _corpus(path) if corpus is None else corpus
            doc = corpus.get(row["doc"])
            if doc is None:
                skipped += 1
                continue
            cases.append(Case(row["id"], row["split"], doc["text"], doc.get("date"), row["events"]))
        elif isinstance(row.get("text"), str):
            cases.append(Case(row["id"], row["split"], row["text"], row.get("published"), row["events"],
                              row.get("places", [])))
        else:
            raise EvalError(f"{path} record {number} has neither 'text' nor 'doc'; see docs/places.md", "E050")
    return cases, skipped


def _corpus(gold: Path) -> dict[str, dict[str, Any]]:
    """The development corpus by id, from the first parent folder that holds ``shared/corpus``."""
    for folder in (*gold.resolve().parents, *Path.cwd().resolve().parents, Path.cwd().resolve()):
        path = folder / CORPUS
        if path.is_file():
            try:
                lines = path.read_text("utf-8").splitlines()
                return {d["id"]: d for d in map(json.loads, filter(None, lines))}
            except (OSError, ValueError, KeyError) as e:
                raise EvalError(f"the development corpus {path} cannot be read: {e}", "E050") from e
    return {}


def score_case(case: Case, result: Result, gaz: Gazetteer, tally: Tally, errors: list[str]) -> None:
    """Add one case's events and place mentions to ``tally``; misses go to ``errors``."""
    for item in case.events:
        tally.events += 1
        span = (int(item["trigger_span"][0]), int(item["trigger_span"][1]))
        event = _matching_event(result.events, span)
        if event is None:
            errors.append(f"{case.id} {case.split}: no event at {case.text[span[0]:span[1]]!r} {list(span)}")
            continue
        tally.found += 1
        location = event.location or {}
        place_ok = same_place(gaz, item.get("place"), location.get("ref"), location.get("lat"), location.get("lon"))
        precision_ok = location.get("precision") == item.get("precision")
        tally.place_ok += place_ok
        tally.precision_ok += precision_ok
        if not (place_ok and precision_ok):
            got = location.get("ref") or location.get("name")
            errors.append(f"{case.id} {case.split}: event {case.text[span[0]:span[1]]!r} gold "
                          f"{item.get('place')} p{item.get('precision')}, got {got} "
                          f"p{location.get('precision')} ({location.get('why', 'no place')})")
    for item in case.places:
        tally.mentions += 1
        span = (int(item["span"][0]), int(item["span"][1]))
        place = _matching_place(result.places, span)
        ok = place is not None and same_place(gaz, item.get("place"), place.ref, place.lat, place.lon)
        tally.mention_ok += ok
        if not ok:
            got = "nothing" if place is None else f"{place.ref} ({place.why})"
            errors.append(f"{case.id} {case.split}: place {case.text[span[0]:span[1]]!r} gold {item.get('place')}, "
                          f"got {got}")


def same_place(gaz: Gazetteer, gold: str | None, ref: str | None, lat: float | None, lon: float | None) -> bool:
    """The gold place and a prediction agree: the same key or within NEAR_KM; nothing for nothing."""
    if gold is None:
        return lat is None or lon is None
    if ref == gold:
        return True
    entry = gaz.entry(gold)
    if entry is None:
        raise EvalError(f"gold place {gold!r} is not in the shipped gazetteer; rebuild or fix the gold", "E050")
    return lat is not None and lon is not None and _km(entry, lat, lon) <= NEAR_KM


def _km(entry: Entry, lat: float, lon: float) -> float:
    if entry.lat is None or entry.lon is None:
        return math.inf
    p1, p2 = math.radians(entry.lat), math.radians(lat)
    dp, dl = p2 - p1, math.radians(lon - entry.lon)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _matching_event(events: list[Event], span: tuple[int, int]) -> Event | None:
    best = max(events, key=lambda e: _overlap(e.trigger_span, span), default=None)
    return best if best is not None and _overlap(best.trigger_span, span) > 0 else None


def _matching_place(places: list[Place], span: tuple[int, int]) -> Place | None:
    best = max(places, key=lambda p: _overlap((p.start, p.end), span), default=None)
    return best if best is not None and _overlap((best.start, best.end), span) > 0 else None
