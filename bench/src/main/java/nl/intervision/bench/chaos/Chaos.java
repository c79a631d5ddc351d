package nl.intervision.bench.chaos;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import nl.intervision.bench.MeetingSetup;

/**
 * The fault driver: starts our server (on PostgreSQL), puts meetings under load with participants
 * that resume as the protocol prescribes, injects one fault, and checks afterwards that nothing
 * acked was lost, nothing was applied twice, and every participant saw every seq exactly once.
 * Prints one JSON line; exits 1 when a promise was broken.
 *   java -cp bench.jar nl.intervision.bench.chaos.Chaos --scenario kill9|sigterm|pg-restart|proxy-reset|proxy-stall|node-kill
 *     --jar server.jar --database-url U [--rooms R --per-room N --interval-ms T --seconds S --pg-restart-cmd C
 *     --logs DIR --env KEY=VALUE,... --server-jvm "JVM OPTIONS"]
 */
public final class Chaos {
  private static final String SECRET = "chaos-secret-that-is-long-enough-for-hs256!!";
  private static final long SETTLE_MS = 60_000;

  private final Vertx vertx;
  private final Map<String, String> args;
  private final Ledger ledger = new Ledger();
  private final List<Node> nodes = new ArrayList<>();
  private final List<Participant> participants = new ArrayList<>();
  private final Map<String, List<Participant>> meetings = new HashMap<>();
  private final List<WebSocketClient> clients = new ArrayList<>();
  private final HttpClient http;
  private final JsonObject fault = new JsonObject();
  private Proxy proxy;

  Chaos(Vertx vertx, Map<String, String> args) {
    this.vertx = vertx;
    this.args = args;
    this.http = vertx.createHttpClient(new HttpClientOptions(), new PoolOptions().setHttp1MaxSize(16));
    for (int i = 0; i < 8; i++) {
      clients.add(vertx.createWebSocketClient(new WebSocketClientOptions()
          .setLocalAddress("127.0.0." + (2 + i)).setMaxConnections(100_000).setConnectTimeout(10_000)));
    }
  }

