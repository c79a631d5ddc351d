package nl.intervision.panel.transport.ops;


import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.concurrent.TimeUnit;
import nl.intervision.panel.support.Api;
import nl.intervision.panel.support.LiveServer;
import nl.intervision.panel.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GET /ready tells a load balancer whether a node can serve meetings: yes while its database answers,
 * no (503, quickly) once it does not. Each test breaks a database of its own, never the shared server.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class ReadinessTest {
  LiveServer server;
  NetServer silent;
  TestDatabase database;

  @AfterEach
  void dropDatabase() throws Exception {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void aNodeThatKeepsMeetingsInMemoryIsReady(Vertx vertx, VertxTestContext ctx) {
    LiveServer.start(vertx, LiveServer.CONFIG)
        .compose(started -> (server = started).api.get("/ready"))
        .map(ready -> ctx.verify(() -> {
          assertThat(ready.status()).isEqualTo(200);
          assertThat(ready.json().getString("status")).isEqualTo("ready");
        }))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void readyWhileItsDatabaseAnswersAndUnavailableOnceTheDatabaseIsGone(Vertx vertx, VertxTestContext ctx) {
    database = new TestDatabase();
    LiveServer.start(vertx, LiveServer.config("DATABASE_URL", database.url()))
        .compose(started -> (server = started).api.createMeeting("Before"))
        .compose(meeting -> server.api.get("/ready"))
        .compose(ready -> {
          ctx.verify(() -> assertThat(ready.status()).isEqualTo(200));
          // DROP ... WITH (FORCE) ends the connections to this database only: the node loses its store.
          return vertx.executeBlocking(() -> {
            database.close();
            return null;
          });
        })
        .compose(dropped -> server.api.get("/ready"))
        .compose(unready -> {
          ctx.verify(() -> {
            assertThat(unready.status()).isEqualTo(503);
            assertThat(unready.json().getString("status")).isEqualTo("unavailable");
          });
          return server.api.get("/health");
        })
        .map(health -> ctx.verify(() -> assertThat(health.status()).as("the process still lives").isEqualTo(200)))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void aDatabaseThatHangsMakesReadyFailWithinItsDeadline(Vertx vertx, VertxTestContext ctx) {
    // A loopback listener that accepts connections and never says a word: a database that hangs.
    vertx.createNetServer().connectHandler(socket -> { }).listen(0, "127.0.0.1")
        .compose(listening -> {
          silent = listening;
          String url = "postgresql://postgres@127.0.0.1:" + listening.actualPort() + "/hung";
          return LiveServer.start(vertx, LiveServer.config("DATABASE_URL", url));
        })
        .compose(started -> {
          server = started;
          long asked = System.nanoTime();
          return started.api.get("/ready").map(r -> new Timed(r, (System.nanoTime() - asked) / 1_000_000));
        })
        .map(answer -> ctx.verify(() -> {
          assertThat(answer.response().status()).isEqualTo(503);
          assertThat(answer.response().json().getString("status")).isEqualTo("unavailable");
          assertThat(answer.ms()).isBetween(Readiness.TIMEOUT_MS - 50, Readiness.TIMEOUT_MS + 2_000);
        }))
        .onComplete(ctx.succeedingThenComplete());
  }

  record Timed(Api.Response response, long ms) {}
}
