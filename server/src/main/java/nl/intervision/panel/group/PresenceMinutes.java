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
 * <p>Time away is subtracted: a group's meeting records when someone's last connection closed and when one
 * opened again ({@code PresenceRecorded}). Not counted as away: time when nobody at all was connected (the
 * server records nobody leaving then), so a meeting everyone left without ending it counts until its end.
 * The chair corrects the register where that matters ({@code CorrectAttendance}).
 */
final class PresenceMinutes {
  private PresenceMinutes() {}

  private static final long MINUTE = 60_000;

  static List<MeetingOutcome.Presence> of(List<Recorded> log, long endedAt) {
    Map<String, Long> since = new LinkedHashMap<>();
    Map<String, Long> total = new LinkedHashMap<>();
    java.util.Set<String> removed = new java.util.HashSet<>();
    long end = endedAt;
    for (Recorded batch : log) {
      for (Event event : batch.events()) {
        switch (event) {
          case MeetingStarted e -> arrive(since, total, e.chair().id(), e.at());
          case ParticipantJoined e -> {
            arrive(since, total, e.participant().id(), e.at());
            removed.remove(e.participant().id());
          }
          case ParticipantRemoved e -> {
            leave(since, total, e.participantId(), batch.at());
            removed.add(e.participantId());
          }
          case Event.PresenceRecorded e -> {
            if (e.online()) {
              back(since, total, removed, e.participantId(), batch.at());
            } else {
              leave(since, total, e.participantId(), batch.at());
            }
          }
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

  /** Connected again: counting resumes for someone who joined and was not removed since. */
  private static void back(Map<String, Long> since, Map<String, Long> total, java.util.Set<String> removed, String id,
      long at) {
    if (total.containsKey(id) && !removed.contains(id)) {
      since.putIfAbsent(id, at);
    }
  }

  private static void leave(Map<String, Long> since, Map<String, Long> total, String id, long at) {
    Long from = since.remove(id);
    if (from != null) {
      total.merge(id, Math.max(0, at - from), Long::sum);
    }
  }
}
