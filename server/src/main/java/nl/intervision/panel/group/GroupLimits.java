package nl.intervision.panel.group;

import nl.intervision.panel.domain.Limits;

/** Every size limit of a group, in one place; texts share the meeting's limits (docs/PROTOCOL.md). */
public final class GroupLimits {
  private GroupLimits() {}

  /** Current members, facilitators included; a real group is 4 to 12. */
  public static final int MEMBERS = 16;
  /** Cases waiting in the queue at once. */
  public static final int QUEUED_CASES = 20;
  /** Cases in one meeting: one, or two run one after the other. */
  public static final int CASES_PER_MEETING = 2;
  public static final int LEARNING_POINTS_PER_MEMBER = 50;
  /** Progress notes on one learning point: one per meeting for years. */
  public static final int NOTES_PER_LEARNING_POINT = 100;
  public static final int NAME = Limits.NAME;
  public static final int GROUP_NAME = Limits.TITLE;
  public static final int CASE_TITLE = Limits.TITLE;
  public static final int TEXT = Limits.CARD_TEXT;
  public static final int USUAL_MINUTES = 180;
  public static final int MIN_MINUTES = 15;
  /** The longest meeting, and so the most minutes one attendance can count or be corrected to. */
  public static final int MAX_MINUTES = 12 * 60;
  public static final int METHOD_ID = 64;
}
