package nl.intervision.panel.group;

import java.util.Comparator;
import java.util.Optional;
import nl.intervision.panel.domain.Permissions;
import nl.intervision.panel.domain.Refusal;
import nl.intervision.panel.domain.Rejected;
import nl.intervision.panel.group.GroupCommand.*;

/**
 * Who may do what in a group: the only place that decides whether an actor may send a command at all.
 * Roles are read from the state, so a removal or a new facilitator counts at once. Someone who left or
 * was removed may do nothing, exactly like someone who never belonged. Groups know no observers.
 *
 * <p>A group is looked after by its <em>stewards</em>: every facilitator, and the creator while they
 * belong to it. A group whose creator left and that has no facilitator would be stuck (nobody could
 * erase it), so then its longest-standing member is its steward.
 */
public final class GroupPermissions {
  private GroupPermissions() {}

  public static void check(GroupState state, GroupActor actor, GroupCommand command) {
    if (command instanceof CreateGroup) {
      if (state.exists()) {
        throw Rejected.conflict(Refusal.GROUP_EXISTS, "this group already exists");
      }
      return;
    }
    if (!state.exists()) {
      throw Rejected.notFound(Refusal.GROUP_NOT_FOUND, "no such group");
    }
    if (command instanceof JoinGroup join) {
      checkJoin(state, actor, join);
      return;
    }
    if (command instanceof RecordMeetingOutcome) {
      if (!actor.server()) {
        throw Rejected.forbidden(Refusal.SERVER_ONLY, "only the server itself does this");
      }
      return;
    }
    Member member = actor.memberId() == null ? null : state.currentMember(actor.memberId()).orElse(null);
    if (member == null) {
      throw Rejected.forbidden(Refusal.NOT_A_GROUP_MEMBER, "you are not (or no longer) a member of this group");
    }
    String id = member.id();
    switch (command) {
      case SetMemberRole c -> steward(state, id, command);
      case UpdateSettings c -> steward(state, id, command);
      case EraseCarryOver c -> steward(state, id, command);
      case EraseGroup c -> steward(state, id, command);
      case RemoveMember c -> {
        if (!id.equals(c.memberId())) {
          steward(state, id, command);
        }
      }
      case EndGroupMeeting c -> chairOrSteward(state, id, meeting(state, c.groupMeetingId()), command);
      case CorrectAttendance c -> chairOrSteward(state, id, meeting(state, c.groupMeetingId()), command);
      case QueueCase c -> {
        if (member.facilitator()) {
          throw Rejected.forbidden(Refusal.FACILITATOR_BRINGS_NO_CASE, "a facilitator guides and brings no case");
        }
      }
      case WithdrawCase c -> {
        if (!queuedCase(state, c.caseId()).memberId().equals(id)) {
          throw Rejected.forbidden(Refusal.CASE_AUTHOR_ONLY, "only who put a case forward can withdraw it");
        }
      }
      case MarkActionPoint c -> {
        CarriedPoint point = state.actionPoint(c.pointId()).orElseThrow(() -> Rejected.notFound(
            Refusal.CARRIED_POINT_NOT_FOUND, "no action point " + c.pointId()));
        boolean chairNow = state.openMeeting().map(m -> id.equals(m.chairId())).orElse(false);
        if (!id.equals(point.ownerId()) && !chairNow && !isSteward(state, id)) {
          throw Rejected.forbidden(Refusal.CARRIED_POINT_NOT_YOURS,
              "only who took the action point on, the chair of the meeting or a facilitator can mark it");
        }
      }
      case NoteOnLearningPoint c -> ownLearningPoint(state, member, c.pointId());
      case ShareLearningPoint c -> ownLearningPoint(state, member, c.pointId());
      case DeleteLearningPoint c -> ownLearningPoint(state, member, c.pointId());
      case LeaveGroup c -> { }
      case LinkAccount c -> { }
      case UnlinkAccount c -> { }
      case StartGroupMeeting c -> { }
      case WriteLearningPoint c -> { }
      case CreateGroup c -> { }
      case JoinGroup c -> { }
      case RecordMeetingOutcome c -> { }
    }
  }

