package nl.intervision.panel.transport.ws;

import static nl.intervision.panel.support.WsClient.command;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.intervision.panel.support.Api;
import nl.intervision.panel.support.LiveServer;
import nl.intervision.panel.support.Page;
import nl.intervision.panel.support.WsClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@code changes} in applied frames and resuming welcomes, over real sockets: each person gets
 * their own view of what changed, the way their welcome state shows it, and a page that merges them
 * ends up with what a fresh welcome would give it.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class ChangesTest {
  static final String SECRET = "SECRET-only-bert-may-read-this";

  LiveServer server;
  Api api;
  final AtomicInteger ids = new AtomicInteger();

  @BeforeEach
  void startServer(Vertx vertx, VertxTestContext ctx) {
    LiveServer.start(vertx, LiveServer.CONFIG).onComplete(ctx.succeeding(started -> {
      server = started;
      api = started.api;
      ctx.completeNow();
    }));
  }

  String id() {
    return "x-" + ids.incrementAndGet();
  }

  record People(Api.Meeting meeting, Api.Member annaId, Api.Member bertId, WsClient chair, WsClient anna, WsClient bert) {}

  /** The quiet method (a silent phase, then an anonymous one), Anna as case-bringer, in the silent phase. */
  Future<People> inTheSilentPhase() {
    return api.createMeeting("Changes").compose(m -> api.join(m, "Anna", null).compose(a ->
        api.join(m, "Bert", null).compose(b -> server.connected(m.chairToken()).compose(chair ->
            server.connected(a.token()).compose(anna -> server.connected(b.token()).map(bert ->
                new People(m, a, b, chair, anna, bert)))))))
        .compose(p -> p.chair().ask(id(), command("chooseMethod").put("method", ConfidentialityTest.QUIET_METHOD))
            .compose(v -> p.chair().ask(id(), command("chooseCaseBringer").put("participantId", p.annaId().id())))
            .compose(v -> advance(p.chair(), 0, 4))
            .map(p));
  }

  Future<Void> advance(WsClient chair, int from, int to) {
    Future<?> steps = Future.succeededFuture();
    for (int i = from; i < to; i++) {
      int phase = i;
      steps = steps.compose(v -> chair.ask(id(), command("advancePhase").put("fromPhase", phase)));
    }
    return steps.mapEmpty();
  }

  static JsonObject changes(WsClient client, long seq) {
    return client.applied(seq).result().getJsonObject("changes");
  }

  /** The welcome's state with every applied frame's changes merged in, in seq order. */
  static JsonObject page(WsClient client) {
    JsonObject page = client.received("welcome").get(0).getJsonObject("state");
    long seq = client.received("welcome").get(0).getLong("seq");
    for (JsonObject applied : client.received("applied")) {
      assertThat(applied.getLong("seq")).isEqualTo(seq + 1);
      seq++;
      page = Page.merge(page, applied.getJsonObject("changes"));
    }
    return page;
  }

  @Test
  void aSilentCardReachesTheChairAsAPlaceholderTheOthersNotAtAllAndEveryoneWhenRevealed(VertxTestContext ctx) {
    inTheSilentPhase().compose(p -> p.bert().ask(id(), command("addCard").put("text", SECRET)).compose(added -> {
      long seq = added.getLong("seq");
      return Future.all(List.of(p.chair().applied(seq), p.anna().applied(seq), p.bert().applied(seq))).compose(v -> {
        String cardId = changes(p.bert(), seq).getJsonArray("cards").getJsonObject(0).getString("id");
        ctx.verify(() -> {
          JsonObject placeholder = changes(p.chair(), seq).getJsonArray("cards").getJsonObject(0);
          assertThat(placeholder.getString("id")).isEqualTo(cardId);
          assertThat(placeholder.getBoolean("hidden")).isTrue();
          assertThat(placeholder.containsKey("text")).isFalse();
          assertThat(placeholder.getString("authorId")).isEqualTo(p.bertId().id());
          // Nothing of the card for Anna: only the count of who has written (the chair and Bert may write here).
          assertThat(changes(p.anna(), seq)).as("nothing of the card for Anna")
              .isEqualTo(new JsonObject().put("writing", new JsonObject().put("wrote", 1).put("of", 2)));
          assertThat(changes(p.bert(), seq).getJsonArray("cards").getJsonObject(0).getString("text")).isEqualTo(SECRET);
          assertThat(p.anna().everything()).noneMatch(frame -> frame.contains(SECRET));
        });
        // On to the open (anonymous) phase, where the chair writes a card everyone sees at once.
        return advance(p.chair(), 4, 5)
            .compose(x -> p.chair().ask(id(), command("addCard").put("text", "open card")))
            .compose(x -> p.chair().ask(id(), command("revealCards")))
            .compose(revealed -> {
              long at = revealed.getLong("seq");
              return Future.all(List.of(p.anna().applied(at), p.bert().applied(at))).map(x -> {
                ctx.verify(() -> {
                  JsonObject forAnna = changes(p.anna(), at);
                  assertThat(forAnna.getJsonArray("cards").getJsonObject(0).getString("text")).isEqualTo(SECRET);
                  // Bert's card came before the open one: it goes in the middle of her board, so she gets the order.
                  assertThat(Page.cardIds(page(p.anna()))).containsExactly(cardId,
                      forAnna.getJsonArray("cardOrder").getString(1));
                  assertThat(forAnna.getJsonArray("cardOrder")).hasSize(2);
                  JsonObject forChair = changes(p.chair(), at);
                  assertThat(forChair.getJsonArray("cards").getJsonObject(0).getString("text")).isEqualTo(SECRET);
                  assertThat(forChair.containsKey("cardOrder")).as("the chair had the placeholder in place").isFalse();
                  assertThat(changes(p.bert(), at).containsKey("cardOrder")).isFalse();
                });
                return p;
              });
            });
      });
    })).compose(p -> everyPageIsWhatAFreshWelcomeShows(p, ctx)).onComplete(ctx.succeedingThenComplete());
  }

  /** Merging every frame's changes gives each person what a new connection's welcome shows them. */
  private Future<Void> everyPageIsWhatAFreshWelcomeShows(People p, VertxTestContext ctx) {
    List<String> tokens = List.of(p.meeting().chairToken(), p.annaId().token(), p.bertId().token());
    List<WsClient> clients = List.of(p.chair(), p.anna(), p.bert());
    Future<?> all = Future.succeededFuture();
    for (int i = 0; i < tokens.size(); i++) {
      WsClient client = clients.get(i);
      String token = tokens.get(i);
      all = all.compose(v -> server.connected(token)).compose(fresh -> {
        ctx.verify(() -> assertThat(Page.withoutOnline(page(client)))
            .isEqualTo(Page.withoutOnline(fresh.received("welcome").get(0).getJsonObject("state"))));
        return fresh.close();
      });
    }
    return all.mapEmpty();
  }

  @Test
  void comingBackWithSinceBringsTheChangesInsteadOfTheStateUnlessFullIsAsked(VertxTestContext ctx) {
    inTheSilentPhase().compose(p -> {
      long seenByAnna = p.chair().received("applied").getLast().getLong("seq");
      return p.anna().applied(seenByAnna).compose(v -> p.anna().close())
          .compose(v -> p.bert().ask(id(), command("addCard").put("text", SECRET)))
          .compose(v -> advance(p.chair(), 4, 5))
          .compose(v -> p.chair().ask(id(), command("addCard").put("text", "while Anna was away")))
          .compose(last -> server.connect().compose(back -> back.hello(p.annaId().token(), seenByAnna).frame("welcome"))
              .compose(welcome -> server.connected(p.annaId().token()).map(fresh -> {
                ctx.verify(() -> {
                  assertThat(welcome.getLong("seq")).isEqualTo(last.getLong("seq"));
                  assertThat(welcome.containsKey("state")).isFalse();
                  assertThat(welcome.getJsonArray("missed")).hasSize((int) (last.getLong("seq") - seenByAnna));
                  JsonObject changes = welcome.getJsonObject("changes");
                  assertThat(changes.getJsonArray("cards")).hasSize(1);
                  assertThat(changes.getJsonArray("cards").getJsonObject(0).getString("text")).isEqualTo("while Anna was away");
                  assertThat(changes.getJsonObject("phase").getInteger("index")).isEqualTo(5);
                  assertThat(welcome.encode()).doesNotContain(SECRET);
                  assertThat(welcome.getJsonArray("online")).contains(p.meeting().chairId(), p.bertId().id());
                  // Merged into what Anna had, it is exactly the state a new connection is welcomed with.
                  JsonObject merged = Page.online(Page.merge(page(p.anna()), changes), welcome.getJsonArray("online"));
                  assertThat(Page.withoutOnline(merged))
                      .isEqualTo(Page.withoutOnline(fresh.received("welcome").get(0).getJsonObject("state")));
                });
                return fresh;
              }))
              .compose(fresh -> server.connect().compose(full -> full.helloWithState(p.annaId().token(), seenByAnna).frame("welcome")))
              .map(full -> ctx.verify(() -> {
                assertThat(full.getJsonObject("state").getJsonArray("cards")).hasSize(1);
                assertThat(full.getJsonArray("missed")).hasSize((int) (last.getLong("seq") - seenByAnna));
                assertThat(full.containsKey("changes")).isFalse();
              })));
    }).onComplete(ctx.succeedingThenComplete());
  }
}
