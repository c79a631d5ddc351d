package nl.intervision.bench;

import io.vertx.core.Future;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A participant of the Socket.IO peer, speaking Engine.IO v4 / Socket.IO v5 framing over a plain
 * WebSocket: "0" open, "40" connect, "420[...]" an event with ack 0, "430[...]" its ack, "2"/"3" ping/pong.
 */
final class SioMember extends Member {
  private final int others;

  SioMember(String room, int index, Stats stats, Shared shared, int others) {
    super(room, index, stats, shared);
    this.others = others;
  }

  @Override
  Future<Void> start(WebSocket ws) {
    this.socket = ws;
    ws.textMessageHandler(this::frame);
    return ready.future();
  }

  private void frame(String text) {
    long now = System.nanoTime();
    if (text.startsWith("0")) {
      socket.writeTextMessage("40");
    } else if (text.startsWith("40")) {
      socket.writeTextMessage("420" + new JsonArray().add("join").add(room).encode());
    } else if (text.startsWith("430")) {
      lastSeq = new JsonArray(text.substring(3)).getJsonObject(0).getLong("seq");
      ready.tryComplete();
    } else if (text.equals("2")) {
      socket.writeTextMessage("3");
    } else if (text.startsWith("42")) {
      JsonArray packet = new JsonArray(text.substring(2));
      if ("evt".equals(packet.getString(0))) {
        JsonObject event = packet.getJsonObject(1);
        long seq = event.getLong("seq");
        seqReceived(seq, now);
        landed(event.getString("id"), seq, now, others);
      }
    }
  }

  @Override
  void sendNext(long intendedAt) {
    String id = nextId();
    inFlight.put(id, new long[] {intendedAt, System.nanoTime()});
    stats.sent += stats.measuring(intendedAt) ? 1 : 0;
    JsonObject command = new JsonObject().put("id", id).put("type", "addCard")
        .put("text", "Wat had je gehoopt dat er zou gebeuren? #" + counter);
    socket.writeTextMessage("42" + new JsonArray().add("cmd").add(command).encode());
  }
}
