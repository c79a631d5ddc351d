package nl.intervision.panel.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Everything the log says about one meeting, folded by {@link Meeting#evolve}.
 *
 * @param done who marked themselves done with the current phase
 * @param turnSeconds the chair's time per speaking turn; 0 for none
 * @param wrote who wrote a card in the current phase, in the order they first did; a silent phase shows only the count
 * @param voteBudgets per phase id, how many cards each person may vote on there; a phase not in it has no limit
 * @param evaluations each person's evaluation of the meeting, in the order first given
 * @param invitesOpen participants see the join code (the chair always does, observers never)
 * @param readinessAsked the chair asked in this phase whether everyone is done ({@link Readiness})
 * @param chairOpen the chair has been away too long and there was no backup present: anyone may take the chair
 * @param formerChairId who chaired until they were away and someone took over; they can be given the chair back
 * @param groupId the intervision group this meeting belongs to, or null
 * @param carried the group's action points from its last meeting, as marked in this one
 */
public record MeetingState(
    Status status,
    String title,
    Language locale,
    String joinCode,
    Agenda agenda,
    int phaseIndex,
    Timer timer,
    List<String> done,
    List<Participant> participants,
    List<Card> cards,
    SpeakingOrder speaking,
    int turnSeconds,
    String caseBringerId,
    String learningQuestionId,
    String backupChairId,
    Long endedAt,
    List<String> wrote,
    Map<String, Integer> voteBudgets,
    List<Evaluation> evaluations,
    boolean invitesOpen,

    boolean readinessAsked,
    boolean chairOpen,
    String formerChairId,
    String groupId,
    List<CarriedPoint> carried) {

  public enum Status { NEW, OPEN, ENDED }

  public static final MeetingState NEW = new MeetingState(Status.NEW, null, Language.NL, null, null, 0, null,
      List.of(), List.of(), List.of(), SpeakingOrder.EMPTY, 0, null, null, null, null,
      List.of(), Map.of(), List.of(), false, false, false, null, null, List.of());

  public MeetingState {
    done = List.copyOf(done);
    participants = List.copyOf(participants);
    cards = List.copyOf(cards);
    wrote = List.copyOf(wrote);
    voteBudgets = Map.copyOf(voteBudgets);
    evaluations = List.copyOf(evaluations);
    carried = carried == null ? List.of() : List.copyOf(carried);
  }

  /** The vote budget of the current phase, or null: no limit. */
  public Integer voteBudget() {
    return voteBudgets.get(phase().id());
  }

  public Optional<Evaluation> evaluation(String participantId) {
    return evaluations.stream().filter(e -> e.participantId().equals(participantId)).findFirst();
  }

  public Phase phase() {
    return agenda.phase(phaseIndex);
  }

  public Agenda.Part part() {
    return agenda.part(phaseIndex);
  }

  /** Whether the board shows this card in the current phase: written here, or in a phase this one carries on from. */
  public boolean shownHere(Card card) {
    return agenda.shownIn(phaseIndex).contains(card.phaseId());
  }

  public Optional<Participant> participant(String id) {
    for (Participant p : participants) {
      if (p.id().equals(id)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  public Optional<CarriedPoint> carriedPoint(String id) {
    return carried.stream().filter(point -> point.id().equals(id)).findFirst();
  }

  public Optional<Card> card(String id) {
    for (Card c : cards) {
      if (c.id().equals(id)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  public String chairId() {
    for (Participant p : participants) {
      if (p.role() == Role.CHAIR) {
        return p.id();
      }
    }
    return null;
  }

  public boolean isCaseBringer(String participantId) {
    return participantId != null && participantId.equals(caseBringerId);
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

  /**
   * A phase of the method in which the group works on the case and the case-bringer listens:
   * the case-bringer neither takes turns nor writes there.
   */
  public boolean caseBringerListens() {
    return PhaseRules.caseBringerListens(phase(), part());
  }

  Builder edit() {
    return new Builder(this);
  }

  /** A changed copy, one field at a time: evolve touches few fields per event. */
  static final class Builder {
    Status status;
    String title;
    Language locale;
    String joinCode;
    Agenda agenda;
    int phaseIndex;
    Timer timer;
    List<String> done;
    List<Participant> participants;
    List<Card> cards;
    SpeakingOrder speaking;
    int turnSeconds;
    String caseBringerId;
    String learningQuestionId;
    String backupChairId;
    Long endedAt;
    List<String> wrote;
    Map<String, Integer> voteBudgets;
    List<Evaluation> evaluations;
    boolean invitesOpen;
    boolean readinessAsked;
    boolean chairOpen;
    String formerChairId;
    String groupId;
    List<CarriedPoint> carried;

    private Builder(MeetingState s) {
      status = s.status;
      title = s.title;
      locale = s.locale;
      joinCode = s.joinCode;
      agenda = s.agenda;
      phaseIndex = s.phaseIndex;
      timer = s.timer;
      done = s.done;
      participants = s.participants;
      cards = s.cards;
      speaking = s.speaking;
      turnSeconds = s.turnSeconds;
      caseBringerId = s.caseBringerId;
      learningQuestionId = s.learningQuestionId;
      backupChairId = s.backupChairId;
      endedAt = s.endedAt;
      wrote = s.wrote;
      voteBudgets = s.voteBudgets;
      evaluations = s.evaluations;
      invitesOpen = s.invitesOpen;
      readinessAsked = s.readinessAsked;
      chairOpen = s.chairOpen;
      formerChairId = s.formerChairId;
      groupId = s.groupId;
      carried = s.carried;
    }

    Builder card(String cardId, UnaryOperator<Card> change) {
      List<Card> copy = new ArrayList<>(cards.size());
      for (Card c : cards) {
        copy.add(c.id().equals(cardId) ? change.apply(c) : c);
      }
      cards = copy;
      return this;
    }

    Builder participant(String id, UnaryOperator<Participant> change) {
      List<Participant> copy = new ArrayList<>(participants.size());
      for (Participant p : participants) {
        copy.add(p.id().equals(id) ? change.apply(p) : p);
      }
      participants = copy;
      return this;
    }

    MeetingState build() {
      return new MeetingState(status, title, locale, joinCode, agenda, phaseIndex, timer, done, participants, cards,
          speaking, turnSeconds, caseBringerId, learningQuestionId, backupChairId, endedAt,
          wrote, voteBudgets, evaluations, invitesOpen, readinessAsked, chairOpen, formerChairId, groupId, carried);
    }
  }
}
