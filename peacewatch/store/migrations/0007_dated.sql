-- 0007: the reference day of a document with no publication date, inferred from its own text
-- (the result's `dated`, JSON; docs/time.md). The ledger places such a document's undated reports
-- by it, as it would by `published`; NULL when the document has a publication date.

ALTER TABLE documents ADD COLUMN dated TEXT;
