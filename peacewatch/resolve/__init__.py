"""Resolve across documents: stable entities, merged events, commitment status, dyad views.

One stage, one implementation (``stage.build``) over the typed records of ``peacewatch.types``,
with its work kept by a space (``space``): in memory for ``build_ledger`` (``memory``), in temporary
SQLite tables for the store (``peacewatch.store.ledger.rebuild_ledger``). Nothing here imports a
stage above it; the store calls this package, never the other way round.
"""

from ..config import LedgerSettings
from .ledger import build_ledger, span_texts_of, unique_results
from .records import Ledger, LedgerCommitment, LedgerEntity, MergedEvent

__all__ = [
    "Ledger", "LedgerCommitment", "LedgerEntity", "LedgerSettings", "MergedEvent",
    "build_ledger", "span_texts_of", "unique_results",
]
