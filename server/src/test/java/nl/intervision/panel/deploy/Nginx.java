package nl.intervision.panel.deploy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx running the committed deploy/nginx/intervision-panel.conf, as a child process of the
 * test with everything of its own (prefix, pid file, logs, temp files) in a temp dir and on free
 * loopback ports. Only the lines an operator is told to change are changed: listen ports, server_name,
 * the certificate and the upstream; a committed file nginx refuses fails the test.
 */
final class Nginx implements AutoCloseable {
  static final Path COMMITTED = Path.of("../deploy/nginx/intervision-panel.conf");

  final int httpsPort;
  final int httpPort;
  private final Path dir;
  private final Process process;
  private final Thread killOnExit;

  private Nginx(Path dir, Process process, int httpsPort, int httpPort) {
    this.dir = dir;
    this.process = process;
    this.httpsPort = httpsPort;
    this.httpPort = httpPort;
    // Should the test JVM end without its teardown, nginx must not outlive it on the ports it holds.
    this.killOnExit = new Thread(this::stop, "stop-nginx");
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /** nginx in front of a panel listening on 127.0.0.1:upstreamPort, answering once it listens. */
  static Nginx start(Path dir, TestCertificates certificates, int upstreamPort) throws IOException, InterruptedException {
    Path binary = Tools.find("NGINX_PATH", "nginx", "/usr/sbin/nginx");
    int[] ports = freePorts(2);
    Map<String, String> operatorsChanges = new LinkedHashMap<>();
    operatorsChanges.put("/etc/letsencrypt/live/panel.example.org/fullchain.pem", certificates.chain().toString());
    operatorsChanges.put("/etc/letsencrypt/live/panel.example.org/privkey.pem", certificates.key().toString());
    operatorsChanges.put("server_name panel.example.org;", "server_name localhost;");
    operatorsChanges.put("server 127.0.0.1:8080;", "server 127.0.0.1:" + upstreamPort + ";");
    // Loopback only, and no IPv6 listener: the test machine need not have ::1.
    operatorsChanges.put("listen 443 ssl http2;", "listen 127.0.0.1:" + ports[0] + " ssl http2;");
    operatorsChanges.put("listen [::]:443 ssl http2;", "");
    operatorsChanges.put("listen 80;", "listen 127.0.0.1:" + ports[1] + ";");
    operatorsChanges.put("listen [::]:80;", "");
    Files.writeString(dir.resolve("intervision-panel.conf"), Tools.withChanges(COMMITTED, operatorsChanges));
    Files.writeString(dir.resolve("nginx.conf"), mainConfig(dir));

    Process process = new ProcessBuilder(binary.toString(), "-p", dir + "/", "-c", dir.resolve("nginx.conf").toString(),
        "-g", "daemon off;")
        .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
    Nginx nginx = new Nginx(dir, process, ports[0], ports[1]);
    try {
      nginx.awaitListening();
    } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
      nginx.close();
      throw e;
    }
    return nginx;
  }

  /**
   * The main configuration around the site, as Debian's /etc/nginx/nginx.conf includes one, with every
   * path in the temp dir. As root nginx would run its workers as "nobody:nobody", and Debian has no
   * group "nobody"; as anyone else it cannot switch users, so no user directive is written.
   */
  private static String mainConfig(Path dir) {
    String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
    return user + """
        worker_processes 1;
        pid %1$s/nginx.pid;
        error_log %1$s/error.log notice;
        events { worker_connections 256; }
        http {
            access_log %1$s/access.log;
            client_body_temp_path %1$s/client_body;
            proxy_temp_path %1$s/proxy;
            fastcgi_temp_path %1$s/fastcgi;
            uwsgi_temp_path %1$s/uwsgi;
            scgi_temp_path %1$s/scgi;
            include %1$s/intervision-panel.conf;
        }
        """.formatted(dir);
  }

  private static int[] freePorts(int count) throws IOException {
    ServerSocket[] sockets = new ServerSocket[count];
    int[] ports = new int[count];
    try {
      for (int i = 0; i < count; i++) {
        sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ports[i] = sockets[i].getLocalPort();
      }
    } finally {
      for (ServerSocket socket : sockets) {
        if (socket != null) {
          socket.close();
        }
      }
    }
    return ports;
  }

  private void awaitListening() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!(accepts(httpsPort) && accepts(httpPort))) {
      if (!process.isAlive()) {
        throw new AssertionError("nginx stopped (exit " + process.exitValue() + "):\n" + output());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("nginx did not listen within 10 s:\n" + output());
      }
      Thread.sleep(20);
    }
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** What nginx said on its console and in its error log, for a failing test's message. */
  String output() throws IOException {
    StringBuilder said = new StringBuilder();
    for (String name : List.of("nginx.out", "error.log")) {
      Path file = dir.resolve(name);
      if (Files.exists(file)) {
        said.append("--- ").append(name).append('\n').append(Files.readString(file));
      }
    }
    return said.toString();
  }

  /** Stops nginx by its PID (SIGTERM, then SIGKILL for it and its workers) and waits for that. */
  private void stop() {
    List<ProcessHandle> workers = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    workers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or about to: it stops what is already stopped.
    }
  }
}
