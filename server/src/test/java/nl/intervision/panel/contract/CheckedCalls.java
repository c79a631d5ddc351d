package nl.intervision.panel.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import nl.intervision.panel.contract.ApiDocument.Answer;
import nl.intervision.panel.contract.ApiDocument.Operation;
import nl.intervision.panel.support.LiveServer;

/**
 * Real requests to a live server, each answer held against docs/openapi.yaml before the test looks at it,
 * and a record of which statuses each operation was seen to answer with.
 */
final class CheckedCalls {
  private final LiveServer server;
  private final ApiDocument doc;
  private final Context loop;
  /** Per operation id, the statuses the server answered it with. */
  final Map<String, Set<Integer>> answered = new TreeMap<>();

  CheckedCalls(LiveServer server, ApiDocument doc, Context loop) {
    this.server = server;
    this.doc = doc;
    this.loop = loop;
  }

  /**
   * Runs Vert.x work on one event loop and waits for it. Chained from the test's own thread, a callback
   * could be attached after its future completed and then run on that thread while the response's body
   * was being read on the event loop: the body came out empty.
   */
  <T> T onLoop(Supplier<Future<T>> work) {
    Promise<T> done = Promise.promise();
    loop.runOnContext(v -> work.get().onComplete(done));
    return done.future().await();
  }

  /** @param headers name, value, name, value... */
  Checked call(HttpMethod method, String path, String token, String body, String... headers) {
    RequestOptions options = new RequestOptions().setMethod(method).setHost("localhost").setPort(server.port)
        .setURI(path);
    if (token != null) {
      options.putHeader("Authorization", "Bearer " + token);
    }
    if (body != null) {
      options.putHeader("Content-Type", "application/json");
    }
    for (int i = 0; i < headers.length; i += 2) {
      options.putHeader(headers[i], headers[i + 1]);
    }
    Answer answer = onLoop(() -> server.http.request(options)
        .compose(req -> body == null ? req.send() : req.send(Buffer.buffer(body)))
        .compose(resp -> resp.body().map(b -> new Answer(resp.statusCode(), resp.headers(), b.toString()))));
    Operation op = doc.operation(method.name(), path).orElseThrow(
        () -> new AssertionError(method + " " + path + " is no operation of docs/openapi.yaml"));
    assertThat(doc.problems(op, answer)).as("%s %s", method, path).isEmpty();
    answered.computeIfAbsent(op.id(), k -> new TreeSet<>()).add(answer.status());
    return new Checked(answer, method + " " + path);
  }

  /** An answer that is as documented; the test then says which of the documented answers it expected. */
  record Checked(Answer answer, String request) {
    JsonObject expect(int status) {
      assertThat(answer.status()).as("%s answered %s", request, answer.body()).isEqualTo(status);
      return answer.body().startsWith("{") ? new JsonObject(answer.body()) : null;
    }

    void expect(int status, String reason) {
      expect(status);
      assertThat(new JsonObject(answer.body()).getString("reason")).as(request).isEqualTo(reason);
    }

    String expect200Body() {
      expect(200);
      return answer.body();
    }

    int status() {
      return answer.status();
    }

    MultiMap headers() {
      return answer.headers();
    }

    String body() {
      return answer.body();
    }
  }
}
