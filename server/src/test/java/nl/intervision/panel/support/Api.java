package nl.intervision.panel.support;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

/** The REST calls a client makes, over a real HTTP connection. */
public final class Api {
  private final HttpClient http;
  private final int port;
  /**
   * Every call is made on the context the Api was made on. A call from the test's own thread got a
   * fresh context, possibly on another event loop than the pooled connection: the response's head then
   * reached the body reader a turn late, after its bytes had gone by, and a 201 came with an empty body
   * (seen in CI; eclipse-vertx/vert.x#5904). Null when made off any context: calls go as they come.
   */
  private final Context context = Vertx.currentContext();

  public record Response(int status, String body) {
    public JsonObject json() {
      try {
        return new JsonObject(body);
      } catch (io.vertx.core.json.DecodeException e) {
        // Say what came: a test that fails here must show the answer it could not read.
        throw new AssertionError("status " + status + " with a body that is no JSON object: " + body, e);
      }
    }
  }

  /** What a test needs of a meeting it created. */
  public record Meeting(String id, String joinCode, String chairId, String chairToken) {}

  public record Member(String id, String token) {}

  public Api(HttpClient http, int port) {
    this.http = http;
    this.port = port;
  }

  private <T> Future<T> onOwnContext(java.util.function.Supplier<Future<T>> call) {
    if (context == null || Vertx.currentContext() == context) {
      return call.get();
    }
    Promise<T> done = Promise.promise();
    context.runOnContext(v -> call.get().onComplete(done));
    return done.future();
  }

  public Future<Response> post(String path, String body) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost("localhost").setPort(port).setURI(path)
        .putHeader("Content-Type", "application/json");
    return onOwnContext(() -> http.request(options)
        .compose(req -> req.send(Buffer.buffer(body)))
        .compose(resp -> resp.body().map(b -> new Response(resp.statusCode(), b.toString()))));
  }

  /** Any call with a bearer token (null for none) and a JSON body (null for none). */
  public Future<Response> call(HttpMethod method, String path, String token, String body) {
    RequestOptions options = new RequestOptions().setMethod(method).setHost("localhost").setPort(port).setURI(path);
    if (token != null) {
      options.putHeader("Authorization", "Bearer " + token);
    }
    if (body != null) {
      options.putHeader("Content-Type", "application/json");
    }
    return onOwnContext(() -> http.request(options)
        .compose(req -> body == null ? req.send() : req.send(Buffer.buffer(body)))
        .compose(resp -> resp.body().map(b -> new Response(resp.statusCode(), b.toString()))));
  }

  public Future<Response> get(String path) {
    return onOwnContext(() -> http.request(HttpMethod.GET, port, "localhost", path)
        .compose(req -> req.send())
        .compose(resp -> resp.body().map(b -> new Response(resp.statusCode(), b.toString()))));
  }

  /** A whole answer, for tests that look at headers or bytes. */
  public record Reply(int status, io.vertx.core.MultiMap headers, Buffer body) {}

  /** Any request as the test built it (its port included), with a body or null, on this Api's context. */
  public Future<Reply> send(RequestOptions options, Buffer body) {
    return onOwnContext(() -> http.request(options)
        .compose(req -> body == null ? req.send() : req.send(body))
        .compose(resp -> resp.body().map(b -> new Reply(resp.statusCode(), resp.headers(), b))));
  }

  /** The response headers of a GET. */
  public Future<io.vertx.core.MultiMap> getResponse(String path) {
    return onOwnContext(() -> http.request(HttpMethod.GET, port, "localhost", path)
        .compose(req -> req.send())
        .compose(resp -> resp.body().map(b -> resp.headers())));
  }

  public Future<Response> get(String path, String token) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("localhost").setPort(port).setURI(path)
        .putHeader("Authorization", "Bearer " + token);
    return onOwnContext(() -> http.request(options)
        .compose(req -> req.send())
        .compose(resp -> resp.body().map(b -> new Response(resp.statusCode(), b.toString()))));
  }

  /** A GET that asks for JSON, as the page asks for the summary's parts. */
  public Future<Response> getJson(String path, String token) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("localhost").setPort(port).setURI(path)
        .putHeader("Authorization", "Bearer " + token).putHeader("Accept", "application/json");
    return onOwnContext(() -> http.request(options)
        .compose(req -> req.send())
        .compose(resp -> resp.body().map(b -> new Response(resp.statusCode(), b.toString()))));
  }

  public Future<Meeting> createMeeting(String title) {
    return createMeeting(title, null);
  }

  public Future<Meeting> createMeeting(String title, String method) {
    JsonObject body = new JsonObject().put("title", title).put("chairName", "Chris");
    if (method != null) {
      body.put("method", method);
    }
    return post("/api/meetings", body.encode())
        .map(r -> {
          if (r.status() != 201) {
            throw new IllegalStateException("create failed: " + r);
          }
          JsonObject json = r.json();
          return new Meeting(json.getString("meetingId"), json.getString("joinCode"), json.getString("participantId"),
              json.getString("token"));
        });
  }

  public Future<Member> join(Meeting meeting, String name, String role) {
    JsonObject body = new JsonObject().put("joinCode", meeting.joinCode()).put("name", name);
    if (role != null) {
      body.put("role", role);
    }
    return post("/api/meetings/" + meeting.id() + "/participants", body.encode()).map(r -> {
      if (r.status() != 201) {
        throw new IllegalStateException("join failed: " + r);
      }
      return new Member(r.json().getString("participantId"), r.json().getString("token"));
    });
  }
}
