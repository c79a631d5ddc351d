package nl.intervision.panel.domain;

import java.util.List;
import nl.intervision.panel.domain.Event.SpeakingChange;
import nl.intervision.panel.domain.Event.SpeakingChanged;

/** The speaking order: rounds, raised hands, passing. */
final class Turns {
  private Turns() {}

  static List<Event> raise(MeetingState state, Envelope by) {
    SpeakingOrder order = state.speaking();
    if (order.includes(by.actorId())) {
      return List.of();
    }
    return changed(SpeakingChange.HAND_RAISED, by, order.raise(by.actorId()));
  }

  static List<Event> lower(MeetingState state, Envelope by) {
    SpeakingOrder order = state.speaking();
    if (!order.queue().contains(by.actorId())) {
      return List.of();
    }
    return changed(SpeakingChange.HAND_LOWERED, by, order.lower(by.actorId()));
  }

  static List<Event> next(MeetingState state, Envelope by) {
    SpeakingOrder order = state.speaking();
    if (order.current() == null && order.queue().isEmpty()) {
      throw Rejected.conflict("nobody is waiting to speak");
    }
    return changed(SpeakingChange.NEXT_SPEAKER, by, order.next());
  }

  static List<Event> pass(MeetingState state, Envelope by) {
    SpeakingOrder order = state.speaking();
    if (!order.includes(by.actorId())) {
      throw Rejected.conflict("you are not in the speaking order");
    }
    return changed(SpeakingChange.TURN_PASSED, by, order.pass(by.actorId()));
  }

  static List<Event> round(MeetingState state, Envelope by) {
    return changed(SpeakingChange.ROUND_STARTED, by, SpeakingOrder.round(state.speakers()));
  }

  private static List<Event> changed(SpeakingChange change, Envelope by, SpeakingOrder order) {
    return List.of(new SpeakingChanged(change, by.actorId(), order));
  }
}
