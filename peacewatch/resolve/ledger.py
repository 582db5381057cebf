"""The ledger: per-document results in, one cross-document view out.

``build_ledger`` is a pure function of the set of results and the settings: it never looks at the
order results arrive in, the same document given twice counts once, and rebuilding with other
settings re-derives every merge from the per-document records (so a merge can always be undone).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable

from ..types import Document, Result
from .commitments import track_commitments
from .dates import day
from .entities import resolve_entities
from .events import merge_reports
from .records import Ledger
from .reports import SpanTexts, reports_of
from .settings import LedgerSettings


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
                 span_texts: SpanTexts | None = None) -> Ledger:
    """Resolve entities, merge events and track commitments over every result. ``span_texts`` maps
    (document, start, end) to the text of each event's span when the documents are at hand (see
    ``span_texts_of``): it lets a sentence repeated in one document be recognised."""
    settings = settings or LedgerSettings()
    docs = unique_results(results)
    entities, id_map = resolve_entities(docs)
    events, origin = merge_reports(reports_of(docs, id_map, settings, span_texts), id_map, entities, settings)
    as_of = ledger_as_of([(r.id, r.published) for r in docs], settings)
    commitments = track_commitments(docs, id_map, origin, events, entities, as_of, settings.horizon_days)
    return Ledger(
        as_of=as_of.isoformat() if as_of else None, documents=[r.id for r in docs],
        entities=entities, events=events, commitments=commitments,
    )


def ledger_as_of(documents: Iterable[tuple[str, str | None]], settings: LedgerSettings) -> dt.date | None:
    """The day commitments are judged overdue against: the settings' ``as_of``, else the newest
    publication day among the (id, published) documents."""
    days = (d for _, published in documents if (d := day(published)))
    return day(settings.as_of) or max(days, default=None)


def span_texts_of(documents: Iterable[Document], results: Iterable[Result]) -> dict[tuple[str, int, int], str]:
    """The text of every event span, from the documents the results were made from."""
    texts = {d.id: d.text for d in documents}
    return {(r.id, e.span[0], e.span[1]): texts[r.id][e.span[0]:e.span[1]]
            for r in results if r.id in texts for e in r.events}
