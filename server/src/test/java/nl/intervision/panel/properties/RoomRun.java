package nl.intervision.panel.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import nl.intervision.panel.domain.Catalogue;
import nl.intervision.panel.domain.Command;
import nl.intervision.panel.domain.Envelope;
import nl.intervision.panel.domain.Event;
import nl.intervision.panel.domain.Language;
import nl.intervision.panel.domain.Meeting;
import nl.intervision.panel.domain.MeetingState;
import nl.intervision.panel.domain.Method;
import nl.intervision.panel.domain.Participant;
import nl.intervision.panel.domain.Recorded;
import nl.intervision.panel.domain.Rejected;
import nl.intervision.panel.protocol.CatalogueJson;
import nl.intervision.panel.protocol.StateJson;
import nl.intervision.panel.protocol.Wire;
import nl.intervision.panel.room.Room;
import nl.intervision.panel.room.Rooms;
import nl.intervision.panel.room.Scheduler;
import nl.intervision.panel.store.EventLog;
import nl.intervision.panel.support.Inputs;
import net.jqwik.api.statistics.Statistics;

/**
 * Random steps against a real {@link Room} on a real {@link EventLog}, each awaited before the
 * next, checking what a member and an operator rely on: every stored batch takes the next seq,
 * a refused command changes nothing, a command re-sent under its id is stored once and acked
 * with its first seq, and the log read back replays to the room's state.
 */
final class RoomRun {
  static final Catalogue CATALOGUE = CatalogueJson.load();

  /** Where room work runs: at once for the in-memory log, on its event loop for PostgreSQL. */
  interface Loop {
    <T> T run(Supplier<Future<T>> work);

    static Loop direct() {
      return new Loop() {
        @Override
        public <T> T run(Supplier<Future<T>> work) {
          return await(work.get().toCompletionStage().toCompletableFuture());
        }
      };
    }

    static Loop on(Context context) {
      return new Loop() {
        @Override
        public <T> T run(Supplier<Future<T>> work) {
          CompletableFuture<T> done = new CompletableFuture<>();
          context.runOnContext(v -> {
            try {
              work.get().onComplete(done::complete, done::completeExceptionally);
            } catch (RuntimeException e) {
              done.completeExceptionally(e);
            }
          });
          return await(done);
        }
      };
    }

