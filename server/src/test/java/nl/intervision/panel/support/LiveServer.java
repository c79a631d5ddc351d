package nl.intervision.panel.support;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.WebSocketClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import nl.intervision.panel.auth.Identity;
import nl.intervision.panel.auth.InvalidToken;
import nl.intervision.panel.auth.Tokens;
import nl.intervision.panel.Config;
import nl.intervision.panel.transport.http.HttpVerticle;

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

  /** Small limits, so that the tests reach them quickly. */
  public static final Map<String, String> SETTINGS = Map.of("HELLO_TIMEOUT_MS", "1000", "MAX_FRAME_BYTES", "4096",
      "FRAMES_PER_SECOND", "20", "FRAME_BURST", "40", "ALLOWED_ORIGINS", "https://teams.example.org");
  public static final Config CONFIG = Config.forTests(SETTINGS);
  private static final Tokens OUR_KEY = new Tokens(CONFIG.jwtSecret(), Duration.ofHours(1));

  /** The test settings with some more on top. */
  public static Config config(String... more) {
    Map<String, String> settings = new HashMap<>(SETTINGS);
    for (int i = 0; i < more.length; i += 2) {
      settings.put(more[i], more[i + 1]);
    }
    return Config.forTests(settings);
  }

  /** Who a meeting token from a server with the test settings says its bearer is. */
  public static Identity verified(String token) {
    try {
      return OUR_KEY.verify(token);
    } catch (InvalidToken e) {
      throw new AssertionError(e);
    }
  }

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
