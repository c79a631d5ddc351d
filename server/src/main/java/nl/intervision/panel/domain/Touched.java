package nl.intervision.panel.domain;

import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * What one batch (or several in a row) changed in the whole meeting, as the server knows it:
 * which of the state's own fields, and which cards and participants were added, changed or removed.
 * Each card and participant is kept with the record it had <em>before</em>, so what a person saw
 * then can be told from what they see now without keeping the whole earlier state. Computed once
 * per batch; each recipient's share of it is decided by {@link Visibility}.
 *
 * @param fields the state's fields (not cards, not participants) whose value changed
 * @param cards every touched card id, in the order of the state after (removed ones last), with the
 *     card as it was before; the value is null for a card that was not there before
 * @param participants likewise, per participant id
 */
public record Touched(Set<Field> fields, Map<String, Card> cards, Map<String, Participant> participants) {

  /** The fields of {@link MeetingState} besides cards and participants. */
  public enum Field {
    STATUS, TITLE, LOCALE, JOIN_CODE, AGENDA, PHASE_INDEX, TIMER, DONE, SPEAKING, TURN_SECONDS,
    CASE_BRINGER, LEARNING_QUESTION, BACKUP_CHAIR, ENDED_AT, INVITES_OPEN,
    WROTE, VOTE_BUDGETS, EVALUATIONS, READINESS_ASKED, CHAIR_OPEN, FORMER_CHAIR, GROUP, CARRIED
  }

  public static final Touched NOTHING = new Touched(Set.of(), Map.of(), Map.of());

