package nl.intervision.panel.store;

/** Every statement the server sends to PostgreSQL. */
final class Sql {
  private Sql() {}

  /**
   * Appends a whole group of batches in one statement and one commit. ON CONFLICT turns a taken
   * seq into a missing row in RETURNING instead of failing the whole group, so one meeting's
   * conflict does not cost the other meetings their commit.
   */
  static final String APPEND_GROUP = """
      INSERT INTO meeting_event (meeting_id, seq, actor_id, command_id, recorded_at, events)
      SELECT m, s, a, c, to_timestamp(t / 1000.0), e::jsonb
        FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::bigint[], $6::text[]) AS g(m, s, a, c, t, e)
      ON CONFLICT (meeting_id, seq) DO NOTHING
      RETURNING meeting_id, seq""";

  static final String READ = """
      SELECT seq, actor_id, command_id, (extract(epoch FROM recorded_at) * 1000)::bigint AS at_ms, events
        FROM meeting_event
       WHERE meeting_id = $1 AND seq > $2
       ORDER BY seq
       LIMIT $3""";

  static final String ERASE_ALL_BUT_LAST = """
      DELETE FROM meeting_event
       WHERE meeting_id = $1
         AND seq < (SELECT max(seq) FROM meeting_event WHERE meeting_id = $1)""";

  /** Meetings whose last change is older than the cutoff: ended, or abandoned. */
  static final String ERASE_IDLE = """
      WITH idle AS (
        SELECT meeting_id FROM meeting_event GROUP BY meeting_id HAVING max(recorded_at) < to_timestamp($1 / 1000.0)
      ), gone AS (
        DELETE FROM meeting_event WHERE meeting_id IN (SELECT meeting_id FROM idle) RETURNING meeting_id
      ), unlinked AS (
        DELETE FROM platform_meeting WHERE meeting_id IN (SELECT meeting_id FROM idle)
      ), forgotten AS (
        DELETE FROM platform_participant WHERE meeting_id IN (SELECT meeting_id FROM idle)
      )
      SELECT count(DISTINCT meeting_id) FROM gone""";

  static final String CHANNEL = "meeting_event";

  static final String LISTEN = "LISTEN " + CHANNEL;

  static final String NOTIFY_GROUP = "SELECT pg_notify('" + CHANNEL + "', p) FROM unnest($1::text[]) AS p";

  static final String GROUP_LOAD = "SELECT version, state FROM intervision_group WHERE group_id = $1";

  /** ON CONFLICT: a group id taken already is a concurrent change, not an error. */
  static final String GROUP_CREATE = """
      INSERT INTO intervision_group (group_id, version, state) VALUES ($1, 1, $2)
      ON CONFLICT (group_id) DO NOTHING""";

  /** Only from the version that was read: no row updated means someone else saved in between. */
  static final String GROUP_REPLACE = """
      UPDATE intervision_group SET version = version + 1, state = $3, updated_at = now()
       WHERE group_id = $1 AND version = $2""";

  /** Containment on the GIN index of V5: groups whose accounts include one with this key. */
  static final String GROUP_WITH_ACCOUNT = "SELECT group_id FROM intervision_group WHERE state -> 'accounts' @> $1::jsonb";

  static final String GROUP_ERASE = "DELETE FROM intervision_group WHERE group_id = $1";

  static final String GROUP_ERASE_IDLE = "DELETE FROM intervision_group WHERE updated_at < to_timestamp($1 / 1000.0)";
}
