-- An intervision group lasts for years: its members, the meetings it held, its case queue, the action
-- points and learning points that carry over, and its attendance register. It is kept as one document
-- that is replaced whole, guarded by its version (compare-and-set), rather than as an append-only log:
-- a member who leaves takes their learning points along and a group can erase what carried over, and
-- both must really remove the text. The cards and summaries of its meetings stay in meeting_event and
-- follow the meetings' own retention.
CREATE TABLE intervision_group (
  group_id   TEXT        PRIMARY KEY,
  version    BIGINT      NOT NULL CHECK (version > 0),
  state      JSONB       NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The retention sweep finds groups nobody has touched for a long time.
CREATE INDEX intervision_group_updated_at ON intervision_group (updated_at);
