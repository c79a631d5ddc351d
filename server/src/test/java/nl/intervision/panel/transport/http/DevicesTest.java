package nl.intervision.panel.transport.http;


import static nl.intervision.panel.support.WsClient.command;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
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
 * One person, two devices: a device code from the first gets the same seat on the second, and a name
 * already in the meeting is asked about instead of becoming a second participant.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class DevicesTest {
  static final int MINUTES = 3;
  static final Tokens OUR_KEY = new Tokens(LiveServer.CONFIG.jwtSecret(), Duration.ofHours(1));

  LiveServer server;
  Api api;

  @BeforeEach
  void startServer(Vertx vertx, VertxTestContext ctx) {
    LiveServer.start(vertx, LiveServer.config("DEVICE_LINK_MINUTES", String.valueOf(MINUTES)))
        .onComplete(ctx.succeeding(started -> {
          server = started;
          api = started.api;
          ctx.completeNow();
        }));
  }

  Future<Api.Response> post(String path, JsonObject body, String bearer) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost("localhost").setPort(server.port)
        .setURI(path).putHeader("Content-Type", "application/json");
    if (bearer != null) {
      options.putHeader("Authorization", "Bearer " + bearer);
    }
    return server.api.send(options, Buffer.buffer(body.encode()))
        .map(reply -> new Api.Response(reply.status(), reply.body().toString()));
  }

  Future<Api.Response> deviceCode(Api.Meeting m, String token) {
    return post("/api/meetings/" + m.id() + "/devices", new JsonObject(), token);
  }

  Future<Api.Response> claim(Api.Meeting m, String deviceCode) {
    return post("/api/meetings/" + m.id() + "/devices/claim", new JsonObject().put("deviceCode", deviceCode), null);
  }

  Future<Api.Response> join(Api.Meeting m, String name, Boolean sameName) {
    JsonObject body = new JsonObject().put("joinCode", m.joinCode()).put("name", name);
    if (sameName != null) {
      body.put("sameName", sameName);
    }
    return post("/api/meetings/" + m.id() + "/participants", body, null);
  }

  /** A device code for this token, which must be given. */
  Future<String> codeFor(Api.Meeting m, String token) {
    return deviceCode(m, token).map(r -> {
      if (r.status() != 201) {
        throw new IllegalStateException("no device code: " + r);
      }
      return r.json().getString("deviceCode");
    });
  }

  static boolean online(JsonObject presence, String participantId) {
    return presence.getJsonArray("participants").stream().map(JsonObject.class::cast)
        .anyMatch(p -> participantId.equals(p.getString("id")) && p.getBoolean("online"));
  }

  static boolean presenceWith(JsonObject frame, String participantId, boolean online) {
    return "presence".equals(frame.getString("type")) && online(frame, participantId) == online;
  }

  /** The first presence, in the order received, that shows this person offline after one showed them online. */
  static java.util.function.Predicate<JsonObject> wentOfflineAfterComingOnline(String participantId) {
    boolean[] cameOnline = {false};
    return frame -> {
      if (presenceWith(frame, participantId, true)) {
        cameOnline[0] = true;
      }
      return cameOnline[0] && presenceWith(frame, participantId, false);
    };
  }

  // ---- a second device

  @Test
  void aClaimedDeviceCodeOpensTheSameSeatAndThePersonCountsOnce(VertxTestContext ctx) {
    long asked = System.currentTimeMillis();
    api.createMeeting("m").compose(m -> api.join(m, "Anna", null).compose(anna -> server.connected(m.chairToken())
        .compose(chair -> server.connected(anna.token()).compose(laptop ->
            chair.frame(f -> presenceWith(f, anna.id(), true)).compose(seen -> deviceCode(m, anna.token())).compose(code -> {
              ctx.verify(() -> {
                assertThat(code.status()).isEqualTo(201);
                long expiresAt = code.json().getLong("expiresAt");
                assertThat(expiresAt).as("DEVICE_LINK_MINUTES from now")
                    .isBetween(asked + MINUTES * 60_000L - 1_000, System.currentTimeMillis() + MINUTES * 60_000L);
              });
              return claim(m, code.json().getString("deviceCode"));
            }).compose(claimed -> {
              JsonObject seat = claimed.json();
              ctx.verify(() -> {
                assertThat(claimed.status()).isEqualTo(200);
                assertThat(seat.fieldNames()).containsExactlyInAnyOrder("meetingId", "participantId", "role", "token");
                assertThat(seat.getString("meetingId")).isEqualTo(m.id());
                assertThat(seat.getString("participantId")).isEqualTo(anna.id());
                assertThat(seat.getString("role")).isEqualTo("participant");
                Identity first = OUR_KEY.verify(anna.token());
                assertThat(OUR_KEY.verify(seat.getString("token")).expiresAt())
                    .as("the second device's token ends with the first one's").isEqualTo(first.expiresAt());
              });
              return server.connect().compose(c -> c.hello(seat.getString("token")).frame("welcome").map(welcome -> {
                ctx.verify(() -> {
                  assertThat(welcome.getJsonObject("you").getString("participantId")).isEqualTo(anna.id());
                  assertThat(welcome.getJsonObject("state").getJsonArray("participants")).hasSize(2);
                });
                return c;
              }));
            }).compose(phone -> phone.ask("done", command("markDone"))
                // Both devices are Anna: the phone's "done" reaches the laptop, and the laptop still acts as her.
                .compose(done -> laptop.applied(done.getLong("seq")))
                .compose(applied -> laptop.ask("not-done", command("markNotDone")))
                .compose(v -> laptop.close()).compose(v -> laptop.closeCode())
                .compose(v -> phone.ask("still-here", command("markDone")))
                .compose(v -> phone.close())
                .compose(v -> chair.frame(wentOfflineAfterComingOnline(anna.id()))))
            .map(offline -> ctx.verify(() -> {
              List<JsonObject> presence = chair.received("presence");
              assertThat(presence).allSatisfy(p -> assertThat(p.getJsonArray("participants")).hasSize(2));
              List<JsonObject> sinceAnnaCame = presence.subList(
                  presence.indexOf(presence.stream().filter(p -> online(p, anna.id())).findFirst().orElseThrow()),
                  presence.size());
              assertThat(sinceAnnaCame.stream().filter(p -> !online(p, anna.id())))
                  .as("Anna goes offline once: when her last device leaves").containsExactly(offline);
              assertThat(presence.get(presence.size() - 1)).isEqualTo(offline);
            }))))))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void anObserverGetsTheirOwnSeatAsObserver(VertxTestContext ctx) {
    api.createMeeting("m").compose(m -> api.join(m, "Olga", "observer").compose(olga -> codeFor(m, olga.token())
        .compose(code -> claim(m, code))
        .map(claimed -> ctx.verify(() -> {
          assertThat(claimed.status()).isEqualTo(200);
          assertThat(claimed.json().getString("participantId")).isEqualTo(olga.id());
          assertThat(claimed.json().getString("role")).isEqualTo("observer");
        }))))
        .onComplete(ctx.succeedingThenComplete());
  }

  // ---- what a device code is not

  @Test
  void aDeviceCodeIsNoMeetingTokenAndAMeetingTokenIsNoDeviceCode(VertxTestContext ctx) {
    api.createMeeting("m").compose(m -> codeFor(m, m.chairToken()).compose(code -> Future.all(List.of(
            server.connect().compose(c -> c.hello(code).closeCode()),
            api.get("/api/meetings/" + m.id() + "/summary", code),
            deviceCode(m, code),
            claim(m, m.chairToken())))
        .map(all -> ctx.verify(() -> {
          assertThat((Short) all.resultAt(0)).as("a device code on the socket").isEqualTo((short) 4401);
          assertThat(((Api.Response) all.resultAt(1)).status()).as("a device code for the summary").isEqualTo(401);
          assertThat(((Api.Response) all.resultAt(2)).status()).as("a device code for another device code").isEqualTo(401);
          Api.Response tokenAsCode = all.resultAt(3);
          assertThat(tokenAsCode.status()).as("a meeting token as device code").isEqualTo(401);
          assertThat(tokenAsCode.json().getString("error")).isEqualTo("unauthorized");
          assertThat(tokenAsCode.json().getString("reason")).isEqualTo("device-link-invalid");
          assertThat(tokenAsCode.json().getString("message")).isEqualTo("this device link is not valid");
        }))))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void anExpiredForgedOrAlteredCodeOrOneOfAnotherMeetingIsRefused(VertxTestContext ctx) {
    api.createMeeting("m").compose(m -> api.createMeeting("other").compose(other -> api.join(m, "Anna", null)
        .compose(anna -> codeFor(m, anna.token()).compose(code -> {
          Identity seat = LiveServer.verified(anna.token());
          // Issued with the server's own key eleven minutes ago: a real code, only too old.
          String expired = OUR_KEY.issueDeviceCode(seat,
              Instant.now().minus(Duration.ofMinutes(MINUTES + 1)).minusSeconds(60), Duration.ofMinutes(MINUTES)).code();
          Tokens otherKey = new Tokens("another-secret-that-is-long-enough-for-hs256!", Duration.ofHours(1));
          String forged = otherKey.issueDeviceCode(seat, Instant.now(), Duration.ofMinutes(MINUTES)).code();
          String altered = alter(code, anna.id(), m.chairId());
          return Future.all(List.of(claim(m, expired), claim(m, forged), claim(m, altered), claim(other, code),
              claim(m, code + "x"), post("/api/meetings/" + m.id() + "/devices/claim", new JsonObject(), null)));
        })
        .map(all -> ctx.verify(() -> {
          Api.Response expired = all.resultAt(0);
          assertThat(expired.status()).isEqualTo(401);
          assertThat(expired.json().getString("reason")).isEqualTo("device-link-expired");
          assertThat(expired.json().getString("message")).contains("expired");
          for (int i = 1; i <= 4; i++) {
            Api.Response refused = all.resultAt(i);
            assertThat(refused.status()).as("answer %d", i).isEqualTo(401);
            assertThat(refused.json().getString("reason")).as("answer %d", i).isEqualTo("device-link-invalid");
          }
          assertThat(((Api.Response) all.resultAt(3)).json().getString("message")).contains("another meeting");
          assertThat(((Api.Response) all.resultAt(5)).status()).as("no deviceCode").isEqualTo(400);
        })))))
        .onComplete(ctx.succeedingThenComplete());
  }

  /** The same signature over a payload that names someone else. */
  static String alter(String jwt, String from, String to) {
    String[] parts = jwt.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace(from, to);
    return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
        + "." + parts[2];
  }

  @Test
  void someoneTheChairRemovedCanNeitherClaimNorAskForACode(VertxTestContext ctx) {
    api.createMeeting("m").compose(m -> api.join(m, "Anna", null).compose(anna -> codeFor(m, anna.token())
        .compose(code -> server.connected(m.chairToken())
            .compose(chair -> chair.ask("remove", command("removeParticipant").put("participantId", anna.id())))
            .compose(removed -> Future.all(claim(m, code), deviceCode(m, anna.token()))))
        .map(all -> ctx.verify(() -> {
          for (int i = 0; i < 2; i++) {
            Api.Response refused = all.resultAt(i);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.json().getString("reason")).isEqualTo("not-in-meeting");
            assertThat(refused.json().getString("message")).isEqualTo("you are no longer in this meeting");
          }
        }))))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void noCodeWithoutAValidTokenForThisMeeting(VertxTestContext ctx) {
    api.createMeeting("m").compose(m -> api.createMeeting("other").compose(other -> Future.all(List.of(
            post("/api/meetings/" + m.id() + "/devices", new JsonObject(), null),
            deviceCode(m, m.chairToken() + "x"),
            deviceCode(m, other.chairToken()),
            post("/api/meetings/nosuchmeeting/devices", new JsonObject(), OUR_KEY.issue("nosuchmeeting", "p-x",
                "participant", Instant.now()))))
        .map(all -> ctx.verify(() -> {
          assertThat(((Api.Response) all.resultAt(0)).status()).isEqualTo(401);
          assertThat(((Api.Response) all.resultAt(1)).status()).isEqualTo(401);
          assertThat(((Api.Response) all.resultAt(2)).status()).isEqualTo(403);
          assertThat(((Api.Response) all.resultAt(3)).status()).isEqualTo(404);
        }))))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void anEndedOrErasedMeetingGivesNoCodeAndTakesNoClaim(VertxTestContext ctx) {
    api.createMeeting("ended").compose(ended -> api.createMeeting("erased").compose(erased ->
        codeFor(ended, ended.chairToken()).compose(endedCode -> codeFor(erased, erased.chairToken()).compose(erasedCode ->
            server.connected(ended.chairToken()).compose(c -> c.ask("end", command("endMeeting")))
                .compose(v -> server.connected(erased.chairToken()))
                .compose(c -> c.ask("end", command("endMeeting").put("erase", true)))
                .compose(v -> Future.all(List.of(deviceCode(ended, ended.chairToken()), claim(ended, endedCode),
                    deviceCode(erased, erased.chairToken()), claim(erased, erasedCode))))))))
        .map(all -> ctx.verify(() -> {
          for (int i = 0; i < 4; i++) {
            Api.Response answer = all.resultAt(i);
            assertThat(answer.status()).as("answer %d", i).isEqualTo(404);
            assertThat(answer.json().getString("error")).isEqualTo("not_found");
          }
        }))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void failedClaimsAreSlowedDownLikeWrongJoinCodes(Vertx vertx, VertxTestContext ctx) {
    LiveServer.start(vertx, LiveServer.config("JOIN_FAILURES_PER_MINUTE", "2")).compose(limited ->
        limited.api.createMeeting("m").compose(m -> {
          server = limited;
          List<Future<Api.Response>> tries = List.of(claim(m, "nonsense-1"), claim(m, "nonsense-2"), claim(m, "nonsense-3"));
          return Future.all(tries).compose(all -> codeFor(m, m.chairToken()).compose(code -> claim(m, code))
              .map(rightButBlocked -> ctx.verify(() -> {
                assertThat(tries.stream().map(t -> t.result().status())).containsExactlyInAnyOrder(401, 401, 429);
                assertThat(rightButBlocked.status()).as("a right code while the address waits").isEqualTo(429);
                assertThat(rightButBlocked.json().getString("error")).isEqualTo("rate_limited");
              })));
        }))
        .onComplete(ctx.succeedingThenComplete());
  }

  // ---- a name already in the meeting

  @Test
  void aNameAlreadyInTheMeetingIsAskedAboutAndJoinsOnlyWhenSaidToBeAnotherPerson(VertxTestContext ctx) {
    api.createMeeting("m").compose(m -> api.join(m, "Anna de Vries", null).compose(anna -> Future.all(List.of(
            join(m, "Anna de Vries", null), join(m, "  anna DE vries ", null), join(m, "ANNA  DE VRIES", false),
            join(m, "Anna de Vries", null)))
        .compose(refusals -> join(m, "anna de vries", true).map(joined -> {
          ctx.verify(() -> {
            for (int i = 0; i < 4; i++) {
              Api.Response refused = refusals.resultAt(i);
              assertThat(refused.status()).as("attempt %d", i).isEqualTo(409);
              JsonObject body = refused.json();
              assertThat(body.getString("error")).isEqualTo("conflict");
              assertThat(body.getString("reason")).isEqualTo("name-taken");
              assertThat(body.getJsonObject("params").getString("name")).isEqualTo("Anna de Vries");
              assertThat(body.getString("message")).startsWith("someone called Anna de Vries is already in this meeting; ");
            }
            assertThat(joined.status()).isEqualTo(201);
            assertThat(joined.json().getString("participantId")).isNotEqualTo(anna.id());
            assertThat(joined.json().getString("meetingId")).isEqualTo(m.id());
            assertThat(joined.json().getString("role")).isEqualTo("participant");
          });
          return joined;
        }))
        .compose(v -> server.connected(m.chairToken()))
        .map(chair -> ctx.verify(() -> assertThat(chair.received("welcome").get(0).getJsonObject("state")
            .getJsonArray("participants")).as("the chair, Anna, and the other Anna").hasSize(3)))))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void theChairsNameIsTakenTooAndSameNameMustBeABoolean(VertxTestContext ctx) {
    api.createMeeting("m").compose(m -> Future.all(join(m, "chris", null), join(m, "Chris", null).compose(r ->
            post("/api/meetings/" + m.id() + "/participants",
                new JsonObject().put("joinCode", m.joinCode()).put("name", "Chris").put("sameName", "yes"), null)))
        .map(all -> ctx.verify(() -> {
          assertThat(((Api.Response) all.resultAt(0)).json().getString("reason")).isEqualTo("name-taken");
          Api.Response wrongType = all.resultAt(1);
          assertThat(wrongType.status()).isEqualTo(400);
          assertThat(wrongType.json().getString("message")).isEqualTo("sameName must be true or false");
        })))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void aWrongJoinCodeIsRefusedBeforeTheNameSaysWhoIsIn(VertxTestContext ctx) {
    api.createMeeting("m").compose(m -> post("/api/meetings/" + m.id() + "/participants",
            new JsonObject().put("joinCode", "WRON-GCOD").put("name", "Chris"), null))
        .map(r -> ctx.verify(() -> {
          assertThat(r.status()).isEqualTo(403);
          // Refused for the code alone: nothing in the answer says that a Chris is in the meeting.
          assertThat(r.json().getString("reason")).isEqualTo("wrong-join-code");
          assertThat(r.json().containsKey("params")).isFalse();
        }))
        .onComplete(ctx.succeedingThenComplete());
  }
}
