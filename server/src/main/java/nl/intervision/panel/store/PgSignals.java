package nl.intervision.panel.store;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import nl.intervision.panel.domain.Recorded;
import nl.intervision.panel.log.LogLine;
import nl.intervision.panel.protocol.Wire;

/**
 * Tells the other server nodes that a meeting moved on, through LISTEN/NOTIFY. A notification
 * names the meeting and the seq, and carries that batch as stored when it fits in a notice: the
 * receiving node then applies it without reading the log (with every meeting's people spread over
 * three nodes, those reads were most of what a command cost; docs/PERFORMANCE.md). A batch too large
 * for a notice, or a lost notification, costs a read, never an event. Notifications are sent after
 * the commit, the ones that come in while a NOTIFY is on its way together in the next, each batch in
 * order: merging a meeting's notices into its newest would make every node read what they skipped.
 *
 * <p>Payload: {@code <meeting> <seq>} or {@code <meeting> <seq> {"a":actor,"c":commandId,"t":at,"e":events}}.
 *
 * <p>The LISTEN connection is checked with a heartbeat ({@link Listening}); a lost, stalled or
 * refused one is replaced, and each new one makes every loaded meeting re-read its log.
 */
final class PgSignals {
  private static final Logger LOG = Logger.getLogger(PgSignals.class.getName());
  private static final long RETRY_MS = 1_000;

  private final Vertx vertx;
  private final Listening settings;
  private final Pool pool;
  /** PostgreSQL refuses a payload of 8,000 bytes or more, and the whole statement with it. */
  static final int MAX_PAYLOAD_BYTES = 7_900;

  private final List<String> unsent = new ArrayList<>();
  private boolean sending;
  private EventLog.AppendListener listener;
  private PgConnection listening;
  private long heartbeatTimer = -1;
  private boolean closed;

  PgSignals(Vertx vertx, Listening settings, Pool pool) {
    this.vertx = vertx;
    this.settings = settings;
    this.pool = pool;
  }

  /** @param events the batch's events as stored */
  void appended(String meetingId, Recorded batch, String events) {
    unsent.add(payload(meetingId, batch, events));
    send();
  }

  static String payload(String meetingId, Recorded batch, String events) {
    String names = meetingId + ' ' + batch.seq();
    String carried = names + " {\"a\":" + Json.encode(batch.actorId()) + ",\"c\":" + Json.encode(batch.commandId())
        + ",\"t\":" + batch.at() + ",\"e\":" + events + '}';
    // Up to 3 bytes a char in UTF-8: count the bytes only when the length alone does not settle it.
    boolean fits = carried.length() * 3 < MAX_PAYLOAD_BYTES
        || carried.getBytes(StandardCharsets.UTF_8).length < MAX_PAYLOAD_BYTES;
    return fits ? carried : names;
  }

  private void send() {
    if (sending || unsent.isEmpty() || closed) {
      return;
    }
    String[] payloads = unsent.toArray(String[]::new);
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
    open().onSuccess(this::listening).onFailure(e -> {
      LOG.warning(LogLine.of("listen_failed", "retry_ms", RETRY_MS, "error", LogLine.error(e),
          "sqlstate", PgEventLog.sqlState(e)));
      vertx.setTimer(RETRY_MS, t -> connect());
    });
  }

  /**
   * A connection that has run LISTEN. With the heartbeat on, a path that accepts the connection and
   * then says nothing would hold this attempt for good, so it is given the heartbeat's timeout too.
   */
  private Future<PgConnection> open() {
    Future<PgConnection> opening = PgConnection.connect(vertx, settings.options())
        .compose(conn -> conn.query(Sql.LISTEN).execute().map(conn).onFailure(e -> conn.close()));
    if (settings.heartbeatEveryMs() == 0) {
      return opening;
    }
    Promise<PgConnection> bounded = Promise.promise();
    long timer = vertx.setTimer(settings.heartbeatTimeoutMs(),
        t -> bounded.tryFail(new TimeoutException("no answer to LISTEN within " + settings.heartbeatTimeoutMs() + " ms")));
    opening.onComplete(done -> {
      vertx.cancelTimer(timer);
      if (done.failed()) {
        bounded.tryFail(done.cause());
      } else if (!bounded.tryComplete(done.result())) {
        // Given up on already, and the next attempt is under way: two listeners would do every catch-up twice.
        done.result().close();
      }
    });
    return bounded.future();
  }

