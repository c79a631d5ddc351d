package nl.intervision.panel;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.logging.Logger;
import nl.intervision.panel.log.LogLine;
import nl.intervision.panel.log.LogSetup;
import nl.intervision.panel.store.Database;
import nl.intervision.panel.store.DatabaseNotReady;
import nl.intervision.panel.store.DatabaseUrl;
import nl.intervision.panel.transport.http.HttpVerticle;
import nl.intervision.panel.transport.ops.PanelMetrics;

/** Starts one server node with the settings from the environment. */
public final class Main {
  static {
    // Before the first logger: the choice of log manager is made once, when logging starts.
    LogSetup.keepLoggingUntilStopped();
  }

  private static final Logger LOG = Logger.getLogger(Main.class.getName());

  private Main() {}

  public static void main(String[] args) {
    Config config;
    try {
      config = Config.fromEnv(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
      return;
    }
    LogSetup.apply(config.logLevel());
    Collector.warning().ifPresent(detail -> LOG.warning(LogLine.of("serial_collector", "detail", detail)));
    DatabaseUrl database = config.database();
    if (database == null) {
      System.err.println("""
          ************************************************************************
          *  NO DATABASE_URL: meetings are kept IN MEMORY and LOST ON RESTART.   *
          *  Set DATABASE_URL=postgresql://user@host:5432/db to keep them.       *
          ************************************************************************""");
      LOG.warning(LogLine.of("in_memory", "detail", "no DATABASE_URL: meetings are lost when the server stops"));
    } else {
      try {
        Database.prepare(database);
      } catch (DatabaseNotReady e) {
        refuseToStart(e);
      }
    }
    if (config.jwtSecretGenerated()) {
      LOG.warning(LogLine.of("jwt_secret_generated", "detail", "no JWT_SECRET: tokens stop working when this process stops"));
    }

    PanelMetrics metrics = PanelMetrics.of(config);
    Vertx vertx = metrics.newVertx(new VertxOptions());
    HttpVerticle node = new HttpVerticle(config, metrics);
    Future<Void> storeReady = database == null ? Future.succeededFuture() : Database.probe(vertx, database);
    storeReady.compose(ready -> vertx.deployVerticle(node))
        .onSuccess(id -> {
          LOG.info(LogLine.of("server_started", "port", node.port(), "public_url", config.publicUrl(),
              "store", config.databaseUrl() == null ? "memory" : "postgresql",
              "metrics", !metrics.enabled() ? "off" : config.metricsToken() == null ? "open" : "token",
              "log_level", config.logLevel().getName()));
          Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(vertx), "shutdown"));
        })
        .onFailure(e -> {
          if (e instanceof DatabaseNotReady notReady) {
            refuseToStart(notReady);
          }
          // Start-up failures are about ports and connections, never meeting content: the message helps.
          LOG.severe(LogLine.of("start_failed", "error", LogLine.error(e), "detail", e.getMessage()));
          vertx.close();
          System.exit(1);
        });
  }

  /** One line that says where, with which sslmode and why, and no stack trace: the operator's next step is in it. */
  private static void refuseToStart(DatabaseNotReady e) {
    LOG.severe(e.logLine());
    LogSetup.stopped();
    System.exit(1);
  }

  /** Clients are told to reconnect (1001) by the node's stop; the log says when it is done. */
  private static void stop(Vertx vertx) {
    LOG.info(LogLine.of("server_stopping"));
    try {
      vertx.close().await();
      LOG.info(LogLine.of("server_stopped"));
    } catch (RuntimeException e) {
      LOG.warning(LogLine.of("stop_failed", "error", LogLine.error(e)));
    } finally {
      LogSetup.stopped();
    }
  }
}
