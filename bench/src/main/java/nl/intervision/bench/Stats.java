package nl.intervision.bench;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Latencies and correctness counters of one point. All times are System.nanoTime() of this one
 * process, so sender and receivers share a clock. A command's seq is learnt from its ack (or its echo);
 * a receipt that arrives before that waits for it.
 */
final class Stats {
  final Histogram fanout = histogram();
  final Histogram fanoutFromIntended = histogram();
  final Histogram ack = histogram();
  long measureFrom;
  /** Set when the counting stops, before the database is checked. */
  boolean closed;
  long measureUntil;
  long sent;
  long acked;
  long refused;
  long deliveries;
  long expectedDeliveries;
  long gaps;
  long duplicates;

  private final Map<String, Room> rooms = new HashMap<>();

  private static final class Room {
    final Map<Long, long[]> commandBySeq = new HashMap<>();
    final Map<Long, List<long[]>> early = new HashMap<>();
  }

  /** Every (room, seq) acked within the window, to check against the database afterwards. */
  final Map<String, List<Long>> ackedSeqs = new HashMap<>();

  private static Histogram histogram() {
    return new Histogram(60_000_000_000L, 3);
  }

  boolean measuring(long at) {
    return at >= measureFrom && at < measureUntil;
  }

  /** The sender learnt which seq its command got. */
  void commandLanded(String room, long seq, int sender, long intendedAt, long sentAt, long now, int others) {
    if (closed || !measuring(intendedAt)) {
      return;
    }
    acked++;
    ackedSeqs.computeIfAbsent(room, k -> new ArrayList<>()).add(seq);
    expectedDeliveries += others;
    ack.recordValue(Math.max(0, now - sentAt) / 1000);
    Room r = rooms.computeIfAbsent(room, k -> new Room());
    r.commandBySeq.put(seq, new long[] {intendedAt, sentAt, sender});
    List<long[]> waiting = r.early.remove(seq);
    if (waiting != null) {
      for (long[] receipt : waiting) {
        if (receipt[0] != sender) {
          delivered(intendedAt, sentAt, receipt[1]);
        }
      }
    }
  }

  /** A member received the events of seq; the sender's own copy does not count as fan-out. */
  void received(String room, long seq, int member, long at) {
    Room r = rooms.computeIfAbsent(room, k -> new Room());
    long[] command = r.commandBySeq.get(seq);
    if (command == null) {
      r.early.computeIfAbsent(seq, k -> new ArrayList<>()).add(new long[] {member, at});
    } else if (command[2] != member) {
      delivered(command[0], command[1], at);
    }
  }

  private void delivered(long intendedAt, long sentAt, long at) {
    if (closed) {
      return;
    }
    deliveries++;
    fanout.recordValue(Math.max(0, at - sentAt) / 1000);
    fanoutFromIntended.recordValue(Math.max(0, at - intendedAt) / 1000);
  }

  /** Sequence checks per member: every seq once, in order. */
  long order(long last, long seq) {
    if (seq == last + 1) {
      return seq;
    }
    if (seq <= last) {
      duplicates++;
      return last;
    }
    gaps += seq - last - 1;
    return seq;
  }

  /** The whole histogram, compressed and in base64, so that several generators' can be added up. */
  static String encoded(Histogram h) {
    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(h.getNeededByteBufferCapacity());
    int length = h.encodeIntoCompressedByteBuffer(buffer);
    return java.util.Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
  }

  static Histogram decoded(String base64) {
    try {
      return Histogram.decodeFromCompressedByteBuffer(java.nio.ByteBuffer.wrap(java.util.Base64.getDecoder().decode(base64)), 0);
    } catch (java.util.zip.DataFormatException e) {
      throw new IllegalArgumentException("not an encoded histogram", e);
    }
  }

  static JsonObject percentiles(Histogram h) {
    return new JsonObject()
        .put("p50", h.getValueAtPercentile(50) / 1000.0)
        .put("p99", h.getValueAtPercentile(99) / 1000.0)
        .put("p999", h.getValueAtPercentile(99.9) / 1000.0)
        .put("max", h.getMaxValue() / 1000.0)
        .put("count", h.getTotalCount());
  }
}
