package nl.intervision.panel.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.intervision.panel.domain.Event;
import nl.intervision.panel.domain.Recorded;
import nl.intervision.panel.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class PgEventLogTest {
  static TestDatabase database;

  PgEventLog log;
  Context context;

  @BeforeAll
  static void createDatabase() {
    database = new TestDatabase();
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    database.close();
  }

  @BeforeEach
  void open(Vertx vertx, VertxTestContext ctx) {
    // The log's queue belongs to one event loop, as it does in the server.
    context = vertx.getOrCreateContext();
    context.runOnContext(v -> {
      log = new PgEventLog(vertx, database.options(), 4);
      ctx.completeNow();
    });
  }

  @AfterEach
  void close(VertxTestContext ctx) {
    context.runOnContext(v -> log.close().onComplete(ctx.succeedingThenComplete()));
  }

  static Recorded batch(long seq, String text) {
    return new Recorded(seq, "p-anna", "cmd-" + seq, 1_795_000_000_123L + seq,
        List.of(new Event.CardDeleted(text), new Event.MeetingEnded(seq, null)));
  }

  static String meeting() {
    return "m-" + java.util.UUID.randomUUID();
  }

  @Test
  void whatIsAppendedIsReadBackByteForByteInOrder(VertxTestContext ctx) {
    String meeting = meeting();
    String tricky = "Robert'); DROP TABLE meeting_event; -- \"quotes\" \\ back\u0000slash? no: ünïcödé ✓ \uD83D\uDE00";
    String text = tricky.replace("\u0000", "");
    context.runOnContext(v -> log.append(meeting, batch(1, text))
        .compose(x -> log.append(meeting, batch(2, "second")))
        .compose(x -> log.read(meeting, 0, 100))
        .map(read -> ctx.verify(() -> assertThat(read).containsExactly(batch(1, text), batch(2, "second"))))
        .compose(x -> log.read(meeting, 1, 100))
        .map(read -> ctx.verify(() -> assertThat(read).containsExactly(batch(2, "second"))))
        .compose(x -> log.read("m-unknown", 0, 100))
        .map(read -> ctx.verify(() -> assertThat(read).isEmpty()))
        .onComplete(ctx.succeedingThenComplete()));
  }

  @Test
  void aSecondWriterOfTheSameSeqLosesAndTheFirstStays(VertxTestContext ctx) {
    String meeting = meeting();
    context.runOnContext(v -> log.append(meeting, batch(1, "first"))
        .compose(x -> log.append(meeting, batch(1, "second")).transform(second -> {
          ctx.verify(() -> assertThat(second.cause()).isInstanceOf(ConcurrentAppend.class));
          return log.read(meeting, 0, 10);
        }))
        .map(read -> ctx.verify(() -> assertThat(read).containsExactly(batch(1, "first"))))
        .onComplete(ctx.succeedingThenComplete()));
  }

  @Test
  void manyMeetingsAppendingAtOnceShareCommitsAndOneConflictHurtsNoOtherMeeting(VertxTestContext ctx) {
    String taken = meeting();
    int meetings = 300;
    context.runOnContext(v -> log.append(taken, batch(1, "already there")).compose(x -> {
      List<Future<Void>> appends = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < meetings; i++) {
        String id = meeting();
        ids.add(id);
        appends.add(log.append(id, batch(1, "card " + i)));
        if (i == meetings / 2) {
          appends.add(log.append(taken, batch(1, "too late")));
        }
      }
      return Future.join(appends).transform(all -> {
        ctx.verify(() -> {
          long failed = appends.stream().filter(Future::failed).count();
          assertThat(failed).isEqualTo(1);
          assertThat(appends.get(meetings / 2 + 1).cause()).isInstanceOf(ConcurrentAppend.class);
        });
        return Future.all(ids.stream().map(id -> log.read(id, 0, 10)).toList());
      });
    }).map(reads -> ctx.verify(() -> {
      for (int i = 0; i < meetings; i++) {
        List<Recorded> read = reads.resultAt(i);
        assertThat(read).containsExactly(batch(1, "card " + i));
      }
    })).onComplete(ctx.succeedingThenComplete()));
  }

  @Test
  void meetingsPastTheRetentionPeriodAreErasedAndRecentOnesStay(VertxTestContext ctx) {
    String old = meeting();
    String recent = meeting();
    long now = 1_795_000_000_000L;
    long month = 31L * 24 * 3600 * 1000;
    Recorded longAgo = new Recorded(1, "p-anna", null, now - 2 * month, List.of(new Event.MeetingEnded(1, null)));
    Recorded monthsAgo = new Recorded(1, "p-anna", null, now - 2 * month, List.of(new Event.CardDeleted("x")));
    Recorded today = new Recorded(2, "p-anna", null, now, List.of(new Event.CardDeleted("y")));
    context.runOnContext(v -> log.append(old, longAgo)
        .compose(x -> log.append(recent, monthsAgo))
        .compose(x -> log.append(recent, today))
        .compose(x -> log.eraseIdleSince(now - month))
        .compose(erased -> {
          ctx.verify(() -> assertThat(erased).isGreaterThanOrEqualTo(1));
          return log.read(old, 0, 10).compose(gone -> log.read(recent, 0, 10).map(kept -> {
            ctx.verify(() -> {
              assertThat(gone).isEmpty();
              assertThat(kept).hasSize(2);
            });
            return null;
          }));
        })
        .onComplete(ctx.succeedingThenComplete()));
  }

  @Test
  void erasingNowKeepsOnlyTheEndAsAMarker(VertxTestContext ctx) {
    String meeting = meeting();
    context.runOnContext(v -> log.append(meeting, batch(1, "secret one"))
        .compose(x -> log.append(meeting, batch(2, "secret two")))
        .compose(x -> log.append(meeting, batch(3, "the end")))
        .compose(x -> log.erase(meeting))
        .compose(x -> log.read(meeting, 0, 10))
        .map(left -> ctx.verify(() -> assertThat(left).containsExactly(batch(3, "the end"))))
        .onComplete(ctx.succeedingThenComplete()));
  }

  @Test
  void anotherNodeHearsAboutAnAppendWithTheBatchItself(Vertx vertx, VertxTestContext ctx) {
    heardOnAnotherNode(vertx, ctx, batch(1, "signal with \"quotes\", ünïcode and a space"), true);
  }

  /** PostgreSQL refuses a notice of 8,000 bytes (and every other notice sent with it): this one says only the seq. */
  @Test
  void aBatchTooLargeForANoticeIsAnnouncedWithoutItAndReadInstead(Vertx vertx, VertxTestContext ctx) {
    heardOnAnotherNode(vertx, ctx, batch(1, "é".repeat(4_000)), false);
  }

  /**
   * Batches of one meeting committed in quick succession, while a notice is on its way: each gets a
   * notice of its own, in order, so the other node reads nothing (notices merged into the newest made
   * it read the ones skipped).
   */
  @Test
  void batchesCommittedInQuickSuccessionEachReachAnotherNodeWithTheirNotice(Vertx vertx, VertxTestContext ctx) {
    String meeting = meeting();
    Checkpoint heard = ctx.checkpoint();
    List<Recorded> received = new ArrayList<>();
    List<Recorded> appended = List.of(batch(1, "one"), batch(2, "two"), batch(3, "three"));
    vertx.getOrCreateContext().runOnContext(v -> {
      PgEventLog otherNode = new PgEventLog(vertx, database.options(), 2);
      otherNode.onAppendedElsewhere((id, seq, batch) -> {
        if (id == null) {
          context.runOnContext(x -> log.append(meeting, appended.get(0))
              .compose(y -> log.append(meeting, appended.get(1)))
              .compose(y -> log.append(meeting, appended.get(2)))
              .onFailure(ctx::failNow));
        } else if (meeting.equals(id)) {
          received.add(batch);
          if (seq == 3) {
            ctx.verify(() -> assertThat(received).isEqualTo(appended));
            otherNode.close();
            heard.flag();
          }
        }
      });
    });
  }

  private void heardOnAnotherNode(Vertx vertx, VertxTestContext ctx, Recorded appended, boolean carried) {
    String meeting = meeting();
    Checkpoint heard = ctx.checkpoint();
    Context other = vertx.getOrCreateContext();
    other.runOnContext(v -> {
      PgEventLog otherNode = new PgEventLog(vertx, database.options(), 2);
      otherNode.onAppendedElsewhere((id, seq, batch) -> {
        if (id == null) {
          // Listening now: from here on no append can go unnoticed.
          context.runOnContext(x -> log.append(meeting, appended).onFailure(ctx::failNow));
        } else if (meeting.equals(id) && seq == 1) {
          ctx.verify(() -> assertThat(batch).isEqualTo(carried ? appended : null));
          otherNode.close();
          heard.flag();
        }
      });
    });
  }
}
