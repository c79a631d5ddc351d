package nl.intervision.panel.domain;

import java.util.ArrayList;
import java.util.List;
import nl.intervision.panel.domain.Event.MeetingStarted;

/**
 * What one person may see of the meeting. Every state and event sent to a client passes through
 * here, so a rule about hiding something is written once and holds for welcome, replay and live
 * updates alike.
 */
public final class Visibility {
  private Visibility() {}

  public static MeetingState stateFor(MeetingState state, Participant recipient) {
    if (mayInvite(recipient)) {
      return state;
    }
    return new MeetingState(state.status(), state.title(), state.locale(), null, state.agenda(),
        state.phaseIndex(), state.timer(), state.participants(), state.cards(), state.speaking(), state.endedAt());
  }

  /** @return the events this recipient may see, possibly none; the sequence number is delivered regardless */
  public static List<Event> eventsFor(List<Event> events, Participant recipient) {
    if (mayInvite(recipient)) {
      return events;
    }
    List<Event> visible = new ArrayList<>(events.size());
    for (Event event : events) {
      visible.add(event instanceof MeetingStarted e
          ? new MeetingStarted(e.title(), e.locale(), null, e.chair(), e.agenda(), e.at())
          : event);
    }
    return visible;
  }

  /** @return true when nothing in these events is hidden from anyone, so one encoding serves every member */
  public static boolean sameForEveryone(List<Event> events) {
    for (Event event : events) {
      if (event instanceof MeetingStarted) {
        return false;
      }
    }
    return true;
  }

  // Observers (a trainer, a guest) may read along but not bring others in.
  private static boolean mayInvite(Participant recipient) {
    return recipient.role() != Role.OBSERVER;
  }
}
