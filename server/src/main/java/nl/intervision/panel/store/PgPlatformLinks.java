package nl.intervision.panel.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

/** Platform links in PostgreSQL; the primary keys settle who linked first. */
public final class PgPlatformLinks implements PlatformLinks {
  private final Pool pool;

  PgPlatformLinks(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<String> meeting(String platform, String externalId) {
    return pool.preparedQuery("SELECT meeting_id FROM platform_meeting WHERE platform = $1 AND external_id = $2")
        .execute(Tuple.of(platform, externalId)).map(rows -> first(rows, 0));
  }

  @Override
  public Future<String> linkMeeting(String platform, String externalId, String meetingId) {
    return pool.preparedQuery("INSERT INTO platform_meeting (platform, external_id, meeting_id) VALUES ($1, $2, $3) "
            + "ON CONFLICT (platform, external_id) DO NOTHING")
        .execute(Tuple.of(platform, externalId, meetingId))
        .compose(v -> meeting(platform, externalId));
  }

  @Override
  public Future<String> relinkMeeting(String platform, String externalId, String oldMeetingId, String newMeetingId) {
    return pool.preparedQuery("UPDATE platform_meeting SET meeting_id = $4, created_at = now() "
            + "WHERE platform = $1 AND external_id = $2 AND meeting_id = $3")
        .execute(Tuple.of(platform, externalId, oldMeetingId, newMeetingId))
        .compose(v -> meeting(platform, externalId));
  }

  @Override
  public Future<java.util.Set<String>> organisers(String meetingId) {
    return pool.preparedQuery("SELECT participant_id FROM platform_participant WHERE meeting_id = $1 AND organiser")
        .execute(Tuple.of(meetingId))
        .map(rows -> {
          java.util.Set<String> ids = new java.util.HashSet<>();
          rows.forEach(row -> ids.add(row.getString(0)));
          return ids;
        });
  }

  @Override
  public Future<Person> person(String meetingId, String externalUser) {
    return pool.preparedQuery("SELECT participant_id, organiser FROM platform_participant WHERE meeting_id = $1 AND external_user = $2")
        .execute(Tuple.of(meetingId, externalUser))
        .map(rows -> rows.size() == 0 ? null : toPerson(rows.iterator().next()));
  }

  @Override
  public Future<Person> linkPerson(String meetingId, String externalUser, Person person) {
    return pool.preparedQuery("INSERT INTO platform_participant (meeting_id, external_user, participant_id, organiser) "
            + "VALUES ($1, $2, $3, $4) ON CONFLICT (meeting_id, external_user) DO NOTHING")
        .execute(Tuple.of(meetingId, externalUser, person.participantId(), person.organiser()))
        .compose(v -> person(meetingId, externalUser));
  }

  private static Person toPerson(Row row) {
    return new Person(row.getString(0), row.getBoolean(1));
  }

  private static String first(RowSet<Row> rows, int column) {
    return rows.size() == 0 ? null : rows.iterator().next().getString(column);
  }
}
