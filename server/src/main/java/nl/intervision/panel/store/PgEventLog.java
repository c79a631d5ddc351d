package nl.intervision.panel.store;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import nl.intervision.panel.domain.Recorded;
import nl.intervision.panel.log.LogLine;
import nl.intervision.panel.protocol.Wire;
import io.vertx.core.json.JsonArray;

/**
 * The event log in PostgreSQL, with group commit: appends that arrive while a commit is under way
 * wait for it and then go together in the next single INSERT, so thousands of meetings share
 * round trips and disk flushes instead of paying one each.
 *
 * <p>Must be used from the event loop that created it: the queue is not thread-safe.
 */
public final class PgEventLog implements EventLog {
  private static final Logger LOG = Logger.getLogger(PgEventLog.class.getName());

  static final int MAX_GROUP = 512;
  /** One connection stays free for reads and notifications; the others commit groups side by side. */
  private final int maxGroupsInFlight;
  static final long TIMEOUT_MS = 10_000;

  private final Pool pool;
  private final PgSignals signals;
  private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
  private int groupsInFlight;

  public PgEventLog(Vertx vertx, PgConnectOptions options, int poolSize) {
    this(vertx, options, poolSize, defaultGroupsInFlight(poolSize), Listening.through(options));
  }

  /**
   * Two groups side by side by default: one waits while the other commits; more, smaller commits
   * compete for the same WAL flush. One against two was a toss-up on the benchmark machine
   * (docs/PERFORMANCE.md, "Lever: commit groups sized by measurement"); DB_COMMITS_IN_FLIGHT chooses.
   */
  public static int defaultGroupsInFlight(int poolSize) {
    return Math.max(1, Math.min(2, poolSize - 1));
  }

  /**
   * @param groupsInFlight commit groups written side by side, fewer than poolSize so that reads find a connection
   * @param listening the connection that hears the other nodes, apart from the pool (it must stay in session mode)
   */
  public PgEventLog(Vertx vertx, PgConnectOptions options, int poolSize, int groupsInFlight, Listening listening) {
    this.pool = Pools.create(vertx, options, poolSize);
    this.maxGroupsInFlight = groupsInFlight;
    this.signals = new PgSignals(vertx, listening, pool);
  }

  @Override
  public Future<Void> append(String meetingId, Recorded batch) {
    Pending pending = new Pending(meetingId, batch, Promise.promise());
    waiting.add(pending);
    flush();
    return pending.done.future();
  }

  @Override
  public Future<List<Recorded>> read(String meetingId, long afterSeq, int limit) {
    return pool.preparedQuery(Sql.READ)
        .execute(Tuple.of(meetingId, afterSeq, limit))
        .timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .recover(e -> Future.failedFuture(new StoreUnavailable("reading meeting failed: " + e.getMessage(), e)))
        .map(PgEventLog::batches);
  }

  /** The intervision groups kept in the same database, through the same pool. */
  public GroupStore groups() {
    return new PgGroupStore(pool);
  }

  /** Wrong join codes per meeting and group, counted in the same database so that every node sees them all. */
  public WrongCodes wrongCodes() {
    return new PgWrongCodes(pool);
  }

  /** The platform links kept in the same database, through the same pool. */
  public PlatformLinks platformLinks() {
    return new PgPlatformLinks(pool);
  }

  @Override
  public Future<Void> erase(String meetingId) {
    return pool.preparedQuery(Sql.ERASE_ALL_BUT_LAST).execute(Tuple.of(meetingId))
        .timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .mapEmpty();
  }

  @Override
  public Future<Integer> eraseIdleSince(long cutoffMs) {
    return pool.preparedQuery(Sql.ERASE_IDLE).execute(Tuple.of(cutoffMs))
        .map(rows -> rows.iterator().next().getLong(0).intValue());
  }

  @Override
  public void onAppendedElsewhere(AppendListener listener) {
    signals.listen(listener);
  }

  /** Through the same pool as the appends: ready means a connection can be had and the database answers. */
  @Override
  public Future<Void> ping() {
    return pool.query("SELECT 1").execute().mapEmpty();
  }

  @Override
  public Future<Void> close() {
    return signals.close().eventually(pool::close);
  }

