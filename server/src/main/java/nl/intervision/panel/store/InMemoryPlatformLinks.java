package nl.intervision.panel.store;

import io.vertx.core.Future;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Platform links for the in-memory mode: gone on restart, like its meetings. */
public final class InMemoryPlatformLinks implements PlatformLinks {
  private final Map<String, String> meetings = new ConcurrentHashMap<>();
  private final Map<String, Person> people = new ConcurrentHashMap<>();

  @Override
  public Future<String> meeting(String platform, String externalId) {
    return Future.succeededFuture(meetings.get(platform + ' ' + externalId));
  }

  @Override
  public Future<String> linkMeeting(String platform, String externalId, String meetingId) {
    return Future.succeededFuture(meetings.computeIfAbsent(platform + ' ' + externalId, k -> meetingId));
  }

  @Override
  public Future<String> relinkMeeting(String platform, String externalId, String oldMeetingId, String newMeetingId) {
    return Future.succeededFuture(meetings.compute(platform + ' ' + externalId,
        (k, linked) -> linked == null || linked.equals(oldMeetingId) ? newMeetingId : linked));
  }

  @Override
  public Future<java.util.Set<String>> organisers(String meetingId) {
    java.util.Set<String> ids = new java.util.HashSet<>();
    people.forEach((key, person) -> {
      if (key.startsWith(meetingId + ' ') && person.organiser()) {
        ids.add(person.participantId());
      }
    });
    return Future.succeededFuture(ids);
  }

  @Override
  public Future<Person> person(String meetingId, String externalUser) {
    return Future.succeededFuture(people.get(meetingId + ' ' + externalUser));
  }

  @Override
  public Future<Person> linkPerson(String meetingId, String externalUser, Person person) {
    return Future.succeededFuture(people.computeIfAbsent(meetingId + ' ' + externalUser, k -> person));
  }

  public int meetings() {
    return meetings.size();
  }
}
