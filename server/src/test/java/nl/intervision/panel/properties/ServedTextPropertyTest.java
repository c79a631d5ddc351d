package nl.intervision.panel.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import nl.intervision.panel.domain.Limits;
import nl.intervision.panel.support.Api;
import nl.intervision.panel.support.Inputs;
import nl.intervision.panel.support.TestDatabase;
import nl.intervision.panel.support.WsClient;
import nl.intervision.panel.Config;
import nl.intervision.panel.transport.http.HttpVerticle;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The whole way round: text sent through REST and the socket (as JSON escapes, so even an
 * unpaired surrogate arrives as sent), stored in PostgreSQL by one server node, and read back by
 * a second node, which never saw it, into the welcome frame of a new connection. What arrives is
 * what was sent, after the documented trim, byte for byte; what cannot be stored is refused with
 * the documented error.
 */
class ServedTextPropertyTest {
  static TestDatabase database;
  static Vertx vertx;
  static RoomRun.Loop loop;
  static HttpClient http;
  static WebSocketClient sockets;

  @BeforeContainer
  static void open() {
    database = new TestDatabase();
    vertx = Vertx.vertx();
    Context context = vertx.getOrCreateContext();
    loop = RoomRun.Loop.on(context);
    http = loop.run(() -> Future.succeededFuture(vertx.createHttpClient()));
    sockets = loop.run(() -> Future.succeededFuture(vertx.createWebSocketClient()));
  }

  @AfterContainer
  static void close() throws Exception {
    try {
      if (vertx != null) {
        vertx.close().toCompletionStage().toCompletableFuture().get();
      }
    } finally {
      database.close();
    }
  }

  record Node(String deployment, int port) {}

  static Node start() {
    HttpVerticle node = new HttpVerticle(Config.forTests(Map.of("DATABASE_URL", database.url())));
    return loop.run(() -> vertx.deployVerticle(node).map(id -> new Node(id, node.port())));
  }

  @Property(tries = 8)
  void textComesBackFromAnotherNodeAsItWasSent(@ForAll("text") String title, @ForAll("text") String name,
      @ForAll("text") String card) {
    Node writer = start();
    Node reader = null;
    try {
      Api api = new Api(http, writer.port());
      Api.Response created = loop.run(() -> api.post("/api/meetings",
          "{\"title\":" + Inputs.quote(title) + ",\"chairName\":\"Chris\",\"method\":\"vijfstappenmethode\"}"));
      String expectedTitle = expected(title, Limits.TITLE, created.status());
      Api.Meeting meeting = expectedTitle != null ? meeting(created.json())
          : loop.run(() -> api.createMeeting("Team", "vijfstappenmethode"));
      if (expectedTitle == null) {
        expectedTitle = "Team";
      }

      Api.Response joined = loop.run(() -> api.post("/api/meetings/" + meeting.id() + "/participants",
          "{\"joinCode\":\"" + meeting.joinCode() + "\",\"sameName\":true,\"name\":" + Inputs.quote(name) + "}"));
      String expectedName = expected(name, Limits.NAME, joined.status());
      String memberToken = expectedName != null ? joined.json().getString("token")
          : loop.run(() -> api.join(meeting, "Anna", null)).token();
      if (expectedName == null) {
        expectedName = "Anna";
      }

      int port = writer.port();
      // The chair moves on to the look-back, which collects look-back notes; the member writes one.
      loop.run(() -> WsClient.connect(sockets, port).compose(c -> c.hello(meeting.chairToken()).frame("welcome").map(c))
          .compose(c -> c.ask("advance", new JsonObject().put("type", "advancePhase").put("fromPhase", 0)).compose(a -> c.close())));
      JsonObject added = loop.run(() -> WsClient.connect(sockets, port).compose(c -> c.hello(memberToken).frame("welcome").map(c))
          .compose(c -> c.sendText("{\"type\":\"send\",\"id\":\"card-1\",\"command\":{\"type\":\"addCard\",\"text\":"
              + Inputs.quote(card) + "}}").reply("card-1").compose(r -> c.close().map(r))));
      String expectedCard = expected(card, Limits.CARD_TEXT, "ack".equals(added.getString("type")) ? 201
          : "bad_request".equals(added.getString("code")) ? 400 : "too_large".equals(added.getString("code")) ? 413 : 500);

      // A second node has never seen this meeting: its welcome comes from PostgreSQL.
      reader = start();
      int readerPort = reader.port();
      JsonObject welcome = loop.run(() -> WsClient.connect(sockets, readerPort)
          .compose(c -> c.hello(memberToken).frame("welcome").compose(w -> c.close().map(w))));
      JsonObject state = welcome.getJsonObject("state");
      assertSame("title", state.getString("title"), expectedTitle);
      assertSame("name", state.getJsonArray("participants").getJsonObject(1).getString("name"), expectedName);
      if (expectedCard != null) {
        assertSame("card", state.getJsonArray("cards").getJsonObject(0).getString("text"), expectedCard);
      } else {
        assertThat(state.getJsonArray("cards")).isEmpty();
      }
    } finally {
      Node last = reader;
      loop.run(() -> vertx.undeploy(writer.deployment()));
      if (last != null) {
        loop.run(() -> vertx.undeploy(last.deployment()));
      }
    }
  }

  static Api.Meeting meeting(JsonObject json) {
    return new Api.Meeting(json.getString("meetingId"), json.getString("joinCode"), json.getString("participantId"),
        json.getString("token"));
  }

  /** The stored text by the rules of docs/PROTOCOL.md, or null when it is refused; checks the status agrees. */
  static String expected(String text, int limit, int status) {
    if (text.isBlank() || !Inputs.storable(text)) {
      assertThat(status).as("a blank or unstorable text: bad_request").isEqualTo(400);
      return null;
    }
    if (text.strip().codePointCount(0, text.strip().length()) > limit) {
      assertThat(status).as("a text over its limit: too_large").isEqualTo(413);
      return null;
    }
    assertThat(status).as("accepted").isEqualTo(201);
    return text.strip();
  }

  static void assertSame(String what, String got, String sent) {
    assertThat(StoredTextPropertyTest.utf8(got)).as("%s %s", what, Inputs.visible(sent)).isEqualTo(StoredTextPropertyTest.utf8(sent));
  }

  @Provide
  Arbitrary<String> text() {
    return Inputs.anyText();
  }
}
