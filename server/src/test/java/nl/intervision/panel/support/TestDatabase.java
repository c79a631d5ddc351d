package nl.intervision.panel.support;

import io.vertx.pgclient.PgConnectOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import nl.intervision.panel.store.Database;

/**
 * A fresh PostgreSQL database for one test class, migrated like production, dropped afterwards.
 * The server is TEST_DATABASE_URL (default: the local one with trust auth). When it cannot be
 * reached the tests fail: a skipped durability test would hide exactly what it is there to catch.
 */
public final class TestDatabase implements AutoCloseable {
  private static final String SERVER = System.getenv().getOrDefault("TEST_DATABASE_URL",
      "postgresql://postgres@127.0.0.1:5432/postgres");

  private final PgConnectOptions admin = PgConnectOptions.fromUri(SERVER);
  private final String name = "ivp_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);

  public TestDatabase() {
    Database.prepare(options());
  }

  public PgConnectOptions options() {
    return new PgConnectOptions(admin).setDatabase(name);
  }

  public String url() {
    String auth = admin.getUser() + (admin.getPassword() == null || admin.getPassword().isEmpty() ? "" : ":" + admin.getPassword());
    return "postgresql://" + auth + "@" + admin.getHost() + ":" + admin.getPort() + "/" + name;
  }

  @Override
  public void close() throws SQLException {
    String jdbc = "jdbc:postgresql://" + admin.getHost() + ":" + admin.getPort() + "/" + admin.getDatabase();
    try (Connection c = DriverManager.getConnection(jdbc, admin.getUser(), admin.getPassword())) {
      c.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }
}
