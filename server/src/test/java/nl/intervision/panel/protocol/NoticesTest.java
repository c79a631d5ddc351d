package nl.intervision.panel.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import nl.intervision.panel.domain.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Frames carry events as notices (docs/PROTOCOL.md 6); the store keeps them whole. */
class NoticesTest {
  private static final String S = (String) Samples.of(String.class);
  private static final long AT = (Long) Samples.of(Long.class);

  /** The events whose result a frame's {@code changes} carries, so their notice leaves it out. */
  private static final Set<Class<?>> SLIMMED = Set.of(Event.CardAdded.class, Event.CardEdited.class,
      Event.CardsRevealed.class, Event.SpeakingChanged.class, Event.ParticipantRemoved.class, Event.MethodChosen.class,
      Event.CardDeleted.class);

  static List<Class<?>> others() {
    return Arrays.stream(Event.class.getPermittedSubclasses()).filter(c -> !SLIMMED.contains(c)).toList();
  }

  private static JsonObject notice(Class<?> type) {
    return Wire.notice((Event) Samples.of(type));
  }

  @Test
  void eventsWhoseResultIsInTheChangesNameWhatHappenedWithIds() {
    assertThat(notice(Event.CardAdded.class)).isEqualTo(new JsonObject()
        .put("type", "cardAdded").put("cardId", S).put("kind", S).put("phaseId", S));
    assertThat(notice(Event.CardEdited.class)).isEqualTo(new JsonObject()
        .put("type", "cardEdited").put("cardId", S).put("at", AT).put("hidden", true));
    assertThat(notice(Event.CardsRevealed.class)).isEqualTo(new JsonObject()
        .put("type", "cardsRevealed").put("phaseId", S).put("cardIds", new JsonArray().add(S)));
    assertThat(notice(Event.SpeakingChanged.class)).isEqualTo(new JsonObject()
        .put("type", "speakingChanged").put("change", "joined-round").put("participantId", S));
    assertThat(notice(Event.ParticipantRemoved.class)).isEqualTo(new JsonObject()
        .put("type", "participantRemoved").put("participantId", S));
    assertThat(notice(Event.MethodChosen.class)).isEqualTo(new JsonObject()
        .put("type", "methodChosen").put("methodId", S));
  }

  /** Who wrote a card deleted while hidden is kept for deciding who is told, never sent: not even to the chair. */
  @Test
  void aDeletionNeverNamesWhoWroteTheCard() {
    assertThat(notice(Event.CardDeleted.class)).isEqualTo(new JsonObject().put("type", "cardDeleted").put("cardId", S));
  }

  @Test
  void fieldsWithoutAValueAreLeftOut() {
    assertThat(Wire.notice(new Event.CardEdited("c-1", "new text", 5L, null)))
        .isEqualTo(new JsonObject().put("type", "cardEdited").put("cardId", "c-1").put("at", 5L));
    assertThat(Wire.notice(new Event.CardEdited("c-1", "new text", 5L, false)).containsKey("hidden")).isFalse();
    Event round = new Event.SpeakingChanged(Event.SpeakingChange.ROUND_STARTED, null,
        (nl.intervision.panel.domain.SpeakingOrder) Samples.of(nl.intervision.panel.domain.SpeakingOrder.class));
    assertThat(Wire.notice(round)).isEqualTo(new JsonObject().put("type", "speakingChanged").put("change", "round-started"));
  }

  @ParameterizedTest
  @MethodSource("others")
  void everyOtherEventIsSentWhole(Class<?> type) {
    Event event = (Event) Samples.of(type);
    assertThat(Wire.notice(event)).isEqualTo(Wire.EVENTS.encode(event));
  }

  @Test
  void theStoredBatchStillDecodesToTheWholeEvents() {
    List<Event> all = Arrays.stream(Event.class.getPermittedSubclasses()).map(c -> (Event) Samples.of(c)).toList();
    String stored = Wire.events(all).encode();
    assertThat(Wire.events(new JsonArray(stored))).isEqualTo(all);
    // And the frame form is really the slim one: it says less than the stored form.
    assertThat(Wire.notices(all).encode().length()).isLessThan(stored.length());
  }
}
