package nl.intervision.panel.transport.ws;

import nl.intervision.panel.Config;
import nl.intervision.panel.transport.limits.ClientAddress;
import nl.intervision.panel.transport.limits.ConnectLimit;
import nl.intervision.panel.transport.ops.PanelMetrics;

import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import nl.intervision.panel.auth.Tokens;
import nl.intervision.panel.protocol.CloseCode;
import nl.intervision.panel.room.Rooms;

/**
 * Accepts WebSockets, checks how often their address connects and their origin, and knows every open
 * one so a shutdown can say goodbye and the liveness sweep can find the silent ones.
 */
public final class Sockets {
  private final Config config;
  private final ConnectionContext context;
  private final Set<Connection> open = new HashSet<>();
  private final ConnectLimit connects;
  private final Liveness liveness;

  public Sockets(Vertx vertx, Rooms rooms, Tokens tokens, Config config, LongSupplier clock, MethodLookup methods,
      PanelMetrics metrics) {
    this.config = config;
    this.context = new ConnectionContext(vertx, rooms, tokens, ConnectionContext.Settings.of(config),
        new AppliedFrames(clock), methods, clock, metrics, open::remove);
    this.connects = new ConnectLimit(config.connectsPerSecond(), config.connectBurst());
    this.liveness = new Liveness(vertx, config);
    liveness.start(() -> open);
  }

  /** Asked at the HTTP upgrade: false means refuse it with 429, before any socket exists. */
  public boolean mayConnect(ServerWebSocketHandshake handshake) {
    String address = ClientAddress.of(handshake.remoteAddress(), handshake.headers(), config.trustedProxies());
    return connects.allows(address, System.nanoTime());
  }

  public void accept(ServerWebSocket socket) {
    Connection connection = new Connection(socket, context);
    open.add(connection);
    connection.start();
    if (!Origins.allowed(socket.headers().get("Origin"), socket.headers().get("Host"), config)) {
      connection.close(CloseCode.FORBIDDEN);
    }
  }

  public int count() {
    return open.size();
  }

  /** The shutdown: no more sweeps, and every socket closed. */
  public void closeAll(CloseCode code) {
    liveness.stop();
    for (Connection connection : List.copyOf(open)) {
      connection.close(code);
    }
  }
}
