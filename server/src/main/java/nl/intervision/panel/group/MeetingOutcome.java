package nl.intervision.panel.group;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.intervision.panel.domain.Card;
import nl.intervision.panel.domain.CardKind;
import nl.intervision.panel.domain.MeetingState;
import nl.intervision.panel.domain.Recorded;

/**
 * What a finished panel meeting leaves its group: the new action points with their owners, the marks on
 * the action points that came back in its look-back, and how long each person was there. Read by
 * {@link #of} from the meeting's state and log; the server records it with {@code RecordMeetingOutcome}.
 *
 * <p>The look-back contract with the meeting side: the group's open action points come into the meeting
 * as {@link MeetingState#carried()} (the meeting's own {@code CarriedPoint}, same id), and the group reads
 * back what the meeting marked them. A point left unmarked stays as it was and comes back again.
 *
 * @param newActionPoints in the order they were written
 * @param marks one per carried point still on the board at the end
 * @param presence per participant, in the order they first joined; the group counts only its members
 */
public record MeetingOutcome(String meetingId, long endedAt, List<NewPoint> newActionPoints, List<Mark> marks,
    List<Presence> presence) {

  /** @param ownerId the participant (member) who took it on; null when nobody did */
  public record NewPoint(String text, String ownerId, boolean done) {}

  public record Mark(String pointId, CarriedPoint.Status status) {}

  public record Presence(String memberId, int minutes) {}

  public MeetingOutcome {
    newActionPoints = List.copyOf(newActionPoints);
    marks = List.copyOf(marks);
    presence = List.copyOf(presence);
  }

  /**
   * @param log the meeting's recorded batches, in order
   * @return empty while the meeting has not ended: only a finished meeting has an outcome
   */
  public static Optional<MeetingOutcome> of(String meetingId, MeetingState state, List<Recorded> log) {
    if (state.status() != MeetingState.Status.ENDED || state.endedAt() == null) {
      return Optional.empty();
    }
    List<NewPoint> points = new ArrayList<>();
    List<Mark> marks = new ArrayList<>();
    for (Card card : state.cards()) {
      // A hidden card is its author's alone; it never leaves the meeting for the group to read.
      if (!card.hidden() && card.text() != null && CardKind.ACTION_POINT.equals(card.kind())) {
        points.add(new NewPoint(card.text(), card.ownerId(), card.isDone()));
      }
    }
    for (nl.intervision.panel.domain.CarriedPoint carried : state.carried()) {
      if (carried.status() != nl.intervision.panel.domain.CarriedPoint.Status.OPEN) {
        marks.add(new Mark(carried.id(), markOf(carried.status())));
      }
    }
    return Optional.of(new MeetingOutcome(meetingId, state.endedAt(), points, marks,
        PresenceMinutes.of(log, state.endedAt())));
  }

  /** The meeting's mark as the group's status: the two name the same four states. */
  public static CarriedPoint.Status markOf(nl.intervision.panel.domain.CarriedPoint.Status marked) {
    return switch (marked) {
      case OPEN -> CarriedPoint.Status.OPEN;
      case DONE -> CarriedPoint.Status.DONE;
      case NOT_DONE -> CarriedPoint.Status.NOT_DONE;
      case CARRIED_ON -> CarriedPoint.Status.CARRIED_ON;
    };
  }
}
