-- 0004: agreements as records (peacewatch.resolve.agreements), rebuilt with the rest of the ledger.
-- One row per agreement reached, however many documents report it: `event` is the merged event
-- that reached it, `day` its place in order ('9999-12-31' when unknown), `stage` PA-X's stage
-- (ceasefire, pre-negotiation, framework, implementation, renewal). The record holds its
-- signatories, third parties, provisions (ledger commitment ids) and, for a ceasefire, its start,
-- end and how it ended. A commitment's record names the agreement it is a provision of.
CREATE TABLE ledger_agreements (
    id     TEXT PRIMARY KEY,
    event  TEXT NOT NULL,
    day    TEXT NOT NULL,
    stage  TEXT NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX ledger_agreements_day ON ledger_agreements (day);
