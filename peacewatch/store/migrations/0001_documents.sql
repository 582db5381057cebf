-- 0001: documents and the per-document records the pipeline produces.
-- Every record table keeps the full record as JSON (`record`) beside the columns that queries use,
-- so the ledger can always be rebuilt from what was extracted per document.

CREATE TABLE documents (
    id            TEXT PRIMARY KEY,
    content_hash  TEXT NOT NULL UNIQUE,   -- SHA-256 of the UTF-8 text: the same text is stored once
    text          TEXT NOT NULL,
    published     TEXT,
    url           TEXT,
    title         TEXT,
    extra         TEXT NOT NULL DEFAULT '{}',
    error_code    TEXT,
    error_message TEXT,
    ingested_at   TEXT NOT NULL
);
CREATE INDEX documents_published ON documents (published);

-- Inputs that never became a document: unreadable files, lines that are not JSON, empty texts.
CREATE TABLE failures (
    item        TEXT NOT NULL,
    code        TEXT NOT NULL,
    message     TEXT NOT NULL,
    at          TEXT NOT NULL,
    PRIMARY KEY (item, code)
);

CREATE TABLE timexes (
    doc_id     TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char   INTEGER NOT NULL,
    type       TEXT NOT NULL,
    value      TEXT NOT NULL,
    record     TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE mentions (
    doc_id     TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char   INTEGER NOT NULL,
    label      TEXT NOT NULL,
    entity     TEXT,
    record     TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE entities (
    doc_id  TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    id      TEXT NOT NULL,
    name    TEXT NOT NULL,
    kind    TEXT NOT NULL,
    code    TEXT,
    sector  TEXT,
    record  TEXT NOT NULL,
    PRIMARY KEY (doc_id, id)
);
CREATE INDEX entities_code ON entities (code);

CREATE TABLE quotes (
    doc_id  TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx     INTEGER NOT NULL,
    speaker TEXT,
    direct  INTEGER NOT NULL,
    record  TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE events (
    doc_id  TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    id      TEXT NOT NULL,
    type    TEXT NOT NULL,
    mode    TEXT,
    status  TEXT NOT NULL,
    date    TEXT,
    record  TEXT NOT NULL,
    PRIMARY KEY (doc_id, id)
);
CREATE INDEX events_type ON events (type);

CREATE TABLE commitments (
    doc_id  TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    id      TEXT NOT NULL,
    event   TEXT NOT NULL,
    status  TEXT NOT NULL,
    record  TEXT NOT NULL,
    PRIMARY KEY (doc_id, id)
);
