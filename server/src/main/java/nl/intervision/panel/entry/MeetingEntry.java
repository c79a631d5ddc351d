package nl.intervision.panel.entry;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import nl.intervision.panel.auth.Tokens;
import nl.intervision.panel.domain.CarriedPoint;
import nl.intervision.panel.domain.Catalogue;
import nl.intervision.panel.domain.Command;
import nl.intervision.panel.domain.Language;
import nl.intervision.panel.domain.MeetingState;
import nl.intervision.panel.domain.Method;
import nl.intervision.panel.domain.Refusal;
import nl.intervision.panel.domain.Rejected;
import nl.intervision.panel.domain.Role;
import nl.intervision.panel.protocol.RecordCodec;
import nl.intervision.panel.room.Room;
import nl.intervision.panel.room.Rooms;

/**
 * The one way into a meeting, whoever asks (a join link, a platform sign-in, a group): it picks the
 * ids and the join code, lets the meeting decide the start or the join, and issues the meeting token
 * for the seat that results. Callers verify people their own way; the meeting's rules stay the domain's.
 */
public final class MeetingEntry {
  /** The method a meeting runs when nobody chose one. */
  public static final String DEFAULT_METHOD = "vijfstappenmethode";

  private final Rooms rooms;
  private final Tokens tokens;
  private final Catalogue catalogue;
  private final Ids ids;
  private final LongSupplier clock;

  public MeetingEntry(Rooms rooms, Tokens tokens, Catalogue catalogue, Ids ids, LongSupplier clock) {
    this.rooms = rooms;
    this.tokens = tokens;
    this.catalogue = catalogue;
    this.ids = ids;
    this.clock = clock;
  }

  /**
   * What a new meeting starts with; title and name are checked by the domain, as typed.
   *
   * @param group the intervision group it belongs to, or null
   * @param carried the group's open action points from its last meeting, to look back on
   */
  public record Opening(String title, String chairName, Language locale, Method method, String group,
      List<CarriedPoint> carried) {
    public Opening(String title, String chairName, Language locale, Method method) {
      this(title, chairName, locale, method, null, null);
    }
  }

  /** A meeting just started: the chair's seat, and the code others join with. */
  public record Started(Seat chair, String joinCode) {}

  /** Someone who is about to take a seat in a meeting that runs. */
  public record Newcomer(String name, Role role, boolean sameName) {}

  /**
   * What the caller checks once the meeting is loaded, in the same turn of the event loop as the join
   * itself, so nothing slips in between (the wrong-code limits). Throwing refuses the join; the
   * exception is what the join fails with.
   */
  @FunctionalInterface
  public interface Doorkeeper {
    void check(MeetingState meeting);
  }

  /** A fresh meeting id, for a caller that names its meetings before they start (a group planning its next one). */
  public String newMeetingId() {
    return ids.meetingId();
  }

  /** @param methodId null for the default method; empty when the catalogue has no such method */
  public Optional<Method> method(String methodId) {
    return catalogue.method(methodId == null ? DEFAULT_METHOD : methodId);
  }

  /** Starts a meeting chaired by someone new. */
  public Future<Started> start(Opening opening) {
    return start(opening, ids.participantId());
  }

  /**
   * Starts a meeting whose chair has the id the caller gives (a group member's id is their participant
   * id in every meeting of the group). Fails with {@link Rejected} when the domain refuses it.
   */
  public Future<Started> start(Opening opening, String chairId) {
    return start(ids.meetingId(), opening, chairId);
  }

  /**
   * Starts the meeting with the id the caller gave it beforehand (a group names its meetings when it
   * plans them). Fails with {@link Rejected} ({@link Refusal#MEETING_EXISTS}) when it has started already,
   * here or on another node.
   */
  public Future<Started> start(String meetingId, Opening opening, String chairId) {
    String joinCode = ids.joinCode();
    Command start = new Command.StartMeeting(opening.title(), opening.chairName(), opening.locale(), joinCode,
        catalogue.agenda(opening.method()), opening.group(), opening.carried());
    Room room = rooms.create(meetingId);
    return room.submit(chairId, null, start)
        .map(seq -> new Started(seat(meetingId, chairId, Role.CHAIR), joinCode))
        .andThen(done -> rooms.release(room));
  }

  /**
   * Someone joins with the meeting's join code and gets a new participant id. The meeting refuses a
   * wrong code ({@link Refusal#WRONG_JOIN_CODE}); the doorkeeper looks first.
   */
  public Future<Seat> join(String meetingId, String joinCode, Newcomer who, Doorkeeper doorkeeper) {
    return enter(meetingId, ids.participantId(), who, meeting -> {
      doorkeeper.check(meeting);
      return joinCode;
    });
  }

  /** Someone the caller has verified (a platform account) joins without a code, with a new participant id. */
  public Future<Seat> admit(String meetingId, Newcomer who) {
    return admit(meetingId, ids.participantId(), who);
  }

  /**
   * Someone the caller has verified (a group member) joins without a code, under the participant id the
   * caller gives.
   */
  public Future<Seat> admit(String meetingId, String participantId, Newcomer who) {
    return enter(meetingId, participantId, who, MeetingState::joinCode);
  }

  /**
   * A new token for someone already in the meeting, whom the caller has verified: the seat they have,
   * in the role they have now. Fails with {@link Refusal#NOT_IN_MEETING} when they are not (or no
   * longer) in it.
   */
  public Future<Seat> seatAgain(String meetingId, String participantId) {
    return rooms.get(meetingId).compose(room -> {
      MeetingState meeting = room.state();
      rooms.release(room);
      return meeting.participant(participantId)
          .map(someone -> Future.succeededFuture(seat(meetingId, participantId, someone.role())))
          .orElseGet(() -> Future.failedFuture(new Rejected(Rejected.Reason.FORBIDDEN, Refusal.NOT_IN_MEETING,
              Map.of(), "not in this meeting")));
    });
  }

  private Future<Seat> enter(String meetingId, String participantId, Newcomer who, Function<MeetingState, String> code) {
    return rooms.get(meetingId).compose(room -> {
      Command join;
      try {
        join = new Command.JoinMeeting(code.apply(room.state()), who.name(), who.role(), who.sameName());
      } catch (RuntimeException refused) {
        rooms.release(room);
        return Future.failedFuture(refused);
      }
      return room.submit(participantId, null, join)
          .map(seq -> seat(meetingId, participantId, who.role()))
          .andThen(done -> rooms.release(room));
    });
  }

  private Seat seat(String meetingId, String participantId, Role role) {
    String token = tokens.issue(meetingId, participantId, RecordCodec.wireName(role), Instant.ofEpochMilli(clock.getAsLong()));
    return new Seat(meetingId, participantId, role, token);
  }
}
