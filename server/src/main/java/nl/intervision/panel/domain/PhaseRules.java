package nl.intervision.panel.domain;

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

  /** Whether the case-bringer may write any card at all in this phase. */
  public static boolean caseBringerWrites(Phase phase, Agenda.Part part) {
    return !caseBringerListens(phase, part) && phase.cards().stream().anyMatch(kind -> caseBringerMayWrite(phase, kind));
  }
}
