package nl.intervision.panel.group;

import java.util.List;
import nl.intervision.panel.domain.Language;

/**
 * What someone asks a group to do. A command may be refused ({@link nl.intervision.panel.domain.Rejected});
 * if accepted it becomes {@link GroupEvent}s. Who may send which is decided in {@link GroupPermissions}.
 * Ids and join codes the server picks come in the command; the domain mints the rest from {@code newId}.
 */
public sealed interface GroupCommand {

  // ---- the group and its members

  /**
   * Starts a group; its creator is its first member.
   *
   * @param usualMinutes null: {@link GroupLimits#USUAL_MINUTES}
   * @param creatorRole null: member; a trainer who starts a group for others is its facilitator
   */
  record CreateGroup(String name, Language language, String methodId, Integer usualMinutes, String creatorName,
      MemberRole creatorRole, String joinCode) implements GroupCommand {}

  /** Joining by the group's code always makes a plain member; a facilitator is named with {@link SetMemberRole}. */
  record JoinGroup(String joinCode, String name) implements GroupCommand {}

  record SetMemberRole(String memberId, MemberRole role) implements GroupCommand {}

  /**
   * Links the sender's sign-in on a platform, which the edge has verified, so that signing in there on
   * another device finds their seat. One per platform: a newer sign-in there replaces the older.
   *
   * @param accountKey the edge's keyed hash of the platform's user id
   */
  record LinkAccount(String platform, String accountKey) implements GroupCommand {}

  /** Forgets the sender's sign-in on that platform; nothing happens when there is none. */
  record UnlinkAccount(String platform) implements GroupCommand {}

  /** Each null field stays as it is. */
  record UpdateSettings(String name, Language language, String methodId, Integer usualMinutes)
      implements GroupCommand {}

  /** Removing oneself is leaving. */
  record RemoveMember(String memberId) implements GroupCommand {}

  /** The sender leaves and takes their learning points with them: they are deleted. */
  record LeaveGroup() implements GroupCommand {}

  // ---- meetings

  /**
   * The next meeting. One panel meeting runs per case, so {@code meetingIds} (picked by the server) says
   * how many cases there are: one or two. Picked cases are run first, in the order given; the rest are
   * chosen in the meeting itself.
   *
   * @param chairId null: whom {@link Rotation#suggestedChair} suggests
   * @param queuedCaseIds 0 to 2 cases from the queue, no more than {@code meetingIds}
   */
  record StartGroupMeeting(String chairId, List<String> queuedCaseIds, List<String> meetingIds)
      implements GroupCommand {}

  /** The server took in what a finished panel meeting of this group meeting left (see {@link MeetingOutcome}). */
  record RecordMeetingOutcome(String groupMeetingId, MeetingOutcome outcome) implements GroupCommand {}

  /** Ends the meeting before every case's outcome is in (it ends by itself when they are). */
  record EndGroupMeeting(String groupMeetingId) implements GroupCommand {}

  // ---- between meetings

  record QueueCase(String title, String note, boolean urgent) implements GroupCommand {}

  record WithdrawCase(String caseId) implements GroupCommand {}

  /** @param status done, not done or carried on; open is not a mark */
  record MarkActionPoint(String pointId, CarriedPoint.Status status) implements GroupCommand {}

  /** @param sharing null: private */
  record WriteLearningPoint(String text, LearningPoint.Sharing sharing) implements GroupCommand {}

  record NoteOnLearningPoint(String pointId, String text) implements GroupCommand {}

  record ShareLearningPoint(String pointId, LearningPoint.Sharing sharing) implements GroupCommand {}

  record DeleteLearningPoint(String pointId) implements GroupCommand {}

  /** @param minutes null takes the correction back: presence counts again */
  record CorrectAttendance(String groupMeetingId, String memberId, Integer minutes) implements GroupCommand {}

  // ---- forgetting

  /** Erases what carries over: every action point, every learning point and the register. */
  record EraseCarryOver() implements GroupCommand {}

  /** Erases the group; the service then erases its panel meetings too. */
  record EraseGroup() implements GroupCommand {}
}
