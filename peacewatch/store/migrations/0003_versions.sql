-- 0003: earlier texts of corrected documents. A document sent again with the same id and a new text
-- replaces the stored one (its per-document records, and so its part of the ledger, are replaced);
-- the text it replaced is kept here, so nothing is lost and nothing is counted twice.
-- `version` numbers the texts of one id from 1 (the first stored); the current text is the one in
-- `documents`, numbered one more than the highest here.

CREATE TABLE versions (
    id           TEXT NOT NULL,
    version      INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    text         TEXT NOT NULL,
    published    TEXT,
    title        TEXT,
    url          TEXT,
    replaced_at  TEXT NOT NULL,
    PRIMARY KEY (id, version)
);
CREATE INDEX versions_content_hash ON versions (content_hash);
