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
 * <p>The look-back contract with the meeting side: a carried action point is shown in the look-back as a
 * card of kind {@code look-back} whose id is the {@link CarriedPoint#id()}, so no lookup table is needed.
 * Its mark is read from the card as {@link #markOf} says. Other look-back cards (a member's own note)
 * have ids the group does not know and are ignored.
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
      if (card.hidden() || card.text() == null) {
        continue;
      }
      if (CardKind.ACTION_POINT.equals(card.kind())) {
        points.add(new NewPoint(card.text(), card.ownerId(), card.isDone()));
      } else if (CardKind.LOOK_BACK.equals(card.kind())) {
        marks.add(new Mark(card.id(), markOf(card)));
      }
    }
    return Optional.of(new MeetingOutcome(meetingId, state.endedAt(), points, marks,
        PresenceMinutes.of(log, state.endedAt())));
  }

  /**
   * How the meeting keeps a carried point's mark on its look-back card: done is {@link Card#isDone()};
   * answered without done means it was talked through and not done (settled: it does not come back);
   * a point that came back and was left unmarked carries on, as a group does with a point nobody closed.
   */
  public static CarriedPoint.Status markOf(Card lookBackCard) {
    if (lookBackCard.isDone()) {
      return CarriedPoint.Status.DONE;
    }
    return lookBackCard.answered() ? CarriedPoint.Status.NOT_DONE : CarriedPoint.Status.CARRIED_ON;
  }
}
