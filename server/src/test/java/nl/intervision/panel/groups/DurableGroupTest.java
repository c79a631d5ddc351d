package nl.intervision.panel.groups;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.intervision.panel.support.ServerNodes;
import nl.intervision.panel.support.Api;
import nl.intervision.panel.support.TestDatabase;
import nl.intervision.panel.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Groups kept in PostgreSQL: two nodes serve one group, changes made at once on both all land, a restart keeps it. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class DurableGroupTest {
  static TestDatabase database;

  ServerNodes nodes;
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

  Future<Api> startNode() {
    return nodes.start(Config.forTests(Map.of("DATABASE_URL", database.url()))).map(port -> new Api(http, port));
  }

  static JsonObject ok(Api.Response response, int status) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    return response.body().isEmpty() ? new JsonObject() : response.json();
  }

  /** A group Anna created, as the tests reach it. */
  record Group(String path, String joinCode, String annaToken) {}

  static Future<Group> annasGroup(Api on, String name) {
    return on.call(POST, "/api/groups", null, new JsonObject().put("name", name).put("creatorName", "Anna").encode())
        .map(created -> {
          JsonObject group = ok(created, 201);
          return new Group("/api/groups/" + group.getString("groupId"), group.getString("joinCode"), group.getString("token"));
        });
  }

  @Test
  void twoNodesServeOneGroupAndEveryChangeMadeAtOnceLandsAndARestartKeepsIt(VertxTestContext ctx) {
    startNode().compose(one -> startNode().compose(two -> annasGroup(one, "Raadsgriffiers").compose(group -> {
          String base = group.path();
          String anna = group.annaToken();
          String[] bertToken = new String[1];
          return two.call(POST, base + "/members", null, new JsonObject().put("joinCode", group.joinCode())
              .put("name", "Bert").encode()).compose(joined -> {
                String bert = ok(joined, 201).getString("token");
                bertToken[0] = bert;
                // Ten cases queued at the same moment through both nodes: each save that lost the race is decided again.
                List<Future<Api.Response>> queued = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                  Api node = i % 2 == 0 ? one : two;
                  queued.add(node.call(POST, base + "/cases", i % 2 == 0 ? anna : bert,
                      new JsonObject().put("title", "Case " + i).encode()));
                }
                return Future.all(queued);
              }).compose(all -> {
                all.<Api.Response>list().forEach(r -> ok(r, 201));
                return one.call(POST, base + "/meetings", anna, "{}");
              }).compose(started -> {
                String meetingId = ok(started, 201).getJsonArray("cases").getJsonObject(0).getString("meetingId");
                // The meeting started on node one; Bert takes his seat on node two.
                return two.call(POST, base + "/meetings/" + meetingId + "/seat", bertToken[0], "{}")
                    .map(seat -> ok(seat, 201));
              }).compose(seat -> {
                ctx.verify(() -> assertThat(seat.getString("role")).isEqualTo("participant"));
                return nodes.stop(0).compose(v -> startNode());
              }).compose(three -> three.call(GET, base, anna, null)).map(read -> ctx.verify(() -> {
                JsonObject view = ok(read, 200);
                assertThat(view.getJsonArray("members")).hasSize(2);
                assertThat(view.getJsonArray("caseQueue")).hasSize(10);
                assertThat(view.getJsonArray("meetings")).hasSize(1);
              }));
        }))).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void eighteenCasesQueuedAtOnceMostlyThroughOneNodeAllLand(VertxTestContext ctx) {
    startNode().compose(one -> startNode().compose(two -> annasGroup(one, "Wijkteam").compose(group -> {
          String base = group.path();
          String anna = group.annaToken();
          // More changes at once than a save may be tried: only the other node's saves may make one lose.
          List<Future<Api.Response>> queued = new ArrayList<>();
          for (int i = 0; i < 18; i++) {
            queued.add((i % 6 == 0 ? two : one).call(POST, base + "/cases", anna,
                new JsonObject().put("title", "Case " + i).encode()));
          }
          return Future.all(queued).compose(all -> {
            ctx.verify(() -> all.<Api.Response>list().forEach(r -> ok(r, 201)));
            return two.call(GET, base, anna, null);
          });
        }))).map(read -> ctx.verify(() -> assertThat(ok(read, 200).getJsonArray("caseQueue")).hasSize(18)))
        .onComplete(ctx.succeedingThenComplete());
  }
}
