package nl.intervision.panel.domain;

import java.util.List;

/**
 * One step of the method as the meeting will run it.
 *
 * @param cards the card kinds the board collects in this phase, first one the default; empty when nothing is collected
 * @param silent participants write on their own; cards stay hidden until the chair reveals them
 * @param anonymous cards are shown without their author
 * @param minutes suggested duration, or null where the method names none
 */
public record Phase(
    String id,
    Text name,
    Text guidance,
    Speaking speaking,
    List<String> cards,
    boolean silent,
    boolean anonymous,
    Integer minutes) {

  public Phase {
    cards = cards == null ? List.of() : List.copyOf(cards);
  }
}
