package nl.intervision.panel.transport.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.intervision.panel.support.ServerNodes;
import nl.intervision.panel.support.LiveServer;
import nl.intervision.panel.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The per-meeting (and per-group) limit on wrong join codes holds across nodes: two nodes on one
 * database, a guesser alternating between them, get the meeting's number of guesses, not twice that.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class WrongCodesAcrossNodesTest {
  static final int PER_MEETING = 4;
  static TestDatabase database;

  ServerNodes nodes;
  final List<Integer> ports = new ArrayList<>();
  HttpClient http;

  @BeforeAll
  static void createDatabase() {
    database = new TestDatabase();
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    database.close();
  }

  @BeforeEach
  void clients(Vertx vertx) {
    http = vertx.createHttpClient();
    nodes = new ServerNodes(vertx);
  }

  @AfterEach
  void stopNodes(VertxTestContext ctx) {
    nodes.stopAll().onComplete(ctx.succeedingThenComplete());
  }

  /** Two nodes; the per-address limit is high, so that only the per-meeting one is at work. */
  Future<Void> startTwoNodes() {
    return startNode().compose(v -> startNode());
  }

  Future<Void> startNode() {
    return nodes.start(LiveServer.config("DATABASE_URL", database.url(),
        "JOIN_FAILURES_PER_MINUTE", "1000", "JOIN_FAILURES_PER_MINUTE_PER_MEETING", String.valueOf(PER_MEETING)))
        .map(port -> {
          ports.add(port);
          return null;
        });
  }

  record Answer(int node, int status, String retryAfter, JsonObject body) {}

  Future<Answer> post(int node, String path, JsonObject body) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(ports.get(node))
        .setURI(path).putHeader("Content-Type", "application/json");
    return http.request(options).compose(req -> req.send(Buffer.buffer(body.encode())))
        .compose(resp -> resp.body().map(b -> new Answer(node, resp.statusCode(), resp.getHeader("Retry-After"),
            b.length() == 0 ? new JsonObject() : new JsonObject(b))));
  }

  /** One after the other, each to the next node in turn, every answer awaited before the next is sent. */
  Future<List<Answer>> alternately(int times, String path, JsonObject body) {
    List<Answer> answers = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (int i = 0; i < times; i++) {
      int node = i % 2;
      chain = chain.compose(v -> post(node, path, body).map(answer -> {
        answers.add(answer);
        return null;
      }));
    }
    return chain.map(answers);
  }

  static JsonObject joining(String code) {
    // Many people called Someone: each is another person (sameName), this test is about codes.
    return new JsonObject().put("joinCode", code).put("name", "Someone").put("sameName", true);
  }

  static void refusedWithoutLookingAtTheCode(Answer answer) {
    assertThat(answer.status()).as("node %d: %s", answer.node(), answer.body()).isEqualTo(429);
    assertThat(answer.body().getString("reason")).isEqualTo("too-many-wrong-codes");
    assertThat(Long.parseLong(answer.retryAfter())).as("Retry-After").isBetween(1L, 60L);
  }

  static List<Integer> statuses(List<Answer> answers) {
    return answers.stream().map(Answer::status).toList();
  }

  @Test
  void wrongJoinCodesSentToTwoNodesInTurnCountOnceForTheMeeting(VertxTestContext ctx) {
    startTwoNodes().compose(v -> post(0, "/api/meetings", new JsonObject().put("title", "Under attack").put("chairName", "Chris")))
        .compose(created -> post(1, "/api/meetings", new JsonObject().put("title", "Quiet").put("chairName", "Dana"))
            .compose(quiet -> {
              String meeting = "/api/meetings/" + created.body().getString("meetingId");
              String code = created.body().getString("joinCode");
              return alternately(PER_MEETING, meeting + "/participants", joining("WRONG-CODE")).compose(guesses -> {
                ctx.verify(() -> assertThat(statuses(guesses)).containsOnly(403));
                // The limit is reached on both nodes together: every way in answers 429, the right code too.
                return Future.all(List.of(
                    post(0, meeting + "/participants", joining("WRONG-CODE")),
                    post(1, meeting + "/participants", joining("WRONG-CODE")),
                    post(0, meeting + "/participants", joining(code)),
                    post(1, meeting + "/participants", joining(code)),
                    post(1, meeting + "/invitation", new JsonObject().put("joinCode", code)),
                    post(0, meeting + "/devices/claim", new JsonObject().put("deviceCode", "made-up"))));
              }).compose(refused -> {
                ctx.verify(() -> refused.<Answer>list().forEach(WrongCodesAcrossNodesTest::refusedWithoutLookingAtTheCode));
                String other = "/api/meetings/" + quiet.body().getString("meetingId") + "/participants";
                return Future.all(post(0, other, joining(quiet.body().getString("joinCode"))),
                    post(1, other, joining(quiet.body().getString("joinCode"))));
              }).map(others -> ctx.verify(() ->
                  assertThat(statuses(others.list())).as("another meeting still takes joins").containsOnly(201)));
            }))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void wrongGroupCodesSentToTwoNodesInTurnCountOnceForTheGroup(VertxTestContext ctx) {
    startTwoNodes().compose(v -> post(0, "/api/groups", new JsonObject().put("name", "Under attack").put("creatorName", "Anna")))
        .compose(created -> post(1, "/api/groups", new JsonObject().put("name", "Quiet").put("creatorName", "Bert"))
            .compose(quiet -> {
              String members = "/api/groups/" + created.body().getString("groupId") + "/members";
              String code = created.body().getString("joinCode");
              return alternately(PER_MEETING, members, joining("WRONG-CODE")).compose(guesses -> {
                ctx.verify(() -> assertThat(statuses(guesses)).containsOnly(403));
                return Future.all(List.of(
                    post(0, members, joining("WRONG-CODE")),
                    post(1, members, joining("WRONG-CODE")),
                    post(0, members, joining(code)),
                    post(1, members, joining(code)),
                    post(1, "/api/groups/" + created.body().getString("groupId") + "/devices/claim",
                        new JsonObject().put("deviceCode", "made-up"))));
              }).compose(refused -> {
                ctx.verify(() -> refused.<Answer>list().forEach(WrongCodesAcrossNodesTest::refusedWithoutLookingAtTheCode));
                String other = "/api/groups/" + quiet.body().getString("groupId") + "/members";
                return post(1, other, joining(quiet.body().getString("joinCode")).put("name", "Carla"));
              }).map(other -> ctx.verify(() ->
                  assertThat(other.status()).as("another group still takes joins: %s", other.body()).isEqualTo(201)));
            }))
        .onComplete(ctx.succeedingThenComplete());
  }
}
