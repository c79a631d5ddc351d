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
  private final List<MeetingSetup> setups = new ArrayList<>();
  private final HttpClient http;

  Load(Vertx vertx, Workload w) {
    this.vertx = vertx;
    this.w = w;
    // Fewer REST connections per node when there are several: a node near its open-file limit holds them too.
    this.http = vertx.createHttpClient(new HttpClientOptions(),
        new PoolOptions().setHttp1MaxSize(Math.max(4, 32 / w.ports().size())));
    for (int port : w.ports()) {
      setups.add(new MeetingSetup(http, w.host(), port));
    }
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
    double idleRss = servers(ProcStats::rssMiB);
    JsonObject[] meters = new JsonObject[2];
    // The set-up's REST connections are closed before the schedule starts; only the WebSockets stay.
    return afterFullGc(0, meters).compose(v -> prepare()).compose(v -> http.close())
        .compose(v -> afterFullGc(1, meters)).compose(v -> startTime()).compose(lateMs -> {
      double connectedRss = servers(ProcStats::rssMiB);
      double serverCpu0 = servers(ProcStats::cpuSeconds);
      double loadCpu0 = ProcStats.cpuSeconds(0);
      long start = System.nanoTime() + 1_000_000_000L;
      stats.measureFrom = start + w.warmupSeconds() * 1_000_000_000L;
      stats.measureUntil = stats.measureFrom + w.seconds() * 1_000_000_000L;
      schedule(start);
      // The server's CPU over exactly the window whose frames are counted, split by kind of thread.
      java.util.Map<String, Double>[] window = new java.util.Map[2];
      java.util.Map<String, Double>[] calls = new java.util.Map[2];
      java.util.List<Future<java.util.TreeMap<Double, Double>>> appends = new java.util.ArrayList<>(2);
      vertx.setTimer(Math.max(1, (stats.measureFrom - System.nanoTime()) / 1_000_000),
          t -> {
            window[0] = serversByKey(ProcStats::cpuSecondsByKind);
            calls[0] = serversByKey(ProcStats::syscalls);
            appends.add(appendsSoFar());
          });
      vertx.setTimer(Math.max(1, (stats.measureUntil - System.nanoTime()) / 1_000_000),
          t -> {
            window[1] = serversByKey(ProcStats::cpuSecondsByKind);
            calls[1] = serversByKey(ProcStats::syscalls);
            appends.add(appendsSoFar());
          });
      long totalMs = (stats.measureUntil - System.nanoTime()) / 1_000_000 + DRAIN_MS;
      return Future.<Void>future(p -> vertx.setTimer(totalMs, t -> p.complete()))
          .compose(x -> {
            // From here on nothing counts: an ack that arrives while the database is read would
            // look missing only because it came after the read.
            stats.closed = true;
            return lostAcked();
          })
          .compose(lost -> Future.all(appends).map(read -> lost))
          .map(lost -> report(idleRss, connectedRss, serverCpu0, loadCpu0, lost).put("startedLateMs", lateMs)
              .put("serverAppendMs", AppendWindow.between(appends.get(0).result(), appends.get(1).result()))
              .put("windowEpochMs", new io.vertx.core.json.JsonArray().add(epochMs(stats.measureFrom)).add(epochMs(stats.measureUntil)))
              .put("heapAfterGc", retained(meters))
              .put("serverWindow", window(window[0], window[1]).put("syscallsPerFrame", perFrame(calls[0], calls[1]))));
    });
  }

  /** Our servers' append histograms now; nothing for the peer, which has none. */
  private Future<java.util.TreeMap<Double, Double>> appendsSoFar() {
    if (!"ours".equals(w.target())) {
      return Future.succeededFuture(null);
    }
    return AppendWindow.read(vertx, w.host(), w.ports()).otherwise((java.util.TreeMap<Double, Double>) null);
  }

  /**
   * Several generators start their schedules at the same wall-clock time ({@code --start-at}), so that
   * their measured windows are the same; a generator still setting up then starts at once and says how late.
   */
  private Future<Long> startTime() {
    long waitMs = w.startAtEpochMs() - System.currentTimeMillis();
    if (w.startAtEpochMs() == 0 || waitMs <= 0) {
      return Future.succeededFuture(w.startAtEpochMs() == 0 ? 0 : -waitMs);
    }
    return Future.future(p -> vertx.setTimer(waitMs, t -> p.complete(0L)));
  }

  /**
   * With {@code --heap-after-gc}, the server's heap after a full collection and Netty's direct memory,
   * from its /metrics: once before the meetings are made and once with everyone connected. The server
   * must run a periodic full collection while idle (scripts/bench.sh --memory sets
   * -XX:G1PeriodicGCInterval), so each reading waits a little longer than that interval.
   */
  private Future<Void> afterFullGc(int when, JsonObject[] meters) {
    // The peer has no such meters (and its server leaves an unknown path unanswered).
    if (!w.heapAfterGc() || !"ours".equals(w.target())) {
      return Future.succeededFuture();
    }
    HttpClient scrape = vertx.createHttpClient();
    return Future.<Void>future(p -> vertx.setTimer(3_000, t -> p.complete()))
        .compose(v -> AppendWindow.metrics(scrape, w.host(), w.ports().get(0)))
        .map(body -> {
          meters[when] = new JsonObject()
              .put("liveHeapMiB", meter(body, "jvm_gc_live_data_size_bytes") / (1024 * 1024))
              .put("nettyDirectMiB", meter(body, "panel_netty_direct_memory_bytes") / (1024 * 1024));
          return (Void) null;
        })
        .eventually(scrape::close);
  }

  /** The sum of a meter's samples in Prometheus' text format. */
  private static double meter(String text, String name) {
    double sum = 0;
    for (String line : text.split("\n")) {
      if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  private JsonObject retained(JsonObject[] meters) {
    if (meters[0] == null || meters[1] == null) {
      return null;
    }
    double connections = (double) w.rooms() * w.perRoom();
    return new JsonObject().put("idle", meters[0]).put("connected", meters[1])
        .put("heapKibPerConnection", (meters[1].getDouble("liveHeapMiB") - meters[0].getDouble("liveHeapMiB")) * 1024 / connections)
        .put("nettyDirectKibPerConnection",
            (meters[1].getDouble("nettyDirectMiB") - meters[0].getDouble("nettyDirectMiB")) * 1024 / connections);
  }

  private static long epochMs(long nanoTime) {
    return System.currentTimeMillis() - (System.nanoTime() - nanoTime) / 1_000_000;
  }

  /** A figure of all server nodes together. */
  private double servers(java.util.function.ToDoubleFunction<Long> figure) {
    return w.serverPids().stream().mapToDouble(figure).sum();
  }

  private java.util.Map<String, Double> serversByKey(java.util.function.Function<Long, java.util.Map<String, Double>> figures) {
    java.util.Map<String, Double> sum = new java.util.HashMap<>();
    w.serverPids().forEach(pid -> figures.apply(pid).forEach((key, value) -> sum.merge(key, value, Double::sum)));
    return sum;
  }

  private JsonObject report(double idleRss, double connectedRss, double serverCpu0, double loadCpu0, long lost) {
    double seconds = w.seconds() + w.warmupSeconds() + DRAIN_MS / 1000.0 + 1;
    double serverCpu = servers(ProcStats::cpuSeconds) - serverCpu0;
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
            .put("end", servers(ProcStats::rssMiB)))
        .put("kibPerConnection", connections == 0 ? 0 : (connectedRss - idleRss) * 1024 / connections)
        .put("serverMicrosPerFrame", frames == 0 ? 0 : serverCpu * 1e6 / frames)
        // A point where the load generator was the bottleneck says nothing about the server.
        .put("loadBound", 100 * loadCpu / seconds > 70)
        .put("nodes", w.ports().size())
        // Several generators' lines are merged exactly from these (bench/merge.py through Merge).
        .put("histograms", w.histograms() ? new JsonObject().put("fanout", Stats.encoded(stats.fanout))
            .put("fanoutFromIntended", Stats.encoded(stats.fanoutFromIntended)).put("ack", Stats.encoded(stats.ack)) : null);
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
      ready.add(connect("/socket.io/?EIO=4&transport=websocket", r, i).compose(m::start));
    }
    rooms.add(members);
    return Future.all(ready).mapEmpty();
  }

  private Future<Void> ourRoom(int r) {
    return setups.get(r % setups.size()).meeting("Bench " + r, w.perRoom()).compose(meeting -> {
      Member.Shared shared = new Member.Shared();
      List<Member> members = new ArrayList<>();
      List<Future<Void>> ready = new ArrayList<>();
      for (int i = 0; i < w.perRoom(); i++) {
        OurMember m = new OurMember(meeting.meetingId(), i, stats, shared, meeting.tokens().get(i), w.perRoom() - 1);
        members.add(m);
        ready.add(connect("/ws", r, i).compose(m::start));
      }
      rooms.add(members);
      return Future.all(ready).map(v -> {
        MeetingSetup.toFreePhase().forEach(command -> ((OurMember) members.get(0)).send(command, 0));
        return null;
      });
    });
  }

  private Future<io.vertx.core.http.WebSocket> connect(String uri, int r, int i) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(w.host()).setPort(w.port(r, i)).setURI(uri);
    return clients.get((r * w.perRoom() + i) % clients.size()).connect(options);
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
