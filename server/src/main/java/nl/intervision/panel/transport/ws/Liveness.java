package nl.intervision.panel.transport.ws;

import nl.intervision.panel.Config;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import nl.intervision.panel.protocol.CloseCode;

/**
 * Finds the sockets whose other side has silently gone (a shut laptop lid, a dead Wi-Fi, a proxy that
 * dropped the connection without a word): the peer's TCP stack may never tell us, so the person would
 * stay "online" for everyone else. One periodic sweep per server looks at every open socket; a timer
 * per socket would cost 20,000 timers for 20,000 sockets, the sweep a loop over them now and then.
 */
final class Liveness {
  /** The sweep runs this often within the shortest interval, so a ping or close comes at most a quarter late. */
  private static final int SWEEPS_PER_INTERVAL = 4;
  private static final long SHORTEST_SWEEP_MS = 100;

  private final Vertx vertx;
  private final long pingEveryMs;
  private final long timeoutMs;
  private long timer = -1;

  Liveness(Vertx vertx, Config config) {
    this.vertx = vertx;
    this.pingEveryMs = config.pingEveryMs();
    this.timeoutMs = config.pingTimeoutMs();
  }

  boolean on() {
    return pingEveryMs > 0;
  }

  /** Starts sweeping the sockets the supplier names (nothing when PING_EVERY_SECONDS is 0). */
  void start(Supplier<Collection<Connection>> open) {
    if (!on()) {
      return;
    }
    long period = Math.max(SHORTEST_SWEEP_MS, Math.min(pingEveryMs, timeoutMs) / SWEEPS_PER_INTERVAL);
    timer = vertx.setPeriodic(period, t -> sweep(open.get()));
  }

  void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }

  static long now() {
    return System.nanoTime() / 1_000_000;
  }

  private void sweep(Collection<Connection> open) {
    long now = now();
    List<Connection> silent = new ArrayList<>();
    for (Connection connection : open) {
      switch (connection.heartbeat().due(now, pingEveryMs, timeoutMs)) {
        case PING -> connection.ping(now);
        case CLOSE -> silent.add(connection);
        case NOTHING -> { }
      }
    }
    // Closed after the loop: a close takes the socket out of the collection being walked.
    for (Connection connection : silent) {
      connection.close(CloseCode.NO_ANSWER);
    }
  }
}
