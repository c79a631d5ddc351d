package nl.intervision.panel.domain;

/**
 * Who sends a command, and the moment and fresh id the server assigned to it. Passing time and
 * ids in keeps {@link Meeting#decide} deterministic, so a log replays to the same state.
 */
public record Envelope(String actorId, long at, String newId) {}
