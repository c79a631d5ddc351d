package nl.intervision.panel.protocol;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.intervision.panel.domain.Card;
import nl.intervision.panel.domain.MeetingState;
import nl.intervision.panel.domain.Participant;
import nl.intervision.panel.domain.Touched;
import nl.intervision.panel.domain.Visibility;

/**
 * The {@code changes} of an {@code applied} frame or a resuming {@code welcome}: the parts of one
 * person's view of the state that changed, each encoded exactly as {@link StateJson} encodes it in
 * {@code welcome.state}. What someone sees of a card is asked of {@link Visibility}, before and after,
 * so no rule about hiding is repeated here. The fields and the merge rules are in docs/PROTOCOL.md.
 */
public final class ChangesJson {
  private ChangesJson() {}

  /** Which fields of {@code welcome.state} each field of the domain's state shows up in. */
  private static final Map<Touched.Field, List<StateJson.Field>> SHOWN_IN = new EnumMap<>(Map.ofEntries(
      // Who may speak, write or is waited for depends on the meeting being open.
      Map.entry(Touched.Field.STATUS, List.of(StateJson.STATUS, StateJson.SPEAKING, StateJson.READINESS, StateJson.PHASE)),
      Map.entry(Touched.Field.TITLE, List.of(StateJson.TITLE)),
      // Names are sent in the meeting's language.
      Map.entry(Touched.Field.LOCALE, List.of(StateJson.LOCALE, StateJson.METHOD, StateJson.PHASE)),
      Map.entry(Touched.Field.JOIN_CODE, List.of(StateJson.JOIN_CODE)),
      Map.entry(Touched.Field.AGENDA, List.of(StateJson.AGENDA, StateJson.METHOD, StateJson.PHASE, StateJson.SPEAKING,
          StateJson.READINESS)),
      Map.entry(Touched.Field.PHASE_INDEX, List.of(StateJson.PHASE, StateJson.SPEAKING, StateJson.READINESS)),
      Map.entry(Touched.Field.TIMER, List.of(StateJson.PHASE)),
      Map.entry(Touched.Field.DONE, List.of(StateJson.DONE)),
      Map.entry(Touched.Field.SPEAKING, List.of(StateJson.SPEAKING)),
      Map.entry(Touched.Field.TURN_SECONDS, List.of(StateJson.TURN_SECONDS)),
      Map.entry(Touched.Field.CASE_BRINGER, List.of(StateJson.CASE_BRINGER, StateJson.SPEAKING, StateJson.READINESS,
          StateJson.PHASE)),
      Map.entry(Touched.Field.LEARNING_QUESTION, List.of(StateJson.LEARNING_QUESTION)),
      Map.entry(Touched.Field.BACKUP_CHAIR, List.of(StateJson.BACKUP_CHAIR)),
      Map.entry(Touched.Field.ENDED_AT, List.of(StateJson.ENDED_AT)),
      // Who sees the join code changes with it.
      Map.entry(Touched.Field.INVITES_OPEN, List.of(StateJson.INVITES_OPEN, StateJson.JOIN_CODE)),
      Map.entry(Touched.Field.WROTE, List.of(StateJson.WRITING)),
      Map.entry(Touched.Field.VOTE_BUDGETS, List.of(StateJson.VOTE_BUDGET, StateJson.VOTES_LEFT)),
      Map.entry(Touched.Field.EVALUATIONS, List.of(StateJson.EVALUATIONS)),
      Map.entry(Touched.Field.READINESS_ASKED, List.of(StateJson.READINESS)),
      Map.entry(Touched.Field.CHAIR_OPEN, List.of(StateJson.CHAIR_OPEN)),
      Map.entry(Touched.Field.FORMER_CHAIR, List.of(StateJson.FORMER_CHAIR)),
      Map.entry(Touched.Field.GROUP, List.of(StateJson.GROUP)),
      Map.entry(Touched.Field.CARRIED, List.of(StateJson.CARRIED))));

