package nl.intervision.panel.domain;

/**
 * The phase timer, owned by the server. Running: endsAt is set. Paused: remainingMs is set.
 * Clients count down from endsAt corrected by their offset to the server clock.
 */
public record Timer(long durationMs, Long endsAt, Long remainingMs) {

  public static Timer running(long durationMs, long endsAt) {
    return new Timer(durationMs, endsAt, null);
  }

  public static Timer paused(long durationMs, long remainingMs) {
    return new Timer(durationMs, null, remainingMs);
  }

  public boolean isRunning() {
    return endsAt != null;
  }
}
