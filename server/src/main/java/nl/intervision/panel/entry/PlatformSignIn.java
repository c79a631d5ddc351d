package nl.intervision.panel.entry;

import io.vertx.core.Future;
import nl.intervision.panel.auth.platform.PlatformIdentity;
import nl.intervision.panel.domain.Command;
import nl.intervision.panel.domain.Envelope;
import nl.intervision.panel.domain.Language;
import nl.intervision.panel.domain.Limits;
import nl.intervision.panel.domain.MeetingState;
import nl.intervision.panel.domain.Role;
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
public final class PlatformSignIn {
  private final MeetingEntry entry;
  private final Rooms rooms;
  private final PlatformLinks links;

  public PlatformSignIn(MeetingEntry entry, Rooms rooms, PlatformLinks links) {
    this.entry = entry;
    this.rooms = rooms;
    this.links = links;
  }

  public Future<Seat> enter(PlatformIdentity who, String title) {
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

  private Future<Seat> start(PlatformIdentity who, String title, String previous) {
    MeetingEntry.Opening opening = new MeetingEntry.Opening(titleFor(who, title), nameOf(who), Language.NL,
        entry.method(null).orElseThrow());
    return entry.start(opening).compose(started -> {
      Seat chair = started.chair();
      String meetingId = chair.meetingId();
      return (previous == null
          ? links.linkMeeting(who.platform(), who.meeting(), meetingId)
          : links.relinkMeeting(who.platform(), who.meeting(), previous, meetingId))
          .compose(winner -> {
            if (!winner.equals(meetingId)) {
              // Someone else started it in the same instant: theirs counts, ours is left to retention.
              return rooms.get(winner).compose(other -> join(who, other));
            }
            return links.linkPerson(meetingId, who.user(), new Person(chair.participantId(), who.organiser()))
                .compose(person -> person.participantId().equals(chair.participantId())
                    ? Future.succeededFuture(chair)
                    : entry.seatAgain(meetingId, person.participantId()));
          });
    });
  }

  private Future<Seat> join(PlatformIdentity who, Room room) {
    String meetingId = room.meetingId();
    return links.person(meetingId, who.user()).compose(known -> {
      if (known != null && room.state().participant(known.participantId()).isPresent()) {
        return takeChairIfOrganiser(who, room, known.participantId());
      }
      // The platform tells people apart by their account, not their name: two of one name are two people.
      return entry.admit(meetingId, new MeetingEntry.Newcomer(nameOf(who), Role.PARTICIPANT, true))
          .compose(seat -> links.linkPerson(meetingId, who.user(), new Person(seat.participantId(), who.organiser())))
          .compose(person -> takeChairIfOrganiser(who, room, person.participantId()));
    }).andThen(done -> release(room));
  }

  private Future<Seat> takeChairIfOrganiser(PlatformIdentity who, Room room, String participantId) {
    Future<Void> claimed = Future.succeededFuture();
    if (who.organiser() && !participantId.equals(room.state().chairId())) {
      claimed = links.organisers(room.meetingId()).compose(organisers -> organisers.contains(room.state().chairId())
          ? Future.succeededFuture()
          : room.submit(Envelope.SERVER, null, new Command.OrganiserArrived(participantId)).mapEmpty());
    }
    return claimed.compose(v -> entry.seatAgain(room.meetingId(), participantId));
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
