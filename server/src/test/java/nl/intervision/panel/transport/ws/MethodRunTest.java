package nl.intervision.panel.transport.ws;

import static nl.intervision.panel.support.WsClient.command;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.intervision.panel.domain.Method;
import nl.intervision.panel.protocol.CatalogueJson;
import nl.intervision.panel.support.Api;
import nl.intervision.panel.support.LiveServer;
import nl.intervision.panel.support.WsClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every method of the catalogue, run from the first phase to the end over real sockets: a chair,
 * a case-bringer (Anna, whose learning question is chosen) and a participant (Bert) write what
 * each phase collects, reveal what is silent, say they are done, and move on.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class MethodRunTest {
  /** The group writes these about the case; the case-bringer writes the rest. */
  static final Set<String> GROUP_KINDS = Set.of("information-question", "deepening-question", "hypothesis", "advice");

  LiveServer server;
  Api api;
  final AtomicInteger ids = new AtomicInteger();

  static List<String> methods() {
    return CatalogueJson.load().methods().stream().map(Method::id).toList();
  }

  @BeforeEach
  void startServer(Vertx vertx, VertxTestContext ctx) {
    LiveServer.start(vertx, LiveServer.CONFIG).onComplete(ctx.succeeding(started -> {
      server = started;
      api = started.api;
      ctx.completeNow();
    }));
  }

  record Group(Api.Meeting meeting, WsClient chair, WsClient anna, WsClient bert, JsonArray agenda) {}

  Future<WsClient> connected(String token) {
    return server.connected(token);
  }

  String id() {
    return "r-" + ids.incrementAndGet();
  }

  @ParameterizedTest
  @MethodSource("methods")
  void theMethodRunsFromCheckInToEvaluation(String methodId, VertxTestContext ctx) {
    api.createMeeting("Run " + methodId, methodId)
        .compose(m -> api.join(m, "Anna", null).compose(anna -> api.join(m, "Bert", null).compose(bert ->
            connected(m.chairToken()).compose(chair -> connected(anna.token()).compose(a -> connected(bert.token())
                .map(b -> new Group(m, chair, a, b,
                    chair.received("welcome").get(0).getJsonObject("state").getJsonArray("agenda"))))))))
        .compose(group -> {
          ctx.verify(() -> assertThat(group.agenda().stream().map(p -> ((JsonObject) p).getString("part")))
              .contains("opening", "method", "closing"));
          return runPhase(group, 0);
        })
        .compose(group -> group.chair().ask(id(), command("endMeeting")).map(group))
        .compose(group -> api.get("/api/meetings/" + group.meeting().id() + "/summary", group.meeting().chairToken()))
        .map(summary -> ctx.verify(() -> {
          assertThat(summary.status()).isEqualTo(200);
          assertThat(summary.body()).contains("> How do I say no to my manager?", "# Run " + methodId);
        }))
        .onComplete(ctx.succeedingThenComplete());
  }

  private Future<Group> runPhase(Group g, int index) {
    JsonObject phase = g.agenda().getJsonObject(index);
    Future<?> work = Future.succeededFuture();
    JsonArray kinds = phase.getJsonArray("cards");
    for (int k = 0; k < kinds.size(); k++) {
      String kind = kinds.getString(k);
      WsClient writer = GROUP_KINDS.contains(kind) ? g.bert() : g.anna();
      String text = "learning-question".equals(kind) ? "How do I say no to my manager?" : kind + " in " + phase.getString("id");
      JsonObject add = command("addCard").put("text", text).put("kind", kind);
      work = work.compose(v -> writer.ask(id(), add));
    }
    if (phase.getBoolean("silent")) {
      work = work.compose(v -> g.chair().ask(id(), command("revealCards")));
    }
    if ("frame-4-choose".equals(phase.getString("id"))) {
      work = work.compose(v -> chooseAnnasQuestion(g));
    }
    work = work.compose(v -> g.bert().ask(id(), command("markDone")));
    if (index == g.agenda().size() - 1) {
      return work.map(g);
    }
    return work.compose(v -> g.chair().ask(id(), command("advancePhase").put("fromPhase", index)))
        .compose(v -> runPhase(g, index + 1));
  }

  private Future<?> chooseAnnasQuestion(Group g) {
    // A cardAdded notice names the card's kind, so the event alone says which card it is.
    String cardId = g.chair().received("applied").stream()
        .flatMap(a -> a.getJsonArray("events").stream().map(e -> (JsonObject) e))
        .filter(e -> "cardAdded".equals(e.getString("type")) && "learning-question".equals(e.getString("kind")))
        .map(e -> e.getString("cardId"))
        .findFirst().orElseThrow();
    return g.chair().ask(id(), command("chooseLearningQuestion").put("cardId", cardId));
  }
}
