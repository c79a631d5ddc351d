package nl.intervision.panel.domain;

import java.util.List;

/**
 * What someone asks the meeting to do. A command may be refused; if it is accepted it becomes
 * one or more {@link Event}s. Field names are the wire names (see docs/PROTOCOL.md).
 */
public sealed interface Command {

  // ---- the meeting's life (REST and the server itself, never a socket)

  /** Opens a meeting; only valid as the very first command. The server picks the code and agenda. */
  /**
   * @param group the intervision group the meeting belongs to, or null for a meeting on its own
   * @param carried the group's open action points from its last meeting, to look back on
   */
  record StartMeeting(String title, String chairName, Language locale, String joinCode, Agenda agenda, String group,
      List<CarriedPoint> carried) implements Command {
    public StartMeeting(String title, String chairName, Language locale, String joinCode, Agenda agenda) {
      this(title, chairName, locale, joinCode, agenda, null, null);
    }
  }

  /**
   * A newcomer joins with the meeting's join code; the envelope's actor is their new id.
   *
   * @param sameName the newcomer knows someone of that name is already in, and is another person:
   *     without it a name already present is refused, for it is mostly the same person on a second device
   */
  record JoinMeeting(String joinCode, String name, Role role, boolean sameName) implements Command {
    public JoinMeeting(String joinCode, String name, Role role) {
      this(joinCode, name, role, false);
    }
  }

  /** The server saw the last connection of this participant close. */
  record ParticipantWentOffline(String participantId) implements Command {}

  /**
   * The chair has been offline for the configured time: the backup chair takes over when present,
   * otherwise the chair is open for anyone to take ({@link TakeChair}).
   *
   * @param backupOnline whether the backup chair, if one is named, is connected; null reads as yes
   */
  record ChairTimedOut(String chairId, Boolean backupOnline) implements Command {
    public ChairTimedOut(String chairId) {
      this(chairId, null);
    }
  }

  /**
   * The meeting's group is erased: the meeting's content goes with it, whether it runs or ended long
   * ago. Stored as an erasing end, so every node drops it at once, as when the chair ends and erases.
   */
  record EraseMeeting() implements Command {}

  /** The server saw this participant's first connection open again (after none). */
  record ParticipantCameOnline(String participantId) implements Command {}

  /**
   * The meeting platform says this participant organises the meeting, and whoever chairs now was
   * only the first to open the panel: the organiser takes the chair.
   */
  record OrganiserArrived(String participantId) implements Command {}

  /**
   * The member who put this meeting's case forward in their group took their seat: they bring the case,
   * unless the chair already chose someone.
   */
  record CaseBringerArrived(String participantId) implements Command {}

  // ---- the agenda

  /** Moves to the next phase; {@code fromPhase} is the index the chair saw, so a double click never skips one. */
  record AdvancePhase(int fromPhase) implements Command {}

  record PreviousPhase(int fromPhase) implements Command {}

  /**
   * Picks the method while the meeting is still in its opening: a catalogue method by id, or a
   * method of the chair's own. The server fills in {@code method} from the catalogue for an id.
   */
  record ChooseMethod(String methodId, Method method) implements Command {}

  /** Drops a phase that has not started yet. */
  record SkipPhase(String phaseId) implements Command {}

  /** Moves a phase that has not started yet to another place in the same part of the agenda. */
  record MovePhase(String phaseId, int toIndex) implements Command {}

  record RetimePhase(String phaseId, Integer minutes) implements Command {}

  record MarkDone() implements Command {}

  record MarkNotDone() implements Command {}

  /** The chair asks whether everyone is done: from then on the phase counts who is (see Readiness). */
  record AskReadiness() implements Command {}

  // ---- the timer

  record StartTimer(int seconds) implements Command {}

  record PauseTimer() implements Command {}

  record ResumeTimer() implements Command {}

  record ExtendTimer(int seconds) implements Command {}

  // ---- the board

  /** @param kind one of the kinds the phase collects; its first kind when left out */
  record AddCard(String text, String kind, String ownerId) implements Command {}

  record EditCard(String cardId, String text) implements Command {}

  record DeleteCard(String cardId) implements Command {}

  record VoteCard(String cardId) implements Command {}

  record UnvoteCard(String cardId) implements Command {}

  /** Shows every hidden card of the current (silent) phase to everyone at once. */
  record RevealCards() implements Command {}

  /** The author of an anonymous card lets the group know it is theirs. */
  record RevealAuthor(String cardId) implements Command {}

  /** @param rating null clears it */
  record RateCard(String cardId, Card.Rating rating) implements Command {}

  /** @param cardId null clears the key question */
  record MarkKeyQuestion(String cardId) implements Command {}

  record MarkAnswered(String cardId, boolean answered) implements Command {}

  /** Gives an action point to someone else in the meeting. */
  record AssignActionPoint(String cardId, String ownerId) implements Command {}

  /** @param done false: not done after all */
  record MarkActionPointDone(String cardId, boolean done) implements Command {}

  /** Says what became of one of last meeting's action points: its owner or the chair does. */
  record MarkCarriedPoint(String pointId, CarriedPoint.Status status) implements Command {}

  /** @param votes how many cards each person may vote on in the current phase; null or 0: no limit */
  record SetVoteBudget(Integer votes) implements Command {}

  /** The chair settles on a learning question; its author becomes the case-bringer. */
  record ChooseLearningQuestion(String cardId) implements Command {}

  // ---- people

  /** For methods where the case comes without a learning-question card (whose turn it is). */
  record ChooseCaseBringer(String participantId) implements Command {}

  record HandOverChair(String participantId) implements Command {}

  /** Someone present takes the chair that was left open while the chair was away. */
  record TakeChair() implements Command {}

  /** @param participantId null: no backup chair */
  record NameBackupChair(String participantId) implements Command {}

  /** Whether participants may see the join code and invite others; the chair always may, observers never. */
  record OpenInvitations(boolean open) implements Command {}

  /** Someone who joined by mistake, or should not be there, leaves the meeting; what they wrote stays. */
  record RemoveParticipant(String participantId) implements Command {}

  // ---- speaking

  record RaiseHand() implements Command {}

  record LowerHand() implements Command {}

  record NextSpeaker() implements Command {}

  record PassTurn() implements Command {}

  /** The speaker is done: the floor goes on and they do not queue again. */
  record FinishTurn() implements Command {}

  record StartRound() implements Command {}

  /** The chair puts the waiting speakers in a new order (or adds and removes people). */
  record ReorderSpeakers(List<String> queue) implements Command {}

  /** The chair adds someone to the end of the queue, as if they had raised their hand. */
  record QueueSpeaker(String participantId) implements Command {}

  /** @param seconds per turn; 0 turns the limit off */
  record SetTurnTime(int seconds) implements Command {}

  /**
   * One's own evaluation of the meeting, in its closing; giving it again replaces it.
   *
   * @param score 1 to 10
   * @param word one word, no spaces
   */
  record GiveEvaluation(int score, String word) implements Command {}

  /** @param erase also erase the meeting's content now instead of after the retention period */
  record EndMeeting(Boolean erase) implements Command {}
}
