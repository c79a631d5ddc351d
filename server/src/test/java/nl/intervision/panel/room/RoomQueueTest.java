package nl.intervision.panel.room;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import nl.intervision.panel.domain.Command;
import nl.intervision.panel.domain.Event;
import nl.intervision.panel.domain.Language;
import nl.intervision.panel.domain.Recorded;
import nl.intervision.panel.domain.Role;
import nl.intervision.panel.protocol.CatalogueJson;
import nl.intervision.panel.room.LingeringRoomsTest.ManualTimers;
import nl.intervision.panel.room.LingeringRoomsTest.Recorder;
import nl.intervision.panel.store.EventLog;
import nl.intervision.panel.store.InMemoryEventLog;
import org.junit.jupiter.api.Test;

/**
 * A room does one thing at a time, also when a step it runs asks for the next (someone's arrival
 * makes the server decide what their return changes). Found in CI: with PostgreSQL, a notice from
 * another node was read while the server's own command was being committed, and a member got that
 * batch twice.
 */
class RoomQueueTest {
  static final String MEETING = "m-queue";
  static final String CHAIR = "p-chair";
  static final String ANNA = "p-anna";
  static final String CODE = "ABCD-EFGH";

  final SlowCommits log = new SlowCommits();
  final ManualTimers timers = new ManualTimers();
  final AtomicLong clock = new AtomicLong(1_795_000_000_000L);
  final AtomicLong ids = new AtomicLong();
  final Rooms node = new Rooms(log, () -> clock.addAndGet(1_000), () -> "c-" + ids.incrementAndGet(), timers,
      60_000, 30_000);

  @Test
  void whatTheServerDecidesOnSomeonesReturnIsDeliveredOnceWhileOtherNodesAreHeardMeanwhile() {
    Room room = node.create(MEETING);
    landed(room.submit(CHAIR, null, start()));
    Recorder anna = new Recorder(ANNA);
    landed(room.submit(ANNA, null, new Command.JoinMeeting(CODE, "Anna", Role.PARTICIPANT)));
    landed(room.admit(anna, null));
    Recorder chair = new Recorder(CHAIR);
    landed(room.admit(chair, null));
    // The chair stays away past the takeover time and nobody is named backup: the chair opens to all.
    room.leave(chair);
    timers.runAll();
    assertThat(room.state().chairOpen()).isTrue();
    long before = room.seq();

    log.holdCommits();
    Future<Void> back = room.admit(new Recorder(CHAIR), null);
    // The chair's return is in the log but not yet confirmed, and a notice from another node comes in.
    Future<Void> heard = room.catchUp();
    log.confirmAll();
    landed(back);
    landed(heard);

    List<Long> seen = anna.delivered.stream().map(Recorded::seq).filter(seq -> seq > before).toList();
    assertThat(seen).as("seqs Anna got after the chair came back").containsExactly(before + 1);
    assertThat(anna.delivered.getLast().events()).anyMatch(e -> e instanceof Event.ChairReturned);
    assertThat(room.seq()).isEqualTo(before + 1);
  }

  /**
   * Another node's notice carries the batch it stored (PgSignals): the next one in line is applied as it
   * came, without reading the log; one that comes after a gap (a notice lost or merged) is read instead.
   */
  @Test
  void aBatchHeardFromAnotherNodeIsAppliedWithoutAReadAndAGapIsFilledFromTheLog() {
    Room here = node.create(MEETING);
    landed(here.submit(CHAIR, null, start()));
    Rooms otherNode = new Rooms(log, () -> clock.addAndGet(1_000), () -> "c-" + ids.incrementAndGet(), timers,
        60_000, 30_000);
    Future<Room> loaded = otherNode.get(MEETING);
    landed(loaded);
    Room there = loaded.result();
    Recorder chairThere = new Recorder(CHAIR);
    landed(there.admit(chairThere, null));

    landed(here.submit(ANNA, null, new Command.JoinMeeting(CODE, "Anna", Role.PARTICIPANT)));
    landed(here.submit(CHAIR, null, new Command.AdvancePhase(0)));
    List<Recorded> written = stored(1);
    int readsBefore = log.reads;
    landed(there.heard(written.get(1)));
    assertThat(log.reads).as("a gap: the log is read").isEqualTo(readsBefore + 1);
    assertThat(chairThere.delivered).extracting(Recorded::seq).containsExactly(2L, 3L);

    landed(here.submit(CHAIR, null, new Command.AdvancePhase(1)));
    Recorded next = stored(3).get(0);
    landed(there.heard(next));
    assertThat(log.reads).as("the next in line: no read").isEqualTo(readsBefore + 1);
    assertThat(chairThere.delivered).extracting(Recorded::seq).containsExactly(2L, 3L, 4L);
    assertThat(there.state()).isEqualTo(here.state());

    landed(there.heard(next));
    assertThat(chairThere.delivered).as("heard twice, applied once").hasSize(3);
  }

  private List<Recorded> stored(long after) {
    Future<List<Recorded>> read = log.read(MEETING, after, 100);
    log.reads--;
    landed(read);
    return read.result();
  }

  private static Command start() {
    var catalogue = CatalogueJson.load();
    return new Command.StartMeeting("Team", "Chris", Language.EN, CODE, catalogue.agenda(catalogue.methods().get(0)));
  }

  private static <T> void landed(Future<T> future) {
    assertThat(future.isComplete()).as("finished").isTrue();
    if (future.failed()) {
      throw new AssertionError(future.cause());
    }
  }

  /**
   * As PostgreSQL can be: a batch is readable as soon as it is written, while the writer's
   * confirmation is still on its way.
   */
  static final class SlowCommits implements EventLog {
    private final InMemoryEventLog stored = new InMemoryEventLog();
    private final List<Promise<Void>> unconfirmed = new ArrayList<>();
    private boolean holding;
    int reads;

    void holdCommits() {
      holding = true;
    }

    void confirmAll() {
      holding = false;
      List<Promise<Void>> now = List.copyOf(unconfirmed);
      unconfirmed.clear();
      now.forEach(Promise::complete);
    }

    @Override
    public Future<Void> append(String meetingId, Recorded batch) {
      Future<Void> written = stored.append(meetingId, batch);
      if (!holding || written.failed()) {
        return written;
      }
      Promise<Void> confirmation = Promise.promise();
      unconfirmed.add(confirmation);
      return confirmation.future();
    }

    @Override
    public Future<List<Recorded>> read(String meetingId, long afterSeq, int limit) {
      reads++;
      return stored.read(meetingId, afterSeq, limit);
    }

    @Override
    public Future<Void> erase(String meetingId) {
      return stored.erase(meetingId);
    }

    @Override
    public Future<Integer> eraseIdleSince(long cutoffMs) {
      return stored.eraseIdleSince(cutoffMs);
    }

    @Override
    public Future<Void> ping() {
      return stored.ping();
    }

    @Override
    public Future<Void> close() {
      return stored.close();
    }
  }
}
