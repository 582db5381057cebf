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
