package nl.intervision.panel.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;
import nl.intervision.panel.Config;
import nl.intervision.panel.store.DatabaseUrl.SslMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** DATABASE_URL read as libpq reads it: what psql accepts means the same here, and what it refuses is refused clearly. */
class DatabaseUrlTest {
  @TempDir
  static Path files;

  /** A root certificate file for the modes that need one: any PEM certificate will do for reading the URL. */
  static Path rootCert() throws IOException {
    Path file = files.resolve("root.crt");
    if (!Files.exists(file)) {
      try {
        TrustManagerFactory roots = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        roots.init((KeyStore) null);
        X509Certificate any = ((X509TrustManager) roots.getTrustManagers()[0]).getAcceptedIssuers()[0];
        Files.writeString(file, "-----BEGIN CERTIFICATE-----\n"
            + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(any.getEncoded())
            + "\n-----END CERTIFICATE-----\n");
      } catch (GeneralSecurityException e) {
        throw new AssertionError(e);
      }
    }
    return file;
  }

  static DatabaseUrl parse(String url) {
    return DatabaseUrl.parse(url, null);
  }

  @Test
  void passwordsWithTheCharactersThatEndAUrlPartArePercentDecoded() {
    DatabaseUrl url = parse("postgresql://panel:s3cr%40t%3A%2F%25%23%3F%26@db.example.org:6543/meetings");
    assertThat(url.host()).isEqualTo("db.example.org");
    assertThat(url.port()).isEqualTo(6543);
    assertThat(url.database()).isEqualTo("meetings");
    assertThat(url.user()).isEqualTo("panel");
    assertThat(url.password()).isEqualTo("s3cr@t:/%#?&");
    assertThat(url.toString()).doesNotContain("s3cr");
    // As libpq: after the first ':' a raw ':' belongs to the password, '+' is no space, UTF-8 is decoded.
    assertThat(parse("postgres://u:pa:ss+w%C3%B6rd@h/d").password()).isEqualTo("pa:ss+wörd");
    assertThat(parse("postgres://u:a+b@h/d?application_name=c+d")).extracting(DatabaseUrl::password,
        DatabaseUrl::applicationName).containsExactly("a+b", "c+d");
    assertThat(parse("postgresql://u@h/d").password()).isNull();
  }

  @Test
  void anIpv6HostStandsInBracketsAndThePortDefaultsTo5432() {
    DatabaseUrl url = parse("postgres://u@[2001:db8::7]:5433/d");
    assertThat(url.host()).isEqualTo("2001:db8::7");
    assertThat(url.port()).isEqualTo(5433);
    assertThat(url.address()).isEqualTo("[2001:db8::7]:5433");
    assertThat(parse("postgresql://u@[::1]/d").port()).isEqualTo(5432);
    assertThat(parse("postgresql://u@[::1]?sslmode=disable").database()).isEqualTo("u");
    // pgjdbc needs the brackets in its own URL, or it reads "::1:5432" as a host and no port.
    assertThat(((org.postgresql.ds.PGSimpleDataSource) parse("postgresql://u@[::1]:5433/d").dataSource()).getUrl())
        .startsWith("jdbc:postgresql://[::1]:5433/d");
  }

  @Test
  void whatTheUrlLeavesOutIsWhatLibpqWouldUse() {
    DatabaseUrl url = parse("postgresql://db.internal");
    assertThat(url.user()).isEqualTo(System.getProperty("user.name"));
    assertThat(url.database()).as("libpq: the database is named after the user").isEqualTo(url.user());
    assertThat(url.port()).isEqualTo(5432);
    assertThat(url.sslMode()).as("libpq's default").isEqualTo(SslMode.PREFER);
    assertThat(url.applicationName()).isEqualTo("intervision-panel");
    assertThat(url.options()).isNull();
  }

