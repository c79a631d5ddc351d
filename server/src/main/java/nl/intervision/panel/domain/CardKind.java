package nl.intervision.panel.domain;

import java.util.Set;

/** The kinds of card a phase's board can collect; on the wire in kebab case, as in the catalogue. */
public final class CardKind {
  private CardKind() {}

  public static final String LEARNING_QUESTION = "learning-question";
  public static final String INFORMATION_QUESTION = "information-question";
  public static final String DEEPENING_QUESTION = "deepening-question";
  public static final String HYPOTHESIS = "hypothesis";
  public static final String ADVICE = "advice";
  public static final String RECOGNITION = "recognition";
  public static final String ACTION_POINT = "action-point";
  /**
   * What someone says in looking back on the last meeting: a note, not a new action point. Last time's
   * action points themselves come in through the group, as {@link MeetingState#carried()}.
   */
  public static final String LOOK_BACK = "look-back";

  public static final Set<String> ALL = Set.of(LEARNING_QUESTION, INFORMATION_QUESTION, DEEPENING_QUESTION,
      HYPOTHESIS, ADVICE, RECOGNITION, ACTION_POINT, LOOK_BACK);

  /** What the group says about the case: the case-bringer answers and listens, and does not write these. */
  static final Set<String> ABOUT_THE_CASE = Set.of(INFORMATION_QUESTION, DEEPENING_QUESTION, HYPOTHESIS, ADVICE);

  /** Phases collecting these are the group's own: the case-bringer listens there. */
  static final Set<String> CASE_BRINGER_LISTENS = Set.of(HYPOTHESIS, ADVICE);
}
