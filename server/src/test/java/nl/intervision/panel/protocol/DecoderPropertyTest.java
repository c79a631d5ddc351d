package nl.intervision.panel.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import nl.intervision.panel.domain.Command;
import nl.intervision.panel.domain.Event;
import nl.intervision.panel.support.Inputs;
import nl.intervision.panel.support.Mutations;
import nl.intervision.panel.support.Mutations.Mutated;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a client sends, the decoders either understand it or refuse it with a CodecException,
 * which the socket answers with a documented error or close code. Any other exception would reach
 * the connection as an unexpected failure.
 */
class DecoderPropertyTest {

  static final List<String> TYPES = new ArrayList<>();

  static {
    TYPES.addAll(List.of("hello", "send", "ping"));
    for (Class<?> c : Command.class.getPermittedSubclasses()) {
      TYPES.add(RecordCodec.typeName(c));
    }
    for (Class<?> c : Event.class.getPermittedSubclasses()) {
      TYPES.add(RecordCodec.typeName(c));
    }
  }

  /** Every command as a valid send frame, with every field filled, and the other two frame types. */
  static final List<JsonObject> VALID_FRAMES = new ArrayList<>();
  static final List<JsonObject> VALID_EVENTS = new ArrayList<>();

  static {
    for (Class<?> c : Command.class.getPermittedSubclasses()) {
      VALID_FRAMES.add(new JsonObject().put("type", "send").put("id", "k3f9-17")
          .put("command", Wire.COMMANDS.encode((Command) Samples.of(c))));
    }
    VALID_FRAMES.add(new JsonObject().put("type", "hello").put("token", "eyJhbGciOiJIUzI1NiJ9.e30.x").put("since", 41));
    VALID_FRAMES.add(new JsonObject().put("type", "ping"));
    for (Class<?> c : Event.class.getPermittedSubclasses()) {
      VALID_EVENTS.add(Wire.EVENTS.encode((Event) Samples.of(c)));
    }
  }

  @Property(tries = 1000)
  void anyTextIsAFrameOrRefused(@ForAll("anyString") String text) {
    decodesOrRefuses(() -> ClientFrame.parse(text));
  }

  @Property(tries = 600)
  void anyJsonIsAFrameOrRefused(@ForAll("json") String json) {
    decodesOrRefuses(() -> ClientFrame.parse(json));
  }

  @Property(tries = 600)
  void anyJsonAsTheCommandOfASendIsACommandOrAProblem(@ForAll("json") String command) {
    ClientFrame frame = decodesOrRefuses(() -> ClientFrame.parse("{\"type\":\"send\",\"id\":\"k-1\",\"command\":" + command + "}"));
    if (frame instanceof ClientFrame.Send send) {
      assertThat(send.command() == null).as("a send has a command or a problem, not both").isNotEqualTo(send.problem() == null);
    }
  }

  @Property(tries = 1000)
  void aValidFrameChangedByAClientIsAFrameOrRefused(@ForAll("changedFrame") Mutated changed) {
    String text = changed.text();
    ClientFrame frame = decodesOrRefuses(() -> ClientFrame.parse(text));
    if (frame instanceof ClientFrame.Send send && send.command() != null) {
      // What the decoder accepted, the encoder writes so that it decodes to the same command again.
      String again = Wire.COMMANDS.encode(send.command()).encode();
      assertThat(Wire.COMMANDS.decode(new JsonObject(again))).isEqualTo(send.command());
    }
  }

  @Property(tries = 600)
  void aStoredEventChangedOnTheWayIsAnEventOrRefused(@ForAll("changedEvent") Mutated changed) {
    String text = changed.text();
    decodesOrRefuses(() -> Wire.EVENTS.decode(new JsonObject(text)));
    decodesOrRefuses(() -> Wire.events(new JsonArray("[" + text + "]")));
  }

  @Property(tries = 400)
  void aBatchOfAnyJsonIsEventsOrRefused(@ForAll("json") String json) {
    decodesOrRefuses(() -> Wire.events(new JsonArray("[" + json + "]")));
  }

  // The counterexamples the properties found, kept as examples so they stay fixed whatever the seed.

  @Example
  void aNullInAListIsAProblemOfTheCommand() {
    ClientFrame frame = ClientFrame.parse("{\"type\":\"send\",\"id\":\"k-1\",\"command\":{\"type\":\"reorderSpeakers\",\"queue\":[null]}}");
    assertThat(frame).isEqualTo(new ClientFrame.Send("k-1", null, "queue[0] must not be null"));
  }

  @Example
  void aBatchHoldingSomethingOtherThanEventsIsRefused() {
    for (String batch : List.of("[null]", "[1]", "[[]]")) {
      assertThatThrownBy(() -> Wire.events(new JsonArray(batch)))
          .isInstanceOf(CodecException.class).hasMessage("events[0] must be an object");
    }
  }

  @Example
  void aSendIdThatCannotBeStoredIsRefused() {
    for (String id : List.of("a\\u0000a", "a\\ud800")) {
      assertThatThrownBy(() -> ClientFrame.parse("{\"type\":\"send\",\"id\":\"" + id + "\",\"command\":{\"type\":\"raiseHand\"}}"))
          .isInstanceOf(CodecException.class);
    }
    assertThat(ClientFrame.parse("{\"type\":\"send\",\"id\":\"\\ud83d\\ude00\",\"command\":{\"type\":\"raiseHand\"}}"))
        .isEqualTo(new ClientFrame.Send("\ud83d\ude00", new nl.intervision.panel.domain.Command.RaiseHand(), null));
  }

  /** Returns what the decoder returned, or null when it refused with a CodecException. */
  static <T> T decodesOrRefuses(Supplier<T> decode) {
    try {
      return decode.get();
    } catch (CodecException refused) {
      assertThat(refused.getMessage()).as("a refusal says why").isNotBlank();
      return null;
    }
  }

  @Provide
  Arbitrary<String> anyString() {
    return Inputs.anyString();
  }

  @Provide
  Arbitrary<String> json() {
    return Inputs.jsonText(TYPES);
  }

  @Provide
  Arbitrary<Mutated> changedFrame() {
    return Mutations.of(VALID_FRAMES);
  }

  @Provide
  Arbitrary<Mutated> changedEvent() {
    return Mutations.of(VALID_EVENTS);
  }
}
