package nl.intervision.panel.domain;

import java.util.Set;

/**
 * Who sends a command, and the moment and fresh id the server assigned to it. Passing time and
 * ids in keeps {@link Meeting#decide} deterministic, so a log replays to the same state.
 *
 * @param online who is connected (to this node) as the command is decided, so a round can skip who is not
 *     there; null when not known, and then everyone counts as present. Decisions only read it while deciding
 */
public record Envelope(String actorId, long at, String newId, Set<String> online) {

  public Envelope(String actorId, long at, String newId) {
    this(actorId, at, newId, null);
  }

  /** Whether this participant is known to be connected; without knowledge of presence, yes. */
  public boolean present(String participantId) {
    return online == null || online.contains(participantId);
  }

  /** The actor of what the server decides on its own, such as pausing the timer when the case-bringer drops out. */
  public static final String SERVER = "server";
}
