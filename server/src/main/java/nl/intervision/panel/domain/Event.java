package nl.intervision.panel.domain;

import java.util.List;

/**
 * What happened in a meeting, in the order it happened. Events are stored and replayed, so they
 * only ever gain optional fields. Where the result matters (speaking order, timer, a card), the
 * event carries that result, so replaying never needs the server's rules again. Frames do not send
 * these records whole: they send notices of them ({@code Wire.notices}), and the results in {@code changes}.
 */
public sealed interface Event {

  /**
   * @param group the intervision group the meeting belongs to; absent for a meeting on its own
   * @param carried the group's action points from its last meeting; absent when none
   */
  record MeetingStarted(
      String title, Language locale, String joinCode, Participant chair, Agenda agenda, long at, String group,
      List<CarriedPoint> carried) implements Event {
    public MeetingStarted(String title, Language locale, String joinCode, Participant chair, Agenda agenda, long at) {
      this(title, locale, joinCode, chair, agenda, at, null, null);
    }
  }

  record ParticipantJoined(Participant participant, long at) implements Event {}

  /** Entering a phase clears its timer, the speaking order and who is done. */
  record PhaseChanged(int from, int to, String phaseId, long at) implements Event {}

  record MethodChosen(Method method) implements Event {}

  record PhaseSkipped(String phaseId) implements Event {}

  record PhaseMoved(String phaseId, int toIndex) implements Event {}

  record PhaseRetimed(String phaseId, Integer minutes) implements Event {}

  record ReadinessChanged(String participantId, boolean done) implements Event {}

  /** The chair asked whether everyone is done with this phase; entering the next phase forgets it. */
  record ReadinessAsked(String phaseId) implements Event {}

  /** @param reason why the server changed it on its own, e.g. "case-bringer-offline"; absent when someone did */
  record TimerChanged(TimerChange change, Timer timer, String reason) implements Event {}

  record CardAdded(Card card) implements Event {}

  /** @param hidden the card was still hidden: only its author may ever see this text */
  record CardEdited(String cardId, String text, long at, Boolean hidden) implements Event {}

  /**
   * @param hiddenBy the author of a card deleted while still hidden, null for any other: then only the
   *     author and the chair (who had its placeholder) learn that it is gone, never who else wrote what
   */
  record CardDeleted(String cardId, String hiddenBy) implements Event {
    /** A card everyone could see; also how every deletion was stored before issue 15. */
    public CardDeleted(String cardId) {
      this(cardId, null);
    }
  }

  record CardVoted(String cardId, String participantId) implements Event {}

  record CardUnvoted(String cardId, String participantId) implements Event {}

  /** @param cards the cards revealed; to each recipient as they may now see them */
  record CardsRevealed(String phaseId, List<Card> cards) implements Event {}

  record AuthorRevealed(String cardId, String authorId) implements Event {}

  record CardRated(String cardId, Card.Rating rating) implements Event {}

  /** @param cardId the new key question, or null: none */
  record KeyQuestionMarked(String cardId) implements Event {}

  record CardAnswered(String cardId, boolean answered) implements Event {}

  record ActionPointAssigned(String cardId, String ownerId) implements Event {}

  record ActionPointDone(String cardId, boolean done) implements Event {}

  record CarriedPointMarked(String pointId, CarriedPoint.Status status) implements Event {}

  /** @param votes null: no limit in that phase */
  record VoteBudgetSet(String phaseId, Integer votes) implements Event {}

  record EvaluationGiven(String participantId, int score, String word) implements Event {}

  record LearningQuestionChosen(String cardId, String caseBringerId) implements Event {}

  record CaseBringerChosen(String participantId) implements Event {}

  /**
   * @param reason "handed-over"; "chair-offline" when the backup chair took over; "chair-taken" when someone
   *     took the chair left open; "organiser" when the meeting's organiser arrived
   */
  record ChairHandedOver(String from, String to, String reason) implements Event {}

  record BackupChairNamed(String participantId) implements Event {}

  record InvitationsOpened(boolean open) implements Event {}

  /** The chair was away too long with no backup present: anyone may now take the chair. */
  record ChairOpened(String chairId) implements Event {}

  /**
   * In a group's meeting: this participant's connections all closed ({@code online} false), or one opened
   * again. Only the attendance register reads it (minutes present); nobody is sent it.
   */
  record PresenceRecorded(String participantId, boolean online) implements Event {}

  /** The chair came back before anyone took the open chair: it is theirs again, and closed. */
  record ChairReturned(String chairId) implements Event {}

  /**
   * The chair removed {@code participantId} from the meeting. They also lose the case-bringer's and
   * the backup chair's role and leave {@code done}; their cards stay.
   *
   * @param speaking the speaking order without them; if they had the floor, the next in line has it
   */
  record ParticipantRemoved(String participantId, SpeakingOrder speaking) implements Event {}

  record SpeakingChanged(SpeakingChange change, String participantId, SpeakingOrder speaking)
      implements Event {}

  record TurnTimeSet(int seconds) implements Event {}

  record MeetingEnded(long at, Boolean erased) implements Event {}

  enum TimerChange { STARTED, PAUSED, RESUMED, EXTENDED }

  enum SpeakingChange {
    HAND_RAISED, HAND_LOWERED, NEXT_SPEAKER, TURN_PASSED, ROUND_STARTED, PHASE_ENTERED, REORDERED, QUEUED,
    TURN_FINISHED, WENT_AWAY, CAME_BACK, JOINED_ROUND
  }
}
