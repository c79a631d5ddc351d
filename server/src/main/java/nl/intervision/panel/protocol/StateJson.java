package nl.intervision.panel.protocol;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import nl.intervision.panel.domain.Card;
import nl.intervision.panel.domain.Closing;
import nl.intervision.panel.domain.MeetingState;
import nl.intervision.panel.domain.Participant;
import nl.intervision.panel.domain.People;
import nl.intervision.panel.domain.Phase;
import nl.intervision.panel.domain.PhaseRules;
import nl.intervision.panel.domain.SilentWriting;
import nl.intervision.panel.domain.Readiness;
import nl.intervision.panel.domain.TurnControls;
import nl.intervision.panel.domain.Visibility;
import nl.intervision.panel.domain.VoteBudget;

/**
 * The meeting's state as a client sees it in {@code welcome}; the fields are listed in docs/PROTOCOL.md.
 * {@link ChangesJson} sends parts of it with the same encoders, so a change looks exactly like the state.
 */
public final class StateJson {
  private StateJson() {}

  /** A field of the state besides cards and participants: its wire name and how it is read from a state. */
  public record Field(String name, Function<MeetingState, Object> value) {}

  public static final Field STATUS = new Field("status", s -> RecordCodec.wireName(s.status()));
  public static final Field TITLE = new Field("title", MeetingState::title);
  public static final Field LOCALE = new Field("locale", s -> RecordCodec.wireName(s.locale()));
  public static final Field METHOD = new Field("method", StateJson::method);
  public static final Field AGENDA = new Field("agenda", StateJson::agenda);
  public static final Field PHASE = new Field("phase", StateJson::phase);
  public static final Field DONE = new Field("done", s -> new JsonArray(new ArrayList<>(s.done())));
  /** The order, and who may use which speaking control now ({@code may}), so the page need not know the rules. */
  public static final Field SPEAKING = new Field("speaking", s -> ((JsonObject) RecordCodec.toJson(s.speaking()))
      .put("may", RecordCodec.toJson(TurnControls.of(s))));
  /** Whose "done" counts in this phase, when readiness applies now; absent otherwise. */
  public static final Field READINESS = new Field("readiness", StateJson::readiness);
  /** While the chair is open: who may take it, so the page shows the control to them only. */
  public static final Field CHAIR_OPEN = new Field("chairOpen", s -> s.chairOpen()
      ? new JsonObject().put("mayTake", new JsonArray(new ArrayList<>(People.mayTakeChair(s)))) : null);
  public static final Field FORMER_CHAIR = new Field("formerChairId", MeetingState::formerChairId);
  public static final Field TURN_SECONDS = new Field("turnSeconds", MeetingState::turnSeconds);
  public static final Field CASE_BRINGER = new Field("caseBringerId", MeetingState::caseBringerId);
  public static final Field LEARNING_QUESTION = new Field("learningQuestionId", MeetingState::learningQuestionId);
  public static final Field BACKUP_CHAIR = new Field("backupChairId", MeetingState::backupChairId);
  public static final Field JOIN_CODE = new Field("joinCode", MeetingState::joinCode);
  public static final Field ENDED_AT = new Field("endedAt", MeetingState::endedAt);
  public static final Field INVITES_OPEN = new Field("invitesOpen", MeetingState::invitesOpen);
  /** Only a count: who wrote in a silent phase must not be told. */
  public static final Field WRITING = new Field("writing", s -> RecordCodec.toJson(SilentWriting.progress(s)));
  public static final Field VOTE_BUDGET = new Field("voteBudget", s -> s.agenda() == null ? null : s.voteBudget());
  /**
   * How many more votes the recipient has in this phase ({@link VoteBudget#left}): each person's own,
   * so it has no value without a recipient ({@link #valueFor}).
   */
  public static final Field VOTES_LEFT = new Field("votesLeft", s -> null);
  public static final Field EVALUATIONS = new Field("evaluations", s -> RecordCodec.toJson(s.evaluations()));
  public static final Field EVALUATING = new Field("evaluating", s -> Closing.evaluationOpen(s) ? true : null);
  /** The intervision group the meeting belongs to; absent for a meeting on its own. */
  public static final Field GROUP = new Field("groupId", MeetingState::groupId);
  /** Last meeting's action points, to look back on; absent when the group brought none. */
  public static final Field CARRIED = new Field("carried", s -> s.carried().isEmpty() ? null : RecordCodec.toJson(s.carried()));

