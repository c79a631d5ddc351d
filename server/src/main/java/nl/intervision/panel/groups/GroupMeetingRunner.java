package nl.intervision.panel.groups;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.intervision.panel.domain.CarriedPoint;
import nl.intervision.panel.domain.Command;
import nl.intervision.panel.domain.Envelope;
import nl.intervision.panel.domain.Language;
import nl.intervision.panel.domain.Meeting;
import nl.intervision.panel.domain.MeetingState;
import nl.intervision.panel.domain.Method;
import nl.intervision.panel.domain.Recorded;
import nl.intervision.panel.domain.Refusal;
import nl.intervision.panel.domain.Rejected;
import nl.intervision.panel.domain.Role;
import nl.intervision.panel.entry.MeetingEntry;
import nl.intervision.panel.entry.MeetingEntry.Newcomer;
import nl.intervision.panel.entry.MeetingEntry.Opening;
import nl.intervision.panel.entry.Seat;
import nl.intervision.panel.group.GroupActor;
import nl.intervision.panel.group.GroupCommand.RecordMeetingOutcome;
import nl.intervision.panel.group.GroupCommand.StartGroupMeeting;
import nl.intervision.panel.group.GroupMeeting;
import nl.intervision.panel.group.GroupState;
import nl.intervision.panel.group.GroupView;
import nl.intervision.panel.group.Member;
import nl.intervision.panel.group.MeetingOutcome;
import nl.intervision.panel.room.MeetingNotFound;
import nl.intervision.panel.room.Rooms;
import nl.intervision.panel.store.EventLog;

/**
 * Where a group and its meetings meet. A group plans a meeting by naming its panel meetings (one per
 * case); each starts when the first person takes their seat, on whichever node that happens, so a
 * group's state stays the one truth and a crash between the two leaves nothing half-made. What a
 * finished meeting leaves (action points, marks, minutes present) is read back from that meeting's log
 * whenever the group is read, so it reaches the group even when the node that ran it went down.
 */
public final class GroupMeetingRunner {
  private final GroupService groups;
  private final MeetingEntry entry;
  private final Rooms rooms;
  private final EventLog log;
  private final java.util.function.LongSupplier clock;
  private final long meetingRetentionMs;
  /** Per node: two people taking their seat at the same moment start the meeting once. */
  private final Map<String, Future<Void>> starting = new HashMap<>();

  /**
   * @param meetingRetentionMs how long an idle meeting's log is kept: a meeting whose log is gone after that
   *     long was erased by retention before anyone read it back, and ends in its group with nothing to carry
   */
  public GroupMeetingRunner(GroupService groups, MeetingEntry entry, Rooms rooms, EventLog log,
      java.util.function.LongSupplier clock, long meetingRetentionMs) {
    this.clock = clock;
    this.meetingRetentionMs = meetingRetentionMs;
    this.groups = groups;
    this.entry = entry;
    this.rooms = rooms;
    this.log = log;
  }

  /** The group with the outcome of every meeting that finished since it was last read. */
  public Future<GroupState> current(String groupId) {
    return groups.load(groupId).compose(loaded -> {
      Future<Void> recorded = null;
      for (GroupMeeting meeting : loaded.state().meetings()) {
        for (GroupMeeting.CaseRound round : meeting.cases()) {
          if (meeting.open() && round.outcomeAt() == null) {
            recorded = (recorded == null ? Future.<Void>succeededFuture() : recorded)
                .compose(v -> record(groupId, meeting, round.meetingId()));
          }
        }
      }
      // Read again only when a running meeting was looked at: most reads find none.
      return recorded == null ? Future.succeededFuture(loaded.state())
          : recorded.compose(v -> groups.load(groupId)).map(GroupService.Loaded::state);
    });
  }

  private Future<Void> record(String groupId, GroupMeeting meeting, String meetingId) {
    boolean longGone = clock.getAsLong() - meeting.startedAt() > meetingRetentionMs;
    return outcome(meetingId, longGone).compose(outcome -> outcome.isEmpty() ? Future.succeededFuture()
        : groups.change(groupId, GroupActor.SERVER, new RecordMeetingOutcome(meeting.id(), outcome.get()))
            .<Void>mapEmpty()
            // Recorded by someone else in the meantime, or the group changed shape: the next read tries again.
            .recover(failure -> failure instanceof Rejected ? Future.succeededFuture() : Future.failedFuture(failure)));
  }

