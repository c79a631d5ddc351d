package nl.intervision.panel.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.intervision.panel.domain.Event.CarriedPointMarked;

/** Last meeting's action points in this one: checked when the meeting starts, then marked. */
final class CarriedPoints {
  private CarriedPoints() {}

  /** What a group may bring into a meeting: real points, each once, within the limits of a card. */
  static List<CarriedPoint> checked(List<CarriedPoint> carried) {
    if (carried == null || carried.isEmpty()) {
      return List.of();
    }
    if (carried.size() > Limits.CARRIED_POINTS) {
      throw Rejected.badRequest(Refusal.TOO_MANY_CARRIED_POINTS,
          "at most " + Limits.CARRIED_POINTS + " action points carry over", "max", Limits.CARRIED_POINTS);
    }
    Set<String> ids = new HashSet<>();
    return carried.stream().map(point -> {
      if (point == null || point.id() == null || point.id().isBlank() || !ids.add(point.id())) {
        throw Rejected.badRequest(Refusal.BAD_COMMAND, "each carried action point needs its own id");
      }
      String text = Texts.required("text", point.text(), Limits.CARD_TEXT);
      String owner = point.ownerId() == null ? null : Texts.required("ownerName", point.ownerName(), Limits.NAME);
      return new CarriedPoint(point.id(), text, point.ownerId(), owner, CarriedPoint.Status.OPEN);
    }).toList();
  }

  static List<Event> mark(MeetingState state, String pointId, CarriedPoint.Status status) {
    if (status == null) {
      throw Rejected.badRequest(Refusal.FIELD_REQUIRED, "status is required", "field", "status");
    }
    CarriedPoint point = Permissions.carriedPoint(state, pointId);
    return point.status() == status ? List.of() : List.of(new CarriedPointMarked(pointId, status));
  }
}
