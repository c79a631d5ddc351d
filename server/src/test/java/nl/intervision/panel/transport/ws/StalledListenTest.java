package nl.intervision.panel.transport.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.intervision.panel.Config;
import nl.intervision.panel.support.ServerNodes;
import nl.intervision.panel.support.Api;
import nl.intervision.panel.support.LiveServer;
import nl.intervision.panel.support.StallingProxy;
import nl.intervision.panel.support.TestDatabase;
import nl.intervision.panel.support.WsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two nodes on one database, where node B hears node A through a LISTEN connection that passes a
 * proxy the test controls. When that connection goes silent without closing (a NAT or load balancer
 * that forgot it), node B must notice by its heartbeat, connect anew and catch up: Anna, on node B,
 * gets every change the chair makes on node A, in order, soon.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class StalledListenTest {
  /** Heartbeat after 1 s, given up after 1 s more, a reconnect, a read: well inside this. */
  static final long CAUGHT_UP_WITHIN_MS = 8_000;
  static final int CHANGES = 5;

  static TestDatabase database;
  StallingProxy listenPath;
  ServerNodes nodes;
  WebSocketClient sockets;
  HttpClient http;
  Context testContext;

  @BeforeAll
  static void createDatabase() {
    database = new TestDatabase();
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    database.close();
  }

  @BeforeEach
  void startProxy(Vertx vertx) throws Exception {
    listenPath = new StallingProxy(InetAddress.getByName(database.options().getHost()), database.options().getPort());
    sockets = vertx.createWebSocketClient();
    http = vertx.createHttpClient();
    testContext = vertx.getOrCreateContext();
    nodes = new ServerNodes(vertx);
  }

  @AfterEach
  void stopNodes(VertxTestContext ctx) {
    // The proxy last: node B would take a closed path for a lost connection and try again while stopping.
    nodes.stopAll().onComplete(ctx.succeeding(v -> {
      try {
        listenPath.close();
      } catch (java.io.IOException e) {
        ctx.failNow(e);
      }
      ctx.completeNow();
    }));
  }

  @Test
  void aListenConnectionThatGoesSilentIsReplacedAndTheMeetingMissesNothing(VertxTestContext ctx) {
    twoNodes().compose(ports -> meetingOnBoth(ports).compose(people -> {
      // The path forgets the one connection it carries; new connections get through.
      listenPath.stallAll();
      listenPath.restore();
      Api metricsOfB = new Api(http, ports[1]);
      // Once at start, then again after the stall (more only if a heartbeat was slow on a busy machine).
      return chairChanges(people).compose(lastSeq -> annaSeesEverything(people, lastSeq, ctx))
          .compose(v -> listenConnects(metricsOfB, 2.0, System.currentTimeMillis() + CAUGHT_UP_WITHIN_MS));
    })).onComplete(ctx.succeedingThenComplete());
  }

  /** The reconnect after the stall meets a path that takes the connection and never answers: it is given up too. */
  @Test
  void aReconnectThatHangsIsGivenUpAndTriedAgain(VertxTestContext ctx) {
    twoNodes().compose(ports -> meetingOnBoth(ports).compose(people -> {
      int before = listenPath.arrived();
      listenPath.blackHole();
      return chairChanges(people)
          .compose(lastSeq -> until(() -> listenPath.arrived() > before, "node B tried to connect anew")
              .compose(v -> {
                listenPath.restore();
                return annaSeesEverything(people, lastSeq, ctx);
              }));
    })).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void aHeartbeatWithATimeoutOfZeroIsRefused() {
    assertThatThrownBy(() -> Config.forTests(Map.of("LISTEN_HEARTBEAT_TIMEOUT_SECONDS", "0")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LISTEN_HEARTBEAT_TIMEOUT_SECONDS");
    assertThat(Config.forTests(Map.of("LISTEN_HEARTBEAT_SECONDS", "0", "LISTEN_HEARTBEAT_TIMEOUT_SECONDS", "0"))
        .listenHeartbeatMs()).isZero();
    Config defaults = Config.forTests(Map.of("DATABASE_URL", database.url()));
    assertThat(defaults.listenHeartbeatMs()).isEqualTo(10_000);
    assertThat(defaults.listenHeartbeatTimeoutMs()).isEqualTo(5_000);
    assertThat(defaults.databaseListenUrl()).isEqualTo(database.url());
  }

  @Test
  void aListenUrlWithoutADatabaseIsRefused() {
    assertThatThrownBy(() -> Config.forTests(Map.of("DATABASE_LISTEN_URL", database.url())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DATABASE_LISTEN_URL needs DATABASE_URL");
  }

  /** Node A plain; node B with its pool straight to the database and its LISTEN connection through the proxy. */
  private Future<int[]> twoNodes() {
    String direct = database.url();
    String proxied = database.urlThrough("127.0.0.1", listenPath.port());
    return nodes.start(LiveServer.config("DATABASE_URL", direct)).compose(a -> nodes.start(LiveServer.config(
        "DATABASE_URL", direct, "DATABASE_LISTEN_URL", proxied,
        "LISTEN_HEARTBEAT_SECONDS", "1", "LISTEN_HEARTBEAT_TIMEOUT_SECONDS", "1")).map(b -> new int[] {a, b}));
  }


  record People(WsClient chair, WsClient anna) {}

  /**
   * The chair on node A, Anna on node B; a first card of the chair's reaches Anna, so node B
   * listens before anything goes wrong.
   */
  private Future<People> meetingOnBoth(int[] ports) {
    Api onA = new Api(http, ports[0]);
    Api onB = new Api(http, ports[1]);
    return onA.createMeeting("Stalled listen").compose(m -> onB.join(m, "Anna", null).compose(member ->
        connected(ports[0], m.chairToken()).compose(WsClient::toLearningQuestions).compose(chair ->
            connected(ports[1], member.token()).compose(anna -> chair.ask("first", addCard("before the stall"))
                .compose(ack -> anna.applied(ack.getLong("seq")))
                .map(seen -> new People(chair, anna))))));
  }

  /** @return the seq of the last change, acknowledged: stored for good */
  private Future<Long> chairChanges(People people) {
    for (int i = 0; i < CHANGES; i++) {
      people.chair().command("c-" + i, addCard("during the stall " + i));
    }
    return people.chair().reply("c-" + (CHANGES - 1)).compose(last -> {
      if (!"ack".equals(last.getString("type"))) {
        return Future.failedFuture("the chair's change was refused: " + last.encode());
      }
      return people.chair().applied(last.getLong("seq")).map(last.getLong("seq"));
    });
  }

  private Future<Void> annaSeesEverything(People people, long lastSeq, VertxTestContext ctx) {
    return people.anna().applied(lastSeq)
        .timeout(CAUGHT_UP_WITHIN_MS, TimeUnit.MILLISECONDS)
        .recover(e -> Future.failedFuture(new AssertionError(
            "Anna on node B did not get seq " + lastSeq + " within " + CAUGHT_UP_WITHIN_MS + " ms", e)))
        .map(x -> {
          ctx.verify(() -> {
            List<String> seenByChair = DurableMeetingTest.history(people.chair());
            List<String> seenByAnna = DurableMeetingTest.history(people.anna());
            // Anna came in after the chair's first changes; from there on she saw exactly what the chair saw.
            assertThat(seenByAnna).isNotEmpty();
            assertThat(seenByAnna).isEqualTo(seenByChair.subList(seenByChair.size() - seenByAnna.size(),
                seenByChair.size()));
            assertThat(people.anna().received("error")).isEmpty();
          });
          return null;
        });
  }

  /** Polls on the test's loop until the condition holds, for at most the catch-up bound. */
  private Future<Void> until(BooleanSupplier condition, String what) {
    Promise<Void> done = Promise.promise();
    long deadline = System.currentTimeMillis() + CAUGHT_UP_WITHIN_MS;
    Vertx vertx = testContext.owner();
    vertx.setPeriodic(20, id -> {
      if (condition.getAsBoolean()) {
        vertx.cancelTimer(id);
        done.tryComplete();
      } else if (System.currentTimeMillis() > deadline) {
        vertx.cancelTimer(id);
        done.tryFail(new AssertionError("not within " + CAUGHT_UP_WITHIN_MS + " ms: " + what));
      }
    });
    return done.future();
  }

  /** Reads node B's /metrics until its LISTEN connects reach {@code atLeast}, until the deadline. */
  private Future<Void> listenConnects(Api metrics, double atLeast, long deadline) {
    return metrics.get("/metrics").compose(read -> {
      Matcher connects = Pattern.compile("(?m)^panel_store_listen_connects_total (\\S+)$").matcher(read.body());
      if (!connects.find()) {
        return Future.failedFuture(new AssertionError("panel_store_listen_connects_total is not served"));
      }
      double seen = Double.parseDouble(connects.group(1));
      if (seen >= atLeast) {
        return Future.succeededFuture();
      }
      if (System.currentTimeMillis() > deadline) {
        return Future.failedFuture(new AssertionError("node B connected to LISTEN " + seen + " times, not " + atLeast));
      }
      Promise<Void> again = Promise.promise();
      testContext.owner().setTimer(50, t -> listenConnects(metrics, atLeast, deadline).onComplete(again));
      return again.future();
    });
  }

  private Future<WsClient> connected(int port, String token) {
    return WsClient.connect(sockets, port).compose(c -> c.hello(token).frame("welcome").map(c));
  }

  private static JsonObject addCard(String text) {
    return new JsonObject().put("type", "addCard").put("text", text);
  }
}
