package nl.intervision.panel.transport.ws;

import static nl.intervision.panel.support.WsClient.command;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import nl.intervision.panel.support.Api;
import nl.intervision.panel.support.LiveServer;
import nl.intervision.panel.support.WsClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the server does on its own when someone the meeting depends on drops out. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class AbsenceTest {
  static final long TAKEOVER_MS = 1000;

  LiveServer server;
  Api api;
  Vertx vertx;

  @BeforeEach
  void startServer(Vertx vertx, VertxTestContext ctx) {
    this.vertx = vertx;
    LiveServer.start(vertx, LiveServer.config("CHAIR_TAKEOVER_SECONDS", "1")).onComplete(ctx.succeeding(started -> {
      server = started;
      api = started.api;
      ctx.completeNow();
    }));
  }

  Future<WsClient> connected(String token) {
    return server.connected(token);
  }

  static Predicate<JsonObject> event(String type) {
    return frame -> "applied".equals(frame.getString("type")) && frame.getJsonArray("events").stream()
        .anyMatch(e -> type.equals(((JsonObject) e).getString("type")));
  }

  static JsonObject eventIn(JsonObject applied, String type) {
    return applied.getJsonArray("events").stream().map(e -> (JsonObject) e)
        .filter(e -> type.equals(e.getString("type"))).findFirst().orElseThrow();
  }

  @Test
  void whenTheCaseBringerDropsOutTheTimerPausesAndEveryoneSeesWhy(VertxTestContext ctx) {
    api.createMeeting("m").compose(m -> api.join(m, "Anna", null).compose(anna ->
        connected(m.chairToken()).compose(chair -> connected(anna.token()).compose(a ->
            chair.ask("cb", new JsonObject().put("type", "chooseCaseBringer").put("participantId", anna.id()))
                .compose(v -> chair.ask("t", new JsonObject().put("type", "startTimer").put("seconds", 600)))
                .compose(v -> a.close())
                .compose(v -> chair.frame(event("timerChanged").and(f -> f.getLong("seq") > 4)))))))
        .map(applied -> ctx.verify(() -> {
          JsonObject paused = eventIn(applied, "timerChanged");
          assertThat(paused.getString("change")).isEqualTo("paused");
          assertThat(paused.getString("reason")).isEqualTo("case-bringer-offline");
          assertThat(paused.getJsonObject("timer").getLong("remainingMs")).isPositive();
        }))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void aBackupChairTakesOverWhenTheChairStaysAway(VertxTestContext ctx) {
    api.createMeeting("m").compose(m -> api.join(m, "Bert", null).compose(bert ->
        connected(m.chairToken()).compose(chair -> connected(bert.token()).compose(b ->
            chair.ask("b", new JsonObject().put("type", "nameBackupChair").put("participantId", bert.id()))
                .compose(v -> chair.close())
                .compose(v -> b.frame(event("chairHandedOver")))
                .map(applied -> {
                  ctx.verify(() -> {
                    JsonObject handover = eventIn(applied, "chairHandedOver");
                    assertThat(handover.getString("to")).isEqualTo(bert.id());
                    assertThat(handover.getString("reason")).isEqualTo("chair-offline");
                  });
                  return b;
                })
                .compose(newChair -> newChair.ask("n", new JsonObject().put("type", "advancePhase").put("fromPhase", 0)))))))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void aChairWhoComesBackInTimeKeepsTheChair(VertxTestContext ctx) {
    api.createMeeting("m").compose(m -> api.join(m, "Bert", null).compose(bert ->
        connected(m.chairToken()).compose(chair -> connected(bert.token()).compose(b ->
            chair.ask("b", new JsonObject().put("type", "nameBackupChair").put("participantId", bert.id()))
                .compose(v -> chair.close())
                .compose(v -> connected(m.chairToken()))
                // Proving that something does NOT happen takes waiting past its deadline: twice the takeover time.
                .compose(back -> back.ask("t", new JsonObject().put("type", "startTimer").put("seconds", 1))
                    .compose(v -> Future.<Void>future(p -> vertx.setTimer(TAKEOVER_MS * 2, t -> p.complete())))
                    .compose(v -> back.ask("n", new JsonObject().put("type", "advancePhase").put("fromPhase", 0))))
                .map(v -> ctx.verify(() -> assertThat(b.received("applied").stream()
                    .anyMatch(event("chairHandedOver"))).isFalse()))))))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void withoutABackupTheChairOpensAndTheFirstToTakeItChairsWhileTheNextHearsWho(VertxTestContext ctx) {
    Api.Meeting[] meeting = new Api.Meeting[1];
    Api.Member[] anna = new Api.Member[1];
    Api.Member[] bert = new Api.Member[1];
    WsClient[] sockets = new WsClient[3];
    api.createMeeting("m")
        .compose(m -> { meeting[0] = m; return api.join(m, "Anna", null); })
        .compose(a -> { anna[0] = a; return api.join(meeting[0], "Bert", null); })
        .compose(b -> { bert[0] = b; return connected(b.token()); })
        .compose(b -> { sockets[2] = b; return connected(anna[0].token()); })
        .compose(a -> { sockets[1] = a; return connected(meeting[0].chairToken()); })
        .compose(chair -> chair.close())
        .compose(v -> sockets[2].frame(event("chairOpened")))
        .compose(opened -> {
          ctx.verify(() -> assertThat(opened.getJsonObject("changes").getJsonObject("chairOpen").getJsonArray("mayTake"))
              .containsExactly(anna[0].id(), bert[0].id()));
          return sockets[1].ask("take", new JsonObject().put("type", "takeChair"));
        })
        .compose(v -> sockets[2].frame(event("chairHandedOver")))
        .compose(handover -> {
          ctx.verify(() -> {
            JsonObject e = eventIn(handover, "chairHandedOver");
            assertThat(e.getString("to")).isEqualTo(anna[0].id());
            assertThat(e.getString("reason")).isEqualTo("chair-taken");
            assertThat(handover.getJsonObject("changes").getString("formerChairId")).isEqualTo(meeting[0].chairId());
          });
          sockets[2].command("late", new JsonObject().put("type", "takeChair"));
          return sockets[2].reply("late");
        })
        .map(refused -> ctx.verify(() -> {
          assertThat(refused.getString("type")).isEqualTo("error");
          assertThat(refused.getString("reason")).isEqualTo("chair-taken");
          assertThat(refused.getJsonObject("params").getString("name")).isEqualTo("Anna");
        }))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void theCaseBringersPauseNoticeGoesWhenTheyAreBack(VertxTestContext ctx) {
    Api.Member[] anna = new Api.Member[1];
    WsClient[] chair = new WsClient[1];
    api.createMeeting("m")
        .compose(m -> api.join(m, "Anna", null).compose(a -> { anna[0] = a; return connected(m.chairToken()); }))
        .compose(c -> { chair[0] = c; return connected(anna[0].token()); })
        .compose(a -> chair[0].ask("cb", new JsonObject().put("type", "chooseCaseBringer").put("participantId", anna[0].id()))
            .compose(v -> chair[0].ask("t", new JsonObject().put("type", "startTimer").put("seconds", 600)))
            .compose(v -> a.close()))
        .compose(v -> chair[0].frame(event("timerChanged").and(f -> f.getLong("seq") > 4)))
        .compose(paused -> {
          ctx.verify(() -> assertThat(paused.getJsonObject("changes").getJsonObject("phase")
              .getJsonObject("timer").getString("pausedBecause")).isEqualTo("case-bringer-offline"));
          return connected(anna[0].token());
        })
        .compose(back -> chair[0].frame(event("timerChanged")
            .and(f -> "case-bringer-back".equals(eventIn(f, "timerChanged").getString("reason")))))
        .map(cleared -> ctx.verify(() -> {
          JsonObject timer = cleared.getJsonObject("changes").getJsonObject("phase").getJsonObject("timer");
          assertThat(timer.containsKey("pausedBecause")).isFalse();
          assertThat(timer.getLong("remainingMs")).isPositive();
        }))
        .onComplete(ctx.succeedingThenComplete());
  }
}
