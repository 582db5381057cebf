"""Actor-code recall on PLOVER-style gold sentences: does each gold actor's country appear?

For every gold event of a sentence, its ``source`` (actor) and ``target`` (recipient) codes are
read (CAMEO codes mapped to ISO 3166-1 alpha-3 through ``codes.cameo_to_iso``). A gold actor is
*found* when some entity of the sentence, as the pipeline resolves it, carries that code (a group
entity such as "the pair" counts with the codes of its members). Each distinct (sentence, role,
code, text) counts once.

Gold actors are classified by their ``source_text`` / ``target_text`` against our tables, after
dropping a leading "the" and a trailing possessive: ``state`` (a state name or short form),
``capital`` (a capital or seat of government), ``demonym`` (a demonym or adjective), else
``other`` ("Israeli soldiers", "President Bill Clinton", "Hamas"). The gate score is the recall over
the first three together (``recall_state_capital_demonym``); ``recall`` is over all gold actors.
``code_precision`` is the share of the distinct codes found in a sentence that some gold actor or
recipient of that sentence has (a sentence names more states than act in it, so this stays low).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..extract.actors import tables
from ..pipeline import Pipeline
from ..types import Document, Result
from .codes import cameo_to_iso
from .scores import Scores, read_gold_lines

if TYPE_CHECKING:
    from spacy.language import Language

    from ..config import Config

CLASSES = ("state", "capital", "demonym", "other")
ROLES = (("source", "actor"), ("target", "recipient"))


@dataclass(frozen=True)
class GoldActor:
    sentence: str
    role: str
    code: str
    text: str
    cls: str


def evaluate_actor_codes(gold_path: Path, config: Config, *, limit: int | None = None,
                         nlp: Language | None = None) -> Scores:
    """Recall of gold actor and recipient codes among the entities the pipeline finds per sentence."""
    records = read_gold(gold_path, limit)
    pipe = Pipeline.build(with_actors(config), nlp=nlp)
    docs = [Document(id=str(r["id"]), text=r["text"], published=r.get("date")) for r in records]
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    errors: list[str] = []
    for record, result in zip(records, pipe.annotate(docs), strict=True):
        codes = entity_codes(result)
        gold_codes = {a.code for a in gold_actors(record)}
        total["predicted_codes"] += len(codes)
        found["predicted_codes"] += len(codes & gold_codes)
        for actor in gold_actors(record):
            total[actor.cls] += 1
            if actor.code in codes:
                found[actor.cls] += 1
            else:
                errors.append(f"MISS [{actor.cls}] {actor.sentence} {actor.role} {actor.code} "
                              f"{actor.text!r}; found codes: {', '.join(sorted(codes)) or 'none'}")
    return _scored(gold_path, found, total, errors, len(records))


def with_actors(config: Config) -> Config:
    """The configuration with the ``actors`` component in place of the baseline ``mentions``."""
    names = list(config.pipeline)
    if "actors" not in names:
        names = [("actors" if n == "mentions" else n) for n in names]
        if "actors" not in names:
            names.insert(0, "actors")
    return replace(config, pipeline=tuple(names))


def read_gold(path: Path, limit: int | None) -> list[dict[str, Any]]:
    """Gold sentences of ``shared/data/events`` (JSON Lines with ``text`` and ``events``)."""
    return read_gold_lines(path, ("text", "events"), limit)


def gold_actors(record: dict[str, Any]) -> list[GoldActor]:
    """The distinct gold actors and recipients of one sentence, classified."""
    seen: dict[tuple[str, str, str], GoldActor] = {}
    for event in record["events"]:
        for field, role in ROLES:
            code = cameo_to_iso(event.get(field))
            text = event.get(f"{field}_text") or ""
            if code and (role, code, text) not in seen:
                seen[(role, code, text)] = GoldActor(str(record["id"]), role, code, text, classify(text))
    return list(seen.values())


def entity_codes(result: Result) -> set[str]:
    """Codes of every entity of a result, group members included."""
    codes = set()
    for ent in result.entities:
        if ent.code:
            codes.add(ent.code)
        for member in getattr(ent, "members", []):
            sub = result.entity(member)
            if sub is not None and sub.code:
                codes.add(sub.code)
    return codes


def classify(text: str) -> str:
    """'state', 'capital' or 'demonym' when the gold text is just that, else 'other'."""
    key = text.strip()
    if key.lower().startswith("the "):
        key = key[4:]
    for suffix in ("'s", "\u2019s"):
        key = key.removesuffix(suffix)
    return _forms().get(key.strip(), "other")


@lru_cache(maxsize=1)
def _forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for s in tables.states():
        for f in s.demonyms:
            forms[f] = "demonym"
        for f in s.capitals:
            forms[f] = "capital"
        for f in (*s.iso_names, *s.names):
            forms[f] = "state"
    forms.update({seat.name: "capital" for seat in tables.seats()})
    return forms


def _scored(gold: Path, found: Counter[str], total: Counter[str], errors: list[str], n: int) -> Scores:
    def recall(classes: tuple[str, ...]) -> float:
        t = sum(total[c] for c in classes)
        return sum(found[c] for c in classes) / t if t else 0.0

    main = ("state", "capital", "demonym")
    scores = {"recall": recall(CLASSES), "recall_state_capital_demonym": recall(main),
              "code_precision": recall(("predicted_codes",))}
    breakdown = {"recall_by_class": {c: {"recall": recall((c,)), "gold": float(total[c])} for c in CLASSES}}
    counts = {"sentences": n, "gold_actors": sum(total[c] for c in CLASSES),
              "found": sum(found[c] for c in CLASSES), "predicted_codes": total["predicted_codes"],
              "gold_state_capital_demonym": sum(total[c] for c in main)}
    return Scores("actor_codes", str(gold), scores, breakdown, {}, counts, errors)
