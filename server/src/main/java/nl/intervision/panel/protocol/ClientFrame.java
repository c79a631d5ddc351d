package nl.intervision.panel.protocol;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import nl.intervision.panel.domain.Command;

/** What a client sends over the socket. */
public sealed interface ClientFrame {

  /** @param full with since: send the whole state even when the changes since then would do */
  record Hello(String token, Long since, boolean full) implements ClientFrame {}

  /** A command; {@code problem} is set instead of {@code command} when the command itself is not well formed. */
  record Send(String id, Command command, String problem) implements ClientFrame {}

  record Ping() implements ClientFrame {}

  int MAX_ID_LENGTH = 64;

  /**
   * @throws CodecException when the frame is not a JSON object of a known type (the socket is closed with 4400);
   *     a well-framed send with a bad command comes back as a {@link Send} with a problem instead
   */
  static ClientFrame parse(String text) {
    JsonObject json;
    try {
      json = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      throw new CodecException("frame is not a JSON object");
    }
    Object type = json.getValue("type");
    if ("hello".equals(type)) {
      Object token = json.getValue("token");
      Object since = json.getValue("since");
      Object full = json.getValue("full");
      if (!(token instanceof String t) || t.isEmpty()) {
        throw new CodecException("hello needs a token");
      }
      if (since != null && !((since instanceof Integer || since instanceof Long) && ((Number) since).longValue() >= 0)) {
        throw new CodecException("since must be a whole number, 0 or more");
      }
      if (full != null && !(full instanceof Boolean)) {
        throw new CodecException("full must be true or false");
      }
      return new Hello(t, since == null ? null : ((Number) since).longValue(), Boolean.TRUE.equals(full));
    }
    if ("ping".equals(type)) {
      return new Ping();
    }
    if ("send".equals(type)) {
      Object id = json.getValue("id");
      if (!(id instanceof String commandId) || commandId.isEmpty() || commandId.length() > MAX_ID_LENGTH) {
        throw new CodecException("send needs an id: a string of 1 to " + MAX_ID_LENGTH + " characters");
      }
      if (!storable(commandId)) {
        // The id is stored with the command; PostgreSQL refuses NUL and half surrogate pairs, so the
        // command would fail as "unavailable" on every retry.
        throw new CodecException("a send id may not contain U+0000 or an unpaired surrogate");
      }
      Object command = json.getValue("command");
      if (!(command instanceof JsonObject body)) {
        return new Send(commandId, null, "command must be an object");
      }
      try {
        return new Send(commandId, Wire.memberCommand(body), null);
      } catch (CodecException e) {
        return new Send(commandId, null, e.getMessage());
      }
    }
    throw new CodecException("unknown frame type " + (type == null ? "(missing)" : "'" + type + "'"));
  }

  private static boolean storable(String id) {
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < id.length() && Character.isLowSurrogate(id.charAt(i + 1))) {
        i++;
      } else if (c == '\u0000' || Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
