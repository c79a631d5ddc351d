package nl.intervision.panel.store;

import io.vertx.core.Future;

/**
 * Which panel meeting belongs to a meeting on a platform, and which participant to a person there.
 * Links are made once: when two people arrive at the same moment, the first link wins and both
 * are told the winner.
 */
public interface PlatformLinks {

  record Person(String participantId, boolean organiser) {}

  /** @return the meeting linked to this external meeting, or null */
  Future<String> meeting(String platform, String externalId);

  /** Links the meeting unless another one was linked first; returns the meeting that is linked now. */
  Future<String> linkMeeting(String platform, String externalId, String meetingId);

  /** @return the participant linked to this person in this meeting, or null */
  Future<Person> person(String meetingId, String externalUser);

  /** Points the external meeting at a new meeting, when the linked one ended or was erased. */
  Future<String> relinkMeeting(String platform, String externalId, String oldMeetingId, String newMeetingId);

  /** The participants the platform named organisers of this meeting. */
  Future<java.util.Set<String>> organisers(String meetingId);

  /** Links the participant unless someone was linked first; returns the one that is linked now. */
  Future<Person> linkPerson(String meetingId, String externalUser, Person person);
}
