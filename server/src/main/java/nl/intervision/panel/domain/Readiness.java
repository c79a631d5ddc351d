package nl.intervision.panel.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Whose "I am done" the chair waits for. It only means something while people finish something of their
 * own: in a silent writing phase, or after the chair asked whether everyone is done. Then it counts the
 * people who take part (not observers), without the chair, who decides when to move on, and without a
 * case-bringer who listens in this phase; in a silent phase, those who may write there. Otherwise nobody
 * is waited for, and moving on asks nothing.
 */
public final class Readiness {
  private Readiness() {}

  /** @return the ids waited for, in join order; null when readiness does not apply in this phase now */
  public static List<String> expected(MeetingState state) {
    if (state.status() != MeetingState.Status.OPEN || !(state.phase().silent() || state.readinessAsked())) {
      return null;
    }
    String chair = state.chairId();
    if (state.phase().silent() && !state.readinessAsked() && !state.phase().cards().isEmpty()) {
      // Silent writing waits for those who have something to write here: the same people the board lets write.
      List<String> writers = new ArrayList<>(PhaseRules.mayWriteHere(state));
      writers.remove(chair);
      return writers;
    }
    boolean listens = state.caseBringerListens();
    List<String> ids = new ArrayList<>();
    for (String id : state.speakers()) {
      if (!id.equals(chair) && !(listens && state.isCaseBringer(id))) {
        ids.add(id);
      }
    }
    return ids;
  }

  static List<Event> ask(MeetingState state) {
    if (state.readinessAsked() || state.phase().silent()) {
      return List.of();
    }
    return List.of(new Event.ReadinessAsked(state.phase().id()));
  }
}