  public Touched {
    fields = fields.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(fields));
    cards = compact(cards);
    participants = compact(participants);
  }

  /**
   * A room keeps the Touched of its last batches for minutes, and most batches touch one card and no
   * participant: an empty or one-entry map without a hash table keeps a young collection from copying
   * four objects per batch for nothing (docs/PERFORMANCE.md, round two).
   */
  private static <T> Map<String, T> compact(Map<String, T> records) {
    if (records.isEmpty()) {
      return Map.of();
    }
    if (records.size() == 1) {
      Map.Entry<String, T> only = records.entrySet().iterator().next();
      // Not Map.of: a card that was not there before maps to null.
      return Collections.singletonMap(only.getKey(), only.getValue());
    }
    return Collections.unmodifiableMap(records);
  }

  public boolean isEmpty() {
    return fields.isEmpty() && cards.isEmpty() && participants.isEmpty();
  }

  /** Whether this card id was touched; {@link #cards()} may map it to null (it is new). */
  public boolean touchedCard(String cardId) {
    return cards.containsKey(cardId);
  }

  /** The record this participant had before, or the one given when untouched; null when they were not there. */
  public Participant participantBefore(Participant now) {
    return participants.containsKey(now.id()) ? participants.get(now.id()) : now;
  }

  /**
   * The difference between two states. Records are immutable and evolve keeps the ones it does not
   * change, so an unchanged card is the same object and the comparison costs little.
   */
  public static Touched between(MeetingState before, MeetingState after) {
    if (before == after) {
      return NOTHING;
    }
    EnumSet<Field> fields = EnumSet.noneOf(Field.class);
    differs(fields, Field.STATUS, before.status(), after.status());
    differs(fields, Field.TITLE, before.title(), after.title());
    differs(fields, Field.LOCALE, before.locale(), after.locale());
    differs(fields, Field.JOIN_CODE, before.joinCode(), after.joinCode());
    differs(fields, Field.AGENDA, before.agenda(), after.agenda());
    differs(fields, Field.PHASE_INDEX, before.phaseIndex(), after.phaseIndex());
    differs(fields, Field.TIMER, before.timer(), after.timer());
    differs(fields, Field.DONE, before.done(), after.done());
    differs(fields, Field.SPEAKING, before.speaking(), after.speaking());
    differs(fields, Field.TURN_SECONDS, before.turnSeconds(), after.turnSeconds());
    differs(fields, Field.CASE_BRINGER, before.caseBringerId(), after.caseBringerId());
    differs(fields, Field.LEARNING_QUESTION, before.learningQuestionId(), after.learningQuestionId());
    differs(fields, Field.BACKUP_CHAIR, before.backupChairId(), after.backupChairId());
    differs(fields, Field.ENDED_AT, before.endedAt(), after.endedAt());
    differs(fields, Field.INVITES_OPEN, before.invitesOpen(), after.invitesOpen());
    differs(fields, Field.WROTE, before.wrote(), after.wrote());
    differs(fields, Field.VOTE_BUDGETS, before.voteBudgets(), after.voteBudgets());
    differs(fields, Field.EVALUATIONS, before.evaluations(), after.evaluations());
    differs(fields, Field.GROUP, before.groupId(), after.groupId());
    differs(fields, Field.CARRIED, before.carried(), after.carried());
    differs(fields, Field.READINESS_ASKED, before.readinessAsked(), after.readinessAsked());
    differs(fields, Field.CHAIR_OPEN, before.chairOpen(), after.chairOpen());
    differs(fields, Field.FORMER_CHAIR, before.formerChairId(), after.formerChairId());
    return new Touched(fields, records(before.cards(), after.cards(), Card::id),
        records(before.participants(), after.participants(), Participant::id));
  }

  /**
   * This change followed by a later one, as one: the union of what either touched, each card and
   * participant with the record it had before the first. A field changed and changed back still
   * counts as touched; sending its value again does no harm.
   */
  public Touched then(Touched later) {
    if (later.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return later;
    }
    EnumSet<Field> union = EnumSet.noneOf(Field.class);
    union.addAll(fields);
    union.addAll(later.fields);
    return new Touched(union, earliest(cards, later.cards), earliest(participants, later.participants));
  }

  private static <T> Map<String, T> earliest(Map<String, T> first, Map<String, T> later) {
    Map<String, T> union = new LinkedHashMap<>(first);
    for (Map.Entry<String, T> entry : later.entrySet()) {
      if (!union.containsKey(entry.getKey())) {
        union.put(entry.getKey(), entry.getValue());
      }
    }
    return union;
  }

  private static void differs(Set<Field> fields, Field field, Object before, Object after) {
    if (before != after && !Objects.equals(before, after)) {
      fields.add(field);
    }
  }

  /** The records added, changed or removed, each with its earlier version (null: added). */
  private static <T> Map<String, T> records(List<T> before, List<T> after, Function<T, String> id) {
    if (before == after) {
      return Map.of();
    }
    Map<String, T> touched = new LinkedHashMap<>();
    // Usually the lists hold the same records in the same order, one changed or one appended: walk them side by side.
    int common = Math.min(before.size(), after.size());
    int i = 0;
    while (i < common && id.apply(before.get(i)).equals(id.apply(after.get(i)))) {
      if (before.get(i) != after.get(i) && !before.get(i).equals(after.get(i))) {
        touched.put(id.apply(after.get(i)), before.get(i));
      }
      i++;
    }
    if (i == before.size()) {
      for (int j = i; j < after.size(); j++) {
        touched.put(id.apply(after.get(j)), null);
      }
      return touched;
    }
    // Something was removed (or the order changed): compare the rest by id.
    Map<String, T> earlier = new HashMap<>();
    for (int j = i; j < before.size(); j++) {
      earlier.put(id.apply(before.get(j)), before.get(j));
    }
    for (int j = i; j < after.size(); j++) {
      T now = after.get(j);
      String key = id.apply(now);
      T then = earlier.remove(key);
      if (then == null) {
        touched.put(key, null);
      } else if (then != now && !then.equals(now)) {
        touched.put(key, then);
      }
    }
    for (int j = i; j < before.size(); j++) {
      T gone = before.get(j);
      if (earlier.containsKey(id.apply(gone))) {
        touched.put(id.apply(gone), gone);
      }
    }
    return touched;
  }
}
