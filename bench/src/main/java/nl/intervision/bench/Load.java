package nl.intervision.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The load generator: one point of one workload against our server or the Socket.IO peer, printed
 * as one JSON line. Everything runs on one event loop, so the numbers of this process are its own.
 *   java -jar bench.jar --target ours|sio --port P --rooms R --interval-ms T --seconds S [--database-url U] [--server-pid PID]
 */
public final class Load {
  static final long DRAIN_MS = 2_000;
  static final int CONNECTS_AT_ONCE = 200;

  private final Vertx vertx;
  private final Workload w;
  private final Stats stats = new Stats();
  private final List<WebSocketClient> clients = new ArrayList<>();
  private final List<List<Member>> rooms = new ArrayList<>();
  private final MeetingSetup setup;

  Load(Vertx vertx, Workload w) {
    this.vertx = vertx;
    this.w = w;
    HttpClient http = vertx.createHttpClient(new HttpClientOptions(), new PoolOptions().setHttp1MaxSize(32));
    this.setup = new MeetingSetup(http, w.host(), w.port());
    // Several source addresses: 60,000 connections need more than one address's ephemeral ports.
    for (int i = 0; i < w.sourceAddresses(); i++) {
      clients.add(vertx.createWebSocketClient(new WebSocketClientOptions()
          .setLocalAddress("127.0.0." + (2 + i)).setMaxConnections(100_000).setConnectTimeout(30_000)));
    }
  }

  public static void main(String[] args) {
    Workload w = Workload.parse(args);
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    Load load = new Load(vertx, w);
    vertx.runOnContext(v -> load.run()
        .onSuccess(result -> {
          System.out.println(result.encode());
          vertx.close().onComplete(x -> System.exit(0));
        })
        .onFailure(e -> {
          System.err.println("load failed: " + e);
          e.printStackTrace();
          vertx.close().onComplete(x -> System.exit(1));
        }));
  }

  Future<JsonObject> run() {
    double idleRss = ProcStats.rssMiB(w.serverPid());
    return prepare().compose(v -> {
      double connectedRss = ProcStats.rssMiB(w.serverPid());
      double serverCpu0 = ProcStats.cpuSeconds(w.serverPid());
      double loadCpu0 = ProcStats.cpuSeconds(0);
      long start = System.nanoTime() + 1_000_000_000L;
      stats.measureFrom = start + w.warmupSeconds() * 1_000_000_000L;
      stats.measureUntil = stats.measureFrom + w.seconds() * 1_000_000_000L;
      schedule(start);
      // The server's CPU over exactly the window whose frames are counted, split by kind of thread.
      java.util.Map<String, Double>[] window = new java.util.Map[2];
      java.util.Map<String, Double>[] calls = new java.util.Map[2];
      vertx.setTimer(Math.max(1, (stats.measureFrom - System.nanoTime()) / 1_000_000),
          t -> {
            window[0] = ProcStats.cpuSecondsByKind(w.serverPid());
            calls[0] = ProcStats.syscalls(w.serverPid());
          });
      vertx.setTimer(Math.max(1, (stats.measureUntil - System.nanoTime()) / 1_000_000),
          t -> {
            window[1] = ProcStats.cpuSecondsByKind(w.serverPid());
            calls[1] = ProcStats.syscalls(w.serverPid());
          });
      long totalMs = (stats.measureUntil - System.nanoTime()) / 1_000_000 + DRAIN_MS;
      return Future.<Void>future(p -> vertx.setTimer(totalMs, t -> p.complete()))
          .compose(x -> {
            // From here on nothing counts: an ack that arrives while the database is read would
            // look missing only because it came after the read.
            stats.closed = true;
            return lostAcked();
          })
          .map(lost -> report(idleRss, connectedRss, serverCpu0, loadCpu0, lost)
              .put("serverWindow", window(window[0], window[1]).put("syscallsPerFrame", perFrame(calls[0], calls[1]))));
    });
  }

