package nl.intervision.panel.group;

import java.util.List;
import nl.intervision.panel.domain.Language;

/**
 * What happened to a group. Each carries its results (ids, times, whole records), so
 * {@link Groups#evolve} applies it without rules. The store keeps the folded {@link GroupState}, not
 * these; they say what changed, for a notice or a log line without content.
 */
public sealed interface GroupEvent {

  record GroupCreated(String groupId, String name, Language language, String methodId, int usualMinutes,
      String joinCode, Member creator, long at) implements GroupEvent {}

  record MemberJoined(Member member) implements GroupEvent {}

  record MemberRoleSet(String memberId, MemberRole role) implements GroupEvent {}

  /** Replaces any sign-in the member had linked on the same platform. */
  record AccountLinked(LinkedAccount account) implements GroupEvent {}

  record AccountUnlinked(String memberId, String platform) implements GroupEvent {}

  record SettingsUpdated(String name, Language language, String methodId, int usualMinutes) implements GroupEvent {}

  /**
   * The member left, or was removed: their learning points and queued cases are deleted, and their action
   * points stay the group's with nobody as owner.
   */
  record MemberLeft(String memberId, boolean removed, long at) implements GroupEvent {}

  /** @param meeting with its chair and cases as they start */
  record GroupMeetingStarted(GroupMeeting meeting) implements GroupEvent {}

  /**
   * @param newPoints the meeting's action points as the group now carries them (ids given, owners checked)
   * @param marks marks on carried points the group knows
   * @param presence minutes per member of the group, added to that meeting's attendance
   */
  record MeetingOutcomeRecorded(String groupMeetingId, String meetingId, long at, List<CarriedPoint> newPoints,
      List<MeetingOutcome.Mark> marks, List<MeetingOutcome.Presence> presence) implements GroupEvent {}

  /** Cases picked for it leave the queue now. */
  record GroupMeetingEnded(String groupMeetingId, long at) implements GroupEvent {}

  record CaseQueued(QueuedCase queuedCase) implements GroupEvent {}

  record CaseWithdrawn(String caseId) implements GroupEvent {}

  /** @param groupMeetingId the meeting open when it was marked; null between meetings */
  record ActionPointMarked(String pointId, CarriedPoint.Status status, String groupMeetingId, long at)
      implements GroupEvent {}

  record LearningPointWritten(LearningPoint learningPoint) implements GroupEvent {}

  record LearningPointNoted(String pointId, LearningPoint.Note note) implements GroupEvent {}

  record LearningPointShared(String pointId, LearningPoint.Sharing sharing) implements GroupEvent {}

  record LearningPointDeleted(String pointId) implements GroupEvent {}

  /** @param minutes null: the correction is taken back */
  record AttendanceCorrected(String groupMeetingId, String memberId, Integer minutes) implements GroupEvent {}

  record CarryOverErased(long at) implements GroupEvent {}

  record GroupErased(long at) implements GroupEvent {}
}
