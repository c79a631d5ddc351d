-- Sign-in through a meeting platform: the same meeting on Teams, Zoom, Meet, Webex or Jitsi always
-- leads to the same panel meeting, and the same person to the same participant.
CREATE TABLE platform_meeting (
  platform    TEXT        NOT NULL,
  external_id TEXT        NOT NULL,
  meeting_id  TEXT        NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (platform, external_id)
);
CREATE INDEX platform_meeting_meeting ON platform_meeting (meeting_id);

CREATE TABLE platform_participant (
  meeting_id     TEXT    NOT NULL,
  external_user  TEXT    NOT NULL,
  participant_id TEXT    NOT NULL,
  -- the platform itself said this person organises or moderates the meeting
  organiser      BOOLEAN NOT NULL,
  PRIMARY KEY (meeting_id, external_user)
);
