package nl.intervision.bench.chaos;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A participant that behaves as docs/PROTOCOL.md asks a client to: it keeps the last seq it saw,
 * resumes with {@code since} after any drop, keeps every command in an outbox until its ack
 * arrives, and sends it again with the same id after a reconnect or a temporary error. It checks
 * what it receives: each seq exactly once, in order, with nothing missing.
 */
final class Participant {
  /** Close codes after which the protocol says: do not come back with the same token. */
  private static final List<Short> FINAL = List.of((short) 4400, (short) 4401, (short) 4403, (short) 4404, (short) 4413);
  private static final int OUTBOX_LIMIT = 50;

  final String meetingId;
  final int index;
  private final String token;
  private final Vertx vertx;
  private final WebSocketClient client;
  private final List<Integer> ports;
  private final Ledger ledger;
  private final Random random;
  private final Map<String, JsonObject> outbox = new LinkedHashMap<>();
  private WebSocket socket;
  private int port;
  private int attempt;
  private int counter;
  private boolean stopped;

  long lastSeq = -1;
  boolean connected;
  /** System.nanoTime() of the last welcome and of the last drop. */
  long welcomedAt;
  long droppedAt;
  long openedAt;
  int drops;

  Participant(String meetingId, int index, String token, Vertx vertx, WebSocketClient client, List<Integer> ports,
      Ledger ledger) {
    this.meetingId = meetingId;
    this.index = index;
    this.token = token;
    this.vertx = vertx;
    this.client = client;
    this.ports = ports;
    this.ledger = ledger;
    this.random = new Random(meetingId.hashCode() * 31L + index);
  }

  void connect() {
    if (stopped) {
      return;
    }
    int target = ports.get(port % ports.size());
    client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(target).setURI("/ws"))
        .onSuccess(this::opened)
        .onFailure(e -> {
          // Nobody answers there: try the next node, if there is one.
          port++;
          retryLater();
        });
  }

  private void opened(WebSocket ws) {
    socket = ws;
    openedAt = System.nanoTime();
    ws.textMessageHandler(this::received);
    ws.exceptionHandler(e -> { });
    ws.closeHandler(v -> dropped(ws.closeStatusCode()));
    JsonObject hello = new JsonObject().put("type", "hello").put("token", token);
    if (lastSeq >= 0) {
      hello.put("since", lastSeq);
    }
    ws.writeTextMessage(hello.encode());
  }

  private void dropped(Short code) {
    socket = null;
    if (connected) {
      droppedAt = System.nanoTime();
      drops++;
    }
    connected = false;
    ledger.closed(code);
    if (code != null && FINAL.contains(code)) {
      ledger.fatal("participant " + index + " of " + meetingId + " was closed with " + code);
      stopped = true;
      return;
    }
    if (code != null && code == 1001) {
      // The node is going away: the next one may be another node.
      port++;
    }
    retryLater();
  }

  private void retryLater() {
    if (stopped) {
      return;
    }
    // Exponential back-off with jitter, so a whole meeting does not knock at the same instant.
    long ceiling = Math.min(2_000, 50L << Math.min(attempt, 6));
    attempt++;
    vertx.setTimer(ceiling / 2 + random.nextInt((int) (ceiling / 2) + 1), t -> connect());
  }

  private void received(String text) {
    JsonObject frame = new JsonObject(text);
    switch (frame.getString("type")) {
      case "welcome" -> welcome(frame);
      case "applied" -> seq(frame.getLong("seq"));
      case "ack" -> {
        String id = frame.getString("id");
        if (outbox.remove(id) != null) {
          ledger.acked(meetingId, id, frame.getLong("seq"));
        }
      }
      case "error" -> {
        String id = frame.getString("id");
        if (frame.getBoolean("temporary", false)) {
          ledger.temporaryError(frame.getString("code"));
          // Try again a little later with the same id, as the protocol asks.
          vertx.setTimer(100 + random.nextInt(200), t -> resend(id));
        } else {
          outbox.remove(id);
          ledger.refused(frame.getString("code") + ": " + frame.getString("message"));
        }
      }
      default -> { }
    }
  }

  private void welcome(JsonObject frame) {
    if (frame.getBoolean("resync", false)) {
      ledger.resynced();
    } else {
      JsonArray missed = frame.getJsonArray("missed", new JsonArray());
      for (int i = 0; i < missed.size(); i++) {
        seq(missed.getJsonObject(i).getLong("seq"));
      }
      if (lastSeq >= 0 && lastSeq != frame.getLong("seq")) {
        ledger.gap(meetingId, lastSeq, frame.getLong("seq"));
      }
    }
    lastSeq = frame.getLong("seq");
    connected = true;
    attempt = 0;
    welcomedAt = System.nanoTime();
    ledger.welcomed(outbox.size());
    for (String id : List.copyOf(outbox.keySet())) {
      resend(id);
    }
  }

  private void seq(long seq) {
    if (lastSeq < 0 || seq == lastSeq + 1) {
      lastSeq = seq;
    } else if (seq <= lastSeq) {
      ledger.duplicate(meetingId, seq);
    } else {
      ledger.gap(meetingId, lastSeq, seq);
      lastSeq = seq;
    }
  }

  /** Queues a command; it goes out now if connected, or after the next welcome. */
  void send(JsonObject command) {
    if (outbox.size() >= OUTBOX_LIMIT) {
      ledger.skipped();
      return;
    }
    String id = meetingId + "-" + index + "-" + (++counter);
    outbox.put(id, command);
    ledger.sent();
    resend(id);
  }

  /** A card with a text that says who wrote it when, so it can be found in the log. */
  void addCard() {
    send(new JsonObject().put("type", "addCard").put("text", "chaos " + meetingId + " " + index + " " + counter
        + " 'quoted'; -- \"and\" \\ ✓"));
  }

  private void resend(String id) {
    JsonObject command = outbox.get(id);
    if (command != null && connected && socket != null) {
      socket.writeTextMessage(new JsonObject().put("type", "send").put("id", id).put("command", command).encode());
    }
  }

  int pending() {
    return outbox.size();
  }

  void stop() {
    stopped = true;
    if (socket != null) {
      socket.close();
    }
  }
}
