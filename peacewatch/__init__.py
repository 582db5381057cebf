"""peacewatch: a verified, source-linked ledger of events in conflicts and peace processes."""

__version__ = "0.1.0"
