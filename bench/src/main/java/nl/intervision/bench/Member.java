package nl.intervision.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.WebSocket;
import java.util.HashMap;
import java.util.Map;

/** One simulated participant: a socket, the order it received seqs in, and the commands it has in flight. */
abstract class Member {
  final String room;
  final int index;
  final Stats stats;
  final Shared shared;
  WebSocket socket;
  long lastSeq = -1;
  final Map<String, long[]> inFlight = new HashMap<>();
  final Promise<Void> ready = Promise.promise();
  int counter;

  /** What the members of one room know together: the last card, for votes. */
  static final class Shared {
    String lastCardId;
    int cards;
  }

  Member(String room, int index, Stats stats, Shared shared) {
    this.room = room;
    this.index = index;
    this.stats = stats;
    this.shared = shared;
  }

  abstract Future<Void> start(WebSocket socket);

  /** Sends the next command of the mix; intendedAt is when the schedule wanted it sent. */
  abstract void sendNext(long intendedAt);

  String nextId() {
    return room + ":" + index + ":" + (++counter);
  }

  void seqReceived(long seq, long at) {
    if (lastSeq >= 0) {
      lastSeq = stats.order(lastSeq, seq);
    } else {
      lastSeq = seq;
    }
    stats.received(room, seq, index, at);
  }

  void landed(String id, long seq, long now, int others) {
    long[] command = inFlight.remove(id);
    if (command != null) {
      stats.commandLanded(room, seq, index, command[0], command[1], now, others);
    }
  }
}