  private void listening(PgConnection conn) {
    if (closed) {
      conn.close();
      return;
    }
    listening = conn;
    conn.notificationHandler(n -> received(n.getPayload()));
    conn.closeHandler(v -> {
      if (listening != conn) {
        return; // given up on by the heartbeat, which already connected anew
      }
      listening = null;
      cancelHeartbeat();
      if (!closed) {
        LOG.warning(LogLine.of("listen_lost", "retry_ms", RETRY_MS));
        vertx.setTimer(RETRY_MS, t -> connect());
      }
    });
    heartbeat(conn);
    // Notifications sent while we were not listening are gone: every loaded meeting re-reads its log.
    listener.appended(null, 0, null);
  }

  private void heartbeat(PgConnection conn) {
    if (settings.heartbeatEveryMs() == 0) {
      return;
    }
    heartbeatTimer = vertx.setTimer(settings.heartbeatEveryMs(), t -> {
      heartbeatTimer = -1;
      if (listening != conn) {
        return;
      }
      conn.query("SELECT 1").execute()
          .timeout(settings.heartbeatTimeoutMs(), TimeUnit.MILLISECONDS)
          .onComplete(answer -> {
            if (listening != conn) {
              return;
            }
            if (answer.succeeded()) {
              heartbeat(conn);
            } else {
              stalled(conn, answer.cause());
            }
          });
    });
  }

  /**
   * A half-open connection (a NAT or load balancer that dropped it, a stalled path) brings no close
   * event, so the heartbeat's silence is taken as one. Closing only sends a Terminate and closes our
   * socket, nothing waits for the server; the new connection catches up as after any loss.
   */
  private void stalled(PgConnection conn, Throwable why) {
    LOG.warning(LogLine.of("listen_stalled", "timeout_ms", settings.heartbeatTimeoutMs(), "error", LogLine.error(why),
        "sqlstate", PgEventLog.sqlState(why)));
    listening = null;
    conn.close();
    connect();
  }

  private void cancelHeartbeat() {
    if (heartbeatTimer >= 0) {
      vertx.cancelTimer(heartbeatTimer);
      heartbeatTimer = -1;
    }
  }

  private void received(String payload) {
    int space = payload.indexOf(' ');
    if (space <= 0) {
      return;
    }
    int carried = payload.indexOf(' ', space + 1);
    String meetingId = payload.substring(0, space);
    long seq;
    try {
      seq = Long.parseLong(payload.substring(space + 1, carried < 0 ? payload.length() : carried));
    } catch (NumberFormatException e) {
      LOG.warning(LogLine.of("notification_malformed"));
      return;
    }
    listener.appended(meetingId, seq, carried < 0 ? null : batch(seq, payload.substring(carried + 1)));
  }

  /** @return the batch a notice carried, or null when it cannot be read: the log is read instead */
  static Recorded batch(long seq, String text) {
    try {
      JsonObject json = new JsonObject(text);
      return new Recorded(seq, json.getString("a"), json.getString("c"), json.getLong("t"),
          Wire.events(json.getJsonArray("e")));
    } catch (RuntimeException e) {
      // Never the text itself in the log: it is meeting content.
      LOG.warning(LogLine.of("notification_malformed", "seq", seq, "error", e.getClass().getSimpleName()));
      return null;
    }
  }

  Future<Void> close() {
    closed = true;
    cancelHeartbeat();
    return listening == null ? Future.succeededFuture() : listening.close();
  }
}
