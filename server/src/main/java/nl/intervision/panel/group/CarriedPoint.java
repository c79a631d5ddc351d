package nl.intervision.panel.group;

/**
 * An action point that outlives its meeting. OPEN and CARRIED_ON ones come back at the next group
 * meeting's look-back; DONE and NOT_DONE ones are settled and stay only as history (until erased).
 *
 * @param ownerId who took it on; null when nobody did, or the owner left the group
 * @param fromMeetingId the group meeting it was agreed in
 * @param markedIn the group meeting in which it was last marked; null when marked between meetings, or never
 * @param markedAt when it was last marked; null while never marked
 */
public record CarriedPoint(String id, String text, String ownerId, String fromMeetingId, Status status,
    String markedIn, Long markedAt) {

  public enum Status {
    OPEN, DONE, NOT_DONE, CARRIED_ON;

    /** Whether it comes back at the next meeting's look-back. */
    public boolean comesBack() {
      return this == OPEN || this == CARRIED_ON;
    }
  }

  CarriedPoint marked(Status newStatus, String groupMeetingId, long at) {
    return new CarriedPoint(id, text, ownerId, fromMeetingId, newStatus, groupMeetingId, at);
  }

  CarriedPoint withoutOwner() {
    return new CarriedPoint(id, text, null, fromMeetingId, status, markedIn, markedAt);
  }
}
