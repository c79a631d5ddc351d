package nl.intervision.panel.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.intervision.panel.domain.Event.SpeakingChange;
import nl.intervision.panel.domain.Event.SpeakingChanged;
import nl.intervision.panel.domain.Event.TurnTimeSet;

/**
 * The speaking order: rounds, raised hands, passing. The phase decides who may take the floor:
 * in the case-bringer's phases only they speak, in the group's phases the case-bringer listens.
 */
final class Turns {
  private Turns() {}

  static final int MAX_TURN_SECONDS = 30 * 60;

  /** The order a phase starts with, from how it is spoken in. */
  static SpeakingOrder entering(MeetingState state) {
    return switch (state.phase().speaking()) {
      case ROUND -> SpeakingOrder.round(roundOrder(state));
      case CASE_BRINGER -> SpeakingOrder.only(state.caseBringerId());
      case CHAIR -> SpeakingOrder.only(state.chairId());
      case FREE -> SpeakingOrder.EMPTY;
    };
  }

  /** Everyone who speaks, in join order; in the method's own phases the case-bringer listens to the group. */
  static List<String> roundOrder(MeetingState state) {
    List<String> order = state.speakers();
    if (state.part() == Agenda.Part.METHOD && state.caseBringerId() != null) {
      order.remove(state.caseBringerId());
    }
    return order;
  }

  static List<Event> raise(MeetingState state, Envelope by) {
    mayTakeTheFloor(state, by.actorId());
    SpeakingOrder order = state.speaking();
    if (order.includes(by.actorId())) {
      return List.of();
    }
    if (order.away().contains(by.actorId())) {
      // Skipped as away, yet here: presence is known per server node, so someone can be here unnoticed.
      return changed(SpeakingChange.CAME_BACK, by, order.cameBack(by.actorId(), false), state);
    }
    return changed(SpeakingChange.HAND_RAISED, by, order.raise(by.actorId()), state);
  }

  static List<Event> lower(MeetingState state, Envelope by) {
    SpeakingOrder order = state.speaking();
    // Waiting in a round is not a raised hand: there is nothing to lower (passing is the way out).
    if (!order.handRaised(by.actorId())) {
      return List.of();
    }
    return changed(SpeakingChange.HAND_LOWERED, by, order.lower(by.actorId()), state);
  }

  static List<Event> next(MeetingState state, Envelope by) {
    SpeakingOrder order = state.speaking();
    if (order.current() == null && order.queue().isEmpty()) {
      throw Rejected.conflict(Refusal.NOBODY_WAITING, "nobody is waiting to speak");
    }
    return changed(SpeakingChange.NEXT_SPEAKER, by, order.next(), state);
  }

  static List<Event> pass(MeetingState state, Envelope by) {
    SpeakingOrder order = state.speaking();
    if (!order.includes(by.actorId())) {
      throw Rejected.conflict(Refusal.NOT_IN_SPEAKING_ORDER, "you are not in the speaking order");
    }
    return changed(SpeakingChange.TURN_PASSED, by, order.pass(by.actorId()), state);
  }

  /**
   * The speaker is done: the floor goes to the next in line and they do not queue again, so nobody gets a
   * second turn by finishing. Finishing a turn one does not have (a double click) changes nothing.
   */
  static List<Event> finish(MeetingState state, Envelope by) {
    SpeakingOrder order = state.speaking();
    if (!by.actorId().equals(order.current())) {
      return List.of();
    }
    return changed(SpeakingChange.TURN_FINISHED, by, order.next(), state);
  }

  /** Someone's connection went: if they were speaking or waiting, they are skipped until they are back. */
  static List<Event> wentAway(MeetingState state, Envelope by, String participantId) {
    SpeakingOrder order = state.speaking();
    if (!order.includes(participantId)) {
      return List.of();
    }
    return changed(SpeakingChange.WENT_AWAY, by, order.wentAway(participantId), state);
  }

  /**
   * Someone skipped while away is back: at the end of the queue. Where one person holds the floor by the
   * phase (the case-bringer's story) and nobody else has it, they take it again.
   */
  static List<Event> cameBack(MeetingState state, Envelope by, String participantId) {
    SpeakingOrder order = state.speaking();
    if (!order.away().contains(participantId)) {
      return List.of();
    }
    boolean takesFloor = state.phase().speaking() != Speaking.FREE;
    return changed(SpeakingChange.CAME_BACK, by, order.cameBack(participantId, takesFloor), state);
  }

