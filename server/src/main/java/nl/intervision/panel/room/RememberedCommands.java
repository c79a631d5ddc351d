package nl.intervision.panel.room;

import java.lang.reflect.Array;

/**
 * The seq each recent command id landed at, per sender, so a command sent again after a reconnect is
 * answered with its first seq instead of being applied twice. Kept as three arrays in a ring rather
 * than a map of concatenated keys: every command of every meeting adds an entry that lives for
 * minutes, and at a young collection each entry of a map was four objects to copy (docs/PERFORMANCE.md,
 * round two). The ids are the strings the stored batch holds already. Confined to the room's event loop.
 */
final class RememberedCommands {
  private final int capacity;
  private String[] senders = new String[8];
  private String[] commandIds = new String[8];
  private long[] seqs = new long[8];
  /** Where the next one goes; the newest is just before it. */
  private int next;
  private int size;

  RememberedCommands(int capacity) {
    this.capacity = capacity;
  }

  /** @return the seq this sender's command id landed at, or null when it is not remembered (new, or long ago) */
  Long seqOf(String senderId, String commandId) {
    int hash = commandId.hashCode();
    for (int i = 1; i <= size; i++) {
      int at = Math.floorMod(next - i, commandIds.length);
      String seen = commandIds[at];
      if (seen.hashCode() == hash && seen.equals(commandId) && senders[at].equals(senderId)) {
        return seqs[at];
      }
    }
    return null;
  }

  /** Remembers one more; past the capacity the oldest is forgotten. */
  void remember(String senderId, String commandId, long seq) {
    if (size == commandIds.length && size < capacity) {
      grow();
    }
    senders[next] = senderId;
    commandIds[next] = commandId;
    seqs[next] = seq;
    next = (next + 1) % commandIds.length;
    size = Math.min(size + 1, commandIds.length);
  }

  int size() {
    return size;
  }

  /** Only a full ring grows, so the oldest is at {@code next}: lay them out oldest first. */
  private void grow() {
    int length = Math.min(capacity, commandIds.length * 2);
    senders = oldestFirst(senders, new String[length]);
    commandIds = oldestFirst(commandIds, new String[length]);
    seqs = oldestFirst(seqs, new long[length]);
    next = size;
  }

  /** Copies a full ring into the start of a longer array of the same kind, oldest first. */
  private <A> A oldestFirst(A ring, A longer) {
    int tail = Array.getLength(ring) - next;
    System.arraycopy(ring, next, longer, 0, tail);
    System.arraycopy(ring, 0, longer, tail, next);
    return longer;
  }
}
