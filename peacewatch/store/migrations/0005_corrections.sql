-- 0005: the analysts' corrections, an append-only log (peacewatch.store.corrections writes it; the
-- resolve stage applies it at every rebuild, peacewatch.resolve.corrections). Rows are never updated
-- or deleted: a correction of a correction is a new row naming the one it `supersedes`, and
-- withdrawing one is a row of kind 'withdraw'. A correction names no ledger id: `anchor` (JSON) holds
-- the document ids, content hashes and evidence spans it is about, which survive a rebuild.
CREATE TABLE corrections (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL,            -- event, reject, add, merge, split, commitment, actor, withdraw
    anchor     TEXT NOT NULL,            -- JSON: {"mentions": [...]}, {"groups": [[...], [...]]}, {"name": ...}
    change     TEXT NOT NULL,            -- JSON: the analyst's values ({"type": "ATTACK"}, {"status": ...})
    by         TEXT NOT NULL,
    at         TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    supersedes INTEGER REFERENCES corrections (id),
    key        TEXT NOT NULL UNIQUE      -- hash of kind, anchor, change, by, at, note: an import adds a row once
);

-- What became of each active correction in the last rebuild (derived, emptied with the ledger):
-- 'applied' with the reports it acted on and the machine's values, or 'orphaned' (its text is gone).
CREATE TABLE ledger_corrections (
    correction INTEGER PRIMARY KEY,
    state      TEXT NOT NULL,
    record     TEXT NOT NULL             -- JSON: {"reports": [[doc, event], ...], "machine": {...}, "commitment": id}
);

-- Which report of which document a correction acted on, to mark the merged event it is now part of.
CREATE TABLE ledger_correction_reports (
    correction INTEGER NOT NULL,
    doc_id     TEXT NOT NULL,
    event      TEXT NOT NULL,
    PRIMARY KEY (correction, doc_id, event)
) WITHOUT ROWID;
CREATE INDEX ledger_correction_reports_event ON ledger_correction_reports (doc_id, event);
