package nl.intervision.panel.protocol;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import nl.intervision.panel.domain.Command;
import nl.intervision.panel.domain.Event;

/**
 * The codecs for commands and events. The event store keeps events whole ({@link #events(List)});
 * frames carry them as notices ({@link #notices(List)}).
 */
public final class Wire {
  private Wire() {}

  public static final RecordCodec<Command> COMMANDS = new RecordCodec<>(Command.class);
  public static final RecordCodec<Event> EVENTS = new RecordCodec<>(Event.class);

  /** Commands that open or enter a meeting come from the REST API, and some only from the server itself. */
  private static final Set<String> NOT_FROM_SOCKET = Set.of(
      RecordCodec.typeName(Command.StartMeeting.class), RecordCodec.typeName(Command.JoinMeeting.class),
      RecordCodec.typeName(Command.ParticipantWentOffline.class), RecordCodec.typeName(Command.ChairTimedOut.class),
      RecordCodec.typeName(Command.OrganiserArrived.class), RecordCodec.typeName(Command.ParticipantCameOnline.class),
      RecordCodec.typeName(Command.EraseMeeting.class), RecordCodec.typeName(Command.CaseBringerArrived.class));

  /** @throws CodecException when the command is unknown or not well formed */
  public static Command memberCommand(JsonObject json) {
    Object type = json.getValue("type");
    if (type instanceof String name && NOT_FROM_SOCKET.contains(name)) {
      throw new CodecException("unknown command type '" + name + "'");
    }
    return COMMANDS.decode(json);
  }

  /** The stored form of events: every field, so a batch read back replays to the same state. */
  public static JsonArray events(List<Event> events) {
    JsonArray array = new JsonArray(new java.util.ArrayList<>(events.size()));
    for (Event event : events) {
      array.add(EVENTS.encode(event));
    }
    return array;
  }

  /**
   * The events as frames carry them (docs/PROTOCOL.md 6): notices of what happened, with ids. What the
   * frame's {@code changes} already carries (a card's content, the speaking order, a method) is left out,
   * so a frame does not hold it twice. Filter the events with {@code Visibility} first: this only encodes.
   */
  public static JsonArray notices(List<Event> events) {
    JsonArray array = new JsonArray(new java.util.ArrayList<>(events.size()));
    for (Event event : events) {
      array.add(notice(event));
    }
    return array;
  }

  /** One event as a notice; events without a result that {@code changes} carries are encoded whole. */
  public static JsonObject notice(Event event) {
    return switch (event) {
      case Event.CardAdded e -> with(with(with(head(e), "cardId", e.card().id()), "kind", e.card().kind()),
          "phaseId", e.card().phaseId());
      case Event.CardEdited e -> {
        JsonObject json = with(head(e), "cardId", e.cardId()).put("at", e.at());
        yield Boolean.TRUE.equals(e.hidden()) ? json.put("hidden", true) : json;
      }
      case Event.CardsRevealed e -> {
        JsonArray ids = new JsonArray(new java.util.ArrayList<>(e.cards().size()));
        e.cards().forEach(card -> ids.add(card.id()));
        yield with(head(e), "phaseId", e.phaseId()).put("cardIds", ids);
      }
      case Event.SpeakingChanged e ->
          with(with(head(e), "change", RecordCodec.wireName(e.change())), "participantId", e.participantId());
      case Event.ParticipantRemoved e -> with(head(e), "participantId", e.participantId());
      case Event.MethodChosen e -> with(head(e), "methodId", e.method().id());
      // Who wrote a hidden card stays the server's: an anonymous one's chair never learns it.
      case Event.CardDeleted e -> with(head(e), "cardId", e.cardId());
      default -> EVENTS.encode(event);
    };
  }

  private static JsonObject head(Event event) {
    return new JsonObject().put("type", EVENTS.nameOf(event));
  }

  /** Leaves out a field without a value, as the stored form does. */
  private static JsonObject with(JsonObject json, String field, Object value) {
    return value == null ? json : json.put(field, value);
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
