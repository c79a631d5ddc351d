package nl.intervision.panel.domain;

/**
 * What someone asks the meeting to do. A command may be refused; if it is accepted it becomes
 * one or more {@link Event}s. Field names are the wire names (see docs/PROTOCOL.md).
 */
public sealed interface Command {

  /** Opens a meeting; only valid as the very first command. The server picks the code and agenda. */
  record StartMeeting(String title, String chairName, Language locale, String joinCode, Agenda agenda)
      implements Command {}

  /** A newcomer joins with the meeting's join code; the envelope's actor is their new id. */
  record JoinMeeting(String joinCode, String name, Role role) implements Command {}

  /** Moves to the next phase; {@code fromPhase} is the index the chair saw, so a double click never skips one. */
  record AdvancePhase(int fromPhase) implements Command {}

  record PreviousPhase(int fromPhase) implements Command {}

  record StartTimer(int seconds) implements Command {}

  record PauseTimer() implements Command {}

  record ResumeTimer() implements Command {}

  record ExtendTimer(int seconds) implements Command {}

  record AddCard(String text) implements Command {}

  record EditCard(String cardId, String text) implements Command {}

  record DeleteCard(String cardId) implements Command {}

  record VoteCard(String cardId) implements Command {}

  record UnvoteCard(String cardId) implements Command {}

  record RaiseHand() implements Command {}

  record LowerHand() implements Command {}

  record NextSpeaker() implements Command {}

  record PassTurn() implements Command {}

  record StartRound() implements Command {}

  record EndMeeting() implements Command {}
}
