package nl.intervision.bench;

import io.vertx.core.Future;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A participant speaking the panel's own protocol (docs/PROTOCOL.md). */
final class OurMember extends Member {
  private final String token;
  private final int others;
  private boolean handUp;
  private boolean voted;
  private String votedCard;

  OurMember(String room, int index, Stats stats, Shared shared, String token, int others) {
    super(room, index, stats, shared);
    this.token = token;
    this.others = others;
  }

  @Override
  Future<Void> start(WebSocket ws) {
    this.socket = ws;
    ws.textMessageHandler(this::frame);
    ws.writeTextMessage(new JsonObject().put("type", "hello").put("token", token).encode());
    return ready.future();
  }

  private void frame(String text) {
    long now = System.nanoTime();
    JsonObject frame = new JsonObject(text);
    switch (frame.getString("type")) {
      case "welcome" -> {
        lastSeq = frame.getLong("seq");
        ready.tryComplete();
      }
      case "applied" -> {
        JsonArray events = frame.getJsonArray("events");
        for (int i = 0; i < events.size(); i++) {
          JsonObject event = events.getJsonObject(i);
          if ("cardAdded".equals(event.getString("type"))) {
            // A notice names the card by id; servers before notices sent the card itself.
            JsonObject card = event.getJsonObject("card");
            shared.lastCardId = card != null ? card.getString("id") : event.getString("cardId");
          }
        }
        seqReceived(frame.getLong("seq"), now);
      }
      case "ack" -> landed(frame.getString("id"), frame.getLong("seq"), now, others);
      case "error" -> {
        stats.refused++;
        inFlight.remove(frame.getString("id"));
      }
      default -> { }
    }
  }

  /** Every command changes something, so every one is a new seq to fan out. */
  @Override
  void sendNext(long intendedAt) {
    JsonObject command;
    int step = counter % 3;
    if (step == 0 && shared.cards < 300) {
      shared.cards++;
      command = new JsonObject().put("type", "addCard").put("text", "Wat had je gehoopt dat er zou gebeuren? #" + counter);
    } else if (step == 1 && shared.lastCardId != null && (voted || votedCard == null || !votedCard.equals(shared.lastCardId))) {
      if (voted) {
        command = new JsonObject().put("type", "unvoteCard").put("cardId", votedCard);
        voted = false;
      } else {
        votedCard = shared.lastCardId;
        command = new JsonObject().put("type", "voteCard").put("cardId", votedCard);
        voted = true;
      }
    } else {
      command = new JsonObject().put("type", handUp ? "lowerHand" : "raiseHand");
      handUp = !handUp;
    }
    send(command, intendedAt);
  }

  Future<JsonObject> send(JsonObject command, long intendedAt) {
    String id = nextId();
    inFlight.put(id, new long[] {intendedAt, System.nanoTime()});
    stats.sent += stats.measuring(intendedAt) ? 1 : 0;
    socket.writeTextMessage(new JsonObject().put("type", "send").put("id", id).put("command", command).encode());
    return Future.succeededFuture();
  }
}
