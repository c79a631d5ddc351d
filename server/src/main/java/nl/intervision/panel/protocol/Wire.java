package nl.intervision.panel.protocol;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import nl.intervision.panel.domain.Command;
import nl.intervision.panel.domain.Event;

/** The codecs for commands and events, shared by the socket protocol and the event store. */
public final class Wire {
  private Wire() {}

  public static final RecordCodec<Command> COMMANDS = new RecordCodec<>(Command.class);
  public static final RecordCodec<Event> EVENTS = new RecordCodec<>(Event.class);

  /** Commands that open or enter a meeting come from the REST API, and some only from the server itself. */
  private static final Set<String> NOT_FROM_SOCKET = Set.of(
      RecordCodec.typeName(Command.StartMeeting.class), RecordCodec.typeName(Command.JoinMeeting.class),
      RecordCodec.typeName(Command.ParticipantWentOffline.class), RecordCodec.typeName(Command.ChairTimedOut.class),
      RecordCodec.typeName(Command.OrganiserArrived.class));

  /** @throws CodecException when the command is unknown or not well formed */
  public static Command memberCommand(JsonObject json) {
    Object type = json.getValue("type");
    if (type instanceof String name && NOT_FROM_SOCKET.contains(name)) {
      throw new CodecException("unknown command type '" + name + "'");
    }
    return COMMANDS.decode(json);
  }

  public static JsonArray events(List<Event> events) {
    JsonArray array = new JsonArray(new java.util.ArrayList<>(events.size()));
    for (Event event : events) {
      array.add(EVENTS.encode(event));
    }
    return array;
  }

  /** @throws CodecException when an element is not an event: a stored batch that cannot be read says so plainly */
  public static List<Event> events(JsonArray array) {
    Event[] events = new Event[array.size()];
    for (int i = 0; i < events.length; i++) {
      if (!(array.getValue(i) instanceof JsonObject event)) {
        throw new CodecException("events[" + i + "] must be an object");
      }
      events[i] = EVENTS.decode(event);
    }
    return List.of(events);
  }
}
