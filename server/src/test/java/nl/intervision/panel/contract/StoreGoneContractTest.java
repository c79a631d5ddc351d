package nl.intervision.panel.contract;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import nl.intervision.panel.support.LiveServer;
import nl.intervision.panel.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The answers docs/openapi.yaml gives for a node whose database is gone (503 on /ready, `not-saved` under
 * /api/), from a real node on PostgreSQL whose database the test drops under it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StoreGoneContractTest {
  final Vertx vertx = Vertx.vertx();
  final TestDatabase database = new TestDatabase();

  @AfterEach
  void stop() throws Exception {
    vertx.close().await();
    database.close();
  }

  @Test
  void aNodeWithoutItsDatabaseAnswersAsDocumented() throws Exception {
    LiveServer server = LiveServer.start(vertx, LiveServer.config("DATABASE_URL", database.url())).await();
    CheckedCalls calls = new CheckedCalls(server, ApiDocument.load(), vertx.getOrCreateContext());
    JsonObject meeting = calls.call(POST, "/api/meetings", null, new JsonObject().put("title", "Before")
        .put("chairName", "Chris").encode()).expect(201);
    JsonObject group = calls.call(POST, "/api/groups", null, new JsonObject().put("name", "Before")
        .put("creatorName", "Anna").encode()).expect(201);
    calls.call(GET, "/ready", null, null).expect(200);

    // DROP ... WITH (FORCE) ends the connections to this database only: the node loses its store.
    database.close();

    assertThat(calls.call(GET, "/ready", null, null).expect(503).getString("status")).isEqualTo("unavailable");
    calls.call(POST, "/api/meetings", null, new JsonObject().put("title", "After").put("chairName", "Chris").encode())
        .expect(503, "not-saved");
    calls.call(POST, "/api/groups", null, new JsonObject().put("name", "After").put("creatorName", "Anna").encode())
        .expect(503, "not-saved");
    calls.call(GET, "/api/groups/" + group.getString("groupId"), group.getString("token"), null)
        .expect(503, "not-saved");
    calls.call(GET, "/api/meetings/" + meeting.getString("meetingId") + "/summary", meeting.getString("token"), null)
        .expect(503, "not-saved");
    calls.call(GET, "/health", null, null).expect(200);
  }
}
