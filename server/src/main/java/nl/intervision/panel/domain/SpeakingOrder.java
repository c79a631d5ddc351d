package nl.intervision.panel.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Who speaks now and who comes next. {@code passed} remembers who already passed once in this
 * round, because a pass moves you to the end only once; a second pass takes you out.
 *
 * @param turnEndsAt when the current speaker's time is up, if the chair set a time per turn
 * @param hands who is waiting because they raised their hand (or the chair put them in line), not because a
 *     round put them there: only they can lower a hand. Someone in {@code away} keeps their place here
 * @param away who was waiting or speaking when their connection went: skipped until they are back, then at the
 *     end of the queue. Absent in events stored before it existed, which reads as nobody
 */
public record SpeakingOrder(String current, List<String> queue, List<String> passed, Long turnEndsAt,
    List<String> hands, List<String> away) {

  public static final SpeakingOrder EMPTY = new SpeakingOrder(null, List.of(), List.of(), null);

  public SpeakingOrder {
    queue = List.copyOf(queue);
    passed = List.copyOf(passed);
    hands = hands == null ? List.of() : List.copyOf(hands);
    away = away == null ? List.of() : List.copyOf(away);
  }

  public SpeakingOrder(String current, List<String> queue, List<String> passed, Long turnEndsAt) {
    this(current, queue, passed, turnEndsAt, List.of(), List.of());
  }

  public boolean includes(String participantId) {
    return participantId.equals(current) || queue.contains(participantId);
  }

  /** In the order at all: speaking, waiting, or skipped while away. */
  public boolean knows(String participantId) {
    return includes(participantId) || away.contains(participantId);
  }

  /** Waiting with a raised hand, which they may lower. */
  public boolean handRaised(String participantId) {
    return queue.contains(participantId) && hands.contains(participantId);
  }

  private SpeakingOrder with(String newCurrent, List<String> newQueue, List<String> newPassed, Long endsAt,
      List<String> newHands, List<String> newAway) {
    return new SpeakingOrder(newCurrent, newQueue, newPassed, endsAt, newHands, newAway);
  }

  SpeakingOrder raise(String participantId) {
    return with(current, append(queue, participantId), passed, turnEndsAt, append(hands, participantId), away);
  }

  SpeakingOrder lower(String participantId) {
    return with(current, without(queue, participantId), passed, turnEndsAt, without(hands, participantId), away);
  }

  SpeakingOrder withQueue(List<String> newQueue) {
    List<String> stillAway = away.stream().filter(id -> !newQueue.contains(id)).toList();
    List<String> stillHands = hands.stream().filter(id -> newQueue.contains(id) || stillAway.contains(id)).toList();
    return with(current, newQueue, passed, turnEndsAt, stillHands, stillAway);
  }

  SpeakingOrder next() {
    if (queue.isEmpty()) {
      return with(null, List.of(), passed, null, hands, away);
    }
    String first = queue.get(0);
    return with(first, queue.subList(1, queue.size()), passed, null, without(hands, first), away);
  }

  /** The participant gives up their turn (or their place in the queue) for now. */
  SpeakingOrder pass(String participantId) {
    boolean secondPass = passed.contains(participantId);
    SpeakingOrder rest = participantId.equals(current)
        ? next()
        : with(current, without(queue, participantId), passed, turnEndsAt, hands, away);
    if (secondPass) {
      return rest.with(rest.current, rest.queue, rest.passed, rest.turnEndsAt, without(rest.hands, participantId),
          rest.away);
    }
    return with(rest.current, append(rest.queue, participantId), append(passed, participantId), rest.turnEndsAt,
        rest.hands, rest.away);
  }

  /** Someone left the meeting: out of the order altogether; if they had the floor, the next in line gets it. */
  SpeakingOrder leaving(String participantId) {
    SpeakingOrder rest = participantId.equals(current) ? next() : this;
    return with(rest.current, without(rest.queue, participantId), without(rest.passed, participantId),
        rest.turnEndsAt, without(rest.hands, participantId), without(rest.away, participantId));
  }

  /** Their connection went: skipped (the floor passes on if it was theirs) but remembered, to come back later. */
  SpeakingOrder wentAway(String participantId) {
    SpeakingOrder rest = participantId.equals(current) ? next() : this;
    return with(rest.current, without(rest.queue, participantId), rest.passed, rest.turnEndsAt, rest.hands,
        append(rest.away, participantId));
  }

  /** Back after being skipped: at the end of the queue, and on the floor if nobody else is there. */
  SpeakingOrder cameBack(String participantId, boolean takeFloorIfFree) {
    // The chair may have put them back in line meanwhile (queueSpeaker, reorderSpeakers): never twice.
    boolean inLine = participantId.equals(current) || queue.contains(participantId);
    SpeakingOrder back = with(current, inLine ? queue : append(queue, participantId), passed, turnEndsAt, hands,
        without(away, participantId));
    return takeFloorIfFree && back.current == null ? back.next() : back;
  }

  /** Starts the clock for a new speaker, when turns are timed. */
  SpeakingOrder timed(String previous, long at, int turnSeconds) {
    if (current == null || turnSeconds <= 0) {
      return with(current, queue, passed, null, hands, away);
    }
    if (current.equals(previous) && turnEndsAt != null) {
      return this;
    }
    return with(current, queue, passed, at + turnSeconds * 1000L, hands, away);
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
