package nl.intervision.panel.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.intervision.panel.domain.Command.AddCard;
import nl.intervision.panel.domain.Event.*;

/**
 * The shared board of cards and what each phase lets people put on it. Whether someone may touch
 * a card at all is decided in {@link Permissions}; what each person sees of it, in {@link Visibility}.
 */
final class Board {
  private Board() {}

  static List<Event> add(MeetingState state, Envelope by, AddCard command) {
    String text = Texts.required("text", command.text(), Limits.CARD_TEXT);
    Phase phase = state.phase();
    if (phase.cards().isEmpty()) {
      throw Rejected.forbidden(Refusal.NO_CARDS_HERE, "the phase '" + phase.name().en() + "' collects no cards");
    }
    String kind = command.kind() == null ? phase.cards().get(0) : command.kind();
    if (!phase.cards().contains(kind)) {
      throw Rejected.forbidden(Refusal.CARD_KIND_NOT_HERE, "the phase '" + phase.name().en() + "' collects "
          + String.join(", ", phase.cards()) + ", not " + kind, "kind", kind, "allowed", String.join(",", phase.cards()));
    }
    if (state.isCaseBringer(by.actorId()) && !PhaseRules.caseBringerMayWrite(phase, kind)) {
      throw Rejected.forbidden(Refusal.CARDS_FROM_THE_GROUP,
          "the case-bringer answers and listens here; " + kind + " cards come from the group", "kind", kind);
    }
    String ownerId = null;
    if (CardKind.ACTION_POINT.equals(kind)) {
      // In an anonymous phase an owner by default would name the author to everyone: nobody then, until someone takes it on.
      ownerId = command.ownerId() != null ? People.member(state, command.ownerId()).id()
          : phase.anonymous() ? null : by.actorId();
    } else if (command.ownerId() != null) {
      throw Rejected.badRequest(Refusal.OWNER_ONLY_FOR_ACTION_POINTS, "only action points have an owner");
    }
    if (state.cards().size() >= Limits.CARDS_PER_MEETING) {
      throw Rejected.conflict(Refusal.BOARD_FULL, "the board is full (" + Limits.CARDS_PER_MEETING + " cards)",
          "max", Limits.CARDS_PER_MEETING);
    }
    Card card = new Card(by.newId(), kind, phase.id(), by.actorId(), text, List.of(), by.at(), null,
        phase.silent(), phase.anonymous(), false, null, false, false, ownerId);
    return List.of(new CardAdded(card));
  }

  static List<Event> edit(MeetingState state, Envelope by, String cardId, String text) {
    String checked = Texts.required("text", text, Limits.CARD_TEXT);
    Card card = Permissions.visibleCard(state, cardId, by.actorId());
    return card.text().equals(checked) ? List.of()
        : List.of(new CardEdited(cardId, checked, by.at(), card.hidden() ? true : null));
  }

  static List<Event> vote(MeetingState state, Envelope by, String cardId) {
    Card card = Permissions.visibleCard(state, cardId, by.actorId());
    if (card.voters().contains(by.actorId())) {
      return List.of();
    }
    Integer budget = state.voteBudget();
    if (budget != null && VoteBudget.counts(state, card) && VoteBudget.spent(state, by.actorId()) >= budget) {
      throw Rejected.conflict(Refusal.VOTE_BUDGET_SPENT,
          "you have voted on " + budget + " cards in this phase, as many as the chair allows", "max", budget);
    }
    return List.of(new CardVoted(cardId, by.actorId()));
  }

  /**
   * @param votes null or 0: no limit; lowering it below what someone already gave takes no vote
   *     back, it only stops new ones
   */
  static List<Event> setVoteBudget(MeetingState state, Integer votes) {
    Integer budget = votes == null || votes == 0 ? null : votes;
    if (budget != null && (budget < 0 || budget > Limits.VOTE_BUDGET)) {
      throw Rejected.badRequest(Refusal.VOTE_BUDGET_OUT_OF_RANGE,
          "votes must be 0 (no limit) to " + Limits.VOTE_BUDGET, "max", Limits.VOTE_BUDGET);
    }
    if (java.util.Objects.equals(budget, state.voteBudget())) {
      return List.of();
    }
    return List.of(new VoteBudgetSet(state.phase().id(), budget));
  }

