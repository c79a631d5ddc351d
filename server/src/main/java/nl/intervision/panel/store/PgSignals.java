package nl.intervision.panel.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import nl.intervision.panel.log.LogLine;

/**
 * Tells the other server nodes that a meeting moved on, through LISTEN/NOTIFY. A notification
 * names only the meeting and its newest seq; the receiving node reads the events from the log,
 * so a lost or merged notification costs a read, never an event. Notifications are sent after
 * the commit and merged per meeting while one is on its way, so they never slow down an ack.
 */
final class PgSignals {
  private static final Logger LOG = Logger.getLogger(PgSignals.class.getName());
  private static final long RETRY_MS = 1_000;

  private final Vertx vertx;
  private final PgConnectOptions options;
  private final Pool pool;
  private final Map<String, Long> unsent = new LinkedHashMap<>();
  private boolean sending;
  private EventLog.AppendListener listener;
  private PgConnection listening;
  private boolean closed;

  PgSignals(Vertx vertx, PgConnectOptions options, Pool pool) {
    this.vertx = vertx;
    this.options = options;
    this.pool = pool;
  }

  void appended(String meetingId, long seq) {
    unsent.merge(meetingId, seq, Math::max);
    send();
  }

  private void send() {
    if (sending || unsent.isEmpty() || closed) {
      return;
    }
    String[] payloads = new String[unsent.size()];
    int i = 0;
    for (Map.Entry<String, Long> e : unsent.entrySet()) {
      payloads[i++] = e.getKey() + ' ' + e.getValue();
    }
    unsent.clear();
    sending = true;
    pool.preparedQuery(Sql.NOTIFY_GROUP).execute(Tuple.tuple().addArrayOfString(payloads))
        .onComplete(done -> {
          sending = false;
          if (done.failed()) {
            // Other nodes catch up on their next command or reconnect; nothing is lost, only later.
            LOG.warning(LogLine.of("notify_failed", "meetings", payloads.length, "error", LogLine.error(done.cause()),
                "sqlstate", PgEventLog.sqlState(done.cause())));
          }
          send();
        });
  }

  void listen(EventLog.AppendListener newListener) {
    this.listener = newListener;
    connect();
  }

  private void connect() {
    if (closed) {
      return;
    }
    PgConnection.connect(vertx, options)
        .compose(conn -> conn.query(Sql.LISTEN).execute().map(conn))
        .onSuccess(conn -> {
          listening = conn;
          conn.notificationHandler(n -> received(n.getPayload()));
          conn.closeHandler(v -> {
            listening = null;
            if (!closed) {
              LOG.warning(LogLine.of("listen_lost", "retry_ms", RETRY_MS));
              vertx.setTimer(RETRY_MS, t -> connect());
            }
          });
          // Notifications sent while we were not listening are gone: every loaded meeting re-reads its log.
          listener.appended(null, 0);
        })
        .onFailure(e -> {
          LOG.warning(LogLine.of("listen_failed", "retry_ms", RETRY_MS, "error", LogLine.error(e),
              "sqlstate", PgEventLog.sqlState(e)));
          vertx.setTimer(RETRY_MS, t -> connect());
        });
  }

  private void received(String payload) {
    int space = payload.lastIndexOf(' ');
    if (space <= 0) {
      return;
    }
    try {
      listener.appended(payload.substring(0, space), Long.parseLong(payload.substring(space + 1)));
    } catch (NumberFormatException e) {
      LOG.warning(LogLine.of("notification_malformed"));
    }
  }

  Future<Void> close() {
    closed = true;
    return listening == null ? Future.succeededFuture() : listening.close();
  }
}
