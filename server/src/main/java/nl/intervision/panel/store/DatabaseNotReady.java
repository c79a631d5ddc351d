package nl.intervision.panel.store;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.sql.SQLException;
import java.util.concurrent.TimeoutException;
import nl.intervision.panel.log.LogLine;

/**
 * The database cannot be used, found while starting: the server refuses to start rather than take meetings
 * it cannot keep. The message says where it tried, with which sslmode, and why in words an operator can act
 * on; the password is never in it (a driver's message that quotes it anyway has it blanked out).
 */
public final class DatabaseNotReady extends RuntimeException {
  private final DatabaseUrl url;
  private final String step;
  private final String reason;

  /** @param step what was being done: connecting, creating the database, migrating, opening the pool */
  DatabaseNotReady(DatabaseUrl url, String step, Throwable cause) {
    super(null, cause);
    this.url = url;
    this.step = step;
    this.reason = redacted(explain(url, cause), url.password());
  }

  public String reason() {
    return reason;
  }

  @Override
  public String getMessage() {
    return "PostgreSQL at " + url.address() + " (database " + url.database() + ", user " + url.user() + ", sslmode "
        + url.sslMode().word() + ") cannot be used, " + step + ": " + reason;
  }

  /** One line that says it all, for the log. */
  public String logLine() {
    return LogLine.of("database_not_ready", "host", url.host(), "port", url.port(), "database", url.database(),
        "user", url.user(), "sslmode", url.sslMode().word(), "step", step, "reason", reason);
  }

  static String explain(DatabaseUrl url, Throwable failure) {
    String serverSaid = null;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (t instanceof UnknownHostException) {
        return "the host name " + url.host() + " is not known";
      }
      if (t instanceof ConnectException || t instanceof NoRouteToHostException || message.contains("Connection refused")) {
        return "nothing answers at " + url.address() + " (" + message + ")";
      }
      if (t instanceof SocketTimeoutException || t instanceof TimeoutException || message.contains("timed out")) {
        return "no answer from " + url.address() + " in time (" + message + ")";
      }
      if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException
          || message.contains("PKIX path") || message.contains("unable to find valid certification path")) {
        return "the server's certificate is not signed by the root certificate "
            + (DatabaseUrl.SYSTEM_ROOTS.equals(url.rootCert()) ? "of the JDK's trusted roots" : url.rootCert())
            + " (DATABASE_SSL_ROOT_CERT or sslrootcert)";
      }
      if (message.contains("No subject alternative") || message.contains("No name matching")
          || message.contains("could not be verified by hostnameverifier")) {
        return "the server's certificate does not name the host " + url.host()
            + " (verify-full checks the host name; connect by a name the certificate holds)";
      }
      if (message.equals("SSL handshake failed")) {
        // Vert.x's pool drops the handshake's own reason; the migrations' driver, which runs first, names it.
        return "the TLS handshake failed: the server's certificate did not pass sslmode=" + url.sslMode().word()
            + (url.rootCert() == null ? "" : " with the root certificate " + url.rootCert()
                + (url.sslMode() == DatabaseUrl.SslMode.VERIFY_FULL ? " (is it signed by it, and does it name the host "
                    + url.host() + "?)" : " (is it signed by it?)"));
      }
      if (message.contains("does not support SSL") || message.contains("does not handle SSL")) {
        return "the server does not accept TLS, and sslmode=" + url.sslMode().word() + " insists on it";
      }
      if (serverSaid == null && t instanceof SQLException sql && sql.getSQLState() != null
          && !sql.getSQLState().startsWith("08")) {
        serverSaid = "the server said: " + message;
      }
      if (serverSaid == null && t.getClass().getName().equals("io.vertx.pgclient.PgException")) {
        serverSaid = "the server said: " + message;
      }
    }
    if (serverSaid != null) {
      return serverSaid;
    }
    Throwable innermost = failure;
    while (innermost.getCause() != null) {
      innermost = innermost.getCause();
    }
    return innermost.getClass().getSimpleName() + ": " + innermost.getMessage();
  }

  /** A password shorter than 3 characters would blank out half the message, and is no secret anyway. */
  private static String redacted(String text, String password) {
    return password == null || password.length() < 3 ? text : text.replace(password, "***");
  }
}
