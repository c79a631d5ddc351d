package nl.intervision.panel.transport.ws;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.LongSupplier;
import nl.intervision.panel.domain.Event;
import nl.intervision.panel.domain.MeetingState;
import nl.intervision.panel.domain.Participant;
import nl.intervision.panel.domain.Recorded;
import nl.intervision.panel.domain.Touched;
import nl.intervision.panel.domain.Visibility;
import nl.intervision.panel.protocol.ChangesJson;
import nl.intervision.panel.protocol.ServerFrames;

/**
 * Encodes each batch once for every member it looks the same to. A room delivers a batch to all
 * its members one after another, so remembering the last shared encoding is enough.
 */
public final class AppliedFrames {
  private final LongSupplier clock;
  private Recorded lastBatch;
  private String lastShared;
  private EncodedText lastEncoded;

  public AppliedFrames(LongSupplier clock) {
    this.clock = clock;
  }

  /** As {@link #frameFor}, as bytes: one encoding for every member the batch looks the same to. */
  EncodedText encodedFor(Recorded batch, Touched touched, Participant recipient, MeetingState after) {
    String text = frameFor(batch, touched, recipient, after);
    if (text != lastShared) {
      return new EncodedText(text);
    }
    if (lastEncoded == null) {
      lastEncoded = new EncodedText(text);
    }
    return lastEncoded;
  }

  /**
   * @param recipient the recipient's record in {@code after}, or their last one when this batch removed them
   */
  public String frameFor(Recorded batch, Touched touched, Participant recipient, MeetingState after) {
    if (batch != lastBatch) {
      // Once per batch, not once per member: whether it looks the same to all, and if so its encoding.
      lastBatch = batch;
      lastShared = null;
      lastEncoded = null;
      if (Visibility.sameForEveryone(batch.events(), after) && Visibility.sameForEveryone(touched, after)) {
        JsonObject changes = ChangesJson.shared(touched, after);
        if (changes != null) {
          lastShared = ServerFrames.applied(batch.seq(), batch.events(), changes, clock.getAsLong());
        }
      }
    }
    if (lastShared != null) {
      return lastShared;
    }
    List<Event> visible = Visibility.eventsFor(batch.events(), recipient, after);
    return ServerFrames.applied(batch.seq(), visible, ChangesJson.forRecipient(touched, after, recipient),
        clock.getAsLong());
  }
}
