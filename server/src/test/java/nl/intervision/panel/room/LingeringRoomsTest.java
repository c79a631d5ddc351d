package nl.intervision.panel.room;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import nl.intervision.panel.domain.Command;
import nl.intervision.panel.domain.Language;
import nl.intervision.panel.domain.MeetingState;
import nl.intervision.panel.domain.Recorded;
import nl.intervision.panel.domain.Touched;
import nl.intervision.panel.domain.Role;
import nl.intervision.panel.protocol.CatalogueJson;
import nl.intervision.panel.store.InMemoryEventLog;
import org.junit.jupiter.api.Test;

/**
 * When everyone in a meeting drops off at once (a proxy restarting, a Wi-Fi blip), the meeting stays
 * loaded for a while, so that everyone comes back to it without a reload; and it is never handed out
 * stale. The in-memory log completes at once, so each step here is finished when it returns.
 */
class LingeringRoomsTest {
  static final long LINGER_MS = 30_000;
  static final String MEETING = "m-linger";
  static final String CHAIR = "p-chair";
  static final String CODE = "ABCD-EFGH";

  final InMemoryEventLog log = new InMemoryEventLog();
  final ManualTimers timers = new ManualTimers();
  final Rooms node = rooms(timers);

  @Test
  void aMeetingEveryoneLeftStaysLoadedForTheLingerTimeThenGoes() {
    Room room = startedMeeting(node);
    Recorder chair = admit(room);
    room.leave(chair);
    assertThat(node.size()).as("just after the last one left").isEqualTo(1);

    timers.runAll();
    assertThat(node.size()).as("after the linger time").isZero();
  }

  @Test
  void whoComesBackInTimeFindsTheSameMeetingAndItsRecentChanges() {
    Room room = startedMeeting(node);
    Recorder chair = admit(room);
    long seenByChair = room.seq();
    room.leave(chair);
    submit(room, "p-anna", new Command.JoinMeeting(CODE, "Anna", Role.PARTICIPANT));

    Room again = await(node.get(MEETING));
    assertThat(again).as("not reloaded").isSameAs(room);
    Recorder back = new Recorder(CHAIR);
    await(again.admit(back, seenByChair));
    assertThat(back.welcome.missed()).extracting(Recorded::seq).containsExactly(seenByChair + 1);

    timers.runAll();
    assertThat(node.size()).as("the linger timer does not drop a meeting someone is in").isEqualTo(1);
  }

  @Test
  void aLingeringMeetingIsBroughtUpToDateWithWhatAnotherNodeWroteBeforeItIsHandedOut() {
    Room here = startedMeeting(node);
    here.leave(admit(here));
    // The other node's notice of these has not arrived (or was lost): only the log knows.
    Rooms otherNode = rooms(new ManualTimers());
    Room there = await(otherNode.get(MEETING));
    submit(there, "p-anna", new Command.JoinMeeting(CODE, "Anna", Role.PARTICIPANT));
    submit(there, CHAIR, new Command.AdvancePhase(0));

    Room again = await(node.get(MEETING));
    assertThat(again.seq()).isEqualTo(there.seq());
    assertThat(again.state()).isEqualTo(there.state());
    Recorder anna = new Recorder("p-anna");
    await(again.admit(anna, null));
    assertThat(anna.welcome.state().phaseIndex()).isEqualTo(1);
  }

  @Test
  void anEndedMeetingIsLetGoAtOnce() {
    Room room = startedMeeting(node);
    Recorder chair = admit(room);
    submit(room, CHAIR, new Command.EndMeeting(false));
    room.leave(chair);
    assertThat(node.size()).isZero();
  }

  @Test
  void withoutALingerTimeAnIdleMeetingGoesAtOnce() {
    Rooms noLinger = new Rooms(log, new AtomicLong(1_795_000_000_000L)::incrementAndGet, () -> "c-1", timers, 60_000, 0);
    Room room = noLinger.create(MEETING);
    submit(room, CHAIR, start());
    Recorder chair = admit(room);
    room.leave(chair);
    assertThat(noLinger.size()).isZero();
  }

  private Rooms rooms(ManualTimers scheduler) {
    AtomicLong clock = new AtomicLong(1_795_000_000_000L);
    AtomicLong ids = new AtomicLong();
    return new Rooms(log, () -> clock.addAndGet(1_000), () -> "c-" + ids.incrementAndGet(), scheduler, 60_000, LINGER_MS);
  }

  private Room startedMeeting(Rooms rooms) {
    Room room = rooms.create(MEETING);
    submit(room, CHAIR, start());
    return room;
  }

  private static Command start() {
    var catalogue = CatalogueJson.load();
    return new Command.StartMeeting("Team", "Chris", Language.EN, CODE, catalogue.agenda(catalogue.methods().get(0)));
  }

  private static Recorder admit(Room room) {
    Recorder member = new Recorder(CHAIR);
    await(room.admit(member, null));
    return member;
  }

  private static void submit(Room room, String actor, Command command) {
    await(room.submit(actor, null, command));
  }

  private static <T> T await(Future<T> future) {
    assertThat(future.isComplete()).as("the in-memory log answers at once").isTrue();
    if (future.failed()) {
      throw new AssertionError(future.cause());
    }
    return future.result();
  }

  /** Timers that run only when the test says so. */
  static final class ManualTimers implements Scheduler {
    private final Map<Long, Runnable> due = new LinkedHashMap<>();
    private long next;

    @Override
    public long after(long delayMs, Runnable task) {
      due.put(next, task);
      return next++;
    }

    @Override
    public void cancel(long id) {
      due.remove(id);
    }

    void runAll() {
      List<Runnable> now = new ArrayList<>(due.values());
      due.clear();
      now.forEach(Runnable::run);
    }
  }

  static final class Recorder implements Member {
    private final String participantId;
    Welcome welcome;
    final List<Recorded> delivered = new ArrayList<>();

    Recorder(String participantId) {
      this.participantId = participantId;
    }

    @Override
    public String participantId() {
      return participantId;
    }

    @Override
    public void welcome(Welcome welcome, Set<String> online) {
      this.welcome = welcome;
    }

    @Override
    public void deliver(Recorded batch, Touched touched, MeetingState after) {
      delivered.add(batch);
    }

    @Override
    public void meetingGone() {
    }

    @Override
    public void presence(MeetingState state, Set<String> online) {
    }
  }
}
