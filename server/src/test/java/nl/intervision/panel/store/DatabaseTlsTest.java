package nl.intervision.panel.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Row;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import nl.intervision.panel.support.LiveServer;
import nl.intervision.panel.support.PrivatePostgres;
import nl.intervision.panel.support.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DATABASE_URL's sslmode against a real PostgreSQL that lets in TLS connections only, with a certificate made
 * here for "localhost": each mode does what libpq's does, and the migrations (JDBC) and the meetings (Vert.x)
 * agree on it, for a server that migrates but cannot store, or the other way round, is the worst of both.
 */
class DatabaseTlsTest {
  static PrivatePostgres cluster;
  static Vertx vertx;

  @BeforeAll
  static void startCluster() {
    cluster = PrivatePostgres.withTls();
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (vertx != null) {
      await(vertx.close());
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  DatabaseUrl url(String host, String database, String query) {
    return DatabaseUrl.parse(cluster.url(host, database, query), null);
  }

  @Test
  void verifyFullWithTheRightRootCertificateMigratesAndKeepsMeetingsOverTls() throws Exception {
    DatabaseUrl url = url("localhost", "ivp_full", "sslmode=verify-full&sslrootcert=" + cluster.rootCert()
        + "&options=-c%20statement_timeout%3D60s");
    Database.prepare(url);
    await(Database.probe(vertx, url));

    assertThat(overJdbc(url)).as("the migrations' connection").isEqualTo(new Session(true, "intervision-panel", "1min"));
    assertThat(overVertx(url)).as("the pool's connection").isEqualTo(new Session(true, "intervision-panel", "1min"));
    try (Connection jdbc = url.dataSource().getConnection();
        ResultSet applied = jdbc.createStatement().executeQuery(
            "SELECT count(*) FILTER (WHERE success), count(*) FROM flyway_schema_history")) {
      applied.next();
      assertThat(applied.getInt(1)).as("every migration ran").isPositive().isEqualTo(applied.getInt(2));
    }

    // The server itself, from the same DATABASE_URL: a meeting made over REST is in the database.
    Vertx node = Vertx.vertx();
    try {
      LiveServer server = await(LiveServer.start(node, LiveServer.config("DATABASE_URL",
          cluster.url("localhost", "ivp_full", "sslmode=verify-full"),
          "DATABASE_SSL_ROOT_CERT", cluster.rootCert().toString())));
      var meeting = await(server.api.createMeeting("Over TLS"));
      try (Connection jdbc = url.dataSource().getConnection();
          var stored = jdbc.prepareStatement("SELECT count(*) FROM meeting_event WHERE meeting_id = ?")) {
        stored.setString(1, meeting.id());
        ResultSet rows = stored.executeQuery();
        rows.next();
        assertThat(rows.getInt(1)).as("the meeting's first events, stored over the pool").isPositive();
      }
    } finally {
      await(node.close());
    }
  }

  @Test
  void aRootCertificateThatDidNotSignTheServersIsRefusedByBothDrivers() {
    for (String query : new String[] {"sslmode=verify-full&sslrootcert=" + cluster.otherRootCert(),
        "sslmode=verify-ca&sslrootcert=" + cluster.otherRootCert(),
        // libpq: require with a root certificate checks it like verify-ca.
        "sslmode=require&sslrootcert=" + cluster.otherRootCert()}) {
      DatabaseUrl url = url("localhost", "ivp_wrong_ca", query);
      refused(url, "the server's certificate is not signed by the root certificate " + cluster.otherRootCert(),
          "the TLS handshake failed: the server's certificate did not pass sslmode=" + url.sslMode().word()
              + " with the root certificate " + cluster.otherRootCert());
    }
    // A public CA's roots (the JDK's) do not include this test's own CA either.
    refused(url("localhost", "ivp_wrong_ca", "sslrootcert=system"), "is not signed by the root certificate of the JDK's",
        "the TLS handshake failed");
  }

  @Test
  void verifyFullChecksTheHostNameAndVerifyCaDoesNot() throws Exception {
    // The certificate names "localhost" only; 127.0.0.1 is the same server, but not by a name it holds.
    refused(url("127.0.0.1", "ivp_host", "sslmode=verify-full&sslrootcert=" + cluster.rootCert()),
        "the server's certificate does not name the host 127.0.0.1", "does it name the host 127.0.0.1?");
    refused(url("::1", "ivp_host", "sslmode=verify-full&sslrootcert=" + cluster.rootCert()),
        "does not name the host ::1", "does it name the host ::1?");

    for (String host : new String[] {"127.0.0.1", "::1"}) {
      DatabaseUrl url = url(host, "ivp_host", "sslmode=verify-ca&sslrootcert=" + cluster.rootCert());
      Database.prepare(url);
      await(Database.probe(vertx, url));
      assertThat(overVertx(url).tls()).isTrue();
    }
  }

  @Test
  void requireAndPreferEncryptWithoutARootCertificate() throws Exception {
    for (String query : new String[] {"sslmode=require", "" /* libpq's default: prefer */}) {
      DatabaseUrl url = url("127.0.0.1", "ivp_require", query);
      Database.prepare(url);
      await(Database.probe(vertx, url));
      assertThat(overJdbc(url).tls()).as(query).isTrue();
      assertThat(overVertx(url).tls()).as(query).isTrue();
    }
  }

  @Test
  void disableAgainstAServerThatLetsInTlsOnlyIsRefusedByBothDrivers() {
    refused(url("127.0.0.1", "ivp_plain", "sslmode=disable"), "no encryption");
  }

  @Test
  void theServerRefusesToStartWhenTheCertificateDoesNotVerify() {
    String line = ServerProcess.runUntilItEnds(Map.of("JWT_SECRET", "tls-test-secret-that-is-long-enough-for-hs256",
            "DATABASE_URL", cluster.url("localhost", "ivp_refused", "sslmode=verify-full"),
            "DATABASE_SSL_ROOT_CERT", cluster.otherRootCert().toString()))
        .refusal(PrivatePostgres.PASSWORD);
    assertThat(line).contains("host=localhost", "port=" + cluster.port, "sslmode=verify-full",
        "the server's certificate is not signed by the root certificate " + cluster.otherRootCert());
  }

  /**
   * Refused at start by the migrations (JDBC), which run first, saying why; and by the pool (Vert.x), which
   * says less about a failed handshake for its driver keeps the reason to itself. Never with the password.
   */
  private void refused(DatabaseUrl url, String reason) {
    refused(url, reason, reason);
  }

  private void refused(DatabaseUrl url, String reason, String poolReason) {
    assertThatThrownBy(() -> Database.prepare(url)).as("migrations: " + url)
        .isInstanceOfSatisfying(DatabaseNotReady.class, e -> {
          assertThat(e.reason()).contains(reason);
          assertThat(e.logLine()).contains("sslmode=" + url.sslMode().word()).contains("port=" + cluster.port)
              .doesNotContain(PrivatePostgres.PASSWORD);
        });
    assertThatThrownBy(() -> await(Database.probe(vertx, url))).as("pool: " + url)
        .isInstanceOfSatisfying(DatabaseNotReady.class, e -> {
          assertThat(e.reason()).contains(poolReason);
          assertThat(e.getMessage()).doesNotContain(PrivatePostgres.PASSWORD);
        });
  }

  record Session(boolean tls, String applicationName, String statementTimeout) {}

  private static final String SESSION = "SELECT s.ssl, a.application_name, current_setting('statement_timeout')"
      + " FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid) WHERE pid = pg_backend_pid()";

  private static Session overJdbc(DatabaseUrl url) throws SQLException {
    try (Connection jdbc = url.dataSource().getConnection();
        ResultSet row = jdbc.createStatement().executeQuery(SESSION)) {
      row.next();
      return new Session(row.getBoolean(1), row.getString(2), row.getString(3));
    }
  }

  private static Session overVertx(DatabaseUrl url) throws Exception {
    Row row = await(PgConnection.connect(vertx, url.pgConnectOptions())
        .compose(c -> c.query(SESSION).execute().eventually(c::close)))
        .iterator().next();
    return new Session(row.getBoolean(0), row.getString(1), row.getString(2));
  }

  /** A future's result, waited for with a bound; its failure rethrown as itself. */
  private static <T> T await(Future<T> future) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }
}
