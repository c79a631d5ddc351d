package nl.intervision.panel.group;

import static nl.intervision.panel.group.GroupGiven.given;
import static nl.intervision.panel.group.TheGroup.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.intervision.panel.domain.Language;
import nl.intervision.panel.domain.Refusal;
import nl.intervision.panel.group.CarriedPoint.Status;
import nl.intervision.panel.group.GroupCommand.*;
import nl.intervision.panel.group.GroupEvent.*;
import nl.intervision.panel.group.LearningPoint.Sharing;
import org.junit.jupiter.api.Test;

/** A group from its start to its erasure: who is in it, and what it can forget. */
class GroupLifeTest {

  /** One meeting held: an action point, learning points, attendance and a waiting case. */
  static List<GroupEvent> aYearIn() {
    return createdAnd(started("gm-1", JAN_2026 + DAY, ANNA),
        new MeetingOutcomeRecorded("gm-1", "pm-gm-1", JAN_2026 + DAY, List.of(point("ap-1", BERT, "gm-1",
            Status.OPEN)), List.of(), List.of(new MeetingOutcome.Presence(BERT, 170))),
        ended("gm-1", JAN_2026 + DAY),
        new LearningPointWritten(new LearningPoint("lp-1", BERT, "Say no", Sharing.PRIVATE, 1, List.of())),
        new LearningPointWritten(new LearningPoint("lp-2", CARLA, "Listen", Sharing.GROUP, 1, List.of())),
        new CaseQueued(new QueuedCase("case-1", DIRK, "Case", null, true, 1, QueuedCase.Status.QUEUED, null)));
  }

  @Test
  void whoStartsAGroupIsItsFirstMemberAndATrainerStartsItAsFacilitator() {
    given(List.of()).at(7).when(null, new CreateGroup(" Griffiers Noord ", Language.EN, "incident", 150, "Anna", null,
        CODE)).then(new GroupCreated("1", "Griffiers Noord", Language.EN, "incident", 150, CODE,
            new Member("m-2", "Anna", MemberRole.MEMBER, 7, null), 7));
    GroupState trainer = given(List.of()).when(null, new CreateGroup("Group", null, "incident", null, "Femke",
        MemberRole.FACILITATOR, CODE)).thenState();
    assertThat(trainer.members()).extracting(Member::role).containsExactly(MemberRole.FACILITATOR);
    assertThat(trainer.language()).isEqualTo(Language.NL);
    assertThat(trainer.usualMinutes()).isEqualTo(GroupLimits.USUAL_MINUTES);
    assertThat(trainer.createdBy()).isEqualTo(trainer.members().get(0).id());
  }

  @Test
  void theViewShowsEveryMemberTheGroupItsJoinCodeAndWhoMayLookAfterIt() {
    GroupView bert = GroupView.of(given(aYearIn()).state(), BERT);
    assertThat(bert.joinCode()).isEqualTo(CODE);
    assertThat(bert.members()).extracting(Member::id).containsExactly(ANNA, BERT, CARLA, DIRK, FEMKE);
    assertThat(bert.me().steward()).isFalse();
    assertThat(GroupView.of(given(aYearIn()).state(), ANNA).me().steward()).isTrue();
    assertThat(bert.actionPoints()).extracting(CarriedPoint::id).containsExactly("ap-1");
    assertThat(bert.suggestedChair()).isEqualTo(BERT);
  }

  @Test
  void aLeaversActionPointsStayTheGroupsWithoutAnOwner() {
    GroupState state = given(aYearIn()).when(BERT, new LeaveGroup()).thenState();
    assertThat(state.actionPoints()).extracting(CarriedPoint::ownerId).containsExactly((String) null);
    assertThat(GroupView.of(state, ANNA).members()).extracting(Member::id).doesNotContain(BERT);
    assertThat(Register.of(state, id -> true).rows()).extracting(Register.Row::name).containsExactly("Bert");
  }

  @Test
  void erasingTheCarryOverRemovesActionPointsLearningPointsAndTheRegister() {
    GroupState state = given(aYearIn()).at(99).when(FEMKE, new EraseCarryOver()).thenState();

    assertThat(state.actionPoints()).isEmpty();
    assertThat(state.learningPoints()).isEmpty();
    assertThat(state.attendance()).isEmpty();
    assertThat(state.members()).hasSize(5);
    assertThat(state.meetings()).hasSize(1);
    assertThat(state.caseQueue()).hasSize(1);
    given(aYearIn()).when(BERT, new EraseCarryOver()).thenRefused(Refusal.GROUP_STEWARD_ONLY);
  }

  @Test
  void erasingTheGroupLeavesNothingAndNobodyCanUseItAfterwards() {
    GroupState state = given(aYearIn()).at(99).when(ANNA, new EraseGroup()).thenState();

    assertThat(state).isEqualTo(GroupState.NONE);
    assertThat(state.exists()).isFalse();
    GroupGiven.given(List.of(), new GroupErased(99)).when(ANNA, new QueueCase("x", null, false))
        .thenRefused(Refusal.GROUP_NOT_FOUND);
    given(aYearIn()).when(DIRK, new EraseGroup()).thenRefused(Refusal.GROUP_STEWARD_ONLY);
  }

  @Test
  void aNewFacilitatorIsNamedAndMayThenLookAfterTheGroup() {
    GroupState state = given(created()).when(FEMKE, new SetMemberRole(DIRK, MemberRole.FACILITATOR)).thenState();
    assertThat(GroupPermissions.isSteward(state, DIRK)).isTrue();
    given(created()).when(ANNA, new SetMemberRole(FEMKE, MemberRole.FACILITATOR)).then();
  }

  @Test
  void settingsChangeOnlyWhatIsGiven() {
    given(created()).when(ANNA, new UpdateSettings(null, Language.EN, null, 120))
        .then(new SettingsUpdated("Griffiers Noord", Language.EN, "incident", 120));
    given(created()).when(ANNA, new UpdateSettings("Griffiers Noord", null, null, null)).then();
  }
}
