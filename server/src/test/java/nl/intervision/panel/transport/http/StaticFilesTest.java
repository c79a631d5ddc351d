package nl.intervision.panel.transport.http;

import nl.intervision.panel.Config;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import nl.intervision.panel.support.LiveServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The page's files: an icon, gzip where the browser takes it, and caching that lets a deploy through. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class StaticFilesTest {
  LiveServer server;

  /** What came back: the status, the headers, and the body exactly as it travelled (not decompressed). */
  record Fetched(int status, MultiMap headers, Buffer body) {}

  @BeforeEach
  void startServer(Vertx vertx, VertxTestContext ctx) {
    LiveServer.start(vertx, Config.forTests(Map.of())).onComplete(ctx.succeeding(started -> {
      server = started;
      ctx.completeNow();
    }));
  }

  /** A GET with these request headers (name, value, ...); the test client does not decompress. */
  static Future<Fetched> fetch(LiveServer server, String path, String... headers) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("localhost").setPort(server.port)
        .setURI(path);
    for (int i = 0; i < headers.length; i += 2) {
      options.putHeader(headers[i], headers[i + 1]);
    }
    return server.api.send(options, null).map(reply -> new Fetched(reply.status(), reply.headers(), reply.body()));
  }

  static byte[] gunzip(Buffer body) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body.getBytes()))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The body as the file was, whether or not the server chose to compress it (it skips tiny ones). */
  static byte[] gunzipIfNeeded(Fetched fetched) {
    return "gzip".equals(fetched.headers().get("Content-Encoding")) ? gunzip(fetched.body()) : fetched.body().getBytes();
  }

  static byte[] resource(String path) {
    try (InputStream in = StaticFilesTest.class.getClassLoader().getResourceAsStream("webroot/" + path)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theFaviconIsARealIcon(VertxTestContext ctx) {
    fetch(server, "/favicon.ico").map(icon -> ctx.verify(() -> {
      assertThat(icon.status()).isEqualTo(200);
      assertThat(icon.headers().get("Content-Type")).startsWith("image/");
      // An ICO file: reserved 0, type 1 (icon), then the number of images.
      assertThat(icon.body().getBytes(0, 4)).containsExactly(0, 0, 1, 0);
    })).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void thePageLinksAnSvgIconThatIsServed(VertxTestContext ctx) {
    fetch(server, "/").compose(page -> {
      ctx.verify(() -> assertThat(page.body().toString())
          .contains("<link rel=\"icon\" href=\"icon.svg\" type=\"image/svg+xml\">"));
      return fetch(server, "/icon.svg");
    }).map(icon -> ctx.verify(() -> {
      assertThat(icon.status()).isEqualTo(200);
      assertThat(icon.headers().get("Content-Type")).startsWith("image/svg+xml");
      assertThat(icon.body().toString()).startsWith("<svg");
    })).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void aScriptComesGzippedToABrowserThatTakesItAndDecodesToTheFile(VertxTestContext ctx) {
    fetch(server, "/js/app.js", "Accept-Encoding", "gzip, deflate, br").map(script -> ctx.verify(() -> {
      assertThat(script.status()).isEqualTo(200);
      assertThat(script.headers().get("Content-Encoding")).isEqualTo("gzip");
      byte[] original = resource("js/app.js");
      assertThat(gunzip(script.body())).isEqualTo(original);
      assertThat(script.body().length()).isLessThan(original.length / 2);
    })).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void aClientThatDoesNotAskForGzipGetsThePlainFile(VertxTestContext ctx) {
    fetch(server, "/js/app.js").map(script -> ctx.verify(() -> {
      assertThat(script.headers().get("Content-Encoding")).isNull();
      assertThat(script.body().getBytes()).isEqualTo(resource("js/app.js"));
    })).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void jsonFromTheApiIsGzippedToo(VertxTestContext ctx) {
    fetch(server, "/api/methods", "Accept-Encoding", "gzip").map(methods -> ctx.verify(() -> {
      assertThat(methods.status()).isEqualTo(200);
      assertThat(methods.headers().get("Content-Encoding")).isEqualTo("gzip");
      assertThat(new JsonObject(Buffer.buffer(gunzip(methods.body()))).containsKey("methods")).isTrue();
    })).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void thePageIsAlwaysRevalidatedSoADeployIsPickedUp(VertxTestContext ctx) {
    fetch(server, "/").compose(root -> {
      ctx.verify(() -> assertThat(root.headers().get("Cache-Control")).isEqualTo("no-cache"));
      return fetch(server, "/index.html");
    }).map(page -> ctx.verify(() -> {
      assertThat(page.headers().get("Cache-Control")).isEqualTo("no-cache");
      assertThat(page.headers().get("Last-Modified")).isNotBlank();
    })).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void scriptsAreKeptBrieflyAndRevalidatedWithoutABody(VertxTestContext ctx) {
    fetch(server, "/js/app.js").compose(script -> {
      ctx.verify(() -> {
        assertThat(script.headers().get("Cache-Control")).isEqualTo("public, max-age=60");
        assertThat(script.headers().get("Last-Modified")).isNotBlank();
      });
      return fetch(server, "/js/app.js", "If-Modified-Since", script.headers().get("Last-Modified"));
    }).map(again -> ctx.verify(() -> {
      assertThat(again.status()).isEqualTo(304);
      assertThat(again.body().length()).isZero();
    })).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void aGzippedScriptIsRevalidatedWithoutABodyToo(VertxTestContext ctx) {
    fetch(server, "/js/app.js", "Accept-Encoding", "gzip").compose(script -> {
      ctx.verify(() -> {
        assertThat(script.headers().get("Content-Encoding")).isEqualTo("gzip");
        assertThat(script.headers().get("Cache-Control")).isEqualTo("public, max-age=60");
        assertThat(script.headers().get("Vary")).isEqualTo("Accept-Encoding");
      });
      return fetch(server, "/js/app.js", "Accept-Encoding", "gzip", "If-Modified-Since", script.headers().get("Last-Modified"));
    }).map(again -> ctx.verify(() -> {
      assertThat(again.status()).isEqualTo(304);
      assertThat(again.body().length()).isZero();
    })).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void vendorFilesAreKeptLonger() {
    assertThat(CacheRules.ruleFor("/vendor/lit-html/lit-html.js")).isEqualTo("public, max-age=86400");
    assertThat(CacheRules.ruleFor("/styles.css")).isEqualTo("public, max-age=60");
    assertThat(CacheRules.ruleFor("/teams/config.html")).isEqualTo("no-cache");
  }

  @Test
  void aWebSocketUpgradeFromABrowserThatTakesGzipStillWorks(VertxTestContext ctx) {
    // Browsers send Accept-Encoding on the upgrade too; HTTP compression must leave the frames alone.
    server.api.createMeeting("m").compose(m -> server.sockets.connect(new WebSocketConnectOptions().setHost("localhost")
        .setPort(server.port).setURI("/ws").addHeader("Accept-Encoding", "gzip, deflate, br")).compose(socket -> {
          Future<String> first = Future.future(p -> socket.textMessageHandler(p::tryComplete));
          socket.writeTextMessage(new JsonObject().put("type", "hello").put("token", m.chairToken()).encode());
          return first;
        }))
        .map(text -> ctx.verify(() -> assertThat(new JsonObject(text).getString("type")).isEqualTo("welcome")))
        .onComplete(ctx.succeedingThenComplete());
  }
}
