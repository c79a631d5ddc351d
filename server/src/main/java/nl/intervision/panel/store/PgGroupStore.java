package nl.intervision.panel.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Logger;
import nl.intervision.panel.log.LogLine;

/** Groups in PostgreSQL, through the event log's pool; the version column settles who saved first. */
public final class PgGroupStore implements GroupStore {
  private static final Logger LOG = Logger.getLogger(PgGroupStore.class.getName());
  private static final long TIMEOUT_MS = 10_000;

  private final Pool pool;

  PgGroupStore(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Stored> load(String groupId) {
    return run("group_load", Sql.GROUP_LOAD, Tuple.of(groupId), rows -> {
      if (rows.size() == 0) {
        return null;
      }
      Row row = rows.iterator().next();
      return new Stored(row.getLong(0), (JsonObject) row.getValue(1));
    });
  }

  @Override
  public Future<Long> save(String groupId, long expectedVersion, JsonObject state) {
    String sql = expectedVersion == 0 ? Sql.GROUP_CREATE : Sql.GROUP_REPLACE;
    Tuple args = expectedVersion == 0
        ? Tuple.of(groupId, state)
        : Tuple.of(groupId, expectedVersion, state);
    return run("group_save", sql, args, RowSet::rowCount).compose(saved -> saved == 1
        ? Future.succeededFuture(expectedVersion + 1)
        : Future.failedFuture(new ConcurrentChange(groupId, expectedVersion)));
  }

  @Override
  public Future<List<String>> groupsWithAccount(String accountKey) {
    JsonArray wanted = new JsonArray().add(new JsonObject().put("key", accountKey));
    return run("group_with_account", Sql.GROUP_WITH_ACCOUNT, Tuple.of(wanted), rows -> {
      List<String> ids = new ArrayList<>(rows.size());
      rows.forEach(row -> ids.add(row.getString(0)));
      return ids;
    });
  }

  @Override
  public Future<Boolean> erase(String groupId) {
    return run("group_erase", Sql.GROUP_ERASE, Tuple.of(groupId), rows -> rows.rowCount() > 0);
  }

  @Override
  public Future<Integer> eraseIdleSince(long cutoffMs) {
    return run("group_erase_idle", Sql.GROUP_ERASE_IDLE, Tuple.of(cutoffMs), RowSet::rowCount);
  }

  /** A failure is logged with PostgreSQL's error code only, never the group's content, and reported as unavailable. */
  private <T> Future<T> run(String what, String sql, Tuple args, Function<RowSet<Row>, T> answer) {
    return pool.preparedQuery(sql).execute(args)
        .timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .transform(done -> {
          if (done.succeeded()) {
            return Future.succeededFuture(answer.apply(done.result()));
          }
          LOG.warning(LogLine.of("store_failed", "query", what, "error", LogLine.error(done.cause()),
              "sqlstate", PgEventLog.sqlState(done.cause())));
          return Future.failedFuture(new StoreUnavailable("the group store is unavailable", done.cause()));
        });
  }
}
