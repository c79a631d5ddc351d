package nl.intervision.panel.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Who may use which speaking control now, so a page shows each control only to whom it applies without
 * knowing the rules behind it (which phase lets the case-bringer speak, who raised a hand). Lists of ids,
 * the same for every recipient: each page looks itself up.
 *
 * @param raiseHand who may raise a hand: not in the order yet, and allowed to take the floor in this phase
 * @param lowerHand who is waiting with a raised hand
 * @param finishTurn who has the floor and can finish their turn
 * @param passTurn who waits in a round (not by a raised hand) and can skip their turn for now
 */
public record TurnControls(List<String> raiseHand, List<String> lowerHand, List<String> finishTurn,
    List<String> passTurn) {

  public static TurnControls of(MeetingState state) {
    SpeakingOrder order = state.speaking();
    List<String> raise = new ArrayList<>();
    if (state.status() == MeetingState.Status.OPEN) {
      for (String id : state.speakers()) {
        if (Turns.mayRaise(state, id)) {
          raise.add(id);
        }
      }
    }
    List<String> lower = order.queue().stream().filter(order.hands()::contains).toList();
    List<String> pass = order.queue().stream().filter(id -> !order.hands().contains(id)).toList();
    return new TurnControls(raise, lower, order.current() == null ? List.of() : List.of(order.current()), pass);
  }
}
