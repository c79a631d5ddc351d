package nl.intervision.panel.domain;

import java.util.List;
import nl.intervision.panel.domain.Event.*;

/** The shared board of cards. Who may touch which card is decided in {@link Permissions}. */
final class Board {
  private Board() {}

  /** Kind of a card added in a phase that names no card kind of its own. */
  static final String NOTE = "note";

  static List<Event> add(MeetingState state, Envelope by, String text) {
    String checked = Texts.required("text", text, Limits.CARD_TEXT);
    if (state.cards().size() >= Limits.CARDS_PER_MEETING) {
      throw Rejected.conflict("the board is full (" + Limits.CARDS_PER_MEETING + " cards)");
    }
    Phase phase = state.phase();
    String kind = phase.cards().isEmpty() ? NOTE : phase.cards().get(0);
    Card card = new Card(by.newId(), kind, phase.id(), by.actorId(), checked, List.of(), by.at(), null);
    return List.of(new CardAdded(card));
  }

  static List<Event> edit(MeetingState state, Envelope by, String cardId, String text) {
    String checked = Texts.required("text", text, Limits.CARD_TEXT);
    Card card = existing(state, cardId);
    if (card.text().equals(checked)) {
      return List.of();
    }
    return List.of(new CardEdited(cardId, checked, by.at()));
  }

  static List<Event> vote(MeetingState state, Envelope by, String cardId) {
    Card card = existing(state, cardId);
    if (card.voters().contains(by.actorId())) {
      return List.of();
    }
    return List.of(new CardVoted(cardId, by.actorId()));
  }

  static List<Event> unvote(MeetingState state, Envelope by, String cardId) {
    Card card = existing(state, cardId);
    if (!card.voters().contains(by.actorId())) {
      return List.of();
    }
    return List.of(new CardUnvoted(cardId, by.actorId()));
  }

  private static Card existing(MeetingState state, String cardId) {
    if (cardId == null) {
      throw Rejected.badRequest("cardId is required");
    }
    return state.card(cardId).orElseThrow(() -> Rejected.notFound("no card " + cardId));
  }
}
