package nl.intervision.panel.group;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One meeting of the group: a chair and one or two cases, each run as its own panel meeting, one after
 * the other (two case-bringers, each with their own board and key question).
 *
 * @param endedAt null while the meeting is open
 * @param cases one or two, in the order they are run
 */
public record GroupMeeting(String id, long startedAt, Long endedAt, String chairId, List<CaseRound> cases) {

  public GroupMeeting {
    cases = List.copyOf(cases);
  }

  /**
   * One case of the meeting and the panel meeting that runs the method for it.
   *
   * @param queuedCaseId the case picked from the queue; null when the case is chosen in the meeting itself
   * @param caseBringerId who brings it; null until chosen
   * @param outcomeAt when the panel meeting's outcome (action points, marks, presence) reached the group;
   *     null until then. An outcome is taken in once, so the lazy second reading changes nothing
   */
  public record CaseRound(String queuedCaseId, String caseBringerId, String meetingId, Long outcomeAt) {
    CaseRound recorded(long at) {
      return new CaseRound(queuedCaseId, caseBringerId, meetingId, at);
    }
  }

  public boolean open() {
    return endedAt == null;
  }

  public boolean runs(String meetingId) {
    return cases.stream().anyMatch(c -> c.meetingId().equals(meetingId));
  }

  GroupMeeting ended(long at) {
    return new GroupMeeting(id, startedAt, at, chairId, cases);
  }

  GroupMeeting withCases(UnaryOperator<CaseRound> change) {
    return new GroupMeeting(id, startedAt, endedAt, chairId, cases.stream().map(change).toList());
  }
}
