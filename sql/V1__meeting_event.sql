-- One row per accepted command: the meeting's next sequence number and the events it produced.
-- The primary key is the optimistic lock: when two server nodes both try to write seq N of a
-- meeting, exactly one insert succeeds; the other node reloads the meeting and decides again.
CREATE TABLE meeting_event (
  meeting_id  TEXT        NOT NULL,
  seq         BIGINT      NOT NULL CHECK (seq > 0),
  actor_id    TEXT        NOT NULL,
  -- the sender's id for the command, so a command re-sent after a lost ack is applied only once
  command_id  TEXT,
  recorded_at TIMESTAMPTZ NOT NULL,
  events      JSONB       NOT NULL,
  PRIMARY KEY (meeting_id, seq)
);

-- Erasing meetings after the retention period scans by age.
CREATE INDEX meeting_event_recorded_at ON meeting_event (recorded_at);