    private static <T> T await(CompletableFuture<T> future) {
      try {
        return future.get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** No member ever connects here, so the room never needs a timer (chair takeover) that would fire. */
  static final Scheduler NO_TIMERS = new Scheduler() {
    private long next;

    @Override
    public long after(long delayMs, Runnable task) {
      return next++;
    }

    @Override
    public void cancel(long id) {
    }
  };

  static Rooms rooms(EventLog log) {
    AtomicLong clock = new AtomicLong(1_795_000_000_000L);
    AtomicLong ids = new AtomicLong();
    return new Rooms(log, () -> clock.addAndGet(1_000), () -> "c-" + ids.incrementAndGet(), NO_TIMERS, 60_000, 0);
  }

  /** A command as it was sent: who, under which id, what. */
  record Sent(String actor, String commandId, Command command) {
    String key() {
      return commandId == null ? null : actor + ' ' + commandId;
    }

    @Override
    public String toString() {
      return actor + " sends " + (commandId == null ? "" : commandId + ": ") + Inputs.visible(command.toString());
    }
  }

  /** The room before and after one submit, and how the submit ended. */
  record Outcome(long seqBefore, MeetingState before, Long seq, Throwable failure, long seqAfter, MeetingState after) {}

  private final Loop loop;
  private final EventLog log;
  private final String meetingId;
  private final Room room;
  private final List<Sent> sent = new ArrayList<>();
  private final Map<String, Long> stored = new HashMap<>();

  RoomRun(Loop loop, Rooms rooms, EventLog log, String meetingId) {
    this.loop = loop;
    this.log = log;
    this.meetingId = meetingId;
    this.room = loop.run(() -> Future.succeededFuture(rooms.create(meetingId)));
  }

  /** The meeting as the REST API makes it: started by the chair, then the members join. */
  void start(Method method) {
    landed(new Sent(Step.CHAIR, null,
        new Command.StartMeeting("Team", "Chris", Language.EN, Step.JOIN_CODE, CATALOGUE.agenda(method))));
    for (Participant p : Step.MEMBERS) {
      landed(new Sent(p.id(), null, new Command.JoinMeeting(Step.JOIN_CODE, p.name(), p.role())));
    }
  }

  private void landed(Sent command) {
    Outcome outcome = submit(command);
    assertThat(outcome.failure()).as("%s", command).isNull();
    assertThat(outcome.seq()).isEqualTo(outcome.seqBefore() + 1);
  }

  void take(int index, Step step) {
    Sent command;
    if (step.again() >= 0 && !sent.isEmpty()) {
      command = sent.get(step.again() % sent.size());
    } else {
      MeetingState now = room.state();
      String actor = step.actor(now, "p-new-" + index);
      // Members send with an id of their choosing; the server's own commands carry none.
      String id = Envelope.SERVER.equals(actor) ? null : "k-" + index;
      command = new Sent(actor, id, step.command(now, CATALOGUE, false));
      sent.add(command);
    }
    try {
      check(command, submit(command));
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError("step " + index + ", " + command + ": " + Inputs.visible(String.valueOf(e.getMessage())), e);
    }
  }

  private Outcome submit(Sent command) {
    return loop.run(() -> {
      long seqBefore = room.seq();
      MeetingState before = room.state();
      return room.submit(command.actor(), command.commandId(), command.command()).transform(done -> Future.succeededFuture(
          new Outcome(seqBefore, before, done.succeeded() ? done.result() : null, done.cause(), room.seq(), room.state())));
    });
  }

  private void check(Sent command, Outcome o) {
    Long earlier = command.key() == null ? null : stored.get(command.key());
    if (o.failure() != null) {
      assertThat(o.failure()).as("the only failure is a refusal").isInstanceOf(Rejected.class);
      assertThat(earlier).as("a command stored before is acked again, never refused").isNull();
      assertThat(o.seqAfter()).as("seq after a refusal").isEqualTo(o.seqBefore());
      assertThat(o.after()).as("state after a refusal").isEqualTo(o.before());
      Statistics.label("submits").collect("refused");
      return;
    }
    if (earlier != null) {
      assertThat(o.seq()).as("a re-sent command is acked with its first seq").isEqualTo(earlier);
      assertThat(o.seqAfter()).as("and not stored again").isEqualTo(o.seqBefore());
      assertThat(o.after()).isEqualTo(o.before());
      Statistics.label("submits").collect("re-sent after it was stored");
    } else if (o.seq() == o.seqBefore()) {
      assertThat(o.seqAfter()).as("a command that changes nothing stores nothing").isEqualTo(o.seqBefore());
      assertThat(o.after()).isEqualTo(o.before());
      Statistics.label("submits").collect("changed nothing");
    } else {
      assertThat(o.seq()).as("a stored batch takes the next seq").isEqualTo(o.seqBefore() + 1).isEqualTo(o.seqAfter());
      if (command.key() != null) {
        stored.put(command.key(), o.seq());
      }
      Statistics.label("submits").collect("stored");
    }
  }

  /** The log, read back as another node would, holds each batch once, in seq order, and replays to the room's state. */
  List<Recorded> checkLog() {
    List<Recorded> batches = loop.run(() -> log.read(meetingId, 0, EventLog.PAGE));
    assertThat(batches).extracting(Recorded::seq).as("seqs in the log")
        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, room.seq()).boxed().toList());
    List<Event> events = new ArrayList<>();
    Map<String, Long> keys = new HashMap<>();
    for (Recorded batch : batches) {
      events.addAll(batch.events());
      assertThat(batch.events()).as("a stored batch has events").isNotEmpty();
      if (batch.commandId() != null) {
        Long twice = keys.put(batch.actorId() + ' ' + batch.commandId(), batch.seq());
        assertThat(twice).as("command %s of %s stored twice", batch.commandId(), batch.actorId()).isNull();
      }
    }
    assertThat(keys).as("the acked command ids are the stored ones").isEqualTo(stored);
    assertThat(events).as("the events in the log").isNotEmpty();
    // As a node that loads the meeting reads it: the stored text, decoded and replayed into a fresh state.
    // The in-memory log holds the room's own objects, so replaying those alone would prove nothing.
    List<Event> reread = new ArrayList<>();
    for (Recorded batch : batches) {
      reread.addAll(Wire.events(new JsonArray(Wire.events(batch.events()).encode())));
    }
    MeetingState replayed = Meeting.replay(MeetingState.NEW, reread);
    assertThat(replayed).as("the log, stored as text and read back, replayed").isEqualTo(room.state());
    assertThat(StateJson.encode(replayed, Set.of()).encode()).as("and as the members are sent it")
        .isEqualTo(StateJson.encode(room.state(), Set.of()).encode());
    return batches;
  }

  MeetingState state() {
    return room.state();
  }

  /** Work on the room itself (admitting a member, say), on the room's loop, awaited. */
  <T> T onRoom(java.util.function.Function<Room, Future<T>> work) {
    return loop.run(() -> work.apply(room));
  }

  /** The runs must store batches, refuse some commands and see stored commands sent again. */
  static void checkCoverage() {
    Statistics.label("submits").coverage(coverage -> {
      coverage.check("stored").count(n -> n > 0);
      coverage.check("refused").count(n -> n > 0);
      coverage.check("re-sent after it was stored").count(n -> n > 0);
    });
  }
}
