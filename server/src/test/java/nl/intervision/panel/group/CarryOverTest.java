package nl.intervision.panel.group;

import static nl.intervision.panel.group.GroupGiven.given;
import static nl.intervision.panel.group.PanelMeetings.*;
import static nl.intervision.panel.group.TheGroup.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import nl.intervision.panel.domain.Event.ActionPointAssigned;
import nl.intervision.panel.domain.Event.ActionPointDone;
import nl.intervision.panel.domain.Event.CardAnswered;
import nl.intervision.panel.domain.Event.MeetingEnded;
import nl.intervision.panel.domain.Refusal;
import nl.intervision.panel.group.CarriedPoint.Status;
import nl.intervision.panel.group.GroupCommand.*;
import nl.intervision.panel.group.GroupEvent.*;
import nl.intervision.panel.group.GroupMeeting.CaseRound;
import nl.intervision.panel.group.MeetingOutcome.Mark;
import org.junit.jupiter.api.Test;

/** Last meeting's open action points come back at the next one, each with its owner, to be marked. */
class CarryOverTest {
  static final long FIRST = JAN_2026 + 20 * DAY;
  static final long SECOND = FIRST + 35 * DAY;

  /** Meeting gm-1: Anna chairs; Bert takes one action point, another has no owner yet. */
  static GroupState afterTheFirstMeeting() {
    GroupState state = given(created(), started("gm-1", FIRST, ANNA)).state();
    Log log = new Log().at(FIRST, startedBy(ANNA, FIRST))
        .at(FIRST + MINUTE, joined(BERT, FIRST + MINUTE))
        .at(FIRST + 150 * MINUTE, actionPoint("c-1", BERT, null, "Call the alderman"),
            new ActionPointAssigned("c-1", BERT))
        .at(FIRST + 151 * MINUTE, actionPoint("c-2", ANNA, null, "Find a date for the visit"))
        .at(FIRST + 180 * MINUTE, new MeetingEnded(FIRST + 180 * MINUTE, null));
    return record(state, "gm-1", MeetingOutcome.of("pm-gm-1", log.state(), log.batches()).orElseThrow());
  }

  static GroupState record(GroupState state, String groupMeetingId, MeetingOutcome outcome) {
    return Groups.replay(state, Groups.decide(state, GroupActor.SERVER,
        new RecordMeetingOutcome(groupMeetingId, outcome), outcome.endedAt(), GroupGiven.counter()));
  }

  /** Group meeting "gm-N" for panel meeting "pm-gm-N". */
  static GroupState start(GroupState state, long at, String meetingId) {
    return Groups.replay(state, Groups.decide(state, GroupActor.member(CARLA),
        new StartGroupMeeting(null, List.of(), List.of(meetingId)), at, () -> meetingId.substring("pm-gm-".length())));
  }

  @Test
  void theMeetingsActionPointsAppearWithTheirOwnersAndTheMeetingEnds() {
    GroupState state = afterTheFirstMeeting();

    assertThat(state.actionPoints()).extracting(CarriedPoint::text, CarriedPoint::ownerId, CarriedPoint::status,
        CarriedPoint::fromMeetingId).containsExactly(
            tuple("Call the alderman", BERT, Status.OPEN, "gm-1"),
            tuple("Find a date for the visit", null, Status.OPEN, "gm-1"));
    assertThat(state.meeting("gm-1").orElseThrow().endedAt()).isEqualTo(FIRST + 180 * MINUTE);
  }

  @Test
  void theNextMeetingLooksBackOnTheOpenPointsAndRecordsTheirMarks() {
    GroupState second = start(afterTheFirstMeeting(), SECOND, "pm-gm-2");
    assertThat(second.comingBack()).extracting(CarriedPoint::text)
        .containsExactly("Call the alderman", "Find a date for the visit");

    String alderman = second.comingBack().get(0).id();
    String date = second.comingBack().get(1).id();
    Log log = new Log().at(SECOND, startedWith(BERT, SECOND, carried(alderman, BERT, "Call the alderman"),
            carried(date, null, "Find a date for the visit")))
        .at(SECOND + 10 * MINUTE, marked(alderman, nl.intervision.panel.domain.CarriedPoint.Status.DONE))
        .at(SECOND + 170 * MINUTE, actionPoint("c-9", CARLA, CARLA, "Ask legal"))
        .at(SECOND + 180 * MINUTE, new MeetingEnded(SECOND + 180 * MINUTE, null));
    GroupState after = record(second, "gm-2", MeetingOutcome.of("pm-gm-2", log.state(), log.batches()).orElseThrow());

    assertThat(after.actionPoints()).extracting(CarriedPoint::text, CarriedPoint::ownerId, CarriedPoint::status,
        CarriedPoint::markedIn).containsExactly(
            tuple("Call the alderman", BERT, Status.DONE, "gm-2"),
            tuple("Find a date for the visit", null, Status.OPEN, null),
            tuple("Ask legal", CARLA, Status.OPEN, null));
    GroupState third = start(after, SECOND + 40 * DAY, "pm-gm-3");
    assertThat(third.comingBack()).extracting(CarriedPoint::text)
        .containsExactly("Find a date for the visit", "Ask legal");
  }

