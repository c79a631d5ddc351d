package nl.intervision.panel.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnection;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import nl.intervision.panel.log.LogLine;
import org.flywaydb.core.Flyway;

/**
 * Makes the database ready before the server accepts anyone: creates it when it does not exist
 * and applies the migrations in sql/. Blocking (JDBC); run it off the event loop.
 */
public final class Database {
  private static final Logger LOG = Logger.getLogger(Database.class.getName());
  /** SQLSTATE invalid_catalog_name: the database does not exist (yet). */
  private static final String NO_SUCH_DATABASE = "3D000";
  /** SQLSTATE duplicate_database: another node starting at the same moment created it first. */
  private static final String DATABASE_EXISTS = "42P04";
  private static final long PROBE_TIMEOUT_SECONDS = DriverOptions.LOGIN_TIMEOUT_SECONDS;

  private Database() {}

  /** @throws DatabaseNotReady when the database cannot be reached, created or migrated */
  public static void prepare(DatabaseUrl url) {
    createIfMissing(url);
    try {
      var result = Flyway.configure()
          .dataSource(url.dataSource())
          .locations("classpath:db/migration")
          .load()
          .migrate();
      LOG.info(LogLine.of("database_ready", "database", url.database(), "schema", result.targetSchemaVersion,
          "migrations_applied", result.migrationsExecuted, "sslmode", url.sslMode().word()));
    } catch (RuntimeException e) {
      throw new DatabaseNotReady(url, "migrating", e);
    }
  }

  /**
   * The pool's way in, tried once: the migrations went over JDBC, the meetings go over Vert.x, and a TLS
   * setting one driver accepts and the other does not must stop the start, not the first meeting.
   */
  public static Future<Void> probe(Vertx vertx, DatabaseUrl url) {
    return PgConnection.connect(vertx, url.pgConnectOptions())
        .compose(connection -> connection.query("SELECT 1").execute().eventually(connection::close))
        .timeout(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .<Void>mapEmpty()
        .recover(e -> Future.failedFuture(new DatabaseNotReady(url, "opening the pool", e)));
  }

  /**
   * Connects to the database itself first: most managed databases exist already and do not let the
   * application into the maintenance database. Only a missing one is created, from "postgres".
   */
  private static void createIfMissing(DatabaseUrl url) {
    try (Connection ignored = url.dataSource().getConnection()) {
      return;
    } catch (SQLException e) {
      if (!NO_SUCH_DATABASE.equals(e.getSQLState())) {
        throw new DatabaseNotReady(url, "connecting", e);
      }
    }
    String name = url.database();
    try (Connection admin = url.withDatabase("postgres").dataSource().getConnection();
        var create = admin.createStatement()) {
      create.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
      LOG.info(LogLine.of("database_created", "database", name));
    } catch (SQLException e) {
      if (!DATABASE_EXISTS.equals(e.getSQLState())) {
        throw new DatabaseNotReady(url, "creating the database (it does not exist)", e);
      }
    }
  }
}
