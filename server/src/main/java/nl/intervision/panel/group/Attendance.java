package nl.intervision.panel.group;

/**
 * How long one member attended one group meeting: from presence in its panel meetings (added up over
 * both cases), and as corrected by that meeting's chair or a facilitator. The register shows both.
 *
 * @param correctedMinutes null while nobody corrected it; then {@code minutes} counts
 */
public record Attendance(String groupMeetingId, String memberId, int minutes, Integer correctedMinutes) {

  /** What the register counts: the correction wins. */
  public int counted() {
    return correctedMinutes != null ? correctedMinutes : minutes;
  }

  public boolean of(String meetingId, String member) {
    return groupMeetingId.equals(meetingId) && memberId.equals(member);
  }

  Attendance plus(int more) {
    return new Attendance(groupMeetingId, memberId, minutes + more, correctedMinutes);
  }

  Attendance corrected(Integer newMinutes) {
    return new Attendance(groupMeetingId, memberId, minutes, newMinutes);
  }
}
