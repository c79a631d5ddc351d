package nl.intervision.panel.domain;

/** Every size limit of a meeting, in one place; docs/PROTOCOL.md lists the same numbers. */
public final class Limits {
  private Limits() {}

  /** Characters (Unicode code points) in a card's text. */
  public static final int CARD_TEXT = 1000;
  public static final int TITLE = 120;
  public static final int NAME = 60;
  public static final int CARDS_PER_MEETING = 500;
  /** Everyone in the meeting, observers included (not those the chair removed); a real group is 4 to 8. */
  public static final int PARTICIPANTS = 40;
  public static final int TIMER_SECONDS = 4 * 60 * 60;
}
