package nl.intervision.panel.domain;

/**
 * Who sends a command, and the moment and fresh id the server assigned to it. Passing time and
 * ids in keeps {@link Meeting#decide} deterministic, so a log replays to the same state.
 */
public record Envelope(String actorId, long at, String newId) {
  /** The actor of what the server decides on its own, such as pausing the timer when the case-bringer drops out. */
  public static final String SERVER = "server";
}