  /** Before cards in the state object, then after participants; absent (null) values are left out. */
  private static final List<Field> BEFORE_CARDS = List.of(STATUS, TITLE, LOCALE, METHOD, AGENDA, PHASE, DONE,
      READINESS);
  private static final List<Field> BETWEEN = List.of(SPEAKING, TURN_SECONDS);
  private static final List<Field> AFTER_PARTICIPANTS = List.of(CASE_BRINGER, LEARNING_QUESTION, BACKUP_CHAIR,
      JOIN_CODE, INVITES_OPEN, ENDED_AT, WRITING, VOTE_BUDGET, VOTES_LEFT, EVALUATIONS, EVALUATING, CHAIR_OPEN, FORMER_CHAIR, GROUP, CARRIED);

  /** The state without what is one person's own (their votes left). */
  public static JsonObject encode(MeetingState state, Set<String> online) {
    return encode(state, online, null);
  }

  /**
   * @param state already narrowed to what the recipient may see
   * @param recipient whose own fields to add; null for none
   */
  public static JsonObject encode(MeetingState state, Set<String> online, Participant recipient) {
    JsonObject json = new JsonObject();
    put(json, BEFORE_CARDS, state, recipient);
    json.put("cards", cards(state));
    put(json, BETWEEN, state, recipient);
    json.put("participants", participants(state, online));
    put(json, AFTER_PARTICIPANTS, state, recipient);
    return json;
  }

  /** A field's value as this recipient sees it: the join code and the votes left differ per person. */
  public static Object valueFor(Field field, MeetingState state, Participant recipient) {
    if (field == JOIN_CODE && recipient != null) {
      return Visibility.joinCodeFor(state, recipient);
    }
    if (field == VOTES_LEFT) {
      return recipient == null ? null : VoteBudget.left(state, recipient.id());
    }
    return field.value().apply(state);
  }

  private static void put(JsonObject json, List<Field> fields, MeetingState state, Participant recipient) {
    for (Field field : fields) {
      Object value = valueFor(field, state, recipient);
      if (value != null) {
        json.put(field.name(), value);
      }
    }
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

  /** A card as in {@code state.cards}: the card's fields and its number of votes. */
  public static JsonObject card(Card card) {
    return ((JsonObject) RecordCodec.toJson(card)).put("votes", card.votes());
  }

  /** Per card kind the phase collects, who may write one now (PhaseRules.writers). */
  private static JsonObject writers(MeetingState state) {
    JsonObject json = new JsonObject();
    PhaseRules.writers(state).forEach((kind, ids) -> json.put(kind, new JsonArray(new ArrayList<>(ids))));
    return json;
  }

  private static JsonObject phase(MeetingState state) {
    Phase phase = state.phase();
    JsonObject phaseJson = new JsonObject()
        .put("index", state.phaseIndex())
        .put("id", phase.id())
        .put("name", phase.name().in(state.locale()))
        .put("speaking", RecordCodec.wireName(phase.speaking()))
        .put("part", RecordCodec.wireName(state.part()))
        .put("shows", new JsonArray(new ArrayList<>(state.agenda().shownIn(state.phaseIndex()))))
        .put("rating", phase.rates())
        .put("stillToCome", stillToCome(state))
        .put("writers", writers(state))
        .put("answerable", new JsonArray(new ArrayList<>(PhaseRules.answerable(phase, state.part()))));
    if (state.timer() != null) {
      if (state.timer().isRunning()) {
        phaseJson.put("endsAt", state.timer().endsAt());
      }
      phaseJson.put("timer", RecordCodec.toJson(state.timer()));
    }
    return phaseJson;
  }

  /** Per part, the first and last index of its phases still to come: {@code {"method": [5, 11], ...}}. */
  private static JsonObject stillToCome(MeetingState state) {
    JsonObject json = new JsonObject();
    state.agenda().stillToCome(state.phaseIndex()).forEach((part, span) ->
        json.put(RecordCodec.wireName(part), new JsonArray().add(span.from()).add(span.to())));
    return json;
  }

  /** The method with its name and, where it has one, its purpose, in the meeting's language. */
  private static JsonObject method(MeetingState state) {
    JsonObject json = new JsonObject()
        .put("id", state.agenda().methodId())
        .put("name", state.agenda().methodName().in(state.locale()));
    String purpose = state.agenda().methodPurpose() == null ? null : state.agenda().methodPurpose().in(state.locale());
    if (purpose != null && !purpose.isBlank()) {
      json.put("purpose", purpose);
    }
    return json;
  }

  private static JsonObject readiness(MeetingState state) {
    List<String> expected = Readiness.expected(state);
    if (expected == null) {
      return null;
    }
    return new JsonObject().put("asked", state.readinessAsked()).put("expected", new JsonArray(new ArrayList<>(expected)));
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

  private static JsonArray cards(MeetingState state) {
    JsonArray array = new JsonArray();
    for (Card card : state.cards()) {
      array.add(card(card));
    }
    return array;
  }
}
