package nl.intervision.panel.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/** Groups for the in-memory mode: gone on restart, like its meetings. Copies in and out, as a database would. */
public final class InMemoryGroupStore implements GroupStore {
  private record Kept(long version, String state, long updatedAt) {}

  private final Map<String, Kept> groups = new HashMap<>();
  private final LongSupplier clock;

  public InMemoryGroupStore(LongSupplier clock) {
    this.clock = clock;
  }

  @Override
  public synchronized Future<Stored> load(String groupId) {
    Kept kept = groups.get(groupId);
    return Future.succeededFuture(kept == null ? null : new Stored(kept.version(), new JsonObject(kept.state())));
  }

  @Override
  public synchronized Future<Long> save(String groupId, long expectedVersion, JsonObject state) {
    Kept kept = groups.get(groupId);
    long current = kept == null ? 0 : kept.version();
    if (current != expectedVersion) {
      return Future.failedFuture(new ConcurrentChange(groupId, expectedVersion));
    }
    groups.put(groupId, new Kept(current + 1, state.encode(), clock.getAsLong()));
    return Future.succeededFuture(current + 1);
  }

  @Override
  public synchronized Future<List<String>> groupsWithAccount(String accountKey) {
    List<String> found = new ArrayList<>();
    groups.forEach((groupId, kept) -> {
      JsonArray accounts = new JsonObject(kept.state()).getJsonArray("accounts", new JsonArray());
      for (int i = 0; i < accounts.size(); i++) {
        if (accountKey.equals(accounts.getJsonObject(i).getString("key"))) {
          found.add(groupId);
          return;
        }
      }
    });
    return Future.succeededFuture(found);
  }

  @Override
  public synchronized Future<Boolean> erase(String groupId) {
    return Future.succeededFuture(groups.remove(groupId) != null);
  }

  @Override
  public synchronized Future<Integer> eraseIdleSince(long cutoffMs) {
    int before = groups.size();
    groups.values().removeIf(kept -> kept.updatedAt() < cutoffMs);
    return Future.succeededFuture(before - groups.size());
  }
}
