-- 0009: a ledger entity kept in parts, so that an update in place (peacewatch.store.incremental)
-- writes what new documents add to it, not the whole entity again. `ledger_entities.record` now holds
-- the entity's head (every field but its mentions and sources, written as empty lists); its sources
-- are the `ledger_entity_keys` rows of its key, its mentions the per-document `mentions` of those
-- sources, and the read layer assembles the record the records contract gives from the three
-- (peacewatch.store.entity_parts). A record with sources in it is a whole one written before this
-- migration (a ledger not rebuilt since) and is read as it is.
--
-- What the head reads of the per-document entities folded into it, counted, so that the head can
-- be made again from a few rows: one row per (ledger entity, field, value) with how many of its
-- per-document entities have that value (fields: name as written, kind, code, sector, role,
-- wikidata, why it resolved), and the rows '#items' and '#docs' (value '') with how many
-- per-document entities it has and in how many documents. Derived like every ledger table.
CREATE TABLE ledger_entity_counts (
    key    TEXT NOT NULL,
    field  TEXT NOT NULL,
    value  TEXT NOT NULL,
    n      INTEGER NOT NULL,
    PRIMARY KEY (key, field, value)
) WITHOUT ROWID;

-- What an update needs to decide again only the commitments it touches (peacewatch.store.promises):
-- every per-document promise with the group it joined (`groupkey`: its key, fields joined by U+001F),
-- the merged event it is a report of (`origin`) and itself as JSON (`found`: the document, its
-- publication day, the commitment and the ledger ids of its event and parties);
CREATE TABLE ledger_promises (
    doc        TEXT NOT NULL,
    commitment TEXT NOT NULL,
    groupkey   TEXT NOT NULL,
    origin     TEXT,
    found      TEXT NOT NULL
);
CREATE INDEX ledger_promises_doc ON ledger_promises (doc, commitment);
CREATE INDEX ledger_promises_group ON ledger_promises (groupkey);
CREATE INDEX ledger_promises_origin ON ledger_promises (origin);

-- the deciding events each commitment asked for (one row per obligor token, '' when it names none,
-- and event type, '*' for any; the days as ordinals: an event of that token and type overlapping
-- first..last is a candidate), so that a new or replaced deciding event finds the commitments it
-- can decide;
CREATE TABLE ledger_commitment_reach (
    groupkey TEXT NOT NULL,
    token    TEXT NOT NULL,
    type     TEXT NOT NULL,
    first    INTEGER NOT NULL,
    last     INTEGER NOT NULL
);
CREATE INDEX ledger_commitment_reach_token ON ledger_commitment_reach (token, type, last);
CREATE INDEX ledger_commitment_reach_group ON ledger_commitment_reach (groupkey);

-- and the last day of each commitment's due date (an ordinal), so that a new `as_of` finds those it
-- makes overdue.
CREATE TABLE ledger_commitment_due (
    groupkey TEXT PRIMARY KEY,
    last     INTEGER NOT NULL
);
CREATE INDEX ledger_commitment_due_last ON ledger_commitment_due (last);
