package nl.intervision.panel.group;

import static nl.intervision.panel.group.GroupGiven.given;
import static nl.intervision.panel.group.TheGroup.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.List;
import nl.intervision.panel.domain.Language;
import nl.intervision.panel.domain.Refusal;
import nl.intervision.panel.domain.Rejected;
import nl.intervision.panel.group.CarriedPoint.Status;
import nl.intervision.panel.group.GroupCommand.*;
import nl.intervision.panel.group.GroupEvent.*;
import nl.intervision.panel.group.LearningPoint.Sharing;
import org.junit.jupiter.api.Test;

/** What a group refuses, and who may do nothing at all. */
class GroupRefusalsTest {

  /** Every command a member could send, aimed at things that exist. */
  static List<GroupCommand> everything() {
    return List.of(new SetMemberRole(BERT, MemberRole.FACILITATOR), new UpdateSettings("New", null, null, null),
        new RemoveMember(BERT), new LeaveGroup(), new StartGroupMeeting(null, List.of(), List.of("pm-9")),
        new EndGroupMeeting("gm-1"), new QueueCase("Mine", null, false), new WithdrawCase("case-1"),
        new MarkActionPoint("ap-1", Status.DONE), new WriteLearningPoint("Mine", null),
        new NoteOnLearningPoint("lp-1", "note"), new ShareLearningPoint("lp-1", Sharing.GROUP),
        new DeleteLearningPoint("lp-1"), new CorrectAttendance("gm-1", CARLA, 10), new EraseCarryOver(),
        new EraseGroup(), new LinkAccount("teams", "k-carla"), new UnlinkAccount("teams"));
  }

  /** Carla chaired gm-1, owns ap-1, case-1 and lp-1 (shared), and then left, or was removed. */
  static List<GroupEvent> carlaGone(boolean removed) {
    return createdAnd(started("gm-1", JAN_2026 + DAY, CARLA),
        new CaseQueued(new QueuedCase("case-1", CARLA, "Case", null, false, 1, QueuedCase.Status.QUEUED, null)),
        new MeetingOutcomeRecorded("gm-1", "pm-gm-1", JAN_2026 + DAY, List.of(point("ap-1", CARLA, "gm-1",
            Status.OPEN)), List.of(), List.of(new MeetingOutcome.Presence(CARLA, 100))),
        new LearningPointWritten(new LearningPoint("lp-1", CARLA, "Mine", Sharing.GROUP, 1, List.of())),
        new MemberLeft(CARLA, removed, JAN_2026 + 2 * DAY));
  }

  @Test
  void aMemberWhoLeftOrWasRemovedIsRefusedEverythingAndSeesNothing() {
    for (boolean removed : List.of(false, true)) {
      for (GroupCommand command : everything()) {
        given(carlaGone(removed)).when(CARLA, command).thenRefused(Refusal.NOT_A_GROUP_MEMBER);
      }
      Rejected view = catchThrowableOfType(Rejected.class, () -> GroupView.of(given(carlaGone(removed)).state(), CARLA));
      assertThat(view.refusal()).isEqualTo(Refusal.NOT_A_GROUP_MEMBER);
      assertThat(view.reason()).isEqualTo(Rejected.Reason.FORBIDDEN);
    }
  }

  @Test
  void someoneWhoNeverBelongedAndTheServerAreNoMembersEither() {
    for (GroupCommand command : everything()) {
      given(created()).when("m-stranger", command).thenRefused(Refusal.NOT_A_GROUP_MEMBER);
      given(created()).whenServer(command).thenRefused(Refusal.NOT_A_GROUP_MEMBER);
    }
  }

  @Test
  void onlyTheServerRecordsAMeetingsOutcome() {
    MeetingOutcome outcome = new MeetingOutcome("pm-gm-1", 1, List.of(), List.of(), List.of());
    given(created(), started("gm-1", 1, ANNA)).when(ANNA, new RecordMeetingOutcome("gm-1", outcome))
        .thenRefused(Refusal.SERVER_ONLY);
  }

  @Test
  void aPlainMemberCannotRemoveOthersButTheCreatorAndTheFacilitatorCan() {
    Rejected r = given(created()).when(BERT, new RemoveMember(CARLA)).thenRefused(Refusal.GROUP_STEWARD_ONLY);
    assertThat(r.reason()).isEqualTo(Rejected.Reason.FORBIDDEN);
    assertThat(r.params()).containsExactly(entry("action", "removeMember"));
    given(created()).at(5).when(ANNA, new RemoveMember(CARLA)).then(new MemberLeft(CARLA, true, 5));
    given(created()).at(5).when(FEMKE, new RemoveMember(ANNA)).then(new MemberLeft(ANNA, true, 5));
    given(created()).at(5).when(BERT, new RemoveMember(BERT)).then(new MemberLeft(BERT, false, 5));
    given(created()).when(BERT, new SetMemberRole(BERT, MemberRole.FACILITATOR))
        .thenRefused(Refusal.GROUP_STEWARD_ONLY);
  }

