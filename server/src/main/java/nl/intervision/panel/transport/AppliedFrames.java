package nl.intervision.panel.transport;

import java.util.List;
import java.util.function.LongSupplier;
import nl.intervision.panel.domain.Event;
import nl.intervision.panel.domain.MeetingState;
import nl.intervision.panel.domain.Participant;
import nl.intervision.panel.domain.Recorded;
import nl.intervision.panel.domain.Visibility;
import nl.intervision.panel.protocol.ServerFrames;

/**
 * Encodes each batch once for every member it looks the same to. A room delivers a batch to all
 * its members one after another, so remembering the last shared encoding is enough.
 */
final class AppliedFrames {
  private final LongSupplier clock;
  private Recorded lastBatch;
  private String lastShared;

  AppliedFrames(LongSupplier clock) {
    this.clock = clock;
  }

  String frameFor(Recorded batch, Participant recipient, MeetingState after) {
    if (batch != lastBatch) {
      // Once per batch, not once per member: whether it looks the same to all, and if so its encoding.
      lastBatch = batch;
      lastShared = Visibility.sameForEveryone(batch.events(), after)
          ? ServerFrames.applied(batch.seq(), batch.events(), clock.getAsLong())
          : null;
    }
    if (lastShared != null) {
      return lastShared;
    }
    List<Event> visible = Visibility.eventsFor(batch.events(), recipient, after);
    return ServerFrames.applied(batch.seq(), visible, clock.getAsLong());
  }
}
