package nl.intervision.bench.chaos;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One server process that this driver started and may kill: with SIGKILL (a crash), SIGTERM (a
 * graceful stop), or start again on the same port. Only processes started here are ever signalled.
 */
final class Node {
  private final Vertx vertx;
  private final HttpClient http;
  private final String jar;
  private final Map<String, String> env;
  private final File log;
  private final List<String> jvmOptions;
  final int port;
  private Process process;

  /** @param jvmOptions for the server's JVM, e.g. a flight recording; the heap settings come first and may be overridden */
  Node(Vertx vertx, HttpClient http, String jar, Map<String, String> env, File log, List<String> jvmOptions) {
    this.jvmOptions = List.copyOf(jvmOptions);
    this.vertx = vertx;
    this.http = http;
    this.jar = jar;
    this.env = env;
    this.log = log;
    this.port = freePort();
  }

  /** Starts the process and completes when it answers /health, with the milliseconds that took. */
  Future<Long> start() {
    long began = System.nanoTime();
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xms256m", "-Xmx1g"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
    builder.environment().putAll(env);
    builder.environment().put("PORT", Integer.toString(port));
    builder.environment().put("HOST", "127.0.0.1");
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return healthy(began + 60_000_000_000L).map(v -> (System.nanoTime() - began) / 1_000_000);
  }

  /** A crash: no goodbye to anyone, nothing flushed. */
  Future<Void> kill() {
    return stop(true);
  }

  /** What a deployment does on shutdown: the server says goodbye with 1001 first. */
  Future<Void> terminate() {
    return stop(false);
  }

  /** At the end of a run: SIGTERM, so the server finishes (and writes a flight recording, if it makes one), then SIGKILL. */
  void stopAtEnd() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    killNow();
  }

  void killNow() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
    }
  }

  long pid() {
    return process == null ? -1 : process.pid();
  }

  private Future<Void> stop(boolean forcibly) {
    Process p = process;
    if (forcibly) {
      p.destroyForcibly();
    } else {
      p.destroy();
    }
    Promise<Void> exited = Promise.promise();
    p.onExit().whenComplete((done, e) -> vertx.runOnContext(x -> exited.complete()));
    return exited.future();
  }

  private Future<Void> healthy(long deadline) {
    return http.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port).setURI("/health"))
        .compose(request -> request.send())
        .compose(response -> response.statusCode() == 200
            ? Future.<Void>succeededFuture()
            : Future.<Void>failedFuture("status " + response.statusCode()))
        .recover(e -> {
          if (System.nanoTime() > deadline || !process.isAlive()) {
            return Future.failedFuture("the server on port " + port + " did not come up; see " + log);
          }
          Promise<Void> again = Promise.promise();
          vertx.setTimer(50, t -> healthy(deadline).onComplete(again));
          return again.future();
        });
  }

  private static String javaBinary() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