  @Test
  void whenTheCreatorLeftAndThereIsNoFacilitatorTheLongestStandingMemberLooksAfterTheGroup() {
    List<GroupEvent> history = createdAnd(new MemberLeft(FEMKE, true, 5), new MemberLeft(ANNA, false, 6));
    given(history).at(7).when(BERT, new RemoveMember(DIRK)).then(new MemberLeft(DIRK, true, 7));
    given(history).when(CARLA, new RemoveMember(DIRK)).thenRefused(Refusal.GROUP_STEWARD_ONLY);
  }

  @Test
  void textsThatAreTooLongOrBlankAreRefused() {
    String longName = "x".repeat(GroupLimits.NAME + 1);
    Rejected r = given(created()).when(null, new JoinGroup(CODE, longName)).thenRefused(Refusal.TOO_LONG);
    assertThat(r.params()).containsExactly(entry("field", "name"), entry("length", GroupLimits.NAME + 1),
        entry("max", GroupLimits.NAME));
    given(created()).when(null, new JoinGroup(CODE, "  ")).thenRefused(Refusal.FIELD_REQUIRED);
    given(created()).when(BERT, new QueueCase("x".repeat(GroupLimits.CASE_TITLE + 1), null, false))
        .thenRefused(Refusal.TOO_LONG);
    given(created()).when(BERT, new QueueCase("Title", "x".repeat(GroupLimits.TEXT + 1), false))
        .thenRefused(Refusal.TOO_LONG);
    given(created()).when(BERT, new WriteLearningPoint("x".repeat(GroupLimits.TEXT + 1), null))
        .thenRefused(Refusal.TOO_LONG);
    given(created()).when(ANNA, new UpdateSettings("x".repeat(GroupLimits.GROUP_NAME + 1), null, null, null))
        .thenRefused(Refusal.TOO_LONG);
    given(created()).when(ANNA, new UpdateSettings(null, null, null, 5)).thenRefused(Refusal.MINUTES_OUT_OF_RANGE);
    given(List.of()).when(null, new CreateGroup("Group", Language.EN, "incident", null, "Anna\u0000", null, CODE))
        .thenRefused(Refusal.TEXT_INVALID);
  }

  @Test
  void startingAMeetingWhileOneIsOpenIsRefused() {
    given(created(), started("gm-1", 1, ANNA))
        .when(BERT, new StartGroupMeeting(null, List.of(), List.of("pm-2"))).thenRefused(Refusal.GROUP_MEETING_OPEN);
    given(created(), started("gm-1", 1, ANNA), ended("gm-1", 2))
        .when(BERT, new StartGroupMeeting(null, List.of(), List.of("pm-2"))).events();
  }

  @Test
  void theNamedChairMustBelongToTheGroup() {
    given(created(), new MemberLeft(CARLA, false, 1))
        .when(BERT, new StartGroupMeeting(CARLA, List.of(), List.of("pm-2"))).thenRefused(Refusal.MEMBER_NOT_FOUND);
  }

  @Test
  void joiningNeedsTheRightCodeRoomAndAGroup() {
    given(created()).when(null, new JoinGroup("WXYZ-0000", "Eva")).thenRefused(Refusal.WRONG_JOIN_CODE);
    given(created()).at(9).when(null, new JoinGroup("wxyz 2345", "Eva"))
        .then(new MemberJoined(new Member("m-1", "Eva", MemberRole.MEMBER, 9, null)));
    given(created()).when(BERT, new JoinGroup(CODE, "Bert again")).thenRefused(Refusal.ALREADY_JOINED);
    given(List.of()).when(null, new JoinGroup(CODE, "Eva")).thenRefused(Refusal.GROUP_NOT_FOUND);
    List<GroupEvent> full = new ArrayList<>(created());
    for (int i = created().size(); i < GroupLimits.MEMBERS; i++) {
      full.add(new MemberJoined(new Member("m-" + i, "Member " + i, MemberRole.MEMBER, i, null)));
    }
    given(full).when(null, new JoinGroup(CODE, "Eva")).thenRefused(Refusal.GROUP_FULL);
  }

  @Test
  void aGroupIsCreatedOnce() {
    given(created()).when(null, new CreateGroup("Again", null, "incident", null, "Anna", null, CODE))
        .thenRefused(Refusal.GROUP_EXISTS);
  }
}
