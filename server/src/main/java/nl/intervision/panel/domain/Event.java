package nl.intervision.panel.domain;

/**
 * What happened in a meeting, in the order it happened. Events are stored and replayed, so they
 * only ever gain optional fields. Where a client must show the result (speaking order, timer),
 * the event carries that result, so a client never needs the server's rules to follow along.
 */
public sealed interface Event {

  record MeetingStarted(
      String title, Language locale, String joinCode, Participant chair, Agenda agenda, long at)
      implements Event {}

  record ParticipantJoined(Participant participant, long at) implements Event {}

  record PhaseChanged(int from, int to, String phaseId, long at) implements Event {}

  record TimerChanged(TimerChange change, Timer timer) implements Event {}

  record CardAdded(Card card) implements Event {}

  record CardEdited(String cardId, String text, long at) implements Event {}

  record CardDeleted(String cardId) implements Event {}

  record CardVoted(String cardId, String participantId) implements Event {}

  record CardUnvoted(String cardId, String participantId) implements Event {}

  record SpeakingChanged(SpeakingChange change, String participantId, SpeakingOrder speaking)
      implements Event {}

  record MeetingEnded(long at) implements Event {}

  enum TimerChange { STARTED, PAUSED, RESUMED, EXTENDED }

  enum SpeakingChange { HAND_RAISED, HAND_LOWERED, NEXT_SPEAKER, TURN_PASSED, ROUND_STARTED }
}
