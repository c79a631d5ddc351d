package nl.intervision.panel.store;

import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.TrustOptions;
import io.vertx.pgclient.PgConnectOptions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.TrustManagerFactory;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One {@link DatabaseUrl} as the two drivers want it. Both sides must agree: the migrations run over JDBC
 * at start and the meetings over Vert.x afterwards, and a server that starts but cannot store is worse
 * than one that refuses to start. Without a root certificate the TLS modes check nothing (libpq's require);
 * with one, verify-ca checks the chain and verify-full the host name too.
 */
final class DriverOptions {
  /** A connection that is made but never answers must not hold the start-up forever (seconds). */
  static final int LOGIN_TIMEOUT_SECONDS = 30;

  private DriverOptions() {}

  static PgConnectOptions vertx(DatabaseUrl url) {
    PgConnectOptions options = new PgConnectOptions()
        .setHost(url.host())
        .setPort(url.port())
        .setDatabase(url.database())
        .setUser(url.user())
        // Not null, which Vert.x refuses, nor its default "pass", which a server asking for one should not get.
        .setPassword(url.password() == null ? "" : url.password())
        .setSslMode(io.vertx.pgclient.SslMode.valueOf(url.sslMode().name()));
    // addProperty keeps the driver's own start-up settings (client_encoding, DateStyle...), which it relies on.
    options.addProperty("application_name", url.applicationName());
    if (url.options() != null) {
      options.addProperty("options", url.options());
    }
    if (url.sslMode() != DatabaseUrl.SslMode.DISABLE) {
      options.setSslOptions(ssl(url));
    }
    return options;
  }

  private static ClientSSLOptions ssl(DatabaseUrl url) {
    ClientSSLOptions ssl = new ClientSSLOptions();
    if (!url.sslMode().checksCertificate()) {
      return ssl.setTrustAll(true).setHostnameVerificationAlgorithm("");
    }
    ssl.setTrustOptions(trust(url.rootCert()));
    // "HTTPS" is RFC 2818's check, the one libpq makes under verify-full: a DNS name or an IP address in the SAN.
    return ssl.setHostnameVerificationAlgorithm(url.sslMode() == DatabaseUrl.SslMode.VERIFY_FULL ? "HTTPS" : "");
  }

  private static TrustOptions trust(String rootCert) {
    if (!rootCert.equals(DatabaseUrl.SYSTEM_ROOTS)) {
      return new PemTrustOptions().addCertPath(rootCert);
    }
    try {
      TrustManagerFactory roots = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      roots.init((KeyStore) null);
      return TrustOptions.wrap(roots);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK's trusted root certificates cannot be read", e);
    }
  }

  /**
   * pgjdbc reads sslmode like libpq except in one place: its require never checks the certificate, even with
   * a root certificate. {@link DatabaseUrl} has already made that verify-ca, so the names line up. The modes
   * that check nothing get pgjdbc's NonValidatingFactory, so that neither driver looks in ~/.postgresql.
   */
  static PGSimpleDataSource jdbc(DatabaseUrl url) {
    PGSimpleDataSource source = new PGSimpleDataSource();
    // pgjdbc builds its URL from these parts and does not bracket an IPv6 address itself.
    source.setServerNames(new String[] {url.host().indexOf(':') >= 0 ? "[" + url.host() + "]" : url.host()});
    source.setPortNumbers(new int[] {url.port()});
    source.setDatabaseName(url.database());
    source.setUser(url.user());
    source.setPassword(url.password());
    source.setApplicationName(url.applicationName());
    source.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
    if (url.options() != null) {
      source.setOptions(url.options());
    }
    source.setSslMode(url.sslMode().word());
    if (url.sslMode() == DatabaseUrl.SslMode.DISABLE) {
      return source;
    }
    if (!url.sslMode().checksCertificate()) {
      source.setSslfactory("org.postgresql.ssl.NonValidatingFactory");
    } else if (url.rootCert().equals(DatabaseUrl.SYSTEM_ROOTS)) {
      source.setSslfactory("org.postgresql.ssl.DefaultJavaSSLFactory");
    } else {
      source.setSslRootCert(url.rootCert());
      // No client certificate: the pool does not send one either (pgjdbc would look in ~/.postgresql).
      source.setSslCert("");
      source.setSslKey("");
    }
    return source;
  }
}
