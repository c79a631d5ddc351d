package nl.intervision.panel.room;

/** No meeting has this id (its log is empty). */
public final class MeetingNotFound extends RuntimeException {
  public MeetingNotFound(String meetingId) {
    super("no meeting " + meetingId, null, false, false);
  }
}