  @Test
  void openAndCarriedOnPointsComeBackDoneAndNotDoneOnesDoNot() {
    GroupState state = given(createdAnd(started("gm-1", FIRST, ANNA), new MeetingOutcomeRecorded("gm-1", "pm-gm-1",
        FIRST, List.of(point("ap-open", BERT, "gm-1", Status.OPEN), point("ap-on", CARLA, "gm-1", Status.CARRIED_ON),
            point("ap-done", DIRK, "gm-1", Status.DONE), point("ap-not", ANNA, "gm-1", Status.NOT_DONE)),
        List.of(), List.of()), ended("gm-1", FIRST))).state();

    assertThat(start(state, SECOND, "pm-gm-2").comingBack()).extracting(CarriedPoint::id)
        .containsExactly("ap-open", "ap-on");
  }

  @Test
  void aPointAgreedAtTheFirstCaseDoesNotComeBackAtTheSecond() {
    GroupState state = given(createdAnd(new GroupMeetingStarted(new GroupMeeting("gm-1", FIRST, null, ANNA,
        List.of(new CaseRound(null, null, "pm-a", null), new CaseRound(null, null, "pm-b", null)))))).state();
    Log log = new Log().at(FIRST, startedBy(ANNA, FIRST), actionPoint("c-1", ANNA, ANNA, "Write it down"))
        .at(FIRST + 60 * MINUTE, new MeetingEnded(FIRST + 60 * MINUTE, null));

    GroupState afterFirstCase = record(state, "gm-1", MeetingOutcome.of("pm-a", log.state(), log.batches()).orElseThrow());

    assertThat(afterFirstCase.actionPoints()).hasSize(1);
    assertThat(afterFirstCase.comingBack()).isEmpty();
    assertThat(afterFirstCase.openMeeting()).as("the second case is still to come").isPresent();
  }

  @Test
  void anOutcomeIsTakenInOnceSoTheLazyReadingAddsNothing() {
    GroupState state = afterTheFirstMeeting();
    MeetingOutcome again = new MeetingOutcome("pm-gm-1", FIRST + 180 * MINUTE,
        List.of(new MeetingOutcome.NewPoint("Call the alderman", BERT, false)), List.of(),
        List.of(new MeetingOutcome.Presence(BERT, 179)));

    given(created()).whenServer(new RecordMeetingOutcome("gm-1", again)).thenRefused(Refusal.GROUP_MEETING_NOT_FOUND);
    assertThat(Groups.decide(state, GroupActor.SERVER, new RecordMeetingOutcome("gm-1", again), SECOND,
        GroupGiven.counter())).isEmpty();
  }

  @Test
  void anOwnerOutsideTheGroupAndMarksOnUnknownPointsAreLeftOut() {
    GroupState state = given(created(), started("gm-1", FIRST, ANNA)).state();
    MeetingOutcome outcome = new MeetingOutcome("pm-gm-1", FIRST + 100 * MINUTE,
        List.of(new MeetingOutcome.NewPoint("Visit", "p-guest", false)),
        List.of(new Mark("c-own-note", Status.CARRIED_ON)),
        List.of(new MeetingOutcome.Presence("p-guest", 100), new MeetingOutcome.Presence(ANNA, 100)));

    GroupState after = record(state, "gm-1", outcome);

    assertThat(after.actionPoints()).extracting(CarriedPoint::ownerId).containsExactly((String) null);
    assertThat(after.attendance()).extracting(Attendance::memberId).containsExactly(ANNA);
  }

  @Test
  void theOwnerMarksBetweenMeetingsAndTheChairOrTheFacilitatorInOne() {
    List<GroupEvent> history = createdAnd(new MeetingOutcomeRecorded("gm-0", "pm-0", FIRST,
        List.of(point("ap-1", BERT, "gm-0", Status.OPEN)), List.of(), List.of()));

    given(history).at(SECOND).when(BERT, new MarkActionPoint("ap-1", Status.DONE))
        .then(new ActionPointMarked("ap-1", Status.DONE, null, SECOND));
    given(history).at(SECOND).when(FEMKE, new MarkActionPoint("ap-1", Status.NOT_DONE))
        .then(new ActionPointMarked("ap-1", Status.NOT_DONE, null, SECOND));
    given(history, started("gm-2", SECOND, DIRK)).at(SECOND + MINUTE)
        .when(DIRK, new MarkActionPoint("ap-1", Status.CARRIED_ON))
        .then(new ActionPointMarked("ap-1", Status.CARRIED_ON, "gm-2", SECOND + MINUTE));
    given(history).when(CARLA, new MarkActionPoint("ap-1", Status.DONE)).thenRefused(Refusal.CARRIED_POINT_NOT_YOURS);
    given(history).when(BERT, new MarkActionPoint("ap-1", Status.OPEN)).thenRefused(Refusal.BAD_COMMAND);
  }
}
