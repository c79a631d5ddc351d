package nl.intervision.panel.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Everything the log says about one meeting, folded by {@link Meeting#evolve}. */
public record MeetingState(
    Status status,
    String title,
    Language locale,
    String joinCode,
    Agenda agenda,
    int phaseIndex,
    Timer timer,
    List<Participant> participants,
    List<Card> cards,
    SpeakingOrder speaking,
    Long endedAt) {

  public enum Status { NEW, OPEN, ENDED }

  public static final MeetingState NEW =
      new MeetingState(Status.NEW, null, Language.NL, null, null, 0, null, List.of(), List.of(), SpeakingOrder.EMPTY, null);

  public MeetingState {
    participants = List.copyOf(participants);
    cards = List.copyOf(cards);
  }

  public Phase phase() {
    return agenda.phase(phaseIndex);
  }

  public Optional<Participant> participant(String id) {
    for (Participant p : participants) {
      if (p.id().equals(id)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  public Optional<Card> card(String id) {
    for (Card c : cards) {
      if (c.id().equals(id)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** The people who take part in rounds, in the order they joined; observers only listen. */
  public List<String> speakers() {
    List<String> ids = new ArrayList<>();
    for (Participant p : participants) {
      if (p.role().mayWrite()) {
        ids.add(p.id());
      }
    }
    return ids;
  }

  MeetingState with(Status newStatus, Long newEndedAt) {
    return new MeetingState(newStatus, title, locale, joinCode, agenda, phaseIndex, timer, participants, cards, speaking, newEndedAt);
  }

  MeetingState withPhase(int index) {
    return new MeetingState(status, title, locale, joinCode, agenda, index, null, participants, cards, SpeakingOrder.EMPTY, endedAt);
  }

  MeetingState withTimer(Timer newTimer) {
    return new MeetingState(status, title, locale, joinCode, agenda, phaseIndex, newTimer, participants, cards, speaking, endedAt);
  }

  MeetingState withSpeaking(SpeakingOrder newSpeaking) {
    return new MeetingState(status, title, locale, joinCode, agenda, phaseIndex, timer, participants, cards, newSpeaking, endedAt);
  }

  MeetingState withParticipant(Participant participant) {
    List<Participant> copy = new ArrayList<>(participants);
    copy.add(participant);
    return new MeetingState(status, title, locale, joinCode, agenda, phaseIndex, timer, copy, cards, speaking, endedAt);
  }

  MeetingState withCards(List<Card> newCards) {
    return new MeetingState(status, title, locale, joinCode, agenda, phaseIndex, timer, participants, newCards, speaking, endedAt);
  }

  MeetingState withCard(String cardId, UnaryOperator<Card> change) {
    List<Card> copy = new ArrayList<>(cards.size());
    for (Card c : cards) {
      copy.add(c.id().equals(cardId) ? change.apply(c) : c);
    }
    return withCards(copy);
  }
}
