package nl.intervision.panel.contract;

import static io.vertx.core.http.HttpMethod.DELETE;
import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.PATCH;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;
import static nl.intervision.panel.support.WsClient.command;
import static org.assertj.core.api.Assertions.assertThat;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import nl.intervision.panel.auth.Tokens;
import nl.intervision.panel.contract.CheckedCalls.Checked;
import nl.intervision.panel.contract.ApiDocument.Operation;
import nl.intervision.panel.support.LiveServer;
import nl.intervision.panel.support.WsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * docs/openapi.yaml against a running server (in memory, on a free port): every documented operation is
 * called for real, on its happy path and on its documented errors where a client can bring them about,
 * and every answer's status, media type, required headers and body must be what the document gives for
 * that status. The other way round, every route the server's router serves must be in the document.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LiveContractTest {
  static final String METRICS_TOKEN = "metrics-token-for-the-contract-test";
  static final String JITSI_SECRET = "a-jitsi-app-secret-of-at-least-32-bytes!";
  /** Wrong codes a meeting or group takes per minute before everyone waits: small, so a test meeting reaches it. */
  static final int WRONG_CODES = 5;

  static Vertx vertx;
  static LiveServer server;
  static Context loop;
  static final ApiDocument doc = ApiDocument.load();
  /** The same key as the server's, for tokens of meetings and groups that do not exist. */
  static final Tokens KEY = new Tokens(LiveServer.CONFIG.jwtSecret(), Duration.ofHours(1));
  final CheckedCalls calls = new CheckedCalls(server, doc, loop);
  final AtomicInteger ids = new AtomicInteger();

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    loop = vertx.getOrCreateContext();
    server = LiveServer.start(vertx, LiveServer.config(
        // No limit per address, so the many wrong codes of this test only hold up the meetings they were for.
        "JOIN_FAILURES_PER_MINUTE", "0", "JOIN_FAILURES_PER_MINUTE_PER_MEETING", Integer.toString(WRONG_CODES),
        "METRICS_TOKEN", METRICS_TOKEN, "JITSI_APP_ID", "our-app", "JITSI_SECRET", JITSI_SECRET)).await();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @Test
  void everyDocumentedOperationAnswersAsTheDocumentSays() {
    meetings();
    devicesAndInvitations();
    platforms();
    groups();
    groupSignIns();
    operations();
    commonRefusals();

    for (Operation op : doc.operations()) {
      Set<Integer> statuses = calls.answered.getOrDefault(op.id(), Set.of());
      assertThat(statuses).as("%s was called and succeeded", op.id()).anyMatch(s -> s < 400);
      if (!WITHOUT_REACHABLE_ERRORS.contains(op.id())) {
        assertThat(statuses).as("%s was made to fail as documented", op.id()).anyMatch(s -> s >= 400);
      }
    }
  }

  /**
   * Operations whose documented errors a client cannot bring about on this node: no input they refuse, and
   * a store in memory that always answers (a node whose database is gone is {@link StoreGoneContractTest}'s).
   */
  static final Set<String> WITHOUT_REACHABLE_ERRORS = Set.of("listMethods", "listPlatforms", "health", "ready",
      "getOpenApiDocument");

  void meetings() {
    JsonObject created = call(POST, "/api/meetings", null, new JsonObject().put("title", "Team Noord")
        .put("chairName", "Chris").put("locale", "en").encode()).expect(201);
    String id = created.getString("meetingId");
    String chair = created.getString("token");
    String code = created.getString("joinCode");
    call(POST, "/api/meetings", null, new JsonObject().put("chairName", "Chris").encode())
        .expect(400, "field-required");
    call(POST, "/api/meetings", null, new JsonObject().put("title", "t").put("chairName", "c").put("method", "nope")
        .encode()).expect(400, "unknown-method");
    call(POST, "/api/meetings", null, "[1]").expect(400, "bad-command");
    call(POST, "/api/meetings", null, new JsonObject().put("title", "t".repeat(121)).put("chairName", "c").encode())
        .expect(413, "too-long");
    call(POST, "/api/meetings", null, new JsonObject().put("title", "x".repeat(70_000)).encode())
        .expect(413, "body-too-large");

    String participants = "/api/meetings/" + id + "/participants";
    String anna = call(POST, participants, null, join(code, "Anna")).expect(201).getString("token");
    call(POST, participants, null, joining(code, "Bert").put("role", "observer").encode()).expect(201);
    call(POST, participants, null, join(code, "anna")).expect(409, "name-taken");
    call(POST, participants, null, new JsonObject().put("name", "Cees").encode()).expect(400, "field-required");
    call(POST, participants, null, joining(code, "Cees").put("sameName", "yes").encode()).expect(400, "bad-command");
    call(POST, participants, null, join(code, "C".repeat(61))).expect(413, "too-long");
    call(POST, participants, null, join("AAAA-AAAA", "Cees")).expect(403, "wrong-join-code");
    call(POST, "/api/meetings/nosuchmeeting0000/participants", null, join(code, "Cees"))
        .expect(404, "meeting-not-found");

    String summary = "/api/meetings/" + id + "/summary";
    Checked markdown = call(GET, summary, chair, null);
    markdown.expect(200);
    assertThat(markdown.headers().get("Content-Type")).startsWith("text/markdown");
    call(GET, summary, anna, null, "Accept", "application/json").expect(200);
    call(GET, summary, null, null).expect(401, "token-invalid");
    call(GET, summary, KEY.issue("othermeeting0000", "p-x", "participant", Instant.now()), null)
        .expect(403, "token-other-meeting");
    call(GET, "/api/meetings/nosuchmeeting0000/summary",
        KEY.issue("nosuchmeeting0000", "p-x", "participant", Instant.now()), null).expect(404, "meeting-not-found");
    String annaId = LiveServer.verified(anna).participantId();
    WsClient chairSocket = onLoop(() -> server.connected(chair));
    onLoop(() -> chairSocket.ask(nextId(), command("removeParticipant").put("participantId", annaId)));
    call(GET, summary, anna, null).expect(403, "summary-not-allowed");
    call(POST, "/api/meetings/" + id + "/devices", anna, "{}").expect(401, "not-in-meeting");

    call(GET, "/api/methods", null, null).expect(200);
    call(GET, "/api/methods?locale=nl", null, null).expect(200);
  }

  void devicesAndInvitations() {
    JsonObject created = call(POST, "/api/meetings", null, new JsonObject().put("title", "Devices")
        .put("chairName", "Chris").encode()).expect(201);
    String id = created.getString("meetingId");
    String chair = created.getString("token");
    String code = created.getString("joinCode");
    String devices = "/api/meetings/" + id + "/devices";
    String claim = devices + "/claim";

    String dora = call(POST, "/api/meetings/" + id + "/participants", null, join(code, "Dora")).expect(201)
        .getString("token");
    String doraCode = call(POST, devices, dora, "{}").expect(201).getString("deviceCode");
    String chairCode = call(POST, devices, chair, null).expect(201).getString("deviceCode");
    call(POST, claim, null, new JsonObject().put("deviceCode", chairCode).encode()).expect(200);
    call(POST, devices, null, "{}").expect(401, "token-invalid");
    call(POST, devices, KEY.issue("othermeeting0000", "p-x", "participant", Instant.now()), "{}")
        .expect(403, "token-other-meeting");
    call(POST, "/api/meetings/nosuchmeeting0000/devices",
        KEY.issue("nosuchmeeting0000", "p-x", "participant", Instant.now()), "{}").expect(404, "meeting-not-found");
    call(POST, claim, null, "{}").expect(400, "field-required");
    call(POST, claim, null, "nothing").expect(400, "bad-command");
    call(POST, claim, null, new JsonObject().put("deviceCode", chair).encode()).expect(401, "device-link-invalid");
    call(POST, "/api/meetings/nosuchmeeting0000/devices/claim", null, new JsonObject().put("deviceCode", chairCode)
        .encode()).expect(404, "meeting-not-found");
    WsClient chairSocket = onLoop(() -> server.connected(chair));
    String doraId = LiveServer.verified(dora).participantId();
    onLoop(() -> chairSocket.ask(nextId(), command("removeParticipant").put("participantId", doraId)));
    call(POST, claim, null, new JsonObject().put("deviceCode", doraCode).encode()).expect(401, "not-in-meeting");

    String invitation = "/api/meetings/" + id + "/invitation";
    call(POST, invitation, null, new JsonObject().put("joinCode", code.toLowerCase()).encode()).expect(200);
    call(POST, invitation, null, "{}").expect(400, "field-required");
    call(POST, invitation, null, new JsonObject().put("joinCode", "AAAA-AAAA").encode()).expect(403, "wrong-join-code");
    call(POST, "/api/meetings/nosuchmeeting0000/invitation", null, new JsonObject().put("joinCode", code).encode())
        .expect(404, "meeting-not-found");

    onLoop(() -> chairSocket.ask(nextId(), command("endMeeting")));
    call(POST, invitation, null, new JsonObject().put("joinCode", code).encode()).expect(404, "meeting-ended");
    call(POST, devices, chair, "{}").expect(404, "meeting-ended");
    call(POST, claim, null, new JsonObject().put("deviceCode", chairCode).encode()).expect(404, "meeting-ended");
    call(POST, "/api/meetings/" + id + "/participants", null, join(code, "Eva")).expect(404, "meeting-ended");

    // A meeting someone guesses the code of: past the limit, every way in with a code waits, the right one too.
    JsonObject guessed = call(POST, "/api/meetings", null, new JsonObject().put("title", "Guessed")
        .put("chairName", "Chris").encode()).expect(201);
    String guessedId = guessed.getString("meetingId");
    for (int i = 0; i < WRONG_CODES; i++) {
      call(POST, "/api/meetings/" + guessedId + "/participants", null, join("AAAA-AAAA", "Guesser"))
          .expect(403, "wrong-join-code");
    }
    String right = guessed.getString("joinCode");
    call(POST, "/api/meetings/" + guessedId + "/participants", null, join(right, "Fay"))
        .expect(429, "too-many-wrong-codes");
    call(POST, "/api/meetings/" + guessedId + "/invitation", null, new JsonObject().put("joinCode", right).encode())
        .expect(429, "too-many-wrong-codes");
    call(POST, "/api/meetings/" + guessedId + "/devices/claim", null, new JsonObject().put("deviceCode", "x").encode())
        .expect(429, "too-many-wrong-codes");
  }

  void platforms() {
    call(GET, "/api/platforms", null, null).expect(200);
    String jitsi = "/api/platform/jitsi/session";
    String room = "contract-" + System.nanoTime();
    String token = jitsi(room, "jo");
    call(POST, jitsi, null, new JsonObject().put("token", token).put("title", "Jitsi room").encode()).expect(201);
    call(POST, jitsi, null, new JsonObject().put("token", token + "x").encode()).expect(401, "platform-proof-refused");
    call(POST, jitsi, null, "[]").expect(400, "bad-command");
    call(POST, "/api/platform/zoom/session", null, "{}").expect(404, "platform-not-configured");
    for (int i = 1; i < 40; i++) {
      call(POST, jitsi, null, new JsonObject().put("token", jitsi(room, "user" + i)).encode()).expect(201);
    }
    call(POST, jitsi, null, new JsonObject().put("token", jitsi(room, "one-too-many")).encode())
        .expect(409, "meeting-full");
  }

  static String jitsi(String room, String user) {
    return Jwts.builder().issuer("our-app").audience().add("jitsi").and().subject("meet.example.org")
        .claim("room", room)
        .claim("context", Map.of("user", Map.of("id", user, "name", "Jitsi " + user, "moderator", "false")))
        .expiration(Date.from(Instant.now().plusSeconds(600)))
        .signWith(Keys.hmacShaKeyFor(JITSI_SECRET.getBytes(StandardCharsets.UTF_8)), Jwts.SIG.HS256).compact();
  }

  /** A member's platform sign-in linked to their seat, found again by the sign-in alone, and forgotten. */
  void groupSignIns() {
    JsonObject created = call(POST, "/api/groups", null, new JsonObject().put("name", "Raad Zuid")
        .put("creatorName", "Anna").encode()).expect(201);
    String group = "/api/groups/" + created.getString("groupId");
    String anna = created.getString("token");
    JsonObject bertJoined = call(POST, group + "/members", null, join(created.getString("joinCode"), "Bert")).expect(201);
    String bert = bertJoined.getString("token");
    String accounts = group + "/accounts/jitsi";
    String bertsProof = new JsonObject().put("token", jitsi("any-room", "jitsi-bert-" + System.nanoTime())).encode();

    call(PUT, accounts, bert, bertsProof).expect(200);
    call(PUT, accounts, anna, bertsProof).expect(409, "account-linked-elsewhere");
    call(PUT, accounts, anna, new JsonObject().put("token", "forged").encode()).expect(401, "platform-proof-refused");
    call(PUT, accounts, null, bertsProof).expect(401, "token-invalid");
    call(PUT, accounts, anna, "[]").expect(400, "bad-command");
    call(PUT, group + "/accounts/zoom", anna, "{}").expect(404, "platform-not-configured");
    String strangerToken = KEY.issueGroup("g-nosuchgroup", "m-x", Instant.now());
    call(PUT, accounts, strangerToken, bertsProof).expect(403, "not-a-group-member");
    call(PUT, "/api/groups/g-nosuchgroup/accounts/jitsi", strangerToken, bertsProof).expect(404, "group-not-found");

    call(POST, "/api/platform/jitsi/groups", null, bertsProof).expect(200);
    call(POST, "/api/platform/jitsi/groups", null, "{\"token\": \"forged\"}").expect(401, "platform-proof-refused");
    call(POST, "/api/platform/jitsi/groups", null, "[]").expect(400, "bad-command");
    call(POST, "/api/platform/zoom/groups", null, "{}").expect(404, "platform-not-configured");

    call(DELETE, accounts, bert, null).expect(200);
    call(DELETE, group + "/accounts/" + "p".repeat(33), bert, null).expect(413, "too-long");
    call(DELETE, accounts, null, null).expect(401, "token-invalid");
    call(DELETE, accounts, strangerToken, null).expect(403, "not-a-group-member");
    call(DELETE, "/api/groups/g-nosuchgroup/accounts/jitsi", strangerToken, null).expect(404, "group-not-found");
  }

  void groups() {
    JsonObject created = call(POST, "/api/groups", null, new JsonObject().put("name", "Griffiers Oost")
        .put("creatorName", "Anna").put("language", "en").encode()).expect(201);
    String group = "/api/groups/" + created.getString("groupId");
    String code = created.getString("joinCode");
    String anna = created.getString("token");
    String annaId = created.getString("memberId");
    call(POST, "/api/groups", null, new JsonObject().put("creatorName", "Anna").encode()).expect(400, "field-required");
    call(POST, "/api/groups", null, new JsonObject().put("name", "G").put("creatorName", "A").put("method", "nope")
        .encode()).expect(400, "unknown-method");
    call(POST, "/api/groups", null, new JsonObject().put("name", "G").put("creatorName", "A").put("usualMinutes", 5)
        .encode()).expect(400, "minutes-out-of-range");
    call(POST, "/api/groups", null, new JsonObject().put("name", "G".repeat(121)).put("creatorName", "A").encode())
        .expect(413, "too-long");

    JsonObject bertJoined = call(POST, group + "/members", null, join(code, "Bert")).expect(201);
    String bert = bertJoined.getString("token");
    String bertId = bertJoined.getString("memberId");
    JsonObject ceesJoined = call(POST, group + "/members", null, join(code, "Cees")).expect(201);
    String cees = ceesJoined.getString("token");
    String ceesId = ceesJoined.getString("memberId");
    String dirk = call(POST, group + "/members", null, join(code, "Dirk")).expect(201).getString("token");
    call(POST, group + "/members", null, new JsonObject().put("name", "Eva").encode()).expect(400, "field-required");
    call(POST, group + "/members", null, join("AAAA-AAAA", "Eva")).expect(403, "wrong-join-code");
    call(POST, "/api/groups/g-nosuchgroup/members", null, join(code, "Eva")).expect(404, "group-not-found");
    call(POST, group + "/members", null, join(code, "E".repeat(61))).expect(413, "too-long");

    call(GET, group, anna, null).expect(200);
    call(GET, group, null, null).expect(401, "token-invalid");
    String strangerToken = KEY.issueGroup("g-nosuchgroup", "m-x", Instant.now());
    call(GET, group, strangerToken, null).expect(403, "not-a-group-member");
    call(GET, "/api/groups/g-nosuchgroup", strangerToken, null).expect(404, "group-not-found");

    call(PATCH, group, anna, new JsonObject().put("usualMinutes", 150).encode()).expect(200);
    call(PATCH, group, anna, new JsonObject().put("method", "nope").encode()).expect(400, "unknown-method");
    call(PATCH, group, anna, new JsonObject().put("name", "N".repeat(121)).encode()).expect(413, "too-long");
    call(PATCH, group, bert, new JsonObject().put("name", "Mine").encode()).expect(403, "group-steward-only");

    call(POST, group + "/members/" + ceesId + "/role", anna, new JsonObject().put("role", "facilitator").encode())
        .expect(200);
    call(POST, group + "/members/" + bertId + "/role", bert, new JsonObject().put("role", "facilitator").encode())
        .expect(403, "group-steward-only");
    call(POST, group + "/members/m-nobody/role", anna, new JsonObject().put("role", "member").encode())
        .expect(404, "member-not-found");
    call(POST, group + "/members/" + bertId + "/role", anna, new JsonObject().put("role", "boss").encode())
        .expect(400, "bad-command");

    String cases = group + "/cases";
    String bertsCase = call(POST, cases, bert, new JsonObject().put("title", "Mail at night").put("urgent", true)
        .encode()).expect(201).getString("id");
    String annasCase = call(POST, cases, anna, new JsonObject().put("title", "Saying no").encode()).expect(201)
        .getString("id");
    call(POST, cases, cees, new JsonObject().put("title", "Mine").encode()).expect(403, "facilitator-brings-no-case");
    call(POST, cases, bert, "{}").expect(400, "field-required");
    call(POST, cases, bert, new JsonObject().put("title", "T".repeat(121)).encode()).expect(413, "too-long");
    call(DELETE, cases + "/" + annasCase, bert, null).expect(403, "case-author-only");
    call(DELETE, cases + "/case-nosuch", bert, null).expect(404, "queued-case-not-found");

    String points = group + "/learning-points";
    String bertsPoint = call(POST, points, bert, new JsonObject().put("text", "Ask before I advise")
        .put("sharing", "group").encode()).expect(201).getString("id");
    call(POST, points, bert, "{}").expect(400, "field-required");
    call(POST, points, bert, new JsonObject().put("text", "T".repeat(1001)).encode()).expect(413, "too-long");
    call(PATCH, points + "/" + bertsPoint, bert, new JsonObject().put("note", "Did it twice").encode()).expect(200);
    call(PATCH, points + "/" + bertsPoint, bert, "{}").expect(400, "field-required");
    call(PATCH, points + "/" + bertsPoint, anna, new JsonObject().put("sharing", "private").encode())
        .expect(403, "learning-point-owner-only");
    call(PATCH, points + "/lp-nosuch", bert, new JsonObject().put("note", "n").encode())
        .expect(404, "learning-point-not-found");
    call(DELETE, points + "/" + bertsPoint, anna, null).expect(403, "learning-point-owner-only");
    call(DELETE, points + "/lp-nosuch", anna, null).expect(404, "learning-point-not-found");
    call(DELETE, points + "/" + bertsPoint, bert, null).expect(204);

    String meetings = group + "/meetings";
    call(POST, meetings, anna, new JsonObject().put("caseIds", new JsonArray().add("a").add("b").add("c")).encode())
        .expect(400, "too-many-cases");
    call(POST, meetings, anna, new JsonObject().put("caseIds", new JsonArray().add("case-nosuch")).encode())
        .expect(404, "queued-case-not-found");
    JsonObject first = call(POST, meetings, bert, new JsonObject().put("chairId", annaId).encode()).expect(201);
    call(POST, meetings, bert, "{}").expect(409, "group-meeting-open");
    call(DELETE, group, anna, null).expect(409, "group-meeting-open");
    call(DELETE, cases + "/" + annasCase, anna, null).expect(204);

    String panelMeeting = first.getJsonArray("cases").getJsonObject(0).getString("meetingId");
    String seat = meetings + "/" + panelMeeting + "/seat";
    String chairToken = call(POST, seat, anna, "{}").expect(201).getString("token");
    call(POST, seat, bert, null).expect(201);
    call(POST, meetings + "/nosuchmeeting0000/seat", bert, "{}").expect(404, "group-meeting-not-found");
    runToActionPointAndEnd(chairToken, bertId);
    call(GET, "/api/meetings/" + panelMeeting + "/summary", chairToken, null, "Accept", "application/json")
        .expect(200);

    JsonObject view = call(GET, group, anna, null).expect(200);
    String groupMeetingId = view.getJsonArray("meetings").getJsonObject(0).getString("id");
    String point = view.getJsonArray("actionPoints").getJsonObject(0).getString("id");
    call(POST, group + "/action-points/" + point, dirk, new JsonObject().put("status", "done").encode())
        .expect(403, "carried-point-not-yours");
    call(POST, group + "/action-points/" + point, cees, new JsonObject().put("status", "done").encode()).expect(200);
    call(POST, group + "/action-points/" + point, bert, new JsonObject().put("status", "open").encode())
        .expect(400, "bad-command");
    call(POST, group + "/action-points/ap-nosuch", bert, new JsonObject().put("status", "done").encode())
        .expect(404, "carried-point-not-found");

    String register = group + "/register/" + groupMeetingId + "/" + bertId;
    call(POST, register, anna, new JsonObject().put("minutes", 170).encode()).expect(200);
    call(POST, register, anna, new JsonObject().put("minutes", 721).encode()).expect(400, "minutes-out-of-range");
    call(POST, register, bert, new JsonObject().put("minutes", 10).encode()).expect(403, "chair-or-steward-only");
    call(POST, group + "/register/" + groupMeetingId + "/m-nobody", anna, new JsonObject().put("minutes", 10).encode())
        .expect(404, "member-not-found");
    assertThat(call(GET, group + "/register.csv", bert, null).expect200Body()).startsWith("\uFEFF");
    call(GET, group + "/register.csv", null, null).expect(401, "token-invalid");
    call(GET, group + "/register.html", anna, null).expect(200);
    call(GET, group + "/register.html", strangerToken, null).expect(403, "not-a-group-member");

    // A second meeting, for Bert's case, that nobody holds: its chair ends it.
    JsonObject second = call(POST, meetings, anna, new JsonObject().put("chairId", annaId)
        .put("caseIds", new JsonArray().add(bertsCase)).encode()).expect(201);
    call(DELETE, cases + "/" + bertsCase, bert, null).expect(409, "case-not-queued");
    String end = meetings + "/" + second.getString("id") + "/end";
    call(POST, end, bert, "{}").expect(403, "chair-or-steward-only");
    call(POST, end, anna, "[]").expect(400, "bad-command");
    call(POST, meetings + "/gm-nosuch/end", anna, "{}").expect(404, "group-meeting-not-found");
    call(POST, end, anna, "{}").expect(200);

    String device = call(POST, group + "/devices", cees, "{}").expect(201).getString("deviceCode");
    call(POST, group + "/devices", null, "{}").expect(401, "token-invalid");
    call(POST, group + "/devices", strangerToken, "{}").expect(403, "not-a-group-member");
    String claim = group + "/devices/claim";
    call(POST, claim, null, new JsonObject().put("deviceCode", device).encode()).expect(200);
    call(POST, claim, null, "{}").expect(400, "field-required");
    call(POST, claim, null, new JsonObject().put("deviceCode", cees).encode()).expect(401, "device-link-invalid");
    call(POST, "/api/groups/g-nosuchgroup/devices/claim", null, new JsonObject().put("deviceCode", device).encode())
        .expect(404, "group-not-found");

    call(DELETE, group + "/members/" + bertId, cees, null).expect(204);
    call(DELETE, group + "/members/" + ceesId, bert, null).expect(403, "not-a-group-member");
    call(DELETE, group + "/members/m-nobody", anna, null).expect(404, "member-not-found");
    call(POST, claim, null, new JsonObject().put("deviceCode", device).encode()).expect(200);
    call(DELETE, group + "/members/" + ceesId, cees, null).expect(204);
    call(POST, claim, null, new JsonObject().put("deviceCode", device).encode()).expect(403, "not-a-group-member");

    JsonObject other = call(POST, "/api/groups", null, new JsonObject().put("name", "Other").put("creatorName", "Olga")
        .encode()).expect(201);
    String otherGroup = "/api/groups/" + other.getString("groupId");
    String olga = other.getString("token");
    String oscar = call(POST, otherGroup + "/members", null, join(other.getString("joinCode"), "Oscar")).expect(201)
        .getString("token");
    call(DELETE, otherGroup + "/members/" + other.getString("memberId"), oscar, null).expect(403, "group-steward-only");
    call(DELETE, otherGroup + "/carry-over", oscar, null).expect(403, "group-steward-only");
    call(DELETE, otherGroup + "/carry-over", olga, null).expect(204);
    call(DELETE, otherGroup, oscar, null).expect(403, "group-steward-only");
    call(DELETE, otherGroup, olga, null).expect(204);
    call(GET, otherGroup, olga, null).expect(404, "group-not-found");

    // A member who has said all there is to say, a group of 16, and one whose code is being guessed.
    fillUp(group, anna);
    JsonObject full = call(POST, "/api/groups", null, new JsonObject().put("name", "Full").put("creatorName", "F0")
        .encode()).expect(201);
    for (int i = 1; i < 16; i++) {
      call(POST, "/api/groups/" + full.getString("groupId") + "/members", null, join(full.getString("joinCode"), "F" + i))
          .expect(201);
    }
    call(POST, "/api/groups/" + full.getString("groupId") + "/members", null, join(full.getString("joinCode"), "F16"))
        .expect(409, "group-full");
    JsonObject guessed = call(POST, "/api/groups", null, new JsonObject().put("name", "Guessed").put("creatorName", "G")
        .encode()).expect(201);
    String guessedGroup = "/api/groups/" + guessed.getString("groupId");
    for (int i = 0; i < WRONG_CODES; i++) {
      call(POST, guessedGroup + "/members", null, join("AAAA-AAAA", "Guesser")).expect(403, "wrong-join-code");
    }
    call(POST, guessedGroup + "/members", null, join(guessed.getString("joinCode"), "Gina"))
        .expect(429, "too-many-wrong-codes");
    call(POST, guessedGroup + "/devices/claim", null, new JsonObject().put("deviceCode", "x").encode())
        .expect(429, "too-many-wrong-codes");
  }

  /** One member's learning points and one point's notes to their limits, and the case queue to its. */
  void fillUp(String group, String member) {
    String first = null;
    for (int i = 0; i < 50; i++) {
      String id = call(POST, group + "/learning-points", member, new JsonObject().put("text", "Point " + i).encode())
          .expect(201).getString("id");
      first = first == null ? id : first;
    }
    call(POST, group + "/learning-points", member, new JsonObject().put("text", "One more").encode())
        .expect(409, "learning-points-full");
    for (int i = 0; i < 100; i++) {
      call(PATCH, group + "/learning-points/" + first, member, new JsonObject().put("note", "Note " + i).encode())
          .expect(200);
    }
    call(PATCH, group + "/learning-points/" + first, member, new JsonObject().put("note", "One more").encode())
        .expect(409, "learning-point-notes-full");
    for (int i = 0; i < 20; i++) {
      call(POST, group + "/cases", member, new JsonObject().put("title", "Case " + i).encode()).expect(201);
    }
    call(POST, group + "/cases", member, new JsonObject().put("title", "One more").encode())
        .expect(409, "case-queue-full");
  }

  /**
   * What every call with a token, and every call under /api/, refuses the same way: no token, a token for
   * another meeting or group, a meeting or group that does not exist, a body over 64 KiB.
   */
  void commonRefusals() {
    String large = new JsonObject().put("text", "x".repeat(70_000)).encode();
    String otherGroup = KEY.issueGroup("g-othergroup", "m-x", Instant.now());
    String noGroup = KEY.issueGroup("g-nosuchgroup", "m-x", Instant.now());
    String otherMeeting = KEY.issue("othermeeting0000", "p-x", "participant", Instant.now());
    String noMeeting = KEY.issue("nosuchmeeting0000", "p-x", "participant", Instant.now());
    for (Operation op : doc.operations()) {
      HttpMethod method = HttpMethod.valueOf(op.method().toUpperCase());
      String path = op.template().replace("{groupId}", "g-nosuchgroup").replace("{meetingId}", "nosuchmeeting0000")
          .replaceAll("\\{[^}]+}", "x-nosuch");
      String body = op.node().has("requestBody") ? "{}" : null;
      if (!op.node().at("/responses/413").isMissingNode()) {
        call(method, path, null, large).expect(413, "body-too-large");
      }
      String security = op.node().at("/security/0").propertyNames().stream().findFirst().orElse("");
      if (security.equals("groupToken")) {
        call(method, path, null, body).expect(401, "token-invalid");
        call(method, path, otherGroup, body).expect(403, "not-a-group-member");
        call(method, path, noGroup, body).expect(404, "group-not-found");
      } else if (security.equals("meetingToken")) {
        call(method, path, null, body).expect(401, "token-invalid");
        call(method, path, otherMeeting, body).expect(403, "token-other-meeting");
        call(method, path, noMeeting, body).expect(404, "meeting-not-found");
      }
    }
  }

  /** The chair runs the meeting to the closing's action points, writes one for Bert, and ends it. */
  void runToActionPointAndEnd(String chairToken, String ownerId) {
    WsClient chair = onLoop(() -> server.connected(chairToken));
    onLoop(chair::toLearningQuestions);
    onLoop(() -> chair.ask(nextId(), command("addCard").put("text", "How do I say no?")));
    JsonObject added = onLoop(() -> chair.frame(f -> "applied".equals(f.getString("type"))
        && f.getJsonObject("changes") != null && f.getJsonObject("changes").getJsonArray("cards") != null));
    onLoop(() -> chair.ask(nextId(), command("chooseLearningQuestion").put("cardId",
        added.getJsonObject("changes").getJsonArray("cards").getJsonObject(0).getString("id"))));
    for (int phase = 2; phase < 10; phase++) {
      int from = phase;
      onLoop(() -> chair.ask(nextId(), command("advancePhase").put("fromPhase", from)));
    }
    onLoop(() -> chair.ask(nextId(), command("addCard").put("kind", "action-point").put("text", "Call Kim")
        .put("ownerId", ownerId)));
    onLoop(() -> chair.ask(nextId(), command("endMeeting")));
  }

  void operations() {
    call(GET, "/health", null, null).expect(200);
    call(GET, "/ready", null, null).expect(200);
    Checked metrics = call(GET, "/metrics", METRICS_TOKEN, null);
    metrics.expect(200);
    assertThat(metrics.body()).contains("panel_websocket_connections");
    call(GET, "/metrics", "wrong", null).expect(401, "token-invalid");
    Checked described = call(GET, "/api/openapi.yaml", null, null);
    described.expect(200);
    call(GET, "/api/openapi.yaml", null, null, "If-Modified-Since", described.headers().get("Last-Modified")).expect(304);
  }

  @Test
  void theServerServesTheDocumentAsItIsInDocs() throws IOException {
    Checked plain = call(GET, "/api/openapi.yaml", null, null);
    assertThat(plain.status()).isEqualTo(200);
    assertThat(plain.headers().get("Content-Type")).isEqualTo("application/yaml");
    assertThat(plain.headers().get("Cache-Control")).isEqualTo("public, max-age=60");
    assertThat(plain.body()).isEqualTo(Files.readString(ApiDocument.SOURCE));

    RequestOptions gzip = new RequestOptions().setHost("localhost").setPort(server.port).setURI("/api/openapi.yaml")
        .putHeader("Accept-Encoding", "gzip");
    var zipped = onLoop(() -> server.http.request(gzip).compose(req -> req.send())
        .compose(resp -> resp.body().map(body -> Map.entry(resp.headers(), body))));
    assertThat(zipped.getKey().get("Content-Encoding")).isEqualTo("gzip");
    assertThat(zipped.getKey().get("Content-Type")).isEqualTo("application/yaml");
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.getValue().getBytes()))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain.body());
    }
  }

  /** A route added to the server without a line in docs/openapi.yaml fails here, and so does a documented one that is gone. */
  @Test
  void everyRouteOfTheServerIsDocumentedAndEveryDocumentedOperationIsARoute() {
    Set<String> served = new TreeSet<>();
    for (Route route : server.node.routes()) {
      if (route.methods() == null || route.methods().isEmpty()) {
        continue; // handlers for every request: security headers, bodies, static files, the catch-all 404
      }
      assertThat(route.getPath()).as("a route with methods but no plain path: %s", route).isNotNull();
      for (HttpMethod method : route.methods()) {
        served.add(method.name().toLowerCase() + " " + route.getPath().replaceAll(":[^/.]+", "{}"));
      }
    }
    Set<String> documented = new TreeSet<>();
    for (Operation op : doc.operations()) {
      documented.add(op.method() + " " + op.template().replaceAll("\\{[^}]+}", "{}"));
    }
    assertThat(served).hasSizeGreaterThan(30);
    assertThat(documented).isEqualTo(served);
  }

  // ---------------------------------------------------------------------------------------------------------

  Checked call(HttpMethod method, String path, String token, String body, String... headers) {
    return calls.call(method, path, token, body, headers);
  }

  <T> T onLoop(Supplier<Future<T>> work) {
    return calls.onLoop(work);
  }

  String nextId() {
    return "contract-" + ids.incrementAndGet();
  }

  static String join(String code, String name) {
    return new JsonObject().put("joinCode", code).put("name", name).encode();
  }

  static JsonObject joining(String code, String name) {
    return new JsonObject().put("joinCode", code).put("name", name);
  }
}
