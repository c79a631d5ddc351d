package nl.intervision.panel.transport;

/**
 * A token bucket per socket: {@code perSecond} frames a second on average, with bursts up to
 * {@code burst}. A client over budget is misbehaving (a real person clicks a few times a second),
 * so the socket is closed rather than each frame answered.
 */
final class FrameBudget {
  private final double perNano;
  private final double burst;
  private double tokens;
  private long last;

  FrameBudget(int perSecond, int burst, long nowNanos) {
    this.perNano = perSecond / 1e9;
    this.burst = burst;
    this.tokens = burst;
    this.last = nowNanos;
  }

  boolean take(long nowNanos) {
    tokens = Math.min(burst, tokens + (nowNanos - last) * perNano);
    last = nowNanos;
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }
}
