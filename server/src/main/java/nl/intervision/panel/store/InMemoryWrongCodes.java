package nl.intervision.panel.store;

import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Wrong codes for the in-memory mode, which is a single node: the same sliding minute as in PostgreSQL.
 * Only keys of meetings and groups that exist get here (an unknown one is refused before its code is
 * looked at), and a key's old entries go when it gets a new one or at the hourly sweep.
 */
public final class InMemoryWrongCodes implements WrongCodes {
  private static final long WINDOW_MS = WINDOW.toMillis();

  private final LongSupplier clock;
  private final Map<String, ArrayDeque<Long>> tried = new HashMap<>();

  /** @param clock milliseconds */
  public InMemoryWrongCodes(LongSupplier clock) {
    this.clock = clock;
  }

  @Override
  public synchronized Future<Long> secondsToWait(String key, int limit) {
    long now = clock.getAsLong();
    ArrayDeque<Long> times = recent(key, now);
    if (times == null || times.size() < limit) {
      return Future.succeededFuture(0L);
    }
    // Fewer than limit once the limit-th newest has aged out.
    long freedAt = times.stream().skip(times.size() - limit).findFirst().orElseThrow() + WINDOW_MS;
    return Future.succeededFuture(Math.max(1, (freedAt - now + 999) / 1000));
  }

  @Override
  public synchronized Future<Void> record(String key) {
    long now = clock.getAsLong();
    recent(key, now);
    tried.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(now);
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<Integer> forgetOld() {
    long now = clock.getAsLong();
    int forgotten = 0;
    for (var keys = tried.values().iterator(); keys.hasNext(); ) {
      ArrayDeque<Long> times = keys.next();
      forgotten += dropOld(times, now);
      if (times.isEmpty()) {
        keys.remove();
      }
    }
    return Future.succeededFuture(forgotten);
  }

  /** The key's wrong codes within the window, oldest first; null (and forgotten) when there are none. */
  private ArrayDeque<Long> recent(String key, long now) {
    ArrayDeque<Long> times = tried.get(key);
    if (times == null) {
      return null;
    }
    dropOld(times, now);
    if (times.isEmpty()) {
      tried.remove(key);
      return null;
    }
    return times;
  }

  private static int dropOld(ArrayDeque<Long> times, long now) {
    int dropped = 0;
    while (!times.isEmpty() && times.peekFirst() <= now - WINDOW_MS) {
      times.removeFirst();
      dropped++;
    }
    return dropped;
  }
}
