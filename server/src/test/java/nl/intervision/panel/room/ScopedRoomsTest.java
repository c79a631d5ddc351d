package nl.intervision.panel.room;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.util.concurrent.atomic.AtomicLong;
import nl.intervision.panel.domain.Command;
import nl.intervision.panel.domain.Language;
import nl.intervision.panel.protocol.CatalogueJson;
import nl.intervision.panel.store.InMemoryEventLog;
import org.junit.jupiter.api.Test;

/**
 * A room lent to a piece of work is let go when the work is done, however it ends, and not while
 * other work still has it. Without a linger time, so "let go" shows at once in the number of live
 * meetings; the in-memory log answers at once.
 */
class ScopedRoomsTest {
  static final String MEETING = "m-scoped";
  final Rooms rooms = new Rooms(new InMemoryEventLog(), new AtomicLong(1_795_000_000_000L)::incrementAndGet,
      () -> "c-1", new LingeringRoomsTest.ManualTimers(), 60_000, 0);

  @Test
  void aStartedMeetingIsLetGoOnceTheStartIsStored() {
    Future<Long> started = rooms.creating(MEETING, room -> room.submit("p-chair", null, start()));
    assertThat(started.succeeded()).isTrue();
    assertThat(rooms.size()).isZero();
  }

  @Test
  void workThatFailsOrThrowsLetsTheRoomGoToo() {
    rooms.creating(MEETING, room -> room.submit("p-chair", null, start()));

    Future<Object> failed = rooms.using(MEETING, room -> Future.failedFuture(new IllegalStateException("no")));
    assertThat(failed.failed()).isTrue();
    assertThat(rooms.size()).as("after a failed future").isZero();

    Future<Object> thrown = rooms.using(MEETING, room -> {
      throw new IllegalStateException("no");
    });
    assertThat(thrown.cause()).isInstanceOf(IllegalStateException.class);
    assertThat(rooms.size()).as("after a throw").isZero();
  }

  @Test
  void workInsideOtherWorkDoesNotLetTheRoomGoUnderTheOuterWork() {
    rooms.creating(MEETING, room -> room.submit("p-chair", null, start()));

    Future<Integer> liveInside = rooms.using(MEETING, outer -> rooms.using(MEETING, inner -> Future.succeededFuture())
        .map(v -> rooms.size()));
    assertThat(liveInside.result()).as("still loaded while the outer work runs").isEqualTo(1);
    assertThat(rooms.size()).as("let go after it").isZero();
  }

  @Test
  void anUnknownMeetingRunsNoWork() {
    Future<Object> missing = rooms.using("m-nothing", room -> {
      throw new AssertionError("ran");
    });
    assertThat(missing.cause()).isInstanceOf(MeetingNotFound.class);
  }

  private static Command start() {
    var catalogue = CatalogueJson.load();
    return new Command.StartMeeting("Team", "Chris", Language.EN, "ABCD-EFGH", catalogue.agenda(catalogue.methods().get(0)));
  }

  /**
   * Issue 15: the node that erases a meeting stores its erasing end and deletes the content after the ack.
   * A node loading the meeting in between must not serve it: the erasing end is enough.
   */
  @Test
  void aMeetingWhoseErasingEndIsStoredIsNotFoundEvenBeforeItsContentIsDeleted() {
    InMemoryEventLog log = new InMemoryEventLog();
    Rooms here = new Rooms(log, new AtomicLong(1_795_000_000_000L)::incrementAndGet, () -> "c-1",
        new LingeringRoomsTest.ManualTimers(), 60_000, 0);
    log.append(MEETING, new nl.intervision.panel.domain.Recorded(1, "p-chair", null, 1,
        nl.intervision.panel.domain.Meeting.decide(nl.intervision.panel.domain.MeetingState.NEW,
            new nl.intervision.panel.domain.Envelope("p-chair", 1, "x"), start())));
    log.append(MEETING, new nl.intervision.panel.domain.Recorded(2, "p-chair", "end", 2,
        java.util.List.of(new nl.intervision.panel.domain.Event.MeetingEnded(2, true))));

    Future<Object> loaded = here.using(MEETING, room -> Future.succeededFuture(room.state()));

    assertThat(loaded.cause()).isInstanceOf(MeetingNotFound.class);
    assertThat(here.size()).isZero();
  }
}
