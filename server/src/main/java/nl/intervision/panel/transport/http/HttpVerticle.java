package nl.intervision.panel.transport.http;

import nl.intervision.panel.Config;
import nl.intervision.panel.room.VertxScheduler;
import nl.intervision.panel.transport.ops.PanelMetrics;
import nl.intervision.panel.transport.ops.Readiness;
import nl.intervision.panel.transport.ops.Retention;
import nl.intervision.panel.transport.ws.MethodLookup;
import nl.intervision.panel.transport.ws.Sockets;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.List;
import java.util.function.LongSupplier;
import nl.intervision.panel.auth.Tokens;
import nl.intervision.panel.domain.Catalogue;
import nl.intervision.panel.domain.Refusal;
import nl.intervision.panel.domain.Rejected;
import nl.intervision.panel.entry.Ids;
import nl.intervision.panel.entry.MeetingEntry;
import nl.intervision.panel.entry.PlatformSignIn;
import nl.intervision.panel.groups.AccountKeys;
import nl.intervision.panel.protocol.CatalogueJson;
import nl.intervision.panel.protocol.CloseCode;
import nl.intervision.panel.protocol.ErrorCode;
import nl.intervision.panel.room.Rooms;
import nl.intervision.panel.store.EventLog;
import nl.intervision.panel.store.InMemoryEventLog;
import nl.intervision.panel.store.Listening;
import nl.intervision.panel.store.PgEventLog;
import nl.intervision.panel.store.InMemoryPlatformLinks;
import nl.intervision.panel.store.PlatformLinks;
import nl.intervision.panel.store.GroupStore;
import nl.intervision.panel.store.InMemoryGroupStore;
import nl.intervision.panel.store.InMemoryWrongCodes;
import nl.intervision.panel.store.WrongCodes;
import nl.intervision.panel.transport.limits.JoinAttempts;
import nl.intervision.panel.groups.GroupMeetingRunner;
import nl.intervision.panel.groups.GroupService;
import nl.intervision.panel.auth.platform.Platforms;

/**
 * The server node: REST, the page, and the WebSocket, all on one event loop so that rooms need
 * no locks. The event log is created here, in start, so its callbacks come back on that loop.
 */
public final class HttpVerticle extends VerticleBase {
  /** Hard ceiling of the WebSocket layer; frames above {@link Config#maxFrameBytes()} are refused by us with 4413. */
  public static final int MAX_WEBSOCKET_MESSAGE = 1024 * 1024;
  public static final int MAX_BODY_BYTES = 64 * 1024;

  private final Config config;
  private final PanelMetrics metrics;
  private final LongSupplier clock = System::currentTimeMillis;
  private HttpServer server;
  private Router router;
  private EventLog log;
  private Sockets sockets;
  private Retention retention;

  /** A node with its own meters (when METRICS_ENABLED): ours only, for this Vert.x records none of its own. */
  public HttpVerticle(Config config) {
    this(config, PanelMetrics.of(config));
  }

  /** @param metrics where to record; give the one whose {@link PanelMetrics#newVertx} runs this node to get Vert.x's meters too */
  public HttpVerticle(Config config, PanelMetrics metrics) {
    this.config = config;
    this.metrics = metrics;
  }

  /** The port the server listens on; useful when it was started on port 0. */
  public int port() {
    return server.actualPort();
  }

  /** What this node's router serves, so that a test can hold it against docs/openapi.yaml. */
  public List<Route> routes() {
    return router.getRoutes();
  }

