package nl.intervision.panel.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import nl.intervision.panel.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The same sliding minute of wrong codes from PostgreSQL and from memory. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class WrongCodesStoreTest {
  static TestDatabase database;

  @BeforeAll
  static void createDatabase() {
    database = new TestDatabase();
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    database.close();
  }

  /** A store, a way to let a minute pass for what it holds, and what closes it. */
  record Opened(WrongCodes store, Supplier<Future<Void>> aMinutePasses, Supplier<Future<Void>> close) {}

  interface Kind {
    Opened open(Vertx vertx);
  }

  static List<Kind> stores() {
    return List.of(
        vertx -> {
          AtomicLong clock = new AtomicLong(1_000_000);
          return new Opened(new InMemoryWrongCodes(clock::get), () -> {
            clock.addAndGet(WrongCodes.WINDOW.toMillis() + 1);
            return Future.succeededFuture();
          }, Future::succeededFuture);
        },
        vertx -> {
          PgEventLog log = new PgEventLog(vertx, database.options(), 2);
          Pool pool = Pools.create(vertx, database.options(), 1);
          // The database's own clock cannot be moved: the rows are made a minute older instead.
          return new Opened(log.wrongCodes(),
              () -> pool.query("UPDATE wrong_code SET at = at - interval '61 seconds'").execute().mapEmpty(),
              () -> pool.close().compose(v -> log.close()));
        });
  }

  static String meeting() {
    return UUID.randomUUID().toString();
  }

  static Future<Void> record(WrongCodes store, String key, int times) {
    Future<Void> chain = Future.succeededFuture();
    for (int i = 0; i < times; i++) {
      chain = chain.compose(v -> store.record(key));
    }
    return chain;
  }

  @ParameterizedTest
  @MethodSource("stores")
  void aMeetingWaitsOnceItHasHadItsLimitOfWrongCodesWithinAMinuteAndOthersDoNot(Kind kind, Vertx vertx,
      VertxTestContext ctx) {
    Opened opened = kind.open(vertx);
    WrongCodes store = opened.store();
    String attacked = meeting();
    String quiet = meeting();
    record(store, attacked, 3).compose(v -> store.record(quiet))
        .compose(v -> Future.all(store.secondsToWait(attacked, 3), store.secondsToWait(attacked, 4),
            store.secondsToWait(quiet, 3)))
        .map(waits -> ctx.verify(() -> {
          assertThat(waits.<Long>resultAt(0)).as("at its limit: until the oldest is a minute old").isBetween(1L, 60L);
          assertThat(waits.<Long>resultAt(1)).as("under a higher limit").isZero();
          assertThat(waits.<Long>resultAt(2)).as("another meeting").isZero();
        }))
        .eventually(() -> opened.close().get())
        .onComplete(ctx.succeedingThenComplete());
  }

  @ParameterizedTest
  @MethodSource("stores")
  void wrongCodesOlderThanAMinuteNoLongerCountAndTheSweepForgetsThem(Kind kind, Vertx vertx, VertxTestContext ctx) {
    Opened opened = kind.open(vertx);
    WrongCodes store = opened.store();
    String attacked = meeting();
    String unread = meeting();
    record(store, attacked, 3).compose(v -> record(store, unread, 2))
        .compose(v -> opened.aMinutePasses().get())
        .compose(v -> store.secondsToWait(attacked, 3))
        .compose(wait -> {
          ctx.verify(() -> assertThat(wait).as("a minute later").isZero());
          return store.forgetOld();
        })
        .compose(forgotten -> {
          // At least the meeting nobody asked about since (reading may forget what it passes over).
          ctx.verify(() -> assertThat(forgotten).as("forgotten by the sweep").isGreaterThanOrEqualTo(2));
          // Within the minute, one more still counts as one: the old ones are gone, not waiting to come back.
          return store.record(attacked).compose(v -> Future.all(store.secondsToWait(attacked, 1), store.secondsToWait(attacked, 2)));
        })
        .map(waits -> ctx.verify(() -> {
          assertThat(waits.<Long>resultAt(0)).isBetween(1L, 60L);
          assertThat(waits.<Long>resultAt(1)).isZero();
        }))
        .eventually(() -> opened.close().get())
        .onComplete(ctx.succeedingThenComplete());
  }
}
