package nl.intervision.panel.group;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import nl.intervision.panel.domain.Refusal;
import nl.intervision.panel.domain.Rejected;
import nl.intervision.panel.group.GroupCommand.*;
import nl.intervision.panel.group.GroupEvent.*;
import nl.intervision.panel.group.GroupMeeting.CaseRound;

/** A group meeting's life: starting it with its chair and cases, taking in its outcome, ending it. */
final class GroupMeetings {
  private GroupMeetings() {}

  static List<GroupEvent> start(GroupState state, String actorId, StartGroupMeeting c, long now,
      Supplier<String> newId) {
    if (state.openMeeting().isPresent()) {
      throw Rejected.conflict(Refusal.GROUP_MEETING_OPEN, "a meeting of this group is still going on; end it first");
    }
    List<String> picked = c.queuedCaseIds() == null ? List.of() : c.queuedCaseIds();
    List<String> meetingIds = c.meetingIds() == null ? List.of() : c.meetingIds();
    if (picked.size() > GroupLimits.CASES_PER_MEETING || meetingIds.size() > GroupLimits.CASES_PER_MEETING) {
      throw Rejected.badRequest(Refusal.TOO_MANY_CASES, "a meeting takes at most "
          + GroupLimits.CASES_PER_MEETING + " cases", "max", GroupLimits.CASES_PER_MEETING);
    }
    if (meetingIds.isEmpty() || picked.size() > meetingIds.size() || hasRepeats(picked) || hasRepeats(meetingIds)
        || meetingIds.stream().anyMatch(Objects::isNull) || picked.stream().anyMatch(Objects::isNull)) {
      throw Rejected.badRequest(Refusal.BAD_COMMAND,
          "a meeting needs one panel meeting id per case, at least one, and each case once");
    }
    String chairId = c.chairId() != null ? Membership.current(state, c.chairId()).id()
        : Objects.requireNonNullElse(Rotation.suggestedChair(state), actorId);
    List<CaseRound> rounds = new ArrayList<>(meetingIds.size());
    for (int i = 0; i < meetingIds.size(); i++) {
      QueuedCase queued = i < picked.size() ? GroupPermissions.queuedCase(state, picked.get(i)) : null;
      if (queued != null && !queued.queued()) {
        throw Rejected.conflict(Refusal.CASE_NOT_QUEUED, "case " + queued.id() + " was already taken up");
      }
      rounds.add(new CaseRound(queued == null ? null : queued.id(), queued == null ? null : queued.memberId(),
          meetingIds.get(i), null));
    }
    return List.of(new GroupMeetingStarted(new GroupMeeting(Ids.meeting(newId), now, null, chairId, rounds)));
  }

  /**
   * Taken in once per panel meeting: the end of the meeting and a later lazy reading may both send it.
   * Owners and presence count only for the group's members; marks only for points the group carries.
   * The group meeting ends by itself when the last of its cases is in.
   */
  static List<GroupEvent> recordOutcome(GroupState state, RecordMeetingOutcome c, Supplier<String> newId) {
    GroupMeeting meeting = GroupPermissions.meeting(state, c.groupMeetingId());
    MeetingOutcome outcome = c.outcome();
    if (outcome == null || !meeting.runs(outcome.meetingId())) {
      throw Rejected.badRequest(Refusal.BAD_COMMAND, "the outcome of a panel meeting this group meeting does not run");
    }
    CaseRound round = meeting.cases().stream().filter(r -> r.meetingId().equals(outcome.meetingId())).findFirst()
        .orElseThrow();
    if (round.outcomeAt() != null) {
      return List.of();
    }
    long at = outcome.endedAt();
    List<CarriedPoint> points = new ArrayList<>();
    for (MeetingOutcome.NewPoint p : outcome.newActionPoints()) {
      String owner = p.ownerId() != null && state.currentMember(p.ownerId()).isPresent() ? p.ownerId() : null;
      points.add(p.done()
          ? new CarriedPoint(Ids.actionPoint(newId), p.text(), owner, meeting.id(), CarriedPoint.Status.DONE,
              meeting.id(), at)
          : new CarriedPoint(Ids.actionPoint(newId), p.text(), owner, meeting.id(), CarriedPoint.Status.OPEN, null,
              null));
    }
    List<MeetingOutcome.Mark> marks = outcome.marks().stream()
        .filter(m -> m.status() != CarriedPoint.Status.OPEN && state.actionPoint(m.pointId()).isPresent()).toList();
    List<MeetingOutcome.Presence> presence = outcome.presence().stream()
        .filter(p -> p.minutes() > 0 && state.member(p.memberId()).isPresent()).toList();
    List<GroupEvent> events = new ArrayList<>(2);
    events.add(new MeetingOutcomeRecorded(meeting.id(), outcome.meetingId(), at, points, marks, presence));
    boolean lastIn = meeting.cases().stream().allMatch(r -> r == round || r.outcomeAt() != null);
    if (meeting.open() && lastIn) {
      events.add(new GroupMeetingEnded(meeting.id(), at));
    }
    return events;
  }

  static List<GroupEvent> end(GroupState state, EndGroupMeeting c, long now) {
    GroupMeeting meeting = GroupPermissions.meeting(state, c.groupMeetingId());
    return meeting.open() ? List.of(new GroupMeetingEnded(meeting.id(), now)) : List.of();
  }

  /** A member of the group then, even one who left since: the register is a record of who was there. */
  static List<GroupEvent> correct(GroupState state, CorrectAttendance c) {
    GroupMeeting meeting = GroupPermissions.meeting(state, c.groupMeetingId());
    Member member = state.member(c.memberId()).orElseThrow(() -> Rejected.notFound(Refusal.MEMBER_NOT_FOUND,
        "no member " + c.memberId() + " in this group"));
    if (c.minutes() != null && (c.minutes() < 0 || c.minutes() > GroupLimits.MAX_MINUTES)) {
      throw Rejected.badRequest(Refusal.MINUTES_OUT_OF_RANGE, "minutes must be 0 to " + GroupLimits.MAX_MINUTES,
          "min", 0, "max", GroupLimits.MAX_MINUTES);
    }
    Integer before = state.attendance(meeting.id(), member.id()).map(Attendance::correctedMinutes).orElse(null);
    return Objects.equals(before, c.minutes()) ? List.of()
        : List.of(new AttendanceCorrected(meeting.id(), member.id(), c.minutes()));
  }

  private static boolean hasRepeats(List<String> ids) {
    return new HashSet<>(ids).size() != ids.size();
  }
}
