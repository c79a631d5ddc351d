package nl.intervision.panel.transport;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import nl.intervision.panel.auth.Tokens;
import nl.intervision.panel.auth.platform.PlatformIdentity;
import nl.intervision.panel.domain.Catalogue;
import nl.intervision.panel.domain.Command;
import nl.intervision.panel.domain.Envelope;
import nl.intervision.panel.domain.Language;
import nl.intervision.panel.domain.Limits;
import nl.intervision.panel.domain.MeetingState;
import nl.intervision.panel.domain.Role;
import nl.intervision.panel.protocol.RecordCodec;
import nl.intervision.panel.room.MeetingNotFound;
import nl.intervision.panel.room.Room;
import nl.intervision.panel.room.Rooms;
import nl.intervision.panel.store.PlatformLinks;
import nl.intervision.panel.store.PlatformLinks.Person;

/**
 * Turns a person the platform vouched for into a participant with a meeting token. The same
 * platform meeting always leads to the same panel meeting (a new one once the last has ended), the
 * same person to the same participant. Whoever opens the panel first starts the meeting and chairs
 * it; when the platform names organisers (a Jitsi moderator, a Zoom host), an organiser who comes
 * later takes the chair from someone who was only first.
 */
final class PlatformSignIn {
  private static final Logger LOG = Logger.getLogger(PlatformSignIn.class.getName());

  private final Rooms rooms;
  private final PlatformLinks links;
  private final Tokens tokens;
  private final Catalogue catalogue;
  private final Ids ids;
  private final LongSupplier clock;

  PlatformSignIn(Rooms rooms, PlatformLinks links, Tokens tokens, Catalogue catalogue, Ids ids, LongSupplier clock) {
    this.rooms = rooms;
    this.links = links;
    this.tokens = tokens;
    this.catalogue = catalogue;
    this.ids = ids;
    this.clock = clock;
  }

  /** @return {meetingId, participantId, token, role} */
  Future<JsonObject> enter(PlatformIdentity who, String title) {
    return links.meeting(who.platform(), who.meeting()).compose(linked -> {
      if (linked == null) {
        return start(who, title, null);
      }
      return rooms.get(linked).transform(open -> {
        if (open.failed() && open.cause() instanceof MeetingNotFound || open.succeeded() && ended(open.result())) {
          release(open.succeeded() ? open.result() : null);
          return start(who, title, linked);
        }
        return open.failed() ? Future.failedFuture(open.cause()) : join(who, open.result());
      });
    });
  }

  private Future<JsonObject> start(PlatformIdentity who, String title, String previous) {
    String meetingId = ids.meetingId();
    String chairId = ids.participantId();
    Room room = rooms.create(meetingId);
    Command start = new Command.StartMeeting(titleFor(who, title), nameOf(who), Language.NL, ids.joinCode(),
        catalogue.agenda(catalogue.method(MeetingApi.DEFAULT_METHOD).orElseThrow()));
    return room.submit(chairId, null, start)
        .compose(seq -> previous == null
            ? links.linkMeeting(who.platform(), who.meeting(), meetingId)
            : links.relinkMeeting(who.platform(), who.meeting(), previous, meetingId))
        .compose(winner -> {
          if (!winner.equals(meetingId)) {
            // Someone else started it in the same instant: theirs counts, ours is left to retention.
            release(room);
            return rooms.get(winner).compose(other -> join(who, other));
          }
          return links.linkPerson(meetingId, who.user(), new Person(chairId, who.organiser()))
              .map(person -> answer(meetingId, person.participantId(), Role.CHAIR))
              .andThen(done -> release(room));
        });
  }

  private Future<JsonObject> join(PlatformIdentity who, Room room) {
    String meetingId = room.meetingId();
    return links.person(meetingId, who.user()).compose(known -> {
      if (known != null && room.state().participant(known.participantId()).isPresent()) {
        return takeChairIfOrganiser(who, room, known.participantId());
      }
      String participantId = ids.participantId();
      // The platform tells people apart by their account, not their name: two of one name are two people.
      Command join = new Command.JoinMeeting(room.state().joinCode(), nameOf(who), Role.PARTICIPANT, true);
      return room.submit(participantId, null, join)
          .compose(seq -> links.linkPerson(meetingId, who.user(), new Person(participantId, who.organiser())))
          .compose(person -> takeChairIfOrganiser(who, room, person.participantId()));
    }).andThen(done -> release(room));
  }

  private Future<JsonObject> takeChairIfOrganiser(PlatformIdentity who, Room room, String participantId) {
    Future<Void> claimed = Future.succeededFuture();
    if (who.organiser() && !participantId.equals(room.state().chairId())) {
      claimed = links.organisers(room.meetingId()).compose(organisers -> organisers.contains(room.state().chairId())
          ? Future.succeededFuture()
          : room.submit(Envelope.SERVER, null, new Command.OrganiserArrived(participantId)).mapEmpty());
    }
    return claimed.map(v -> {
      Role role = room.state().participant(participantId).orElseThrow().role();
      return answer(room.meetingId(), participantId, role);
    });
  }

  private JsonObject answer(String meetingId, String participantId, Role role) {
    String roleName = RecordCodec.wireName(role);
    return new JsonObject()
        .put("meetingId", meetingId)
        .put("participantId", participantId)
        .put("role", roleName)
        .put("token", tokens.issue(meetingId, participantId, roleName, Instant.ofEpochMilli(clock.getAsLong())));
  }

  private static boolean ended(Room room) {
    return room.state().status() != MeetingState.Status.OPEN;
  }

  private void release(Room room) {
    if (room != null) {
      rooms.release(room);
    }
  }

  private static String nameOf(PlatformIdentity who) {
    String name = who.name() == null || who.name().isBlank() ? "?" : who.name().strip();
    return name.length() > Limits.NAME ? name.substring(0, Limits.NAME) : name;
  }

  private static String titleFor(PlatformIdentity who, String title) {
    if (title != null && !title.isBlank()) {
      String t = title.strip();
      return t.length() > Limits.TITLE ? t.substring(0, Limits.TITLE) : t;
    }
    return "Intervision (" + who.platform() + ")";
  }
}