  @Test
  void theQueryNamesTheSessionAndMayOverrideThePartsBeforeIt() {
    DatabaseUrl url = parse("postgresql://u:p@h:1/d?application_name=panel-eu%201&options=-c%20statement_timeout%3D5s"
        + "&host=other&port=7000&dbname=x&user=v&password=p%26q");
    assertThat(url.applicationName()).isEqualTo("panel-eu 1");
    assertThat(url.options()).isEqualTo("-c statement_timeout=5s");
    assertThat(url).extracting(DatabaseUrl::host, DatabaseUrl::port, DatabaseUrl::database, DatabaseUrl::user,
        DatabaseUrl::password).containsExactly("other", 7000, "x", "v", "p&q");
    assertThat(url.pgConnectOptions().getProperties())
        .containsEntry("application_name", "panel-eu 1")
        .containsEntry("options", "-c statement_timeout=5s")
        .as("the driver's own start-up settings stay").containsEntry("client_encoding", "utf8");
  }

  @Test
  void eachSslModeIsLibpqsAndARootCertificateMakesTheChecksPossible() throws IOException {
    for (SslMode mode : new SslMode[] {SslMode.DISABLE, SslMode.ALLOW, SslMode.PREFER, SslMode.REQUIRE}) {
      assertThat(parse("postgresql://u@h/d?sslmode=" + mode.word()).sslMode()).isEqualTo(mode);
    }
    assertThat(parse("postgresql://u@h/d?ssl=true").sslMode()).as("libpq reads JDBC's ssl=true").isEqualTo(SslMode.REQUIRE);
    String ca = rootCert().toString();
    assertThat(parse("postgresql://u@h/d?sslmode=verify-full&sslrootcert=" + ca))
        .extracting(DatabaseUrl::sslMode, DatabaseUrl::rootCert).containsExactly(SslMode.VERIFY_FULL, ca);
    assertThat(parse("postgresql://u@h/d?sslmode=verify-ca&sslrootcert=" + ca).sslMode()).isEqualTo(SslMode.VERIFY_CA);
    assertThat(parse("postgresql://u@h/d?sslmode=require&sslrootcert=" + ca).sslMode())
        .as("libpq: require with a root certificate behaves like verify-ca").isEqualTo(SslMode.VERIFY_CA);
    assertThat(DatabaseUrl.parse("postgresql://u@h/d", ca).sslMode())
        .as("a root certificate without an sslmode is checked in full").isEqualTo(SslMode.VERIFY_FULL);
    assertThat(DatabaseUrl.parse("postgresql://u@h/d?sslmode=verify-ca&sslrootcert=/no/such/file", ca).rootCert())
        .as("DATABASE_SSL_ROOT_CERT wins over sslrootcert").isEqualTo(ca);
    assertThat(parse("postgresql://u@h/d?sslrootcert=system"))
        .extracting(DatabaseUrl::sslMode, DatabaseUrl::rootCert).containsExactly(SslMode.VERIFY_FULL, "system");
  }

  @Test
  void eachSslModeReachesBothDrivers() throws IOException {
    String ca = rootCert().toString();
    var full = parse("postgresql://u@h/d?sslmode=verify-full&sslrootcert=" + ca).pgConnectOptions();
    assertThat(full.getSslMode()).isEqualTo(io.vertx.pgclient.SslMode.VERIFY_FULL);
    assertThat(full.getSslOptions().getHostnameVerificationAlgorithm()).isEqualTo("HTTPS");
    assertThat(full.getSslOptions().isTrustAll()).isFalse();
    var ca1 = parse("postgresql://u@h/d?sslmode=verify-ca&sslrootcert=" + ca).pgConnectOptions();
    assertThat(ca1.getSslOptions().getHostnameVerificationAlgorithm()).isEmpty();
    var require = parse("postgresql://u@h/d?sslmode=require").pgConnectOptions();
    assertThat(require.getSslOptions().isTrustAll()).as("libpq's require without a root certificate checks nothing").isTrue();
    String jdbc = ((org.postgresql.ds.PGSimpleDataSource) parse("postgresql://u@h/d?sslmode=verify-full&sslrootcert=" + ca)
        .dataSource()).getUrl();
    assertThat(jdbc).contains("sslmode=verify-full").contains("sslrootcert=").contains("ApplicationName=intervision-panel");
  }

