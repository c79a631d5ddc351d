package nl.intervision.panel.group;

import static nl.intervision.panel.group.GroupGiven.given;
import static nl.intervision.panel.group.TheGroup.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import nl.intervision.panel.domain.Refusal;
import nl.intervision.panel.group.GroupCommand.*;
import nl.intervision.panel.group.GroupEvent.*;
import nl.intervision.panel.group.GroupMeeting.CaseRound;
import org.junit.jupiter.api.Test;

/** Members put cases forward between meetings; the chair picks one or two to start the meeting with. */
class CaseQueueTest {
  static final long NOW = JAN_2026 + 10 * DAY;

  static QueuedCase waiting(String id, String member, boolean urgent, long at) {
    return new QueuedCase(id, member, "Case " + id, null, urgent, at, QueuedCase.Status.QUEUED, null);
  }

  /** Bert's case waits longest, Carla's is urgent, Dirk's came last. */
  static List<GroupEvent> queued() {
    return createdAnd(new CaseQueued(waiting("case-bert", BERT, false, NOW)),
        new CaseQueued(waiting("case-carla", CARLA, true, NOW + DAY)),
        new CaseQueued(waiting("case-dirk", DIRK, false, NOW + 2 * DAY)));
  }

  @Test
  void aMemberPutsACaseForward() {
    given(created()).at(NOW).when(BERT, new QueueCase(" The alderman ", "He phones at night", true))
        .then(new CaseQueued(new QueuedCase("case-1", BERT, "The alderman", "He phones at night", true, NOW,
            QueuedCase.Status.QUEUED, null)));
  }

  @Test
  void theGroupSeesUrgentCasesFirstThenTheLongestWaiting() {
    assertThat(GroupView.of(given(queued()).state(), DIRK).caseQueue()).extracting(QueuedCase::id)
        .containsExactly("case-carla", "case-bert", "case-dirk");
  }

  @Test
  void onlyWhoPutACaseForwardWithdrawsItAndThenItIsGone() {
    given(queued()).when(CARLA, new WithdrawCase("case-bert")).thenRefused(Refusal.CASE_AUTHOR_ONLY);
    given(queued()).when(FEMKE, new WithdrawCase("case-bert")).thenRefused(Refusal.CASE_AUTHOR_ONLY);
    GroupState state = given(queued()).when(BERT, new WithdrawCase("case-bert")).thenState();
    assertThat(state.caseQueue()).extracting(QueuedCase::id).containsExactly("case-carla", "case-dirk");
  }

  @Test
  void theChairPicksOneCaseAndItLeavesTheQueue() {
    GroupState state = given(queued()).at(NOW + 20 * DAY)
        .when(ANNA, new StartGroupMeeting(ANNA, List.of("case-bert"), List.of("pm-1"))).thenState();

    GroupMeeting meeting = state.openMeeting().orElseThrow();
    assertThat(meeting.cases()).containsExactly(new CaseRound("case-bert", BERT, "pm-1", null));
    assertThat(CaseQueue.waiting(state)).extracting(QueuedCase::id).containsExactly("case-carla", "case-dirk");

    GroupState ended = Groups.evolve(state, new GroupMeetingEnded(meeting.id(), NOW + 21 * DAY));
    assertThat(ended.caseQueue()).extracting(QueuedCase::id).containsExactly("case-carla", "case-dirk");
  }

  @Test
  void twoCasesRunOneAfterTheOtherEachWithItsOwnPanelMeeting() {
    GroupState state = given(queued())
        .when(ANNA, new StartGroupMeeting(DIRK, List.of("case-carla", "case-bert"), List.of("pm-1", "pm-2")))
        .thenState();

    assertThat(state.openMeeting().orElseThrow().cases()).extracting(CaseRound::caseBringerId, CaseRound::meetingId)
        .containsExactly(tuple(CARLA, "pm-1"), tuple(BERT, "pm-2"));
  }

  @Test
  void aCaseCanAlsoBeChosenInTheMeetingItself() {
    GroupState state = given(queued())
        .when(ANNA, new StartGroupMeeting(DIRK, List.of("case-carla"), List.of("pm-1", "pm-2"))).thenState();

    assertThat(state.openMeeting().orElseThrow().cases()).containsExactly(
        new CaseRound("case-carla", CARLA, "pm-1", null), new CaseRound(null, null, "pm-2", null));
  }

  @Test
  void aThirdCaseIsRefused() {
    given(queued()).when(ANNA, new StartGroupMeeting(ANNA, List.of("case-carla", "case-bert", "case-dirk"),
        List.of("pm-1", "pm-2"))).thenRefused(Refusal.TOO_MANY_CASES);
    given(queued()).when(ANNA, new StartGroupMeeting(ANNA, List.of(), List.of("pm-1", "pm-2", "pm-3")))
        .thenRefused(Refusal.TOO_MANY_CASES);
  }

  @Test
  void aPickedCaseCannotBeWithdrawnAndGoesWhenItsMeetingEnds() {
    List<GroupEvent> history = queued();
    GroupState picked = given(history).when(ANNA, new StartGroupMeeting(ANNA, List.of("case-bert"), List.of("pm-1")))
        .thenState();
    GroupMeeting meeting = picked.openMeeting().orElseThrow();

    given(history, new GroupMeetingStarted(meeting)).when(BERT, new WithdrawCase("case-bert"))
        .thenRefused(Refusal.CASE_NOT_QUEUED);
    given(history, new GroupMeetingStarted(meeting), new GroupMeetingEnded(meeting.id(), NOW))
        .when(BERT, new WithdrawCase("case-bert")).thenRefused(Refusal.QUEUED_CASE_NOT_FOUND);
  }

  @Test
  void aFacilitatorBringsNoCase() {
    given(created()).when(FEMKE, new QueueCase("Mine", null, false)).thenRefused(Refusal.FACILITATOR_BRINGS_NO_CASE);
  }

  @Test
  void aMemberWhoLeavesTakesTheirWaitingCaseAlong() {
    GroupState state = given(queued()).when(CARLA, new LeaveGroup()).thenState();
    assertThat(state.caseQueue()).extracting(QueuedCase::id).containsExactly("case-bert", "case-dirk");
  }
}
