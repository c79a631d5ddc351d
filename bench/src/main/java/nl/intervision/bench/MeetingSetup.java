package nl.intervision.bench;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Creates meetings over REST the way the page does, for the load generator and the fault driver. */
public final class MeetingSetup {
  private final HttpClient http;
  private final String host;
  private final int port;

  /** A meeting and one token per person; the first token is the chair's. */
  public record Created(String meetingId, List<String> tokens) {}

  public MeetingSetup(HttpClient http, String host, int port) {
    this.http = http;
    this.host = host;
    this.port = port;
  }

  public Future<Created> meeting(String title, int people) {
    return post("/api/meetings", new JsonObject().put("title", title).put("chairName", "Chair"))
        .compose(meeting -> {
          List<Future<JsonObject>> joins = new ArrayList<>();
          for (int i = 1; i < people; i++) {
            joins.add(post("/api/meetings/" + meeting.getString("meetingId") + "/participants",
                new JsonObject().put("joinCode", meeting.getString("joinCode")).put("name", "P" + i)));
          }
          return Future.all(joins).map(all -> {
            List<String> tokens = new ArrayList<>();
            tokens.add(meeting.getString("token"));
            joins.forEach(join -> tokens.add(join.result().getString("token")));
            return new Created(meeting.getString("meetingId"), tokens);
          });
        });
  }

  /**
   * What the chair sends to reach a phase where everyone may add a card and raise a hand: a
   * one-phase method of our own, then next phase past the opening.
   */
  public static List<JsonObject> toFreePhase() {
    JsonObject method = new JsonObject().put("id", "bench").put("name", new JsonObject().put("nl", "Bench").put("en", "Bench"))
        .put("phases", new JsonArray().add(new JsonObject().put("id", "bench-free")
            .put("name", new JsonObject().put("nl", "Vrij").put("en", "Free"))
            .put("speaking", "free").put("cards", new JsonArray().add("information-question"))
            .put("silent", false).put("anonymous", false)));
    List<JsonObject> commands = new ArrayList<>();
    commands.add(new JsonObject().put("type", "chooseMethod").put("method", method));
    for (int i = 0; i < 4; i++) {
      commands.add(new JsonObject().put("type", "advancePhase").put("fromPhase", i));
    }
    return commands;
  }

  private Future<JsonObject> post(String path, JsonObject body) {
    return http.request(new RequestOptions().setMethod(HttpMethod.POST).setHost(host).setPort(port).setURI(path)
            .putHeader("Content-Type", "application/json"))
        .compose(req -> req.send(Buffer.buffer(body.encode())))
        .compose(resp -> resp.body().map(b -> {
          if (resp.statusCode() != 201) {
            throw new IllegalStateException(path + " answered " + resp.statusCode() + ": " + b);
          }
          return new JsonObject(b);
        }));
  }
}
