package nl.intervision.panel.domain;

import java.util.List;

/**
 * One step of the method as the meeting will run it.
 *
 * @param cards the card kinds the board collects in this phase, first one the default; empty when nothing is collected
 * @param silent participants write on their own; cards stay hidden until the chair reveals them
 * @param anonymous cards are shown without their author
 * @param minutes suggested duration, or null where the method names none
 * @param carries the earlier cards this phase works on: ids of earlier phases (their cards) or card
 *     kinds (every earlier card of that kind). Empty: only the phase's own cards. Absent in phases
 *     recorded before it existed.
 * @param rating whether the case-bringer rates the cards on the board here (warm, neutral, cold) and
 *     marks the key question; null (not false) when not, so a phase recorded before it existed is equal
 */
public record Phase(
    String id,
    Text name,
    Text guidance,
    Speaking speaking,
    List<String> cards,
    boolean silent,
    boolean anonymous,
    Integer minutes,
    List<String> carries,
    Boolean rating) {

  public Phase {
    cards = cards == null ? List.of() : List.copyOf(cards);
    carries = carries == null ? List.of() : List.copyOf(carries);
    rating = Boolean.TRUE.equals(rating) ? Boolean.TRUE : null;
  }

  public Phase(String id, Text name, Text guidance, Speaking speaking, List<String> cards, boolean silent,
      boolean anonymous, Integer minutes) {
    this(id, name, guidance, speaking, cards, silent, anonymous, minutes, List.of(), null);
  }

  /** Whether the case-bringer rates cards and marks the key question in this phase. */
  public boolean rates() {
    return Boolean.TRUE.equals(rating);
  }

  Phase withMinutes(Integer newMinutes) {
    return new Phase(id, name, guidance, speaking, cards, silent, anonymous, newMinutes, carries, rating);
  }
}