  private JsonObject report(double idleRss, double connectedRss, double serverCpu0, double loadCpu0, long lost) {
    double seconds = w.seconds() + w.warmupSeconds() + DRAIN_MS / 1000.0 + 1;
    double serverCpu = ProcStats.cpuSeconds(w.serverPid()) - serverCpu0;
    double loadCpu = ProcStats.cpuSeconds(0) - loadCpu0;
    long connections = (long) w.rooms() * w.perRoom();
    long frames = stats.acked * w.perRoom();
    return new JsonObject()
        .put("target", w.target()).put("rooms", w.rooms()).put("perRoom", w.perRoom()).put("intervalMs", w.intervalMs())
        .put("connections", connections)
        .put("offeredPerSecond", w.offeredPerSecond())
        .put("ackedPerSecond", stats.acked / (double) w.seconds())
        .put("sent", stats.sent).put("acked", stats.acked).put("refused", stats.refused)
        .put("fanoutMs", Stats.percentiles(stats.fanout))
        .put("fanoutFromIntendedMs", Stats.percentiles(stats.fanoutFromIntended))
        .put("ackMs", Stats.percentiles(stats.ack))
        .put("deliveries", stats.deliveries).put("expectedDeliveries", stats.expectedDeliveries)
        .put("gaps", stats.gaps).put("duplicates", stats.duplicates)
        .put("lostAcked", lost)
        .put("serverCpuPercent", 100 * serverCpu / seconds)
        .put("loadCpuPercent", 100 * loadCpu / seconds)
        .put("serverRssMiB", new JsonObject().put("idle", idleRss).put("connected", connectedRss)
            .put("end", ProcStats.rssMiB(w.serverPid())))
        .put("kibPerConnection", connections == 0 ? 0 : (connectedRss - idleRss) * 1024 / connections)
        .put("serverMicrosPerFrame", frames == 0 ? 0 : serverCpu * 1e6 / frames)
        // A point where the load generator was the bottleneck says nothing about the server.
        .put("loadBound", 100 * loadCpu / seconds > 70);
  }

  /**
   * The server's CPU from the start to the end of the measured window, per kind of thread, per frame
   * delivered in that window. Unlike serverMicrosPerFrame, warm-up, start-up compiling and the drain
   * are left out; "work" leaves the compilers and the collector out too.
   */
  private JsonObject window(java.util.Map<String, Double> from, java.util.Map<String, Double> until) {
    JsonObject json = new JsonObject();
    long frames = stats.acked * w.perRoom();
    if (from == null || until == null || frames == 0) {
      return json;
    }
    double total = 0;
    JsonObject perFrame = new JsonObject();
    for (String kind : until.keySet()) {
      double seconds = until.get(kind) - from.getOrDefault(kind, 0.0);
      total += seconds;
      perFrame.put(kind, seconds * 1e6 / frames);
    }
    return json.put("cpuPercent", 100 * total / w.seconds()).put("microsPerFrame", total * 1e6 / frames)
        .put("microsPerFrameByThread", perFrame);
  }

  private JsonObject perFrame(java.util.Map<String, Double> from, java.util.Map<String, Double> until) {
    JsonObject json = new JsonObject();
    long frames = stats.acked * w.perRoom();
    if (from != null && until != null && frames > 0) {
      until.forEach((name, count) -> json.put(name, (count - from.getOrDefault(name, 0.0)) / frames));
    }
    return json;
  }

  private void schedule(long start) {
    Random random = new Random(42);
    long interval = w.intervalMs() * 1_000_000L;
    long end = stats.measureUntil;
    for (List<Member> room : rooms) {
      long offset = (long) (random.nextDouble() * interval);
      tick(room, start + offset, interval, end, 0);
    }
  }

  /** Open loop: the k-th command is due at first + k * interval, whatever happened to the others. */
  private void tick(List<Member> room, long due, long interval, long end, int k) {
    if (due >= end) {
      return;
    }
    // Never early: a timer that fires before the due time would flatter the latency from the intended time.
    long delayMs = Math.max(1, (due - System.nanoTime() + 999_999) / 1_000_000);
    vertx.setTimer(delayMs, t -> {
      Member sender = room.get(1 + k % (room.size() - 1));
      sender.sendNext(due);
      tick(room, due + interval, interval, end, k + 1);
    });
  }

