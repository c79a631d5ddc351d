package nl.intervision.bench.chaos;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A TCP proxy between the clients and a server on loopback, for the network faults a hotel Wi-Fi
 * produces: every connection reset at once, or nothing moving for a while. It is the network, not a
 * client: it runs on an event loop of its own, so that resetting thousands of connections does not
 * hold up the participants that must notice and come back. Everything in it runs on that loop.
 */
final class Proxy {
  private final Vertx vertx;
  private final io.vertx.core.Context loop;
  private final int targetPort;
  private final NetClient client;
  private final Set<NetSocket[]> pairs = new HashSet<>();
  private NetServer server;
  private boolean stalled;

  Proxy(Vertx vertx, int targetPort) {
    this.vertx = vertx;
    this.loop = vertx.getOrCreateContext();
    this.targetPort = targetPort;
    // Linger 0: closing sends a reset, not a polite FIN, which is what a dropped network looks like.
    this.client = vertx.createNetClient(new NetClientOptions().setSoLinger(0).setConnectTimeout(5_000));
  }

  Future<Integer> listen() {
    server = vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(0).setSoLinger(0)
        .setAcceptBacklog(10_000));
    server.connectHandler(this::accepted);
    return onLoop(() -> server.listen().map(NetServer::actualPort));
  }

  private void accepted(NetSocket downstream) {
    downstream.pause();
    client.connect(targetPort, "127.0.0.1").onComplete(connected -> {
      if (connected.failed()) {
        downstream.close();
        return;
      }
      NetSocket upstream = connected.result();
      NetSocket[] pair = {downstream, upstream};
      pairs.add(pair);
      downstream.handler(upstream::write);
      upstream.handler(downstream::write);
      downstream.closeHandler(v -> { pairs.remove(pair); upstream.close(); });
      upstream.closeHandler(v -> { pairs.remove(pair); downstream.close(); });
      downstream.exceptionHandler(e -> { });
      upstream.exceptionHandler(e -> { });
      if (stalled) {
        upstream.pause();
      } else {
        downstream.resume();
      }
    });
  }

  private <T> Future<T> onLoop(java.util.function.Supplier<Future<T>> work) {
    io.vertx.core.Promise<T> done = io.vertx.core.Promise.promise();
    loop.runOnContext(v -> work.get().onComplete(done));
    return done.future();
  }

  /** Resets every connection that passes through; new ones are let in again at once. */
  Future<Integer> resetAll() {
    return onLoop(() -> Future.succeededFuture(resetNow()));
  }

  private int resetNow() {
    List<NetSocket[]> now = new ArrayList<>(pairs);
    pairs.clear();
    for (NetSocket[] pair : now) {
      pair[0].close();
      pair[1].close();
    }
    return now.size();
  }

  /** Nothing moves in either direction for the given time; the connections stay open. */
  Future<Integer> stall(long millis) {
    return onLoop(() -> Future.succeededFuture(stallNow(millis)));
  }

  private int stallNow(long millis) {
    stalled = true;
    List<NetSocket[]> now = new ArrayList<>(pairs);
    for (NetSocket[] pair : now) {
      pair[0].pause();
      pair[1].pause();
    }
    vertx.setTimer(millis, t -> {
      stalled = false;
      for (NetSocket[] pair : new ArrayList<>(pairs)) {
        pair[0].resume();
        pair[1].resume();
      }
    });
    return now.size();
  }

  Future<Void> close() {
    return onLoop(() -> {
      resetNow();
      return server == null ? Future.succeededFuture() : server.close();
    }).eventually(vertx::close);
  }
}
