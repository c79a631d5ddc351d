package nl.intervision.panel.domain;

import java.util.List;
import nl.intervision.panel.domain.Event.EvaluationGiven;

/** The end of a meeting: each person's evaluation of it. */
public final class Closing {
  private Closing() {}

  /** Whether the meeting takes evaluations now: in its closing, so the whole meeting can be looked back on. */
  public static boolean evaluationOpen(MeetingState state) {
    return state.status() == MeetingState.Status.OPEN && state.agenda() != null
        && state.part() == Agenda.Part.CLOSING;
  }

  static List<Event> evaluate(MeetingState state, Envelope by, int score, String word) {
    if (!evaluationOpen(state)) {
      throw Rejected.conflict(Refusal.EVALUATION_NOT_YET, "the meeting is evaluated in its closing");
    }
    if (score < Limits.SCORE_MIN || score > Limits.SCORE_MAX) {
      throw Rejected.badRequest(Refusal.SCORE_OUT_OF_RANGE,
          "score must be " + Limits.SCORE_MIN + " to " + Limits.SCORE_MAX, "min", Limits.SCORE_MIN, "max", Limits.SCORE_MAX);
    }
    String checked = Texts.required("word", word, Limits.EVALUATION_WORD);
    if (checked.codePoints().anyMatch(Character::isWhitespace)) {
      throw Rejected.badRequest(Refusal.ONE_WORD, "word must be a single word, without spaces");
    }
    Evaluation given = new Evaluation(by.actorId(), score, checked);
    return state.evaluation(by.actorId()).map(given::equals).orElse(false) ? List.of()
        : List.of(new EvaluationGiven(by.actorId(), score, checked));
  }
}