  /**
   * What a panel meeting left, read from its log; empty while it runs (or has not started).
   *
   * @param longGone the meeting is older than the meetings' retention: no log means it was erased unread
   */
  Future<Optional<MeetingOutcome>> outcome(String meetingId, boolean longGone) {
    return readAll(meetingId, 0, new ArrayList<>()).map(batches -> {
      if (batches.isEmpty()) {
        return longGone
            ? Optional.of(new MeetingOutcome(meetingId, clock.getAsLong(), List.of(), List.of(), List.of()))
            : Optional.empty();
      }
      MeetingState state = MeetingState.NEW;
      for (Recorded batch : batches) {
        state = Meeting.replay(state, batch.events());
      }
      return MeetingOutcome.of(meetingId, state, batches);
    });
  }

  private Future<List<Recorded>> readAll(String meetingId, long after, List<Recorded> so) {
    return log.read(meetingId, after, EventLog.PAGE).compose(page -> {
      so.addAll(page);
      return page.size() < EventLog.PAGE ? Future.succeededFuture(so)
          : readAll(meetingId, page.get(page.size() - 1).seq(), so);
    });
  }

  /**
   * The group's next meeting, with one panel meeting per picked case (at least one). The first starts
   * at once, so the chair finds it ready; the second when someone takes their seat there.
   */
  /** A meeting just planned, with the cases it picked from the queue (for their titles). */
  public record Planned(GroupMeeting meeting, Map<String, nl.intervision.panel.group.QueuedCase> cases) {}

  public Future<Planned> startNext(String groupId, String memberId, String chairId, List<String> caseIds) {
    return current(groupId).compose(before -> {
      List<String> meetingIds = new ArrayList<>();
      for (int i = 0; i < Math.max(1, caseIds == null ? 0 : caseIds.size()); i++) {
        meetingIds.add(entry.newMeetingId());
      }
      return groups.change(groupId, GroupActor.member(memberId), new StartGroupMeeting(chairId, caseIds, meetingIds));
    }).compose(changed -> {
      GroupMeeting meeting = changed.state().latestMeeting().orElseThrow();
      Map<String, nl.intervision.panel.group.QueuedCase> cases = new HashMap<>();
      changed.state().caseQueue().forEach(c -> cases.put(c.id(), c));
      return ensureStarted(changed.state(), meeting, meeting.cases().get(0)).map(new Planned(meeting, cases));
    });
  }

  /**
   * A meeting token for the member's own seat in one of the group's meetings: they join with one tap
   * (no code: the group vouches for them), under their member id, and come back to the same seat.
   */
  public Future<Seat> seat(String groupId, String memberId, String meetingId) {
    return groups.load(groupId).compose(loaded -> {
      GroupState state = loaded.state();
      try {
        GroupView.of(state, memberId);
      } catch (Rejected refused) {
        return Future.failedFuture(refused);
      }
      Member member = state.currentMember(memberId).orElseThrow();
      for (GroupMeeting meeting : state.meetings()) {
        for (GroupMeeting.CaseRound round : meeting.cases()) {
          if (round.meetingId().equals(meetingId)) {
            Future<Void> ready = meeting.open() ? ensureStarted(state, meeting, round) : Future.succeededFuture();
            return ready.compose(v -> entry.seatAgain(meetingId, memberId))
                .recover(notIn -> notIn instanceof Rejected r && r.refusal() == Refusal.NOT_IN_MEETING
                    ? entry.admit(meetingId, memberId, new Newcomer(member.name(), Role.PARTICIPANT, true))
                    : Future.failedFuture(notIn))
                .compose(seat -> memberId.equals(round.caseBringerId()) && meeting.open()
                    ? bringsTheCase(meetingId, memberId).map(seat) : Future.succeededFuture(seat));
          }
        }
      }
      return Future.failedFuture(Rejected.notFound(Refusal.GROUP_MEETING_NOT_FOUND, "no such meeting in this group"));
    });
  }

