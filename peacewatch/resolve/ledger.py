"""The ledger: per-document results in, one cross-document view out.

``build_ledger`` is a pure function of the set of results and the settings: it never looks at the
order results arrive in, the same document given twice counts once, and rebuilding with other
settings re-derives every merge from the per-document records (so a merge can always be undone).
It runs the resolve stage (``stage.build``) over results in memory; the store runs the very same
stage over its tables (``peacewatch.store.ledger.rebuild_ledger``).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable

from ..config import LedgerSettings
from ..types import Document, Result
from .corrections import Correction
from .entities import EntityMap
from .memory import MemorySource, MemorySpace
from .records import Ledger, LedgerEntity
from .reports import SpanTexts
from .stage import build, fold_entities


def unique_results(results: Iterable[Result]) -> list[Result]:
    """One result per document id, in id order; failed documents are left out.

    When one id comes with different records, the choice does not depend on arrival order: the
    result whose JSON sorts last is kept.
    """
    by_id: dict[str, list[Result]] = defaultdict(list)
    for r in results:
        if r.error is None:
            by_id[r.id].append(r)
    return [found[0] if len(found) == 1 else max(found, key=_as_json) for _, found in sorted(by_id.items())]


def _as_json(result: Result) -> str:
    return json.dumps(result.to_dict(), sort_keys=True, ensure_ascii=False)


def build_ledger(results: Iterable[Result], settings: LedgerSettings | None = None,
                 span_texts: SpanTexts | None = None, corrections: Iterable[Correction] = ()) -> Ledger:
    """Resolve entities, merge events and track commitments over every result. ``span_texts`` maps
    (document, start, end) to the text of each event's span when the documents are at hand (see
    ``span_texts_of``): it lets a sentence repeated in one document be recognised. ``corrections``
    are the analysts' (``corrections.py``), applied as the store applies its log."""
    settings = settings or LedgerSettings()
    source = MemorySource(unique_results(results), span_texts, corrections)
    space = MemorySpace(source.mentions())
    built = build(source, space, settings)
    return Ledger(
        as_of=built.as_of.isoformat() if built.as_of else None, documents=[r.id for r in source.results],
        entities=space.entities, events=space.events, commitments=space.commitments,
        agreements=space.agreements,
    )


def resolve_entities(results: Iterable[Result]) -> tuple[list[LedgerEntity], EntityMap]:
    """Only the entity step over some results: the ledger entities and the map (document,
    per-document entity) → ledger entity id."""
    source = MemorySource(list(results))
    space = MemorySpace(source.mentions())
    fold_entities(source, space)
    return space.entities, dict(space.entity_keys())


def span_texts_of(documents: Iterable[Document], results: Iterable[Result]) -> dict[tuple[str, int, int], str]:
    """The text of every event span, from the documents the results were made from."""
    texts = {d.id: d.text for d in documents}
    return {(r.id, e.span[0], e.span[1]): texts[r.id][e.span[0]:e.span[1]]
            for r in results if r.id in texts for e in r.events}
