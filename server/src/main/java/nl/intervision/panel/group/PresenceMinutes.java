package nl.intervision.panel.group;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.intervision.panel.domain.Event;
import nl.intervision.panel.domain.Event.MeetingEnded;
import nl.intervision.panel.domain.Event.MeetingStarted;
import nl.intervision.panel.domain.Event.ParticipantJoined;
import nl.intervision.panel.domain.Event.ParticipantRemoved;
import nl.intervision.panel.domain.Recorded;

/**
 * Minutes each person was in a panel meeting, read from its log: from joining (the chair from the start)
 * to being removed or the meeting's end, added up when someone was removed and joined again.
 *
 * <p>Time away is not subtracted: the log records a dropped connection only when the person was in the
 * speaking order at that moment ({@code speakingChanged went-away}), so it cannot tell a pause from a
 * quiet listener. The chair corrects the register where it matters ({@code CorrectAttendance}).
 */
final class PresenceMinutes {
  private PresenceMinutes() {}

  private static final long MINUTE = 60_000;

  static List<MeetingOutcome.Presence> of(List<Recorded> log, long endedAt) {
    Map<String, Long> since = new LinkedHashMap<>();
    Map<String, Long> total = new LinkedHashMap<>();
    long end = endedAt;
    for (Recorded batch : log) {
      for (Event event : batch.events()) {
        switch (event) {
          case MeetingStarted e -> arrive(since, total, e.chair().id(), e.at());
          case ParticipantJoined e -> arrive(since, total, e.participant().id(), e.at());
          case ParticipantRemoved e -> leave(since, total, e.participantId(), batch.at());
          case MeetingEnded e -> end = e.at();
          default -> { }
        }
      }
    }
    for (String id : List.copyOf(since.keySet())) {
      leave(since, total, id, end);
    }
    List<MeetingOutcome.Presence> presence = new ArrayList<>(total.size());
    // Whoever was there at all attended: under half a minute still counts one, so they are in the register.
    total.forEach((id, millis) -> presence.add(new MeetingOutcome.Presence(id,
        millis <= 0 ? 0 : (int) Math.max(1, (millis + MINUTE / 2) / MINUTE))));
    return presence;
  }

  private static void arrive(Map<String, Long> since, Map<String, Long> total, String id, long at) {
    since.putIfAbsent(id, at);
    total.putIfAbsent(id, 0L);
  }

  private static void leave(Map<String, Long> since, Map<String, Long> total, String id, long at) {
    Long from = since.remove(id);
    if (from != null) {
      total.merge(id, Math.max(0, at - from), Long::sum);
    }
  }
}