  /**
   * A round is running when the phase is spoken in turns and someone still has the floor or waits for it.
   * Someone who joins then takes their place at the end, as if they had been there from the start.
   */
  static List<Event> joiningRound(MeetingState state, Envelope by, Participant newcomer) {
    SpeakingOrder order = state.speaking();
    if (!newcomer.role().mayWrite() || state.phase().speaking() != Speaking.ROUND
        || (order.current() == null && order.queue().isEmpty()) || order.knows(newcomer.id())) {
      return List.of();
    }
    // Someone joins (over REST) before they connect: they take their place once they are there.
    SpeakingOrder joined = by.present(newcomer.id()) ? order.withQueue(append(order.queue(), newcomer.id()))
        : new SpeakingOrder(order.current(), order.queue(), order.passed(), order.turnEndsAt(), order.hands(),
            append(order.away(), newcomer.id()));
    return List.of(new SpeakingChanged(SpeakingChange.JOINED_ROUND, newcomer.id(), joined));
  }

  /** Whether this person may raise their hand now; the state sent to pages says so, so they need not know why. */
  static boolean mayRaise(MeetingState state, String participantId) {
    if (state.speaking().includes(participantId)) {
      return false;
    }
    try {
      mayTakeTheFloor(state, participantId);
      return true;
    } catch (Rejected refused) {
      return false;
    }
  }

  static List<Event> round(MeetingState state, Envelope by) {
    return changed(SpeakingChange.ROUND_STARTED, by, withoutAbsent(SpeakingOrder.round(roundOrder(state)), by), state);
  }

  /**
   * A new order skips who is not connected: they are put in {@code away} at once, and join the end of the
   * queue when they connect, so the floor never goes to an empty chair.
   */
  static SpeakingOrder withoutAbsent(SpeakingOrder order, Envelope by) {
    SpeakingOrder result = order;
    List<String> inOrder = new java.util.ArrayList<>(order.queue());
    if (order.current() != null) {
      inOrder.add(0, order.current());
    }
    for (String id : inOrder) {
      if (!by.present(id)) {
        result = result.wentAway(id);
      }
    }
    return result;
  }

  static List<Event> reorder(MeetingState state, Envelope by, List<String> queue) {
    if (queue == null) {
      throw Rejected.badRequest(Refusal.FIELD_REQUIRED, "queue is required: the participant ids in their new order",
          "field", "queue");
    }
    Set<String> seen = new HashSet<>();
    for (String id : queue) {
      People.member(state, id);
      if (!seen.add(id) || id.equals(state.speaking().current())) {
        throw Rejected.badRequest(Refusal.QUEUE_INVALID,
            "everyone appears in the queue once, and not the current speaker");
      }
    }
    if (queue.equals(state.speaking().queue())) {
      return List.of();
    }
    return changed(SpeakingChange.REORDERED, by, state.speaking().withQueue(queue), state);
  }

  static List<Event> queue(MeetingState state, Envelope by, String participantId) {
    Participant p = People.member(state, participantId);
    if (state.speaking().includes(p.id())) {
      return List.of();
    }
    return changed(SpeakingChange.QUEUED, by, state.speaking().raise(p.id()), state);
  }

  static List<Event> turnTime(MeetingState state, int seconds) {
    if (seconds < 0 || seconds > MAX_TURN_SECONDS) {
      throw Rejected.badRequest(Refusal.TURN_TIME_OUT_OF_RANGE,
          "seconds must be between 0 (no limit) and " + MAX_TURN_SECONDS, "maxMinutes", MAX_TURN_SECONDS / 60);
    }
    return seconds == state.turnSeconds() ? List.of() : List.of(new TurnTimeSet(seconds));
  }

  private static void mayTakeTheFloor(MeetingState state, String participantId) {
    Phase phase = state.phase();
    boolean caseBringer = state.isCaseBringer(participantId);
    if (phase.speaking() == Speaking.CASE_BRINGER && !caseBringer && state.caseBringerId() != null) {
      throw Rejected.forbidden(Refusal.CASE_BRINGER_SPEAKS, "in this phase only the case-bringer speaks");
    }
    if (caseBringer && state.caseBringerListens()) {
      throw Rejected.forbidden(Refusal.CASE_BRINGER_LISTENS, "in this phase the case-bringer listens to the group");
    }
  }

  private static List<String> append(List<String> list, String id) {
    List<String> copy = new java.util.ArrayList<>(list);
    copy.add(id);
    return copy;
  }

  private static List<Event> changed(SpeakingChange change, Envelope by, SpeakingOrder order, MeetingState state) {
    SpeakingOrder timed = order.timed(state.speaking().current(), by.at(), state.turnSeconds());
    return List.of(new SpeakingChanged(change, by.actorId(), timed));
  }
}
