package nl.intervision.panel.group;

import java.util.ArrayList;
import java.util.List;
import nl.intervision.panel.group.GroupEvent.AttendanceCorrected;
import nl.intervision.panel.group.GroupEvent.MeetingOutcomeRecorded;

/** How a meeting's outcome and a chair's correction change the carried points and the attendance. */
final class Outcomes {
  private Outcomes() {}

  static GroupState apply(GroupState state, MeetingOutcomeRecorded e) {
    List<CarriedPoint> points = new ArrayList<>(state.actionPoints().size() + e.newPoints().size());
    for (CarriedPoint point : state.actionPoints()) {
      CarriedPoint marked = point;
      for (MeetingOutcome.Mark mark : e.marks()) {
        if (mark.pointId().equals(point.id())) {
          marked = point.marked(mark.status(), e.groupMeetingId(), e.at());
        }
      }
      points.add(marked);
    }
    points.addAll(e.newPoints());
    List<Attendance> attendance = state.attendance();
    for (MeetingOutcome.Presence p : e.presence()) {
      attendance = attendance.stream().anyMatch(a -> a.of(e.groupMeetingId(), p.memberId()))
          ? GroupState.changed(attendance, a -> a.of(e.groupMeetingId(), p.memberId()), a -> a.plus(p.minutes()))
          : GroupState.plus(attendance, new Attendance(e.groupMeetingId(), p.memberId(), p.minutes(), null));
    }
    return state
        .withMeetings(GroupState.changed(state.meetings(), m -> m.id().equals(e.groupMeetingId()),
            m -> m.withCases(r -> r.meetingId().equals(e.meetingId()) ? r.recorded(e.at()) : r)))
        .withActionPoints(points)
        .withAttendance(attendance);
  }

  /** Taking a correction back from someone presence never saw leaves no row of nothing. */
  static GroupState corrected(GroupState state, AttendanceCorrected e) {
    List<Attendance> attendance = state.attendance(e.groupMeetingId(), e.memberId()).isPresent()
        ? GroupState.changed(state.attendance(), a -> a.of(e.groupMeetingId(), e.memberId()),
            a -> a.corrected(e.minutes()))
        : GroupState.plus(state.attendance(), new Attendance(e.groupMeetingId(), e.memberId(), 0, e.minutes()));
    return state.withAttendance(GroupState.without(attendance, a -> a.minutes() == 0 && a.correctedMinutes() == null));
  }
}
