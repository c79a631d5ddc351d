package nl.intervision.panel.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Who speaks now and who comes next. {@code passed} remembers who already passed once in this
 * round, because a pass moves you to the end only once; a second pass takes you out.
 *
 * @param turnEndsAt when the current speaker's time is up, if the chair set a time per turn
 */
public record SpeakingOrder(String current, List<String> queue, List<String> passed, Long turnEndsAt) {

  public static final SpeakingOrder EMPTY = new SpeakingOrder(null, List.of(), List.of(), null);

  public SpeakingOrder {
    queue = List.copyOf(queue);
    passed = List.copyOf(passed);
  }

  public boolean includes(String participantId) {
    return participantId.equals(current) || queue.contains(participantId);
  }

  SpeakingOrder raise(String participantId) {
    return new SpeakingOrder(current, append(queue, participantId), passed, turnEndsAt);
  }

  SpeakingOrder lower(String participantId) {
    return new SpeakingOrder(current, without(queue, participantId), passed, turnEndsAt);
  }

  SpeakingOrder withQueue(List<String> newQueue) {
    return new SpeakingOrder(current, newQueue, passed, turnEndsAt);
  }

  SpeakingOrder next() {
    if (queue.isEmpty()) {
      return new SpeakingOrder(null, List.of(), passed, null);
    }
    return new SpeakingOrder(queue.get(0), queue.subList(1, queue.size()), passed, null);
  }

  /** The participant gives up their turn (or their place in the queue) for now. */
  SpeakingOrder pass(String participantId) {
    boolean secondPass = passed.contains(participantId);
    SpeakingOrder rest = participantId.equals(current)
        ? next()
        : new SpeakingOrder(current, without(queue, participantId), passed, turnEndsAt);
    if (secondPass) {
      return rest;
    }
    return new SpeakingOrder(rest.current, append(rest.queue, participantId), append(passed, participantId), rest.turnEndsAt);
  }

  /** Someone left the meeting: out of the order altogether; if they had the floor, the next in line gets it. */
  SpeakingOrder leaving(String participantId) {
    SpeakingOrder rest = participantId.equals(current) ? next() : this;
    return new SpeakingOrder(rest.current, without(rest.queue, participantId), without(rest.passed, participantId),
        rest.turnEndsAt);
  }

  /** Starts the clock for a new speaker, when turns are timed. */
  SpeakingOrder timed(String previous, long at, int turnSeconds) {
    if (current == null || turnSeconds <= 0) {
      return new SpeakingOrder(current, queue, passed, null);
    }
    if (current.equals(previous) && turnEndsAt != null) {
      return this;
    }
    return new SpeakingOrder(current, queue, passed, at + turnSeconds * 1000L);
  }

  static SpeakingOrder round(List<String> order) {
    if (order.isEmpty()) {
      return EMPTY;
    }
    return new SpeakingOrder(order.get(0), order.subList(1, order.size()), List.of(), null);
  }

  static SpeakingOrder only(String participantId) {
    return participantId == null ? EMPTY : new SpeakingOrder(participantId, List.of(), List.of(), null);
  }

  private static List<String> append(List<String> list, String id) {
    List<String> copy = new ArrayList<>(list);
    copy.add(id);
    return copy;
  }

  private static List<String> without(List<String> list, String id) {
    List<String> copy = new ArrayList<>(list);
    copy.remove(id);
    return copy;
  }
}
