package nl.intervision.panel.transport.ws;

import nl.intervision.panel.support.ServerNodes;
import nl.intervision.panel.support.LiveServer;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.intervision.panel.support.Api;
import nl.intervision.panel.support.TestDatabase;
import nl.intervision.panel.support.WsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Meetings kept in PostgreSQL: they survive a restart, and two server nodes serve one meeting together. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class DurableMeetingTest {
  static TestDatabase database;

  ServerNodes nodes;
  WebSocketClient sockets;
  HttpClient http;

  @BeforeAll
  static void createDatabase() {
    database = new TestDatabase();
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    database.close();
  }

  @AfterEach
  void stopNodes(VertxTestContext ctx) {
    nodes.stopAll().onComplete(ctx.succeedingThenComplete());
  }

  Future<Integer> startNode() {
    return nodes.start(LiveServer.config("DATABASE_URL", database.url()));
  }

  /** Continues on the test's own event loop: a node's loop is gone once that node is stopped. */

  Future<WsClient> connected(int port, String token, Long since) {
    return WsClient.connect(sockets, port).compose(c -> (since == null ? c.hello(token) : c.hello(token, since))
        .frame("welcome").map(c));
  }

  static JsonObject addCard(String text) {
    return new JsonObject().put("type", "addCard").put("text", text);
  }

  @Test
  void afterARestartAClientResumesWithExactlyWhatItMissed(Vertx vertx, VertxTestContext ctx) {
    sockets = vertx.createWebSocketClient();
    http = vertx.createHttpClient();
    nodes = new ServerNodes(vertx);
    startNode().compose(port -> {
      Api api = new Api(http, port);
      return api.createMeeting("Durable").compose(m -> api.join(m, "Anna", null).compose(anna ->
          connected(port, m.chairToken(), null).compose(WsClient::toLearningQuestions)
              .compose(chair -> chair.close())
              .compose(v -> annaLeavesAfterOneCard(port, anna))
              .compose(v -> chairAddsTwoChanges(port, m))
              .compose(v -> nodes.stop(0))
              .compose(v -> startNode())
              .compose(newPort -> annaComesBackFromSeq6(newPort, anna, ctx)
                  .compose(v -> chairResendsAnAckedCommand(newPort, m, ctx)))));
    }).onComplete(ctx.succeedingThenComplete());
  }

  private Future<Void> annaLeavesAfterOneCard(int port, Api.Member anna) {
    return connected(port, anna.token(), null).compose(a -> {
      a.command("a-1", addCard("before the restart"));
      return a.reply("a-1").compose(ack -> a.close());
    });
  }

  private Future<JsonObject> chairAddsTwoChanges(int port, Api.Meeting m) {
    return connected(port, m.chairToken(), null).compose(chair -> {
      chair.command("c-1", addCard("while Anna was away"));
      chair.command("c-2", new JsonObject().put("type", "startRound"));
      return chair.reply("c-2");
    });
  }

  /**
   * Anna was not connected when the chair entered the learning questions, so their round skipped her;
   * connecting put her back in line (seq 5) before her card (seq 6).
   */
  private Future<Void> annaComesBackFromSeq6(int port, Api.Member anna, VertxTestContext ctx) {
    return connected(port, anna.token(), 6L).compose(back -> back.frame("welcome")).map(welcome -> {
      ctx.verify(() -> {
        assertThat(welcome.getLong("seq")).isEqualTo(8L);
        JsonArray missed = welcome.getJsonArray("missed");
        assertThat(missed.stream().map(b -> ((JsonObject) b).getLong("seq")).toList()).containsExactly(7L, 8L);
        // The missed batch says a card was added; the card itself is in the welcome's changes.
        JsonObject added = missed.getJsonObject(0).getJsonArray("events").getJsonObject(0);
        assertThat(added.getString("type")).isEqualTo("cardAdded");
        assertThat(added.containsKey("card")).isFalse();
        assertThat(WsClient.changedCard(welcome, added.getString("cardId")).getString("text"))
            .isEqualTo("while Anna was away");
        // The restarted node read the log back, so it knows what changed since 5: only that is sent.
        assertThat(welcome.containsKey("state")).isFalse();
        assertThat(welcome.getJsonObject("changes").getJsonArray("cards")).hasSize(1);
        assertThat(welcome.getJsonObject("changes").getJsonArray("cards").getJsonObject(0).getString("text"))
            .isEqualTo("while Anna was away");
      });
      return null;
    });
  }

  /** The chair never saw its ack for c-1 (say): sending it again after the restart must not add a second card. */
  private Future<Void> chairResendsAnAckedCommand(int port, Api.Meeting m, VertxTestContext ctx) {
    return connected(port, m.chairToken(), 8L).compose(chair -> {
      chair.command("c-1", addCard("while Anna was away"));
      return chair.reply("c-1");
    }).map(ack -> {
      ctx.verify(() -> {
        assertThat(ack.getString("type")).isEqualTo("ack");
        assertThat(ack.getLong("seq")).isEqualTo(7L);
      });
      return null;
    });
  }

  @Test
  void twoNodesServeOneMeetingInOneOrder(Vertx vertx, VertxTestContext ctx) {
    sockets = vertx.createWebSocketClient();
    http = vertx.createHttpClient();
    nodes = new ServerNodes(vertx);
    int perPerson = 15;
    // Anna's arrival on node 2 puts her in the round she was not connected for (one batch of the server's).
    long lastSeq = 5 + 2L * perPerson;
    startNode().compose(port1 -> startNode().compose(port2 -> {
      Api api1 = new Api(http, port1);
      Api api2 = new Api(http, port2);
      return api1.createMeeting("Two nodes").compose(m -> api2.join(m, "Anna", null).compose(anna ->
          connected(port1, m.chairToken(), null).compose(WsClient::toLearningQuestions)
              .compose(chair -> connected(port2, anna.token(), null).compose(a -> {
            // Both fire at once, so the nodes race for the same seqs and one must re-decide.
            for (int i = 0; i < perPerson; i++) {
              chair.command("c-" + i, addCard("chair " + i));
              a.command("a-" + i, addCard("anna " + i));
            }
            // The last applied frame may come in before the ack that follows it: wait for both.
            return chair.applied(lastSeq).compose(x -> a.applied(lastSeq))
                .compose(x -> chair.reply("c-" + (perPerson - 1))).compose(x -> a.reply("a-" + (perPerson - 1)))
                .map(x -> ctx.verify(() -> {
              List<String> seenByChair = history(chair);
              List<String> seenByAnna = history(a);
              // Anna connected after the chair's two phase changes; from there on both saw the same.
              assertThat(seenByChair).hasSize(2 * perPerson + 3);
              assertThat(seenByAnna).isEqualTo(seenByChair.subList(2, seenByChair.size()));
              assertThat(chair.received("ack")).hasSize(perPerson + 2);
              assertThat(a.received("ack")).hasSize(perPerson);
              assertThat(chair.received("error")).isEmpty();
              assertThat(a.received("error")).isEmpty();
            }));
          }))));
    })).onComplete(ctx.succeedingThenComplete());
  }

  /**
   * Issue 15: with PostgreSQL the chair's socket closed before the ack of an erasing end came, and the
   * other node kept serving the erased meeting's summary for as long as a socket stayed open there.
   */
  @Test
  void anEraseIsAcknowledgedFirstAndReachesEveryNodeAtOnce(Vertx vertx, VertxTestContext ctx) {
    sockets = vertx.createWebSocketClient();
    http = vertx.createHttpClient();
    nodes = new ServerNodes(vertx);
    startNode().compose(port1 -> startNode().compose(port2 -> {
      Api api1 = new Api(http, port1);
      Api api2 = new Api(http, port2);
      return api1.createMeeting("Erased").compose(m -> api2.join(m, "Anna", null).compose(anna ->
          connected(port1, m.chairToken(), null).compose(WsClient::toLearningQuestions)
              .compose(chair -> connected(port2, anna.token(), null).compose(a -> {
                a.command("a-1", addCard("Something confidential"));
                return a.reply("a-1").compose(x -> api2.get("/api/meetings/" + m.id() + "/summary", anna.token()))
                    .compose(before -> {
                      ctx.verify(() -> assertThat(before.body()).contains("Erased"));
                      chair.command("end", new JsonObject().put("type", "endMeeting").put("erase", true));
                      return chair.reply("end");
                    })
                    .compose(reply -> {
                      ctx.verify(() -> assertThat(reply.getString("type")).isEqualTo("ack"));
                      return Future.all(chair.closeCode(), a.closeCode());
                    })
                    .compose(closed -> {
                      ctx.verify(() -> assertThat(List.of(closed.<Short>resultAt(0), closed.<Short>resultAt(1)))
                          .containsOnly((short) 4404));
                      return Future.all(api2.get("/api/meetings/" + m.id() + "/summary", anna.token()),
                          api1.get("/api/meetings/" + m.id() + "/summary", m.chairToken()));
                    })
                    .map(summaries -> ctx.verify(() -> {
                      for (int i = 0; i < 2; i++) {
                        Api.Response summary = summaries.resultAt(i);
                        assertThat(summary.status()).as("node " + (2 - i)).isEqualTo(404);
                        assertThat(summary.body()).doesNotContain("Erased").doesNotContain("confidential");
                      }
                    }));
              }))));
    })).onComplete(ctx.succeedingThenComplete());
  }

  /** Every applied seq with its events, in the order this client received them. */
  static List<String> history(WsClient client) {
    return client.received("applied").stream()
        .map(f -> f.getLong("seq") + " " + f.getJsonArray("events").encode())
        .toList();
  }
}
