package nl.intervision.panel.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Where intervision groups are kept: one state document per group with a version, replaced whole.
 * Whoever changes a group reads it, decides, and saves against the version it read; when another
 * node saved in between, the save fails with {@link ConcurrentChange} and the change is decided
 * again on the newer state. So two nodes serve one group without telling each other anything.
 */
public interface GroupStore {

  /** A group's state as last saved, and the version to save the next change against. */
  record Stored(long version, JsonObject state) {}

  /** @return the group, or null when there is none (never created, or erased) */
  Future<Stored> load(String groupId);

  /**
   * Saves the group's new state.
   *
   * @param expectedVersion the version that was read; 0 creates the group
   * @return the new version; fails with {@link ConcurrentChange} when the group is no longer at
   *     {@code expectedVersion} (or already exists, for 0), with {@link StoreUnavailable} when the store
   *     cannot be reached
   */
  Future<Long> save(String groupId, long expectedVersion, JsonObject state);

  /**
   * The groups in which a member linked this platform sign-in ({@code state.accounts[].key}).
   *
   * @return their ids, in no particular order; empty when none
   */
  Future<java.util.List<String>> groupsWithAccount(String accountKey);

  /** Erases the group now; true when there was one. */
  Future<Boolean> erase(String groupId);

  /** Erases every group nobody changed since the cutoff (epoch ms); returns how many. */
  Future<Integer> eraseIdleSince(long cutoffMs);
}
