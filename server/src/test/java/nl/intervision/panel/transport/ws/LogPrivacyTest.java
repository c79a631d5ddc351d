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
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import nl.intervision.panel.support.Api;
import nl.intervision.panel.support.LiveServer;
import nl.intervision.panel.support.TestDatabase;
import nl.intervision.panel.support.WsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What people say in a meeting stays out of the server's log, at the most verbose level there is: a
 * whole meeting on a real server with PostgreSQL, with everything our code, Vert.x, Netty and the
 * database client log captured, holds no card text, title, name, token or join code.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 90, timeUnit = TimeUnit.SECONDS)
class LogPrivacyTest {
  static final String MARKER = "QX7-MARKER-vertrouwelijk";
  static final String TITLE = "Heliotroop overleg " + MARKER;
  static final String CHAIR = "Chriselda Morgenrood";
  static final String ANNA = "Annabel Wintergroen";
  static final String BERT = "Bertus Zonnedauw";
  static final String COR = "Cornelis Maanzaad";
  static final String QUESTION = "Hoe zeg ik nee tegen Kwartelkoning? " + MARKER;
  static final Set<String> GROUP_KINDS = MethodRunTest.GROUP_KINDS;

  static TestDatabase database;

  final Capture capture = new Capture();
  final Logger root = Logger.getLogger("");
  Level rootLevel;
  LiveServer server;
  Api api;
  final AtomicInteger ids = new AtomicInteger();

  @BeforeAll
  static void createDatabase() {
    database = new TestDatabase();
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    database.close();
  }

  @BeforeEach
  void captureEverything() {
    rootLevel = root.getLevel();
    root.setLevel(Level.ALL);
    root.addHandler(capture);
  }

  @AfterEach
  void stopCapturing() {
    root.removeHandler(capture);
    root.setLevel(rootLevel);
  }

  record Group(Api.Meeting meeting, List<String> tokens, WsClient chair, WsClient anna, WsClient bert, JsonArray agenda) {}

  @Test
  void aWholeMeetingLeavesNoContentInTheLog(Vertx vertx, VertxTestContext ctx) {
    List<String> tokens = new ArrayList<>();
    String[] forged = new String[1];
    LiveServer.start(vertx, LiveServer.config("DATABASE_URL", database.url()))
        .compose(started -> {
          server = started;
          api = started.api;
          return create();
        })
        .compose(meeting -> join(meeting, ANNA).compose(anna -> join(meeting, BERT).compose(bert -> join(meeting, COR)
            .compose(cor -> {
              tokens.addAll(List.of(meeting.chairToken(), anna.token(), bert.token(), cor.token()));
              return strangers(meeting, cor, forged);
            })
            .compose(v -> server.connected(meeting.chairToken())).compose(chair -> server.connected(anna.token())
                .compose(a -> server.connected(bert.token()).map(b -> new Group(meeting, tokens, chair, a, b,
                    chair.received("welcome").get(0).getJsonObject("state").getJsonArray("agenda"))))))))
        .compose(group -> refusedWithContent(group).compose(v -> runPhase(group, 0)))
        .compose(group -> api.get("/api/meetings/" + group.meeting().id() + "/summary", group.meeting().chairToken())
            .compose(summary -> {
              ctx.verify(() -> assertThat(summary.body()).as("the summary has the content").contains(QUESTION, MARKER));
              List<Future<Short>> gone = List.of(group.chair().closeCode(), group.anna().closeCode(), group.bert().closeCode());
              group.chair().command(id(), command("endMeeting").put("erase", true));
              return Future.all(gone);
            })
            .compose(v -> Future.all(vertx.deploymentIDs().stream().map(vertx::undeploy).toList()))
            .map(group))
        .map(group -> {
          ctx.verify(() -> {
            String log = capture.text();
            // The capture works: it holds our own fine-grained lines and the libraries' debug lines.
            assertThat(log).contains("meeting=" + group.meeting().id(), "event=meeting_created", "event=socket_closed");
            assertThat(capture.loggers()).anyMatch(name -> name.startsWith("io.netty"));
            assertThat(capture.loggers()).anyMatch(name -> name.startsWith("io.vertx"));

            List<String> secrets = new ArrayList<>(List.of(MARKER, "Heliotroop", "Kwartelkoning", CHAIR, ANNA, BERT, COR,
                "Morgenrood", "Wintergroen", "Zonnedauw", "Maanzaad", group.meeting().joinCode(), forged[0]));
            for (String token : group.tokens()) {
              secrets.add(token);
              secrets.add(token.substring(token.lastIndexOf('.') + 1));
            }
            for (String secret : secrets) {
              assertThat(log).as("the log holds '%s'", secret).doesNotContain(secret);
            }
          });
          return null;
        })
        .onComplete(ctx.succeedingThenComplete());
  }

