package nl.intervision.panel.support;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * A real WebSocket client that remembers every frame it received, so a test can wait for
 * "the applied frame with seq 3" whether it already came or is still on its way.
 */
public final class WsClient {
  private final WebSocket socket;
  private final List<JsonObject> received = new ArrayList<>();
  private final List<Waiter> waiting = new ArrayList<>();
  private final Promise<Short> closed = Promise.promise();

  private record Waiter(Predicate<JsonObject> wanted, Promise<JsonObject> found) {}

  private WsClient(WebSocket socket) {
    this.socket = socket;
    socket.textMessageHandler(text -> {
      JsonObject frame = new JsonObject(text);
      received.add(frame);
      // Complete after the scan: a completed waiter may start waiting for the next frame at once.
      List<Waiter> matched = new ArrayList<>();
      Iterator<Waiter> it = waiting.iterator();
      while (it.hasNext()) {
        Waiter w = it.next();
        if (w.wanted.test(frame)) {
          it.remove();
          matched.add(w);
        }
      }
      matched.forEach(w -> w.found.complete(frame));
    });
    socket.closeHandler(v -> {
      closed.tryComplete(socket.closeStatusCode());
      // Nothing more will come: a test waiting for a frame fails now instead of timing out.
      List<Waiter> left = new ArrayList<>(waiting);
      waiting.clear();
      left.forEach(w -> w.found.tryFail("socket closed with " + socket.closeStatusCode() + " " + socket.closeReason()));
    });
  }

  public static Future<WsClient> connect(WebSocketClient client, int port) {
    return connect(client, port, null);
  }

  public static Future<WsClient> connect(WebSocketClient client, int port, String origin) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("localhost").setPort(port).setURI("/ws");
    if (origin != null) {
      options.addHeader("Origin", origin);
    }
    return client.connect(options).map(WsClient::new);
  }

  /** A command of this type, to add fields to. */
  public static JsonObject command(String type) {
    return new JsonObject().put("type", type);
  }

  /**
   * A card as an applied frame (or a welcome) delivered it: events are notices with ids only
   * (docs/PROTOCOL.md 6), the card itself comes in the frame's {@code changes}.
   *
   * @throws AssertionError when the frame's changes do not carry that card
   */
  public static JsonObject changedCard(JsonObject frame, String cardId) {
    JsonObject changes = frame.getJsonObject("changes");
    JsonArray cards = changes == null ? null : changes.getJsonArray("cards");
    if (cards != null) {
      for (int i = 0; i < cards.size(); i++) {
        if (cardId.equals(cards.getJsonObject(i).getString("id"))) {
          return cards.getJsonObject(i);
        }
      }
    }
    throw new AssertionError("card " + cardId + " not in the changes of " + frame.encode());
  }

  /** The card a frame's first event (a cardAdded notice) names, as the frame's changes carry it. */
  public static JsonObject addedCard(JsonObject frame) {
    JsonObject event = frame.getJsonArray("events").getJsonObject(0);
    if (!"cardAdded".equals(event.getString("type"))) {
      throw new AssertionError("not a cardAdded: " + event.encode());
    }
    return changedCard(frame, event.getString("cardId"));
  }

  public WsClient hello(String token) {
    return send(new JsonObject().put("type", "hello").put("token", token));
  }

  /** A resume: the welcome brings changes since then instead of the state, when the server still has them. */
  public WsClient hello(String token, long since) {
    return send(new JsonObject().put("type", "hello").put("token", token).put("since", since));
  }

  /** A resume that wants the whole state regardless, as a page does after a reload. */
  public WsClient helloWithState(String token, long since) {
    return send(new JsonObject().put("type", "hello").put("token", token).put("since", since).put("full", true));
  }

  public WsClient command(String id, JsonObject command) {
    return send(new JsonObject().put("type", "send").put("id", id).put("command", command));
  }

  public WsClient send(JsonObject frame) {
    return sendText(frame.encode());
  }

  public WsClient sendText(String text) {
    socket.writeTextMessage(text);
    return this;
  }

  /**
   * One text message as fragments of {@code fragmentBytes} each (ASCII text), or as a single frame
   * when that is the text's length: how a client may send a message, whatever the server's limits.
   */
  public WsClient sendInFragments(String ascii, int fragmentBytes) {
    for (int from = 0; from < ascii.length(); from += fragmentBytes) {
      String part = ascii.substring(from, Math.min(ascii.length(), from + fragmentBytes));
      boolean last = from + fragmentBytes >= ascii.length();
      socket.writeFrame(from == 0 ? WebSocketFrame.textFrame(part, last)
          : WebSocketFrame.continuationFrame(io.vertx.core.buffer.Buffer.buffer(part), last));
    }
    return this;
  }

  /**
   * The chair moves the meeting from the check-in (which collects no cards) to the phase where
   * learning questions are collected: two phase changes, seq +2.
   */
  public Future<WsClient> toLearningQuestions() {
    command("to-1", new JsonObject().put("type", "advancePhase").put("fromPhase", 0));
    command("to-2", new JsonObject().put("type", "advancePhase").put("fromPhase", 1));
    return reply("to-2").map(ack -> {
      if (!"ack".equals(ack.getString("type"))) {
        throw new IllegalStateException("could not reach the learning questions: " + ack);
      }
      return this;
    });
  }

  /** The first frame, received before or after this call, that matches. */
  public Future<JsonObject> frame(Predicate<JsonObject> wanted) {
    for (JsonObject frame : received) {
      if (wanted.test(frame)) {
        return Future.succeededFuture(frame);
      }
    }
    Promise<JsonObject> found = Promise.promise();
    if (closed.future().isComplete()) {
      found.fail("socket closed with " + closed.future().result());
      return found.future();
    }
    waiting.add(new Waiter(wanted, found));
    return found.future();
  }

  public Future<JsonObject> frame(String type) {
    return frame(f -> type.equals(f.getString("type")));
  }

  public Future<JsonObject> reply(String commandId) {
    return frame(f -> commandId.equals(f.getString("id")) && ("ack".equals(f.getString("type")) || "error".equals(f.getString("type"))));
  }

  public Future<JsonObject> applied(long seq) {
    return frame(f -> "applied".equals(f.getString("type")) && f.getLong("seq") == seq);
  }

  public Future<Short> closeCode() {
    return closed.future();
  }

  /** Everything received, as the text that came over the wire (re-encoded). */
  public List<String> everything() {
    return received.stream().map(JsonObject::encode).toList();
  }

  /** Sends a command and waits for its reply; fails when the reply is an error. */
  public Future<JsonObject> ask(String id, JsonObject command) {
    command(id, command);
    return reply(id).map(reply -> {
      if (!"ack".equals(reply.getString("type"))) {
        throw new IllegalStateException(command.getString("type") + " was refused: " + reply.encode());
      }
      return reply;
    });
  }

  public List<JsonObject> received(String type) {
    return received.stream().filter(f -> type.equals(f.getString("type"))).toList();
  }

  public Future<Void> close() {
    return socket.close();
  }
}
