package nl.intervision.panel.transport.ops;

import nl.intervision.panel.Config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.micrometer.VertxPrometheusOptions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import nl.intervision.panel.domain.Recorded;
import nl.intervision.panel.domain.Rejected;
import nl.intervision.panel.protocol.CloseCode;
import nl.intervision.panel.protocol.ErrorCode;
import nl.intervision.panel.room.Rooms;
import nl.intervision.panel.store.ConcurrentAppend;
import nl.intervision.panel.store.EventLog;

/**
 * What an operator watches, as Micrometer meters scraped at GET /metrics (README, "Operations"). Tags
 * are fixed words and our own codes only, never a meeting id or anything a person sent: an id per
 * meeting would grow the series without bound, and the panel's content is confidential.
 */
public final class PanelMetrics {
  private static final AtomicInteger REGISTRIES = new AtomicInteger();

  private final MeterRegistry registry;
  private final PrometheusMeterRegistry prometheus;
  private final Counter accepted;
  private final Map<ErrorCode, Counter> rejected = new EnumMap<>(ErrorCode.class);
  private final Counter failed;
  private final Map<CloseCode, Counter> closed = new EnumMap<>(CloseCode.class);
  private final Timer stored;
  private final Counter conflicts;
  private final Counter listenConnects;

  private PanelMetrics(MeterRegistry registry, PrometheusMeterRegistry prometheus) {
    this.registry = registry;
    this.prometheus = prometheus;
    accepted = commands("accepted", "none");
    rejected.put(ErrorCode.BAD_REQUEST, commands("rejected", ErrorCode.BAD_REQUEST.wire()));
    for (Rejected.Reason reason : Rejected.Reason.values()) {
      rejected.computeIfAbsent(ErrorCode.of(reason), code -> commands("rejected", code.wire()));
    }
    failed = commands("failed", ErrorCode.UNAVAILABLE.wire());
    for (CloseCode code : CloseCode.values()) {
      closed.put(code, Counter.builder("panel.sockets.closed")
          .description("WebSockets the server closed, by close code")
          .tag("code", Integer.toString(code.code()))
          .register(registry));
    }
    stored = Timer.builder("panel.store.append")
        .description("Time until one command's events are stored for good (PostgreSQL: committed)")
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry);
    conflicts = Counter.builder("panel.store.conflicts")
        .description("Appends that lost a race for their seq to another node; the command is decided again")
        .register(registry);
    listenConnects = Counter.builder("panel.store.listen.connects")
        .description("Connections made to hear the other nodes (LISTEN): the first, and one after each that was "
            + "lost or stopped answering; after each, every meeting on this node re-read its log")
        .register(registry);
    for (String operation : List.of("append", "read", "erase", "retention")) {
      failures(operation);
    }
  }

  /** Meters that go nowhere (METRICS_ENABLED=false): a composite registry with no member makes no-op meters. */
  public static PanelMetrics off() {
    return new PanelMetrics(new CompositeMeterRegistry(), null);
  }

  /** Our meters in a Prometheus registry; Vert.x's own join them when the Vert.x comes from {@link #newVertx}. */
  public static PanelMetrics prometheus() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    return new PanelMetrics(registry, registry);
  }

  public static PanelMetrics of(Config config) {
    return config.metricsEnabled() ? prometheus() : off();
  }

  public boolean enabled() {
    return prometheus != null;
  }

  /** A Vert.x that records its HTTP, WebSocket, pool and JVM meters in this registry too. */
  public Vertx newVertx(VertxOptions options) {
    if (prometheus == null) {
      return Vertx.vertx(options);
    }
    // Vert.x keeps registries in a static map by name: a name of our own, so two nodes in one JVM (tests) stay apart.
    MicrometerMetricsOptions metrics = new MicrometerMetricsOptions()
        .setRegistryName("intervision-panel-" + REGISTRIES.incrementAndGet())
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
        .setJvmMetricsEnabled(true)
        .setEnabled(true);
    return Vertx.builder()
        .with(options.setMetricsOptions(metrics))
        .withMetrics(new StartupSafeMetrics(new MicrometerMetricsFactory(prometheus)))
        .build();
  }

  /**
   * GET /metrics in Prometheus' text format; with a token set, only for {@code Authorization: Bearer <token>}.
   *
   * @param unauthorized answers a request without the token
   */
  public Handler<RoutingContext> scrape(String token, Handler<RoutingContext> unauthorized) {
    Handler<RoutingContext> scrape = PrometheusScrapingHandler.create(prometheus);
    if (token == null) {
      return scrape;
    }
    byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    return ctx -> {
      String header = ctx.request().getHeader("Authorization");
      if (header != null && MessageDigest.isEqual(expected, header.strip().getBytes(StandardCharsets.UTF_8))) {
        scrape.handle(ctx);
      } else {
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
        unauthorized.handle(ctx);
      }
    };
  }

  /** @param openSockets how many WebSockets are open on this node */
  public void watch(IntSupplier openSockets, Rooms rooms) {
    // Held strongly: a gauge keeps its object weakly, and nothing else keeps this supplier.
    Gauge.builder("panel.websocket.connections", openSockets, IntSupplier::getAsInt).strongReference(true)
        .description("Open WebSockets on this node").register(registry);
    Gauge.builder("panel.meetings.live", rooms, Rooms::size)
        .description("Meetings loaded on this node: someone connected, or a command under way").register(registry);
    // Netty keeps socket buffers off the heap, where the JVM's own buffer pools do not count them.
    Gauge.builder("panel.netty.direct.memory", () -> io.netty.util.internal.PlatformDependent.usedDirectMemory())
        .baseUnit("bytes").strongReference(true)
        .description("Direct memory Netty holds for socket buffers (-1: not counted by this JVM)").register(registry);
  }

  public void commandAccepted() {
    accepted.increment();
  }

  /** A command answered with an error: refused by the rules or the protocol, or not stored (unavailable). */
  public void commandRefused(ErrorCode code) {
    (code == ErrorCode.UNAVAILABLE ? failed : rejected.computeIfAbsent(code, c -> commands("rejected", c.wire())))
        .increment();
  }

  public void socketClosed(CloseCode code) {
    closed.get(code).increment();
  }

  /** The log, with the time of every append and every failure counted. */
  public EventLog measure(EventLog log) {
    return new MeasuredLog(log);
  }

  private Counter commands(String result, String reason) {
    return Counter.builder("panel.commands")
        .description("Commands received over WebSockets, by result and error code")
        .tag("result", result).tag("reason", reason)
        .register(registry);
  }

  private Counter failures(String operation) {
    return Counter.builder("panel.store.failures")
        .description("Event-store operations that failed (unreachable, timed out, refused)")
        .tag("operation", operation)
        .register(registry);
  }

  private <T> Future<T> counted(String operation, Future<T> done) {
    return done.onFailure(e -> failures(operation).increment());
  }

  private final class MeasuredLog implements EventLog {
    private final EventLog log;

    MeasuredLog(EventLog log) {
      this.log = log;
    }

    @Override
    public Future<Void> append(String meetingId, Recorded batch) {
      Timer.Sample sample = Timer.start(registry);
      return log.append(meetingId, batch).andThen(done -> {
        if (done.succeeded()) {
          sample.stop(stored);
        } else if (done.cause() instanceof ConcurrentAppend) {
          conflicts.increment();
        } else {
          failures("append").increment();
        }
      });
    }

    @Override
    public Future<List<Recorded>> read(String meetingId, long afterSeq, int limit) {
      return counted("read", log.read(meetingId, afterSeq, limit));
    }

    @Override
    public Future<Void> erase(String meetingId) {
      return counted("erase", log.erase(meetingId));
    }

    @Override
    public Future<Integer> eraseIdleSince(long cutoffMs) {
      return counted("retention", log.eraseIdleSince(cutoffMs));
    }

    @Override
    public void onAppendedElsewhere(AppendListener listener) {
      log.onAppendedElsewhere((meetingId, seq, batch) -> {
        if (meetingId == null) {
          listenConnects.increment();
        }
        listener.appended(meetingId, seq, batch);
      });
    }

    @Override
    public Future<Void> ping() {
      return log.ping();
    }

    @Override
    public Future<Void> close() {
      return log.close();
    }
  }
}
