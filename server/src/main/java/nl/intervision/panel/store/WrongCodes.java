package nl.intervision.panel.store;

import io.vertx.core.Future;
import java.time.Duration;

/**
 * Wrong join codes per meeting or group, counted over a sliding minute and shared by every node that
 * uses the same store, so that the per-meeting limit does not multiply with the number of nodes. The
 * key is a meeting id or a group id; neither the code nor the address is kept.
 */
public interface WrongCodes {
  /** Only wrong codes tried within this long before now count. */
  Duration WINDOW = Duration.ofMinutes(1);

  /**
   * @param limit how many wrong codes the key may take within {@link #WINDOW}; at least 1
   * @return 0 when fewer than {@code limit} were tried within the window, else the whole seconds (at
   *     least 1) until fewer will have been
   */
  Future<Long> secondsToWait(String key, int limit);

  /** A wrong code was tried for this key now. */
  Future<Void> record(String key);

  /** Forgets what no longer counts; the retention sweep calls it. @return the wrong codes forgotten */
  Future<Integer> forgetOld();
}
