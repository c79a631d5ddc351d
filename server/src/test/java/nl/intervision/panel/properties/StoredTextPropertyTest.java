package nl.intervision.panel.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.intervision.panel.domain.Command;
import nl.intervision.panel.domain.Event;
import nl.intervision.panel.domain.Language;
import nl.intervision.panel.domain.Limits;
import nl.intervision.panel.domain.Recorded;
import nl.intervision.panel.domain.Rejected;
import nl.intervision.panel.domain.Role;
import nl.intervision.panel.protocol.ClientFrame;
import nl.intervision.panel.protocol.CodecException;
import nl.intervision.panel.room.Room;
import nl.intervision.panel.room.Rooms;
import nl.intervision.panel.store.EventLog;
import nl.intervision.panel.store.PgEventLog;
import nl.intervision.panel.support.Inputs;
import nl.intervision.panel.support.TestDatabase;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Text people type comes back from PostgreSQL exactly as it was sent (after the documented trim),
 * whatever it holds: quotes, semicolons, comments, backslashes, dollar quotes, emoji, combining
 * marks, right-to-left text, line breaks. What PostgreSQL cannot store (NUL, an unpaired
 * surrogate) is refused up front with bad_request, never accepted and then lost or failed as
 * "unavailable".
 */
class StoredTextPropertyTest {
  static TestDatabase database;
  static Vertx vertx;
  static RoomRun.Loop loop;
  static PgEventLog log;
  static Rooms rooms;

  @BeforeContainer
  static void open() {
    database = new TestDatabase();
    vertx = Vertx.vertx();
    Context context = vertx.getOrCreateContext();
    loop = RoomRun.Loop.on(context);
    log = loop.run(() -> Future.succeededFuture(new PgEventLog(vertx, database.options(), 4)));
    rooms = loop.run(() -> Future.succeededFuture(RoomRun.rooms(log)));
  }

  @AfterContainer
  static void close() throws Exception {
    try {
      if (log != null) {
        loop.run(log::close);
      }
      if (vertx != null) {
        vertx.close().toCompletionStage().toCompletableFuture().get();
      }
    } finally {
      database.close();
    }
  }

  @Property(tries = 40)
  void whatPeopleTypeIsStoredByteForByteOrRefusedUpFront(
      @ForAll("text") String title, @ForAll("text") String chairName, @ForAll("text") String name,
      @ForAll("text") String card, @ForAll("text") String edit, @ForAll("text") String commandId) {
    String meetingId = "m-" + UUID.randomUUID();
    Room room = loop.run(() -> Future.succeededFuture(rooms.create(meetingId)));
    List<String> expected = new ArrayList<>();

    String startedTitle = expect(submit(room, Step.CHAIR, null, new Command.StartMeeting(title, chairName, Language.NL,
        Step.JOIN_CODE, RoomRun.CATALOGUE.agenda(RoomRun.CATALOGUE.methods().get(0)))), title, Limits.TITLE,
        chairName, Limits.NAME);
    if (startedTitle == null) {
      submit(room, Step.CHAIR, null, new Command.StartMeeting("Team", "Chris", Language.NL, Step.JOIN_CODE,
          RoomRun.CATALOGUE.agenda(RoomRun.CATALOGUE.methods().get(0)))).orElseThrow();
      expected.add("Team");
      expected.add("Chris");
    } else {
      expected.add(title.strip());
      expected.add(chairName.strip());
    }

    // sameName: a random name may be the chair's; this property is about storing text, not about names.
    if (expect(submit(room, "p-anna", null, new Command.JoinMeeting(Step.JOIN_CODE, name, Role.PARTICIPANT, true)),
        name, Limits.NAME) == null) {
      submit(room, "p-anna", null, new Command.JoinMeeting(Step.JOIN_CODE, "Anna", Role.PARTICIPANT, true)).orElseThrow();
      expected.add("Anna");
    } else {
      expected.add(name.strip());
    }

    // The look-back phase collects look-back notes.
    submit(room, Step.CHAIR, null, new Command.AdvancePhase(0)).orElseThrow();
    String id = sendId(commandId);
    if (expect(submit(room, "p-anna", id, new Command.AddCard(card, null, null)), card, Limits.CARD_TEXT) != null) {
      expected.add(card.strip());
      String cardId = room.state().cards().get(0).id();
      if (expect(submit(room, "p-anna", "edit", new Command.EditCard(cardId, edit)), edit, Limits.CARD_TEXT) != null
          && !edit.strip().equals(card.strip())) {
        expected.add(edit.strip());
      }
    }

    List<Recorded> read = loop.run(() -> log.read(meetingId, 0, EventLog.PAGE));
    List<String> stored = new ArrayList<>();
    for (Recorded batch : read) {
      for (Event event : batch.events()) {
        switch (event) {
          case Event.MeetingStarted e -> {
            stored.add(e.title());
            stored.add(e.chair().name());
          }
          case Event.ParticipantJoined e -> stored.add(e.participant().name());
          case Event.CardAdded e -> {
            stored.add(e.card().text());
            assertThat(utf8(batch.commandId())).as("command id").isEqualTo(utf8(id));
          }
          case Event.CardEdited e -> stored.add(e.text());
          default -> { }
        }
      }
    }
    assertThat(stored).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(utf8(stored.get(i))).as("stored text %d: %s", i, Inputs.visible(expected.get(i)))
          .isEqualTo(utf8(expected.get(i)));
      assertThat(stored.get(i)).isEqualTo(expected.get(i));
    }
  }

  /** The id as ClientFrame lets it through, or a plain one when the socket would have refused the frame. */
  static String sendId(String wanted) {
    try {
      ClientFrame frame = ClientFrame.parse("{\"type\":\"send\",\"id\":" + Inputs.quote(wanted)
          + ",\"command\":{\"type\":\"ping\"}}");
      return ((ClientFrame.Send) frame).id();
    } catch (CodecException refused) {
      return "plain-id";
    }
  }

  /** Whether these texts could be accepted by the rules of docs/PROTOCOL.md; checks the outcome agrees. */
  static String expect(Outcome outcome, Object... textsAndLimits) {
    Rejected.Reason expected = null;
    for (int i = 0; i < textsAndLimits.length && expected == null; i += 2) {
      String text = (String) textsAndLimits[i];
      int limit = (Integer) textsAndLimits[i + 1];
      if (text.isBlank() || !Inputs.storable(text)) {
        expected = Rejected.Reason.BAD_REQUEST;
      } else if (text.strip().codePointCount(0, text.strip().length()) > limit) {
        expected = Rejected.Reason.TOO_LARGE;
      }
    }
    if (expected == null) {
      assertThat(outcome.failure()).as("accepted").isNull();
      return "stored";
    }
    assertThat(outcome.failure()).as("refused").isInstanceOf(Rejected.class);
    assertThat(((Rejected) outcome.failure()).reason()).isEqualTo(expected);
    return null;
  }

  record Outcome(Long seq, Throwable failure) {
    long orElseThrow() {
      if (failure != null) {
        throw new AssertionError(failure);
      }
      return seq;
    }
  }

  static Outcome submit(Room room, String actor, String commandId, Command command) {
    return loop.run(() -> room.submit(actor, commandId, command)
        .transform(done -> Future.succeededFuture(new Outcome(done.result(), done.cause()))));
  }

  static List<Integer> utf8(String s) {
    List<Integer> bytes = new ArrayList<>();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      bytes.add(b & 0xff);
    }
    return bytes;
  }

  @Provide
  Arbitrary<String> text() {
    return Inputs.anyText();
  }
}
