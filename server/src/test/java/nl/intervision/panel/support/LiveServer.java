package nl.intervision.panel.support;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.WebSocketClient;
import nl.intervision.panel.transport.Config;
import nl.intervision.panel.transport.HttpVerticle;

/**
 * A real server node on a free port, with the HTTP and WebSocket clients a test talks to it with.
 * Keep it in a field: Vert.x 5 may clean up clients that are no longer referenced mid-test.
 */
public final class LiveServer {
  public final HttpVerticle node;
  public final WebSocketClient sockets;
  public final HttpClient http;
  public final Api api;
  public final int port;

  private LiveServer(Vertx vertx, HttpVerticle node) {
    this.node = node;
    this.port = node.port();
    this.sockets = vertx.createWebSocketClient();
    this.http = vertx.createHttpClient();
    this.api = new Api(http, port);
  }

  public static Future<LiveServer> start(Vertx vertx, Config config) {
    HttpVerticle node = new HttpVerticle(config);
    return vertx.deployVerticle(node).map(id -> new LiveServer(vertx, node));
  }

  /** A node the test made itself (with its own metrics, say), deployed in this Vert.x; the clients live there too. */
  public static Future<LiveServer> start(Vertx vertx, HttpVerticle node) {
    return vertx.deployVerticle(node).map(id -> new LiveServer(vertx, node));
  }

  /** A socket that has said hello and got its welcome. */
  public Future<WsClient> connected(String token) {
    return WsClient.connect(sockets, port).compose(c -> c.hello(token).frame("welcome").map(c));
  }

  public Future<WsClient> connect() {
    return WsClient.connect(sockets, port);
  }

  public Future<WsClient> connect(String origin) {
    return WsClient.connect(sockets, port, origin);
  }
}
