package nl.intervision.bench.chaos;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the participants saw, counted, and the comparison with what the database holds at the end.
 * Confined to the driver's one event loop.
 */
final class Ledger {
  private static final int EXAMPLES = 5;

  /** meeting -> command id -> the seq its ack named. */
  private final Map<String, Map<String, Long>> acked = new HashMap<>();
  private final Map<String, Integer> closeCodes = new TreeMap<>();
  private final Map<String, Integer> temporaryErrors = new TreeMap<>();
  private final List<String> problems = new ArrayList<>();
  long sent;
  long ackCount;
  long gaps;
  long duplicates;
  long resyncs;
  long refused;
  long skipped;
  long welcomes;
  long resent;
  long fatal;
  /** System.nanoTime() of the last ack; with the fault's time it tells how long commands stalled. */
  long lastAckAt;
  long firstAckAfter;
  private long watchFrom = Long.MAX_VALUE;

  void sent() {
    sent++;
  }

  void acked(String meetingId, String commandId, long seq) {
    Long before = acked.computeIfAbsent(meetingId, m -> new HashMap<>()).put(commandId, seq);
    if (before != null && before != seq) {
      problem("command " + commandId + " was acked at seq " + before + " and again at " + seq);
    }
    ackCount++;
    long now = System.nanoTime();
    lastAckAt = now;
    if (now >= watchFrom && firstAckAfter == 0) {
      firstAckAfter = now;
    }
  }

  /** From now on, remember when the first ack arrives (to time a recovery). */
  void watchForAck() {
    watchFrom = System.nanoTime();
    firstAckAfter = 0;
  }

  void closed(Short code) {
    closeCodes.merge(code == null ? "none" : code.toString(), 1, Integer::sum);
  }

  void temporaryError(String code) {
    temporaryErrors.merge(code, 1, Integer::sum);
  }

  void refused(String why) {
    refused++;
    problem("refused: " + why);
  }

  void gap(String meetingId, long had, long got) {
    gaps++;
    problem("gap in " + meetingId + ": had seq " + had + ", then " + got);
  }

  void duplicate(String meetingId, long seq) {
    duplicates++;
    problem("seq " + seq + " of " + meetingId + " arrived twice");
  }

  void resynced() {
    resyncs++;
  }

  void skipped() {
    skipped++;
  }

  /** @param unacked commands the participant sends again, with their ids, after this welcome */
  void welcomed(int unacked) {
    welcomes++;
    resent += unacked;
  }

  void fatal(String why) {
    fatal++;
    problem(why);
  }

  private void problem(String text) {
    if (problems.size() < EXAMPLES) {
      problems.add(text);
    }
  }

  /**
   * Compares the acks with the log: every acked command is stored at the seq its ack named, no
   * command id is stored twice, and the seqs of each meeting run 1..n without holes.
   */
  Future<JsonObject> verify(Pool pool) {
    List<Future<int[]>> checks = new ArrayList<>();
    for (var meeting : acked.entrySet()) {
      checks.add(pool.preparedQuery("SELECT seq, command_id FROM meeting_event WHERE meeting_id = $1 ORDER BY seq")
          .execute(Tuple.of(meeting.getKey()))
          .map(rows -> {
            Map<Long, String> stored = new HashMap<>();
            Map<String, Integer> times = new HashMap<>();
            long expected = 1;
            int holes = 0;
            for (Row row : rows) {
              long seq = row.getLong(0);
              if (seq != expected) {
                holes++;
              }
              expected = seq + 1;
              String id = row.getString(1);
              stored.put(seq, id);
              if (id != null) {
                times.merge(id, 1, Integer::sum);
              }
            }
            int lost = 0;
            for (var ack : meeting.getValue().entrySet()) {
              if (!ack.getKey().equals(stored.get(ack.getValue()))) {
                lost++;
                problem("acked " + ack.getKey() + " at seq " + ack.getValue() + " but the log has " + stored.get(ack.getValue()));
              }
            }
            int twice = (int) times.values().stream().filter(n -> n > 1).count();
            return new int[] {lost, twice, holes};
          }));
    }
    return Future.all(checks).map(all -> {
      int lost = 0;
      int twice = 0;
      int holes = 0;
      for (Future<int[]> check : checks) {
        lost += check.result()[0];
        twice += check.result()[1];
        holes += check.result()[2];
      }
      return new JsonObject().put("lostAcked", lost).put("appliedTwice", twice).put("holesInLog", holes);
    });
  }

  JsonObject counters() {
    return new JsonObject()
        .put("sent", sent).put("acked", ackCount).put("refused", refused).put("skippedOutboxFull", skipped)
        .put("gaps", gaps).put("duplicates", duplicates).put("resyncs", resyncs).put("welcomes", welcomes)
        .put("resentAfterReconnect", resent)
        .put("finalCloses", fatal)
        .put("closeCodes", new JsonObject(new HashMap<>(closeCodes)))
        .put("temporaryErrors", new JsonObject(new HashMap<>(temporaryErrors)))
        .put("problems", new JsonArray(problems));
  }
}