  /** Whether this member looks after the group (see the class comment). */
  public static boolean isSteward(GroupState state, String memberId) {
    Optional<Member> member = state.currentMember(memberId);
    if (member.isEmpty()) {
      return false;
    }
    if (member.get().facilitator() || memberId.equals(state.createdBy())) {
      return true;
    }
    boolean looked = state.currentMembers().stream()
        .anyMatch(m -> m.facilitator() || m.id().equals(state.createdBy()));
    return !looked && state.currentMembers().stream().min(Comparator.comparingLong(Member::joinedAt))
        .map(m -> m.id().equals(memberId)).orElse(false);
  }

  /** Whether a typed code opens this group; the transport asks before it counts a wrong guess. */
  public static boolean joinCodeMatches(GroupState state, String given) {
    return Permissions.sameCode(state.joinCode(), given);
  }

  static GroupMeeting meeting(GroupState state, String groupMeetingId) {
    if (groupMeetingId == null) {
      throw Rejected.badRequest(Refusal.FIELD_REQUIRED, "groupMeetingId is required", "field", "groupMeetingId");
    }
    return state.meeting(groupMeetingId).orElseThrow(() -> Rejected.notFound(Refusal.GROUP_MEETING_NOT_FOUND,
        "no meeting " + groupMeetingId + " in this group"));
  }

  static QueuedCase queuedCase(GroupState state, String caseId) {
    return state.queuedCase(caseId).orElseThrow(() -> Rejected.notFound(Refusal.QUEUED_CASE_NOT_FOUND,
        "no case " + caseId + " in the queue"));
  }

  /**
   * Someone else's learning point the member may not read does not exist for them, so asking for it
   * answers as for one that never was; one they may read but is not theirs is refused as such.
   */
  private static void ownLearningPoint(GroupState state, Member member, String pointId) {
    LearningPoint point = state.learningPoint(pointId).filter(p -> GroupView.mayRead(member, p))
        .orElseThrow(() -> Rejected.notFound(Refusal.LEARNING_POINT_NOT_FOUND, "no learning point " + pointId));
    if (!point.memberId().equals(member.id())) {
      throw Rejected.forbidden(Refusal.LEARNING_POINT_OWNER_ONLY, "only its owner can change a learning point");
    }
  }

  private static void steward(GroupState state, String memberId, GroupCommand command) {
    if (!isSteward(state, memberId)) {
      throw Rejected.forbidden(Refusal.GROUP_STEWARD_ONLY,
          "only a facilitator or the group's creator can do this", "action", action(command));
    }
  }

  private static void chairOrSteward(GroupState state, String memberId, GroupMeeting meeting, GroupCommand command) {
    if (!memberId.equals(meeting.chairId()) && !isSteward(state, memberId)) {
      throw Rejected.forbidden(Refusal.CHAIR_OR_STEWARD_ONLY,
          "only that meeting's chair, a facilitator or the group's creator can do this", "action", action(command));
    }
  }

  /** The command's type as on the wire ({@code removeMember}): the page names the action in the person's language. */
  private static String action(GroupCommand command) {
    String simple = command.getClass().getSimpleName();
    return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
  }

  private static void checkJoin(GroupState state, GroupActor actor, JoinGroup join) {
    if (actor.memberId() != null && state.currentMember(actor.memberId()).isPresent()) {
      throw Rejected.conflict(Refusal.ALREADY_JOINED, "you are already a member of this group");
    }
    if (!joinCodeMatches(state, join.joinCode())) {
      throw Rejected.forbidden(Refusal.WRONG_JOIN_CODE, "the join code is not right");
    }
  }
}
