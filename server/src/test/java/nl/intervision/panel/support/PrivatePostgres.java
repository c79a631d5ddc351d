package nl.intervision.panel.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL cluster of a test's own (initdb in a temporary directory, a free port on loopback), with TLS
 * switched on and a certificate authority made for it, or without TLS. Its only user logs in with a password
 * holding every character that ends a part of a URL. Stopped by its data directory ({@code pg_ctl stop -m
 * immediate}). As root, the PostgreSQL programs run as the user postgres, for initdb refuses root.
 */
public final class PrivatePostgres implements AutoCloseable {
  public static final String USER = "panel";
  public static final String PASSWORD = "s3cr@t:/%#?& +w";
  private static final long COMMAND_SECONDS = 60;

  public final Path dir;
  public final int port;
  private final Path data;
  private final Path bin;

  private PrivatePostgres(Path bin, Path dir, int port) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
    this.data = dir.resolve("data");
  }

  /**
   * Only connections over TLS are let in (hostssl), with a server certificate that names localhost only,
   * signed by {@link #rootCert()}; {@link #otherRootCert()} signed nothing of this cluster's.
   */
  public static PrivatePostgres withTls() {
    return start(true);
  }

  /** A cluster with ssl=off: one that refuses TLS, as many self-hosted ones do. */
  public static PrivatePostgres withoutTls() {
    return start(false);
  }

  public Path rootCert() {
    return dir.resolve("ca.crt");
  }

  public Path otherRootCert() {
    return dir.resolve("other-ca.crt");
  }

  /** A DATABASE_URL for this cluster, its password percent-encoded as it must be. */
  public String url(String host, String database, String query) {
    String password = URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8).replace("+", "%20");
    String hostPart = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return "postgresql://" + USER + ":" + password + "@" + hostPart + ":" + port + "/" + database
        + (query.isEmpty() ? "" : "?" + query);
  }

  private static PrivatePostgres start(boolean tls) {
    Path bin = postgresPrograms();
    Assumptions.assumeTrue(bin != null, "initdb not found (PATH, /usr/local/bin, /usr/lib/postgresql/*/bin):"
        + " install PostgreSQL's server programs to run the TLS tests");
    try {
      Path dir = Files.createTempDirectory("ivp-pg-");
      PrivatePostgres cluster = new PrivatePostgres(bin, dir, freePort());
      try {
        cluster.create(tls);
      } catch (IOException | RuntimeException e) {
        cluster.close();
        throw e;
      }
      return cluster;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void create(boolean tls) throws IOException {
    if (asRoot()) {
      UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
      Files.setOwner(dir, postgres);
    }
    Path passwordFile = dir.resolve("password");
    Files.writeString(passwordFile, PASSWORD + "\n");
    run(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--pwfile=" + passwordFile,
        "-A", "scram-sha-256", "-E", "UTF8", "--no-sync");
    List<String> settings = new ArrayList<>(List.of("port = " + port, "listen_addresses = '127.0.0.1, ::1'",
        "unix_socket_directories = '" + dir + "'", "fsync = off", "ssl = " + (tls ? "on" : "off")));
    String connection = "host";
    if (tls) {
      makeCertificates();
      settings.add("ssl_cert_file = '" + dir.resolve("server.crt") + "'");
      settings.add("ssl_key_file = '" + dir.resolve("server.key") + "'");
      connection = "hostssl";
    }
    Files.writeString(data.resolve("postgresql.conf"), "\n" + String.join("\n", settings) + "\n",
        java.nio.file.StandardOpenOption.APPEND);
    Files.writeString(data.resolve("pg_hba.conf"), connection + " all all 127.0.0.1/32 scram-sha-256\n"
        + connection + " all all ::1/128 scram-sha-256\n");
    run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("log").toString(), "-w",
        "-t", String.valueOf(COMMAND_SECONDS), "start");
  }

  /** A CA, a server certificate for "localhost" only (no IP address in it) signed by it, and a CA that signed nothing. */
  private void makeCertificates() throws IOException {
    for (String ca : List.of("ca", "other-ca")) {
      run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
          "-keyout", dir.resolve(ca + ".key").toString(), "-out", dir.resolve(ca + ".crt").toString(), "-days", "2",
          "-subj", "/CN=intervision panel test " + ca,
          "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
    }
    Files.writeString(dir.resolve("server.ext"), "subjectAltName = DNS:localhost\nbasicConstraints = CA:FALSE\n"
        + "keyUsage = critical,digitalSignature\nextendedKeyUsage = serverAuth\n");
    run("openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", dir.resolve("server.key").toString(), "-out", dir.resolve("server.csr").toString(),
        "-subj", "/CN=localhost");
    run("openssl", "x509", "-req", "-in", dir.resolve("server.csr").toString(),
        "-CA", rootCert().toString(), "-CAkey", dir.resolve("ca.key").toString(), "-CAcreateserial",
        "-out", dir.resolve("server.crt").toString(), "-days", "2", "-extfile", dir.resolve("server.ext").toString());
    // PostgreSQL will not read a key others may read.
    Files.setPosixFilePermissions(dir.resolve("server.key"), PosixFilePermissions.fromString("rw-------"));
  }

  @Override
  public void close() {
    try {
      if (Files.exists(data.resolve("postmaster.pid"))) {
        run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The server's own log, for a failure message. */
  public String log() {
    try {
      return Files.readString(dir.resolve("log"));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private void run(String... command) {
    List<String> line = new ArrayList<>();
    if (asRoot()) {
      line.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    line.addAll(List.of(command));
    try {
      Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
      process.getOutputStream().close();
      if (!process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish in " + COMMAND_SECONDS + " s");
      }
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "):\n"
            + output + "\n" + log());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static boolean asRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static Path postgresPrograms() {
    List<Path> places = new ArrayList<>();
    for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
      places.add(Path.of(entry.isEmpty() ? "." : entry));
    }
    places.add(Path.of("/usr/local/bin"));
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      versions.sorted(Comparator.reverseOrder()).forEach(version -> places.add(version.resolve("bin")));
    } catch (IOException e) {
      // No Debian PostgreSQL packages: PATH may still have them.
    }
    return places.stream()
        .filter(place -> Files.isExecutable(place.resolve("initdb")) && Files.isExecutable(place.resolve("pg_ctl")))
        .findFirst().orElse(null);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
