package nl.intervision.panel.protocol;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.intervision.panel.domain.Event;
import nl.intervision.panel.domain.Participant;
import nl.intervision.panel.domain.Refusal;

/** The frames the server sends; one method per frame type in docs/PROTOCOL.md. */
public final class ServerFrames {
  private ServerFrames() {}

  public static final String PONG = new JsonObject().put("type", "pong").encode();

  /** @param state the whole state, or null when the welcome brings the member up to date with changes instead */
  public static JsonObject welcome(Participant you, long seq, JsonObject state, long serverTime) {
    JsonObject json = new JsonObject()
        .put("type", "welcome")
        .put("you", new JsonObject().put("participantId", you.id()).put("name", you.name())
            .put("role", RecordCodec.wireName(you.role())))
        .put("seq", seq);
    if (state != null) {
      json.put("state", state);
    }
    return json.put("serverTime", serverTime);
  }

  /** @param events already filtered for the recipient(s); sent as notices, the results being in {@code changes} */
  public static String applied(long seq, List<Event> events, JsonObject changes, long serverTime) {
    return new JsonObject()
        .put("type", "applied")
        .put("seq", seq)
        .put("events", Wire.notices(events))
        .put("changes", changes)
        .put("serverTime", serverTime)
        .encode();
  }

  /** One entry of a welcome's {@code missed} list: an applied frame without its type. */
  public static JsonObject missed(long seq, List<Event> events) {
    return new JsonObject().put("seq", seq).put("events", Wire.notices(events));
  }

  public static String ack(String id, long seq) {
    return new JsonObject().put("type", "ack").put("id", id).put("seq", seq).encode();
  }

  /** @param params the values {@code reason}'s text names; left out of the frame when there are none */
  public static String error(String id, ErrorCode code, Refusal reason, Map<String, Object> params, String message) {
    JsonObject json = new JsonObject().put("type", "error");
    if (id != null) {
      json.put("id", id);
    }
    json.put("code", code.wire()).put("reason", reason.wire());
    if (!params.isEmpty()) {
      json.put("params", new JsonObject(new LinkedHashMap<>(params)));
    }
    return json.put("message", message).put("temporary", code.temporary()).encode();
  }

  public static String presence(JsonArray participants) {
    return new JsonObject().put("type", "presence").put("participants", participants).encode();
  }

  /** The welcome's {@code liveness}: when the server pings a quiet socket and how long it then waits. */
  public static JsonObject liveness(long pingEveryMs, long timeoutMs) {
    return new JsonObject().put("pingEveryMs", pingEveryMs).put("timeoutMs", timeoutMs);
  }
}
