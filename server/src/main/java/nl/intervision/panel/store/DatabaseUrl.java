package nl.intervision.panel.store;

import io.vertx.pgclient.PgConnectOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Where the database is and how to reach it: DATABASE_URL read as libpq reads a connection URI, and
 * DATABASE_SSL_ROOT_CERT. The pool (Vert.x) and the migrations (JDBC) are both made from this one value
 * (see {@link DriverOptions}), so an sslmode or a root certificate means the same to both, and what psql
 * accepts means the same here. README.md, "Configuration", says what each sslmode does.
 *
 * @param host a DNS name or an IP address (an IPv6 one without brackets)
 * @param password null when the URL has none; never in {@link #toString()} nor in any message
 * @param rootCert null, {@link #SYSTEM_ROOTS}, or the path of a PEM file of trusted root certificates
 * @param options PostgreSQL's command-line options for the session (libpq's {@code options}), or null
 */
public record DatabaseUrl(String host, int port, String database, String user, String password, SslMode sslMode,
    String rootCert, String applicationName, String options) {

  public static final String DEFAULT_APPLICATION_NAME = "intervision-panel";
  /** libpq's sslrootcert=system: the roots the platform trusts (here the JDK's), for certificates from a public CA. */
  public static final String SYSTEM_ROOTS = "system";

  private static final Set<String> KEYWORDS = Set.of("host", "port", "dbname", "user", "password", "sslmode",
      "sslrootcert", "application_name", "options");

  /** libpq's sslmode values, weakest first. */
  public enum SslMode {
    DISABLE, ALLOW, PREFER, REQUIRE, VERIFY_CA, VERIFY_FULL;

    /** The word in the URL: verify-full for VERIFY_FULL. */
    public String word() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    boolean checksCertificate() {
      return this == VERIFY_CA || this == VERIFY_FULL;
    }

    static SslMode of(String word) {
      for (SslMode mode : values()) {
        if (mode.word().equals(word)) {
          return mode;
        }
      }
      throw new IllegalArgumentException("DATABASE_URL: sslmode '" + word
          + "' is not one of disable, allow, prefer, require, verify-ca, verify-full");
    }
  }

  /**
   * @param url DATABASE_URL
   * @param rootCertSetting DATABASE_SSL_ROOT_CERT, or null; it wins over the URL's sslrootcert
   * @throws IllegalArgumentException saying what is wrong, without the password
   */
  public static DatabaseUrl parse(String url, String rootCertSetting) {
    Map<String, String> given = ConnectionUri.keywords(url.strip());
    for (String keyword : given.keySet()) {
      if (!KEYWORDS.contains(keyword)) {
        throw new IllegalArgumentException("DATABASE_URL: parameter '" + keyword + "' is not supported here;"
            + " the supported ones are sslmode, sslrootcert, application_name, options, host, port, dbname, user, password");
      }
    }
    String host = host(given.get("host"));
    String user = given.getOrDefault("user", System.getProperty("user.name"));
    boolean fromSetting = rootCertSetting != null && !rootCertSetting.isBlank();
    String rootCert = fromSetting ? rootCertSetting.strip() : given.get("sslrootcert");
    String rootCertName = fromSetting ? "DATABASE_SSL_ROOT_CERT" : "sslrootcert";
    if (rootCert != null && !rootCert.equals(SYSTEM_ROOTS)) {
      rootCert = readableCertificates(rootCert, rootCertName);
    }
    return new DatabaseUrl(host, port(given.get("port")), given.getOrDefault("dbname", user), user,
        given.get("password"), sslMode(given.get("sslmode"), rootCert, rootCertName), rootCert,
        given.getOrDefault("application_name", DEFAULT_APPLICATION_NAME), given.get("options"));
  }

  /** The same server and settings, another database (the maintenance database, a test's own). */
  public DatabaseUrl withDatabase(String name) {
    return new DatabaseUrl(host, port, name, user, password, sslMode, rootCert, applicationName, options);
  }

  public PgConnectOptions pgConnectOptions() {
    return DriverOptions.vertx(this);
  }

  public DataSource dataSource() {
    return DriverOptions.jdbc(this);
  }

  /** host:port, with an IPv6 address in brackets as a URL writes it. */
  public String address() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  /** Everything but the password: a record's own toString would print it. */
  @Override
  public String toString() {
    return "postgresql://" + user + "@" + address() + "/" + database + " sslmode=" + sslMode.word()
        + (rootCert == null ? "" : " sslrootcert=" + rootCert) + " application_name=" + applicationName;
  }

  private static String host(String host) {
    if (host == null) {
      throw new IllegalArgumentException("DATABASE_URL names no host; libpq would use a Unix socket, which this server"
          + " does not support: name the host, e.g. postgresql://user@127.0.0.1:5432/database");
    }
    if (host.indexOf(',') >= 0) {
      throw new IllegalArgumentException("DATABASE_URL names several hosts (" + host + "); this server connects to one");
    }
    if (host.startsWith("/") || host.startsWith("@")) {
      throw new IllegalArgumentException("DATABASE_URL names a Unix socket (" + host + "); this server connects over"
          + " TCP only: name a host or address PostgreSQL listens on, e.g. 127.0.0.1");
    }
    return host;
  }

  private static int port(String port) {
    if (port == null) {
      return 5432;
    }
    if (port.indexOf(',') < 0 && port.chars().allMatch(Character::isDigit) && port.length() <= 5) {
      int number = Integer.parseInt(port);
      if (number >= 1 && number <= 65535) {
        return number;
      }
    }
    throw new IllegalArgumentException("DATABASE_URL: port '" + port + "' is not a number from 1 to 65535");
  }

  /**
   * libpq's rules, with two choices of ours: without a root certificate verify-ca and verify-full are refused
   * here (libpq would look for ~/.postgresql/root.crt), and a root certificate given without an sslmode means
   * verify-full (libpq does that for sslrootcert=system only), for a certificate nobody checks protects nothing.
   */
  private static SslMode sslMode(String word, String rootCert, String rootCertName) {
    if (word == null) {
      return rootCert == null ? SslMode.PREFER : SslMode.VERIFY_FULL;
    }
    SslMode mode = SslMode.of(word);
    if (rootCert == null) {
      if (mode.checksCertificate()) {
        throw new IllegalArgumentException("DATABASE_URL: sslmode=" + word + " checks the server's certificate against"
            + " a root certificate: set DATABASE_SSL_ROOT_CERT to its PEM file (or sslrootcert=system for a public CA)");
      }
      return mode;
    }
    if (mode.compareTo(SslMode.REQUIRE) < 0) {
      throw new IllegalArgumentException("DATABASE_URL: sslmode=" + word + " never checks a certificate, yet "
          + rootCertName + " is set: use sslmode=verify-full (or verify-ca), or drop " + rootCertName);
    }
    if (rootCert.equals(SYSTEM_ROOTS) && mode != SslMode.VERIFY_FULL) {
      // As libpq: anyone can buy a certificate from a public CA, so only the host name tells the server apart.
      throw new IllegalArgumentException("DATABASE_URL: sslrootcert=system needs sslmode=verify-full, not " + word);
    }
    // libpq: require with a root certificate "behaves like verify-ca".
    return mode == SslMode.REQUIRE ? SslMode.VERIFY_CA : mode;
  }

  private static String readableCertificates(String file, String setting) {
    Path path = Path.of(file).toAbsolutePath();
    try (InputStream in = Files.newInputStream(path)) {
      if (CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty()) {
        throw new IllegalArgumentException(setting + " " + path + " holds no PEM certificate");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(setting + " " + path + " cannot be read: " + e.getClass().getSimpleName());
    } catch (CertificateException e) {
      throw new IllegalArgumentException(setting + " " + path + " is not a PEM certificate: " + e.getMessage());
    }
    return path.toString();
  }
}
