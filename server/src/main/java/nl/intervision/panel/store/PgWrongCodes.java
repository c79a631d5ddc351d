package nl.intervision.panel.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.concurrent.TimeUnit;

/**
 * Wrong codes in PostgreSQL (sql/V4__wrong_code.sql), so that every node counts the same ones. Times are
 * the database's, so that nodes whose clocks differ still agree on what the last minute is.
 */
public final class PgWrongCodes implements WrongCodes {
  private static final String WITHIN = "interval '" + WINDOW.toSeconds() + " seconds'";

  /** The newest {@code limit} rows at most: how many, and the seconds until the oldest of them ages out. */
  private static final String COUNT = "SELECT count(*)::int, "
      + "COALESCE(ceil(extract(epoch FROM min(at) + " + WITHIN + " - now())), 0)::bigint "
      + "FROM (SELECT at FROM wrong_code WHERE key = $1 AND at > now() - " + WITHIN
      + " ORDER BY at DESC LIMIT $2) recent";
  /** Takes the key's rows that no longer count along, so that a meeting under attack keeps about a minute's worth. */
  private static final String RECORD = "WITH old AS (DELETE FROM wrong_code WHERE key = $1 AND at <= now() - " + WITHIN
      + ") INSERT INTO wrong_code (key) VALUES ($1)";
  private static final String FORGET = "DELETE FROM wrong_code WHERE at <= now() - " + WITHIN;

  private final Pool pool;

  PgWrongCodes(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Long> secondsToWait(String key, int limit) {
    return pool.preparedQuery(COUNT).execute(Tuple.of(key, limit))
        .timeout(PgEventLog.TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .recover(e -> Future.failedFuture(new StoreUnavailable("counting wrong codes failed: " + e.getMessage(), e)))
        .map(rows -> {
          Row row = rows.iterator().next();
          return row.getInteger(0) < limit ? 0L : Math.max(1L, row.getLong(1));
        });
  }

  @Override
  public Future<Void> record(String key) {
    return pool.preparedQuery(RECORD).execute(Tuple.of(key))
        .timeout(PgEventLog.TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .mapEmpty();
  }

  @Override
  public Future<Integer> forgetOld() {
    return pool.query(FORGET).execute().map(rows -> rows.rowCount());
  }
}
