package nl.intervision.panel.group;

import java.util.List;
import java.util.Objects;
import nl.intervision.panel.domain.Refusal;
import nl.intervision.panel.domain.Rejected;
import nl.intervision.panel.group.GroupEvent.ActionPointMarked;

/**
 * Action points between meetings: marked by their owner (or the chair, or a facilitator) in a meeting's
 * look-back, or on the group's page in between.
 */
final class CarryOver {
  private CarryOver() {}

  static List<GroupEvent> mark(GroupState state, String pointId, CarriedPoint.Status status, long now) {
    if (status == null || status == CarriedPoint.Status.OPEN) {
      throw Rejected.badRequest(Refusal.BAD_COMMAND, "an action point is marked done, not-done or carried-on");
    }
    CarriedPoint point = state.actionPoint(pointId).orElseThrow();
    String open = state.openMeeting().map(GroupMeeting::id).orElse(null);
    if (point.status() == status && Objects.equals(point.markedIn(), open)) {
      return List.of();
    }
    return List.of(new ActionPointMarked(point.id(), status, open, now));
  }
}