  public static void main(String[] argv) {
    Map<String, String> args = new HashMap<>();
    for (int i = 0; i + 1 < argv.length; i += 2) {
      args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
    }
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    Chaos chaos = new Chaos(vertx, args);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> chaos.nodes.forEach(Node::killNow)));
    vertx.runOnContext(v -> chaos.bounded()
        .onComplete(done -> {
          // The participants first, or they would try to reconnect to the nodes going away.
          chaos.participants.forEach(Participant::stop);
          chaos.nodes.forEach(Node::stopAtEnd);
          int exit;
          if (done.succeeded()) {
            System.out.println(done.result().encode());
            exit = done.result().getBoolean("pass") ? 0 : 1;
          } else {
            System.err.println("chaos run failed: " + done.cause());
            exit = 2;
          }
          vertx.close().onComplete(x -> System.exit(exit));
        }));
  }

  /** The run, or a failure once it has taken longer than every wait in it together could: it always ends. */
  Future<JsonObject> bounded() {
    Promise<JsonObject> result = Promise.promise();
    long limitMs = number("seconds", 15) * 1000L + 5 * SETTLE_MS;
    long timer = vertx.setTimer(limitMs, t -> result.tryFail("the run did not end within " + limitMs / 1000 + " s"));
    run().onComplete(done -> {
      vertx.cancelTimer(timer);
      if (done.succeeded()) {
        result.tryComplete(done.result());
      } else {
        result.tryFail(done.cause());
      }
    });
    return result.future();
  }

  private String scenario() {
    return args.getOrDefault("scenario", "kill9");
  }

  private int number(String name, int fallback) {
    return Integer.parseInt(args.getOrDefault(name, Integer.toString(fallback)));
  }

  Future<JsonObject> run() {
    int rooms = number("rooms", 50);
    int perRoom = number("per-room", 6);
    int seconds = number("seconds", 15);
    int intervalMs = number("interval-ms", 1000);
    int nodeCount = "node-kill".equals(scenario()) ? 2 : 1;
    File logs = new File(args.getOrDefault("logs", "."));
    Map<String, String> env = serverEnv();
    String jvm = args.getOrDefault("server-jvm", "").strip();
    List<String> jvmOptions = jvm.isEmpty() ? List.of() : List.of(jvm.split("\\s+"));
    for (int i = 0; i < nodeCount; i++) {
      nodes.add(new Node(vertx, http, args.get("jar"), env, new File(logs, "chaos-" + scenario() + "-node" + i + ".log"),
          jvmOptions));
    }
    Future<Void> started = Future.all(nodes.stream().map(Node::start).toList()).mapEmpty();
    return started
        .compose(v -> scenario().startsWith("proxy") ? startProxy() : Future.succeededFuture(List.<Integer>of()))
        .compose(proxyPorts -> createMeetings(rooms, perRoom, proxyPorts))
        .compose(v -> until(() -> participants.stream().allMatch(p -> p.connected), SETTLE_MS, "everyone connected"))
        .compose(v -> {
          meetings.values().forEach(members -> MeetingSetup.toFreePhase().forEach(members.get(0)::send));
          return settled("the free phase reached");
        })
        // A page lets its people write only once its own node shows the free phase; without this wait the
        // other node, a notice behind the chair's ack, refused the first cards ("collects no cards").
        .compose(v -> until(() -> meetings.values().stream().allMatch(members -> members.stream()
            .allMatch(p -> p.lastSeq == members.get(0).lastSeq)), SETTLE_MS, "everyone seeing the free phase"))
        .compose(v -> load(seconds, intervalMs))
        .compose(v -> settled("every command acked after the fault"))
        .compose(v -> converged())
        .compose(notConverged -> verify().map(stored -> report(rooms, perRoom, seconds, intervalMs, notConverged, stored)));
  }

  private Map<String, String> serverEnv() {
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", args.get("database-url"));
    env.put("JWT_SECRET", SECRET);
    String extra = args.getOrDefault("env", "");
    for (String pair : extra.split(",")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        env.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    return env;
  }

  private Future<List<Integer>> startProxy() {
    proxy = new Proxy(Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1)), nodes.get(0).port);
    return proxy.listen().map(List::of);
  }

  private Future<Void> createMeetings(int rooms, int perRoom, List<Integer> proxyPorts) {
    MeetingSetup setup = new MeetingSetup(http, "127.0.0.1", nodes.get(0).port);
    List<Supplier<Future<Void>>> jobs = new ArrayList<>();
    for (int r = 0; r < rooms; r++) {
      int room = r;
      jobs.add(() -> setup.meeting("Chaos " + room, perRoom).map(created -> {
        List<Participant> members = new ArrayList<>();
        for (int i = 0; i < perRoom; i++) {
          List<Integer> ports = proxyPorts.isEmpty() ? portsFor(room * perRoom + i) : proxyPorts;
          Participant p = new Participant(created.meetingId(), i, created.tokens().get(i), vertx,
              clients.get((room * perRoom + i) % clients.size()), ports, ledger);
          members.add(p);
          participants.add(p);
          p.connect();
        }
        meetings.put(created.meetingId(), members);
        return null;
      }));
    }
    Future<Void> chain = Future.succeededFuture();
    for (int i = 0; i < jobs.size(); i += 20) {
      List<Supplier<Future<Void>>> batch = jobs.subList(i, Math.min(jobs.size(), i + 20));
      chain = chain.compose(v -> Future.all(batch.stream().map(Supplier::get).toList()).mapEmpty());
    }
    return chain;
  }

  /** With two nodes, half of the people start on each; each one knows the other node as a fallback. */
  private List<Integer> portsFor(int n) {
    List<Integer> ports = new ArrayList<>(nodes.stream().map(node -> node.port).toList());
    java.util.Collections.rotate(ports, n % ports.size());
    return ports;
  }

  /** Open loop: every meeting adds a card every interval, whoever's turn it is, whatever happens. */
  private Future<Void> load(int seconds, int intervalMs) {
    Random random = new Random(7);
    List<Long> timers = new ArrayList<>();
    for (List<Participant> members : meetings.values()) {
      int[] turn = {0};
      long first = 1 + random.nextInt(intervalMs);
      timers.add(vertx.setTimer(first, t -> timers.add(vertx.setPeriodic(intervalMs, p ->
          members.get(1 + turn[0]++ % (members.size() - 1)).addCard()))));
      members.get(1).addCard();
    }
    Promise<Void> done = Promise.promise();
    vertx.setTimer(seconds * 1000L / 3, t -> inject().onComplete(injected -> {
      if (injected.failed()) {
        done.tryFail(injected.cause());
      }
    }));
    vertx.setTimer(seconds * 1000L, t -> {
      timers.forEach(vertx::cancelTimer);
      done.tryComplete();
    });
    return done.future();
  }

  private Future<Void> inject() {
    long t0 = System.nanoTime();
    List<Participant> before = participants.stream().filter(p -> p.connected).toList();
    fault.put("connectedAtFault", before.size());
    Future<Void> injected = switch (scenario()) {
      case "kill9" -> nodes.get(0).kill().compose(v -> nodes.get(0).start())
          .map(ms -> { fault.put("restartMs", ms); return null; });
      case "sigterm" -> nodes.get(0).terminate().compose(v -> nodes.get(0).start())
          .map(ms -> { fault.put("restartMs", ms); return null; });
      case "node-kill" -> nodes.get(0).kill();
      case "proxy-reset" -> proxy.resetAll().map(n -> { fault.put("connectionsReset", n); return null; });
      case "proxy-stall" -> proxy.stall(2_000).map(n -> { fault.put("connectionsStalled", n); return null; });
      case "pg-restart" -> restartDatabase();
      default -> Future.failedFuture("unknown scenario " + scenario());
    };
    return injected.andThen(v -> fault.put("faultAt", t0));
  }

  private Future<Void> restartDatabase() {
    String command = args.get("pg-restart-cmd");
    long began = System.nanoTime();
    return vertx.<Integer>executeBlocking(() -> new ProcessBuilder("bash", "-c", command).inheritIO()
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor())
        .compose(exit -> exit == 0 ? Future.<Void>succeededFuture() : Future.<Void>failedFuture("'" + command + "' exited with " + exit))
        .map(v -> {
          fault.put("databaseDownMs", (System.nanoTime() - began) / 1_000_000);
          ledger.watchForAck();
          return null;
        });
  }

  /** Waits until every participant is connected again and every command in every outbox is acked. */
  private Future<Void> settled(String what) {
    return until(() -> participants.stream().allMatch(p -> p.connected && p.pending() == 0), SETTLE_MS, what);
  }

  /** Every participant ends at the last seq of its meeting in the log; returns how many do not. */
  private Future<Long> converged() {
    Pool pool = pool();
    return pool.preparedQuery("SELECT meeting_id, max(seq) FROM meeting_event GROUP BY meeting_id").execute()
        .compose(rows -> {
          Map<String, Long> last = new HashMap<>();
          rows.forEach(row -> last.put(row.getString(0), row.getLong(1)));
          BooleanSupplier all = () -> participants.stream().allMatch(p -> p.lastSeq == last.getOrDefault(p.meetingId, -1L));
          return until(all, 10_000, "everyone at the last seq")
              .map(v -> 0L)
              .recover(e -> Future.succeededFuture(participants.stream()
                  .filter(p -> p.lastSeq != last.getOrDefault(p.meetingId, -1L)).count()));
        })
        .eventually(pool::close);
  }

  private Future<JsonObject> verify() {
    Pool pool = pool();
    return ledger.verify(pool).eventually(pool::close);
  }

  private Pool pool() {
    return PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(args.get("database-url"))).using(vertx).build();
  }

  private JsonObject report(int rooms, int perRoom, int seconds, int intervalMs, long notConverged, JsonObject stored) {
    long t0 = fault.getLong("faultAt", 0L);
    fault.remove("faultAt");
    List<Participant> dropped = participants.stream().filter(p -> p.droppedAt >= t0 && p.drops > 0).toList();
    long[] resume = dropped.stream().mapToLong(p -> (p.welcomedAt - t0) / 1_000_000).sorted().toArray();
    // Where the time went: getting a socket again (back-off, connect), and hello to welcome.
    long[] reconnect = dropped.stream().mapToLong(p -> (p.openedAt - p.droppedAt) / 1_000_000).sorted().toArray();
    long[] welcome = dropped.stream().mapToLong(p -> (p.welcomedAt - p.openedAt) / 1_000_000).sorted().toArray();
    fault.put("socketAgainMs", new JsonObject().put("p50", percentile(reconnect, 0.5)).put("max", percentile(reconnect, 1)))
        .put("helloToWelcomeMs", new JsonObject().put("p50", percentile(welcome, 0.5)).put("max", percentile(welcome, 1)));
    fault.put("participantsDropped", dropped.size())
        .put("resumedMs", new JsonObject()
            .put("p50", percentile(resume, 0.50)).put("p99", percentile(resume, 0.99))
            .put("max", resume.length == 0 ? 0 : resume[resume.length - 1]));
    if (ledger.firstAckAfter > 0) {
      fault.put("firstAckAfterDatabaseBackMs", (ledger.firstAckAfter - t0) / 1_000_000 - fault.getLong("databaseDownMs", 0L));
    }
    JsonObject counters = ledger.counters();
    boolean pass = stored.getInteger("lostAcked") == 0 && stored.getInteger("appliedTwice") == 0
        && stored.getInteger("holesInLog") == 0 && counters.getLong("gaps") == 0 && counters.getLong("duplicates") == 0
        && counters.getLong("finalCloses") == 0 && counters.getLong("refused") == 0 && notConverged == 0;
    return new JsonObject().put("scenario", scenario()).put("rooms", rooms).put("perRoom", perRoom)
        .put("connections", participants.size()).put("seconds", seconds).put("intervalMs", intervalMs)
        .put("fault", fault).put("client", counters).put("log", stored).put("notAtLastSeq", notConverged)
        .put("pass", pass);
  }

  private static long percentile(long[] sorted, double q) {
    return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  }

  private Future<Void> until(BooleanSupplier condition, long timeoutMs, String what) {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000;
    Promise<Void> done = Promise.promise();
    vertx.setPeriodic(20, id -> {
      if (condition.getAsBoolean()) {
        vertx.cancelTimer(id);
        done.tryComplete();
      } else if (System.nanoTime() > deadline) {
        vertx.cancelTimer(id);
        long offline = participants.stream().filter(p -> !p.connected).count();
        long pending = participants.stream().mapToLong(Participant::pending).sum();
        done.tryFail("timed out waiting for " + what + ": " + offline + " offline, " + pending
            + " commands unacked; " + ledger.counters().encode());
      }
    });
    return done.future();
  }
}
