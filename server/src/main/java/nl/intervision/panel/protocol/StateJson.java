package nl.intervision.panel.protocol;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import nl.intervision.panel.domain.Card;
import nl.intervision.panel.domain.MeetingState;
import nl.intervision.panel.domain.Participant;
import nl.intervision.panel.domain.Phase;

/** The meeting's state as a client sees it in {@code welcome}; the fields are listed in docs/PROTOCOL.md. */
public final class StateJson {
  private StateJson() {}

  /** @param state already narrowed to what the recipient may see */
  public static JsonObject encode(MeetingState state, Set<String> online) {
    Phase phase = state.phase();
    JsonObject phaseJson = new JsonObject()
        .put("index", state.phaseIndex())
        .put("id", phase.id())
        .put("name", phase.name().in(state.locale()))
        .put("speaking", RecordCodec.wireName(phase.speaking()))
        .put("part", RecordCodec.wireName(state.part()));
    if (state.timer() != null) {
      if (state.timer().isRunning()) {
        phaseJson.put("endsAt", state.timer().endsAt());
      }
      phaseJson.put("timer", RecordCodec.toJson(state.timer()));
    }
    JsonObject json = new JsonObject()
        .put("status", RecordCodec.wireName(state.status()))
        .put("title", state.title())
        .put("locale", RecordCodec.wireName(state.locale()))
        .put("method", new JsonObject()
            .put("id", state.agenda().methodId())
            .put("name", state.agenda().methodName().in(state.locale())))
        .put("agenda", agenda(state))
        .put("phase", phaseJson)
        .put("done", new JsonArray(new java.util.ArrayList<>(state.done())))
        .put("cards", cards(state))
        .put("speaking", RecordCodec.toJson(state.speaking()))
        .put("turnSeconds", state.turnSeconds())
        .put("participants", participants(state, online));
    putIfSet(json, "caseBringerId", state.caseBringerId());
    putIfSet(json, "learningQuestionId", state.learningQuestionId());
    putIfSet(json, "backupChairId", state.backupChairId());
    if (state.joinCode() != null) {
      json.put("joinCode", state.joinCode());
    }
    if (state.endedAt() != null) {
      json.put("endedAt", state.endedAt());
    }
    return json;
  }

  public static JsonArray participants(MeetingState state, Set<String> online) {
    JsonArray array = new JsonArray();
    for (Participant p : state.participants()) {
      array.add(participant(p).put("online", online.contains(p.id())));
    }
    return array;
  }

  public static JsonObject participant(Participant p) {
    return new JsonObject().put("id", p.id()).put("name", p.name()).put("role", RecordCodec.wireName(p.role()));
  }

  /** Every phase in order, each with the part of the agenda it belongs to. */
  private static JsonArray agenda(MeetingState state) {
    JsonArray array = new JsonArray();
    for (int i = 0; i < state.agenda().size(); i++) {
      array.add(((JsonObject) RecordCodec.toJson(state.agenda().phase(i)))
          .put("part", RecordCodec.wireName(state.agenda().part(i))));
    }
    return array;
  }

  private static void putIfSet(JsonObject json, String field, Object value) {
    if (value != null) {
      json.put(field, value);
    }
  }

  private static JsonArray cards(MeetingState state) {
    JsonArray array = new JsonArray();
    for (Card card : state.cards()) {
      array.add(((JsonObject) RecordCodec.toJson(card)).put("votes", card.votes()));
    }
    return array;
  }
}
