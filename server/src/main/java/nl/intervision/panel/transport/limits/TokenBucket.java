package nl.intervision.panel.transport.limits;

/**
 * A token bucket: {@code perSecond} tokens a second on average, with bursts up to {@code burst}; it
 * starts full. Each socket has one for its frames (a client over budget is misbehaving: a real person
 * clicks a few times a second, so the socket is closed rather than each frame answered), and
 * {@link Buckets} keeps them per address and per meeting for the other limits.
 */
public final class TokenBucket {
  private final double perNano;
  private final double burst;
  private double tokens;
  private long last;

  public TokenBucket(double perSecond, int burst, long nowNanos) {
    this.perNano = perSecond / 1e9;
    this.burst = burst;
    this.tokens = burst;
    this.last = nowNanos;
  }

  public boolean take(long nowNanos) {
    refill(nowNanos);
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }

  /** How long until {@link #take} would succeed: 0 if it would now. */
  long nanosUntilToken(long nowNanos) {
    refill(nowNanos);
    return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perNano);
  }

  private void refill(long nowNanos) {
    tokens = Math.min(burst, tokens + (nowNanos - last) * perNano);
    last = nowNanos;
  }
}
