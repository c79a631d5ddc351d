package nl.intervision.panel.transport.ws;

import nl.intervision.panel.Config;
import nl.intervision.panel.transport.ops.PanelMetrics;

import io.vertx.core.Vertx;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import nl.intervision.panel.auth.Tokens;
import nl.intervision.panel.room.Rooms;

/**
 * What one WebSocket needs from its node, and nothing more: where meetings live, how tokens are
 * checked, the settings it reads, how its frames are built, the clock, the meters, and whom to tell
 * when it is gone.
 *
 * @param vertx for the socket's timers, on the node's event loop
 * @param forget called once when the socket has closed
 */
record ConnectionContext(
    Vertx vertx,
    Rooms rooms,
    Tokens tokens,
    Settings settings,
    AppliedFrames frames,
    MethodLookup methods,
    LongSupplier clock,
    PanelMetrics metrics,
    Consumer<Connection> forget) {

  /** The operator's settings a socket reads (see {@link Config} for each). */
  record Settings(
      long helloTimeoutMs,
      int maxFrameBytes,
      int framesPerSecond,
      int frameBurst,
      int outboundLimitBytes,
      long pingEveryMs,
      long pingTimeoutMs) {

    static Settings of(Config config) {
      return new Settings(config.helloTimeoutMs(), config.maxFrameBytes(), config.framesPerSecond(), config.frameBurst(),
          config.outboundLimitBytes(), config.pingEveryMs(), config.pingTimeoutMs());
    }
  }
}
