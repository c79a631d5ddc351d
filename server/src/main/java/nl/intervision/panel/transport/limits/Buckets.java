package nl.intervision.panel.transport.limits;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets by key (an address, a meeting) for limits that must hold against someone who makes
 * keys up: at most {@code capacity} buckets are kept, and the one used longest ago goes first, so
 * memory stays bounded however many addresses an attacker has. A bucket that goes comes back full;
 * a key being limited therefore stays limited unless {@code capacity} other keys turn up in the time
 * its bucket would have refilled anyway. Confined to one event loop.
 */
final class Buckets {
  private final double perSecond;
  private final int burst;
  private final Map<String, TokenBucket> buckets;

  Buckets(double perSecond, int burst, int capacity) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.buckets = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, TokenBucket> eldest) {
        return size() > capacity;
      }
    };
  }

  /** @return 0 when a token was taken for {@code key}, else the nanoseconds until there is one */
  long take(String key, long nowNanos) {
    TokenBucket bucket = buckets.computeIfAbsent(key, k -> new TokenBucket(perSecond, burst, nowNanos));
    return bucket.take(nowNanos) ? 0 : Math.max(1, bucket.nanosUntilToken(nowNanos));
  }

  /** @return 0 when {@link #take} would succeed for {@code key} now, else the nanoseconds until it would */
  long nanosUntilToken(String key, long nowNanos) {
    TokenBucket bucket = buckets.get(key);
    return bucket == null ? 0 : bucket.nanosUntilToken(nowNanos);
  }

  int size() {
    return buckets.size();
  }
}
