-- Wrong join codes (and refused device codes) per meeting or group, shared by every node, so that the
-- per-meeting limit (JOIN_FAILURES_PER_MINUTE_PER_MEETING) holds however many nodes an attacker spreads
-- guesses over. Only the last minute counts: a row is a wrong code tried at `at` (the database's clock,
-- so the nodes' clocks do not matter). Inserting deletes the key's older rows; the hourly retention sweep
-- deletes the rest. The key is a meeting id or a group id; no address and no code is kept.
CREATE TABLE wrong_code (
  key TEXT        NOT NULL,
  at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX wrong_code_key_at ON wrong_code (key, at);
