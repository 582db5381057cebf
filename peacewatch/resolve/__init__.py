"""Resolve across documents: stable entities, merged events, commitment status, dyad views.

Everything here is a pure function over the typed records of ``peacewatch.types``; the store
(``peacewatch.store.ledger``) calls it and keeps the result in its ledger tables.
"""

from ..config import LedgerSettings
from .ledger import build_ledger, span_texts_of, unique_results
from .records import Ledger, LedgerCommitment, LedgerEntity, MergedEvent

__all__ = [
    "Ledger", "LedgerCommitment", "LedgerEntity", "LedgerSettings", "MergedEvent",
    "build_ledger", "span_texts_of", "unique_results",
]
