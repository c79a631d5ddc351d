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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.intervision.panel.support.Api;
import nl.intervision.panel.support.LiveServer;
import nl.intervision.panel.support.WsClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What people write in a silent or anonymous phase, checked in every frame that actually goes
 * out: a hidden card's text, and an anonymous card's author, never reach anyone who may not see them.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class ConfidentialityTest {
  static final String SECRET = "SECRET-only-bert-may-read-this";
  static final String WHISPER = "WHISPER-nobody-knows-who";

  static final JsonObject QUIET_METHOD = new JsonObject("""
      {"id": "quiet", "name": {"nl": "Stil", "en": "Quiet"}, "phases": [
        {"id": "write", "name": {"nl": "Schrijven", "en": "Write"}, "speaking": "chair",
         "cards": ["information-question"], "silent": true, "anonymous": false, "minutes": 5},
        {"id": "whisper", "name": {"nl": "Fluisteren", "en": "Whisper"}, "speaking": "free",
         "cards": ["hypothesis"], "silent": false, "anonymous": true}
      ]}""");

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

  record People(Api.Meeting meeting, Api.Member annaId, Api.Member bertId, Api.Member olgaId,
      WsClient chair, WsClient anna, WsClient bert, WsClient olga) {
    List<WsClient> all() {
      return List.of(chair, anna, bert, olga);
    }
  }

  Future<WsClient> connected(String token) {
    return server.connected(token);
  }

  String id() {
    return "v-" + ids.incrementAndGet();
  }

  /** A meeting on the quiet method, Anna as case-bringer, in the silent writing phase. */
  Future<People> inTheSilentPhase() {
    return api.createMeeting("Confidential").compose(m -> api.join(m, "Anna", null).compose(a ->
        api.join(m, "Bert", null).compose(b -> api.join(m, "Olga", "observer").compose(o ->
            connected(m.chairToken()).compose(chair -> connected(a.token()).compose(anna ->
                connected(b.token()).compose(bert -> connected(o.token()).map(olga ->
                    new People(m, a, b, o, chair, anna, bert, olga)))))))))
        .compose(p -> p.chair().ask(id(), command("chooseMethod").put("method", QUIET_METHOD))
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

  @Test
  void aSilentCardIsReadOnlyByItsAuthorUntilTheChairRevealsIt(VertxTestContext ctx) {
    inTheSilentPhase().compose(p -> p.bert().ask(id(), command("addCard").put("text", SECRET)).compose(ack -> {
      long seq = ack.getLong("seq");
      // Everyone has this seq once the chair has it: the frames below are complete up to here.
      return Future.all(p.all().stream().map(c -> c.applied(seq)).toList()).compose(v -> {
        ctx.verify(() -> {
          for (WsClient other : List.of(p.chair(), p.anna(), p.olga())) {
            assertThat(other.everything()).noneMatch(frame -> frame.contains(SECRET));
          }
          assertThat(p.bert().everything()).anyMatch(frame -> frame.contains(SECRET));
          JsonObject placeholder = WsClient.addedCard(p.chair().applied(seq).result());
          assertThat(placeholder.getBoolean("hidden")).isTrue();
          assertThat(placeholder.getString("authorId")).isEqualTo(p.bertId().id());
          assertThat(p.anna().applied(seq).result().getJsonArray("events")).isEmpty();
        });
        // Coming back does not leak it either: neither the state nor the replay carries it.
        return server.connect().compose(c -> c.hello(p.annaId().token(), 1).frame("welcome"));
      }).compose(welcome -> {
        ctx.verify(() -> assertThat(welcome.encode()).doesNotContain(SECRET));
        return p.chair().ask(id(), command("revealCards"));
      }).compose(revealed -> p.anna().applied(revealed.getLong("seq")).map(applied -> {
        ctx.verify(() -> assertThat(applied.encode()).contains(SECRET, "cardsRevealed"));
        return null;
      }));
    })).onComplete(ctx.succeedingThenComplete());
  }

  /** Issue 15: the deletion of a hidden card named its id to everyone, so all learned that Bert had written one. */
  @Test
  void aHiddenCardDeletedBeforeTheRevealLeavesNoTraceWithTheOthers(VertxTestContext ctx) {
    inTheSilentPhase().compose(p -> p.bert().ask(id(), command("addCard").put("text", SECRET)).compose(added -> {
      String cardId = p.bert().applied(added.getLong("seq")).result().getJsonArray("events").getJsonObject(0)
          .getString("cardId");
      return p.bert().ask(id(), command("deleteCard").put("cardId", cardId)).compose(deleted -> {
        long seq = deleted.getLong("seq");
        return Future.all(p.all().stream().map(c -> c.applied(seq)).toList()).compose(v -> {
          ctx.verify(() -> {
            for (WsClient other : List.of(p.anna(), p.olga())) {
              assertThat(other.everything()).as("frames to someone who never saw the card")
                  .noneMatch(frame -> frame.contains(cardId) || frame.contains(SECRET));
            }
            // The author, and the chair who had its placeholder, are told it is gone.
            assertThat(p.bert().applied(seq).result().encode()).contains("cardDeleted", cardId);
            assertThat(p.chair().applied(seq).result().encode()).contains("cardDeleted", cardId);
          });
          return server.connect().compose(c -> c.hello(p.annaId().token(), 1).frame("welcome"));
        }).map(welcome -> {
          ctx.verify(() -> assertThat(welcome.encode()).as("Anna's replay").doesNotContain(cardId, SECRET));
          return null;
        });
      });
    })).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void nobodyLearnsWhoWroteAnAnonymousCardUntilTheAuthorSaysSo(VertxTestContext ctx) {
    inTheSilentPhase().compose(p -> advance(p.chair(), 4, 5)
        .compose(v -> p.bert().ask(id(), command("addCard").put("text", WHISPER)))
        .compose(ack -> Future.all(p.all().stream().map(c -> c.applied(ack.getLong("seq"))).toList()).map(ack))
        .compose(ack -> {
          String cardId = p.bert().applied(ack.getLong("seq")).result().getJsonArray("events").getJsonObject(0)
              .getString("cardId");
          ctx.verify(() -> {
            for (WsClient other : List.of(p.chair(), p.anna(), p.olga())) {
              JsonObject card = WsClient.addedCard(other.applied(ack.getLong("seq")).result());
              assertThat(card.getString("text")).isEqualTo(WHISPER);
              assertThat(card.containsKey("authorId")).as("author sent to someone else").isFalse();
            }
          });
          return server.connect().compose(c -> c.hello(p.meeting().chairToken()).frame("welcome"))
              .compose(welcome -> {
                ctx.verify(() -> {
                  JsonArray cards = welcome.getJsonObject("state").getJsonArray("cards");
                  JsonObject card = cards.getJsonObject(cards.size() - 1);
                  assertThat(card.getString("text")).isEqualTo(WHISPER);
                  assertThat(card.containsKey("authorId")).isFalse();
                });
                return p.bert().ask(id(), command("revealAuthor").put("cardId", cardId));
              })
              .compose(owned -> p.chair().applied(owned.getLong("seq")))
              .map(applied -> ctx.verify(() -> assertThat(applied.getJsonArray("events").getJsonObject(0).getString("authorId"))
                  .isEqualTo(p.bertId().id())));
        })).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void everyMemberReadsTheSummaryAndNobodyElse(VertxTestContext ctx) {
    inTheSilentPhase().compose(p -> {
      String path = "/api/meetings/" + p.meeting().id() + "/summary";
      return Future.all(List.of(
          api.get(path, p.meeting().chairToken()),
          api.get(path, p.annaId().token()),
          api.get(path, p.bertId().token()),
          api.get(path, p.olgaId().token()),
          api.get(path, "not-a-token"),
          api.get("/api/meetings/someone-else/summary", p.meeting().chairToken())));
    }).map(all -> ctx.verify(() -> {
      List<Api.Response> r = all.list();
      assertThat(r).extracting(Api.Response::status).containsExactly(200, 200, 200, 200, 401, 403);
      assertThat(r.get(0).body()).startsWith("# Confidential");
    })).onComplete(ctx.succeedingThenComplete());
  }

  /**
   * Over the real route after the meeting ended: everyone reads the action point with its owner and
   * the evaluations; only the chair and the case-bringer read the case record; a card never revealed
   * is in nobody's summary but its author's own view, and there not in the case record either.
   */
  @Test
  void theSummaryAfterTheEndIsEachReadersOwn(VertxTestContext ctx) {
    inTheSilentPhase().compose(p -> p.bert().ask(id(), command("addCard").put("text", SECRET))
        .compose(v -> advance(p.chair(), 4, 5))
        .compose(v -> p.bert().ask(id(), command("addCard").put("text", WHISPER)))
        .compose(v -> advance(p.chair(), 5, 7))
        .compose(v -> p.bert().ask(id(), command("addCard").put("text", "Call Kim").put("kind", "action-point")
            .put("ownerId", p.annaId().id())))
        .compose(v -> p.bert().ask(id(), command("giveEvaluation").put("score", 8).put("word", "Leerzaam")))
        .compose(v -> p.chair().ask(id(), command("endMeeting")))
        .compose(v -> {
          String path = "/api/meetings/" + p.meeting().id() + "/summary";
          return Future.all(List.of(api.getJson(path, p.meeting().chairToken()), api.getJson(path, p.annaId().token()),
              api.getJson(path, p.bertId().token()), api.getJson(path, p.olgaId().token()),
              api.get(path, p.olgaId().token())));
        })
        .map(all -> ctx.verify(() -> {
          List<Api.Response> r = all.list();
          assertThat(r).extracting(Api.Response::status).containsExactly(200, 200, 200, 200, 200);
          for (int i = 0; i < 4; i++) {
            JsonObject summary = r.get(i).json();
            assertThat(summary.getJsonArray("actionPoints").getJsonObject(0).getMap())
                .containsEntry("text", "Call Kim").containsEntry("owner", "Anna").containsEntry("done", false);
            assertThat(summary.getJsonArray("evaluations").getJsonObject(0).getMap())
                .containsEntry("name", "Bert").containsEntry("score", 8).containsEntry("word", "Leerzaam");
            assertThat(summary.getJsonArray("attendees")).hasSize(4);
            assertThat(summary.getLong("date")).isPositive();
            assertThat(summary.getString("markdown")).contains("- [ ] Call Kim (eigenaar: Anna)");
            assertThat(r.get(i).body()).doesNotContain(SECRET);
          }
          for (int i : List.of(0, 1)) {
            assertThat(r.get(i).json().getJsonArray("caseRecord").encode()).as("chair and case-bringer")
                .contains(WHISPER).doesNotContain("\"author\"");
          }
          for (int i : List.of(2, 3)) {
            assertThat(r.get(i).json().getJsonArray("caseRecord")).as("the others").isEmpty();
            assertThat(r.get(i).body()).doesNotContain(WHISPER);
          }
          assertThat(r.get(4).body()).as("Markdown by default").startsWith("# Confidential").contains("Call Kim");
        }))).onComplete(ctx.succeedingThenComplete());
  }

  /** In a silent phase the others learn how many have written, and nothing about who or how much. */
  @Test
  void silentWritingShowsACountOnly(VertxTestContext ctx) {
    inTheSilentPhase().compose(p -> p.bert().ask(id(), command("addCard").put("text", SECRET))
        .compose(first -> p.bert().ask(id(), command("addCard").put("text", SECRET + "-2")).map(second ->
            List.of(first.getLong("seq"), second.getLong("seq"))))
        .compose(seqs -> Future.all(p.anna().applied(seqs.get(0)), p.anna().applied(seqs.get(1)),
            p.olga().applied(seqs.get(0)))
            .map(frames -> ctx.verify(() -> {
              JsonObject first = frames.resultAt(0);
              JsonObject second = frames.resultAt(1);
              JsonObject observer = frames.resultAt(2);
              // Anna is the case-bringer and listens here: the chair and Bert may write.
              assertThat(first.getJsonObject("changes").getJsonObject("writing").getMap())
                  .containsEntry("wrote", 1).containsEntry("of", 2);
              assertThat(observer.getJsonObject("changes").getJsonObject("writing").getMap()).containsEntry("wrote", 1);
              for (JsonObject frame : List.of(first, second, observer)) {
                assertThat(frame.encode()).doesNotContain(p.bertId().id()).doesNotContain(SECRET);
              }
              assertThat(second.getJsonObject("changes", new JsonObject()).containsKey("writing"))
                  .as("a second card by the same person changes no count").isFalse();
            }))))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void endingAndErasingSendsEveryoneAwayAndLeavesNothingToReopen(VertxTestContext ctx) {
    inTheSilentPhase().compose(p -> {
      List<Future<Short>> closed = p.all().stream().map(WsClient::closeCode).toList();
      p.chair().command(id(), command("endMeeting").put("erase", true));
      return Future.all(closed).compose(v -> {
        ctx.verify(() -> closed.forEach(code -> assertThat(code.result()).isEqualTo((short) 4404)));
        return server.connect().compose(c -> c.hello(p.annaId().token()).closeCode());
      }).compose(code -> {
        ctx.verify(() -> assertThat(code).isEqualTo((short) 4404));
        return api.get("/api/meetings/" + p.meeting().id() + "/summary", p.meeting().chairToken());
      });
    }).map(summary -> ctx.verify(() -> assertThat(summary.status()).isEqualTo(404)))
        .onComplete(ctx.succeedingThenComplete());
  }
}
