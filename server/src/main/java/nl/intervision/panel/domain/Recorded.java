package nl.intervision.panel.domain;

import java.util.List;

/**
 * One accepted command as the log keeps it: the meeting's next sequence number and the events the
 * command produced. {@code commandId} is the sender's id for it, so a re-sent command is recognised.
 */
public record Recorded(long seq, String actorId, String commandId, long at, List<Event> events) {
  public Recorded {
    events = List.copyOf(events);
  }
}