  private void flush() {
    while (groupsInFlight < maxGroupsInFlight && !waiting.isEmpty()) {
      List<Pending> group = takeGroup();
      groupsInFlight++;
      write(group).onComplete(done -> {
        groupsInFlight--;
        flush();
      });
    }
  }

  /** A group never holds the same seq of a meeting twice, or both writers would think they won. */
  private List<Pending> takeGroup() {
    List<Pending> group = new ArrayList<>(Math.min(waiting.size(), MAX_GROUP));
    Set<String> keys = new HashSet<>();
    ArrayDeque<Pending> later = new ArrayDeque<>();
    while (!waiting.isEmpty() && group.size() < MAX_GROUP) {
      Pending next = waiting.poll();
      if (keys.add(next.key())) {
        group.add(next);
      } else {
        later.add(next);
      }
    }
    while (!later.isEmpty()) {
      waiting.addFirst(later.pollLast());
    }
    return group;
  }

  private Future<Void> write(List<Pending> group) {
    // Every node inserts in key order, so two nodes' groups that share meetings wait for each other
    // in one order only: in opposite orders PostgreSQL found a deadlock (40P01) and failed a whole group.
    group.sort(IN_KEY_ORDER);
    int n = group.size();
    String[] meetings = new String[n];
    Long[] seqs = new Long[n];
    String[] actors = new String[n];
    String[] commands = new String[n];
    Long[] times = new Long[n];
    String[] events = new String[n];
    for (int i = 0; i < n; i++) {
      Pending p = group.get(i);
      meetings[i] = p.meetingId;
      seqs[i] = p.batch.seq();
      actors[i] = p.batch.actorId();
      commands[i] = p.batch.commandId();
      times[i] = p.batch.at();
      events[i] = Wire.events(p.batch.events()).encode();
    }
    Tuple args = Tuple.tuple()
        .addArrayOfString(meetings).addArrayOfLong(seqs).addArrayOfString(actors)
        .addArrayOfString(commands).addArrayOfLong(times).addArrayOfString(events);
    return pool.preparedQuery(Sql.APPEND_GROUP).execute(args)
        .timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .andThen(result -> {
          if (result.succeeded()) {
            settle(group, result.result(), events);
          } else {
            LOG.warning(LogLine.of("store_append_failed", "batches", n, "error", LogLine.error(result.cause()),
                "sqlstate", sqlState(result.cause())));
            StoreUnavailable failure = new StoreUnavailable("the event store is unavailable", result.cause());
            group.forEach(p -> p.done.fail(failure));
          }
        })
        .mapEmpty();
  }

  /** @param events each batch's events as stored, in the group's order: the notice to other nodes carries them */
  private void settle(List<Pending> group, RowSet<Row> inserted, String[] events) {
    Set<String> written = new HashSet<>();
    for (Row row : inserted) {
      written.add(row.getString(0) + ' ' + row.getLong(1));
    }
    for (int i = 0; i < group.size(); i++) {
      Pending p = group.get(i);
      if (written.contains(p.key())) {
        p.done.complete();
        signals.appended(p.meetingId, p.batch, events[i]);
      } else {
        p.done.fail(new ConcurrentAppend(p.meetingId, p.batch.seq()));
      }
    }
  }

  /** PostgreSQL's error code, which says what went wrong without quoting any data; null for other failures. */
  public static String sqlState(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof PgException pg) {
        return pg.getSqlState();
      }
    }
    return null;
  }

  private static List<Recorded> batches(RowSet<Row> rows) {
    List<Recorded> result = new ArrayList<>(rows.size());
    for (Row row : rows) {
      result.add(new Recorded(
          row.getLong("seq"),
          row.getString("actor_id"),
          row.getString("command_id"),
          row.getLong("at_ms"),
          Wire.events((JsonArray) row.getValue("events"))));
    }
    return result;
  }

  private static final Comparator<Pending> IN_KEY_ORDER =
      Comparator.comparing(Pending::meetingId).thenComparingLong(p -> p.batch().seq());

  private record Pending(String meetingId, Recorded batch, Promise<Void> done) {
    String key() {
      return meetingId + ' ' + batch.seq();
    }
  }
}
