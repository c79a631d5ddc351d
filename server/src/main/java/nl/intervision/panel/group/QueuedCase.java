package nl.intervision.panel.group;

/**
 * A case a member puts forward between meetings. A withdrawn case is removed outright, text and all; a
 * picked case stays (as {@code PICKED}) while its meeting is open, so the meeting can show it, and goes
 * when that meeting ends: from then on the case lives in its panel meeting and follows that meeting's
 * retention, as cards do. A case the meeting did not get to must be put forward again.
 *
 * @param pickedFor the group meeting that took it up; null while queued
 */
public record QueuedCase(String id, String memberId, String title, String note, boolean urgent, long queuedAt,
    Status status, String pickedFor) {

  public enum Status { QUEUED, PICKED }

  public boolean queued() {
    return status == Status.QUEUED;
  }

  QueuedCase pickedFor(String groupMeetingId) {
    return new QueuedCase(id, memberId, title, note, urgent, queuedAt, Status.PICKED, groupMeetingId);
  }
}
