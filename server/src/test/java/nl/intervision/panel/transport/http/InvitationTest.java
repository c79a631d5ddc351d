package nl.intervision.panel.transport.http;


import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.concurrent.TimeUnit;
import nl.intervision.panel.support.Api;
import nl.intervision.panel.support.LiveServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The invitation link says where it leads before anyone joins, and only for the right join code. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class InvitationTest {

  static Future<Api.Response> invitation(Api api, String meetingId, String code) {
    return api.post("/api/meetings/" + meetingId + "/invitation", new JsonObject().put("joinCode", code).encode());
  }

  @Test
  void theRightCodeNamesTheMeetingItsChairAndMethodAndChangesNothing(Vertx vertx, VertxTestContext ctx) {
    LiveServer.start(vertx, LiveServer.CONFIG).compose(server -> server.api.createMeeting("Intervisie team Noord")
        .compose(m -> invitation(server.api, m.id(), m.joinCode().toLowerCase())
            .compose(found -> server.api.join(m, "Anna", null).map(anna -> {
              ctx.verify(() -> {
                assertThat(found.status()).isEqualTo(200);
                JsonObject body = found.json();
                assertThat(body.getString("title")).isEqualTo("Intervisie team Noord");
                assertThat(body.getString("chairName")).isEqualTo("Chris");
                assertThat(body.getString("method")).isNotBlank();
                assertThat(body.getInteger("participants")).as("asking is not joining").isEqualTo(1);
                assertThat(body.containsKey("joinCode")).isFalse();
              });
              return anna;
            }))))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void aWrongCodeLearnsNothingAndCountsLikeAWrongCodeAtJoining(Vertx vertx, VertxTestContext ctx) {
    LiveServer.start(vertx, LiveServer.config("JOIN_FAILURES_PER_MINUTE", "2")).compose(server ->
        server.api.createMeeting("Geheim").compose(m -> invitation(server.api, m.id(), "AAAA-AAAA")
            .compose(first -> invitation(server.api, m.id(), "BBBB-BBBB")
                .compose(second -> invitation(server.api, m.id(), "CCCC-CCCC")
                    .compose(third -> invitation(server.api, m.id(), m.joinCode()).map(rightButBlocked -> {
                      ctx.verify(() -> {
                        assertThat(first.status()).isEqualTo(403);
                        assertThat(first.json().getString("reason")).isEqualTo("wrong-join-code");
                        assertThat(first.body()).doesNotContain("Geheim").doesNotContain("Chris");
                        assertThat(third.status()).as("the address's budget of wrong codes is spent").isEqualTo(429);
                        assertThat(rightButBlocked.status()).as("the same buckets as joining").isEqualTo(429);
                      });
                      return third;
                    }))))))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void anUnknownMeetingIsNotFoundAndAMissingCodeIsABadRequest(Vertx vertx, VertxTestContext ctx) {
    LiveServer.start(vertx, LiveServer.CONFIG).compose(server -> invitation(server.api, "no-such-meeting", "AAAA-AAAA")
        .compose(unknown -> server.api.createMeeting("m").compose(m ->
            server.api.post("/api/meetings/" + m.id() + "/invitation", "{}").map(missing -> {
              ctx.verify(() -> {
                assertThat(unknown.status()).isEqualTo(404);
                assertThat(missing.status()).isEqualTo(400);
                assertThat(missing.json().getString("reason")).isEqualTo("field-required");
              });
              return missing;
            }))))
        .onComplete(ctx.succeedingThenComplete());
  }
}