  /**
   * State fields computed from more than one field of the domain's state: the silent-writing count
   * depends on the phase and on who may write there, the vote budget on the phase, whether
   * evaluations are taken on the phase and on the meeting being open.
   */
  private static final Map<Touched.Field, List<StateJson.Field>> ALSO_SHOWN_IN = new EnumMap<>(Map.of(
      Touched.Field.PHASE_INDEX, List.of(StateJson.WRITING, StateJson.VOTE_BUDGET, StateJson.VOTES_LEFT,
          StateJson.EVALUATING),
      Touched.Field.AGENDA, List.of(StateJson.WRITING, StateJson.VOTE_BUDGET, StateJson.VOTES_LEFT,
          StateJson.EVALUATING),
      Touched.Field.STATUS, List.of(StateJson.EVALUATING),
      Touched.Field.CASE_BRINGER, List.of(StateJson.WRITING)));


  /** Fields that list people (phase: its writers): a join, a departure or a new chair changes who is in them. */
  private static final List<StateJson.Field> NAMING_PEOPLE = List.of(StateJson.SPEAKING, StateJson.READINESS,
      StateJson.CHAIR_OPEN, StateJson.PHASE);

  /**
   * The changes as one recipient sees them.
   *
   * @param recipient the recipient's record in {@code after}, or their last one if this change removed them
   */
  public static JsonObject forRecipient(Touched touched, MeetingState after, Participant recipient) {
    Participant then = touched.participantBefore(recipient);
    // Someone whose role changed may now see cards differently that did not change themselves.
    boolean newEyes = !recipient.equals(then);
    JsonObject json = new JsonObject();
    List<String> unset = new ArrayList<>();
    Set<StateJson.Field> fields = fields(touched, after);
    if (newEyes) {
      fields.add(StateJson.JOIN_CODE);
    }
    for (StateJson.Field field : fields) {
      put(json, unset, field, StateJson.valueFor(field, after, recipient));
    }
    cards(json, touched, after, then, recipient, newEyes);
    participants(json, touched, after);
    if (!unset.isEmpty()) {
      json.put("unset", new JsonArray(unset));
    }
    return json;
  }

  /**
   * The changes for everyone at once, when {@link Visibility#sameForEveryone(Touched, MeetingState)}
   * says they look the same to all.
   *
   * @return null when they cannot be said the same way to all after all: a new card not at the end
   */
  public static JsonObject shared(Touched touched, MeetingState after) {
    JsonObject json = new JsonObject();
    List<String> unset = new ArrayList<>();
    for (StateJson.Field field : fields(touched, after)) {
      if (field == StateJson.VOTES_LEFT && after.agenda() != null && after.voteBudget() != null) {
        // Each has their own votes left.
        return null;
      }
      put(json, unset, field, field.value().apply(after));
    }
    JsonArray upserts = new JsonArray();
    Set<String> present = new HashSet<>();
    boolean newSeen = false;
    for (Card card : after.cards()) {
      if (touched.touchedCard(card.id())) {
        present.add(card.id());
        boolean isNew = touched.cards().get(card.id()) == null;
        if (newSeen && !isNew) {
          return null;
        }
        newSeen |= isNew;
        upserts.add(StateJson.card(card));
      } else if (newSeen) {
        return null;
      }
    }
    if (!upserts.isEmpty()) {
      json.put("cards", upserts);
    }
    JsonArray removed = new JsonArray();
    for (Map.Entry<String, Card> entry : touched.cards().entrySet()) {
      if (entry.getValue() != null && !present.contains(entry.getKey())) {
        removed.add(entry.getKey());
      }
    }
    if (!removed.isEmpty()) {
      json.put("removedCards", removed);
    }
    participants(json, touched, after);
    if (!unset.isEmpty()) {
      json.put("unset", new JsonArray(unset));
    }
    return json;
  }

