package nl.intervision.panel.domain;

/**
 * The chair's limit on votes in a phase: which cards it counts, and how many votes each person has
 * left. The board refuses a vote beyond it; each person is told their own count, nobody else's.
 */
public final class VoteBudget {
  private VoteBudget() {}

  /**
   * The cards a phase's vote budget counts: those written in it and, while the case is being chosen,
   * the learning questions the group picks from.
   */
  static boolean counts(MeetingState state, Card card) {
    return card.phaseId().equals(state.phase().id())
        || (state.part() == Agenda.Part.OPENING && CardKind.LEARNING_QUESTION.equals(card.kind()));
  }

  /** How many of the cards the current phase counts this person voted on. */
  static int spent(MeetingState state, String participantId) {
    int votes = 0;
    for (Card card : state.cards()) {
      if (card.voters().contains(participantId) && counts(state, card)) {
        votes++;
      }
    }
    return votes;
  }

  /**
   * @return how many more cards this person may vote on in the current phase; null when the phase has
   *     no budget or the meeting has no agenda yet. Never below 0: a budget lowered below what someone
   *     already gave takes no vote back.
   */
  public static Integer left(MeetingState state, String participantId) {
    if (state.agenda() == null) {
      return null;
    }
    Integer budget = state.voteBudget();
    return budget == null ? null : Math.max(0, budget - spent(state, participantId));
  }
}
