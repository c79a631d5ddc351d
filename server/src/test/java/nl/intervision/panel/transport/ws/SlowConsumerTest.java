package nl.intervision.panel.transport.ws;

import static nl.intervision.panel.support.WsClient.command;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.intervision.panel.protocol.CloseCode;
import nl.intervision.panel.support.Api;
import nl.intervision.panel.support.LiveServer;
import nl.intervision.panel.support.WsClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A participant whose device stops reading (a frozen tab, a phone on a bad network) must not slow
 * the meeting down or make the server queue without end: it is let go, and catches up on return.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class SlowConsumerTest {
  static final int LIMIT = 64 * 1024;
  /** Enough to fill any kernel buffer on the way; the test stops as soon as the server lets go. */
  static final int MAX_ROUNDS = 400;
  static final int EDITS_PER_ROUND = 20;
  static final String LONG_TEXT = "Wat maakte dat je toen bleef zitten? ".repeat(26);

  LiveServer server;
  Api api;
  WebSocketClient slowClient;

  @BeforeEach
  void startServer(Vertx vertx, VertxTestContext ctx) {
    // A tiny receive window makes the stalled reader's kernel buffers fill quickly.
    slowClient = vertx.createWebSocketClient(new WebSocketClientOptions().setReceiveBufferSize(4096));
    LiveServer.start(vertx, LiveServer.config("OUTBOUND_LIMIT_BYTES", Integer.toString(LIMIT),
        "FRAMES_PER_SECOND", "100000", "FRAME_BURST", "100000")).onComplete(ctx.succeeding(started -> {
          server = started;
          api = started.api;
          ctx.completeNow();
        }));
  }

  /** A participant that reads its welcome and then stops reading. */
  static final class Stalled {
    final WebSocket socket;
    final Promise<Short> closed = Promise.promise();
    final Promise<Long> welcomed = Promise.promise();

    Stalled(WebSocket socket) {
      this.socket = socket;
      socket.textMessageHandler(text -> {
        JsonObject frame = new JsonObject(text);
        if ("welcome".equals(frame.getString("type"))) {
          welcomed.tryComplete(frame.getLong("seq"));
        }
      });
      socket.closeHandler(v -> closed.tryComplete(socket.closeStatusCode()));
    }
  }

  Future<Stalled> stalled(String token) {
    return slowClient.connect(new WebSocketConnectOptions().setHost("localhost").setPort(server.port).setURI("/ws"))
        .compose(socket -> {
          Stalled stalled = new Stalled(socket);
          socket.writeTextMessage(new JsonObject().put("type", "hello").put("token", token).encode());
          return stalled.welcomed.future().map(seq -> {
            socket.pause();
            return stalled;
          });
        });
  }

  /**
   * Edits in rounds that a reading client absorbs easily (about 22 KB each), waiting for the fast
   * participant to see each round: the meeting is lively, not an attack on everyone.
   */
  Future<JsonObject> editRounds(WsClient chair, WsClient fast, String frozenId, String cardId, int round) {
    for (int i = 1; i <= EDITS_PER_ROUND; i++) {
      chair.command("edit-" + round + "-" + i, command("editCard").put("cardId", cardId).put("text", LONG_TEXT + round + i));
    }
    Future<JsonObject> last = chair.reply("edit-" + round + "-" + EDITS_PER_ROUND)
        .compose(reply -> fast.applied(reply.getLong("seq")).map(reply));
    return last.compose(v -> {
      if (offline(fast, frozenId)) {
        return Future.succeededFuture(v);
      }
      if (round == MAX_ROUNDS) {
        return Future.failedFuture("the server still writes to a participant who stopped reading " + MAX_ROUNDS + " rounds ago");
      }
      return editRounds(chair, fast, frozenId, cardId, round + 1);
    });
  }

  /** What the others see: the participant who was let go is offline. */
  static boolean offline(WsClient someone, String participantId) {
    List<JsonObject> presence = someone.received("presence");
    return !presence.isEmpty() && presence.get(presence.size() - 1).getJsonArray("participants").stream()
        .map(p -> (JsonObject) p)
        .anyMatch(p -> participantId.equals(p.getString("id")) && !p.getBoolean("online"));
  }

  @Test
  void aParticipantWhoStopsReadingIsLetGoWhileTheOthersKeepUp(VertxTestContext ctx) {
    api.createMeeting("m").compose(m -> api.join(m, "Frozen", null).compose(frozen -> api.join(m, "Fast", null)
        .compose(fast -> server.connected(m.chairToken()).compose(chair -> chair.toLearningQuestions())
            .compose(chair -> server.connected(fast.token()).compose(fastSocket -> stalled(frozen.token())
                .compose(slow -> chair.ask("card", command("addCard").put("text", "first")).compose(added -> {
                  long cardSeq = added.getLong("seq");
                  return fastSocket.applied(cardSeq).compose(applied -> {
                    String cardId = applied.getJsonArray("events").getJsonObject(0).getString("cardId");
                    return editRounds(chair, fastSocket, frozen.id(), cardId, 1);
                  }).compose(last -> fastSocket.applied(last.getLong("seq")).map(last.getLong("seq")))
                      .compose(lastSeq -> {
                        // Reading again only now, the stalled participant finds the goodbye at the end.
                        slow.socket.resume();
                        return slow.closed.future().compose(code -> {
                          ctx.verify(() -> assertThat(code).isEqualTo(CloseCode.TOO_SLOW.code()));
                          // Back with since: it is brought up to the meeting's last seq.
                          return server.connect().compose(again -> again.hello(frozen.token(), cardSeq).frame("welcome"))
                              .map(welcome -> {
                                ctx.verify(() -> assertThat(welcome.getLong("seq")).isEqualTo(lastSeq));
                                return null;
                              });
                        });
                      });
                })))))))
        .onComplete(ctx.succeedingThenComplete());
  }
}
