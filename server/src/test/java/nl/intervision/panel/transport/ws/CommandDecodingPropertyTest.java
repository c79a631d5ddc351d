package nl.intervision.panel.transport.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import nl.intervision.panel.domain.Catalogue;
import nl.intervision.panel.domain.Command;
import nl.intervision.panel.domain.Method;
import nl.intervision.panel.protocol.CatalogueJson;
import nl.intervision.panel.protocol.ClientFrame;
import nl.intervision.panel.protocol.CodecException;
import nl.intervision.panel.protocol.RecordCodec;
import nl.intervision.panel.protocol.Wire;
import nl.intervision.panel.support.Inputs;
import nl.intervision.panel.support.Mutations;
import nl.intervision.panel.support.Mutations.Mutated;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A send goes through the same two steps as in {@link Connection}: the frame is parsed, then a
 * catalogue method named by id is looked up. Either step may refuse with a CodecException (an
 * error frame with bad_request); nothing else may escape.
 */
class CommandDecodingPropertyTest {
  static final Catalogue CATALOGUE = CatalogueJson.load();
  static final MethodLookup METHODS = new MethodLookup(CATALOGUE);

  /** Choosing a method every way a client can: a catalogue id, its own method, both, neither. */
  static final List<JsonObject> CHOICES = new ArrayList<>();

  static {
    for (Method method : CATALOGUE.methods()) {
      CHOICES.add(send(new JsonObject().put("type", "chooseMethod").put("methodId", method.id())));
      CHOICES.add(send(Wire.COMMANDS.encode(new Command.ChooseMethod(null, method))));
    }
    Method own = CATALOGUE.methods().get(0);
    CHOICES.add(send(Wire.COMMANDS.encode(new Command.ChooseMethod(own.id(), own))));
    CHOICES.add(send(new JsonObject().put("type", "chooseMethod")));
  }

  static JsonObject send(JsonObject command) {
    return new JsonObject().put("type", "send").put("id", "k-1").put("command", command);
  }

  @Property(tries = 400)
  void aChangedChoiceOfMethodIsACommandOrABadRequest(@ForAll("changedChoice") Mutated changed) {
    decodeAsTheConnectionDoes(changed.text());
  }

  @Property(tries = 400)
  void anyMethodIdIsACommandOrABadRequest(@ForAll("json") String methodId) {
    decodeAsTheConnectionDoes("{\"type\":\"send\",\"id\":\"k-1\",\"command\":{\"type\":\"chooseMethod\",\"methodId\":"
        + methodId + "}}");
  }

  /** @return the command the room would get, or null when the frame, the command or the method was refused */
  static Command decodeAsTheConnectionDoes(String text) {
    try {
      if (!(ClientFrame.parse(text) instanceof ClientFrame.Send send) || send.problem() != null) {
        return null;
      }
      Command command = METHODS.resolve(send.command());
      if (send.command() instanceof Command.ChooseMethod asked && asked.method() == null && asked.methodId() != null) {
        // Only a method the catalogue has gets this far, and then it is that method.
        assertThat(((Command.ChooseMethod) command).method()).isEqualTo(CATALOGUE.method(asked.methodId()).orElseThrow());
      }
      return command;
    } catch (CodecException refused) {
      assertThat(refused.getMessage()).isNotBlank();
      return null;
    }
  }

  @Provide
  Arbitrary<Mutated> changedChoice() {
    return Mutations.of(CHOICES);
  }

  @Provide
  Arbitrary<String> json() {
    List<String> types = new ArrayList<>();
    for (Class<?> c : Command.class.getPermittedSubclasses()) {
      types.add(RecordCodec.typeName(c));
    }
    CATALOGUE.methods().forEach(m -> types.add(m.id()));
    return Inputs.jsonText(types);
  }
}