  // ---- setting up

  private Future<Void> prepare() {
    List<Supplier<Future<Void>>> jobs = new ArrayList<>();
    for (int r = 0; r < w.rooms(); r++) {
      int roomIndex = r;
      jobs.add(() -> "ours".equals(w.target()) ? ourRoom(roomIndex) : sioRoom(roomIndex));
    }
    return inBatches(jobs, CONNECTS_AT_ONCE / w.perRoom() + 1);
  }

  private Future<Void> sioRoom(int r) {
    String name = "room-" + r;
    Member.Shared shared = new Member.Shared();
    List<Member> members = new ArrayList<>();
    List<Future<Void>> ready = new ArrayList<>();
    for (int i = 0; i < w.perRoom(); i++) {
      SioMember m = new SioMember(name, i, stats, shared, w.perRoom() - 1);
      members.add(m);
      ready.add(connect("/socket.io/?EIO=4&transport=websocket", r * w.perRoom() + i).compose(m::start));
    }
    rooms.add(members);
    return Future.all(ready).mapEmpty();
  }

  private Future<Void> ourRoom(int r) {
    return setup.meeting("Bench " + r, w.perRoom()).compose(meeting -> {
      Member.Shared shared = new Member.Shared();
      List<Member> members = new ArrayList<>();
      List<Future<Void>> ready = new ArrayList<>();
      for (int i = 0; i < w.perRoom(); i++) {
        OurMember m = new OurMember(meeting.meetingId(), i, stats, shared, meeting.tokens().get(i), w.perRoom() - 1);
        members.add(m);
        ready.add(connect("/ws", r * w.perRoom() + i).compose(m::start));
      }
      rooms.add(members);
      return Future.all(ready).map(v -> {
        MeetingSetup.toFreePhase().forEach(command -> ((OurMember) members.get(0)).send(command, 0));
        return null;
      });
    });
  }

  private Future<io.vertx.core.http.WebSocket> connect(String uri, int n) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(w.host()).setPort(w.port()).setURI(uri);
    return clients.get(n % clients.size()).connect(options);
  }

  private static Future<Void> inBatches(List<Supplier<Future<Void>>> jobs, int atOnce) {
    Future<Void> chain = Future.succeededFuture();
    for (int i = 0; i < jobs.size(); i += atOnce) {
      List<Supplier<Future<Void>>> batch = jobs.subList(i, Math.min(jobs.size(), i + atOnce));
      chain = chain.compose(v -> Future.all(batch.stream().map(Supplier::get).toList()).mapEmpty());
    }
    return chain;
  }

  // ---- durability check

  /** Acked commands that are not in the database: must be 0. */
  private Future<Long> lostAcked() {
    if (w.databaseUrl() == null) {
      return Future.succeededFuture(-1L);
    }
    Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(w.databaseUrl())).using(vertx).build();
    String sql = "ours".equals(w.target())
        ? "SELECT seq FROM meeting_event WHERE meeting_id = $1"
        : "SELECT seq FROM peer_event WHERE room = $1";
    List<Future<Long>> checks = new ArrayList<>();
    for (var entry : stats.ackedSeqs.entrySet()) {
      checks.add(pool.preparedQuery(sql).execute(Tuple.of(entry.getKey())).map(rows -> {
        java.util.Set<Long> stored = new java.util.HashSet<>();
        rows.forEach(row -> stored.add(row.getLong(0)));
        List<Long> missing = entry.getValue().stream().filter(seq -> !stored.contains(seq)).toList();
        if (!missing.isEmpty()) {
          long max = stored.stream().mapToLong(Long::longValue).max().orElse(0);
          System.err.println("acked but not stored: meeting " + entry.getKey() + " seqs " + missing + " (highest stored " + max + ")");
        }
        return (long) missing.size();
      }));
    }
    return Future.all(checks).map(all -> checks.stream().mapToLong(Future::result).sum()).eventually(pool::close);
  }
}
