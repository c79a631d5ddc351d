package nl.intervision.panel.store;

import io.vertx.core.Future;
import java.util.List;
import nl.intervision.panel.domain.Recorded;

/**
 * The durable history of every meeting. A successful append means the batch is stored for good
 * (for PostgreSQL: committed); only then does the server acknowledge the command.
 */
public interface EventLog {

  /** Read at most this many batches in one go; a longer history is read in pages. */
  int PAGE = 1000;

  /**
   * Stores one batch at its sequence number.
   *
   * @return fails with {@link ConcurrentAppend} when that sequence number is taken (another node
   *     wrote first), or with {@link StoreUnavailable} when the store cannot be reached
   */
  Future<Void> append(String meetingId, Recorded batch);

  /** The batches after {@code afterSeq}, in order, at most {@code limit}; empty for an unknown meeting. */
  Future<List<Recorded>> read(String meetingId, long afterSeq, int limit);

  /**
   * Erases a meeting's content now. The last batch (the meeting's end) stays as a marker, so a
   * node that still has the meeting open learns it ended instead of writing after a gap.
   */
  Future<Void> erase(String meetingId);

  /** Erases every meeting whose last change is older than the cutoff (epoch ms); returns how many. */
  Future<Integer> eraseIdleSince(long cutoffMs);

  /** Tells the listener when another server node appended to a meeting, where the store can know. */
  default void onAppendedElsewhere(AppendListener listener) {
  }

  /**
   * A cheap round trip to the store, for the readiness probe: succeeds when it answers now. The caller
   * sets the deadline; a store that hangs must not hang the probe.
   */
  Future<Void> ping();

  Future<Void> close();

  /** @see #onAppendedElsewhere */
  interface AppendListener {
    /**
     * @param meetingId the meeting, or null once listening (again) began: notifications may have been
     *     missed before, so every meeting should catch up
     * @param batch the batch at {@code seq} when the notice carried it, so that no read is needed; null
     *     when it did not (too large for a notice): read the log
     */
    void appended(String meetingId, long seq, Recorded batch);
  }
}
