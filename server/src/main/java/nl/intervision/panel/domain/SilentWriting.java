package nl.intervision.panel.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * How far the group is in a silent phase: how many of those who may write there have written at
 * least one card. Only the count leaves the server; who wrote, and how much, does not.
 */
public final class SilentWriting {
  private SilentWriting() {}

  /** @param wrote how many of {@code of} wrote at least one card in this phase */
  public record Progress(int wrote, int of) {}

  /** @return null outside a silent phase that collects cards */
  public static Progress progress(MeetingState state) {
    if (state.agenda() == null) {
      return null;
    }
    Phase phase = state.phase();
    if (!phase.silent() || phase.cards().isEmpty()) {
      return null;
    }
    // The same people the board lets write here (PhaseRules.writers), so the count and the writing box agree.
    List<String> may = PhaseRules.mayWriteHere(state);
    int wrote = 0;
    for (String id : may) {
      if (state.wrote().contains(id)) {
        wrote++;
      }
    }
    return new Progress(wrote, may.size());
  }

  /** Who wrote in the current phase, from the cards: after a change of phase or a card gone. */
  static List<String> writers(MeetingState state) {
    String phaseId = state.agenda() == null ? null : state.phase().id();
    List<String> ids = new ArrayList<>();
    for (Card card : state.cards()) {
      if (card.phaseId().equals(phaseId) && !ids.contains(card.authorId())) {
        ids.add(card.authorId());
      }
    }
    return ids;
  }
}
