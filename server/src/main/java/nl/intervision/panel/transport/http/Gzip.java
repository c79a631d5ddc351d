package nl.intervision.panel.transport.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.MimeMapping;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

/**
 * gzip for the page's text files, done here instead of by the HTTP server. The server's own compression
 * (HttpServerOptions.setCompressionSupported) puts a compressor and a chunked writer into every
 * connection's pipeline, and they stay there after a WebSocket upgrade: every frame in and out passed
 * through both, which cost CPU per frame (docs/PERFORMANCE.md). The files are few and do not change
 * while the server runs, so each is compressed once, on its first request, and kept.
 */
final class Gzip implements Handler<RoutingContext> {
  /** Types worth compressing; images and the icon are compressed already. */
  private static final Set<String> TEXT = Set.of("html", "js", "mjs", "css", "svg", "json", "txt", "map", "yaml");
  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private record File(Buffer body, String contentType) {}

  private final Vertx vertx;
  private final String root;
  /** Only files that exist are kept, so the map holds at most the files of the webroot. */
  private final Map<String, File> files = new ConcurrentHashMap<>();
  /** The files change only with a new server, so the server's start stands for their last change. */
  private final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private final String lastModified = HTTP_DATE.format(started);

  Gzip(Vertx vertx, String root) {
    this.vertx = vertx;
    this.root = root;
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String path = ctx.normalizedPath().endsWith("/") ? ctx.normalizedPath() + "index.html" : ctx.normalizedPath();
    if ((request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) || !acceptsGzip(request)
        || !TEXT.contains(extension(path)) || path.contains("..")) {
      ctx.next();
      return;
    }
    File known = files.get(path);
    if (known != null) {
      send(ctx, known);
      return;
    }
    vertx.executeBlocking(() -> read(path)).onComplete(read -> {
      if (read.failed() || read.result() == null) {
        // Not a file of ours: the static handler answers (404).
        ctx.next();
        return;
      }
      files.putIfAbsent(path, read.result());
      send(ctx, read.result());
    });
  }

  /** Compresses the text of any response body: the method catalogue, which is large and sent often. */
  static Buffer compress(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Buffer.buffer(out.toByteArray());
  }

  static boolean acceptsGzip(HttpServerRequest request) {
    String accepted = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
    return accepted != null && accepted.toLowerCase(java.util.Locale.ROOT).contains("gzip");
  }

  private File read(String path) throws IOException {
    try (InputStream in = Gzip.class.getClassLoader().getResourceAsStream(root + path)) {
      if (in == null) {
        return null;
      }
      String type = MimeMapping.mimeTypeForFilename(path);
      if (type != null && (type.startsWith("text/") || type.endsWith("javascript") || type.endsWith("json")
          || type.endsWith("svg+xml"))) {
        type += ";charset=UTF-8";
      }
      return new File(compress(in.readAllBytes()), type == null ? "application/octet-stream" : type);
    }
  }

  private void send(RoutingContext ctx, File file) {
    var response = ctx.response();
    response.putHeader(HttpHeaders.VARY, "Accept-Encoding");
    response.putHeader(HttpHeaders.LAST_MODIFIED, lastModified);
    String since = ctx.request().getHeader(HttpHeaders.IF_MODIFIED_SINCE);
    if (since != null && notModifiedSince(since)) {
      response.setStatusCode(304).end();
      return;
    }
    response.putHeader(HttpHeaders.CONTENT_TYPE, file.contentType()).putHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
    if (ctx.request().method() == HttpMethod.HEAD) {
      response.putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(file.body().length())).end();
    } else {
      response.end(file.body());
    }
  }

  private boolean notModifiedSince(String since) {
    try {
      return !started.isAfter(Instant.from(HTTP_DATE.parse(since)));
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String extension(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 || dot < path.lastIndexOf('/') ? "" : path.substring(dot + 1);
  }
}
