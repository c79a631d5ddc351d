package nl.intervision.panel.domain;

import static nl.intervision.panel.domain.Given.given;
import static nl.intervision.panel.domain.Meetings.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nl.intervision.panel.domain.CarriedPoint.Status;
import nl.intervision.panel.domain.Command.*;
import nl.intervision.panel.domain.Event.*;
import nl.intervision.panel.domain.Rejected.Reason;
import org.junit.jupiter.api.Test;

/**
 * A group's meeting starts with last time's action points, and the group says what became of each; when the
 * group is erased, its meetings go with it.
 */
class GroupMeetingRulesTest {
  static final CarriedPoint ANNAS = new CarriedPoint("ap-1", "Talk to my manager about the roster", ANNA, "Anna", null);
  static final CarriedPoint NOBODYS = new CarriedPoint("ap-2", "Find a room for the spring meeting", null, null, null);
  /** Owned by a member who is not in this meeting: the point still reads with their name. */
  static final CarriedPoint KIMS = new CarriedPoint("ap-3", "Ask the council for the minutes", "m-kim", "Kim", null);

  static List<Event> groupMeeting() {
    List<Event> events = new ArrayList<>(started());
    events.set(0, new MeetingStarted("Griffiers Oost", Language.NL, CODE, new Participant(CHAIR, "Chris", Role.CHAIR),
        AGENDA, 0, "g-1", List.of(ANNAS, NOBODYS, KIMS)));
    return events;
  }

  @Test
  void aMeetingStartedForAGroupCarriesItsOpenActionPointsWithTheirOwners() {
    StartMeeting start = new StartMeeting("Griffiers Oost", "Chris", Language.NL, CODE, AGENDA, "g-1",
        List.of(ANNAS, NOBODYS, KIMS));
    MeetingState state = given(List.of()).at(7).when(CHAIR, start).thenState();

    assertThat(state.groupId()).isEqualTo("g-1");
    assertThat(state.carried()).extracting(CarriedPoint::id, CarriedPoint::ownerName, CarriedPoint::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ap-1", "Anna", Status.OPEN),
            org.assertj.core.groups.Tuple.tuple("ap-2", null, Status.OPEN),
            org.assertj.core.groups.Tuple.tuple("ap-3", "Kim", Status.OPEN));
  }

  @Test
  void aMeetingOnItsOwnHasNoGroupAndNothingCarried() {
    MeetingState state = given(started()).when(CHAIR, new AdvancePhase(0)).thenState();
    assertThat(state.groupId()).isNull();
    assertThat(state.carried()).isEmpty();
  }

  @Test
  void theOwnerSaysWhatBecameOfTheirPointAndEveryoneSeesIt() {
    given(groupMeeting()).when(ANNA, new MarkCarriedPoint("ap-1", Status.DONE))
        .then(new CarriedPointMarked("ap-1", Status.DONE));
    MeetingState after = given(groupMeeting()).when(ANNA, new MarkCarriedPoint("ap-1", Status.CARRIED_ON)).thenState();
    assertThat(after.carriedPoint("ap-1").orElseThrow().status()).isEqualTo(Status.CARRIED_ON);
    for (String reader : List.of(CHAIR, BERT, OLGA)) {
      assertThat(Visibility.eventsFor(List.of(new CarriedPointMarked("ap-1", Status.DONE)),
          after.participant(reader).orElseThrow(), after)).hasSize(1);
    }
  }

  @Test
  void theChairMarksAnyPointAlsoOneWithoutOwnerOrWhoseOwnerIsAway() {
    given(groupMeeting()).when(CHAIR, new MarkCarriedPoint("ap-2", Status.NOT_DONE))
        .then(new CarriedPointMarked("ap-2", Status.NOT_DONE));
    given(groupMeeting()).when(CHAIR, new MarkCarriedPoint("ap-3", Status.CARRIED_ON))
        .then(new CarriedPointMarked("ap-3", Status.CARRIED_ON));
  }

  @Test
  void someoneElsesPointIsNotYoursToMark() {
    Rejected refused = given(groupMeeting()).when(BERT, new MarkCarriedPoint("ap-1", Status.DONE))
        .thenRejected(Reason.FORBIDDEN);
    assertThat(refused.refusal()).isEqualTo(Refusal.CARRIED_POINT_NOT_YOURS);
    Rejected observer = given(groupMeeting()).when(OLGA, new MarkCarriedPoint("ap-2", Status.DONE))
        .thenRejected(Reason.FORBIDDEN);
    assertThat(observer.refusal()).isEqualTo(Refusal.OBSERVER_READ_ONLY);
  }

