package nl.intervision.panel.store;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.intervision.panel.domain.Recorded;

/** Keeps meetings in this process only: for trying the product out and for fast tests. Lost on restart. */
public final class InMemoryEventLog implements EventLog {

  private final Map<String, List<Recorded>> meetings = new HashMap<>();

  @Override
  public synchronized Future<Void> append(String meetingId, Recorded batch) {
    List<Recorded> log = meetings.computeIfAbsent(meetingId, id -> new ArrayList<>());
    if (batch.seq() != log.size() + 1) {
      return Future.failedFuture(new ConcurrentAppend(meetingId, batch.seq()));
    }
    log.add(batch);
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<List<Recorded>> read(String meetingId, long afterSeq, int limit) {
    List<Recorded> log = meetings.getOrDefault(meetingId, List.of());
    List<Recorded> result = new ArrayList<>();
    for (int i = (int) Math.min(Math.max(afterSeq, 0), log.size()); i < log.size() && result.size() < limit; i++) {
      if (log.get(i) != null) {
        result.add(log.get(i));
      }
    }
    return Future.succeededFuture(result);
  }

  @Override
  public synchronized Future<Void> erase(String meetingId) {
    List<Recorded> log = meetings.get(meetingId);
    if (log != null) {
      for (int i = 0; i < log.size() - 1; i++) {
        log.set(i, null);
      }
    }
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<Integer> eraseIdleSince(long cutoffMs) {
    int before = meetings.size();
    meetings.values().removeIf(log -> log.get(log.size() - 1).at() < cutoffMs);
    return Future.succeededFuture(before - meetings.size());
  }

  /** Memory is always there. */
  @Override
  public Future<Void> ping() {
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }
}
