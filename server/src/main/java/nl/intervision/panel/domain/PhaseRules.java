package nl.intervision.panel.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who may speak and write in a phase, read from the phase alone. The board ({@link Board}) applies
 * them, the speaking order ({@link Turns}) through {@link MeetingState#caseBringerListens()} and its own
 * check of a case-bringer's phase, which {@link #groupMaySpeak} states; the catalogue's guidance is
 * checked against them, so a phase never tells people to do what its rules refuse.
 */
public final class PhaseRules {
  private PhaseRules() {}

  /**
   * A phase of the method in which the group works on the case and the case-bringer listens:
   * the case-bringer neither takes turns nor writes there.
   */
  public static boolean caseBringerListens(Phase phase, Agenda.Part part) {
    return part == Agenda.Part.METHOD && phase.speaking() != Speaking.CASE_BRINGER
        && phase.cards().stream().anyMatch(CardKind.CASE_BRINGER_LISTENS::contains);
  }

  /** Whether people other than the case-bringer may take the floor (raise a hand, have a turn). */
  public static boolean groupMaySpeak(Phase phase) {
    return phase.speaking() != Speaking.CASE_BRINGER;
  }

  public static boolean caseBringerMaySpeak(Phase phase, Agenda.Part part) {
    return !caseBringerListens(phase, part);
  }

  /** Whether the case-bringer may write a card of this kind in this phase (besides the phase collecting it). */
  public static boolean caseBringerMayWrite(Phase phase, String kind) {
    return !CardKind.ABOUT_THE_CASE.contains(kind) || phase.speaking() == Speaking.CASE_BRINGER;
  }

  /**
   * Per card kind the current phase collects, who may write one now, in join order: everyone but
   * observers, the case-bringer only the kinds they may write here. Sent to every client (state.phase.writers)
   * so a page offers the writing box to exactly those the server lets write; empty once the meeting ended.
   */
  public static Map<String, List<String>> writers(MeetingState state) {
    return state.status() == MeetingState.Status.OPEN ? byKind(state) : new LinkedHashMap<>();
  }

  /** The phase's writers whether or not the meeting still runs: a silent phase's count stays as it was. */
  private static Map<String, List<String>> byKind(MeetingState state) {
    Map<String, List<String>> writers = new LinkedHashMap<>();
    Phase phase = state.phase();
    for (String kind : phase.cards()) {
      List<String> ids = new ArrayList<>();
      for (Participant p : state.participants()) {
        if (p.role().mayWrite() && (!state.isCaseBringer(p.id()) || caseBringerMayWrite(phase, kind))) {
          ids.add(p.id());
        }
      }
      writers.put(kind, ids);
    }
    return writers;
  }

  /** Everyone who may write some card in the current phase, in join order: whom a silent phase waits for. */
  public static List<String> mayWriteHere(MeetingState state) {
    List<String> ids = new ArrayList<>();
    for (List<String> kindWriters : byKind(state).values()) {
      for (String id : kindWriters) {
        if (!ids.contains(id)) {
          ids.add(id);
        }
      }
    }
    // Join order, whichever kind named them first.
    ids.sort(java.util.Comparator.comparingInt(id -> indexOf(state, id)));
    return ids;
  }

  private static int indexOf(MeetingState state, String participantId) {
    for (int i = 0; i < state.participants().size(); i++) {
      if (state.participants().get(i).id().equals(participantId)) {
        return i;
      }
    }
    return Integer.MAX_VALUE;
  }

  /**
   * The kinds of card the case-bringer answers here (marks answered): the group's questions, in a phase
   * that is not silent and where the case-bringer may speak. Empty elsewhere, so the control shows only
   * where answering is what the phase is for.
   */
  public static List<String> answerable(Phase phase, Agenda.Part part) {
    if (phase.silent() || !caseBringerMaySpeak(phase, part)) {
      return List.of();
    }
    return List.of(CardKind.INFORMATION_QUESTION, CardKind.DEEPENING_QUESTION);
  }

  /** Whether the case-bringer may write any card at all in this phase. */
  public static boolean caseBringerWrites(Phase phase, Agenda.Part part) {
    return !caseBringerListens(phase, part) && phase.cards().stream().anyMatch(kind -> caseBringerMayWrite(phase, kind));
  }
}