  @Test
  void anUnknownPointOrNoStatusIsRefusedAndMarkingItTheSameAgainChangesNothing() {
    assertThat(given(groupMeeting()).when(CHAIR, new MarkCarriedPoint("ap-9", Status.DONE))
        .thenRejected(Reason.NOT_FOUND).refusal()).isEqualTo(Refusal.CARRIED_POINT_NOT_FOUND);
    assertThat(given(groupMeeting()).when(CHAIR, new MarkCarriedPoint("ap-1", null))
        .thenRejected(Reason.BAD_REQUEST).refusal()).isEqualTo(Refusal.FIELD_REQUIRED);
    given(groupMeeting(), new CarriedPointMarked("ap-1", Status.DONE))
        .when(ANNA, new MarkCarriedPoint("ap-1", Status.DONE)).then();
  }

  @Test
  void aGroupCannotBringPointsWithoutIdsTwiceTheSameIdOrTooMany() {
    List<List<CarriedPoint>> bad = List.of(
        List.of(new CarriedPoint(null, "x", null, null, null)),
        List.of(ANNAS, ANNAS),
        List.of(new CarriedPoint("ap-4", " ", null, null, null)));
    for (List<CarriedPoint> carried : bad) {
      given(List.of()).when(CHAIR, new StartMeeting("T", "Chris", Language.NL, CODE, AGENDA, "g-1", carried))
          .thenRejected(Reason.BAD_REQUEST);
    }
    List<CarriedPoint> many = new ArrayList<>();
    for (int i = 0; i <= Limits.CARRIED_POINTS; i++) {
      many.add(new CarriedPoint("ap-" + i, "point " + i, null, null, null));
    }
    assertThat(given(List.of()).when(CHAIR, new StartMeeting("T", "Chris", Language.NL, CODE, AGENDA, "g-1", many))
        .thenRejected(Reason.BAD_REQUEST).refusal()).isEqualTo(Refusal.TOO_MANY_CARRIED_POINTS);
  }

  @Test
  void afterTheMeetingEndedNothingIsMarkedAnyMore() {
    given(groupMeeting(), new MeetingEnded(9, null)).when(ANNA, new MarkCarriedPoint("ap-1", Status.DONE))
        .thenRejected(Reason.CONFLICT);
  }

  @Test
  void erasingTheGroupErasesAnEndedMeetingAsAnErasingEndAndOnlyTheServerDoesIt() {
    given(groupMeeting(), new MeetingEnded(9, null)).at(50).when(Envelope.SERVER, new EraseMeeting())
        .then(new MeetingEnded(9, true));
    given(groupMeeting()).at(50).when(Envelope.SERVER, new EraseMeeting()).then(new MeetingEnded(50, true));
    assertThat(given(groupMeeting()).when(CHAIR, new EraseMeeting()).thenRejected(Reason.FORBIDDEN).refusal())
        .isEqualTo(Refusal.SERVER_ONLY);
  }

  @Test
  void whoPutTheCaseForwardBringsItWhenTheySitDownUnlessTheChairChoseSomeone() {
    given(groupMeeting()).when(Envelope.SERVER, new CaseBringerArrived(BERT)).then(new CaseBringerChosen(BERT));
    given(groupMeeting(), new CaseBringerChosen(ANNA)).when(Envelope.SERVER, new CaseBringerArrived(BERT)).then();
    // An observer brings no case, someone not here is not chosen, and an ended meeting changes no more.
    given(groupMeeting()).when(Envelope.SERVER, new CaseBringerArrived(OLGA)).then();
    given(groupMeeting()).when(Envelope.SERVER, new CaseBringerArrived("p-nobody")).then();
    given(groupMeeting(), new MeetingEnded(9, null)).when(Envelope.SERVER, new CaseBringerArrived(BERT)).then();
    assertThat(given(groupMeeting()).when(BERT, new CaseBringerArrived(BERT)).thenRejected(Reason.FORBIDDEN).refusal())
        .isEqualTo(Refusal.SERVER_ONLY);
  }

  @Test
  void aGroupsMeetingRecordsWhenSomeonesConnectionsCloseAndOpenForTheRegisterAndTellsNobody() {
    given(groupMeeting()).when(Envelope.SERVER, new ParticipantWentOffline(BERT)).then(new PresenceRecorded(BERT, false));
    given(groupMeeting()).when(Envelope.SERVER, new ParticipantCameOnline(BERT)).then(new PresenceRecorded(BERT, true));
    MeetingState after = Meeting.replay(MeetingState.NEW, groupMeeting());
    for (String reader : List.of(CHAIR, ANNA, BERT, OLGA)) {
      assertThat(Visibility.eventsFor(List.of(new PresenceRecorded(BERT, false)), after.participant(reader).orElseThrow(),
          after)).isEmpty();
    }
    // Never in the one encoding shared by all: that would send it along with whatever else the batch holds.
    assertThat(Visibility.sameForEveryone(List.of(new PresenceRecorded(BERT, false)), after)).isFalse();
    // A meeting on its own keeps no such record; nor does an ended one.
    given(started()).when(Envelope.SERVER, new ParticipantCameOnline(BERT)).then();
    given(groupMeeting(), new MeetingEnded(9, null)).when(Envelope.SERVER, new ParticipantCameOnline(BERT)).then();
  }
}
