package nl.intervision.panel.transport.ws;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import nl.intervision.panel.domain.Participant;
import nl.intervision.panel.domain.Recorded;
import nl.intervision.panel.domain.Visibility;
import nl.intervision.panel.protocol.ChangesJson;
import nl.intervision.panel.protocol.ServerFrames;
import nl.intervision.panel.protocol.StateJson;
import nl.intervision.panel.room.Welcome;

/** The {@code welcome} frame for one person (docs/PROTOCOL.md 4.4): the whole state, or what changed since their {@code since}. */
public final class WelcomeFrame {
  private WelcomeFrame() {}

  /**
   * @param me the person, as the welcome's state has them
   * @param since whether their hello had {@code since}
   * @param full whether their hello asked for the whole state regardless
   */
  public static JsonObject build(Welcome welcome, Participant me, Set<String> online, boolean since, boolean full,
      long serverTime) {
    // Only changes when the client has the state at since and the room still knows what changed since then.
    boolean changesOnly = since && !full && !welcome.resync() && welcome.touched() != null;
    JsonObject frame = ServerFrames.welcome(me, welcome.seq(),
        changesOnly ? null : StateJson.encode(Visibility.stateFor(welcome.state(), me), online, me), serverTime);
    if (welcome.resync()) {
      frame.put("resync", true);
    } else if (since) {
      JsonArray missed = new JsonArray();
      for (Recorded batch : welcome.missed()) {
        missed.add(ServerFrames.missed(batch.seq(), Visibility.eventsFor(batch.events(), me, welcome.state())));
      }
      frame.put("missed", missed);
    }
    if (changesOnly) {
      frame.put("changes", ChangesJson.forRecipient(welcome.touched(), welcome.state(), me));
      // The presence frames sent while this client was away are not replayed: who is online now.
      JsonArray connected = new JsonArray();
      for (Participant p : welcome.state().participants()) {
        if (online.contains(p.id())) {
          connected.add(p.id());
        }
      }
      frame.put("online", connected);
    }
    return frame;
  }
}
