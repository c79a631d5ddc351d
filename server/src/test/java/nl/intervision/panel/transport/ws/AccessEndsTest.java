package nl.intervision.panel.transport.ws;

import static nl.intervision.panel.support.WsClient.command;
import static nl.intervision.panel.transport.ws.WebSocketTest.addCard;
import static nl.intervision.panel.transport.ws.WebSocketTest.hello;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.intervision.panel.auth.Identity;
import nl.intervision.panel.auth.Tokens;
import nl.intervision.panel.support.Api;
import nl.intervision.panel.support.LiveServer;
import nl.intervision.panel.support.WsClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A socket lasts as long as the right it was opened with: its token's lifetime, and its person's
 * place in the meeting. When either ends, the socket closes with 4401 and nothing more gets in.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class AccessEndsTest {
  static final Tokens OUR_KEY = new Tokens(LiveServer.CONFIG.jwtSecret(), Duration.ofHours(1));

  LiveServer server;
  Api api;

  @BeforeEach
  void startServer(Vertx vertx, VertxTestContext ctx) {
    LiveServer.start(vertx, LiveServer.CONFIG).onComplete(ctx.succeeding(started -> {
      server = started;
      api = started.api;
      ctx.completeNow();
    }));
  }

  static Identity verified(String token) {
    return LiveServer.verified(token);
  }

  /** A socket that says hello with this token, sends these frames at once, and reports how it was closed. */
  Future<Short> closedAfterHello(String token, JsonObject... commands) {
    return server.connect().compose(c -> {
      c.sendText(hello(token));
      for (int i = 0; i < commands.length; i++) {
        c.command("x-" + i, commands[i]);
      }
      return c.closeCode();
    });
  }

  static long cardsAdded(WsClient client) {
    return client.received("applied").stream()
        .flatMap(f -> f.getJsonArray("events").stream())
        .filter(e -> "cardAdded".equals(((JsonObject) e).getString("type")))
        .count();
  }

  // ---- a token that runs out during the session

  @Test
  void aSocketClosesWith4401WhenItsTokenExpiresAndWhatComesAfterIsNotStored(VertxTestContext ctx) {
    // Three seconds (exp is in whole seconds, so between two and three): long enough to say hello.
    Tokens shortLived = new Tokens(LiveServer.CONFIG.jwtSecret(), Duration.ofSeconds(3));
    api.createMeeting("m").compose(m -> api.join(m, "Anna", null).compose(anna ->
        server.connected(m.chairToken()).compose(WsClient::toLearningQuestions).compose(chair -> {
          String token = shortLived.issue(m.id(), anna.id(), "participant", Instant.now());
          Instant expiresAt = verified(token).expiresAt();
          return server.connected(token)
              .compose(a -> a.ask("in-time", addCard("written in time")).compose(inTime -> a.closeCode().map(code -> {
                Instant closedAt = Instant.now();
                ctx.verify(() -> {
                  assertThat(code).isEqualTo((short) 4401);
                  assertThat(closedAt).as("not before the token's exp").isAfterOrEqualTo(expiresAt.minusMillis(100));
                });
                a.command("late", addCard("written too late"));
                return inTime.getLong("seq");
              })))
              .compose(lastSeq -> closedAfterHello(token, addCard("again, too late")).compose(code -> {
                ctx.verify(() -> assertThat(code).isEqualTo((short) 4401));
                return chair.ask("check", command("startRound"));
              }).map(check -> ctx.verify(() -> {
                // In between, the server only noted that Anna, waiting in the round, went away (she was skipped).
                List<JsonObject> between = chair.received("applied").stream()
                    .filter(f -> f.getLong("seq") > lastSeq && f.getLong("seq") < check.getLong("seq")).toList();
                assertThat(between).as("nothing of Anna's stored since the last card in time")
                    .allSatisfy(f -> assertThat(f.getJsonArray("events").stream().map(e -> (JsonObject) e)
                        .map(e -> e.getString("change"))).containsOnly("went-away"));
                assertThat(check.getLong("seq")).isEqualTo(lastSeq + 1 + between.size());
                assertThat(cardsAdded(chair)).isEqualTo(1);
              })));
        }))).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void aTokenOfOneMeetingThatNamesSomeoneOfAnotherIsRefusedAndChangesNothing(VertxTestContext ctx) {
    api.createMeeting("A").compose(a -> api.createMeeting("B").compose(b -> api.join(b, "Bea", null).compose(bea ->
        server.connected(a.chairToken()).compose(chair -> {
          // Signed with our own key, so only the meeting can say Bea is not one of its people.
          String crossed = OUR_KEY.issue(a.id(), bea.id(), "participant", Instant.now());
          String beaAsChairOfA = OUR_KEY.issue(a.id(), b.chairId(), "chair", Instant.now());
          return Future.all(List.of(
                  closedAfterHello(crossed, addCard("not my meeting")),
                  closedAfterHello(beaAsChairOfA, command("endMeeting")),
                  api.get("/api/meetings/" + a.id() + "/summary", bea.token())))
              .compose(all -> {
                ctx.verify(() -> {
                  assertThat((Short) all.resultAt(0)).isEqualTo((short) 4401);
                  assertThat((Short) all.resultAt(1)).isEqualTo((short) 4401);
                  assertThat(((Api.Response) all.resultAt(2)).status()).isEqualTo(403);
                });
                return chair.ask("check", command("startRound"));
              })
              .map(check -> ctx.verify(() -> {
                assertThat(check.getLong("seq")).as("meeting A has only its start and this round").isEqualTo(2L);
                assertThat(chair.received("presence")).allSatisfy(p ->
                    assertThat(p.getJsonArray("participants")).hasSize(1));
              }));
        })))).onComplete(ctx.succeedingThenComplete());
  }

  // ---- a participant the chair removes

  /** A meeting with Anna (in two tabs) and Bert connected, at the learning questions. */
  record Room(Api.Meeting meeting, Api.Member anna, Api.Member bert, WsClient chair, WsClient tab1, WsClient tab2,
      WsClient bertSocket) {}

  Future<Room> room() {
    return api.createMeeting("m").compose(m -> api.join(m, "Anna", null).compose(anna -> api.join(m, "Bert", null)
        .compose(bert -> server.connected(m.chairToken()).compose(WsClient::toLearningQuestions)
            .compose(chair -> Future.all(server.connected(anna.token()), server.connected(anna.token()),
                    server.connected(bert.token()))
                .map(all -> new Room(m, anna, bert, chair, all.resultAt(0), all.resultAt(1), all.resultAt(2)))))));
  }

  static JsonObject remove(String participantId) {
    return command("removeParticipant").put("participantId", participantId);
  }

  @Test
  void removingSomeoneClosesEachOfTheirSocketsWith4401AndTheirTokenNoLongerGetsIn(VertxTestContext ctx) {
    room().compose(r -> r.tab1().ask("mine", addCard("Anna's question"))
        .compose(card -> {
          r.bertSocket().command("not-yours", remove(r.anna().id()));
          return r.bertSocket().reply("not-yours");
        })
        .compose(refused -> {
          ctx.verify(() -> assertThat(refused.getString("code")).isEqualTo("forbidden"));
          return r.chair().ask("remove", remove(r.anna().id()));
        })
        .compose(removed -> {
          long seq = removed.getLong("seq");
          return Future.all(r.tab1().closeCode(), r.tab2().closeCode(), r.bertSocket().applied(seq)).map(all -> {
            ctx.verify(() -> {
              assertThat((Short) all.resultAt(0)).isEqualTo((short) 4401);
              assertThat((Short) all.resultAt(1)).isEqualTo((short) 4401);
              JsonObject event = ((JsonObject) all.resultAt(2)).getJsonArray("events").getJsonObject(0);
              assertThat(event.getString("type")).isEqualTo("participantRemoved");
              assertThat(event.getString("participantId")).isEqualTo(r.anna().id());
              // Anna's page learns why, before the close.
              assertThat(r.tab1().received("applied")).extracting(f -> f.getLong("seq")).contains(seq);
            });
            return seq;
          });
        })
        .compose(seq -> closedAfterHello(r.anna().token(), addCard("let me back in")).compose(code -> {
          ctx.verify(() -> assertThat(code).isEqualTo((short) 4401));
          return server.connected(r.meeting().chairToken());
        }).compose(fresh -> fresh.frame("welcome")).map(welcome -> ctx.verify(() -> {
          JsonObject state = welcome.getJsonObject("state");
          assertThat(state.getJsonArray("participants").stream().map(p -> ((JsonObject) p).getString("id")))
              .containsExactly(r.meeting().chairId(), r.bert().id());
          JsonArray cards = state.getJsonArray("cards");
          assertThat(cards).hasSize(1);
          assertThat(cards.getJsonObject(0).getString("authorId")).as("the card stays").isEqualTo(r.anna().id());
          assertThat(welcome.getLong("seq")).as("nothing stored after the removal").isEqualTo(seq);
        }))))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void theChairCannotRemoveThemselfOrSomeoneUnknown(VertxTestContext ctx) {
    api.createMeeting("m").compose(m -> server.connected(m.chairToken()).compose(chair -> {
      chair.command("self", command("removeParticipant").put("participantId", m.chairId()));
      chair.command("nobody", command("removeParticipant").put("participantId", "p-nobody"));
      chair.command("missing", command("removeParticipant"));
      return Future.all(chair.reply("self"), chair.reply("nobody"), chair.reply("missing")).map(all -> ctx.verify(() -> {
        assertThat(((JsonObject) all.resultAt(0)).getString("code")).isEqualTo("conflict");
        assertThat(((JsonObject) all.resultAt(1)).getString("code")).isEqualTo("not_found");
        assertThat(((JsonObject) all.resultAt(2)).getString("code")).isEqualTo("bad_request");
        assertThat(chair.received("applied")).isEmpty();
      }));
    })).onComplete(ctx.succeedingThenComplete());
  }
}
