package nl.intervision.panel.domain;

/**
 * The phase timer, owned by the server. Running: endsAt is set. Paused: remainingMs is set.
 * Clients count down from endsAt corrected by their offset to the server clock.
 *
 * @param pausedBecause why the server paused it on its own ("case-bringer-offline"), while that still holds;
 *     absent otherwise and in timers stored before it existed
 */
public record Timer(long durationMs, Long endsAt, Long remainingMs, String pausedBecause) {

  public Timer(long durationMs, Long endsAt, Long remainingMs) {
    this(durationMs, endsAt, remainingMs, null);
  }

  public static Timer running(long durationMs, long endsAt) {
    return new Timer(durationMs, endsAt, null);
  }

  public static Timer paused(long durationMs, long remainingMs) {
    return new Timer(durationMs, null, remainingMs);
  }

  /** The same timer, paused by the server for a reason everyone is shown until it no longer holds. */
  Timer because(String reason) {
    return new Timer(durationMs, endsAt, remainingMs, reason);
  }

  public boolean isRunning() {
    return endsAt != null;
  }
}