  private static Set<StateJson.Field> fields(Touched touched, MeetingState after) {
    Set<StateJson.Field> fields = new LinkedHashSet<>();
    for (Touched.Field field : touched.fields()) {
      fields.addAll(SHOWN_IN.get(field));
      fields.addAll(ALSO_SHOWN_IN.getOrDefault(field, List.of()));
    }
    if (!touched.cards().isEmpty() && after.agenda() != null && after.voteBudget() != null) {
      // A vote given, taken back or gone with its card changes what its giver has left.
      fields.add(StateJson.VOTES_LEFT);
    }
    if (!touched.participants().isEmpty()) {
      // Someone joining, leaving or changing role changes how many may write, and who is in these lists.
      fields.add(StateJson.WRITING);
      fields.addAll(NAMING_PEOPLE);
    }
    return fields;
  }

  private static void put(JsonObject json, List<String> unset, StateJson.Field field, Object value) {
    if (value == null) {
      unset.add(field.name());
    } else {
      json.put(field.name(), value);
    }
  }

  /**
   * Upserts every card whose view changed, removes those the recipient saw and no longer sees, and
   * sends the whole order when a card they did not see before now stands before one they did (a reveal).
   */
  private static void cards(JsonObject json, Touched touched, MeetingState after, Participant then,
      Participant now, boolean newEyes) {
    if (touched.cards().isEmpty() && !newEyes) {
      return;
    }
    JsonArray upserts = new JsonArray();
    JsonArray removed = new JsonArray();
    Set<String> present = new HashSet<>();
    boolean newSeen = false;
    boolean reordered = false;
    for (Card card : after.cards()) {
      boolean candidate = newEyes || touched.touchedCard(card.id());
      if (candidate) {
        present.add(card.id());
      }
      if (!candidate) {
        // Unchanged, seen with the same eyes: if visible, it is one the recipient already has.
        reordered |= newSeen && Visibility.cardFor(card, now).isPresent();
        continue;
      }
      Card before = touched.touchedCard(card.id()) ? touched.cards().get(card.id()) : card;
      Optional<Card> seenBefore = before == null || then == null ? Optional.empty() : Visibility.cardFor(before, then);
      Optional<Card> seenNow = Visibility.cardFor(card, now);
      if (seenNow.isEmpty()) {
        if (seenBefore.isPresent()) {
          removed.add(card.id());
        }
        continue;
      }
      if (seenBefore.isEmpty()) {
        newSeen = true;
      } else {
        reordered |= newSeen;
      }
      if (!seenNow.equals(seenBefore)) {
        upserts.add(StateJson.card(seenNow.get()));
      }
    }
    for (Map.Entry<String, Card> entry : touched.cards().entrySet()) {
      Card before = entry.getValue();
      if (before != null && then != null && !present.contains(entry.getKey())
          && Visibility.cardFor(before, then).isPresent()) {
        removed.add(entry.getKey());
      }
    }
    if (!upserts.isEmpty()) {
      json.put("cards", upserts);
    }
    if (!removed.isEmpty()) {
      json.put("removedCards", removed);
    }
    if (reordered) {
      JsonArray order = new JsonArray();
      for (Card card : after.cards()) {
        if (Visibility.cardFor(card, now).isPresent()) {
          order.add(card.id());
        }
      }
      json.put("cardOrder", order);
    }
  }

  private static void participants(JsonObject json, Touched touched, MeetingState after) {
    if (touched.participants().isEmpty()) {
      return;
    }
    JsonArray upserts = new JsonArray();
    JsonArray removed = new JsonArray();
    for (String id : touched.participants().keySet()) {
      Optional<Participant> now = after.participant(id);
      if (now.isPresent()) {
        upserts.add(StateJson.participant(now.get()));
      } else if (touched.participants().get(id) != null) {
        removed.add(id);
      }
    }
    if (!upserts.isEmpty()) {
      json.put("participants", upserts);
    }
    if (!removed.isEmpty()) {
      json.put("removedParticipants", removed);
    }
  }
}