  private Future<Api.Meeting> create() {
    JsonObject body = new JsonObject().put("title", TITLE).put("chairName", CHAIR);
    return api.post("/api/meetings", body.encode()).map(r -> {
      JsonObject json = r.json();
      return new Api.Meeting(json.getString("meetingId"), json.getString("joinCode"), json.getString("participantId"),
          json.getString("token"));
    });
  }

  private Future<Api.Member> join(Api.Meeting meeting, String name) {
    return api.join(meeting, name, null);
  }

  /** Wrong codes, broken bodies, a broken frame and a forged token, each carrying content: refused, and not logged. */
  private Future<Void> strangers(Api.Meeting meeting, Api.Member cor, String[] forged) {
    String token = meeting.chairToken();
    char last = token.charAt(token.length() - 1);
    forged[0] = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
    String path = "/api/meetings/" + meeting.id();
    return Future.all(List.of(
            api.post(path + "/participants", new JsonObject().put("joinCode", "WRONG-" + MARKER).put("name", MARKER).encode()),
            api.post("/api/meetings", "{\"title\": \"" + MARKER + " never closed"),
            api.get(path + "/summary", forged[0]),
            server.connect().compose(c -> c.hello(forged[0]).closeCode()),
            server.connect().compose(c -> c.hello(cor.token()).frame("welcome")
                .compose(w -> c.sendText("{\"type\":\"send\",\"id\":\"x\",\"command\":" + MARKER).closeCode()))))
        .mapEmpty();
  }

  /** Content the rules refuse: in the check-in no card may be written, and a card over 1000 characters never. */
  private Future<Void> refusedWithContent(Group g) {
    g.bert().command("early", command("addCard").put("text", "too early " + MARKER));
    g.bert().command("long", command("addCard").put("text", MARKER.repeat(60)));
    return Future.all(g.bert().reply("early"), g.bert().reply("long")).mapEmpty();
  }

  /** Every phase of the default method, each writing what it collects (MethodRunTest), with the marker in every text. */
  private Future<Group> runPhase(Group g, int index) {
    JsonObject phase = g.agenda().getJsonObject(index);
    Future<?> work = Future.succeededFuture();
    JsonArray kinds = phase.getJsonArray("cards");
    for (int k = 0; k < kinds.size(); k++) {
      String kind = kinds.getString(k);
      WsClient writer = GROUP_KINDS.contains(kind) ? g.bert() : g.anna();
      String text = "learning-question".equals(kind) ? QUESTION : kind + " " + MARKER + " " + phase.getString("id");
      work = work.compose(v -> writer.ask(id(), command("addCard").put("text", text).put("kind", kind)));
    }
    if (phase.getBoolean("silent")) {
      work = work.compose(v -> g.chair().ask(id(), command("revealCards")));
    }
    if ("frame-4-choose".equals(phase.getString("id"))) {
      work = work.compose(v -> chooseAnnasQuestion(g));
    }
    if (index == g.agenda().size() - 1) {
      return work.map(g);
    }
    return work.compose(v -> g.chair().ask(id(), command("advancePhase").put("fromPhase", index)))
        .compose(v -> runPhase(g, index + 1));
  }

  private Future<?> chooseAnnasQuestion(Group g) {
    // The notice names the card; its text comes in the same frame's changes.
    String cardId = g.chair().received("applied").stream()
        .flatMap(a -> a.getJsonArray("events").stream().map(e -> (JsonObject) e)
            .filter(e -> "cardAdded".equals(e.getString("type")))
            .map(e -> WsClient.changedCard(a, e.getString("cardId"))))
        .filter(card -> QUESTION.equals(card.getString("text")))
        .map(card -> card.getString("id"))
        .findFirst().orElseThrow();
    return g.chair().ask(id(), command("chooseLearningQuestion").put("cardId", cardId));
  }

  private String id() {
    return "p-" + ids.incrementAndGet();
  }

  /**
   * Everything a log record carries, as strictly as can be: the message with and without its parameters
   * filled in, and the whole stack trace with every message, though our own format leaves those out.
   */
  static final class Capture extends Handler {
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final StringBuilder text = new StringBuilder();
    private final Set<String> loggers = new java.util.HashSet<>();

    Capture() {
      setLevel(Level.ALL);
    }

    @Override
    public synchronized void publish(LogRecord record) {
      loggers.add(String.valueOf(record.getLoggerName()));
      text.append(record.getLevel()).append(' ').append(record.getLoggerName()).append(' ')
          .append(formatter.formatMessage(record)).append(" | ").append(record.getMessage());
      if (record.getParameters() != null) {
        text.append(" | ").append(Arrays.toString(record.getParameters()));
      }
      if (record.getThrown() != null) {
        StringWriter trace = new StringWriter();
        record.getThrown().printStackTrace(new PrintWriter(trace));
        text.append('\n').append(trace);
      }
      text.append('\n');
    }

    synchronized String text() {
      return text.toString();
    }

    synchronized Set<String> loggers() {
      return Set.copyOf(loggers);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  }
}
