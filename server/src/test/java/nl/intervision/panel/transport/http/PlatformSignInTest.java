package nl.intervision.panel.transport.http;


import static org.assertj.core.api.Assertions.assertThat;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.Keys;
import io.jsonwebtoken.security.RsaPublicJwk;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import nl.intervision.panel.support.Api;
import nl.intervision.panel.support.LiveServer;
import nl.intervision.panel.support.WsClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sign-in through the meeting platforms, with keys made in the test and a JWKS served by a local
 * HTTP server: a proof by the platform's rules gets in, anything else is refused and creates nothing.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class PlatformSignInTest {
  static final String TENANT = "72f988bf-0000-0000-0000-2d7cd011db47";
  static final String TEAMS_APP = "11111111-2222-3333-4444-555555555555";
  static final String GOOGLE_CLIENT = "1234-abc.apps.googleusercontent.com";
  static final String WEBEX_APP = "Y2lzY29zcGFyazovL3VzL0FQUExJQ0FUSU9O";
  static final String JITSI_SECRET = "a-jitsi-app-secret-of-at-least-32-bytes!";
  static final String ZOOM_CLIENT = "zoomclientid";
  static final String ZOOM_SECRET = "zoom-client-secret";

  final KeyPair platformKeys = Jwts.SIG.RS256.keyPair().build();
  final KeyPair strangerKeys = Jwts.SIG.RS256.keyPair().build();
  HttpServer jwks;
  LiveServer server;
  Api api;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    RsaPublicJwk jwk = Jwks.builder().key((java.security.interfaces.RSAPublicKey) platformKeys.getPublic()).id("k1").build();
    String keySet = new JsonObject().put("keys", List.of(new JsonObject(Jwks.UNSAFE_JSON(jwk)))).encode();
    jwks = vertx.createHttpServer().requestHandler(req -> req.response().putHeader("Content-Type", "application/json").end(keySet));
    jwks.listen(0, "127.0.0.1").compose(listening -> {
      String keys = "http://127.0.0.1:" + listening.actualPort() + "/keys";
      return LiveServer.start(vertx, LiveServer.config(
          "TEAMS_CLIENT_ID", TEAMS_APP, "TEAMS_JWKS_URL", keys,
          "GOOGLE_CLIENT_ID", GOOGLE_CLIENT, "GOOGLE_JWKS_URL", keys,
          "WEBEX_APP_ID", WEBEX_APP, "WEBEX_JWKS_URL", keys,
          "JITSI_APP_ID", "our-app", "JITSI_SECRET", JITSI_SECRET,
          "ZOOM_CLIENT_ID", ZOOM_CLIENT, "ZOOM_CLIENT_SECRET", ZOOM_SECRET));
    }).onComplete(ctx.succeeding(started -> {
      server = started;
      api = started.api;
      ctx.completeNow();
    }));
  }

  // ---- tokens as the platforms make them

  io.jsonwebtoken.JwtBuilder teams(String meetingUser) {
    Instant now = Instant.now();
    return Jwts.builder().header().keyId("k1").and()
        .issuer("https://login.microsoftonline.com/" + TENANT + "/v2.0")
        .audience().add(TEAMS_APP).and()
        .claim("tid", TENANT).claim("oid", meetingUser).claim("name", "Teams " + meetingUser).claim("scp", "access_as_user")
        .issuedAt(Date.from(now)).notBefore(Date.from(now)).expiration(Date.from(now.plus(Duration.ofHours(1))));
  }

  String signed(io.jsonwebtoken.JwtBuilder builder) {
    return builder.signWith(platformKeys.getPrivate(), Jwts.SIG.RS256).compact();
  }

  Future<Api.Response> signIn(String platform, JsonObject proof) {
    return api.post("/api/platform/" + platform + "/session", proof.encode());
  }

  static JsonObject teamsProof(String token, String meeting) {
    return new JsonObject().put("token", token).put("meetingId", meeting);
  }

  @Test
  void aTeamsMeetingLeadsToOneMeetingItsFirstVisitorChairs(VertxTestContext ctx) {
    String meeting = "19:meeting_" + UUID.randomUUID() + "@thread.v2";
    signIn("teams", teamsProof(signed(teams("alice")), meeting))
        .compose(alice -> signIn("teams", teamsProof(signed(teams("bob")), meeting)).compose(bob ->
            signIn("teams", teamsProof(signed(teams("alice")), meeting)).map(again -> {
              ctx.verify(() -> {
                assertThat(alice.status()).isEqualTo(201);
                assertThat(alice.json().getString("role")).isEqualTo("chair");
                assertThat(bob.json().getString("role")).isEqualTo("participant");
                assertThat(bob.json().getString("meetingId")).isEqualTo(alice.json().getString("meetingId"));
                assertThat(again.json().getString("participantId")).isEqualTo(alice.json().getString("participantId"));
              });
              return bob.json().getString("token");
            })))
        .compose(token -> server.connected(token))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void badTeamsTokensAreRefusedAndCreateNothing(VertxTestContext ctx) {
    String meeting = "19:meeting_" + UUID.randomUUID() + "@thread.v2";
    Instant now = Instant.now();
    List<String> bad = List.of(
        signed(teams("x").expiration(Date.from(now.minus(Duration.ofHours(2)))).issuedAt(Date.from(now.minus(Duration.ofHours(3))))
            .notBefore(Date.from(now.minus(Duration.ofHours(3))))),
        signed(teams("x").notBefore(Date.from(now.plus(Duration.ofHours(1))))),
        signed(teams("x").issuer("https://login.microsoftonline.com/another-tenant/v2.0")),
        signed(teams("x").audience().single("someone-elses-app")),
        signed(teams("x").claim("scp", "User.Read")),
        teams("x").header().keyId("unknown").and().signWith(platformKeys.getPrivate(), Jwts.SIG.RS256).compact(),
        teams("x").signWith(strangerKeys.getPrivate(), Jwts.SIG.RS256).compact(),
        // HS256 "signed" with the platform's public key as if it were a shared secret
        teams("x").signWith(Keys.hmacShaKeyFor(platformKeys.getPublic().getEncoded()), Jwts.SIG.HS256).compact(),
        unsigned("none"), unsigned("None"), unsigned("NONE"), unsigned("nOnE"),
        "not-a-token");
    Future<?> all = Future.succeededFuture();
    for (String token : bad) {
      all = all.compose(v -> signIn("teams", teamsProof(token, meeting)).map(r -> {
        ctx.verify(() -> {
          assertThat(r.status()).as(r.body()).isEqualTo(401);
          assertThat(r.json().getString("error")).isEqualTo("unauthorized");
        });
        return null;
      }));
    }
    // Had any of those created the meeting, this first good visitor would not be its chair.
    all.compose(v -> signIn("teams", teamsProof(signed(teams("first")), meeting)))
        .map(r -> ctx.verify(() -> assertThat(r.json().getString("role")).isEqualTo("chair")))
        .onComplete(ctx.succeedingThenComplete());
  }

  String unsigned(String alg) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString(("{\"alg\":\"" + alg + "\",\"kid\":\"k1\"}").getBytes(StandardCharsets.UTF_8));
    String payload = b64.encodeToString(new JsonObject().put("iss", "https://login.microsoftonline.com/" + TENANT + "/v2.0")
        .put("aud", TEAMS_APP).put("tid", TENANT).put("oid", "mallory").put("scp", "access_as_user")
        .put("exp", Instant.now().getEpochSecond() + 3600).encode().getBytes(StandardCharsets.UTF_8));
    return header + "." + payload + ".";
  }

  @Test
  void aJitsiModeratorTakesTheChairFromSomeoneWhoWasOnlyFirst(VertxTestContext ctx) {
    String room = "room-" + UUID.randomUUID();
    signIn("jitsi", new JsonObject().put("token", jitsi(room, "guest", false)))
        .compose(guest -> signIn("jitsi", new JsonObject().put("token", jitsi(room, "mod", true))).map(mod -> {
          ctx.verify(() -> {
            assertThat(guest.json().getString("role")).isEqualTo("chair");
            assertThat(mod.json().getString("role")).isEqualTo("chair");
            assertThat(mod.json().getString("meetingId")).isEqualTo(guest.json().getString("meetingId"));
          });
          return guest;
        }))
        .compose(guest -> signIn("jitsi", new JsonObject().put("token", jitsi(room, "guest", false))))
        .map(again -> ctx.verify(() -> assertThat(again.json().getString("role")).isEqualTo("participant")))
        .compose(v -> signIn("jitsi", new JsonObject().put("token", Jwts.builder().issuer("our-app").audience().add("jitsi").and()
            .claim("room", room).expiration(Date.from(Instant.now().plusSeconds(600)))
            .signWith(Keys.hmacShaKeyFor("a-different-secret-of-at-least-32-bytes!!".getBytes()), Jwts.SIG.HS256).compact())))
        .map(forged -> ctx.verify(() -> assertThat(forged.status()).isEqualTo(401)))
        .onComplete(ctx.succeedingThenComplete());
  }

  static String jitsi(String room, String user, boolean moderator) {
    return Jwts.builder().issuer("our-app").audience().add("jitsi").and().subject("meet.example.org")
        .claim("room", room)
        .claim("context", Map.of("user", Map.of("id", user, "name", "Jitsi " + user, "moderator", String.valueOf(moderator))))
        .expiration(Date.from(Instant.now().plusSeconds(600)))
        .signWith(Keys.hmacShaKeyFor(JITSI_SECRET.getBytes(StandardCharsets.UTF_8)), Jwts.SIG.HS256).compact();
  }

  @Test
  void aZoomHostIsRecognisedFromTheEncryptedAppContext(VertxTestContext ctx) throws Exception {
    String meeting = "mtg-" + UUID.randomUUID();
    long later = System.currentTimeMillis() + 600_000;
    JsonObject host = new JsonObject().put("typ", "meeting").put("uid", "u-host").put("mid", meeting).put("iss", "marketplace.zoom.us")
        .put("aud", ZOOM_CLIENT).put("exp", later).put("attendrole", "host");
    String good = zoomContext(host, ZOOM_SECRET);
    String wrongKey = zoomContext(host, "not-the-secret");
    String expired = zoomContext(host.copy().put("exp", System.currentTimeMillis() - 1000), ZOOM_SECRET);
    String otherApp = zoomContext(host.copy().put("aud", "another-app"), ZOOM_SECRET);
    Future.all(List.of(
            signIn("zoom", new JsonObject().put("context", wrongKey)),
            signIn("zoom", new JsonObject().put("context", expired)),
            signIn("zoom", new JsonObject().put("context", otherApp)),
            signIn("zoom", new JsonObject().put("context", "garbage"))))
        .compose(refused -> {
          ctx.verify(() -> refused.<Api.Response>list().forEach(r -> assertThat(r.status()).as(r.body()).isEqualTo(401)));
          return signIn("zoom", new JsonObject().put("context", good).put("name", "Hanna"));
        })
        .map(r -> ctx.verify(() -> {
          assertThat(r.status()).isEqualTo(201);
          assertThat(r.json().getString("role")).isEqualTo("chair");
        }))
        .onComplete(ctx.succeedingThenComplete());
  }

  /** What Zoom sends: AES-256-GCM under SHA-256(client secret), framed as iv, aad, ciphertext, tag. */
  static String zoomContext(JsonObject context, String secret) throws Exception {
    byte[] iv = new byte[12];
    new SecureRandom().nextBytes(iv);
    byte[] aad = new byte[0];
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    byte[] key = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
    cipher.updateAAD(aad);
    byte[] sealed = cipher.doFinal(context.encode().getBytes(StandardCharsets.UTF_8));
    int cipherLength = sealed.length - 16;
    ByteBuffer out = ByteBuffer.allocate(1 + iv.length + 2 + aad.length + 4 + sealed.length).order(ByteOrder.LITTLE_ENDIAN);
    out.put((byte) iv.length).put(iv).putShort((short) aad.length).put(aad).putInt(cipherLength).put(sealed);
    return Base64.getEncoder().encodeToString(out.array());
  }

  @Test
  void googleAndWebexTokensGetIn(VertxTestContext ctx) {
    Instant now = Instant.now();
    String google = signed(Jwts.builder().header().keyId("k1").and().issuer("https://accounts.google.com")
        .audience().add(GOOGLE_CLIENT).and().subject("g-123").claim("name", "Gita").expiration(Date.from(now.plusSeconds(600))));
    String webex = signed(Jwts.builder().header().keyId("k1").and().issuer("https://idbroker-b-us.webex.com/idb")
        .audience().add(WEBEX_APP).and().claim("com.cisco.user.uuid", "w-1").claim("com.cisco.context.uuid.meetingid", "m-1")
        .claim("name", "Wim").expiration(Date.from(now.plusSeconds(600))));
    String webexForeign = signed(Jwts.builder().header().keyId("k1").and().issuer("https://idbroker.evil.example/idb")
        .audience().add(WEBEX_APP).and().claim("com.cisco.user.uuid", "w-1").claim("com.cisco.context.uuid.meetingid", "m-1")
        .expiration(Date.from(now.plusSeconds(600))));
    Future.all(List.of(
            signIn("google-meet", new JsonObject().put("token", google).put("meetingId", "abc-defg-hij")),
            signIn("webex", new JsonObject().put("token", webex)),
            signIn("webex", new JsonObject().put("token", webexForeign)),
            signIn("google-meet", new JsonObject().put("token", google)),
            signIn("bigbluebutton", new JsonObject().put("token", google))))
        .map(all -> ctx.verify(() -> {
          List<Api.Response> r = all.list();
          assertThat(r).extracting(Api.Response::status).containsExactly(201, 201, 401, 401, 404);
          assertThat(r.get(4).json().getString("message")).contains("not configured");
        }))
        .compose(v -> api.get("/api/platforms"))
        .map(settings -> ctx.verify(() -> {
          assertThat(settings.json().getJsonArray("enabled")).containsExactly("google-meet", "jitsi", "teams", "webex", "zoom");
          assertThat(settings.json().getJsonObject("google-meet").getString("clientId")).isEqualTo(GOOGLE_CLIENT);
          assertThat(settings.body()).doesNotContain(ZOOM_SECRET, JITSI_SECRET);
        }))
        .onComplete(ctx.succeedingThenComplete());
  }
}
