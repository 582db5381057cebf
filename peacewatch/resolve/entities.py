"""Stable entities across documents.

Per-document entities are folded into ledger entities by a key that does not depend on which
document came first:

- states by code (``state:AZE``); IGOs and other organizations by normalized name (IGOs share the
  code ``IGO``, so the code cannot tell them apart);
- persons by normalized full name plus code (``person:jeyhun-bayramov:AZE``);
- a person known only by one name word ("Bayramov") joins the one full-name person of the ledger
  whose last name it is (and whose code agrees), when there is exactly one; a person with no code
  joins the one coded person of the same name, when there is exactly one; likewise any other
  uncoded entity joins the one coded entity of its name and kind family (organization, IGO and
  armed group count as one family, since extraction confuses them).

Resolving "Bayramov" to "Jeyhun Bayramov" inside one document is the actors component's job; this
pass only links what is left across documents. The ledger id is the key itself, so ids are
readable and the same however documents arrive.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..types import Entity, Result
from .records import EntityMention, EntitySource, LedgerEntity

_NON_WORD = re.compile(r"[^\w]+")

EntityMap = dict[tuple[str, str], str]
"""(document id, per-document entity id) → ledger entity id."""


def normalize_name(name: str) -> str:
    """Case-folded, accent-free words joined by '-' ("Jeyhun Bayramov" → "jeyhun-bayramov")."""
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    return "-".join(w for w in _NON_WORD.split(plain.replace("_", " ")) if w)


def entity_key(entity: Entity) -> str:
    """The cross-document key of one per-document entity (see the module docstring)."""
    code = entity.code or ""
    name = normalize_name(entity.name)
    if entity.kind == "state" and entity.code and entity.code != "IGO":
        return f"state:{entity.code}"
    if entity.kind == "person":
        return f"person:{name}:{code}" if code else f"person:{name}"
    return f"{entity.kind}:{name}:{code}" if code else f"{entity.kind}:{name}"


@dataclass
class _Seen:
    """One per-document entity with the key it resolved to and why."""

    doc: str
    entity: Entity
    key: str
    why: str


def resolve_entities(results: Iterable[Result]) -> tuple[list[LedgerEntity], EntityMap]:
    """Fold the entities of every result into ledger entities; return them and the id map."""
    results = list(results)
    return fold_entities(((r.id, e) for r in results for e in r.entities), _mentions_by_entity(results))


def fold_entities(
    entities: Iterable[tuple[str, Entity]], mentions: dict[tuple[str, str], list[EntityMention]] | None = None
) -> tuple[list[LedgerEntity], EntityMap]:
    """Fold per-document entities ((document id, entity) pairs) into ledger entities; return them and
    the id map. ``mentions`` ((document, entity id) → its mentions) fills each ledger entity's
    ``mentions``; without it they stay empty (the store fills them from its own tables)."""
    seen = [_Seen(doc, e, entity_key(e), f"key {entity_key(e)}") for doc, e in entities]
    _link_partial_persons(seen)
    _link_uncoded(seen)
    groups: dict[str, list[_Seen]] = defaultdict(list)
    for item in seen:
        groups[item.key].append(item)
    ledger = [_build(key, items, mentions or {}) for key, items in sorted(groups.items())]
    id_map = {(s.doc, s.entity.id): s.key for s in seen}
    return ledger, id_map


def _link_partial_persons(seen: list[_Seen]) -> None:
    """Attach one-word and uncoded person names to the single full, coded person they can mean."""
    full = sorted({s.key for s in seen if s.entity.kind == "person" and s.entity.code
                   and "-" in normalize_name(s.entity.name)})
    for item in seen:
        if item.entity.kind != "person":
            continue
        name = normalize_name(item.entity.name)
        code = item.entity.code
        if "-" not in name:
            hits = [k for k in full if k.split(":")[1].endswith(f"-{name}") and _code_fits(k, code)]
            rule = "surname matches the one known full name"
        elif not code:
            hits = [k for k in full if k.split(":")[1] == name]
            rule = "uncoded name matches the one coded person of that name"
        else:
            continue
        if len(hits) == 1:
            item.key = hits[0]
            item.why = f"{rule} {hits[0]}"


_ORGANIZATIONS = frozenset({"organization", "igo", "armed_group"})


def _family(kind: str) -> str:
    """Kinds the extraction may confuse for one body ("United Nations" as organization or igo)."""
    return "organization" if kind in _ORGANIZATIONS else kind


def _link_uncoded(seen: list[_Seen]) -> None:
    """Attach an uncoded non-person entity to the single coded entity of its name and kind family
    ("Jeddah" to "Jeddah" in SAU)."""
    coded: dict[tuple[str, str], set[str]] = defaultdict(set)
    for s in seen:
        if s.entity.kind != "person" and s.entity.code:
            coded[(_family(s.entity.kind), normalize_name(s.entity.name))].add(s.key)
    for item in seen:
        if item.entity.kind == "person" or item.entity.code:
            continue
        hits = coded.get((_family(item.entity.kind), normalize_name(item.entity.name)), set())
        if len(hits) == 1:
            item.key = next(iter(hits))
            item.why = f"uncoded name matches the one coded entity of that name {item.key}"


def _code_fits(key: str, code: str | None) -> bool:
    return code is None or key.endswith(f":{code}")


def _mentions_by_entity(results: list[Result]) -> dict[tuple[str, str], list[EntityMention]]:
    out: dict[tuple[str, str], list[EntityMention]] = defaultdict(list)
    for r in results:
        for m in r.mentions:
            if m.entity is not None:
                out[(r.id, m.entity)].append(EntityMention(r.id, m.start, m.end, m.text))
    return out


def _build(
    key: str, items: list[_Seen], mentions: dict[tuple[str, str], list[EntityMention]]
) -> LedgerEntity:
    items = sorted(items, key=lambda s: (s.doc, s.entity.id))
    ents = [s.entity for s in items]
    names = Counter(e.name for e in ents)
    # the full names carry the most: prefer the commonest, then the longest, then alphabetical
    name = min(names, key=lambda n: (-names[n], -len(n), n))
    found = [m for s in items for m in mentions.get((s.doc, s.entity.id), [])]
    found.sort(key=lambda m: (m.doc, m.start, m.end))
    rules = sorted({s.why for s in items})
    return LedgerEntity(
        id=key, key=key, name=name, kind=_commonest([e.kind for e in ents]) or "group",
        code=_commonest([e.code for e in ents]), sector=_commonest([e.sector for e in ents]),
        role=_commonest([e.role for e in ents]), wikidata=_commonest([e.wikidata for e in ents]),
        names=sorted(names), mentions=found,
        sources=[EntitySource(s.doc, s.entity.id, s.entity.name, s.why) for s in items],
        why=f"{len(items)} per-document entit{'y' if len(items) == 1 else 'ies'} in "
            f"{len({s.doc for s in items})} document(s); " + "; ".join(rules),
    )


def _commonest(values: Sequence[str | None]) -> str | None:
    """The most frequent non-null value (ties: alphabetical), or None."""
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], v))
