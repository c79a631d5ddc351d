package nl.intervision.panel.transport.ws;

import nl.intervision.panel.Config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.intervision.panel.protocol.CloseCode;
import nl.intervision.panel.support.Api;
import nl.intervision.panel.support.LiveServer;
import nl.intervision.panel.support.SilentSocket;
import nl.intervision.panel.support.WsClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The server pings quiet sockets and closes those that do not answer, so presence tells the truth. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class LivenessTest {
  /** A ping after 1 s of silence, a close 1 s after an unanswered one: short, so the tests are. */
  static final Config CONFIG = Config.forTests(Map.of("PING_EVERY_SECONDS", "1", "PING_TIMEOUT_SECONDS", "1"));

  LiveServer server;
  Api api;
  NetClient tcp;

  @BeforeEach
  void startServer(Vertx vertx, VertxTestContext ctx) {
    tcp = vertx.createNetClient();
    LiveServer.start(vertx, CONFIG).onComplete(ctx.succeeding(started -> {
      server = started;
      api = started.api;
      ctx.completeNow();
    }));
  }

  @Test
  void aClientThatAnswersPingsStaysOpenPastSeveralIntervals(VertxTestContext ctx) {
    Checkpoint pinged = ctx.checkpoint(3);
    Checkpoint stillAnswered = ctx.checkpoint();
    AtomicInteger pings = new AtomicInteger();
    api.createMeeting("m").compose(m -> server.sockets.connect(
        new WebSocketConnectOptions().setHost("localhost").setPort(server.port).setURI("/ws")).map(socket -> {
          socket.closeHandler(v -> {
            if (pings.get() < 3) {
              ctx.failNow("closed with " + socket.closeStatusCode() + " after " + pings.get() + " pings");
            }
          });
          socket.textMessageHandler(text -> {
            if ("pong".equals(new JsonObject(text).getString("type"))) {
              stillAnswered.flag();
            }
          });
          // Vert.x answers every ping with a pong by itself, as browsers do; the test only counts them.
          socket.frameHandler(frame -> {
            if (frame.type() == WebSocketFrameType.PING) {
              pinged.flag();
              if (pings.incrementAndGet() == 3) {
                // Three intervals of silence, each ping answered, and the socket still works.
                socket.writeTextMessage("{\"type\":\"ping\"}");
              }
            }
          });
          return socket.writeTextMessage(new JsonObject().put("type", "hello").put("token", m.chairToken()).encode());
        })).onFailure(ctx::failNow);
  }

  @Test
  void aClientThatStopsAnsweringIsClosedAndShownOffline(VertxTestContext ctx) {
    Checkpoint closed = ctx.checkpoint();
    Checkpoint othersSeeItOffline = ctx.checkpoint();
    api.createMeeting("m").compose(m -> api.join(m, "Anna", null).compose(anna -> server.connected(m.chairToken())
        .compose(chair -> SilentSocket.connect(tcp, server.port).compose(silent -> silent.hello(anna.token())
            .compose(welcome -> chair.frame(f -> isPresence(f) && online(f, anna.id())))
            .map(annaOnline -> {
              chair.frame(f -> isPresence(f) && !online(f, anna.id()) && chair.received("presence").size() > 1)
                  .onComplete(ctx.succeeding(offline -> othersSeeItOffline.flag()));
              silent.closeCode().onComplete(ctx.succeeding(code -> ctx.verify(() -> {
                assertThat(code).isEqualTo(CloseCode.NO_ANSWER.code()).isEqualTo((short) 4504);
                assertThat(silent.pings()).as("it was pinged before it was closed").isPositive();
                closed.flag();
              })));
              return silent;
            })))))
        .onFailure(ctx::failNow);
  }

  @Test
  void welcomeSaysWhenTheServerPingsAndHowLongItWaits(VertxTestContext ctx) {
    api.createMeeting("m").compose(m -> server.connect().compose(c -> c.hello(m.chairToken()).frame("welcome")))
        .map(welcome -> ctx.verify(() -> assertThat(welcome.getJsonObject("liveness"))
            .isEqualTo(new JsonObject().put("pingEveryMs", 1000).put("timeoutMs", 1000))))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void theDefaultsAreTwentyAndTenSeconds() {
    Config defaults = Config.forTests(Map.of());
    assertThat(defaults.pingEveryMs()).isEqualTo(20_000);
    assertThat(defaults.pingTimeoutMs()).isEqualTo(10_000);
  }

  @Test
  void aTimeoutOfZeroIsRefusedWhilePingingForItWouldCloseEverySocketItPings() {
    assertThatThrownBy(() -> Config.forTests(Map.of("PING_TIMEOUT_SECONDS", "0")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PING_TIMEOUT_SECONDS");
    assertThat(Config.forTests(Map.of("PING_EVERY_SECONDS", "0", "PING_TIMEOUT_SECONDS", "0")).pingEveryMs()).isZero();
  }

  @Test
  void withPingingOffTheWelcomeHasNoLiveness(Vertx vertx, VertxTestContext ctx) {
    LiveServer.start(vertx, Config.forTests(Map.of("PING_EVERY_SECONDS", "0"))).compose(off -> off.api.createMeeting("m")
        .compose(m -> off.connected(m.chairToken()))
        .compose(c -> c.frame("welcome")))
        .map(welcome -> ctx.verify(() -> assertThat(welcome.containsKey("liveness")).isFalse()))
        .onComplete(ctx.succeedingThenComplete());
  }

  private static boolean isPresence(JsonObject frame) {
    return "presence".equals(frame.getString("type"));
  }

  private static boolean online(JsonObject presence, String participantId) {
    return presence.getJsonArray("participants").stream().map(JsonObject.class::cast)
        .anyMatch(p -> participantId.equals(p.getString("id")) && p.getBoolean("online"));
  }
}
