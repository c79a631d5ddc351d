package nl.intervision.panel.transport.ws;

import nl.intervision.panel.Config;
import nl.intervision.panel.transport.http.HttpVerticle;

import static nl.intervision.panel.support.WsClient.command;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.intervision.panel.support.Api;
import nl.intervision.panel.support.LiveServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Refusals reach the page with a reason it can translate and the params its text needs: socket and REST alike. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class RefusalWireTest {
  /** One wrong code per minute, so that the second is slowed down at once. */
  static final Config CONFIG = Config.forTests(Map.of("JOIN_FAILURES_PER_MINUTE", "1"));

  LiveServer server;
  Api api;

  @BeforeEach
  void startServer(Vertx vertx, VertxTestContext ctx) {
    LiveServer.start(vertx, CONFIG).onComplete(ctx.succeeding(started -> {
      server = started;
      api = started.api;
      ctx.completeNow();
    }));
  }

  @Test
  void aStalePhaseMoveIsRefusedWithReasonAndParams(VertxTestContext ctx) {
    api.createMeeting("m").compose(m -> server.connected(m.chairToken())).compose(chair -> {
      chair.command("n-1", command("advancePhase").put("fromPhase", 0));
      chair.command("n-2", command("advancePhase").put("fromPhase", 0));
      return chair.reply("n-2").map(error -> ctx.verify(() -> {
        assertThat(error.getString("type")).isEqualTo("error");
        assertThat(error.getString("id")).isEqualTo("n-2");
        assertThat(error.getString("code")).isEqualTo("conflict");
        assertThat(error.getString("reason")).isEqualTo("phase-moved-on");
        assertThat(error.getJsonObject("params")).isEqualTo(new JsonObject().put("from", 0).put("now", 1));
        assertThat(error.getString("message")).isEqualTo("the meeting is no longer in phase 0 but in phase 1");
        assertThat(error.getBoolean("temporary")).isFalse();
      }));
    }).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void aChairOnlyCommandNamesTheAction(VertxTestContext ctx) {
    api.createMeeting("m").compose(m -> api.join(m, "Anna", null)).compose(anna -> server.connected(anna.token()))
        .compose(anna -> {
          anna.command("a-1", command("advancePhase").put("fromPhase", 0));
          return anna.reply("a-1").map(error -> ctx.verify(() -> {
            assertThat(error.getString("code")).isEqualTo("forbidden");
            assertThat(error.getString("reason")).isEqualTo("chair-only");
            assertThat(error.getJsonObject("params")).isEqualTo(new JsonObject().put("action", "advancePhase"));
          }));
        }).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void aCommandThePageGotWrongIsABadCommandWithoutParams(VertxTestContext ctx) {
    api.createMeeting("m").compose(m -> server.connected(m.chairToken())).compose(chair -> {
      chair.command("b-1", command("noSuchCommand"));
      return chair.reply("b-1").map(error -> ctx.verify(() -> {
        assertThat(error.getString("code")).isEqualTo("bad_request");
        assertThat(error.getString("reason")).isEqualTo("bad-command");
        assertThat(error.containsKey("params")).as("no params when there are none").isFalse();
      }));
    }).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void aWrongJoinCodeAndThenTooManyHaveTheirReasons(VertxTestContext ctx) {
    api.createMeeting("m").compose(m -> join(m.id(), "WRON-GCOD").compose(wrong -> {
      ctx.verify(() -> {
        assertThat(wrong.status()).isEqualTo(403);
        JsonObject body = wrong.json();
        assertThat(body.getString("error")).isEqualTo("forbidden");
        assertThat(body.getString("reason")).isEqualTo("wrong-join-code");
        assertThat(body.getString("message")).isEqualTo("the join code is not right");
        assertThat(body.containsKey("params")).isFalse();
      });
      return join(m.id(), "WRON-GCOE");
    })).map(slowed -> ctx.verify(() -> {
      assertThat(slowed.status()).isEqualTo(429);
      JsonObject body = slowed.json();
      assertThat(body.getString("error")).isEqualTo("rate_limited");
      assertThat(body.getString("reason")).isEqualTo("too-many-wrong-codes");
      assertThat(body.getJsonObject("params").getInteger("seconds")).isPositive();
    })).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void restRefusalsOutsideAMeetingHaveReasonsToo(VertxTestContext ctx) {
    join("nosuchmeeting", "ABCD-EFGH").compose(unknown -> {
      ctx.verify(() -> {
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().getString("reason")).isEqualTo("meeting-not-found");
      });
      return api.post("/api/meetings", "{\"title\":\"" + "x".repeat(HttpVerticle.MAX_BODY_BYTES) + "\"}");
    }).compose(large -> {
      ctx.verify(() -> {
        assertThat(large.status()).isEqualTo(413);
        assertThat(large.json().getString("reason")).isEqualTo("body-too-large");
        assertThat(large.json().getJsonObject("params")).isEqualTo(new JsonObject().put("max", HttpVerticle.MAX_BODY_BYTES));
      });
      return api.post("/api/meetings", "{\"title\":\"t\",\"chairName\":\"" + "n".repeat(61) + "\"}");
    }).map(tooLong -> ctx.verify(() -> {
      assertThat(tooLong.status()).isEqualTo(413);
      assertThat(tooLong.json().getString("reason")).isEqualTo("too-long");
      assertThat(tooLong.json().getJsonObject("params"))
          .isEqualTo(new JsonObject().put("field", "chairName").put("length", 61).put("max", 60));
    })).onComplete(ctx.succeedingThenComplete());
  }

  private io.vertx.core.Future<Api.Response> join(String meetingId, String code) {
    return api.post("/api/meetings/" + meetingId + "/participants",
        new JsonObject().put("joinCode", code).put("name", "Eve").encode());
  }
}
