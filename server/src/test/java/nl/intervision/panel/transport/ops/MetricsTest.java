package nl.intervision.panel.transport.ops;

import nl.intervision.panel.Config;
import nl.intervision.panel.transport.http.HttpVerticle;

import static nl.intervision.panel.support.WsClient.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.intervision.panel.support.Api;
import nl.intervision.panel.support.LiveServer;
import nl.intervision.panel.support.WsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GET /metrics: what an operator sees of a meeting is counts and timings, never whose or what. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class MetricsTest {
  static final String MARKER = "MARKER-metrics-q7Zr";

  Vertx node;
  LiveServer server;

  @AfterEach
  void stopNode(VertxTestContext ctx) {
    if (node == null) {
      ctx.completeNow();
    } else {
      node.close().onComplete(ctx.succeedingThenComplete());
    }
  }

  /** As Main starts a node: Vert.x records its own meters into the registry that ours are in. */
  Future<LiveServer> startWithVertxMetrics(Config config) {
    PanelMetrics metrics = PanelMetrics.of(config);
    node = metrics.newVertx(new VertxOptions());
    return LiveServer.start(node, new HttpVerticle(config, metrics)).map(started -> server = started);
  }

  record Meeting(Api.Meeting meeting, Api.Member anna, WsClient chair, WsClient annaSocket, long lastSeq) {}

  /** A chair and Anna: three commands stored, one refused by the rules, one the server cannot read, one bad token. */
  Future<Meeting> aShortMeeting() {
    Api api = server.api;
    return api.createMeeting("Title " + MARKER).compose(m -> api.join(m, "Anna " + MARKER, null).compose(anna ->
        server.connected(m.chairToken()).compose(chair -> server.connected(anna.token()).compose(a ->
            chair.toLearningQuestions()
                .compose(v -> a.ask("card", command("addCard").put("text", "card " + MARKER)))
                .compose(ack -> {
                  a.command("not-yours", command("advancePhase").put("fromPhase", 2));
                  chair.command("unknown", command("noSuchCommand"));
                  return Future.all(a.reply("not-yours"), chair.reply("unknown"))
                      .compose(v -> server.connect())
                      .compose(stranger -> stranger.hello(m.chairToken() + "x").closeCode())
                      .map(code -> new Meeting(m, anna, chair, a, ack.getLong("seq")));
                })))));
  }

  @Test
  void afterAMeetingTheMetricsCountWhatHappenedAndNameNobody(VertxTestContext ctx) {
    startWithVertxMetrics(LiveServer.CONFIG)
        .compose(started -> aShortMeeting())
        .compose(meeting -> server.api.getResponse("/metrics").compose(headers -> server.api.get("/metrics"))
            .map(scrape -> {
              ctx.verify(() -> {
                assertThat(scrape.status()).isEqualTo(200);
                Map<String, Double> values = values(scrape.body());
                assertSample(values, "panel_websocket_connections", 2);
                assertSample(values, "panel_meetings_live", 1);
                assertSample(values, "panel_commands_total{reason=\"none\",result=\"accepted\"}", 3);
                assertSample(values, "panel_commands_total{reason=\"forbidden\",result=\"rejected\"}", 1);
                assertSample(values, "panel_commands_total{reason=\"bad_request\",result=\"rejected\"}", 1);
                assertSample(values, "panel_commands_total{reason=\"unavailable\",result=\"failed\"}", 0);
                assertSample(values, "panel_sockets_closed_total{code=\"4401\"}", 1);
                assertSample(values, "panel_store_failures_total{operation=\"append\"}", 0);
                // Every stored batch went through the timed append: create, join, two phases, the card.
                assertSample(values, "panel_store_append_seconds_count", meeting.lastSeq());
                assertThat(values.keySet()).anyMatch(k -> k.startsWith("panel_store_append_seconds_bucket{le="));
                // Vert.x's own meters are in the same scrape.
                assertThat(values.keySet()).anyMatch(k -> k.startsWith("vertx_http_server_requests_total{"));
                assertThat(values.keySet()).anyMatch(k -> k.startsWith("vertx_http_server_active_ws_connections"));
                assertThat(values.keySet()).anyMatch(k -> k.startsWith("jvm_memory_used_bytes"));
                // What an operator sizes memory by: the heap after a collection, and Netty's buffers beside it.
                assertThat(values.keySet()).anyMatch(k -> k.startsWith("jvm_gc_live_data_size_bytes"));
                assertThat(values.get("panel_netty_direct_memory_bytes")).isPositive();

                String token = meeting.anna().token();
                assertThat(scrape.body()).doesNotContain(MARKER, meeting.meeting().id(), meeting.meeting().joinCode(),
                    meeting.meeting().chairId(), meeting.anna().id(), token, token.substring(token.lastIndexOf('.') + 1),
                    "/api/meetings/");
              });
              return null;
            }))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void withAMetricsTokenOnlyItsBearerMayScrape(Vertx vertx, VertxTestContext ctx) {
    String token = "scrape-" + MARKER;
    LiveServer.start(vertx, LiveServer.config("METRICS_TOKEN", token))
        .compose(started -> {
          server = started;
          Api api = started.api;
          return Future.all(List.of(api.get("/metrics"), api.get("/metrics", "wrong"), api.get("/metrics", token),
              api.getResponse("/metrics")));
        })
        .map(all -> ctx.verify(() -> {
          List<Object> r = all.list();
          assertThat(((Api.Response) r.get(0)).status()).isEqualTo(401);
          assertThat(((Api.Response) r.get(0)).json().getString("error")).isEqualTo("unauthorized");
          assertThat(((Api.Response) r.get(1)).status()).isEqualTo(401);
          assertThat(((Api.Response) r.get(2)).status()).isEqualTo(200);
          assertThat(((Api.Response) r.get(2)).body()).contains("panel_commands_total");
          assertThat(((io.vertx.core.MultiMap) r.get(3)).get("WWW-Authenticate")).isEqualTo("Bearer");
        }))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void metricsCanBeSwitchedOff(Vertx vertx, VertxTestContext ctx) {
    LiveServer.start(vertx, LiveServer.config("METRICS_ENABLED", "false"))
        .compose(started -> (server = started).api.get("/metrics"))
        .map(scrape -> ctx.verify(() -> assertThat(scrape.status()).isEqualTo(404)))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void aMistypedSettingIsRefusedWithItsName() {
    assertThatThrownBy(() -> Config.forTests(Map.of("METRICS_ENABLED", "yes")))
        .hasMessage("METRICS_ENABLED must be true or false, not 'yes'");
    assertThatThrownBy(() -> Config.forTests(Map.of("LOG_LEVEL", "loud")))
        .hasMessageContaining("LOG_LEVEL must be one of error, warn, info, debug, trace");
    assertThat(Config.forTests(Map.of("LOG_LEVEL", "debug")).logLevel()).isEqualTo(java.util.logging.Level.FINE);
    assertThat(Config.forTests(Map.of()).metricsEnabled()).isTrue();
  }

  static void assertSample(Map<String, Double> values, String series, double expected) {
    assertThat(values.get(series)).as(series).isEqualTo(expected);
  }

  /** The samples of a Prometheus text scrape: series (name and labels) to value. */
  static Map<String, Double> values(String scrape) {
    Map<String, Double> values = new HashMap<>();
    for (String line : scrape.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      values.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
    }
    return values;
  }
}
