package nl.intervision.panel.deploy;

import static nl.intervision.panel.support.WsClient.command;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.intervision.panel.support.Api;
import nl.intervision.panel.support.LiveServer;
import nl.intervision.panel.support.WsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The panel behind the committed nginx configuration (deploy/nginx/), over TLS with a certificate
 * from the test's own authority, as people reach it in a real deployment. Clients bind to different
 * loopback addresses (127.0.0.2, 127.0.0.3) so that nginx sees different people; nginx itself talks
 * to the panel from 127.0.0.1.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class NginxProxyTest {
  /** Where nginx connects to the panel from: what an operator writes in TRUSTED_PROXIES. */
  static final String NGINX_ADDRESS = "127.0.0.1";
  static final String HSTS = "max-age=31536000; includeSubDomains";

  @TempDir
  static Path certificateDir;
  static TestCertificates certificates;

  @TempDir
  Path nginxDir;
  LiveServer server;
  Nginx nginx;
  /** Kept in fields: Vert.x 5 may clean up clients nothing refers to any more. */
  final List<Object> clients = new ArrayList<>();

  @BeforeAll
  static void makeCertificates() throws Exception {
    certificates = TestCertificates.make(certificateDir);
  }

  /** The panel on loopback only, as behind a proxy, with nginx in front of it. */
  void start(Vertx vertx, String... settings) throws Exception {
    List<String> all = new ArrayList<>(List.of("HOST", "127.0.0.1"));
    all.addAll(List.of(settings));
    server = LiveServer.start(vertx, LiveServer.config(all.toArray(String[]::new))).await();
    nginx = Nginx.start(nginxDir, certificates, server.port);
  }

  @AfterEach
  void stopNginx() {
    if (nginx != null) {
      nginx.close();
    }
  }

  /** A browser on the machine with this address, trusting the test's authority only. */
  HttpClient browserAt(Vertx vertx, String address) {
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setSsl(true).setLocalAddress(address)
        .setTrustOptions(new PemTrustOptions().addCertPath(certificates.authority().toString())));
    clients.add(client);
    return client;
  }

  WebSocketClient socketsAt(Vertx vertx, String address) {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setSsl(true).setLocalAddress(address)
        .setTrustOptions(new PemTrustOptions().addCertPath(certificates.authority().toString())));
    clients.add(client);
    return client;
  }

  record Answer(int status, MultiMap headers, String body) {
    JsonObject json() {
      return new Api.Response(status, body).json();
    }
  }

  static Future<Answer> send(HttpClient client, RequestOptions options, String body) {
    return client.request(options)
        .compose(request -> body == null ? request.send() : request.send(Buffer.buffer(body)))
        .compose(response -> response.body().map(b -> new Answer(response.statusCode(), response.headers(), b.toString())));
  }

  Future<Answer> get(HttpClient client, int port, String path) {
    return send(client, new RequestOptions().setHost("localhost").setPort(port).setURI(path), null);
  }

  Future<Answer> post(HttpClient client, String path, String body, String... headers) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost("localhost").setPort(nginx.httpsPort)
        .setURI(path).putHeader("Content-Type", "application/json");
    for (int i = 0; i < headers.length; i += 2) {
      options.putHeader(headers[i], headers[i + 1]);
    }
    return send(client, options, body);
  }

  Future<Answer> join(HttpClient client, Api.Meeting meeting, String code, String... headers) {
    // Many people called Someone: each is another person (sameName); these joins are about codes.
    String body = new JsonObject().put("joinCode", code).put("name", "Someone").put("sameName", true).encode();
    return post(client, "/api/meetings/" + meeting.id() + "/participants", body, headers);
  }

  // ---- a meeting through the proxy

  @Test
  void theChairAndAParticipantRunAMeetingThroughNginxOverTls(Vertx vertx, VertxTestContext ctx) throws Exception {
    start(vertx);
    HttpClient browser = browserAt(vertx, "127.0.0.2");
    Api api = new Api(browser, nginx.httpsPort);
    WebSocketClient sockets = socketsAt(vertx, "127.0.0.2");
    // What a browser sends on the handshake from the page it loaded through the proxy.
    String pageOrigin = "https://localhost:" + nginx.httpsPort;
    get(browser, nginx.httpsPort, "/").compose(page -> {
      ctx.verify(() -> {
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<html");
        assertThat(page.headers().getAll("Strict-Transport-Security"))
            .as("HSTS from the panel, once: nginx passes X-Forwarded-Proto and adds no copy").containsExactly(HSTS);
        assertThat(page.headers().getAll("Content-Security-Policy")).hasSize(1);
        assertThat(page.headers().getAll("X-Content-Type-Options")).containsExactly("nosniff");
      });
      return api.createMeeting("Through the proxy");
    }).compose(meeting -> api.join(meeting, "Anna", null).compose(anna ->
        WsClient.connect(sockets, nginx.httpsPort, pageOrigin).compose(c -> c.hello(meeting.chairToken()).frame("welcome").map(c))
            .compose(WsClient::toLearningQuestions)
            .compose(chair -> WsClient.connect(sockets, nginx.httpsPort, pageOrigin)
                .compose(c -> c.hello(anna.token()).frame("welcome").map(c))
                .compose(annaSocket -> annaSocket.ask("c-1", command("addCard").put("text", "What did you try first?"))
                    .compose(ack -> chair.applied(ack.getLong("seq")))
                    .map(applied -> ctx.verify(() -> {
                      JsonObject card = WsClient.addedCard(applied);
                      assertThat(card.getString("text")).isEqualTo("What did you try first?");
                      assertThat(card.getString("authorId")).isEqualTo(anna.id());
                    }))))))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void browsersGetThePageOverHttp2(Vertx vertx, VertxTestContext ctx) throws Exception {
    start(vertx);
    HttpClient browser = vertx.createHttpClient(new HttpClientOptions().setSsl(true).setUseAlpn(true)
        .setProtocolVersion(HttpVersion.HTTP_2).setLocalAddress("127.0.0.2")
        .setTrustOptions(new PemTrustOptions().addCertPath(certificates.authority().toString())));
    clients.add(browser);
    browser.request(new RequestOptions().setHost("localhost").setPort(nginx.httpsPort).setURI("/"))
        .compose(request -> request.send())
        .compose(response -> response.body().map(body -> ctx.verify(() -> {
          assertThat(response.version()).isEqualTo(HttpVersion.HTTP_2);
          assertThat(response.statusCode()).isEqualTo(200);
          assertThat(response.headers().getAll("Strict-Transport-Security")).containsExactly(HSTS);
          // The Host nginx passes on keeps the port over HTTP/2 too (browsers send only :authority).
          assertThat(response.getHeader("Content-Security-Policy")).contains("wss://localhost:" + nginx.httpsPort);
        })))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void plainHttpIsSentToHttps(Vertx vertx, VertxTestContext ctx) throws Exception {
    start(vertx);
    HttpClient plain = vertx.createHttpClient();
    clients.add(plain);
    get(plain, nginx.httpPort, "/api/methods?lang=en").map(answer -> ctx.verify(() -> {
      assertThat(answer.status()).isEqualTo(301);
      assertThat(answer.headers().get("Location")).isEqualTo("https://localhost/api/methods?lang=en");
    })).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void metricsAreForMonitoringOnTheMachineNotForTheInternet(Vertx vertx, VertxTestContext ctx) throws Exception {
    start(vertx);
    HttpClient browser = browserAt(vertx, "127.0.0.2");
    get(browser, nginx.httpsPort, "/metrics").compose(throughNginx -> {
      ctx.verify(() -> assertThat(throughNginx.status()).isEqualTo(404));
      return server.api.get("/metrics");
    }).map(direct -> ctx.verify(() -> assertThat(direct.status()).as("the panel itself serves them").isEqualTo(200)))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void aBodyOverThePanelsLimitGetsThePanelsAnswerAndAHugeOneStopsAtNginx(Vertx vertx, VertxTestContext ctx) throws Exception {
    start(vertx);
    HttpClient browser = browserAt(vertx, "127.0.0.2");
    String overLimit = new JsonObject().put("title", "x".repeat(100 * 1024)).put("chairName", "Chris").encode();
    String huge = new JsonObject().put("title", "x".repeat(1024 * 1024)).put("chairName", "Chris").encode();
    post(browser, "/api/meetings", overLimit).compose(over -> {
      ctx.verify(() -> {
        assertThat(over.status()).isEqualTo(413);
        assertThat(over.json().getString("error")).as("the panel's own answer, which the page can show").isEqualTo("too_large");
      });
      return post(browser, "/api/meetings", huge);
    }).map(tooHuge -> ctx.verify(() -> {
      assertThat(tooHuge.status()).isEqualTo(413);
      assertThat(tooHuge.headers().get("Content-Type")).as("nginx's page: it never reached the panel").startsWith("text/html");
    })).onComplete(ctx.succeedingThenComplete());
  }

  // ---- whose address the join limit counts

  static final String[] THREE_WRONG_CODES_PER_ADDRESS = {"JOIN_FAILURES_PER_MINUTE", "3",
      // The per-meeting limit off: these tests are about addresses.
      "JOIN_FAILURES_PER_MINUTE_PER_MEETING", "0"};

  /** Three wrong codes one after another, then the right one: refused as the limit is reached. */
  Future<Answer> guessUntilBlocked(HttpClient guesser, Api.Meeting meeting, VertxTestContext ctx) {
    return join(guesser, meeting, "WRON-G001")
        .compose(first -> join(guesser, meeting, "WRON-G002").map(second -> List.of(first, second)))
        .compose(two -> join(guesser, meeting, "WRON-G003").map(third -> List.of(two.get(0), two.get(1), third)))
        .compose(three -> {
          ctx.verify(() -> assertThat(three).extracting(Answer::status).containsExactly(403, 403, 403));
          return join(guesser, meeting, meeting.joinCode());
        }).map(blocked -> {
          ctx.verify(() -> {
            assertThat(blocked.status()).as("the right code, from the address that guessed").isEqualTo(429);
            assertThat(blocked.json().getString("error")).isEqualTo("rate_limited");
            assertThat(blocked.headers().get("Retry-After")).isNotNull();
          });
          return blocked;
        });
  }

  @Test
  void withTrustedProxiesSetOneGuesserDoesNotLockOutSomeoneElse(Vertx vertx, VertxTestContext ctx) throws Exception {
    List<String> settings = new ArrayList<>(List.of(THREE_WRONG_CODES_PER_ADDRESS));
    settings.addAll(List.of("TRUSTED_PROXIES", NGINX_ADDRESS));
    start(vertx, settings.toArray(String[]::new));
    HttpClient guesser = browserAt(vertx, "127.0.0.2");
    HttpClient colleague = browserAt(vertx, "127.0.0.3");
    new Api(guesser, nginx.httpsPort).createMeeting("m")
        .compose(meeting -> guessUntilBlocked(guesser, meeting, ctx)
            // Writing X-Forwarded-For oneself changes nothing: nginx appends the real address, which counts.
            .compose(blocked -> join(guesser, meeting, meeting.joinCode(), "X-Forwarded-For", "127.0.0.50"))
            .compose(forged -> {
              ctx.verify(() -> assertThat(forged.status()).as("a guesser naming another address").isEqualTo(429));
              return join(colleague, meeting, meeting.joinCode());
            }))
        .map(colleagueJoined -> ctx.verify(() ->
            assertThat(colleagueJoined.status()).as("the right code from another address").isEqualTo(201)))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void withoutTrustedProxiesEveryoneBehindNginxSharesItsLimit(Vertx vertx, VertxTestContext ctx) throws Exception {
    start(vertx, THREE_WRONG_CODES_PER_ADDRESS);
    HttpClient guesser = browserAt(vertx, "127.0.0.2");
    HttpClient colleague = browserAt(vertx, "127.0.0.3");
    new Api(guesser, nginx.httpsPort).createMeeting("m")
        .compose(meeting -> guessUntilBlocked(guesser, meeting, ctx).compose(blocked -> join(colleague, meeting, meeting.joinCode())))
        .map(colleagueJoined -> ctx.verify(() -> assertThat(colleagueJoined.status())
            .as("another address, counted as nginx's like the guesser").isEqualTo(429)))
        .onComplete(ctx.succeedingThenComplete());
  }
}
