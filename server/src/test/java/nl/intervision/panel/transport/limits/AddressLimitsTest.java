package nl.intervision.panel.transport.limits;


import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.intervision.panel.support.Api;
import nl.intervision.panel.support.LiveServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Limits per client address, against a real server, with clients bound to different loopback
 * addresses (127.0.0.1 and 127.0.0.3 and up are different machines to the server).
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class AddressLimitsTest {
  static final int BURST = 3;

  LiveServer server;
  /** Kept in fields: Vert.x 5 may clean up clients nothing refers to any more. */
  final List<Object> clients = new ArrayList<>();

  Future<LiveServer> start(Vertx vertx, String... settings) {
    return LiveServer.start(vertx, LiveServer.config(settings)).map(started -> server = started);
  }

  WebSocketClient socketsFrom(Vertx vertx, String localAddress) {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setLocalAddress(localAddress));
    clients.add(client);
    return client;
  }

  HttpClient httpFrom(Vertx vertx, String localAddress) {
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setLocalAddress(localAddress));
    clients.add(client);
    return client;
  }

  Future<Integer> upgrade(WebSocketClient client) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.port).setURI("/ws");
    return client.connect(options).map(socket -> 101).recover(e -> e instanceof UpgradeRejectedException rejected
        ? Future.succeededFuture(rejected.getStatus())
        : Future.failedFuture(e));
  }

  // ---- connections per second per address

  @Test
  void anAddressThatOpensSocketsTooFastGets429AndAnotherAddressStillConnects(Vertx vertx, VertxTestContext ctx) {
    start(vertx, "CONNECTS_PER_SECOND", "1", "CONNECT_BURST", String.valueOf(BURST)).compose(s -> {
      WebSocketClient busy = socketsFrom(vertx, "127.0.0.1");
      long started = System.nanoTime();
      List<Future<Integer>> attempts = new ArrayList<>();
      for (int i = 0; i < BURST + 7; i++) {
        attempts.add(upgrade(busy));
      }
      return Future.all(attempts).compose(all -> {
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Integer> statuses = all.list();
        ctx.verify(() -> {
          assertThat(statuses).containsOnly(101, 429);
          long opened = statuses.stream().filter(status -> status == 101).count();
          // The bucket starts with BURST and refills one a second while the attempts are under way.
          assertThat(opened).isBetween((long) BURST, BURST + (long) Math.ceil(seconds));
          assertThat(statuses).contains(429);
        });
        return upgrade(socketsFrom(vertx, "127.0.0.3"));
      }).map(other -> ctx.verify(() -> assertThat(other).as("another address").isEqualTo(101)));
    }).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void withTheLimitOffEveryUpgradeIsAccepted(Vertx vertx, VertxTestContext ctx) {
    start(vertx, "CONNECTS_PER_SECOND", "0", "CONNECT_BURST", "1").compose(s -> {
      WebSocketClient client = socketsFrom(vertx, "127.0.0.1");
      List<Future<Integer>> attempts = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        attempts.add(upgrade(client));
      }
      return Future.all(attempts);
    }).map(all -> ctx.verify(() -> assertThat(all.<Integer>list()).containsOnly(101)))
        .onComplete(ctx.succeedingThenComplete());
  }

  // ---- guessing join codes

  record Answer(int status, String retryAfter, JsonObject body) {}

  Future<Answer> join(HttpClient from, Api.Meeting meeting, String code) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(server.port)
        .setURI("/api/meetings/" + meeting.id() + "/participants").putHeader("Content-Type", "application/json");
    // Many people called Someone: each is another person (sameName), these tests are about codes.
    String body = new JsonObject().put("joinCode", code).put("name", "Someone").put("sameName", true).encode();
    return from.request(options).compose(req -> req.send(Buffer.buffer(body)))
        .compose(resp -> resp.body().map(b -> new Answer(resp.statusCode(), resp.getHeader("Retry-After"), new JsonObject(b))));
  }

  static List<Integer> statuses(List<Answer> answers) {
    return answers.stream().map(Answer::status).toList();
  }

  @Test
  void wrongJoinCodesAreSlowedDownPerAddressAndPerMeetingWithoutLookingAtTheCode(Vertx vertx, VertxTestContext ctx) {
    start(vertx, "JOIN_FAILURES_PER_MINUTE", "3", "JOIN_FAILURES_PER_MINUTE_PER_MEETING", "5").compose(s -> {
      HttpClient guesser = httpFrom(vertx, "127.0.0.1");
      HttpClient colleague = httpFrom(vertx, "127.0.0.3");
      HttpClient secondGuesser = httpFrom(vertx, "127.0.0.4");
      HttpClient latecomer = httpFrom(vertx, "127.0.0.5");
      return server.api.createMeeting("m").compose(m -> server.api.createMeeting("quiet").compose(quiet -> {
        // Six wrong codes at once: each takes its token before its code is checked, so three get through.
        List<Future<Answer>> burst = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          burst.add(join(guesser, m, "WRON-G00" + i));
        }
        return Future.all(burst).compose(all -> {
          ctx.verify(() -> assertThat(statuses(all.list())).containsExactlyInAnyOrder(403, 403, 403, 429, 429, 429));
          return join(guesser, m, m.joinCode());
        }).compose(rightButBlocked -> {
          ctx.verify(() -> {
            assertThat(rightButBlocked.status()).as("the right code, from the blocked address").isEqualTo(429);
            assertThat(rightButBlocked.body().getString("error")).isEqualTo("rate_limited");
            assertThat(Integer.parseInt(rightButBlocked.retryAfter())).isBetween(1, 20);
          });
          return join(colleague, m, m.joinCode());
        }).compose(colleagueJoined -> {
          ctx.verify(() -> assertThat(colleagueJoined.status()).as("the right code from another address").isEqualTo(201));
          // The meeting has taken three wrong codes of five; two more from a second address use it up.
          return Future.all(List.of(join(secondGuesser, m, "WRON-G100"), join(secondGuesser, m, "WRON-G101")));
        }).compose(two -> {
          ctx.verify(() -> assertThat(statuses(two.list())).containsExactly(403, 403));
          return Future.all(List.of(join(secondGuesser, m, "WRON-G102"), join(latecomer, m, m.joinCode()),
              join(latecomer, quiet, quiet.joinCode())));
        }).map(last -> ctx.verify(() -> {
          List<Answer> answers = last.list();
          assertThat(answers.get(0).status()).as("the meeting's budget is used up").isEqualTo(429);
          assertThat(answers.get(1).status()).as("so a right code waits too while it is under attack").isEqualTo(429);
          assertThat(answers.get(1).retryAfter()).isNotNull();
          assertThat(answers.get(2).status()).as("other meetings are not affected").isEqualTo(201);
        }));
      }));
    }).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void aWholeOfficeBehindOneAddressJoinsAtOnce(Vertx vertx, VertxTestContext ctx) {
    start(vertx, "JOIN_FAILURES_PER_MINUTE", "3").compose(s -> {
      HttpClient office = httpFrom(vertx, "127.0.0.6");
      return server.api.createMeeting("m").compose(m -> {
        // More right codes at once than the address may send wrong ones: only wrong codes count.
        List<Future<Answer>> joins = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          joins.add(join(office, m, m.joinCode()));
        }
        return Future.all(joins);
      }).map(all -> ctx.verify(() -> assertThat(statuses(all.list())).containsOnly(201).hasSize(8)));
    }).onComplete(ctx.succeedingThenComplete());
  }
}
