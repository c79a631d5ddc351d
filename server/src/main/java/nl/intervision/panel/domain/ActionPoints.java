package nl.intervision.panel.domain;

import java.util.List;
import nl.intervision.panel.domain.Event.ActionPointAssigned;
import nl.intervision.panel.domain.Event.ActionPointDone;

/**
 * What happens to an action point after it is written: it goes to someone else, or it is done.
 * Who may do this (its author, its owner, the chair) is decided in {@link Permissions}.
 */
final class ActionPoints {
  private ActionPoints() {}

  static List<Event> assign(MeetingState state, Envelope by, String cardId, String ownerId) {
    Card card = actionPoint(state, by, cardId);
    if (ownerId == null) {
      throw Rejected.badRequest(Refusal.FIELD_REQUIRED, "ownerId is required", "field", "ownerId");
    }
    String owner = People.member(state, ownerId).id();
    return owner.equals(card.ownerId()) ? List.of() : List.of(new ActionPointAssigned(cardId, owner));
  }

  static List<Event> markDone(MeetingState state, Envelope by, String cardId, boolean done) {
    Card card = actionPoint(state, by, cardId);
    return card.isDone() == done ? List.of() : List.of(new ActionPointDone(cardId, done));
  }

  private static Card actionPoint(MeetingState state, Envelope by, String cardId) {
    Card card = Permissions.visibleCard(state, cardId, by.actorId());
    if (!CardKind.ACTION_POINT.equals(card.kind())) {
      throw Rejected.conflict(Refusal.NOT_AN_ACTION_POINT, "only an action point has an owner and can be done");
    }
    return card;
  }
}