  @Override
  public Future<?> start() {
    log = config.databaseUrl() == null
        ? new InMemoryEventLog()
        : new PgEventLog(vertx, config.database().pgConnectOptions(), config.dbPoolSize(), config.dbCommitsInFlight(),
            new Listening(config.databaseListen().pgConnectOptions(), config.listenHeartbeatMs(),
                config.listenHeartbeatTimeoutMs()));
    EventLog measured = metrics.measure(log);
    Ids ids = new Ids();
    Rooms rooms = new Rooms(measured, clock, ids::cardId, new VertxScheduler(vertx), config.chairTakeoverMs(),
        config.roomLingerMs());
    Tokens tokens = new Tokens(config.jwtSecret(), config.tokenLifetime(), config.groupTokenLifetime());
    Catalogue catalogue = CatalogueJson.load();
    MeetingEntry entry = new MeetingEntry(rooms, tokens, catalogue, ids, clock);
    WrongCodes wrongCodes = log instanceof PgEventLog pg ? pg.wrongCodes() : new InMemoryWrongCodes(clock);
    // One JoinAttempts for every way in with a code, so that switching between them gives a guesser nothing.
    JoinAttempts joinAttempts = new JoinAttempts(config.joinFailuresPerMinute(), config.meetingJoinFailuresPerMinute(),
        wrongCodes);
    MeetingApi api = new MeetingApi(entry, rooms, tokens, catalogue, config, clock, joinAttempts);
    DeviceLinks devices = new DeviceLinks(rooms, tokens, config, clock, joinAttempts);
    Invitations invitations = new Invitations(rooms, config, joinAttempts);
    PlatformLinks links = log instanceof PgEventLog pg ? pg.platformLinks() : new InMemoryPlatformLinks();
    Platforms platforms = new Platforms(vertx, config.platformSettings(), clock);
    PlatformProofs proofs = new PlatformProofs(platforms);
    PlatformApi platformApi = new PlatformApi(platforms, proofs, new PlatformSignIn(entry, rooms, links));
    GroupStore groupStore = log instanceof PgEventLog pg ? pg.groups() : new InMemoryGroupStore(clock);
    GroupService groups = new GroupService(groupStore, clock);
    GroupApi groupApi = new GroupApi(groups, new GroupMeetingRunner(groups, entry, rooms, measured, clock,
        java.time.Duration.ofDays(config.retentionDays()).toMillis()), entry, tokens,
        config, joinAttempts, proofs, new AccountKeys(config.jwtSecret()), clock);
    sockets = new Sockets(vertx, rooms, tokens, config, clock, new MethodLookup(catalogue), metrics);
    metrics.watch(sockets::count, rooms);

    router = Router.router(vertx);
    router.route().handler(new SecurityHeaders(config));
    router.route("/api/*").handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES));
    router.post("/api/meetings").handler(api::create);
    router.post("/api/meetings/:meetingId/participants").handler(api::join);
    router.get("/api/meetings/:meetingId/summary").handler(api::summary);
    router.post("/api/meetings/:meetingId/invitation").handler(invitations::invitation);
    router.post("/api/meetings/:meetingId/devices").handler(devices::devices);
    router.post("/api/meetings/:meetingId/devices/claim").handler(devices::claimDevice);
    router.get("/api/methods").handler(api::methods);
    router.post("/api/platform/:platform/session").handler(platformApi::session);
    router.get("/api/platforms").handler(platformApi::settings);
    router.get(ApiDescription.PATH).handler(new ApiDescription());
    groupApi.routes(router);
    router.get("/health").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json")
        .end("{\"status\":\"ok\"}"));
    router.get("/ready").handler(new Readiness(log));
    if (metrics.enabled()) {
      router.get("/metrics").handler(metrics.scrape(config.metricsToken(), ctx -> MeetingApi.fail(ctx,
          ErrorCode.UNAUTHORIZED, Refusal.TOKEN_INVALID, "send METRICS_TOKEN as 'Authorization: Bearer <token>'")));
    }
    router.route("/api/*").last()
        .handler(ctx -> MeetingApi.fail(ctx, ErrorCode.NOT_FOUND, Refusal.NO_SUCH_ENDPOINT, "no such endpoint"));
    router.route("/*").handler(new CacheRules());
    router.route("/*").handler(new Gzip(vertx, "webroot"));
    router.route("/*").handler(StaticHandler.create("webroot"));
    router.route().failureHandler(ctx -> {
      int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
      if (status == 413) {
        MeetingApi.fail(ctx, ErrorCode.TOO_LARGE, Refusal.BODY_TOO_LARGE, Rejected.params("max", MAX_BODY_BYTES),
            "the body is larger than " + MAX_BODY_BYTES + " bytes");
      } else if (status == 500) {
        MeetingApi.fail(ctx, ErrorCode.UNAVAILABLE, Refusal.SERVER_ERROR, "something went wrong on the server");
      } else {
        ctx.response().setStatusCode(status).end();
      }
    });

    HttpServerOptions options = new HttpServerOptions()
        .setHost(config.host())
        .setPort(config.port())
        // No server-wide compression: its handlers would stay in every WebSocket's pipeline and cost CPU
        // per frame. The page's files and the catalogue are gzipped by Gzip; frames use per-message deflate.
        .setMaxWebSocketFrameSize(MAX_WEBSOCKET_MESSAGE)
        .setMaxWebSocketMessageSize(MAX_WEBSOCKET_MESSAGE)
        // Every response is written on this verticle's event loop, so the HTTP connection needs no queue
        // for writes from other threads: that queue's 4 KiB array stayed with each upgraded WebSocket, a
        // quarter of an idle connection's heap (docs/PERFORMANCE.md, round two). A write from another
        // thread would now fail loudly instead of being queued.
        .setStrictThreadMode(true);
    server = vertx.createHttpServer(options)
        .webSocketHandshakeHandler(handshake -> {
          if (!"/ws".equals(handshake.path())) {
            handshake.reject(404);
          } else if (!sockets.mayConnect(handshake)) {
            handshake.reject(429);
          } else {
            handshake.accept();
          }
        })
        .webSocketHandler(sockets::accept)
        .requestHandler(router);
    retention = new Retention(vertx, measured, groupStore, wrongCodes, clock, config.retentionDays(), config.groupRetentionDays());
    return server.listen().andThen(listening -> retention.start());
  }

  @Override
  public Future<?> stop() {
    // Say goodbye with 1001 so clients reconnect (to another node, or to this one after a restart).
    sockets.closeAll(CloseCode.GOING_AWAY);
    retention.stop();
    return server.close().eventually(() -> log.close());
  }
}
