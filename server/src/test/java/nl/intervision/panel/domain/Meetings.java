package nl.intervision.panel.domain;

import java.util.List;

/** A small meeting to state rules against: a chair, two participants and an observer, three phases. */
final class Meetings {
  private Meetings() {}

  static final String CHAIR = "p-chair";
  static final String ANNA = "p-anna";
  static final String BERT = "p-bert";
  static final String OLGA = "p-olga";
  static final String CODE = "ABCD-EFGH";

  static Phase phase(String id, Speaking speaking, String... cards) {
    return new Phase(id, new Text(id + " nl", id + " en"), new Text("", ""), speaking, List.of(cards), false, false, 5);
  }

  /** The same phase, in which the case-bringer rates the cards. */
  static Phase rating(Phase p) {
    return new Phase(p.id(), p.name(), p.guidance(), p.speaking(), p.cards(), p.silent(), p.anonymous(), p.minutes(),
        p.carries(), true);
  }

  /** Opening: check-in and learning questions; method: story, questions (which the case-bringer rates), advice; closing: action points. */
  static final Agenda AGENDA = new Agenda("test-method", new Text("Testmethode", "Test method"),
      List.of(phase("checkin", Speaking.ROUND),
          phase("learning", Speaking.ROUND, "learning-question")),
      List.of(phase("story", Speaking.CASE_BRINGER),
          rating(phase("questions", Speaking.FREE, "information-question")),
          phase("advice", Speaking.ROUND, "advice")),
      List.of(phase("actions", Speaking.ROUND, "action-point", "recognition")));

  static final Event STARTED = new Event.MeetingStarted(
      "Team intervision", Language.NL, CODE, new Participant(CHAIR, "Chris", Role.CHAIR), AGENDA, 0);

  static List<Event> started() {
    return startedWith(AGENDA);
  }

  /** A method with a silent writing phase and an anonymous one. */
  static final Agenda QUIET = new Agenda("quiet", new Text("Stil", "Quiet"),
      List.of(phase("learning", Speaking.ROUND, "learning-question")),
      List.of(new Phase("write", new Text("Schrijven", "Writing"), new Text("", ""), Speaking.CHAIR,
              List.of("information-question"), true, false, 5),
          new Phase("whisper", new Text("Fluisteren", "Whispering"), new Text("", ""), Speaking.FREE,
              List.of("hypothesis"), false, true, 5)),
      List.of());

  static List<Event> startedWith(Agenda agenda) {
    return List.of(new Event.MeetingStarted("Team intervision", Language.NL, CODE,
            new Participant(CHAIR, "Chris", Role.CHAIR), agenda, 0),
        new Event.ParticipantJoined(new Participant(ANNA, "Anna", Role.PARTICIPANT), 1),
        new Event.ParticipantJoined(new Participant(BERT, "Bert", Role.PARTICIPANT), 2),
        new Event.ParticipantJoined(new Participant(OLGA, "Olga", Role.OBSERVER), 3));
  }

  /** The meeting at phase {@code index}, entered by the chair. */
  static Event at(int from, int to) {
    return new Event.PhaseChanged(from, to, AGENDA.phase(to).id(), 1);
  }

  /** Anna's learning question, chosen: Anna is the case-bringer. */
  static List<Event> withCase() {
    List<Event> events = new java.util.ArrayList<>(started());
    events.add(at(0, 1));
    events.add(new Event.CardAdded(card("c-lq", ANNA, "How do I say no to my manager?")));
    events.add(new Event.LearningQuestionChosen("c-lq", ANNA));
    return events;
  }

  static Card card(String id, String author, String text) {
    return new Card(id, "learning-question", "learning", author, text, List.of(), 10, null, false, false, false, null,
        false, false, null);
  }

  static Card hidden(Card card) {
    return new Card(card.id(), card.kind(), card.phaseId(), card.authorId(), card.text(), card.voters(), card.createdAt(),
        card.editedAt(), true, card.anonymous(), false, null, false, false, null);
  }

  static Card anonymous(Card card) {
    return new Card(card.id(), card.kind(), card.phaseId(), card.authorId(), card.text(), card.voters(), card.createdAt(),
        card.editedAt(), card.hidden(), true, false, null, false, false, null);
  }

  static SpeakingOrder order(String current, String... queue) {
    return new SpeakingOrder(current, List.of(queue), List.of(), null);
  }

  /** Nobody speaking; these wait with a raised hand. */
  static SpeakingOrder raised(String... queue) {
    return new SpeakingOrder(null, List.of(queue), List.of(), null, List.of(queue), List.of());
  }
}
