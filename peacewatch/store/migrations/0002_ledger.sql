-- 0002: the cross-document ledger (peacewatch.resolve), rebuilt from the per-document tables of 0001
-- by peacewatch.store.ledger.rebuild_ledger. Nothing here is original data: every table can be
-- emptied and rebuilt with other settings, which is what makes a merge reversible.

-- How the ledger was last built: settings (JSON), as_of, built_at.
CREATE TABLE ledger_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Entities with one id across documents.
CREATE TABLE ledger_entities (
    id     TEXT PRIMARY KEY,
    kind   TEXT NOT NULL,
    code   TEXT,
    name   TEXT NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX ledger_entities_code ON ledger_entities (code);

-- Which per-document entity became which ledger entity.
CREATE TABLE ledger_entity_sources (
    doc_id    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    ledger_id TEXT NOT NULL,
    PRIMARY KEY (doc_id, entity)
) WITHOUT ROWID;
CREATE INDEX ledger_entity_sources_ledger ON ledger_entity_sources (ledger_id);

-- Merged events: one row per real-world event. `day` is its place on a timeline (YYYY-MM-DD,
-- '9999-12-31' when unknown), so ordering by it puts undated events last.
CREATE TABLE ledger_events (
    id             TEXT PRIMARY KEY,
    type           TEXT NOT NULL,
    mode           TEXT,
    status         TEXT NOT NULL,
    day            TEXT NOT NULL,
    date           TEXT,
    first_reported TEXT,
    quad           TEXT,
    score          REAL,
    reports        INTEGER NOT NULL,
    record         TEXT NOT NULL
);
CREATE INDEX ledger_events_day ON ledger_events (day);
CREATE INDEX ledger_events_type_day ON ledger_events (type, day);

-- Which per-document event is a report of which merged event.
CREATE TABLE ledger_event_mentions (
    doc_id   TEXT NOT NULL,
    event    TEXT NOT NULL,
    ledger_event TEXT NOT NULL,
    PRIMARY KEY (doc_id, event)
) WITHOUT ROWID;
CREATE INDEX ledger_event_mentions_ledger ON ledger_event_mentions (ledger_event);

-- The dyad index: one row per (a, b) pair an event belongs to, a < b, each a country code
-- ('code:AZE') or a ledger entity id. A dyad timeline is one range scan of the primary key.
CREATE TABLE ledger_dyads (
    a        TEXT NOT NULL,
    b        TEXT NOT NULL,
    day      TEXT NOT NULL,
    event_id TEXT NOT NULL,
    type     TEXT NOT NULL,
    PRIMARY KEY (a, b, day, event_id)
) WITHOUT ROWID;

-- Commitments with their status over the whole ledger.
CREATE TABLE ledger_commitments (
    id     TEXT PRIMARY KEY,
    event  TEXT,
    status TEXT NOT NULL,
    made   TEXT,
    due    TEXT,
    record TEXT NOT NULL
);
CREATE INDEX ledger_commitments_status ON ledger_commitments (status);
