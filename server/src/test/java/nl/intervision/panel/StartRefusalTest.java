package nl.intervision.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import nl.intervision.panel.support.PrivatePostgres;
import nl.intervision.panel.support.ServerProcess;
import org.junit.jupiter.api.Test;

/**
 * A server that cannot use its database does not start: it ends with a non-zero exit and one log line
 * that says where it tried, with which sslmode and why, without the password and without a stack trace.
 */
class StartRefusalTest {
  static final String SECRET = "start-refusal-test-secret-long-enough-for-hs256";

  @Test
  void nothingListeningAtTheDatabasesAddressStopsTheStart() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    String line = ServerProcess.runUntilItEnds(Map.of("JWT_SECRET", SECRET,
        "DATABASE_URL", "postgresql://panel:n0t-in-the-log@127.0.0.1:" + closedPort + "/meetings?sslmode=require"))
        .refusal("n0t-in-the-log");
    assertThat(line).contains("host=127.0.0.1", "port=" + closedPort, "database=meetings", "sslmode=require",
        "reason=\"nothing answers at 127.0.0.1:" + closedPort);
  }

  @Test
  void aServerThatRefusesTlsStopsTheStartWhenTheUrlRequiresIt() {
    try (PrivatePostgres plain = PrivatePostgres.withoutTls()) {
      String line = ServerProcess.runUntilItEnds(Map.of("JWT_SECRET", SECRET,
          "DATABASE_URL", plain.url("127.0.0.1", "meetings", "sslmode=require")))
          .refusal(PrivatePostgres.PASSWORD);
      assertThat(line).contains("port=" + plain.port, "sslmode=require",
          "reason=\"the server does not accept TLS, and sslmode=require insists on it\"");
    }
  }

  @Test
  void aBadDatabaseUrlStopsTheStartBeforeAnythingIsTried() {
    ServerProcess.Ended ended = ServerProcess.runUntilItEnds(Map.of("JWT_SECRET", SECRET,
        "DATABASE_URL", "postgresql://panel:n0t-in-the-log@db.example.org/meetings?sslmode=verify"));
    assertThat(ended.exitCode()).isEqualTo(2);
    assertThat(ended.log()).contains("error: DATABASE_URL: sslmode 'verify' is not one of disable, allow, prefer,"
        + " require, verify-ca, verify-full").doesNotContain("n0t-in-the-log");
  }

  @Test
  void aServerOnTheSerialCollectorSaysSoAtStartAndOneOnG1DoesNot() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    // A database nobody answers at ends the start right after the checks, so the process ends by itself.
    Map<String, String> settings = Map.of("JWT_SECRET", SECRET,
        "DATABASE_URL", "postgresql://panel@127.0.0.1:" + closedPort + "/meetings");
    String serial = ServerProcess.runUntilItEnds(settings, java.util.List.of("-XX:+UseSerialGC")).log();
    String g1 = ServerProcess.runUntilItEnds(settings, java.util.List.of("-XX:+UseG1GC")).log();

    assertThat(serial).contains("serial_collector").contains("-XX:+UseG1GC");
    assertThat(g1).doesNotContain("serial_collector");
  }

  @Test
  void aShortJwtSecretIsARefusedSettingNotACrash() {
    ServerProcess.Ended ended = ServerProcess.runUntilItEnds(Map.of("JWT_SECRET", "too-short"));
    assertThat(ended.exitCode()).isEqualTo(2);
    assertThat(ended.log()).contains("error: JWT_SECRET must be at least 32 bytes").doesNotContain("too-short")
        .doesNotContain("Exception");
  }

  @Test
  void asManyCommitsInFlightAsPoolConnectionsIsARefusedSetting() {
    ServerProcess.Ended ended = ServerProcess.runUntilItEnds(Map.of("JWT_SECRET", SECRET,
        "DB_POOL_SIZE", "3", "DB_COMMITS_IN_FLIGHT", "3"));
    assertThat(ended.exitCode()).isEqualTo(2);
    assertThat(ended.log()).contains("error: DB_COMMITS_IN_FLIGHT must be less than DB_POOL_SIZE (3), so that one"
        + " connection stays free for reads, not 3").doesNotContain("Exception");
  }
}
