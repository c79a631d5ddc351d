package nl.intervision.panel.domain;

/** Every size limit of a meeting, in one place; docs/PROTOCOL.md lists the same numbers. */
public final class Limits {
  private Limits() {}

  /** Characters (Unicode code points) in a card's text. */
  public static final int CARD_TEXT = 1000;
  public static final int TITLE = 120;
  public static final int NAME = 60;
  public static final int CARDS_PER_MEETING = 500;
  /** Action points a group brings into one meeting from the last. */
  public static final int CARRIED_POINTS = 50;
  /** Everyone in the meeting, observers included (not those the chair removed); a real group is 4 to 8. */
  public static final int PARTICIPANTS = 40;
  /** The most cards a chair can let each person vote on in one phase. */
  public static final int VOTE_BUDGET = 50;
  public static final int SCORE_MIN = 1;
  public static final int SCORE_MAX = 10;
  /** Characters in the one word of an evaluation. */
  public static final int EVALUATION_WORD = 40;
  public static final int TIMER_SECONDS = 4 * 60 * 60;
}
