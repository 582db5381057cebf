-- 0004: indexes for listings of merged events (the web API, `peacewatch serve`).
-- The orders the read layer offers besides the timeline (store/event_query.SORTS: by score, by
-- number of reports, by first report) are read off an index, so a page deep into a long listing
-- (`sort=-score&offset=90000`) sorts nothing; a descending order is the exact reverse of its index.
-- The dyad index by event tells which events are in no pair, the only ones whose record an
-- `actor=` filter has to read.

CREATE INDEX ledger_events_score ON ledger_events (score, day, id);
CREATE INDEX ledger_events_reports ON ledger_events (reports, day, id);
CREATE INDEX ledger_events_first_reported ON ledger_events (first_reported, id);
CREATE INDEX ledger_dyads_event ON ledger_dyads (event_id);
