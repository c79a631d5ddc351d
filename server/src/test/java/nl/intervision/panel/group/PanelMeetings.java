package nl.intervision.panel.group;

import java.util.ArrayList;
import java.util.List;
import nl.intervision.panel.domain.Agenda;
import nl.intervision.panel.domain.Card;
import nl.intervision.panel.domain.CardKind;
import nl.intervision.panel.domain.Event;
import nl.intervision.panel.domain.Event.*;
import nl.intervision.panel.domain.Language;
import nl.intervision.panel.domain.Meeting;
import nl.intervision.panel.domain.MeetingState;
import nl.intervision.panel.domain.Participant;
import nl.intervision.panel.domain.Phase;
import nl.intervision.panel.domain.Recorded;
import nl.intervision.panel.domain.Role;
import nl.intervision.panel.domain.Speaking;
import nl.intervision.panel.domain.Text;

/** A group's panel meeting as its log records it: a look-back, a method phase and action points. */
final class PanelMeetings {
  private PanelMeetings() {}

  static Phase phase(String id, Speaking speaking, String... cards) {
    return new Phase(id, new Text(id, id), new Text("", ""), speaking, List.of(cards), false, false, 5);
  }

  static final Agenda AGENDA = new Agenda("incident", new Text("Incidentmethode", "Incident method"),
      List.of(phase("frame-2-lookback", Speaking.ROUND, CardKind.LOOK_BACK)),
      List.of(phase("story", Speaking.CASE_BRINGER)),
      List.of(phase("frame-7-actions", Speaking.ROUND, CardKind.ACTION_POINT)));

  /** The log, batch by batch, as the server records it; each batch at its own time. */
  static final class Log {
    private final List<Recorded> batches = new ArrayList<>();

    Log at(long at, Event... events) {
      batches.add(new Recorded(batches.size() + 1, "x", null, at, List.of(events)));
      return this;
    }

    List<Recorded> batches() {
      return batches;
    }

    MeetingState state() {
      MeetingState state = MeetingState.NEW;
      for (Recorded batch : batches) {
        state = Meeting.replay(state, batch.events());
      }
      return state;
    }
  }

  static MeetingStarted startedBy(String chairId, long at) {
    return new MeetingStarted("Griffiers Noord", Language.NL, "CODE", new Participant(chairId, chairId, Role.CHAIR),
        AGENDA, at);
  }

  static ParticipantJoined joined(String id, long at) {
    return new ParticipantJoined(new Participant(id, id, Role.PARTICIPANT), at);
  }

  static CardAdded actionPoint(String cardId, String author, String owner, String text) {
    return new CardAdded(new Card(cardId, CardKind.ACTION_POINT, "frame-7-actions", author, text, List.of(), 0, null,
        false, false, false, null, false, false, owner));
  }

  /** A group's meeting that starts with the group's open action points to look back on. */
  static MeetingStarted startedWith(String chairId, long at, nl.intervision.panel.domain.CarriedPoint... carried) {
    return new MeetingStarted("Griffiers Noord", Language.NL, "CODE", new Participant(chairId, chairId, Role.CHAIR),
        AGENDA, at, "g-1", List.of(carried));
  }

  /** An action point brought in from the last meeting, not yet looked at. */
  static nl.intervision.panel.domain.CarriedPoint carried(String pointId, String owner, String text) {
    return new nl.intervision.panel.domain.CarriedPoint(pointId, text, owner, owner, null);
  }

  /** What the meeting said became of a carried point. */
  static CarriedPointMarked marked(String pointId, nl.intervision.panel.domain.CarriedPoint.Status status) {
    return new CarriedPointMarked(pointId, status);
  }
}
