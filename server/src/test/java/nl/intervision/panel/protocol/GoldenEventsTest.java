package nl.intervision.panel.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.intervision.panel.domain.Card;
import nl.intervision.panel.domain.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Events as they were stored, committed under {@code src/test/resources/golden/events}: what a meeting's
 * log holds today must still be read by every later version, or the meetings in a database are lost with
 * an upgrade. A round trip through today's codec ({@link WireTest}) cannot see that.
 *
 * <p>{@code <type>.json} is {@link Samples#of} of that event, stored by the code of its day. When an
 * event changes shape, keep its old file under a new name ({@code <type>.<what changed>.json}), list it
 * in {@link #OLDER_SHAPES} with the event it must still decode into (a migration if need be), and write
 * the new one: {@code mvn test -Dtest=GoldenEventsTest -Dgolden.write=true} writes the missing files.
 */
class GoldenEventsTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden/events");

  /** Stored shapes of earlier versions, and what they are read as today. */
  static final Map<String, Event> OLDER_SHAPES = Map.of(
      // Before issue 14 a meeting belonged to no group and brought no action points from a last meeting.
      "meetingStarted.before-groups.json", beforeGroups((Event.MeetingStarted) Samples.of(Event.MeetingStarted.class)),
      // Before issue 15 a deletion did not say whether the card was hidden: read as a card everyone saw.
      "cardDeleted.without-hiddenBy.json", new Event.CardDeleted("c-5x7k2m9q1w"),
      // Before issue 15 one reveal was one event, with the cards of every phase under the phase it happened in.
      "cardsRevealed.cards-of-several-phases.json", new Event.CardsRevealed("whisper", List.of(
          new Card("c-h", "information-question", "write", "p-bert", "Who decided?", List.of(), 1_795_000_001_000L, null,
              false, false, false, null, false, false, null),
          new Card("c-w", "hypothesis", "whisper", "p-anna", "Fear of conflict", List.of(), 1_795_000_002_000L, null,
              false, true, false, null, false, false, null))));

  private static Event beforeGroups(Event.MeetingStarted e) {
    return new Event.MeetingStarted(e.title(), e.locale(), e.joinCode(), e.chair(), e.agenda(), e.at());
  }

  static Stream<Class<?>> events() {
    return Arrays.stream(Event.class.getPermittedSubclasses());
  }

  static String fileOf(Class<?> type) {
    return RecordCodec.typeName(type) + ".json";
  }

  @ParameterizedTest
  @MethodSource("events")
  void everyEventTypeHasAFixtureThatDecodesIntoTheSameEvent(Class<?> type) throws IOException {
    Path file = GOLDEN.resolve(fileOf(type));
    assertThat(file).as("the golden fixture of %s (write it with -Dgolden.write=true, then commit it)",
        type.getSimpleName()).exists();
    assertThat(decoded(file)).as("%s as stored then, read today", file.getFileName()).isEqualTo(Samples.of(type));
  }

  @Test
  void olderShapesStillDecode() throws IOException {
    for (Map.Entry<String, Event> older : OLDER_SHAPES.entrySet()) {
      assertThat(decoded(GOLDEN.resolve(older.getKey()))).as(older.getKey()).isEqualTo(older.getValue());
    }
  }

  /** Every fixture is one of the above: none forgotten in a rename, none of an event type that is gone. */
  @Test
  void everyFixtureIsChecked() throws IOException {
    List<String> expected = new ArrayList<>(events().map(GoldenEventsTest::fileOf).toList());
    expected.addAll(OLDER_SHAPES.keySet());
    try (Stream<Path> files = Files.list(GOLDEN)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  /** A stored batch's events column is an array of events; each fixture is one such event. */
  private static Event decoded(Path file) throws IOException {
    JsonArray stored = new JsonArray().add(new JsonObject(Files.readString(file, StandardCharsets.UTF_8)));
    List<Event> events = Wire.events(stored);
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  /** Writes the fixture of every event type that has none, as today's code stores it. Never overwrites. */
  @Test
  @EnabledIfSystemProperty(named = "golden.write", matches = "true")
  void writeMissingFixtures() throws IOException {
    Files.createDirectories(GOLDEN);
    for (Class<?> type : events().toList()) {
      Path file = GOLDEN.resolve(fileOf(type));
      if (!Files.exists(file)) {
        String stored = Wire.events(List.of((Event) Samples.of(type))).getJsonObject(0).encode();
        Files.writeString(file, stored + "\n", StandardCharsets.UTF_8);
      }
    }
  }
}