  @Test
  void aUrlThatIsNotOneIsRefusedSayingWhy() {
    refused("mysql://u@h/d", "must start with postgresql:// or postgres://");
    refused("jdbc:postgresql://h/d", "not a JDBC one");
    refused("postgresql://u@h/d?sslmode=verify-everything", "sslmode 'verify-everything' is not one of disable, allow,");
    refused("postgresql://u@h:99999/d", "port '99999' is not a number from 1 to 65535");
    refused("postgresql://u@h:5x/d", "port '5x'");
    refused("postgresql://u@[::1/d", "never closes it");
    refused("postgresql://u@[]/d", "is empty");
    refused("postgresql://u@[::1]x/d", "expected ':', '/' or '?'");
    refused("postgresql://u@h1,h2:5433/d", "several hosts");
    refused("postgresql://u@h/d?connect_timeout=10", "parameter 'connect_timeout' is not supported");
    refused("postgresql://u@h/d?sslmode", "has no '='");
  }

  @Test
  void aUnixSocketIsRefusedForThisServerSpeaksTcpOnly() {
    refused("postgresql://u@%2Fvar%2Frun%2Fpostgresql/d", "Unix socket (/var/run/postgresql)");
    refused("postgresql:///d?host=/tmp", "Unix socket (/tmp)");
    refused("postgresql:///d", "names no host; libpq would use a Unix socket");
  }

  @Test
  void aTlsSettingThatCannotProtectAnythingIsRefused() throws IOException {
    String ca = rootCert().toString();
    refused("postgresql://u@h/d?sslmode=verify-full", "set DATABASE_SSL_ROOT_CERT");
    refused("postgresql://u@h/d?sslmode=verify-ca", "set DATABASE_SSL_ROOT_CERT");
    refused("postgresql://u@h/d?sslmode=prefer&sslrootcert=" + ca, "sslmode=prefer never checks a certificate");
    refused("postgresql://u@h/d?sslmode=require&sslrootcert=system", "sslrootcert=system needs sslmode=verify-full");
    refused("postgresql://u@h/d?sslmode=verify-full&sslrootcert=/no/such/ca.crt", "sslrootcert /no/such/ca.crt cannot be read");
    Path notACertificate = files.resolve("not.crt");
    Files.writeString(notACertificate, "hello");
    assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u@h/d", notACertificate.toString()))
        .hasMessageStartingWith("DATABASE_SSL_ROOT_CERT " + notACertificate);
  }

  @Test
  void noRefusalQuotesThePassword() {
    refused("postgresql://u:abc%zzsecret@h/d", "the password has a '%' that is not followed by two hex digits");
    refused("postgresql://u:abc%00secret@h/d", "%00");
    refused("postgresql://u@h/d?password=ab&cdsecret", "has no '='");
    refused("postgresql://u@h/d?password=ab=cdsecret", "second '='");
    refused("postgresql://u:abcsecret@h:port/d", "port 'port'");
  }

  @Test
  void theServerRefusesToStartOnABadDatabaseUrlAndNeedsOneForARootCertificate() throws IOException {
    assertThatThrownBy(() -> Config.forTests(Map.of("DATABASE_URL", "postgresql://u@h/d?sslmode=verifyfull")))
        .hasMessageContaining("sslmode 'verifyfull'");
    assertThatThrownBy(() -> Config.forTests(Map.of("DATABASE_SSL_ROOT_CERT", rootCert().toString())))
        .hasMessageContaining("DATABASE_URL is not");
    Config config = Config.forTests(Map.of("DATABASE_URL", "postgresql://u@h/d",
        "DATABASE_SSL_ROOT_CERT", rootCert().toString()));
    assertThat(config.database().sslMode()).isEqualTo(SslMode.VERIFY_FULL);
  }

  private static void refused(String url, String reason) {
    assertThatThrownBy(() -> parse(url)).as(url)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(reason)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
  }
}
