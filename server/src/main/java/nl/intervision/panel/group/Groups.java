package nl.intervision.panel.group;

import java.util.List;
import java.util.function.Supplier;
import nl.intervision.panel.group.GroupCommand.*;
import nl.intervision.panel.group.GroupEvent.*;

/**
 * The rules of a group as two plain functions, as {@link nl.intervision.panel.domain.Meeting} has them
 * for a meeting: {@link #decide} turns a command into events or refuses it, {@link #evolve} folds an
 * event into the state. The service loads (state, version), decides, evolves and saves with the
 * version it read, retrying on a conflict. No clock, no randomness, no I/O: time and ids are passed in.
 */
public final class Groups {
  private Groups() {}

  /**
   * @param newId a fresh random id on each call (the domain prefixes it); a new group's id is one unprefixed
   * @return the events; empty when the command changes nothing (a role a member already has)
   * @throws nl.intervision.panel.domain.Rejected when the command is not allowed or not valid; nothing changes then
   */
  public static List<GroupEvent> decide(GroupState state, GroupActor actor, GroupCommand command, long now,
      Supplier<String> newId) {
    GroupPermissions.check(state, actor, command);
    String me = actor.memberId();
    return switch (command) {
      case CreateGroup c -> Membership.create(c, now, newId);
      case JoinGroup c -> Membership.join(state, c, now, newId);
      case SetMemberRole c -> Membership.setRole(state, c);
      case LinkAccount c -> Accounts.link(state, me, c, now);
      case UnlinkAccount c -> Accounts.unlink(state, me, c);
      case UpdateSettings c -> Membership.updateSettings(state, c);
      case RemoveMember c -> Membership.remove(state, me, c.memberId(), now);
      case LeaveGroup c -> Membership.remove(state, me, me, now);
      case StartGroupMeeting c -> GroupMeetings.start(state, me, c, now, newId);
      case RecordMeetingOutcome c -> GroupMeetings.recordOutcome(state, c, newId);
      case EndGroupMeeting c -> GroupMeetings.end(state, c, now);
      case CorrectAttendance c -> GroupMeetings.correct(state, c);
      case QueueCase c -> CaseQueue.queue(state, me, c, now, newId);
      case WithdrawCase c -> CaseQueue.withdraw(state, c.caseId());
      case MarkActionPoint c -> CarryOver.mark(state, c.pointId(), c.status(), now);
      case WriteLearningPoint c -> LearningPoints.write(state, me, c.text(), c.sharing(), now, newId);
      case NoteOnLearningPoint c -> LearningPoints.note(state, c.pointId(), c.text(), now);
      case ShareLearningPoint c -> LearningPoints.share(state, c.pointId(), c.sharing());
      case DeleteLearningPoint c -> List.of(new LearningPointDeleted(c.pointId()));
      case EraseCarryOver c -> List.of(new CarryOverErased(now));
      case EraseGroup c -> List.of(new GroupErased(now));
    };
  }

  public static GroupState evolve(GroupState state, GroupEvent event) {
    return switch (event) {
      case GroupCreated e -> new GroupState(e.groupId(), e.name(), e.language(), e.methodId(), e.usualMinutes(),
          e.at(), e.creator().id(), e.joinCode(), List.of(e.creator()), List.of(), List.of(), List.of(), List.of(),
          List.of(), List.of());
      case MemberJoined e -> state.withMembers(GroupState.plus(state.members(), e.member()));
      case MemberRoleSet e -> state.withMembers(
          GroupState.changed(state.members(), m -> m.id().equals(e.memberId()), m -> m.withRole(e.role())));
      case AccountLinked e -> Accounts.linked(state, e.account());
      case AccountUnlinked e -> state.withAccounts(GroupState.without(state.accounts(),
          a -> a.memberId().equals(e.memberId()) && a.platform().equals(e.platform())));
      case SettingsUpdated e -> state.withSettings(e.name(), e.language(), e.methodId(), e.usualMinutes());
      case MemberLeft e -> left(state, e);
      case GroupMeetingStarted e -> started(state, e.meeting());
      case MeetingOutcomeRecorded e -> Outcomes.apply(state, e);
      case GroupMeetingEnded e -> state
          .withMeetings(GroupState.changed(state.meetings(), m -> m.id().equals(e.groupMeetingId()), m -> m.ended(e.at())))
          .withCaseQueue(GroupState.without(state.caseQueue(), c -> e.groupMeetingId().equals(c.pickedFor())));
      case CaseQueued e -> state.withCaseQueue(GroupState.plus(state.caseQueue(), e.queuedCase()));
      case CaseWithdrawn e -> state.withCaseQueue(GroupState.without(state.caseQueue(), c -> c.id().equals(e.caseId())));
      case ActionPointMarked e -> state.withActionPoints(GroupState.changed(state.actionPoints(),
          p -> p.id().equals(e.pointId()), p -> p.marked(e.status(), e.groupMeetingId(), e.at())));
      case LearningPointWritten e -> state.withLearningPoints(
          GroupState.plus(state.learningPoints(), e.learningPoint()));
      case LearningPointNoted e -> state.withLearningPoints(GroupState.changed(state.learningPoints(),
          p -> p.id().equals(e.pointId()), p -> p.withNote(e.note())));
      case LearningPointShared e -> state.withLearningPoints(GroupState.changed(state.learningPoints(),
          p -> p.id().equals(e.pointId()), p -> p.withSharing(e.sharing())));
      case LearningPointDeleted e -> state.withLearningPoints(
          GroupState.without(state.learningPoints(), p -> p.id().equals(e.pointId())));
      case AttendanceCorrected e -> Outcomes.corrected(state, e);
      case CarryOverErased e -> state.withActionPoints(List.of()).withLearningPoints(List.of())
          .withAttendance(List.of());
      case GroupErased e -> GroupState.NONE;
    };
  }

  public static GroupState replay(GroupState state, List<GroupEvent> events) {
    GroupState result = state;
    for (GroupEvent event : events) {
      result = evolve(result, event);
    }
    return result;
  }

  /**
   * Their learning points, waiting cases and platform sign-ins go with them; their action points stay
   * the group's, unowned.
   */
  private static GroupState left(GroupState state, MemberLeft e) {
    String id = e.memberId();
    return state
        .withMembers(GroupState.changed(state.members(), m -> m.id().equals(id), m -> m.leftAt(e.at())))
        .withLearningPoints(GroupState.without(state.learningPoints(), p -> p.memberId().equals(id)))
        .withAccounts(GroupState.without(state.accounts(), a -> a.memberId().equals(id)))
        .withCaseQueue(GroupState.without(state.caseQueue(), c -> c.memberId().equals(id) && c.queued()))
        .withActionPoints(GroupState.changed(state.actionPoints(), p -> id.equals(p.ownerId()),
            CarriedPoint::withoutOwner));
  }

  private static GroupState started(GroupState state, GroupMeeting meeting) {
    List<String> picked = meeting.cases().stream().map(GroupMeeting.CaseRound::queuedCaseId)
        .filter(java.util.Objects::nonNull).toList();
    return state.withMeetings(GroupState.plus(state.meetings(), meeting))
        .withCaseQueue(GroupState.changed(state.caseQueue(), c -> picked.contains(c.id()),
            c -> c.pickedFor(meeting.id())));
  }
}
