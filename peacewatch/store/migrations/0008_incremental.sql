-- 0008: what an incremental ledger update (peacewatch.store.incremental) keeps between builds, so
-- that it need not make every document's reports again. Derived like every ledger table: emptied and
-- written again by a full rebuild, updated in place by an update.
--
-- One row per report (a per-document event prepared for merging, peacewatch.resolve.reports): the
-- canonical sort key spelt out in the columns the rebuild's sweep orders by (type .. event), what
-- finding the units new reports reach needs (`first`/`last`: the date window as day ordinals, NULL
-- when undated; `actors`: the actor tokens it is placed by, joined by U+001F), and the report itself
-- as JSON (`report`). A report depends only on its own document, the entity ids its arguments
-- resolved to, and the settings: a document whose entities move is made again, a settings change
-- rebuilds.
CREATE TABLE ledger_reports (
    type    TEXT NOT NULL,
    class   TEXT NOT NULL,
    mode    TEXT NOT NULL,
    days    INTEGER NOT NULL,
    start   INTEGER NOT NULL,
    doc     TEXT NOT NULL,
    t0      INTEGER NOT NULL,
    t1      INTEGER NOT NULL,
    s0      INTEGER NOT NULL,
    s1      INTEGER NOT NULL,
    event   TEXT NOT NULL,
    first   INTEGER,
    last    INTEGER,
    actors  TEXT NOT NULL,
    report  TEXT NOT NULL,
    PRIMARY KEY (doc, event)
);
CREATE INDEX ledger_reports_bucket ON ledger_reports (type, class);

-- The merged events that could keep or break a promise of the actions promised at the last build
-- (`ledger_meta` 'actions'), as the rebuild's scratch finds them for deciding promises: one row per
-- actor token (and one with none), the event's date as day ordinals, whether it names recipients;
-- and the recipients' tokens. An update reads these instead of every kept merged event, unless a
-- new document promises an action no earlier one did.
CREATE TABLE ledger_deciding (
    event   TEXT NOT NULL,
    type    TEXT NOT NULL,
    token   TEXT NOT NULL,
    start   INTEGER NOT NULL,
    finish  INTEGER NOT NULL,
    toward  INTEGER NOT NULL
);
CREATE INDEX ledger_deciding_event ON ledger_deciding (event);

CREATE TABLE ledger_toward (
    event   TEXT NOT NULL,
    token   TEXT NOT NULL,
    PRIMARY KEY (event, token)
) WITHOUT ROWID;

-- One row per per-document entity: its own key (peacewatch.resolve.entities.entity_key), the ledger
-- entity it resolved to (`key`, as in ledger_entity_sources) and why, and what the cross-document
-- links read of it: kind, normalized name and its last word, code, and whether a link can move it
-- (`relink`: a person known by one name word or without a code, any other entity without one); and
-- what the ledger entity reads of it besides (its name as written, `label`; sector, role, wikidata),
-- so that a ledger entity is made again from these rows alone.
CREATE TABLE ledger_entity_keys (
    doc_id  TEXT NOT NULL,
    entity  TEXT NOT NULL,
    own     TEXT NOT NULL,
    key     TEXT NOT NULL,
    why     TEXT NOT NULL,
    kind    TEXT NOT NULL,
    name    TEXT NOT NULL,
    last    TEXT NOT NULL,
    code    TEXT,
    relink  INTEGER NOT NULL,
    label   TEXT NOT NULL,
    sector  TEXT,
    role    TEXT,
    wikidata TEXT,
    PRIMARY KEY (doc_id, entity)
) WITHOUT ROWID;
CREATE INDEX ledger_entity_keys_key ON ledger_entity_keys (key);
CREATE INDEX ledger_entity_keys_name ON ledger_entity_keys (name, relink);

-- The cross-document links themselves (peacewatch.resolve.entities.Links): the distinct coded names
-- they keep, one row per (own key, kind, name) of a coded full-name person or a coded non-person.
CREATE TABLE ledger_links (
    own     TEXT NOT NULL,
    kind    TEXT NOT NULL,
    name    TEXT NOT NULL,
    last    TEXT NOT NULL,
    code    TEXT,
    PRIMARY KEY (own, kind, name)
) WITHOUT ROWID;
CREATE INDEX ledger_links_name ON ledger_links (name);
CREATE INDEX ledger_links_last ON ledger_links (last);
