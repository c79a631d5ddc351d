package nl.intervision.panel.support;

import io.vertx.pgclient.PgConnectOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import nl.intervision.panel.store.Database;
import nl.intervision.panel.store.DatabaseUrl;

/**
 * A fresh PostgreSQL database for one test class, migrated like production, dropped afterwards.
 * The server is TEST_DATABASE_URL (default: the local one with trust auth). When it cannot be
 * reached the tests fail: a skipped durability test would hide exactly what it is there to catch.
 */
public final class TestDatabase implements AutoCloseable {
  private static final String SERVER = System.getenv().getOrDefault("TEST_DATABASE_URL",
      "postgresql://postgres@127.0.0.1:5432/postgres");

  private final DatabaseUrl admin = DatabaseUrl.parse(SERVER, null);
  private final String name = "ivp_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);

  public TestDatabase() {
    Database.prepare(admin.withDatabase(name));
  }

  public PgConnectOptions options() {
    return admin.withDatabase(name).pgConnectOptions();
  }

  /** TEST_DATABASE_URL with this test's database in its path, query and all. */
  public String url() {
    int query = SERVER.indexOf('?');
    String base = query < 0 ? SERVER : SERVER.substring(0, query);
    return base.substring(0, base.lastIndexOf('/') + 1) + name + (query < 0 ? "" : SERVER.substring(query));
  }

  /** The same database reached through another address, such as a proxy's. */
  public String urlThrough(String host, int port) {
    String password = admin.password() == null || admin.password().isEmpty() ? ""
        : ":" + java.net.URLEncoder.encode(admin.password(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    return "postgresql://" + admin.user() + password + "@" + host + ":" + port + "/" + name;
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = admin.dataSource().getConnection()) {
      c.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }
}