  /**
   * Who put the case forward brings it: the panel meeting names them case-bringer when they sit down,
   * unless the chair chose someone already. Their seat does not depend on it.
   */
  private Future<Void> bringsTheCase(String meetingId, String memberId) {
    return rooms.using(meetingId, room -> room.submit(Envelope.SERVER, null, new Command.CaseBringerArrived(memberId)))
        .<Void>mapEmpty()
        .recover(failure -> failure instanceof Rejected || failure instanceof MeetingNotFound
            ? Future.succeededFuture() : Future.failedFuture(failure));
  }

  /** Starts the panel meeting of this case unless it started already, here or on another node. */
  private Future<Void> ensureStarted(GroupState state, GroupMeeting meeting, GroupMeeting.CaseRound round) {
    String meetingId = round.meetingId();
    Future<Void> pending = starting.get(meetingId);
    if (pending != null) {
      return pending;
    }
    // The log, not the node's rooms, says whether it ever started: an ended and erased meeting keeps its
    // last batch as a marker, and must never be started again.
    Future<Void> started = log.read(meetingId, 0, 1).compose(batches -> {
      if (!batches.isEmpty()) {
        return Future.<Void>succeededFuture();
      }
      Member chair = state.member(meeting.chairId()).orElseThrow();
      boolean first = meeting.cases().indexOf(round) == 0;
      Opening opening = new Opening(title(state, meeting, round), chair.name(), state.language(),
          method(state), state.id(), first ? carried(state) : null);
      return entry.start(meetingId, opening, chair.id()).<Void>mapEmpty()
          .recover(failure -> failure instanceof Rejected r && r.refusal() == Refusal.MEETING_EXISTS
              ? Future.succeededFuture() : Future.failedFuture(failure));
    });
    starting.put(meetingId, started);
    return started.andThen(done -> starting.remove(meetingId));
  }

  private Method method(GroupState state) {
    return entry.method(state.methodId()).or(() -> entry.method(null)).orElseThrow();
  }

  /**
   * The group's name and the case the group put on the agenda, so everyone sees at once what this meeting
   * is about (and two meetings of one sitting are told apart); with no case picked, the case's number.
   */
  static String title(GroupState state, GroupMeeting meeting, GroupMeeting.CaseRound round) {
    String name = state.name();
    String caseTitle = round.queuedCaseId() == null ? null
        : state.queuedCase(round.queuedCaseId()).map(nl.intervision.panel.group.QueuedCase::title).orElse(null);
    String title;
    if (caseTitle != null) {
      title = name + " · " + caseTitle;
    } else if (meeting.cases().size() < 2) {
      title = name;
    } else {
      title = name + (state.language() == Language.EN ? " · case " : " · casus ") + (meeting.cases().indexOf(round) + 1);
    }
    return title.length() > nl.intervision.panel.domain.Limits.TITLE
        ? title.substring(0, nl.intervision.panel.domain.Limits.TITLE - 1) + "…" : title;
  }

  /** The group's open and carried-on action points, with their owners' names, for the look-back. */
  static List<CarriedPoint> carried(GroupState state) {
    List<CarriedPoint> points = new ArrayList<>();
    for (nl.intervision.panel.group.CarriedPoint point : state.comingBack()) {
      String owner = point.ownerId() == null ? null : state.member(point.ownerId()).map(Member::name).orElse(null);
      points.add(new CarriedPoint(point.id(), point.text(), owner == null ? null : point.ownerId(), owner, null));
    }
    return points;
  }

  /**
   * Every panel meeting of the group goes with it. Erased through the meeting itself, as when a chair
   * ends and erases: every node drops it at once and closes its sockets, and nothing is served from memory.
   */
  public Future<Void> eraseMeetings(List<String> meetingIds) {
    Future<Void> erased = Future.succeededFuture();
    for (String meetingId : meetingIds) {
      erased = erased.compose(v -> rooms.using(meetingId,
              room -> room.submit(Envelope.SERVER, null, new Command.EraseMeeting())).<Void>mapEmpty()
          // Never started, or erased already.
          .recover(failure -> failure instanceof MeetingNotFound ? Future.succeededFuture() : Future.failedFuture(failure)));
    }
    return erased;
  }
}
