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

  static final Agenda AGENDA = new Agenda("test-method", new Text("Testmethode", "Test method"), List.of(
      phase("checkin", Speaking.ROUND),
      phase("questions", Speaking.FREE, "information-question"),
      phase("advice", Speaking.ROUND, "advice")));

  static final Event STARTED = new Event.MeetingStarted(
      "Team intervision", Language.NL, CODE, new Participant(CHAIR, "Chris", Role.CHAIR), AGENDA, 0);

  static List<Event> started() {
    return List.of(STARTED,
        new Event.ParticipantJoined(new Participant(ANNA, "Anna", Role.PARTICIPANT), 1),
        new Event.ParticipantJoined(new Participant(BERT, "Bert", Role.PARTICIPANT), 2),
        new Event.ParticipantJoined(new Participant(OLGA, "Olga", Role.OBSERVER), 3));
  }

  static Card card(String id, String author, String text) {
    return new Card(id, "note", "checkin", author, text, List.of(), 10, null);
  }
}
