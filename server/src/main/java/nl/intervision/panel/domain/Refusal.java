package nl.intervision.panel.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Why something was refused, as a stable key the page translates (docs/PROTOCOL.md section 8). The
 * English message next to it is for developers; a person reads the page's text for this key, filled
 * in with the params named here. One list for the whole server, the few the transport raises
 * (a wrong token, a body too large...) included, so that one test can hold every reason against the
 * page's translations. Several refusals that say the same thing to a person share a key.
 */
public enum Refusal {
  // Something the page itself got wrong: a person can do nothing about it but reload.
  BAD_COMMAND,
  FIELD_REQUIRED("field"),
  TEXT_INVALID("field"),
  TOO_LONG("field", "length", "max"),

  // The meeting as a whole.
  MEETING_NOT_FOUND,
  MEETING_EXISTS,
  MEETING_ENDED,
  MEETING_FULL("max"),
  ALREADY_JOINED,
  WRONG_JOIN_CODE,
  TOO_MANY_WRONG_CODES("seconds"),
  NOT_A_PARTICIPANT,
  SERVER_ONLY,

  // Who may do what.
  OBSERVER_READ_ONLY,
  CHAIR_ONLY("action"),
  CASE_BRINGER_ONLY("action"),
  CHAIR_OR_CASE_BRINGER_ONLY("action"),
  EDIT_OWN_CARDS,
  DELETE_OWN_CARDS,
  AUTHOR_ONLY,

  // The agenda.
  PHASE_MOVED_ON("from", "now"),
  FIRST_PHASE,
  LAST_PHASE,
  PHASE_NOT_FOUND,
  PHASE_NOT_UPCOMING,
  MOVE_AFTER_CURRENT,
  MOVE_WITHIN_PART,
  AGENDA_NEEDS_A_PHASE,
  MINUTES_OUT_OF_RANGE("min", "max"),
  METHOD_REQUIRED,
  METHOD_LOCKED,
  METHOD_INVALID("field"),
  METHOD_PHASE_COUNT("max"),
  UNKNOWN_METHOD("method"),

  // The board.
  NO_CARDS_HERE,
  NO_RATING_HERE,
  CARD_NOT_ON_BOARD,
  CARD_KIND_NOT_HERE("kind", "allowed"),
  CARDS_FROM_THE_GROUP("kind"),
  OWNER_ONLY_FOR_ACTION_POINTS,
  BOARD_FULL("max"),
  CARD_NOT_FOUND,
  NOT_A_LEARNING_QUESTION,
  CASE_LOCKED,
  LEARNING_QUESTION_AUTHOR_LEFT,
  NOT_AN_ACTION_POINT,
  ACTION_POINT_NOT_YOURS,
  CARRIED_POINT_NOT_FOUND,
  CARRIED_POINT_NOT_YOURS,
  TOO_MANY_CARRIED_POINTS("max"),
  VOTE_BUDGET_SPENT("max"),
  VOTE_BUDGET_OUT_OF_RANGE("max"),

  // The closing.
  EVALUATION_NOT_YET,
  SCORE_OUT_OF_RANGE("min", "max"),
  ONE_WORD,

  // Speaking and the clock.
  NOBODY_WAITING,
  NOT_IN_SPEAKING_ORDER,
  QUEUE_INVALID,
  TURN_TIME_OUT_OF_RANGE("maxMinutes"),
  CASE_BRINGER_SPEAKS,
  CASE_BRINGER_LISTENS,
  TIMER_NOT_RUNNING,
  TIMER_NOT_PAUSED,
  NO_TIMER,
  TIMER_OUT_OF_RANGE("maxMinutes"),

  // People.
  PARTICIPANT_NOT_FOUND,
  BACKUP_IS_CHAIR,
  CHAIR_NOT_REMOVABLE,
  OBSERVER_NO_ROLE("name"),
  NAME_TAKEN("name"),
  CHAIR_NOT_OPEN,
  CHAIR_TAKEN("name"),

  // Groups: the group, its members, its meetings and what carries over.
  GROUP_NOT_FOUND,
  GROUP_EXISTS,
  NOT_A_GROUP_MEMBER,
  GROUP_FULL("max"),
  ACCOUNT_LINKED_ELSEWHERE("platform"),
  GROUP_STEWARD_ONLY("action"),
  CHAIR_OR_STEWARD_ONLY("action"),
  MEMBER_NOT_FOUND,
  GROUP_MEETING_OPEN,
  GROUP_MEETING_NOT_FOUND,
  TOO_MANY_CASES("max"),
  CASE_QUEUE_FULL("max"),
  QUEUED_CASE_NOT_FOUND,
  CASE_NOT_QUEUED,
  CASE_AUTHOR_ONLY,
  FACILITATOR_BRINGS_NO_CASE,
  LEARNING_POINT_NOT_FOUND,
  LEARNING_POINT_OWNER_ONLY,
  LEARNING_POINTS_FULL("max"),
  LEARNING_POINT_NOTES_FULL("max"),

  // Raised by the transport, not by a meeting.
  TOKEN_INVALID,
  TOKEN_OTHER_MEETING,
  SUMMARY_NOT_ALLOWED,
  BODY_TOO_LARGE("max"),
  NO_SUCH_ENDPOINT,
  PLATFORM_NOT_CONFIGURED("platform"),
  PLATFORM_PROOF_REFUSED,
  DEVICE_LINK_EXPIRED,
  DEVICE_LINK_INVALID,
  NOT_IN_MEETING,
  NOT_SAVED,
  SERVER_ERROR;

  private final List<String> params;

  Refusal(String... params) {
    this.params = List.of(params);
  }

  /** The key as it goes on the wire: {@code PHASE_MOVED_ON} is {@code phase-moved-on}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The names of the params this refusal always carries, in order; the page's texts may use only these. */
  public List<String> params() {
    return params;
  }

  /** Whether {@code given} names exactly this refusal's params, in order; checked with assert, for a mistake is ours. */
  public boolean fits(Map<String, ?> given) {
    return List.copyOf(given.keySet()).equals(params);
  }
}
