package nl.intervision.panel.transport.ops;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import nl.intervision.panel.log.LogLine;
import nl.intervision.panel.store.EventLog;
import nl.intervision.panel.store.PgEventLog;

/**
 * GET /ready: whether this node can serve meetings now, which is whether its event store answers. A load
 * balancer stops sending people to a node whose database is gone; GET /health only says the process lives.
 */
public final class Readiness implements Handler<RoutingContext> {
  private static final Logger LOG = Logger.getLogger(Readiness.class.getName());
  /** Probes come every few seconds and give up after a second or so: a hung database must fail fast. */
  static final long TIMEOUT_MS = 1_000;

  private final EventLog log;
  private boolean ready = true;

  public Readiness(EventLog log) {
    this.log = log;
  }

  @Override
  public void handle(RoutingContext ctx) {
    log.ping().timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS).onComplete(answered -> {
      changed(answered.succeeded(), answered.cause());
      ctx.response()
          .setStatusCode(answered.succeeded() ? 200 : 503)
          .putHeader("Content-Type", "application/json")
          .putHeader("Cache-Control", "no-store")
          .end(answered.succeeded()
              ? "{\"status\":\"ready\"}"
              : "{\"status\":\"unavailable\",\"reason\":\"the event store does not answer\"}");
    });
  }

  /** Logged when the answer changes, not on every probe. */
  private void changed(boolean now, Throwable cause) {
    if (now != ready) {
      ready = now;
      if (now) {
        LOG.info(LogLine.of("ready"));
      } else {
        LOG.warning(LogLine.of("not_ready", "error", LogLine.error(cause), "sqlstate", PgEventLog.sqlState(cause)));
      }
    }
  }
}
