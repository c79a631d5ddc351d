package nl.intervision.panel.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import nl.intervision.panel.domain.Command;
import nl.intervision.panel.domain.Event;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class WireTest {

  static Class<?>[] commands() {
    return Command.class.getPermittedSubclasses();
  }

  static Class<?>[] events() {
    return Event.class.getPermittedSubclasses();
  }

  @ParameterizedTest
  @MethodSource("commands")
  void everyCommandSurvivesTheWire(Class<?> type) {
    Command command = (Command) Samples.of(type);
    String text = Wire.COMMANDS.encode(command).encode();
    assertThat(Wire.COMMANDS.decode(new JsonObject(text))).isEqualTo(command);
  }

  @ParameterizedTest
  @MethodSource("events")
  void everyEventSurvivesTheWireAndTheStore(Class<?> type) {
    Event event = (Event) Samples.of(type);
    String text = Wire.EVENTS.encode(event).encode();
    assertThat(Wire.EVENTS.decode(new JsonObject(text))).isEqualTo(event);
  }

  @Test
  void wireNamesAreTheDomainsNames() {
    JsonObject json = Wire.COMMANDS.encode(new Command.AdvancePhase(2));
    assertThat(json.encode()).isEqualTo("{\"type\":\"advancePhase\",\"fromPhase\":2}");
  }

  @Test
  void aMissingRequiredNumberIsNamed() {
    assertThatThrownBy(() -> Wire.memberCommand(new JsonObject().put("type", "advancePhase")))
        .isInstanceOf(CodecException.class).hasMessage("fromPhase is required");
  }

  @Test
  void aWrongTypeIsNamed() {
    assertThatThrownBy(() -> Wire.memberCommand(new JsonObject().put("type", "startTimer").put("seconds", "60")))
        .isInstanceOf(CodecException.class).hasMessage("seconds must be a whole number");
    assertThatThrownBy(() -> Wire.memberCommand(new JsonObject().put("type", "startTimer").put("seconds", 1.5)))
        .isInstanceOf(CodecException.class).hasMessage("seconds must be a whole number");
  }

  @Test
  void aSocketCannotStartOrJoinAMeeting() {
    assertThatThrownBy(() -> Wire.memberCommand(new JsonObject().put("type", "joinMeeting").put("joinCode", "X")))
        .isInstanceOf(CodecException.class).hasMessageContaining("unknown command type 'joinMeeting'");
  }

  @Test
  void framesThatAreNotJsonObjectsAreMalformed() {
    for (String text : new String[] {"", "nonsense", "[1,2]", "42", "{\"type\":\"dance\"}", "{}", "{\"type\":\"hello\"}",
        "{\"type\":\"send\",\"command\":{}}", "{\"type\":\"hello\",\"token\":\"t\",\"since\":\"3\"}",
        "{\"type\":\"hello\",\"token\":\"t\",\"since\":3,\"full\":\"yes\"}"}) {
      assertThatThrownBy(() -> ClientFrame.parse(text)).as(text).isInstanceOf(CodecException.class);
    }
  }

  @Test
  void aHelloMayAskForTheWholeStateWithItsSince() {
    assertThat(ClientFrame.parse("{\"type\":\"hello\",\"token\":\"t\",\"since\":3,\"full\":true}"))
        .isEqualTo(new ClientFrame.Hello("t", 3L, true));
    assertThat(ClientFrame.parse("{\"type\":\"hello\",\"token\":\"t\",\"since\":3}"))
        .isEqualTo(new ClientFrame.Hello("t", 3L, false));
  }

  @Test
  void aSendWithABadCommandKeepsItsIdSoTheErrorCanSayWhich() {
    ClientFrame frame = ClientFrame.parse("{\"type\":\"send\",\"id\":\"c-1\",\"command\":{\"type\":\"fly\"}}");
    assertThat(frame).isEqualTo(new ClientFrame.Send("c-1", null, "unknown type 'fly'"));
  }

  /** Cards were stored before an action point could be done: they still read, as not done. */
  @Test
  void aCardStoredBeforeActionPointsCouldBeDoneReadsAsNotDone() {
    JsonObject stored = new JsonObject("""
        {"type":"cardAdded","card":{"id":"c1","kind":"action-point","phaseId":"actions","authorId":"p1",
         "text":"Call Kim","voters":[],"createdAt":5,"hidden":false,"anonymous":false,"authorRevealed":false,
         "key":false,"answered":false,"ownerId":"p2"}}""");
    Event.CardAdded added = (Event.CardAdded) Wire.EVENTS.decode(stored);
    assertThat(added.card().isDone()).isFalse();
    assertThat(added.card().ownerId()).isEqualTo("p2");
    assertThat(Wire.EVENTS.encode(added).getJsonObject("card").containsKey("done")).as("not done is left out").isFalse();
  }
}