  static List<Event> unvote(MeetingState state, Envelope by, String cardId) {
    Card card = Permissions.visibleCard(state, cardId, by.actorId());
    return card.voters().contains(by.actorId()) ? List.of(new CardUnvoted(cardId, by.actorId())) : List.of();
  }

  /**
   * All at once, so nobody's answer is coloured by someone else's. Every card still hidden goes,
   * also from an earlier silent phase: a chair who moved on before revealing can still do so. One
   * event per phase the hidden cards were written in, so each names its own phase (issue 15).
   */
  static List<Event> reveal(MeetingState state) {
    Map<String, List<Card>> byPhase = new LinkedHashMap<>();
    for (Card card : state.cards()) {
      if (card.hidden()) {
        byPhase.computeIfAbsent(card.phaseId(), id -> new ArrayList<>()).add(card.revealed());
      }
    }
    List<Event> revealed = new ArrayList<>(byPhase.size());
    byPhase.forEach((phaseId, cards) -> revealed.add(new CardsRevealed(phaseId, cards)));
    return revealed;
  }

  static List<Event> revealAuthor(MeetingState state, Envelope by, String cardId) {
    Card card = Permissions.visibleCard(state, cardId, by.actorId());
    if (!card.anonymous() || card.authorRevealed()) {
      return List.of();
    }
    return List.of(new AuthorRevealed(cardId, card.authorId()));
  }

  static List<Event> rate(MeetingState state, Envelope by, String cardId, Card.Rating rating) {
    Card card = onTheBoardToRate(state, Permissions.visibleCard(state, cardId, by.actorId()));
    return card.rating() == rating ? List.of() : List.of(new CardRated(cardId, rating));
  }

  static List<Event> markKey(MeetingState state, Envelope by, String cardId) {
    ratingPhase(state);
    if (cardId != null) {
      Card card = onTheBoardToRate(state, Permissions.visibleCard(state, cardId, by.actorId()));
      if (card.key()) {
        return List.of();
      }
    } else if (state.cards().stream().noneMatch(Card::key)) {
      return List.of();
    }
    return List.of(new KeyQuestionMarked(cardId));
  }

  /**
   * The case-bringer sorts cards where the method asks for it, and only the cards that phase works on:
   * a rating on an advice or a recognition would say something the method never asked.
   */
  private static Card onTheBoardToRate(MeetingState state, Card card) {
    ratingPhase(state);
    if (!state.shownHere(card)) {
      throw Rejected.conflict(Refusal.CARD_NOT_ON_BOARD,
          "card " + card.id() + " is not one the phase '" + state.phase().name().en() + "' works on");
    }
    return card;
  }

  private static void ratingPhase(MeetingState state) {
    if (!state.phase().rates()) {
      throw Rejected.conflict(Refusal.NO_RATING_HERE,
          "the phase '" + state.phase().name().en() + "' does not ask the case-bringer to rate cards");
    }
  }

  static List<Event> markAnswered(MeetingState state, Envelope by, String cardId, boolean answered) {
    Card card = Permissions.visibleCard(state, cardId, by.actorId());
    return card.answered() == answered ? List.of() : List.of(new CardAnswered(cardId, answered));
  }

  static List<Event> chooseLearningQuestion(MeetingState state, Envelope by, String cardId) {
    Card card = Permissions.visibleCard(state, cardId, by.actorId());
    if (!CardKind.LEARNING_QUESTION.equals(card.kind())) {
      throw Rejected.conflict(Refusal.NOT_A_LEARNING_QUESTION, "only a learning question can be chosen as the case");
    }
    if (state.agenda().part(state.phaseIndex()) != Agenda.Part.OPENING) {
      throw Rejected.conflict(Refusal.CASE_LOCKED, "the method has started; the case can no longer change");
    }
    if (cardId.equals(state.learningQuestionId())) {
      return List.of();
    }
    if (state.participant(card.authorId()).isEmpty()) {
      throw Rejected.conflict(Refusal.LEARNING_QUESTION_AUTHOR_LEFT,
          "the author of this learning question is no longer in the meeting");
    }
    return List.of(new LearningQuestionChosen(cardId, card.authorId()));
  }
}
