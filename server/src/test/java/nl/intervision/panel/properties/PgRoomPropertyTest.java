package nl.intervision.panel.properties;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.UUID;
import nl.intervision.panel.domain.Method;
import nl.intervision.panel.room.Rooms;
import nl.intervision.panel.store.PgEventLog;
import nl.intervision.panel.support.TestDatabase;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The room properties once more on PostgreSQL: what the room acked is committed, once, in seq
 * order, and reads back to the same meeting. Fewer tries: every stored batch is a commit.
 */
class PgRoomPropertyTest {
  static TestDatabase database;
  static Vertx vertx;
  static Context context;
  static RoomRun.Loop loop;
  static PgEventLog log;
  static Rooms rooms;

  @BeforeContainer
  static void open() {
    database = new TestDatabase();
    vertx = Vertx.vertx();
    // The log and the rooms belong to one event loop, as in the server.
    context = vertx.getOrCreateContext();
    loop = RoomRun.Loop.on(context);
    log = loop.run(() -> Future.succeededFuture(new PgEventLog(vertx, database.options(), 4)));
    rooms = loop.run(() -> Future.succeededFuture(RoomRun.rooms(log)));
  }

  @AfterContainer
  static void close() throws Exception {
    try {
      if (log != null) {
        loop.run(log::close);
      }
      if (vertx != null) {
        vertx.close().toCompletionStage().toCompletableFuture().get();
      }
    } finally {
      database.close();
    }
  }

  @Property(tries = 20, edgeCases = EdgeCasesMode.NONE)
  void everyBatchTakesTheNextSeqIsCommittedOnceAndReadsBackToTheRoom(
      @ForAll("method") Method method, @ForAll("steps") List<Step> steps) {
    RoomRun run = new RoomRun(loop, rooms, log, "m-" + UUID.randomUUID());
    run.start(method);
    for (int i = 0; i < steps.size(); i++) {
      run.take(i, steps.get(i));
    }
    run.checkLog();
    RoomRun.checkCoverage();
  }

  @Provide
  Arbitrary<Method> method() {
    return Step.method(RoomRun.CATALOGUE);
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    return Step.steps(60);
  }
}
