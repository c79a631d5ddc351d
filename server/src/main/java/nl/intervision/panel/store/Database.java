package nl.intervision.panel.store;

import io.vertx.pgclient.PgConnectOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Logger;
import nl.intervision.panel.log.LogLine;
import org.flywaydb.core.Flyway;

/**
 * Makes the database ready before the server accepts anyone: creates it when it does not exist
 * and applies the migrations in sql/. Blocking (JDBC); run it off the event loop.
 */
public final class Database {
  private static final Logger LOG = Logger.getLogger(Database.class.getName());

  private Database() {}

  public static void prepare(PgConnectOptions options) {
    createIfMissing(options);
    var result = Flyway.configure()
        .dataSource(jdbcUrl(options, options.getDatabase()), options.getUser(), options.getPassword())
        .locations("classpath:db/migration")
        .load()
        .migrate();
    LOG.info(LogLine.of("database_ready", "database", options.getDatabase(), "schema", result.targetSchemaVersion,
        "migrations_applied", result.migrationsExecuted));
  }

  private static void createIfMissing(PgConnectOptions options) {
    String name = options.getDatabase();
    try (Connection admin = DriverManager.getConnection(jdbcUrl(options, "postgres"), options.getUser(), options.getPassword())) {
      try (PreparedStatement exists = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        exists.setString(1, name);
        try (ResultSet rows = exists.executeQuery()) {
          if (rows.next()) {
            return;
          }
        }
      }
      try (var create = admin.createStatement()) {
        create.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
        LOG.info(LogLine.of("database_created", "database", name));
      }
    } catch (SQLException e) {
      // Without rights on the maintenance database the migration below still works if the database exists.
      // The message here is about connecting (refused, password), never about meeting content.
      LOG.warning(LogLine.of("database_check_failed", "database", name, "sqlstate", e.getSQLState(),
          "detail", e.getMessage()));
    }
  }

  static String jdbcUrl(PgConnectOptions options, String database) {
    return "jdbc:postgresql://" + options.getHost() + ":" + options.getPort() + "/" + database;
  }
}
