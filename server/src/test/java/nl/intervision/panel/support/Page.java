package nl.intervision.panel.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a client keeps of the meeting, kept the way docs/PROTOCOL.md section 7 ("Merging changes")
 * tells a client to: the welcome's state, then every frame's {@code changes} merged in, with no rule
 * of the meeting's own. Tests compare it with the server's projection of the state.
 */
public final class Page {
  private Page() {}

  /** The fields of {@code changes} that are not state fields replaced whole. */
  private static final Set<String> SPECIAL = Set.of("unset", "cards", "removedCards", "cardOrder", "participants",
      "removedParticipants");

  /**
   * @return a new state: {@code state} with {@code changes} merged in
   * @throws IllegalStateException when the changes cannot be merged as documented (a cardOrder that
   *     does not list exactly the cards the page has)
   */
  public static JsonObject merge(JsonObject state, JsonObject changes) {
    JsonObject next = state.copy();
    for (String field : changes.fieldNames()) {
      if (!SPECIAL.contains(field)) {
        next.put(field, copy(changes.getValue(field)));
      }
    }
    for (Object field : changes.getJsonArray("unset", new JsonArray())) {
      next.remove((String) field);
    }
    Map<String, JsonObject> cards = byId(next.getJsonArray("cards"));
    for (Object card : changes.getJsonArray("cards", new JsonArray())) {
      JsonObject c = ((JsonObject) card).copy();
      // A known card is replaced where it stands; a new one goes at the end.
      cards.put(c.getString("id"), c);
    }
    for (Object id : changes.getJsonArray("removedCards", new JsonArray())) {
      cards.remove((String) id);
    }
    JsonArray order = changes.getJsonArray("cardOrder");
    if (order != null) {
      Set<String> listed = new HashSet<>();
      Map<String, JsonObject> ordered = new LinkedHashMap<>();
      for (Object id : order) {
        listed.add((String) id);
        if (!cards.containsKey((String) id)) {
          throw new IllegalStateException("cardOrder names " + id + ", which the page does not have");
        }
        ordered.put((String) id, cards.get((String) id));
      }
      if (!listed.equals(cards.keySet())) {
        throw new IllegalStateException("cardOrder " + order + " leaves out cards the page has: " + cards.keySet());
      }
      cards = ordered;
    }
    next.put("cards", new JsonArray(new ArrayList<>(cards.values())));

    Map<String, JsonObject> people = byId(next.getJsonArray("participants"));
    for (Object participant : changes.getJsonArray("participants", new JsonArray())) {
      JsonObject p = ((JsonObject) participant).copy();
      JsonObject known = people.get(p.getString("id"));
      // Online comes from presence only: a known person keeps theirs, a new one starts offline.
      p.put("online", known != null && known.getBoolean("online", false));
      people.put(p.getString("id"), p);
    }
    for (Object id : changes.getJsonArray("removedParticipants", new JsonArray())) {
      people.remove((String) id);
    }
    next.put("participants", new JsonArray(new ArrayList<>(people.values())));
    return next;
  }

  /** The welcome's list of who is online now, applied as a presence frame would be. */
  public static JsonObject online(JsonObject state, JsonArray onlineIds) {
    JsonObject next = state.copy();
    for (Object p : next.getJsonArray("participants")) {
      JsonObject participant = (JsonObject) p;
      participant.put("online", onlineIds.contains(participant.getString("id")));
    }
    return next;
  }

  /** The state without who is online, for comparing what changes cannot carry. */
  public static JsonObject withoutOnline(JsonObject state) {
    JsonObject next = state.copy();
    for (Object p : next.getJsonArray("participants")) {
      ((JsonObject) p).remove("online");
    }
    return next;
  }

  private static Map<String, JsonObject> byId(JsonArray list) {
    Map<String, JsonObject> byId = new LinkedHashMap<>();
    for (Object item : list) {
      byId.put(((JsonObject) item).getString("id"), (JsonObject) item);
    }
    return byId;
  }

  private static Object copy(Object value) {
    return switch (value) {
      case JsonObject o -> o.copy();
      case JsonArray a -> a.copy();
      default -> value;
    };
  }

  /** Convenience for tests: the ids of the page's cards, in order. */
  public static List<String> cardIds(JsonObject state) {
    List<String> ids = new ArrayList<>();
    for (Object card : state.getJsonArray("cards")) {
      ids.add(((JsonObject) card).getString("id"));
    }
    return ids;
  }
}
